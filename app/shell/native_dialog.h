// The desktop's own file dialog (zenity) for File > Open… and the sandbox's Save As: the
// command line it gets and running it. The runner can be replaced, so tests check the
// command line without zenity installed.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace gs::app {

enum class DialogMode { kOpen, kSave };

struct DialogRequest {
  DialogMode mode = DialogMode::kOpen;
  std::string dir;    ///< the folder the dialog starts in (absolute)
  std::string name;   ///< Save As: the file name it suggests
  std::string title;  ///< the dialog window's title
};

/// zenity's argument vector for `req` (argv[0] is "zenity"). Save As asks before it
/// replaces a file (--confirm-overwrite).
std::vector<std::string> ZenityArgs(const DialogRequest& req);

/// Runs a program given its argument vector and returns what it printed (the chosen path);
/// "" when the user cancelled or it failed.
using DialogRunner = std::function<std::string(const std::vector<std::string>& argv)>;
/// Replaces the runner (tests); an empty function restores the real one.
void SetDialogRunner(DialogRunner runner);
/// The runner in use: the replacement, else one that spawns the program (no shell) and
/// reads its standard output.
DialogRunner CurrentDialogRunner();
/// Whether the native dialog can be shown: a replacement runner is set or zenity is on
/// PATH, and GS_NO_NATIVE_DIALOG is not set to something other than 0.
bool NativeDialogAvailable();
/// Ends the dialog program if one is open (the app is closing while the dialog waits);
/// RunNativeDialog then returns "".
void CancelNativeDialogs();
/// Shows the dialog through `run` (blocks: call it off the UI thread); the chosen path with
/// its trailing newline removed, or "".
std::string RunNativeDialog(const DialogRunner& run, const DialogRequest& req);

/// A Save As name without an extension gets ".json" (the library lists only those).
std::string WithScenarioExtension(const std::string& path);

}  // namespace gs::app
