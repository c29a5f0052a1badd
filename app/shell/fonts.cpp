#include "app/shell/fonts.h"

#include <fontconfig/fontconfig.h>

#include <filesystem>

namespace gs::app {

FontFile FindCjkFont() {
  FontFile out;
  // fonts-wqy-microhei is the installed default; ask fontconfig so others work too.
  const char* known = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
  if (!FcInit()) {
    if (std::filesystem::exists(known)) out.path = known;
    return out;
  }
  FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif:lang=zh-cn"));
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pat, &result);
  if (match) {
    FcChar8* file = nullptr;
    int index = 0;
    FcLangSet* langs = nullptr;
    bool covers_zh =
        FcPatternGetLangSet(match, FC_LANG, 0, &langs) == FcResultMatch &&
        FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("zh-cn")) != FcLangDifferentLang;
    if (covers_zh && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
      out.path = reinterpret_cast<const char*>(file);
      if (FcPatternGetInteger(match, FC_INDEX, 0, &index) == FcResultMatch) out.index = index;
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pat);
  if (out.path.empty() && std::filesystem::exists(known)) out.path = known;
  return out;
}

bool BuildFonts(ImFontAtlas* atlas, float pixel_size, const std::string& extra_text,
                ImVector<ImWchar>* ranges, const std::string* picture_text,
                ImVector<ImWchar>* picture_ranges) {
  atlas->Clear();
  static const FontFile font = FindCjkFont();  // fontconfig lookup once per process
  if (font.path.empty()) {
    ImFontConfig cfg;
    cfg.SizePixels = pixel_size;
    atlas->AddFontDefault(&cfg);
    return false;
  }
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(atlas->GetGlyphRangesChineseSimplifiedCommon());
  static const ImWchar kExtra[] = {0x2000, 0x206F,  // punctuation: – — ’ “ ” …
                                   0x2190, 0x21FF,  // arrows ← → ↑ ↓
                                   0x2200, 0x22FF,  // math ≤ ≥ ≠
                                   0x2500, 0x25FF,  // boxes and shapes ▶ ■ ●
                                   0x2700, 0x27BF,  // ✓ ✕
                                   0x3000, 0x303F,  // CJK punctuation
                                   0xFF00, 0xFFEF,  // full-width forms （）：，
                                   0};
  builder.AddRanges(kExtra);
  builder.AddText(extra_text.c_str());
  ranges->clear();
  builder.BuildRanges(ranges);
  ImFontConfig cfg;
  cfg.FontNo = font.index;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  ImFont* f = atlas->AddFontFromFileTTF(font.path.c_str(), pixel_size, &cfg, ranges->Data);
  if (!f) {
    ImFontConfig fallback;
    fallback.SizePixels = pixel_size;
    atlas->AddFontDefault(&fallback);
    return false;
  }
  if (picture_text && picture_ranges) {
    // The big face covers only what pictures draw: the common hanzi at twice the size would
    // quadruple the atlas.
    ImFontGlyphRangesBuilder big;
    big.AddRanges(atlas->GetGlyphRangesDefault());
    big.AddRanges(kExtra);
    big.AddText(picture_text->c_str());
    picture_ranges->clear();
    big.BuildRanges(picture_ranges);
    ImFontConfig bcfg = cfg;
    bcfg.OversampleH = 1;
    atlas->AddFontFromFileTTF(font.path.c_str(), pixel_size * 2.0f, &bcfg, picture_ranges->Data);
  }
  return true;
}

}  // namespace gs::app
