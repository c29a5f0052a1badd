// Small ImDrawList helpers shared by the topic views: arrows, dashes, hatching, pills.
#pragma once

#include <imgui.h>

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

}  // namespace gs::app
