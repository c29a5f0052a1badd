// FileWatch: tells the app when the open scenario file may have changed on disk, from the
// kernel's inotify events instead of a clock. The file's directory is watched, not only the
// file, so the ways editors save are all seen: a write in place, a new file renamed over the
// old one (the old inode is gone, a watch on it would go quiet), a delete and re-create. When
// the path is a symlink, the directory of the file it points to is watched too.
//
// It only says "look again": whether the file really changed is decided by its content hash
// (Document::ReadVersion), never by the event or the clock.
#pragma once

#include <string>

namespace gs::app {

class FileWatch {
 public:
  FileWatch();
  ~FileWatch();
  FileWatch(const FileWatch&) = delete;
  FileWatch& operator=(const FileWatch&) = delete;

  /// Watches `path` ("" stops watching). Watching the same path again is a no-op.
  void Watch(const std::string& path);
  /// Drains the pending events without blocking; true when one concerned the file.
  bool Poll();
  /// False when inotify is not available (then the app falls back to polling).
  bool Active() const { return m_fd >= 0; }
  /// True when the path's directory is being watched.
  bool Watching() const { return m_fd >= 0 && m_dir_wd >= 0; }

 private:
  void Unwatch();

  int m_fd = -1;
  std::string m_path;
  int m_dir_wd = -1;     ///< the directory holding the path
  std::string m_name;    ///< the path's file name in it
  int m_target_wd = -1;  ///< a symlink's target directory (when it is another one)
  std::string m_target_name;
};

}  // namespace gs::app
