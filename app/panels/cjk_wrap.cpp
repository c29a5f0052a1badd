#include "app/panels/cjk_wrap.h"

#include <imgui.h>

namespace gs::app {
namespace {

// Length of the UTF-8 sequence at p and its code point.
int Decode(const char* p, const char* end, unsigned* cp) {
  const auto lead = static_cast<unsigned char>(*p);
  int n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
  if (end - p < n) n = int(end - p);
  unsigned c = n == 1 ? lead : lead & (0x3Fu >> (n - 1));
  for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(p[k]) & 0x3Fu);
  *cp = c;
  return n;
}

bool IsWide(unsigned cp) {
  return cp >= 0x2E80;
}  // CJK, full-width punctuation

// Closing punctuation must not start a line.
bool NoLineStart(unsigned cp) {
  return cp == 0x3002 || cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1A || cp == 0xFF1B ||
         cp == 0xFF09 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x201D;
}

}  // namespace

void TextWrappedCjk(std::string_view text) {
  const float width = ImGui::GetContentRegionAvail().x;
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const char* line = p;
    const char* brk = nullptr;  // last allowed break (end of line content)
    const char* resume = nullptr;
    float w = 0;
    const char* q = p;
    while (q < end) {
      unsigned cp = 0;
      const int n = Decode(q, end, &cp);
      if (cp == '\n') {
        brk = q;
        resume = q + 1;
        break;
      }
      const float cw = font->CalcTextSizeA(size, 1e9f, 0.0f, q, q + n).x;
      if (w + cw > width && q > line) {
        if (!brk) {
          brk = q;
          resume = q;
        }
        break;
      }
      w += cw;
      if (cp == ' ') {
        brk = q;
        resume = q + 1;
      } else if (IsWide(cp)) {
        unsigned next = 0;
        if (q + n < end) Decode(q + n, end, &next);
        if (!NoLineStart(next)) {
          brk = q + n;
          resume = q + n;
        }
      }
      q += n;
    }
    if (q >= end) {
      brk = end;
      resume = end;
    }
    ImGui::TextUnformatted(line, brk);
    p = resume;
  }
}

}  // namespace gs::app
