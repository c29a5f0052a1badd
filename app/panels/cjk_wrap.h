// Word wrap that also breaks between Chinese characters. ImGui 1.86 only breaks at spaces,
// so a sentence of hanzi is one "word" and wraps badly.
#pragma once

#include <string_view>

namespace gs::app {

/// Draws `text` as wrapped lines no wider than the content region.
void TextWrappedCjk(std::string_view text);

}  // namespace gs::app
