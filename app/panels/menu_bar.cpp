#include "app/imgui_compat.h"
#include "app/panels/panels.h"
#include "app/shell/strings.h"

namespace gs::app {

void DrawMenuBar(const UiState& ui, Commands& cmd) {
  const Lang l = ui.lang;
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu(Tr(Str::kFile, l))) {
    if (ImGui::MenuItem(Tr(Str::kOpenDialog, l), "Ctrl+O")) cmd.open_dialog = true;
    if (ImGui::MenuItem(Tr(Str::kReload, l), "Ctrl+R")) cmd.reload = true;
    ImGui::Separator();
    if (ImGui::MenuItem(Tr(Str::kExportStepPng, l))) cmd.export_kind = ExportKind::kStepPng;
    if (ImGui::MenuItem(Tr(Str::kExportStepSvg, l))) cmd.export_kind = ExportKind::kStepSvg;
    if (ImGui::MenuItem(Tr(Str::kExportPartGif, l))) cmd.export_kind = ExportKind::kPartGif;
    ImGui::Separator();
    if (ImGui::MenuItem(Tr(Str::kQuit, l))) cmd.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr(Str::kView, l))) {
    if (ImGui::MenuItem(Tr(Str::kDark, l), "T", ui.theme == ThemeKind::kDark) &&
        ui.theme != ThemeKind::kDark) {
      cmd.toggle_theme = true;
    }
    if (ImGui::MenuItem(Tr(Str::kLight, l), "T", ui.theme == ThemeKind::kLight) &&
        ui.theme != ThemeKind::kLight) {
      cmd.toggle_theme = true;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("English", "L", ui.lang == Lang::kEn) && ui.lang != Lang::kEn) {
      cmd.toggle_lang = true;
    }
    if (ImGui::MenuItem("简体中文", "L", ui.lang == Lang::kZh) && ui.lang != Lang::kZh) {
      cmd.toggle_lang = true;
    }
    ImGui::Separator();
    if (ImGui::MenuItem(Tr(Str::kFontBigger, l), "+")) cmd.font_delta = +1;
    if (ImGui::MenuItem(Tr(Str::kFontSmaller, l), "-")) cmd.font_delta = -1;
    if (ImGui::MenuItem(Tr(Str::kFullscreen, l), "F11", ui.fullscreen))
      cmd.toggle_fullscreen = true;
    if (ImGui::MenuItem(Tr(Str::kLibrary, l), "F9")) cmd.toggle_library = true;
    if (ImGui::MenuItem(Tr(Str::kPresenter, l), "P")) cmd.toggle_presenter = true;
    ImGui::Separator();
    if (ImGui::MenuItem(Tr(Str::kEditorToggle, l), "Ctrl+E", ui.show_editor))
      cmd.editor.toggle = true;
    if (ImGui::MenuItem(Tr(Str::kSandbox, l), nullptr, ui.sandbox)) cmd.toggle_sandbox = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr(Str::kHelp, l))) {
    if (ImGui::MenuItem(Tr(Str::kHelpTitle, l), "F1")) cmd.toggle_help = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void DrawHelpOverlay(Lang lang, Commands& cmd) {
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.97f);
  bool open = true;
  if (ImGui::Begin(Tr(Str::kHelpTitle, lang), &open,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                       ImGuiWindowFlags_NoSavedSettings)) {
    for (Str s :
         {Str::kKeyPlay, Str::kKeyStep, Str::kKeyHomeEnd, Str::kKeyFont, Str::kKeyFullscreen,
          Str::kKeyTheme, Str::kKeyLang, Str::kKeyHelp, Str::kKeyReload, Str::kKeyEditor,
          Str::kKeyLibrary, Str::kKeyPresenter, Str::kKeyLesson, Str::kKeyPresenterView}) {
      ImGui::BulletText("%s", Tr(s, lang));
    }
    ImGui::Spacing();
    ImGui::TextDisabled("%s", Tr(Str::kDropHint, lang));
    if (ImGui::Button(Tr(Str::kClose, lang))) open = false;
  }
  ImGui::End();
  if (!open) cmd.toggle_help = true;
}

}  // namespace gs::app
