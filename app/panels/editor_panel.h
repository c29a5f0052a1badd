// The scenario editor panel and its two prompts. They edit the EditorBuffer's text in place
// and record Apply / Save and the prompts' answers in EditorCommands.
#pragma once

#include <string>

#include "app/shell/app.h"
#include "app/shell/editor_buffer.h"
#include "engine/core/diagnostics.h"

namespace gs::app {

/// The text box, its Apply / Save buttons, and the errors of `diags` that belong to the
/// edited file (clicking one moves the cursor to its line and column).
void DrawEditorPanel(EditorBuffer& editor, const Diagnostics& diags, bool disk_changed, Lang lang,
                     EditorCommands& cmd);
/// "Unsaved changes": Save / Discard / Cancel. Shown while `open`.
void DrawUnsavedPrompt(bool open, Lang lang, EditorCommands& cmd);
/// "Save a text with errors?": Save anyway / Cancel. Shown while `open`.
/// `file_name` replaces FILE.json in the message.
void DrawSaveAnywayPrompt(bool open, const std::string& file_name, Lang lang, EditorCommands& cmd);
/// The save found the file read-only: Save a copy / Cancel.
void DrawReadOnlyPrompt(bool open, const std::string& file_name, Lang lang, EditorCommands& cmd);

}  // namespace gs::app
