#include "app/shell/canvas_zoom.h"

#include <algorithm>

namespace gs::app {

ImVec2 CanvasZoom::ToScreen(ImVec2 p) const {
  return ImVec2(m_origin.x + (p.x - m_origin.x) * m_zoom + m_pan.x,
                m_origin.y + (p.y - m_origin.y) * m_zoom + m_pan.y);
}

ImVec2 CanvasZoom::ToPicture(ImVec2 s) const {
  return ImVec2(m_origin.x + (s.x - m_origin.x - m_pan.x) / m_zoom,
                m_origin.y + (s.y - m_origin.y - m_pan.y) / m_zoom);
}

void CanvasZoom::Clamp(ImVec2 size) {
  // The zoomed picture always covers the canvas: no empty margin can be dragged in.
  m_zoom = std::clamp(m_zoom, 1.0f, kMaxZoom);
  m_pan.x = std::clamp(m_pan.x, -size.x * (m_zoom - 1.0f), 0.0f);
  m_pan.y = std::clamp(m_pan.y, -size.y * (m_zoom - 1.0f), 0.0f);
}

void CanvasZoom::HandleInput(ImVec2 origin, ImVec2 size) {
  m_origin = origin;
  const ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsWindowHovered() || !ImGui::IsMousePosValid()) return;
  if (io.MouseWheel != 0.0f) {
    const ImVec2 at = ToPicture(io.MousePos);  // stays under the mouse
    m_zoom = std::clamp(m_zoom * (io.MouseWheel > 0 ? 1.25f : 0.8f), 1.0f, kMaxZoom);
    m_pan = ImVec2(io.MousePos.x - origin.x - (at.x - origin.x) * m_zoom,
                   io.MousePos.y - origin.y - (at.y - origin.y) * m_zoom);
  }
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Right)) {
    m_pan.x += io.MouseDelta.x;
    m_pan.y += io.MouseDelta.y;
  }
  if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Right)) Reset();
  Clamp(size);
}

void CanvasZoom::Begin(ImDrawList* dl, ImVec2 origin) {
  m_origin = origin;
  m_active = m_zoom != 1.0f || m_pan.x != 0.0f || m_pan.y != 0.0f;
  if (!m_active) return;
  m_vtx_start = dl->VtxBuffer.Size;
  m_cmd_start = dl->CmdBuffer.Size - 1;  // the current command may already hold earlier vertices
  ImGuiIO& io = ImGui::GetIO();
  m_mouse = io.MousePos;
  if (ImGui::IsMousePosValid()) io.MousePos = ToPicture(io.MousePos);
}

void CanvasZoom::End(ImDrawList* dl) {
  if (!m_active) return;
  for (int i = m_vtx_start; i < dl->VtxBuffer.Size; ++i) {
    ImDrawVert& v = dl->VtxBuffer[i];
    v.pos = ToScreen(v.pos);
  }
  // Clip rectangles the view pushed move with the picture; the canvas edge still clips.
  const ImVec4 outer =
      dl->_ClipRectStack.Size > 0 ? dl->_ClipRectStack[0] : ImVec4(-1e9f, -1e9f, 1e9f, 1e9f);
  for (int c = std::max(m_cmd_start + 1, 0); c < dl->CmdBuffer.Size; ++c) {
    ImVec4& r = dl->CmdBuffer[c].ClipRect;
    const ImVec2 a = ToScreen(ImVec2(r.x, r.y)), b = ToScreen(ImVec2(r.z, r.w));
    r = ImVec4(std::max(a.x, outer.x), std::max(a.y, outer.y), std::min(b.x, outer.z),
               std::min(b.y, outer.w));
  }
  ImGui::GetIO().MousePos = m_mouse;
}

}  // namespace gs::app
