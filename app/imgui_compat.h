// All ImGui use goes through this header: it pins the version we build against (Debian's
// 1.86) and holds the few shims that version needs.
#pragma once

#include <imgui.h>

static_assert(IMGUI_VERSION_NUM >= 18600, "Gopherscope needs Dear ImGui 1.86 or newer");

namespace gs::app {

/// A tooltip for the last item (1.86 has no SetItemTooltip).
inline void ItemTooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

/// A separator with a dim caption (1.86 has no SeparatorText).
inline void SeparatorCaption(const char* text) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", text);
  ImGui::Separator();
}

inline ImVec2 Add(ImVec2 a, ImVec2 b) {
  return {a.x + b.x, a.y + b.y};
}
inline ImVec2 Sub(ImVec2 a, ImVec2 b) {
  return {a.x - b.x, a.y - b.y};
}
inline ImVec2 Mul(ImVec2 a, float s) {
  return {a.x * s, a.y * s};
}
inline ImVec2 Lerp(ImVec2 a, ImVec2 b, float t) {
  return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

/// Blends two packed colors (used for color fades between steps).
inline ImU32 LerpColor(ImU32 a, ImU32 b, float t) {
  ImVec4 ca = ImGui::ColorConvertU32ToFloat4(a), cb = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(ca.x + (cb.x - ca.x) * t, ca.y + (cb.y - ca.y) * t,
                                               ca.z + (cb.z - ca.z) * t, ca.w + (cb.w - ca.w) * t));
}

inline ImU32 WithAlpha(ImU32 c, float alpha) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  v.w *= alpha;
  return ImGui::ColorConvertFloat4ToU32(v);
}

}  // namespace gs::app
