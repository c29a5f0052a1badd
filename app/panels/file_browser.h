// File > Open… and the sandbox's Save As: the desktop's own dialog (zenity, see
// app/shell/native_dialog.h) when it is installed, else a built-in browser: folders and
// scenario files of one directory, a way up, the recent files, and a path box. It reads a
// directory only when it changes (never every frame) and lists at most kMaxEntries names.
// Save As never hands back a file that exists unless the user agreed to replace it.
#pragma once

#include <cstddef>
#include <future>
#include <string>
#include <vector>

#include "app/shell/native_dialog.h"
#include "engine/core/text.h"

namespace gs::app {

class FileBrowser {
 public:
  static constexpr std::size_t kMaxEntries = 2000;
  FileBrowser() = default;
  /// Closes a native dialog still open: otherwise quitting would wait for its answer.
  ~FileBrowser();
  FileBrowser(const FileBrowser&) = delete;
  FileBrowser& operator=(const FileBrowser&) = delete;
  struct Entry {
    std::string name;
    bool dir = false;
  };

  /// Opens the Open dialog at `dir` (native when available and `allow_native`).
  void Open(const std::string& dir, bool allow_native = true);
  /// Opens the Save As dialog at `dir` with `name` filled in.
  void OpenSave(const std::string& dir, const std::string& name, bool allow_native = true);
  bool IsOpen() const { return m_open || m_native.valid(); }
  bool Saving() const { return m_mode == DialogMode::kSave; }
  /// Moves to another folder ("..": the parent) and lists it.
  void Enter(const std::string& name);
  const std::string& Dir() const { return m_dir; }
  const std::vector<Entry>& Entries() const { return m_entries; }
  /// What the built-in dialog's Open / Save button (or Enter in the path box) does with a
  /// path; the next Draw returns it, unless Save As must first ask about replacing it.
  void Submit(const std::string& path);
  /// Save As: the file the built-in dialog asks about replacing ("" when not asking).
  const std::string& AskingReplace() const { return m_replace; }
  /// The answer: yes, the next Draw returns the file; no, back to choosing a name.
  void AnswerReplace(bool yes);
  /// The path box's text.
  const char* PathBox() const { return m_path; }
  /// Draws the built-in dialog (or polls the native one); returns the chosen file, or "".
  std::string Draw(Lang lang, const std::vector<std::string>& recent);

 private:
  void Start(const std::string& dir, bool allow_native, DialogRequest req);
  void List();
  DialogMode m_mode = DialogMode::kOpen;
  bool m_open = false;
  bool m_just_opened = false;
  bool m_focus_path = false;  ///< Save As: the cursor goes to the name on the first frame
  std::string m_dir;
  std::vector<Entry> m_entries;
  std::string m_error;  ///< why the folder could not be listed
  bool m_truncated = false;
  char m_path[1024] = {};
  std::string m_replace;  ///< Save As: the existing file being asked about
  std::string m_chosen;   ///< returned by the next Draw
  std::future<std::string> m_native;
};

}  // namespace gs::app
