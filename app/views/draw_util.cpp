#include "app/views/draw_util.h"

#include <algorithm>
#include <cmath>

namespace gs::app {

void DashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash,
                float gap) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) return;
  const float ux = dx / len, uy = dy / len;
  for (float s = 0; s < len; s += dash + gap) {
    const float e = std::min(s + dash, len);
    dl->AddLine(ImVec2(a.x + ux * s, a.y + uy * s), ImVec2(a.x + ux * e, a.y + uy * e), col,
                thickness);
  }
}

void Arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float head,
           bool dashed) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) return;
  const float ux = dx / len, uy = dy / len;
  const ImVec2 base(b.x - ux * head, b.y - uy * head);
  if (dashed) {
    DashedLine(dl, a, base, col, thickness, head * 0.9f, head * 0.6f);
  } else {
    dl->AddLine(a, base, col, thickness);
  }
  const ImVec2 left(base.x - uy * head * 0.55f, base.y + ux * head * 0.55f);
  const ImVec2 right(base.x + uy * head * 0.55f, base.y - ux * head * 0.55f);
  dl->AddTriangleFilled(b, left, right, col);
}

void HatchCircle(ImDrawList* dl, ImVec2 c, float r, ImU32 col, float spacing, float thickness) {
  // Lines x - y = d (45°) clipped to the circle: half-chord sqrt(r² - (d/√2)²).
  const float inv_sqrt2 = 0.70710678f;
  for (float d = -r * 1.4142f + spacing * 0.5f; d < r * 1.4142f; d += spacing) {
    const float dist = d * inv_sqrt2;  // distance of the line from the centre
    if (std::fabs(dist) >= r) continue;
    const float half = std::sqrt(r * r - dist * dist);
    // Direction of the line (1,1)/√2; its closest point to c is c + dist * (1,-1)/√2.
    const ImVec2 mid(c.x + dist * inv_sqrt2, c.y - dist * inv_sqrt2);
    dl->AddLine(ImVec2(mid.x - half * inv_sqrt2, mid.y - half * inv_sqrt2),
                ImVec2(mid.x + half * inv_sqrt2, mid.y + half * inv_sqrt2), col, thickness);
  }
}

void HatchRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float spacing, float thickness) {
  dl->PushClipRect(a, b, true);
  const float h = b.y - a.y;
  for (float x = a.x - h; x < b.x; x += spacing) {
    dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), col, thickness);
  }
  dl->PopClipRect();
}

void DashedCircle(ImDrawList* dl, ImVec2 c, float r, ImU32 col, float thickness, int segments) {
  const float step = 6.2831853f / float(segments * 2);
  for (int i = 0; i < segments; ++i) {
    const float a0 = step * float(2 * i), a1 = a0 + step;
    dl->PathArcTo(c, r, a0, a1, 6);
    dl->PathStroke(col, 0, thickness);
  }
}

void CenteredText(ImDrawList* dl, ImVec2 c, ImU32 col, const char* text, float size) {
  ImFont* font = ImGui::GetFont();
  const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text);
  dl->AddText(font, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), col, text);
}

ImVec2 Pill(ImDrawList* dl, ImVec2 pos, ImU32 bg, ImU32 fg, const char* text, float size) {
  ImFont* font = ImGui::GetFont();
  const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text);
  const float pad = size * 0.35f;
  const ImVec2 sz(ts.x + pad * 2, ts.y + pad * 0.8f);
  dl->AddRectFilled(pos, ImVec2(pos.x + sz.x, pos.y + sz.y), bg, sz.y * 0.5f);
  dl->AddText(font, size, ImVec2(pos.x + pad, pos.y + pad * 0.4f), fg, text);
  return sz;
}

ImVec2 CircleEdge(ImVec2 c, float r, ImVec2 from) {
  const float dx = from.x - c.x, dy = from.y - c.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) return c;
  return ImVec2(c.x + dx / len * r, c.y + dy / len * r);
}

ImVec2 RectEdge(ImVec2 a, ImVec2 b, ImVec2 from) {
  const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
  const float hw = (b.x - a.x) * 0.5f, hh = (b.y - a.y) * 0.5f;
  const float dx = from.x - c.x, dy = from.y - c.y;
  if (std::fabs(dx) < 1e-3f && std::fabs(dy) < 1e-3f) return c;
  const float sx = std::fabs(dx) > 1e-3f ? hw / std::fabs(dx) : 1e9f;
  const float sy = std::fabs(dy) > 1e-3f ? hh / std::fabs(dy) : 1e9f;
  const float s = std::min(sx, sy);
  return ImVec2(c.x + dx * s, c.y + dy * s);
}

// [SECTION] on a Canvas
void DashedLine(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash, float gap) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f || dash <= 0) return;
  const float ux = dx / len, uy = dy / len;
  for (float s = 0; s < len; s += dash + gap) {
    const float e = std::min(s + dash, len);
    c.Line(ImVec2(a.x + ux * s, a.y + uy * s), ImVec2(a.x + ux * e, a.y + uy * e), col, thickness);
  }
}

void Arrow(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float head, bool dashed) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) return;
  const float ux = dx / len, uy = dy / len;
  const ImVec2 base(b.x - ux * head, b.y - uy * head);
  if (dashed) {
    DashedLine(c, a, base, col, thickness, head * 0.9f, head * 0.6f);
  } else {
    c.Line(a, base, col, thickness);
  }
  const ImVec2 left(base.x - uy * head * 0.55f, base.y + ux * head * 0.55f);
  const ImVec2 right(base.x + uy * head * 0.55f, base.y - ux * head * 0.55f);
  c.TriangleFilled(b, left, right, col);
}

void HatchCircle(Canvas& c, ImVec2 centre, float r, ImU32 col, float spacing, float thickness) {
  const float inv_sqrt2 = 0.70710678f;
  for (float d = -r * 1.4142f + spacing * 0.5f; d < r * 1.4142f; d += spacing) {
    const float dist = d * inv_sqrt2;
    if (std::fabs(dist) >= r) continue;
    const float half = std::sqrt(r * r - dist * dist);
    const ImVec2 mid(centre.x + dist * inv_sqrt2, centre.y - dist * inv_sqrt2);
    c.Line(ImVec2(mid.x - half * inv_sqrt2, mid.y - half * inv_sqrt2),
           ImVec2(mid.x + half * inv_sqrt2, mid.y + half * inv_sqrt2), col, thickness);
  }
}

void HatchRect(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float spacing, float thickness) {
  c.PushClip(a, b);
  const float h = b.y - a.y;
  for (float x = a.x - h; x < b.x; x += spacing) {
    c.Line(ImVec2(x, b.y), ImVec2(x + h, a.y), col, thickness);
  }
  c.PopClip();
}

void DashedCircle(Canvas& c, ImVec2 centre, float r, ImU32 col, float thickness, int segments) {
  const float step = 6.2831853f / float(segments * 2);
  for (int i = 0; i < segments; ++i) {
    const float a0 = step * float(2 * i);
    c.Arc(centre, r, a0, a0 + step, col, thickness);
  }
}

void DashedRect(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash) {
  DashedLine(c, a, ImVec2(b.x, a.y), col, thickness, dash, dash * 0.7f);
  DashedLine(c, ImVec2(b.x, a.y), b, col, thickness, dash, dash * 0.7f);
  DashedLine(c, b, ImVec2(a.x, b.y), col, thickness, dash, dash * 0.7f);
  DashedLine(c, ImVec2(a.x, b.y), a, col, thickness, dash, dash * 0.7f);
}

ImVec2 PillSize(const Canvas& c, std::string_view text, float size) {
  const ImVec2 ts = c.TextSize(size, text);
  const float pad = size * 0.35f;
  return ImVec2(ts.x + pad * 2, ts.y + pad * 0.8f);
}

ImVec2 Pill(Canvas& c, ImVec2 pos, ImU32 bg, ImU32 fg, std::string_view text, float size) {
  const ImVec2 sz = PillSize(c, text, size);
  const float pad = size * 0.35f;
  c.RectFilled(pos, ImVec2(pos.x + sz.x, pos.y + sz.y), bg, sz.y * 0.5f);
  c.Text(ImVec2(pos.x + pad, pos.y + pad * 0.4f), size, fg, text);
  return sz;
}

// [SECTION] change marks
float ChangeOutline(float base_line, float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  // From 3× the steady width down to it: the eye catches the shrinking ring.
  return base_line * (1.5f + 2.0f * (1.0f - t));
}

float GhostAlpha(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return 0.55f - 0.25f * t;
}

void MarkChangedCircle(Canvas& c, ImVec2 centre, float r, ImU32 col, float base_line, float t) {
  const float w = ChangeOutline(base_line, t);
  const float gap = base_line * (1.0f + 3.0f * (1.0f - std::clamp(t, 0.0f, 1.0f)));
  c.Circle(centre, r + gap + w * 0.5f, col, w);
}

void MarkChangedRect(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float base_line, float t,
                     float rounding) {
  const float w = ChangeOutline(base_line, t);
  const float gap = base_line * (1.0f + 3.0f * (1.0f - std::clamp(t, 0.0f, 1.0f))) + w * 0.5f;
  c.Rect(ImVec2(a.x - gap, a.y - gap), ImVec2(b.x + gap, b.y + gap), col, rounding + gap, w);
}

void MoveArrow(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float head, float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  const float e = t * t * (3.0f - 2.0f * t);
  const ImVec2 tip(a.x + (b.x - a.x) * e, a.y + (b.y - a.y) * e);
  const float dx = tip.x - a.x, dy = tip.y - a.y;
  if (dx * dx + dy * dy < head * head) return;
  Arrow(c, a, tip, col, thickness, head, /*dashed=*/false);
}

float FitScale(ImVec2 avail, ImVec2 design) {
  if (design.x <= 0 || design.y <= 0) return 1.0f;
  return std::max(1.0f, std::min(avail.x / design.x, avail.y / design.y));
}

}  // namespace gs::app
