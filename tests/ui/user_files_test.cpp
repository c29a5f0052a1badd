// The user's own files: a broken settings file is reported once, kept aside and replaced by
// defaults; recently opened scenarios head the library; the user's scenarios folder
// ($XDG_DATA_HOME/gopherscope/scenarios) is listed as "My scenarios", and a sandbox Save As
// with a bare name lands there.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/ui/headless.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;

// A private HOME-like tree for one test: settings, data and state directories inside it.
class UserFiles : public testing::Test {
 protected:
  void SetUp() override {
    m_root =
        fs::temp_directory_path() / ("gs_user_" + std::to_string(::getpid()) + "_" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_root);
    fs::create_directories(m_root / "config" / "gopherscope");
    ::setenv("XDG_DATA_HOME", (m_root / "data").c_str(), 1);
    ::setenv("XDG_STATE_HOME", (m_root / "state").c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("XDG_DATA_HOME");
    ::unsetenv("XDG_STATE_HOME");
    fs::remove_all(m_root);
  }
  std::string Settings() const {
    return (m_root / "config" / "gopherscope" / "settings.json").string();
  }
  fs::path UserDir() const { return m_root / "data" / "gopherscope" / "scenarios"; }
  static std::string Read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static std::string Builtin(const char* rel) { return std::string(GS_SCENARIO_DIR) + "/" + rel; }
  fs::path m_root;
};

TEST_F(UserFiles, BrokenSettingsAreKeptAsideAndReportedOnce) {
  const std::string broken = "{\"theme\": \"light\", oops";
  { std::ofstream(Settings()) << broken; }
  {
    App app(GS_SCENARIO_DIR, Settings());
    EXPECT_EQ(app.Ui().theme, ThemeKind::kDark);  // the defaults
    EXPECT_NE(app.Status().find("could not be read"), std::string::npos) << app.Status();
    EXPECT_NE(app.Status().find("settings.json.broken"), std::string::npos) << app.Status();
    EXPECT_EQ(Read(Settings() + ".broken"), broken);          // the bytes are kept, not lost
    ASSERT_TRUE(app.OpenScenario(Builtin("gc/chain.json")));  // saves good settings
  }
  App again(GS_SCENARIO_DIR, Settings());
  EXPECT_EQ(again.Status(), "");  // once: the file is good now
  EXPECT_EQ(again.Ui().last_scenario, Builtin("gc/chain.json"));
}

TEST_F(UserFiles, RecentScenariosHeadTheLibraryNewestFirstAndPersist) {
  {
    App app(GS_SCENARIO_DIR, Settings());
    ASSERT_TRUE(app.OpenScenario(Builtin("gc/chain.json")));
    ASSERT_TRUE(app.OpenScenario(Builtin("maps/first-growth.json")));
    ASSERT_TRUE(app.OpenScenario(Builtin("gc/chain.json")));  // again: moves to the front, once
    ASSERT_GE(app.Library().size(), 2u);
    EXPECT_EQ(app.Library()[0].group, "recent");
    EXPECT_EQ(app.Library()[0].path, Builtin("gc/chain.json"));
    EXPECT_EQ(app.Library()[1].group, "recent");
    EXPECT_EQ(app.Library()[1].path, Builtin("maps/first-growth.json"));
    EXPECT_NE(app.Library()[2].group, "recent");
    EXPECT_FALSE(app.Library()[0].title.Empty());  // the scenario's own title
  }
  App again(GS_SCENARIO_DIR, Settings());
  ASSERT_EQ(again.Ui().recent.size(), 2u);
  EXPECT_EQ(again.Library()[0].path, Builtin("gc/chain.json"));
}

TEST_F(UserFiles, TheUsersFolderIsListedAndSaveAsWithABareNameGoesThere) {
  fs::create_directories(UserDir());
  fs::copy_file(Builtin("gc/chain.json"), UserDir() / "my-chain.json");
  App app(GS_SCENARIO_DIR, Settings());
  bool listed = false;
  for (const LibraryEntry& e : app.Library()) {
    if (e.path == (UserDir() / "my-chain.json").string()) listed = e.group == "mine";
  }
  EXPECT_TRUE(listed) << "my-chain.json is under My scenarios";
  ASSERT_TRUE(app.OpenScenario(Builtin("gc/chain.json")));
  ASSERT_TRUE(app.SaveRecordedAs("recorded.json"));
  EXPECT_TRUE(fs::is_regular_file(UserDir() / "recorded.json"));
  bool saved_listed = false;
  for (const LibraryEntry& e : app.Library()) {
    saved_listed |= e.path == (UserDir() / "recorded.json").string() && e.group == "mine";
  }
  EXPECT_TRUE(saved_listed);
  EXPECT_FALSE(app.SaveRecordedAs("recorded.json"));  // never overwrites
}

TEST(SettingsParse, FieldsOfTheWrongTypeOrOutOfRangeGiveDefaultsNotACrash) {
  // Each of these once could throw (value() on a non-string) or overflow a float.
  UiState s;
  ASSERT_TRUE(ParseUiState(R"({"theme": 5, "lang": [], "font_scale": 1e300, "speed": -1e300,
                              "recent": [1, "", "a.json"], "window": [0, 0, 99999999, 5]})",
                           &s));
  EXPECT_EQ(s.theme, ThemeKind::kDark);
  EXPECT_EQ(s.lang, Lang::kEn);
  EXPECT_EQ(s.font_scale, 3.0f);
  EXPECT_EQ(s.speed, 0.25f);
  ASSERT_EQ(s.recent.size(), 1u);
  EXPECT_EQ(s.recent[0], "a.json");
  EXPECT_EQ(s.window.w, 0) << "a window larger than any monitor is not restored";
  EXPECT_FALSE(ParseUiState("[1, 2]", &s));
  EXPECT_FALSE(ParseUiState("", &s));
  EXPECT_FALSE(ParseRecovery(R"({"path": 1, "text": "x"})").has_value());
  ASSERT_TRUE(ParseRecovery(R"({"format": 1, "path": "p", "text": "t"})").has_value());
}

}  // namespace
}  // namespace gs::app
