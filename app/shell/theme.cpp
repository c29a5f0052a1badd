#include "app/shell/theme.h"

namespace gs::app {
namespace {

constexpr ImU32 Rgb(int r, int g, int b, int a = 255) {
  return IM_COL32(r, g, b, a);
}

Theme MakeDark() {
  Theme t;
  t.kind = ThemeKind::kDark;
  t.canvas_bg = Rgb(24, 27, 33);
  t.text = Rgb(232, 234, 238);
  t.text_dim = Rgb(150, 156, 168);
  t.grid = Rgb(60, 66, 78);
  t.accent = Rgb(88, 166, 255);
  t.edge = Rgb(170, 178, 192);
  t.danger = Rgb(255, 84, 84);
  t.ok = Rgb(80, 200, 120);
  t.warn = Rgb(255, 180, 50);
  t.obj_white_fill = Rgb(245, 245, 245);
  t.obj_white_outline = Rgb(220, 220, 220);
  t.obj_grey_fill = Rgb(128, 132, 140);
  t.obj_grey_outline = Rgb(220, 222, 228);
  t.obj_black_fill = Rgb(8, 8, 10);
  t.obj_black_outline = Rgb(235, 235, 240);
  t.obj_label_on_white = Rgb(20, 20, 24);
  t.obj_label_on_grey = Rgb(255, 255, 255);
  t.obj_label_on_black = Rgb(255, 255, 255);
  t.panel_bg = Rgb(34, 38, 46);
  t.panel_border = Rgb(70, 76, 90);
  t.changed = Rgb(0, 220, 255);
  t.ghost = Rgb(150, 156, 168, 150);
  t.move = Rgb(200, 140, 255);
  return t;
}

// High contrast for washed-out projectors: pure white ground, heavy dark lines.
Theme MakeLight() {
  Theme t;
  t.kind = ThemeKind::kLight;
  t.canvas_bg = Rgb(255, 255, 255);
  t.text = Rgb(10, 10, 12);
  t.text_dim = Rgb(70, 74, 82);
  t.grid = Rgb(200, 204, 212);
  t.accent = Rgb(0, 90, 200);
  t.edge = Rgb(40, 44, 52);
  t.danger = Rgb(200, 0, 0);
  t.ok = Rgb(0, 130, 50);
  t.warn = Rgb(190, 100, 0);
  t.obj_white_fill = Rgb(255, 255, 255);
  t.obj_white_outline = Rgb(0, 0, 0);
  t.obj_grey_fill = Rgb(150, 150, 150);
  t.obj_grey_outline = Rgb(0, 0, 0);
  t.obj_black_fill = Rgb(0, 0, 0);
  t.obj_black_outline = Rgb(0, 0, 0);
  t.obj_label_on_white = Rgb(0, 0, 0);
  t.obj_label_on_grey = Rgb(0, 0, 0);
  t.obj_label_on_black = Rgb(255, 255, 255);
  t.panel_bg = Rgb(242, 244, 247);
  t.panel_border = Rgb(120, 124, 132);
  t.changed = Rgb(145, 50, 225);
  t.ghost = Rgb(70, 74, 82, 140);
  t.move = Rgb(0, 120, 140);
  return t;
}

}  // namespace

const Theme& GetTheme(ThemeKind kind) {
  static const Theme kDark = MakeDark();
  static const Theme kLight = MakeLight();
  return kind == ThemeKind::kLight ? kLight : kDark;
}

void ApplyImGuiStyle(ThemeKind kind, float scale) {
  ImGuiStyle style;
  if (kind == ThemeKind::kLight) {
    ImGui::StyleColorsLight(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImVec4(0.02f, 0.02f, 0.03f, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.30f, 0.31f, 0.34f, 1);
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.45f, 0.46f, 0.50f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(0.88f, 0.89f, 0.92f, 1);
    c[ImGuiCol_Button] = ImVec4(0.80f, 0.85f, 0.95f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.65f, 0.75f, 0.95f, 1);
    c[ImGuiCol_Header] = ImVec4(0.70f, 0.80f, 0.98f, 1);
  } else {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0.094f, 0.106f, 0.129f, 1);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.16f, 0.29f, 0.48f, 1);
  }
  style.WindowRounding = 4;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.FrameBorderSize = kind == ThemeKind::kLight ? 1.0f : 0.0f;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace gs::app
