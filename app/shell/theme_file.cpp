#include "app/shell/theme_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <nlohmann/json.hpp>
#include <system_error>

namespace gs::app {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::mutex g_report_mutex;
std::string g_report;

// "#rrggbb" or "#rrggbbaa" → IM_COL32.
bool ParseHex(const std::string& s, ImU32* out) {
  if ((s.size() != 7 && s.size() != 9) || s[0] != '#') return false;
  unsigned v[4] = {0, 0, 0, 255};
  for (std::size_t i = 0; i * 2 + 1 < s.size(); ++i) {
    unsigned byte = 0;
    for (std::size_t k = 1 + i * 2; k < 3 + i * 2; ++k) {
      const char c = s[k];
      const int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (d < 0) return false;
      byte = byte * 16 + unsigned(d);
    }
    v[i] = byte;
  }
  *out = IM_COL32(v[0], v[1], v[2], v[3]);
  return true;
}

// [r, g, b, a], each 0..1.
bool ParseVec4(const json& j, ImVec4* out) {
  if (!j.is_array() || j.size() != 4) return false;
  float f[4];
  for (int i = 0; i < 4; ++i) {
    if (!j[i].is_number()) return false;
    const double d = j[i].get<double>();
    if (!(d >= 0.0 && d <= 1.0)) return false;
    f[i] = float(d);
  }
  *out = ImVec4(f[0], f[1], f[2], f[3]);
  return true;
}

int ImGuiColByName(const std::string& name) {
  for (int i = 0; i < ImGuiCol_COUNT; ++i) {
    if (name == ImGui::GetStyleColorName(i)) return i;
  }
  return -1;
}

// 1-based line and column of a byte offset, for parse errors.
std::pair<std::size_t, std::size_t> LineCol(const std::string& text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

}  // namespace

const char* ThemeFileName(ThemeKind kind) {
  return kind == ThemeKind::kLight ? "light" : "dark";
}

bool ParseThemeFile(const std::string& text, const std::string& file, ThemeKind kind,
                    ThemeData* out, std::string* error) {
  auto fail = [&](const std::string& where, const std::string& why) {
    if (error) *error = file + ": " + where + ": " + why;
    return false;
  };
  if (text.size() > kMaxThemeBytes) return fail("/", "larger than a theme file can be (1 MiB)");
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann's byte is 1-based and points just past the offending character.
    const auto [line, col] = LineCol(text, e.byte > 0 ? e.byte - 1 : 0);
    if (error) {
      *error = file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": not JSON";
    }
    return false;
  }
  if (!j.is_object()) return fail("/", "expected an object");
  for (const auto& [key, value] : j.items()) {
    if (key != "format" && key != "name" && key != "canvas" && key != "imgui") {
      return fail("/" + key, "unknown entry");
    }
  }
  if (!j.contains("format") || j["format"] != 1) return fail("/format", "expected 1");
  if (!j.contains("name") || j["name"] != ThemeFileName(kind)) {
    return fail("/name", std::string("expected \"") + ThemeFileName(kind) + "\"");
  }
  ThemeData d;
  d.canvas.kind = kind;
  if (!j.contains("canvas") || !j["canvas"].is_object())
    return fail("/canvas", "expected an object");
  const json& canvas = j["canvas"];
  for (const auto& [key, value] : canvas.items()) {
    bool known = false;
    for (const ThemeField& f : ThemeFields()) known |= key == f.name;
    if (!known) return fail("/canvas/" + key, "unknown colour");
  }
  for (const ThemeField& f : ThemeFields()) {
    const std::string where = std::string("/canvas/") + f.name;
    if (!canvas.contains(f.name)) return fail(where, "missing");
    const json& v = canvas[f.name];
    if (!v.is_string() || !ParseHex(v.get<std::string>(), &(d.canvas.*f.member))) {
      return fail(where, "expected a colour \"#rrggbb\" or \"#rrggbbaa\"");
    }
  }
  if (!j.contains("imgui") || !j["imgui"].is_object()) return fail("/imgui", "expected an object");
  const json& ig = j["imgui"];
  for (const auto& [key, value] : ig.items()) {
    if (key != "base" && key != "frame_border_size" && key != "colors") {
      return fail("/imgui/" + key, "unknown entry");
    }
  }
  if (!ig.contains("base") || (ig["base"] != "dark" && ig["base"] != "light")) {
    return fail("/imgui/base", "expected \"dark\" or \"light\"");
  }
  d.imgui.light_base = ig["base"] == "light";
  if (ig.contains("frame_border_size")) {
    const json& b = ig["frame_border_size"];
    if (!b.is_number() || !(b.get<double>() >= 0.0 && b.get<double>() <= 8.0)) {
      return fail("/imgui/frame_border_size", "expected a number from 0 to 8");
    }
    d.imgui.frame_border = b.get<float>();
  }
  if (ig.contains("colors")) {
    if (!ig["colors"].is_object()) return fail("/imgui/colors", "expected an object");
    for (const auto& [key, value] : ig["colors"].items()) {
      const std::string where = "/imgui/colors/" + key;
      const int col = ImGuiColByName(key);
      if (col < 0) return fail(where, "not an ImGui colour name (ImGuiCol_)");
      ImVec4 c;
      if (!ParseVec4(value, &c)) return fail(where, "expected [r, g, b, a], each 0 to 1");
      d.imgui.colors.emplace_back(col, c);
    }
  }
  *out = std::move(d);
  return true;
}

std::string LoadThemes(const std::string& dir) {
  std::string report;
  for (ThemeKind kind : {ThemeKind::kDark, ThemeKind::kLight}) {
    const std::string file =
        (fs::path(dir) / (std::string(ThemeFileName(kind)) + ".json")).string();
    std::string error;
    ThemeData data;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      error = file + ": cannot be read";
    } else {
      std::string text;
      // Read one byte past the limit, so an oversized file is seen as one.
      text.resize(kMaxThemeBytes + 1);
      in.read(text.data(), std::streamsize(text.size()));
      text.resize(std::size_t(in.gcount()));
      if (ParseThemeFile(text, file, kind, &data, &error)) {
        InstallTheme(kind, data);
        continue;
      }
    }
    InstallTheme(kind, BuiltInTheme(kind));
    report +=
        "Theme " + std::string(ThemeFileName(kind)) + ": built-in colours used (" + error + ")\n";
  }
  if (!report.empty()) report.pop_back();
  std::lock_guard lock(g_report_mutex);
  g_report = report;
  return report;
}

std::string ThemeDir(const std::string& built_in) {
  // As the scenarios are found (app/cli/install_paths.cpp): relative to the program itself.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return built_in;
  const fs::path installed = exe.parent_path().parent_path() / "share" / "gopherscope" / "themes";
  if (fs::is_directory(installed, ec)) return installed.string();
  return built_in;
}

std::string TakeThemeReport() {
  std::lock_guard lock(g_report_mutex);
  std::string r;
  r.swap(g_report);
  return r;
}

}  // namespace gs::app
