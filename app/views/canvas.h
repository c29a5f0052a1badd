// Canvas: what a topic view draws its picture with. ImCanvas draws into an ImDrawList (the
// window, headless tests, the CLI export's rasterizer); SvgCanvas writes the same calls as
// SVG (crisp slides). Both can log the rectangle of every text they draw, so tests can
// check that no text leaves its panel or overlaps another.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace gs::app {

/// One text a view drew: its rectangle in screen pixels and the text itself.
struct TextItem {
  ImVec2 min, max;
  float size = 0;  ///< pixel height asked for
  std::string text;
};

class Canvas {
 public:
  /// `font` measures and draws text; `big` (may be null) is the same face rasterized at
  /// about twice the size, used for text drawn well above the UI size so it stays crisp.
  Canvas(ImFont* font, ImFont* big) : m_font(font), m_big(big) {}
  virtual ~Canvas() = default;
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  virtual void Line(ImVec2 a, ImVec2 b, ImU32 col, float thickness) = 0;
  virtual void Rect(ImVec2 a, ImVec2 b, ImU32 col, float rounding, float thickness) = 0;
  virtual void RectFilled(ImVec2 a, ImVec2 b, ImU32 col, float rounding) = 0;
  virtual void Circle(ImVec2 c, float r, ImU32 col, float thickness) = 0;
  virtual void CircleFilled(ImVec2 c, float r, ImU32 col) = 0;
  virtual void TriangleFilled(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 col) = 0;
  /// An open arc of the circle (c, r) from angle a0 to a1 (radians, clockwise on screen).
  virtual void Arc(ImVec2 c, float r, float a0, float a1, ImU32 col, float thickness) = 0;
  virtual void Bezier(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, ImU32 col, float thickness) = 0;
  /// A closed convex polygon, filled.
  virtual void PolyFilled(const ImVec2* pts, int n, ImU32 col) = 0;
  /// Text with its top-left corner at `pos`, `size` pixels tall; wraps at `wrap_width` > 0.
  void Text(ImVec2 pos, float size, ImU32 col, std::string_view text, float wrap_width = 0);
  /// The size `Text` would take.
  ImVec2 TextSize(float size, std::string_view text, float wrap_width = 0) const;
  /// Text centred on `c`; returns its rectangle's top-left.
  ImVec2 TextCentered(ImVec2 c, float size, ImU32 col, std::string_view text);
  virtual void PushClip(ImVec2 a, ImVec2 b) = 0;
  virtual void PopClip() = 0;

  /// Text logging for tests and export checks (off by default: no allocation per frame).
  void SetRecording(bool on) { m_recording = on; }
  const std::vector<TextItem>& Texts() const { return m_texts; }
  void ClearTexts() { m_texts.clear(); }
  ImFont* Font() const { return m_font; }

 protected:
  virtual void DrawText(ImFont* font, ImVec2 pos, float size, ImU32 col, std::string_view text,
                        float wrap_width) = 0;
  /// The atlas font to rasterize `text` at `size` with: the big one when it is closer.
  ImFont* FontFor(float size, std::string_view text) const;

  ImFont* m_font;
  ImFont* m_big;

 private:
  bool m_recording = false;
  std::vector<TextItem> m_texts;
};

/// Draws into an ImDrawList (the canvas window's, or any other).
class ImCanvas final : public Canvas {
 public:
  ImCanvas(ImDrawList* dl, ImFont* font, ImFont* big) : Canvas(font, big), m_dl(dl) {}
  /// The window's draw list and the atlas's first two fonts (UI size, picture size).
  static ImCanvas ForCurrentWindow();

  void Line(ImVec2 a, ImVec2 b, ImU32 col, float thickness) override;
  void Rect(ImVec2 a, ImVec2 b, ImU32 col, float rounding, float thickness) override;
  void RectFilled(ImVec2 a, ImVec2 b, ImU32 col, float rounding) override;
  void Circle(ImVec2 c, float r, ImU32 col, float thickness) override;
  void CircleFilled(ImVec2 c, float r, ImU32 col) override;
  void TriangleFilled(ImVec2 a, ImVec2 b, ImVec2 c, ImU32 col) override;
  void Arc(ImVec2 c, float r, float a0, float a1, ImU32 col, float thickness) override;
  void Bezier(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, ImU32 col, float thickness) override;
  void PolyFilled(const ImVec2* pts, int n, ImU32 col) override;
  void PushClip(ImVec2 a, ImVec2 b) override;
  void PopClip() override;
  ImDrawList* DrawList() const { return m_dl; }

 protected:
  void DrawText(ImFont* font, ImVec2 pos, float size, ImU32 col, std::string_view text,
                float wrap_width) override;

 private:
  ImDrawList* m_dl;
};

}  // namespace gs::app
