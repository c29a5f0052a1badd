#include "app/shell/native_dialog.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>

extern char** environ;

namespace gs::app {
namespace {

namespace fs = std::filesystem;

std::mutex g_runner_mutex;
DialogRunner g_runner;  ///< set by tests; empty: SpawnAndRead

// The dialog program running now (0: none), so CancelNativeDialogs can end it. It is reaped
// under the same lock, so a kill never reaches a pid the system has given to another process.
std::mutex g_child_mutex;
pid_t g_child = 0;

// Spawns argv[0] from PATH with its standard output on a pipe and its standard error
// discarded, and reads the output until the program exits. No shell is involved, so a
// folder or file name reaches zenity exactly as it is.
std::string SpawnAndRead(const std::vector<std::string>& argv) {
  if (argv.empty()) return "";
  int fds[2];
  // Close-on-exec, so no other program started meanwhile keeps the pipe open.
  if (::pipe2(fds, O_CLOEXEC) != 0) return "";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = 0;
  {
    std::lock_guard lock(g_child_mutex);
    rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    if (rc == 0) g_child = pid;
  }
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  std::string out;
  if (rc == 0) {
    std::array<char, 4096> buf{};
    for (;;) {
      const ssize_t n = ::read(fds[0], buf.data(), buf.size());
      if (n > 0) {
        out.append(buf.data(), std::size_t(n));
      } else if (n == 0 || errno != EINTR) {
        break;
      }
    }
  }
  ::close(fds[0]);
  if (rc != 0) return "";
  int status = 0;
  {
    std::lock_guard lock(g_child_mutex);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    g_child = 0;
  }
  // zenity exits 1 on Cancel and 5 on a timeout; only 0 is a choice.
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "";
  return out;
}

bool ZenityOnPath() {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  const std::string p = path;
  std::size_t start = 0;
  while (start <= p.size()) {
    const std::size_t end = std::min(p.find(':', start), p.size());
    std::error_code ec;
    if (end > start && fs::exists(fs::path(p.substr(start, end - start)) / "zenity", ec)) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace

std::vector<std::string> ZenityArgs(const DialogRequest& req) {
  std::vector<std::string> a = {"zenity", "--file-selection", "--title=" + req.title};
  // --filename: a folder ending in '/' is where the dialog starts; DIR/NAME also fills in
  // the name box of a save dialog.
  std::string dir = req.dir;
  if (dir.empty() || dir.back() != '/') dir += '/';
  if (req.mode == DialogMode::kSave) {
    a.push_back("--save");
    a.push_back("--confirm-overwrite");
    a.push_back("--filename=" + dir + req.name);
  } else {
    a.push_back("--filename=" + dir);
  }
  a.push_back("--file-filter=Scenarios | *.json");
  a.push_back("--file-filter=All files | *");
  return a;
}

void SetDialogRunner(DialogRunner runner) {
  std::lock_guard lock(g_runner_mutex);
  g_runner = std::move(runner);
}

DialogRunner CurrentDialogRunner() {
  std::lock_guard lock(g_runner_mutex);
  if (g_runner) return g_runner;
  return SpawnAndRead;
}

void CancelNativeDialogs() {
  std::lock_guard lock(g_child_mutex);
  if (g_child > 0) ::kill(g_child, SIGTERM);
}

bool NativeDialogAvailable() {
  if (const char* no = std::getenv("GS_NO_NATIVE_DIALOG"); no && *no && *no != '0') return false;
  {
    std::lock_guard lock(g_runner_mutex);
    if (g_runner) return true;
  }
  return ZenityOnPath();
}

std::string RunNativeDialog(const DialogRunner& run, const DialogRequest& req) {
  std::string out = run(ZenityArgs(req));
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::string WithScenarioExtension(const std::string& path) {
  if (path.empty() || fs::path(path).has_extension()) return path;
  return path + ".json";
}

}  // namespace gs::app
