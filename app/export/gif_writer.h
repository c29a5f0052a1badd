// An animated GIF written frame by frame (giflib), each frame with its own 256-colour
// palette (giflib's median-cut quantizer), looping forever: a step range as a clip for slides.
#pragma once

#include <string>

#include "app/export/raster.h"

struct GifFileType;

namespace gs::app {

class GifWriter {
 public:
  GifWriter() = default;
  ~GifWriter();
  GifWriter(const GifWriter&) = delete;
  GifWriter& operator=(const GifWriter&) = delete;

  /// Starts an animation of width × height for `path` (written by Close()). False (with
  /// Error()) on failure.
  bool Open(const std::string& path, int width, int height);
  /// Appends a frame shown for `delay_cs` hundredths of a second.
  bool AddFrame(const Image& frame, int delay_cs);
  /// Finishes the file. False when anything failed on the way.
  bool Close();
  const std::string& Error() const { return m_error; }
  int Frames() const { return m_frames; }

 private:
  GifFileType* m_gif = nullptr;
  std::string m_path;
  std::string m_bytes;  ///< the file as it is built; saved atomically by Close()
  int m_width = 0, m_height = 0, m_frames = 0;
  std::string m_error;
};

}  // namespace gs::app
