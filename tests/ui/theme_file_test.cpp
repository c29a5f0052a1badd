// The theme colours as data: assets/themes/dark.json and light.json hold exactly the
// compiled-in colours (compared field by field), and a missing or broken file is reported
// once, naming the file and place, while the built-in colours stay in use.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/shell/theme_file.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Hex(ImU32 c) {
  char b[16];
  std::snprintf(b, sizeof b, "%08x", c);
  return b;
}

void ExpectSame(const ThemeData& file, const ThemeData& built_in, const char* which) {
  for (const ThemeField& f : ThemeFields()) {
    EXPECT_EQ(Hex(file.canvas.*f.member), Hex(built_in.canvas.*f.member))
        << which << " canvas colour " << f.name;
  }
  EXPECT_EQ(file.canvas.kind, built_in.canvas.kind);
  EXPECT_EQ(file.imgui.light_base, built_in.imgui.light_base) << which;
  EXPECT_EQ(file.imgui.frame_border, built_in.imgui.frame_border) << which;
  ASSERT_EQ(file.imgui.colors.size(), built_in.imgui.colors.size()) << which;
  for (const auto& [col, want] : built_in.imgui.colors) {
    bool found = false;
    for (const auto& [c, got] : file.imgui.colors) {
      if (c != col) continue;
      found = true;
      // Exact: "0.094" read as a double and narrowed is the float 0.094f.
      EXPECT_EQ(got.x, want.x) << which << " " << ImGui::GetStyleColorName(col);
      EXPECT_EQ(got.y, want.y) << which << " " << ImGui::GetStyleColorName(col);
      EXPECT_EQ(got.z, want.z) << which << " " << ImGui::GetStyleColorName(col);
      EXPECT_EQ(got.w, want.w) << which << " " << ImGui::GetStyleColorName(col);
    }
    EXPECT_TRUE(found) << which << " lacks " << ImGui::GetStyleColorName(col);
  }
}

TEST(ThemeFiles, HoldExactlyTheBuiltInColours) {
  for (ThemeKind kind : {ThemeKind::kDark, ThemeKind::kLight}) {
    const fs::path file = fs::path(GS_THEME_DIR) / (std::string(ThemeFileName(kind)) + ".json");
    ThemeData d;
    std::string error;
    ASSERT_TRUE(ParseThemeFile(Read(file), file.string(), kind, &d, &error)) << error;
    ExpectSame(d, BuiltInTheme(kind), ThemeFileName(kind));
  }
  EXPECT_EQ(LoadThemes(GS_THEME_DIR), "");
  EXPECT_EQ(TakeThemeReport(), "");
  EXPECT_EQ(Hex(GetTheme(ThemeKind::kLight).canvas_bg), Hex(IM_COL32(255, 255, 255, 255)));
}

class BrokenTheme : public testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("gs_theme_" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    fs::copy_file(fs::path(GS_THEME_DIR) / "light.json", m_dir / "light.json");
  }
  void TearDown() override {
    InstallTheme(ThemeKind::kDark, BuiltInTheme(ThemeKind::kDark));
    InstallTheme(ThemeKind::kLight, BuiltInTheme(ThemeKind::kLight));
    TakeThemeReport();
    fs::remove_all(m_dir);
  }
  std::string Error(const std::string& text, ThemeKind kind = ThemeKind::kDark) {
    ThemeData d;
    std::string error;
    EXPECT_FALSE(ParseThemeFile(text, "t.json", kind, &d, &error));
    return error;
  }
  fs::path m_dir;
};

TEST_F(BrokenTheme, IsReportedOnceAndTheBuiltInColoursAreUsed) {
  // Changed colours in light.json are used; dark.json does not parse.
  std::string light = Read(m_dir / "light.json");
  light.replace(light.find("\"#ffffff\""), 9, "\"#fffff0\"");  // canvas_bg, the first one
  std::ofstream(m_dir / "light.json") << light;
  std::ofstream(m_dir / "dark.json") << "{\n  \"format\": 1,\n  \"name\": \"dark\" oops\n}\n";
  InstallTheme(ThemeKind::kDark, ThemeData{});  // so "the built-ins" is really checked
  const std::string report = LoadThemes(m_dir.string());
  EXPECT_NE(report.find((m_dir / "dark.json").string() + ":3:18: not JSON"), std::string::npos)
      << report;
  EXPECT_EQ(report.find("light"), std::string::npos) << report;
  EXPECT_EQ(Hex(GetTheme(ThemeKind::kDark).canvas_bg),
            Hex(BuiltInTheme(ThemeKind::kDark).canvas.canvas_bg));
  EXPECT_EQ(Hex(GetTheme(ThemeKind::kDark).text), Hex(IM_COL32(232, 234, 238, 255)));
  EXPECT_EQ(Hex(GetTheme(ThemeKind::kLight).canvas_bg), Hex(IM_COL32(255, 255, 240, 255)));
  // The app says it once, in its status line; the next App (same run) does not.
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  EXPECT_NE(app.Status().find("dark.json:3:18"), std::string::npos) << app.Status();
  App again(GS_SCENARIO_DIR, "");
  EXPECT_EQ(again.Status(), "");
}

TEST_F(BrokenTheme, AMissingFileIsReportedToo) {
  const std::string report = LoadThemes(m_dir.string());  // only light.json is there
  EXPECT_NE(report.find((m_dir / "dark.json").string() + ": cannot be read"), std::string::npos)
      << report;
  EXPECT_EQ(Hex(GetTheme(ThemeKind::kDark).canvas_bg), Hex(IM_COL32(24, 27, 33, 255)));
}

TEST_F(BrokenTheme, EachMistakeNamesItsPlace) {
  std::string good = Read(fs::path(GS_THEME_DIR) / "dark.json");
  auto with = [&](const std::string& from, const std::string& to) {
    std::string t = good;
    const std::size_t at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return t.replace(at, from.size(), to);
  };
  EXPECT_EQ(Error(with("\"text\": \"#e8eaee\",", "")), "t.json: /canvas/text: missing");
  EXPECT_EQ(Error(with("\"#e8eaee\"", "\"#e8eaeg\"")),
            "t.json: /canvas/text: expected a colour \"#rrggbb\" or \"#rrggbbaa\"");
  EXPECT_EQ(Error(with("\"text\":", "\"txt\":")), "t.json: /canvas/txt: unknown colour");
  EXPECT_EQ(Error(with("\"WindowBg\"", "\"WindowBG\"")),
            "t.json: /imgui/colors/WindowBG: not an ImGui colour name (ImGuiCol_)");
  EXPECT_EQ(Error(with("[0.11, 0.12, 0.14, 1]", "[0.11, 0.12, 1.4, 1]")),
            "t.json: /imgui/colors/WindowBg: expected [r, g, b, a], each 0 to 1");
  EXPECT_EQ(Error(good, ThemeKind::kLight), "t.json: /name: expected \"light\"");
  EXPECT_EQ(Error("[]"), "t.json: /: expected an object");
  EXPECT_EQ(Error(std::string(kMaxThemeBytes + 1, ' ')),
            "t.json: /: larger than a theme file can be (1 MiB)");
}

}  // namespace
}  // namespace gs::app
