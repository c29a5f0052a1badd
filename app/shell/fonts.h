// Fonts: a CJK-capable font found through fontconfig, so English and 简体中文 both render.
#pragma once

#include <string>

#include <imgui.h>

namespace gs::app {

struct FontFile {
  std::string path;  ///< "" when none was found
  int index = 0;     ///< face index inside a .ttc collection
};

/// Asks fontconfig for a sans-serif font covering Simplified Chinese.
FontFile FindCjkFont();

/// Rebuilds `atlas` with that font at `pixel_size`: Latin, punctuation, the common
/// simplified hanzi, plus every character of `extra_text` (UI strings, narration).
/// Falls back to ImGui's built-in font (Latin only) when no CJK font exists.
/// Returns true when the CJK font was used.
/// `ranges` must outlive the atlas build (the atlas keeps a pointer to it).
/// With `picture_text`, a second font (atlas->Fonts[1]) holds the same face at twice the size
/// for Latin, punctuation and the characters of `picture_text` only (the views' labels), so
/// text a view draws large stays sharp; `picture_ranges` must outlive the build too.
bool BuildFonts(ImFontAtlas* atlas, float pixel_size, const std::string& extra_text,
                ImVector<ImWchar>* ranges, const std::string* picture_text = nullptr,
                ImVector<ImWchar>* picture_ranges = nullptr);

}  // namespace gs::app
