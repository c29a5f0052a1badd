// Saving the back buffer as a PNG (stb_image_write from Debian's libstb).
#pragma once

#include <string>

namespace gs::app {

/// Reads the current GL back buffer (width × height) and writes it as an RGB PNG.
bool SaveBackBufferPng(const std::string& path, int width, int height);

}  // namespace gs::app
