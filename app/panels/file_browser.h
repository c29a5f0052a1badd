// File > Open: the desktop's own dialog (zenity) when it is installed, else a built-in
// browser: folders and scenario files of one directory, a way up, the recent files, and a
// path box. It reads a directory only when it changes (never every frame) and lists at
// most kMaxEntries names.
#pragma once

#include <cstddef>
#include <future>
#include <string>
#include <vector>

#include "engine/core/text.h"

namespace gs::app {

class FileBrowser {
 public:
  static constexpr std::size_t kMaxEntries = 2000;
  struct Entry {
    std::string name;
    bool dir = false;
  };

  /// Opens the dialog at `dir` (native when available and `allow_native`).
  void Open(const std::string& dir, bool allow_native = true);
  bool IsOpen() const { return m_open || m_native.valid(); }
  /// Moves to another folder ("..": the parent) and lists it.
  void Enter(const std::string& name);
  const std::string& Dir() const { return m_dir; }
  const std::vector<Entry>& Entries() const { return m_entries; }
  /// Draws the built-in dialog (or polls the native one); returns the chosen file, or "".
  std::string Draw(Lang lang, const std::vector<std::string>& recent);
  /// Whether a native dialog program was found on PATH (zenity); GS_NO_NATIVE_DIALOG=1 hides it.
  static bool NativeAvailable();

 private:
  void List();
  bool m_open = false;
  bool m_just_opened = false;
  std::string m_dir;
  std::vector<Entry> m_entries;
  std::string m_error;  ///< why the folder could not be listed
  bool m_truncated = false;
  char m_path[1024] = {};
  std::future<std::string> m_native;
};

}  // namespace gs::app
