// Small ImDrawList helpers shared by the topic views: arrows, dashes, hatching, pills.
#pragma once

#include <imgui.h>

#include <string_view>

#include "app/views/canvas.h"

namespace gs::app {

void DashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash,
                float gap);
/// A line from a to b with a filled arrowhead at b.
void Arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float head,
           bool dashed = false);
/// Diagonal hatching inside a circle (the grey pattern that survives greyscale projection).
void HatchCircle(ImDrawList* dl, ImVec2 c, float r, ImU32 col, float spacing, float thickness);
void HatchRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float spacing, float thickness);
void DashedCircle(ImDrawList* dl, ImVec2 c, float r, ImU32 col, float thickness, int segments);
/// Text centred on `c` at `size` pixels.
void CenteredText(ImDrawList* dl, ImVec2 c, ImU32 col, const char* text, float size);
/// A rounded label box ("pill"); returns its size.
ImVec2 Pill(ImDrawList* dl, ImVec2 pos, ImU32 bg, ImU32 fg, const char* text, float size);
/// Where the segment from `from` towards `c` meets a circle of radius r around c.
ImVec2 CircleEdge(ImVec2 c, float r, ImVec2 from);
/// Where the segment from `from` towards the centre of rect [a, b] meets its border.
ImVec2 RectEdge(ImVec2 a, ImVec2 b, ImVec2 from);

// The same helpers on a Canvas (what views draw with; the ImDrawList forms go away as each
// view moves to the Canvas).
void DashedLine(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash, float gap);
void Arrow(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float head,
           bool dashed = false);
void HatchCircle(Canvas& c, ImVec2 centre, float r, ImU32 col, float spacing, float thickness);
void HatchRect(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float spacing, float thickness);
void DashedCircle(Canvas& c, ImVec2 centre, float r, ImU32 col, float thickness, int segments);
void DashedRect(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash);
/// A rounded label box ("pill") with its top-left at `pos`; returns its size.
ImVec2 Pill(Canvas& c, ImVec2 pos, ImU32 bg, ImU32 fg, std::string_view text, float size);
/// The size Pill would take.
ImVec2 PillSize(const Canvas& c, std::string_view text, float size);

// [SECTION] change marks: what a step changed, shown the same way in every view
/// The outline width of a changed item: thick while the step animates in (t < 1, a pulse
/// that shrinks onto the item), then a steady mark for as long as the step is shown.
float ChangeOutline(float base_line, float t);
/// Alpha of a ghost (something this step removed): faded, and fading further as it animates.
float GhostAlpha(float t);
/// Outlines a changed circle / rect with the theme's `changed` colour (see ChangeOutline).
void MarkChangedCircle(Canvas& c, ImVec2 centre, float r, ImU32 col, float base_line, float t);
void MarkChangedRect(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float base_line, float t,
                     float rounding = 0);
/// An arrow that grows from `a` to `b` as t goes 0 → 1 (a move: a stolen G, an evacuated
/// entry, a copied frame), drawn in full once the step settles.
void MoveArrow(Canvas& c, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float head, float t);

/// Picture scale for a view: how much larger than its design size `design` the panel `avail`
/// is (never below 1, so a small window keeps the UI's sizes and scrolls or folds instead).
float FitScale(ImVec2 avail, ImVec2 design);

}  // namespace gs::app
