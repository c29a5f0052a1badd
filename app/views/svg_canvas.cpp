#include "app/views/svg_canvas.h"

#include <cmath>
#include <cstdio>

namespace gs::app {
namespace {

void Num(std::string& out, float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", double(v));
  out += buf;
}

void Attr(std::string& out, const char* name, float v) {
  out += ' ';
  out += name;
  out += "=\"";
  Num(out, v);
  out += '"';
}

void Escape(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

SvgCanvas::SvgCanvas(ImFont* font, float width, float height, ImU32 background)
    : Canvas(font, nullptr) {
  m_out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"";
  Attr(m_out, "width", width);
  Attr(m_out, "height", height);
  m_out += " viewBox=\"0 0 ";
  Num(m_out, width);
  m_out += ' ';
  Num(m_out, height);
  m_out +=
      "\" font-family=\"WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif\">\n<rect width=\"100%\" "
      "height=\"100%\"";
  Paint("fill", background);
  m_out += "/>\n";
}

void SvgCanvas::Paint(const char* attr, ImU32 col) {
  char buf[64];
  const unsigned r = col & 0xFF, g = (col >> 8) & 0xFF, b = (col >> 16) & 0xFF, a = col >> 24;
  std::snprintf(buf, sizeof buf, " %s=\"#%02x%02x%02x\"", attr, r, g, b);
  m_out += buf;
  if (a != 255) {
    std::snprintf(buf, sizeof buf, " %s-opacity=\"%.3f\"", attr, double(a) / 255.0);
    m_out += buf;
  }
}

void SvgCanvas::Line(ImVec2 a, ImVec2 b, ImU32 col, float thickness) {
  ++m_elements;
  m_out += "<line";
  Attr(m_out, "x1", a.x);
  Attr(m_out, "y1", a.y);
  Attr(m_out, "x2", b.x);
  Attr(m_out, "y2", b.y);
  Paint("stroke", col);
  Attr(m_out, "stroke-width", thickness);
  m_out += " stroke-linecap=\"round\"/>\n";
}

void SvgCanvas::Rect(ImVec2 a, ImVec2 b, ImU32 col, float rounding, float thickness) {
  ++m_elements;
  // ImGui strokes a rect half a pixel inside its corners; so does this.
  m_out += "<rect";
  Attr(m_out, "x", a.x + 0.5f);
  Attr(m_out, "y", a.y + 0.5f);
  Attr(m_out, "width", b.x - a.x - 1);
  Attr(m_out, "height", b.y - a.y - 1);
  if (rounding > 0) Attr(m_out, "rx", rounding);
  m_out += " fill=\"none\"";
  Paint("stroke", col);
  Attr(m_out, "stroke-width", thickness);
  m_out += "/>\n";
}

void SvgCanvas::RectFilled(ImVec2 a, ImVec2 b, ImU32 col, float rounding) {
  ++m_elements;
  m_out += "<rect";
  Attr(m_out, "x", a.x);
  Attr(m_out, "y", a.y);
  Attr(m_out, "width", b.x - a.x);
  Attr(m_out, "height", b.y - a.y);
  if (rounding > 0) Attr(m_out, "rx", rounding);
  Paint("fill", col);
  m_out += "/>\n";
}

void SvgCanvas::Circle(ImVec2 c, float r, ImU32 col, float thickness) {
  ++m_elements;
  m_out += "<circle";
  Attr(m_out, "cx", c.x);
  Attr(m_out, "cy", c.y);
  Attr(m_out, "r", r);
  m_out += " fill=\"none\"";
  Paint("stroke", col);
  Attr(m_out, "stroke-width", thickness);
  m_out += "/>\n";
}

void SvgCanvas::CircleFilled(ImVec2 c, float r, ImU32 col) {
  ++m_elements;
  m_out += "<circle";
  Attr(m_out, "cx", c.x);
  Attr(m_out, "cy", c.y);
  Attr(m_out, "r", r);
  Paint("fill", col);
  m_out += "/>\n";
}

void SvgCanvas::TriangleFilled(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 col) {
  const ImVec2 pts[3] = {a, b, c};
  PolyFilled(pts, 3, col);
}

void SvgCanvas::PolyFilled(const ImVec2* pts, int n, ImU32 col) {
  ++m_elements;
  m_out += "<polygon points=\"";
  for (int i = 0; i < n; ++i) {
    if (i) m_out += ' ';
    Num(m_out, pts[i].x);
    m_out += ',';
    Num(m_out, pts[i].y);
  }
  m_out += '"';
  Paint("fill", col);
  m_out += "/>\n";
}

void SvgCanvas::Arc(ImVec2 c, float r, float a0, float a1, ImU32 col, float thickness) {
  ++m_elements;
  const ImVec2 p0(c.x + std::cos(a0) * r, c.y + std::sin(a0) * r);
  const ImVec2 p1(c.x + std::cos(a1) * r, c.y + std::sin(a1) * r);
  const bool large = std::fabs(a1 - a0) > 3.14159265f;
  const bool sweep = a1 > a0;
  m_out += "<path d=\"M";
  Num(m_out, p0.x);
  m_out += ',';
  Num(m_out, p0.y);
  m_out += " A";
  Num(m_out, r);
  m_out += ',';
  Num(m_out, r);
  m_out += large ? " 0 1 " : " 0 0 ";
  m_out += sweep ? "1 " : "0 ";
  Num(m_out, p1.x);
  m_out += ',';
  Num(m_out, p1.y);
  m_out += "\" fill=\"none\"";
  Paint("stroke", col);
  Attr(m_out, "stroke-width", thickness);
  m_out += "/>\n";
}

void SvgCanvas::Bezier(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, ImU32 col, float thickness) {
  ++m_elements;
  m_out += "<path d=\"M";
  const ImVec2 pts[4] = {p0, p1, p2, p3};
  for (int i = 0; i < 4; ++i) {
    if (i == 1) m_out += " C";
    if (i > 1) m_out += ' ';
    Num(m_out, pts[i].x);
    m_out += ',';
    Num(m_out, pts[i].y);
  }
  m_out += "\" fill=\"none\"";
  Paint("stroke", col);
  Attr(m_out, "stroke-width", thickness);
  m_out += "/>\n";
}

void SvgCanvas::PushClip(ImVec2 a, ImVec2 b) {
  const int id = ++m_clip_ids;
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "<clipPath id=\"c%d\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                "height=\"%.1f\"/></clipPath>\n<g clip-path=\"url(#c%d)\">\n",
                id, double(a.x), double(a.y), double(b.x - a.x), double(b.y - a.y), id);
  m_out += buf;
  ++m_clip_depth;
}

void SvgCanvas::PopClip() {
  if (m_clip_depth == 0) return;
  --m_clip_depth;
  m_out += "</g>\n";
}

void SvgCanvas::DrawText(ImFont* font, ImVec2 pos, float size, ImU32 col, std::string_view text,
                         float wrap_width) {
  ++m_elements;
  // Break lines where ImGui would, so the SVG wraps as the window does.
  const char* p = text.data();
  const char* end = p + text.size();
  float y = pos.y;
  while (p < end) {
    const char* line_end = nullptr;
    if (wrap_width > 0) line_end = font->CalcWordWrapPositionA(size / font->FontSize, p, end, wrap_width);
    const char* nl = p;
    while (nl < end && *nl != '\n') ++nl;
    if (!line_end || line_end > nl || line_end == p) line_end = nl;
    m_out += "<text";
    Attr(m_out, "x", pos.x);
    // SVG places text by its baseline; ImGui by the line's top.
    Attr(m_out, "y", y + size * font->Ascent / font->FontSize);
    Attr(m_out, "font-size", size);
    Paint("fill", col);
    m_out += " xml:space=\"preserve\">";
    Escape(m_out, std::string_view(p, std::size_t(line_end - p)));
    m_out += "</text>\n";
    y += size;
    p = line_end;
    while (p < end && (*p == ' ' || *p == '\n')) {
      const bool newline = *p == '\n';
      ++p;
      if (newline) break;
    }
  }
}

std::string SvgCanvas::Finish() {
  while (m_clip_depth > 0) PopClip();
  m_out += "</svg>\n";
  return std::move(m_out);
}

}  // namespace gs::app
