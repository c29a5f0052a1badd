#include "app/shell/screenshot.h"

#include <glad/gl.h>
#include <stb_image_write.h>

#include <string>
#include <vector>

#include "app/shell/config_store.h"

namespace gs::app {

bool SaveBackBufferPng(const std::string& path, int width, int height) {
  if (width <= 0 || height <= 0) return false;
  std::vector<unsigned char> pixels(std::size_t(width) * std::size_t(height) * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);  // GL's origin is the bottom-left corner
  // Encoded in memory and saved like every other file the app writes (atomic, links kept).
  std::string bytes;
  auto sink = [](void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), std::size_t(size));
  };
  if (!stbi_write_png_to_func(sink, &bytes, width, height, 3, pixels.data(), width * 3)) {
    return false;
  }
  return WriteFileAtomic(path, bytes);
}

}  // namespace gs::app
