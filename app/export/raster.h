// A CPU rasterizer for ImGui draw data: what the export command renders with, so PNG, GIF
// and slide exports need no display, no GL and no window system (a lecture's frames can be
// produced on a build machine). It draws exactly what the ImGui backends draw: textured,
// vertex-coloured triangles, clipped per command, alpha-blended over the target in order.
#pragma once

#include <cstdint>
#include <vector>

#include <imgui.h>

namespace gs::app {

/// An 8-bit RGBA image, rows top to bottom.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  ///< width * height * 4

  Image() = default;
  Image(int w, int h, ImU32 fill);
  std::uint8_t* At(int x, int y) {
    return &rgba[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 4];
  }
  const std::uint8_t* At(int x, int y) const {
    return &rgba[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 4];
  }
};

/// The font atlas as the rasterizer samples it (RGBA32, from ImFontAtlas::GetTexDataAsRGBA32).
struct AtlasView {
  const unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
};

/// Draws `dd` into `target` (which has the display's size). Every texture id is taken to be
/// the font atlas: the only texture Gopherscope's UI uses.
void RasterizeDrawData(const ImDrawData& dd, const AtlasView& atlas, Image& target);

}  // namespace gs::app
