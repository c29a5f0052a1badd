// Themes as data: the colours of each theme come from assets/themes/THEME.json (installed
// under share/gopherscope/themes), read once at start. The same colours are compiled in as
// the defaults, so a missing or broken file is reported once and the app still starts.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "app/shell/theme.h"

namespace gs::app {

/// ImGui's own widgets: a stock style (dark or light) with some colours replaced.
struct ImGuiStyleSpec {
  bool light_base = false;                     ///< ImGui::StyleColorsLight, else StyleColorsDark
  float frame_border = 0.0f;                   ///< style.FrameBorderSize before scaling
  std::vector<std::pair<int, ImVec4>> colors;  ///< ImGuiCol_ index → colour
};

struct ThemeData {
  Theme canvas;  ///< what views draw with (GetTheme)
  ImGuiStyleSpec imgui;
};

/// One canvas colour: its name in the file and its member of Theme.
struct ThemeField {
  const char* name;
  ImU32 Theme::*member;
};
inline constexpr std::size_t kThemeFieldCount = 23;
/// Every colour of Theme, in the order the files list them.
const std::array<ThemeField, kThemeFieldCount>& ThemeFields();

/// The compiled-in colours (the defaults when a file is missing or broken).
const ThemeData& BuiltInTheme(ThemeKind kind);
/// What GetTheme and ApplyImGuiStyle use from now on.
void InstallTheme(ThemeKind kind, const ThemeData& data);

/// "dark" / "light": the file name without .json.
const char* ThemeFileName(ThemeKind kind);
/// A theme file is well under a kilobyte per colour; anything over this is not one.
inline constexpr std::size_t kMaxThemeBytes = 1 << 20;
/// Reads a theme file's text. On failure `error` names the place: FILE:LINE:COL for bad
/// JSON, FILE: /json/path for a missing, unknown or malformed entry.
bool ParseThemeFile(const std::string& text, const std::string& file, ThemeKind kind,
                    ThemeData* out, std::string* error);
/// Reads DIR/dark.json and DIR/light.json and installs the ones that are good. Returns ""
/// when both were, else one line per bad file saying the defaults are used instead.
std::string LoadThemes(const std::string& dir);
/// Where the theme files are: PREFIX/share/gopherscope/themes beside the installed
/// program (so the prefix can move), else `built_in` (the source tree's assets/themes).
std::string ThemeDir(const std::string& built_in);
/// The last LoadThemes report, once: the next call returns "".
std::string TakeThemeReport();

}  // namespace gs::app
