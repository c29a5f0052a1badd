#include "app/views/canvas.h"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

namespace gs::app {

// [SECTION] Canvas
ImFont* Canvas::FontFor(float size, std::string_view text) const {
  if (!m_big || !m_font) return m_font;
  // Scaling a glyph bitmap up blurs it; scaling one down stays sharp. Past 1.25× the UI
  // size the big face (about 2×) is the sharper of the two, if it has every character
  // (it holds only the pictures' own strings).
  if (size <= m_font->FontSize * 1.25f) return m_font;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    p += n;
    if (c >= 0x80 && !m_big->FindGlyphNoFallback(static_cast<ImWchar>(c))) return m_font;
  }
  return m_big;
}

ImVec2 Canvas::TextSize(float size, std::string_view text, float wrap_width) const {
  if (!m_font || text.empty()) return ImVec2(0, text.empty() ? 0 : size);
  const ImFont* f = FontFor(size, text);
  return f->CalcTextSizeA(size, 1e9f, wrap_width, text.data(), text.data() + text.size());
}

void Canvas::Text(ImVec2 pos, float size, ImU32 col, std::string_view text, float wrap_width) {
  if (text.empty() || !m_font) return;
  if (m_recording) {
    const ImVec2 ts = TextSize(size, text, wrap_width);
    m_texts.push_back({pos, ImVec2(pos.x + ts.x, pos.y + ts.y), size, std::string(text)});
  }
  DrawText(FontFor(size, text), pos, size, col, text, wrap_width);
}

ImVec2 Canvas::TextCentered(ImVec2 c, float size, ImU32 col, std::string_view text) {
  const ImVec2 ts = TextSize(size, text);
  const ImVec2 pos(std::floor(c.x - ts.x * 0.5f), std::floor(c.y - ts.y * 0.5f));
  Text(pos, size, col, text);
  return pos;
}

// [SECTION] ImCanvas
ImCanvas ImCanvas::ForCurrentWindow() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  ImFont* big = atlas->Fonts.Size > 1 ? atlas->Fonts[1] : nullptr;
  return ImCanvas(ImGui::GetWindowDrawList(), ImGui::GetFont(), big);
}

void ImCanvas::Line(ImVec2 a, ImVec2 b, ImU32 col, float thickness) {
  m_dl->AddLine(a, b, col, thickness);
}

void ImCanvas::Rect(ImVec2 a, ImVec2 b, ImU32 col, float rounding, float thickness) {
  m_dl->AddRect(a, b, col, rounding, 0, thickness);
}

void ImCanvas::RectFilled(ImVec2 a, ImVec2 b, ImU32 col, float rounding) {
  m_dl->AddRectFilled(a, b, col, rounding);
}

void ImCanvas::Circle(ImVec2 c, float r, ImU32 col, float thickness) {
  m_dl->AddCircle(c, r, col, 0, thickness);
}

void ImCanvas::CircleFilled(ImVec2 c, float r, ImU32 col) {
  m_dl->AddCircleFilled(c, r, col, 0);
}

void ImCanvas::TriangleFilled(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 col) {
  m_dl->AddTriangleFilled(a, b, c, col);
}

void ImCanvas::Arc(ImVec2 c, float r, float a0, float a1, ImU32 col, float thickness) {
  const int segs = std::max(4, int(std::fabs(a1 - a0) * r / 6.0f));
  m_dl->PathArcTo(c, r, a0, a1, std::min(segs, 64));
  m_dl->PathStroke(col, 0, thickness);
}

void ImCanvas::Bezier(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, ImU32 col, float thickness) {
  m_dl->AddBezierCubic(p0, p1, p2, p3, col, thickness, 0);
}

void ImCanvas::PolyFilled(const ImVec2* pts, int n, ImU32 col) {
  m_dl->AddConvexPolyFilled(pts, n, col);
}

void ImCanvas::PushClip(ImVec2 a, ImVec2 b) {
  m_dl->PushClipRect(a, b, true);
}

void ImCanvas::PopClip() {
  m_dl->PopClipRect();
}

void ImCanvas::DrawText(ImFont* font, ImVec2 pos, float size, ImU32 col, std::string_view text,
                        float wrap_width) {
  m_dl->AddText(font, size, pos, col, text.data(), text.data() + text.size(), wrap_width);
}

}  // namespace gs::app
