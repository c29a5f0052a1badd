// Colors for the two themes: dark (a screen) and light high-contrast (a projector).
#pragma once

#include <imgui.h>

namespace gs::app {

enum class ThemeKind { kDark, kLight };

struct Theme {
  ThemeKind kind = ThemeKind::kDark;
  ImU32 canvas_bg;  ///< behind a view
  ImU32 text;       ///< primary text drawn on the canvas
  ImU32 text_dim;   ///< secondary text
  ImU32 grid;       ///< faint lines, folds, frames
  ImU32 accent;     ///< current selection, the scrubber head
  ImU32 edge;       ///< pointer arrows
  ImU32 danger;     ///< violations, dangling pointers, freed objects
  ImU32 ok;         ///< good outcomes
  ImU32 warn;       ///< barrier activity, stop-the-world
  ImU32 obj_white_fill, obj_white_outline;
  ImU32 obj_grey_fill, obj_grey_outline;
  ImU32 obj_black_fill, obj_black_outline;
  ImU32 obj_label_on_white, obj_label_on_grey, obj_label_on_black;
  ImU32 panel_bg;  ///< cards and boxes inside a view
  ImU32 panel_border;
  ImU32 changed;  ///< what this step changed: an outline that pulses in, then stays
  ImU32 ghost;    ///< what this step removed, drawn faded for one step
  ImU32 move;     ///< arrows that show a move (steal, evacuation, stack copy, wake-up)
};

const Theme& GetTheme(ThemeKind kind);
/// Applies the theme to ImGui's style (window colors, rounding), scaled by `scale`.
void ApplyImGuiStyle(ThemeKind kind, float scale);

}  // namespace gs::app
