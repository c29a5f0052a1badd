#include "app/shell/config_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/core/file_read.h"

namespace gs::app {

std::string SettingsPath() {
  namespace fs = std::filesystem;
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  fs::path dir;
  if (xdg && *xdg) {
    dir = fs::path(xdg) / "gopherscope";
  } else if (home && *home) {
    dir = fs::path(home) / ".config" / "gopherscope";
  } else {
    return "";
  }
  return (dir / "settings.json").string();
}

std::string UserScenarioDir() {
  namespace fs = std::filesystem;
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) {
    return (fs::path(data) / "gopherscope" / "scenarios").string();
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return (fs::path(home) / ".local" / "share" / "gopherscope" / "scenarios").string();
  }
  return "";
}

void NoteRecent(UiState& s, const std::string& path) {
  if (path.empty()) return;
  std::erase(s.recent, path);
  s.recent.insert(s.recent.begin(), path);
  if (s.recent.size() > UiState::kMaxRecent) s.recent.resize(UiState::kMaxRecent);
}

UiState LoadUiState(const std::string& path, std::string* broken_kept) {
  UiState s;
  if (path.empty()) return s;
  std::string text, error;
  // Only a regular file of a sane size is read (a FIFO there must not hang the start).
  if (!ReadRegularFile(path, kMaxSettingsBytes, &text, &error)) return s;
  if (!ParseUiState(text, &s)) {
    // Not ours to fix: keep the author's bytes beside it and start from the defaults; the
    // next save writes a good file, so this is reported once.
    std::error_code ec;
    const std::string kept = path + ".broken";
    std::filesystem::rename(path, kept, ec);
    if (broken_kept) *broken_kept = ec ? path : kept;
    return UiState{};
  }
  return s;
}

bool ParseUiState(const std::string& text, UiState* out) {
  UiState s;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return false;
  // Numbers are read as double and clamped before narrowing: a float cannot hold 1e300.
  // value() would throw on a field of another type: every field's type is checked first.
  if (j.contains("theme") && j["theme"].is_string() && j["theme"] == "light") {
    s.theme = ThemeKind::kLight;
  }
  if (j.contains("lang") && j["lang"].is_string()) ParseLang(j["lang"].get<std::string>(), &s.lang);
  if (j.contains("font_scale") && j["font_scale"].is_number()) {
    s.font_scale = float(std::clamp(j["font_scale"].get<double>(), 0.6, 3.0));
  }
  if (j.contains("speed") && j["speed"].is_number()) {
    s.speed = float(std::clamp(j["speed"].get<double>(), 0.25, 8.0));
  }
  if (j.contains("last_scenario") && j["last_scenario"].is_string()) {
    s.last_scenario = j["last_scenario"].get<std::string>();
  }
  if (j.contains("quiz_scores") && j["quiz_scores"].is_object()) {
    for (const auto& [file, v] : j["quiz_scores"].items()) {
      if (s.quiz_scores.size() >= 4096) break;  // a broken file cannot grow this without end
      if (v.is_array() && v.size() == 2 && v[0].is_number_integer() && v[1].is_number_integer()) {
        s.quiz_scores[file] = {v[0].get<int>(), v[1].get<int>()};
      }
    }
  }
  if (j.contains("recent") && j["recent"].is_array()) {
    for (const auto& r : j["recent"]) {
      if (s.recent.size() >= UiState::kMaxRecent) break;
      if (r.is_string() && !r.get<std::string>().empty() && r.get<std::string>().size() < 4096) {
        s.recent.push_back(r.get<std::string>());
      }
    }
  }
  if (j.contains("window") && j["window"].is_array() && j["window"].size() == 4) {
    const nlohmann::json& w = j["window"];
    bool ints = true;
    for (const auto& v : w) ints = ints && v.is_number_integer();
    // Sizes beyond any real monitor are a broken file, not a window to restore.
    if (ints && w[2].get<int>() > 0 && w[3].get<int>() > 0 && w[2].get<int>() <= 16384 &&
        w[3].get<int>() <= 16384 && std::abs(w[0].get<int>()) <= 65536 &&
        std::abs(w[1].get<int>()) <= 65536) {
      s.window = {w[0].get<int>(), w[1].get<int>(), w[2].get<int>(), w[3].get<int>()};
    }
  }
  *out = std::move(s);
  return true;
}

bool WriteFileAtomic(const std::string& path, const std::string& text, std::string* error) {
  namespace fs = std::filesystem;
  auto fail = [error](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  auto fail_errno = [&fail](const char* what) {
    return fail(std::string(what) + ": " + std::strerror(errno));
  };
  std::error_code ec;
  // A symlink stays a link: the file it points to is the one rewritten.
  fs::path target(path);
  if (fs::is_symlink(target, ec)) {
    fs::path resolved = fs::weakly_canonical(target, ec);
    if (ec) return fail("cannot follow the link: " + ec.message());
    target = resolved;
  }
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  // Keep the file's mode (and owner, where allowed); a read-only file is not replaced.
  struct stat old {};
  const bool existed = ::stat(target.c_str(), &old) == 0;
  if (existed && (old.st_mode & 0222) == 0) {
    return fail("the file is read-only; make it writable or save under another name");
  }
  const mode_t mode = existed ? (old.st_mode & 07777) : 0644;
  // The temporary file sits next to the target (same file system, so rename is atomic), with
  // an unpredictable name, created exclusively: a planted file or link there is never used.
  std::random_device rd;
  int fd = -1;
  std::string tmp;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".tmp-%08x%08x", rd(), rd());
    tmp = target.string() + suffix;
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && errno != EEXIST) return fail_errno("cannot create a temporary file");
  }
  if (fd < 0) return fail("cannot create a temporary file: every name tried exists");
  auto abandon = [&](const char* what) {
    const int saved = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    errno = saved;
    return fail_errno(what);
  };
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return abandon("cannot write the file");
    done += std::size_t(n);
  }
  if (::fchmod(fd, mode) != 0) return abandon("cannot set the file's mode");
  if (existed && ::fchown(fd, old.st_uid, old.st_gid) != 0) {
    // Only root may give a file away; the mode is kept either way.
  }
  if (::fsync(fd) != 0) return abandon("cannot flush the file to disk");
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return fail_errno("cannot close the file");
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    return fail_errno("cannot replace the file");
  }
  // The rename itself is durable only once the directory is flushed too.
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

bool SaveUiState(const std::string& path, const UiState& s) {
  if (path.empty()) return false;
  nlohmann::json j;
  j["theme"] = s.theme == ThemeKind::kLight ? "light" : "dark";
  j["lang"] = std::string(LangCode(s.lang));
  j["font_scale"] = s.font_scale;
  j["speed"] = s.speed;
  j["last_scenario"] = s.last_scenario;
  if (!s.quiz_scores.empty()) {
    nlohmann::json scores = nlohmann::json::object();
    for (const auto& [file, v] : s.quiz_scores) scores[file] = {v.first, v.second};
    j["quiz_scores"] = scores;
  }
  if (s.window.w > 0) j["window"] = {s.window.x, s.window.y, s.window.w, s.window.h};
  if (!s.recent.empty()) j["recent"] = s.recent;
  return WriteFileAtomic(path, j.dump(2) + "\n");
}

}  // namespace gs::app
