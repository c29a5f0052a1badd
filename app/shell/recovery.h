// Crash recovery: the editor's unsaved text is written to a recovery file (in the XDG state
// directory) a couple of seconds after the author stops typing, and at once on SIGTERM,
// SIGINT or SIGHUP; a clean save or discard removes it. On the next start the app offers the
// text back.
#pragma once

#include <optional>
#include <string>

namespace gs::app {

struct Recovered {
  std::string path;  ///< the scenario file the text belongs to
  std::string text;  ///< the unsaved editor text
};

/// $XDG_STATE_HOME/gopherscope/recovery.json, else ~/.local/state/gopherscope/recovery.json
/// ("" when neither is known).
std::string RecoveryPath();
bool WriteRecovery(const std::string& file, const Recovered& r);
std::optional<Recovered> ReadRecovery(const std::string& file);
/// The recovery file's text; nullopt when it is not one (fuzzed).
std::optional<Recovered> ParseRecovery(const std::string& text);
void ClearRecovery(const std::string& file);

}  // namespace gs::app
