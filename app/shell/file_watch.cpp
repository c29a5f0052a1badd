#include "app/shell/file_watch.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace gs::app {

namespace {

// Everything that can leave different bytes under the name: a write finished or under way,
// a file renamed onto the name or away from it, created, deleted, or its link re-pointed.
constexpr std::uint32_t kDirEvents =
    IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;

}  // namespace

FileWatch::FileWatch() : m_fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}

FileWatch::~FileWatch() {
  if (m_fd >= 0) ::close(m_fd);
}

void FileWatch::Unwatch() {
  if (m_fd >= 0 && m_dir_wd >= 0) ::inotify_rm_watch(m_fd, m_dir_wd);
  if (m_fd >= 0 && m_target_wd >= 0 && m_target_wd != m_dir_wd) {
    ::inotify_rm_watch(m_fd, m_target_wd);
  }
  m_dir_wd = m_target_wd = -1;
  m_name.clear();
  m_target_name.clear();
  m_path.clear();
}

void FileWatch::Watch(const std::string& path) {
  if (path == m_path) return;
  Unwatch();
  if (m_fd < 0 || path.empty()) return;
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path p = fs::absolute(path, ec);
  if (ec) return;
  m_path = path;
  m_name = p.filename().string();
  m_dir_wd = ::inotify_add_watch(m_fd, p.parent_path().c_str(), kDirEvents);
  if (fs::is_symlink(p, ec)) {
    const fs::path target = fs::weakly_canonical(p, ec);
    if (!ec) {
      // inotify gives one descriptor per watched directory, so a link to a file in the same
      // directory shares the first watch.
      m_target_wd = ::inotify_add_watch(m_fd, target.parent_path().c_str(), kDirEvents);
      m_target_name = target.filename().string();
    }
  }
}

bool FileWatch::Poll() {
  if (m_fd < 0) return false;
  bool hit = false;
  alignas(inotify_event) char buf[4096];
  for (;;) {
    const ssize_t n = ::read(m_fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EAGAIN: drained
    for (ssize_t off = 0; off < n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(buf + off);
      const char* name = ev->len > 0 ? ev->name : "";
      if ((ev->wd == m_dir_wd && m_name == name) ||
          (ev->wd == m_target_wd && m_target_name == name)) {
        hit = true;
      }
      // The kernel dropped events (its queue was full): anything may have changed.
      if (ev->mask & IN_Q_OVERFLOW) hit = true;
      off += ssize_t(sizeof(inotify_event) + ev->len);
    }
  }
  return hit;
}

}  // namespace gs::app
