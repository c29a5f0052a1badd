// Bilingual text: every narration and title exists in English and Simplified Chinese.
#pragma once

#include <string>
#include <string_view>

namespace gs {

enum class Lang { kEn, kZh };

/// Parses "en" / "zh"; returns false for anything else.
bool ParseLang(std::string_view s, Lang* out);
std::string_view LangCode(Lang lang);

struct LocalizedText {
  std::string en;
  std::string zh;

  /// The text in `lang`, falling back to the other language when that one is empty.
  const std::string& Get(Lang lang) const {
    if (lang == Lang::kZh) return zh.empty() ? en : zh;
    return en.empty() ? zh : en;
  }
  bool Empty() const { return en.empty() && zh.empty(); }
  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

}  // namespace gs
