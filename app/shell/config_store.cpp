#include "app/shell/config_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

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

UiState LoadUiState(const std::string& path) {
  UiState s;
  if (path.empty()) return s;
  std::ifstream in(path);
  if (!in) return s;
  std::stringstream buf;
  buf << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(buf.str(), nullptr, false);
  if (!j.is_object()) return s;
  if (j.value("theme", "") == "light") s.theme = ThemeKind::kLight;
  if (j.contains("lang") && j["lang"].is_string()) ParseLang(j["lang"].get<std::string>(), &s.lang);
  if (j.contains("font_scale") && j["font_scale"].is_number()) {
    s.font_scale = std::clamp(j["font_scale"].get<float>(), 0.6f, 3.0f);
  }
  if (j.contains("speed") && j["speed"].is_number()) {
    s.speed = std::clamp(j["speed"].get<float>(), 0.25f, 8.0f);
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
  return s;
}

bool WriteFileAtomic(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  std::string tmp = path + ".tmp" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      ::unlink(tmp.c_str());
      return false;
    }
    done += std::size_t(n);
  }
  bool ok = ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return false;
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
  return WriteFileAtomic(path, j.dump(2) + "\n");
}

}  // namespace gs::app
