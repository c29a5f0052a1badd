#include "engine/core/text.h"

namespace gs {

bool ParseLang(std::string_view s, Lang* out) {
  if (s == "en") {
    *out = Lang::kEn;
    return true;
  }
  if (s == "zh") {
    *out = Lang::kZh;
    return true;
  }
  return false;
}

std::string_view LangCode(Lang lang) {
  return lang == Lang::kZh ? "zh" : "en";
}

}  // namespace gs
