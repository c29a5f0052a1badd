// SvgCanvas: the same drawing calls as ImCanvas, written as SVG elements, so one step's
// picture can be exported as a vector slide without a second drawing code path.
#pragma once

#include <string>

#include "app/views/canvas.h"

namespace gs::app {

class SvgCanvas final : public Canvas {
 public:
  /// `font` only measures text (wrapping, centring); the SVG names a font family.
  SvgCanvas(ImFont* font, float width, float height, ImU32 background);

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

  /// The finished document (closes open clip groups).
  std::string Finish();
  /// Drawing calls so far (a blank picture has none).
  int Elements() const { return m_elements; }

 protected:
  void DrawText(ImFont* font, ImVec2 pos, float size, ImU32 col, std::string_view text,
                float wrap_width) override;

 private:
  void Paint(const char* attr, ImU32 col);
  std::string m_out;
  int m_clip_depth = 0;
  int m_clip_ids = 0;
  int m_elements = 0;
};

}  // namespace gs::app
