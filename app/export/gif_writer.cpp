#include "app/export/gif_writer.h"

#include <gif_lib.h>

#include <cstring>
#include <vector>

#include "app/shell/config_store.h"

namespace gs::app {

GifWriter::~GifWriter() {
  if (m_gif) {
    int err = 0;
    EGifCloseFile(m_gif, &err);
  }
}

namespace {

// giflib's output callback: the clip is built in memory and written in one atomic save, so a
// failed or interrupted export never leaves half a GIF under the final name.
int AppendBytes(GifFileType* gif, const GifByteType* bytes, int n) {
  static_cast<std::string*>(gif->UserData)
      ->append(reinterpret_cast<const char*>(bytes), std::size_t(n));
  return n;
}

}  // namespace

bool GifWriter::Open(const std::string& path, int width, int height) {
  int err = 0;
  m_path = path;
  m_bytes.clear();
  m_gif = EGifOpen(&m_bytes, &AppendBytes, &err);
  if (!m_gif) {
    m_error = std::string("cannot write ") + path + ": " + GifErrorString(err);
    return false;
  }
  m_width = width;
  m_height = height;
  EGifSetGifVersion(m_gif, /*gif89=*/true);  // delays and looping need GIF89a
  if (EGifPutScreenDesc(m_gif, width, height, 8, 0, nullptr) == GIF_ERROR) {
    m_error = GifErrorString(m_gif->Error);
    return false;
  }
  // NETSCAPE2.0 application extension: loop forever.
  unsigned char app_id[] = "NETSCAPE2.0";
  unsigned char loop[3] = {1, 0, 0};
  if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
      EGifPutExtensionBlock(m_gif, 11, app_id) == GIF_ERROR ||
      EGifPutExtensionBlock(m_gif, 3, loop) == GIF_ERROR ||
      EGifPutExtensionTrailer(m_gif) == GIF_ERROR) {
    m_error = GifErrorString(m_gif->Error);
    return false;
  }
  return true;
}

bool GifWriter::AddFrame(const Image& frame, int delay_cs) {
  if (!m_gif || frame.width != m_width || frame.height != m_height) {
    if (m_error.empty()) m_error = "frame size does not match the animation";
    return false;
  }
  const std::size_t n = std::size_t(m_width) * std::size_t(m_height);
  std::vector<GifByteType> r(n), g(n), b(n), index(n);
  for (std::size_t i = 0; i < n; ++i) {
    r[i] = frame.rgba[i * 4];
    g[i] = frame.rgba[i * 4 + 1];
    b[i] = frame.rgba[i * 4 + 2];
  }
  GifColorType colors[256] = {};
  int map_size = 256;
  if (GifQuantizeBuffer(unsigned(m_width), unsigned(m_height), &map_size, r.data(), g.data(),
                        b.data(), index.data(), colors) == GIF_ERROR) {
    m_error = "cannot reduce the frame to 256 colours";
    return false;
  }
  GraphicsControlBlock gcb{};
  gcb.DisposalMode = DISPOSE_DO_NOT;
  gcb.UserInputFlag = false;
  gcb.DelayTime = delay_cs;
  gcb.TransparentColor = NO_TRANSPARENT_COLOR;
  GifByteType ext[4];
  EGifGCBToExtension(&gcb, ext);
  ColorMapObject* map = GifMakeMapObject(256, colors);
  bool ok = map && EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) != GIF_ERROR &&
            EGifPutImageDesc(m_gif, 0, 0, m_width, m_height, false, map) != GIF_ERROR;
  for (int y = 0; ok && y < m_height; ++y) {
    ok = EGifPutLine(m_gif, index.data() + std::size_t(y) * std::size_t(m_width), m_width) !=
         GIF_ERROR;
  }
  GifFreeMapObject(map);
  if (!ok) {
    m_error = GifErrorString(m_gif->Error);
    return false;
  }
  ++m_frames;
  return true;
}

bool GifWriter::Close() {
  if (!m_gif) return false;
  int err = 0;
  const bool ok = EGifCloseFile(m_gif, &err) != GIF_ERROR;
  m_gif = nullptr;
  if (!ok) m_error = GifErrorString(err);
  if (!ok || !m_error.empty()) return false;
  if (std::string why; !WriteFileAtomic(m_path, m_bytes, &why)) {
    m_error = "cannot write " + m_path + ": " + why;
    return false;
  }
  return true;
}

}  // namespace gs::app
