// [SECTION] index: text box callback · editor panel · prompts
#include "app/panels/editor_panel.h"

#include <algorithm>
#include <filesystem>
#include <string>

#include "app/imgui_compat.h"
#include "app/shell/keys.h"
#include "app/shell/strings.h"

namespace gs::app {
namespace {

// [SECTION] text box callback
// Grows the std::string under the widget (CallbackResize) and applies a cursor move the
// errors list asked for (CallbackAlways runs only while the box is active).
int EditorTextCallback(ImGuiInputTextCallbackData* data) {
  auto* editor = static_cast<EditorBuffer*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    std::string& text = editor->Text();
    text.resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text.data();
  } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && editor->pending_cursor) {
    const int pos = static_cast<int>(
        std::min<std::size_t>(*editor->pending_cursor, static_cast<std::size_t>(data->BufTextLen)));
    data->CursorPos = pos;
    data->SelectionStart = pos;
    data->SelectionEnd = pos;
    editor->pending_cursor.reset();
  }
  return 0;
}

bool Mine(const Diagnostic& d, const EditorBuffer& editor) {
  return d.file == editor.Path() || d.file.empty();
}

}  // namespace

// [SECTION] editor panel
void DrawEditorPanel(EditorBuffer& editor, const Diagnostics& diags, bool disk_changed, Lang lang,
                     EditorCommands& cmd) {
  if (editor.Path().empty()) {
    ImGui::TextDisabled("%s", Tr(Str::kEditorNoFile, lang));
    return;
  }
  // Title row: the file, whether it has unsaved edits, Apply and Save.
  const std::string name = std::filesystem::path(editor.Path()).filename().string();
  ImGui::TextUnformatted(name.c_str());
  ItemTooltip(editor.Path().c_str());
  if (editor.Dirty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.9f, 0.6f, 0.1f, 1.0f), "* %s", Tr(Str::kModified, lang));
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(Tr(Str::kApply, lang))) cmd.apply = true;
  ItemTooltip("Ctrl+Enter");
  ImGui::SameLine();
  if (ImGui::SmallButton(Tr(Str::kSave, lang))) cmd.save = true;
  ItemTooltip("Ctrl+S");
  if (disk_changed) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(0.9f, 0.6f, 0.1f, 1.0f), "%s", Tr(Str::kDiskChanged, lang));
    ImGui::PopTextWrapPos();
  }

  // The errors list takes up to five lines under the text box.
  int mine = 0;
  for (const Diagnostic& d : diags.Items()) mine += Mine(d, editor) ? 1 : 0;
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const float errors_h = mine == 0 ? 0.0f
                                   : line_h * static_cast<float>(std::min(mine, 5) + 1) +
                                         ImGui::GetStyle().WindowPadding.y * 2.0f;
  const float text_h = std::max(line_h * 3.0f, ImGui::GetContentRegionAvail().y - errors_h);

  if (editor.want_focus) {
    ImGui::SetKeyboardFocusHere();
    editor.want_focus = false;
  }
  // A new id whenever the text was replaced from outside, so ImGui drops its old copy.
  ImGui::PushID(editor.Generation());
  std::string& text = editor.Text();
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_AllowTabInput |
                                    ImGuiInputTextFlags_CallbackResize |
                                    ImGuiInputTextFlags_CallbackAlways;
  // ImGui 1.86's text box undoes every edit made since it took focus when Escape is
  // pressed; one key must never lose an author's text, so the box does not see Escape.
  ImGuiIO& io = ImGui::GetIO();
  const int esc = ImGui::GetKeyIndex(ImGuiKey_Escape);
  const bool hide_esc = esc >= 0 && esc < 512 && io.KeysDownDuration[esc] >= 0.0f;
  const float esc_duration = hide_esc ? io.KeysDownDuration[esc] : 0.0f;
  if (hide_esc) io.KeysDownDuration[esc] = -1.0f;
  if (ImGui::InputTextMultiline("##scenario_text", text.data(), text.capacity() + 1,
                                ImVec2(-1.0f, text_h), flags, EditorTextCallback, &editor)) {
    editor.Edited();
  }
  if (hide_esc) io.KeysDownDuration[esc] = esc_duration;
  ImGui::PopID();

  if (mine == 0) return;
  const ImVec4 red(0.9f, 0.25f, 0.25f, 1.0f);
  const ImVec4 amber(0.85f, 0.6f, 0.1f, 1.0f);
  ImGui::TextDisabled("%s  %s", Tr(Str::kErrors, lang), Tr(Str::kEditorErrorsHint, lang));
  ImGui::BeginChild("##editor_errors", ImVec2(0, 0), true);
  int index = 0;
  for (const Diagnostic& d : diags.Items()) {
    if (!Mine(d, editor)) continue;
    ImGui::PushID(index++);
    ImGui::PushStyleColor(ImGuiCol_Text, d.severity == Severity::kError ? red : amber);
    std::string label = std::to_string(d.line) + ":" + std::to_string(d.col) + "  ";
    if (!d.pointer.empty()) label += d.pointer + ": ";
    label += d.message;
    if (ImGui::Selectable(label.c_str(), false) && d.line > 0) {
      editor.pending_cursor = ByteOffsetOfLineCol(editor.Text(), d.line, d.col);
      editor.want_focus = true;
    }
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

// [SECTION] prompts
namespace {

/// A modal with a message and buttons; returns the index of the button pressed, or -1.
/// Escape presses the last button (Cancel).
int Prompt(bool open, const char* title, const char* id, const char* body,
           std::initializer_list<const char*> buttons) {
  std::string full = std::string(title) + "###" + id;
  if (open && !ImGui::IsPopupOpen(full.c_str())) ImGui::OpenPopup(full.c_str());
  const ImVec2 center(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
  ImGui::SetNextWindowPos(center, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(640.0f, ImGui::GetIO().DisplaySize.x * 0.8f), 0.0f));
  int pressed = -1;
  if (!ImGui::BeginPopupModal(full.c_str(), nullptr,
                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) {
    return pressed;
  }
  if (!open) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return pressed;
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(body);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  int i = 0;
  for (const char* b : buttons) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::Button(b)) pressed = i;
    ++i;
  }
  if (ImGui::IsKeyPressed(keys::kEscape, false)) pressed = i - 1;
  if (pressed >= 0) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return pressed;
}

}  // namespace

void DrawUnsavedPrompt(bool open, Lang lang, EditorCommands& cmd) {
  using Choice = EditorCommands::Choice;
  const int pressed =
      Prompt(open, Tr(Str::kUnsavedTitle, lang), "unsaved", Tr(Str::kUnsavedBody, lang),
             {Tr(Str::kSave, lang), Tr(Str::kDiscard, lang), Tr(Str::kCancel, lang)});
  if (pressed == 0) cmd.unsaved = Choice::kSave;
  if (pressed == 1) cmd.unsaved = Choice::kDiscard;
  if (pressed == 2) cmd.unsaved = Choice::kCancel;
}

void DrawSaveAnywayPrompt(bool open, const std::string& file_name, Lang lang, EditorCommands& cmd) {
  std::string body = Tr(Str::kSaveAnywayBody, lang);
  if (auto at = body.find("FILE.json"); at != std::string::npos) body.replace(at, 9, file_name);
  const int pressed = Prompt(open, Tr(Str::kSaveAnywayTitle, lang), "save_anyway", body.c_str(),
                             {Tr(Str::kSaveAnyway, lang), Tr(Str::kCancel, lang)});
  if (pressed == 0) cmd.save_anyway = true;
  if (pressed == 1) cmd.cancel_save = true;
}

void DrawReadOnlyPrompt(bool open, const std::string& file_name, Lang lang, EditorCommands& cmd) {
  std::string body = Tr(Str::kReadOnlyBody, lang);
  const std::string stem = std::filesystem::path(file_name).stem().string();
  for (auto at = body.find("FILE"); at != std::string::npos; at = body.find("FILE", at + 1)) {
    // "FILE.json" is the file's name, "FILE-copy.json" the copy's.
    if (body.compare(at, 9, "FILE.json") == 0) {
      body.replace(at, 9, file_name);
      at += file_name.size() - 1;
    } else {
      body.replace(at, 4, stem);
      at += stem.size() - 1;
    }
  }
  const int pressed = Prompt(open, Tr(Str::kReadOnlyTitle, lang), "read_only", body.c_str(),
                             {Tr(Str::kSaveCopy, lang), Tr(Str::kCancel, lang)});
  if (pressed == 0) cmd.save_copy = true;
  if (pressed == 1) cmd.cancel_read_only = true;
}

}  // namespace gs::app
