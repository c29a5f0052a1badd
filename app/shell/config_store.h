// UiState: the user's preferences, persisted as JSON in the config directory
// ($XDG_CONFIG_HOME/gopherscope/settings.json, else ~/.config/gopherscope/settings.json).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/shell/theme.h"
#include "app/shell/window_fit.h"
#include "engine/core/text.h"

namespace gs::app {

struct UiState {
  ThemeKind theme = ThemeKind::kDark;
  Lang lang = Lang::kEn;
  float font_scale = 1.0f;  ///< user zoom, 0.6–3.0, on top of the monitor's content scale
  float speed = 1.0f;       ///< playback speed, 0.25–8
  std::string last_scenario;
  bool show_help = false;
  bool show_metrics = false;
  bool show_editor = false;  ///< the scenario editor panel (not persisted)
  bool fullscreen = false;
  bool sandbox = false;  ///< record by demonstration (not persisted)
  /// The scenario list: -1 shown only when the window is wide enough (1400 px at 1×),
  /// 0 hidden, 1 shown (F9 toggles; not persisted).
  int show_library = -1;
  /// Presenter mode (P): the picture fills the window, fonts grow, a narration strip below;
  /// `blank` (B) shows a black screen, `narration` (.) hides the strip. Not persisted.
  struct Presenter {
    bool on = false;
    bool blank = false;
    bool narration = true;
    friend bool operator==(const Presenter&, const Presenter&) = default;
  } presenter;
  /// Quiz results per scenario file: {right, answered} of the last sitting (self-study).
  std::map<std::string, std::pair<int, int>> quiz_scores;
  /// The window's last position and size (w == 0: never saved), restored when it fits.
  WindowRect window;
  /// Scenario files opened lately, newest first (at most kMaxRecent).
  std::vector<std::string> recent;
  static constexpr std::size_t kMaxRecent = 8;

  friend bool operator==(const UiState&, const UiState&) = default;
};

/// The settings file path ("" when no home or config directory is known).
std::string SettingsPath();
/// Reads the settings; a missing file gives the defaults. A file that is not a JSON object
/// also gives the defaults, is renamed to PATH.broken (kept, not lost) and `broken_kept`,
/// when given, is set to that name, so the app can say so once.
UiState LoadUiState(const std::string& path, std::string* broken_kept = nullptr);
/// The settings file's text to UiState: false when it is not a JSON object; fields of the
/// wrong type or out of range fall back to their defaults or are clamped (fuzzed).
bool ParseUiState(const std::string& text, UiState* out);
/// A settings file is a few kilobytes; anything over this is not one.
inline constexpr std::size_t kMaxSettingsBytes = 1 << 20;
/// Where the user's own scenarios live: $XDG_DATA_HOME/gopherscope/scenarios, else
/// ~/.local/share/gopherscope/scenarios ("" when neither is known).
std::string UserScenarioDir();
/// Puts `path` first in the recent list (once), keeping at most UiState::kMaxRecent.
void NoteRecent(UiState& s, const std::string& path);
/// Writes atomically (temporary file, fsync, rename). Returns false on failure.
bool SaveUiState(const std::string& path, const UiState& state);
/// Writes `text` to `path` atomically: a reader sees the old file or the new one, never half.
/// A symlink stays a link (its target is rewritten); the file's mode is kept and a read-only
/// file is refused; the temporary file is created exclusively under an unpredictable name;
/// file and directory are flushed. On failure `error` (if given) says why, from errno.
bool WriteFileAtomic(const std::string& path, const std::string& text,
                     std::string* error = nullptr);

}  // namespace gs::app
