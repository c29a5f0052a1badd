#include "app/shell/theme.h"

#include "app/shell/theme_file.h"

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

ImGuiStyleSpec MakeLightStyle() {
  ImGuiStyleSpec s;
  s.light_base = true;
  s.frame_border = 1.0f;
  s.colors = {
      {ImGuiCol_Text, ImVec4(0.02f, 0.02f, 0.03f, 1)},
      {ImGuiCol_TextDisabled, ImVec4(0.30f, 0.31f, 0.34f, 1)},
      {ImGuiCol_WindowBg, ImVec4(0.97f, 0.97f, 0.98f, 1)},
      {ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1)},
      {ImGuiCol_Border, ImVec4(0.45f, 0.46f, 0.50f, 1)},
      {ImGuiCol_FrameBg, ImVec4(0.88f, 0.89f, 0.92f, 1)},
      {ImGuiCol_Button, ImVec4(0.80f, 0.85f, 0.95f, 1)},
      {ImGuiCol_ButtonHovered, ImVec4(0.65f, 0.75f, 0.95f, 1)},
      {ImGuiCol_Header, ImVec4(0.70f, 0.80f, 0.98f, 1)},
  };
  return s;
}

ImGuiStyleSpec MakeDarkStyle() {
  ImGuiStyleSpec s;
  s.colors = {
      {ImGuiCol_WindowBg, ImVec4(0.11f, 0.12f, 0.14f, 1)},
      {ImGuiCol_ChildBg, ImVec4(0.094f, 0.106f, 0.129f, 1)},
      {ImGuiCol_TitleBgActive, ImVec4(0.16f, 0.29f, 0.48f, 1)},
  };
  return s;
}

// The themes in use: the built-ins until LoadThemes installs the files' colours (at start,
// before the first frame, so no frame sees a mix).
ThemeData& Installed(ThemeKind kind) {
  static ThemeData dark = BuiltInTheme(ThemeKind::kDark);
  static ThemeData light = BuiltInTheme(ThemeKind::kLight);
  return kind == ThemeKind::kLight ? light : dark;
}

}  // namespace

const ThemeData& BuiltInTheme(ThemeKind kind) {
  static const ThemeData kDark{MakeDark(), MakeDarkStyle()};
  static const ThemeData kLight{MakeLight(), MakeLightStyle()};
  return kind == ThemeKind::kLight ? kLight : kDark;
}

void InstallTheme(ThemeKind kind, const ThemeData& data) {
  Installed(kind) = data;
  Installed(kind).canvas.kind = kind;
}

// A colour added to Theme must be added to ThemeFields (and to the theme files) too.
static_assert(sizeof(Theme) == sizeof(ThemeKind) + kThemeFieldCount * sizeof(ImU32),
              "ThemeFields lists every colour of Theme");

const std::array<ThemeField, kThemeFieldCount>& ThemeFields() {
  static const std::array<ThemeField, kThemeFieldCount> kFields = {{
      {"canvas_bg", &Theme::canvas_bg},
      {"text", &Theme::text},
      {"text_dim", &Theme::text_dim},
      {"grid", &Theme::grid},
      {"accent", &Theme::accent},
      {"edge", &Theme::edge},
      {"danger", &Theme::danger},
      {"ok", &Theme::ok},
      {"warn", &Theme::warn},
      {"obj_white_fill", &Theme::obj_white_fill},
      {"obj_white_outline", &Theme::obj_white_outline},
      {"obj_grey_fill", &Theme::obj_grey_fill},
      {"obj_grey_outline", &Theme::obj_grey_outline},
      {"obj_black_fill", &Theme::obj_black_fill},
      {"obj_black_outline", &Theme::obj_black_outline},
      {"obj_label_on_white", &Theme::obj_label_on_white},
      {"obj_label_on_grey", &Theme::obj_label_on_grey},
      {"obj_label_on_black", &Theme::obj_label_on_black},
      {"panel_bg", &Theme::panel_bg},
      {"panel_border", &Theme::panel_border},
      {"changed", &Theme::changed},
      {"ghost", &Theme::ghost},
      {"move", &Theme::move},
  }};
  return kFields;
}

const Theme& GetTheme(ThemeKind kind) {
  return Installed(kind).canvas;
}

void ApplyImGuiStyle(ThemeKind kind, float scale) {
  const ImGuiStyleSpec& spec = Installed(kind).imgui;
  ImGuiStyle style;
  if (spec.light_base) {
    ImGui::StyleColorsLight(&style);
  } else {
    ImGui::StyleColorsDark(&style);
  }
  for (const auto& [col, value] : spec.colors) {
    if (col >= 0 && col < ImGuiCol_COUNT) style.Colors[col] = value;
  }
  style.WindowRounding = 4;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.FrameBorderSize = spec.frame_border;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace gs::app
