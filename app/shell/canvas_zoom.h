// Zoom and pan for any view's picture: the wheel zooms about the mouse (up to 6×), a right
// drag pans, a right double-click resets. The view draws as usual; what it added to the draw
// list is then scaled and moved, and while it draws it sees the mouse where the unzoomed
// picture has it, so hovering and clicking keep working. A teacher zooms into one channel or
// one P for the back row without the view knowing about it.
#pragma once

#include <imgui.h>

namespace gs::app {

class CanvasZoom {
 public:
  static constexpr float kMaxZoom = 6.0f;

  /// Wheel and right-drag over the canvas window (call inside it, before Begin).
  void HandleInput(ImVec2 origin, ImVec2 size);
  /// Before the view draws into `dl`: remembers where its drawing starts and maps the mouse
  /// into the unzoomed picture.
  void Begin(ImDrawList* dl, ImVec2 origin);
  /// After the view drew: scales and moves its vertices and clip rectangles; restores the mouse.
  void End(ImDrawList* dl);
  void Reset() {
    m_zoom = 1.0f;
    m_pan = ImVec2(0, 0);
  }
  float Zoom() const { return m_zoom; }
  ImVec2 Pan() const { return m_pan; }
  /// A picture point on screen, and back.
  ImVec2 ToScreen(ImVec2 p) const;
  ImVec2 ToPicture(ImVec2 s) const;

 private:
  void Clamp(ImVec2 size);
  float m_zoom = 1.0f;
  ImVec2 m_pan{0, 0};
  ImVec2 m_origin{0, 0};
  int m_vtx_start = 0, m_cmd_start = 0;
  ImVec2 m_mouse{0, 0};
  bool m_active = false;
};

}  // namespace gs::app
