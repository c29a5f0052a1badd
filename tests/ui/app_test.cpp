// Headless UI tests: every built-in scenario draws at several steps in both themes and
// languages; keys move the step and toggle theme and language; hot reload keeps the step
// and keeps the last good scenario when the file breaks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/shell/keys.h"
#include "engine/gc/gc_run.h"
#include "tests/support/builtin.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

using test::Headless;

std::string Chain() {
  return std::string(GS_SCENARIO_DIR) + "/gc/chain.json";
}

TEST(AppHeadless, EveryBuiltinScenarioDrawsAtSeveralSteps) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  for (const std::string& file : BuiltinScenarioFiles()) {
    ASSERT_TRUE(app.OpenScenario(file)) << file << "\n" << app.Doc().Errors().FormatAll();
    const std::size_t last = app.Doc().GetRun()->StepCount() - 1;
    for (ThemeKind theme : {ThemeKind::kDark, ThemeKind::kLight}) {
      for (Lang lang : {Lang::kEn, Lang::kZh}) {
        app.Ui().theme = theme;
        app.Ui().lang = lang;
        for (std::size_t step : {std::size_t(0), last / 3, last / 2, last}) {
          app.SetStep(step, /*animate=*/true);
          ImDrawData* dd = h.Frame(app, 0.05f);  // mid-animation
          ASSERT_TRUE(dd && dd->Valid) << file << " step " << step;
          EXPECT_GT(dd->TotalVtxCount, 1000) << file << " step " << step;
          EXPECT_EQ(app.Play().step, step);
        }
      }
    }
  }
}

TEST(AppHeadless, KeysMoveTheStepAndToggleThemeAndLanguage) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Chain()));
  const std::size_t last = app.Doc().GetRun()->StepCount() - 1;
  h.Frame(app);
  EXPECT_EQ(app.Play().step, 0u);
  h.Press(app, keys::kRight);
  EXPECT_EQ(app.Play().step, 1u);
  h.Press(app, keys::kRight);
  EXPECT_EQ(app.Play().step, 2u);
  h.Press(app, keys::kLeft);
  EXPECT_EQ(app.Play().step, 1u);
  h.Press(app, keys::kEnd);
  EXPECT_EQ(app.Play().step, last);
  h.Press(app, keys::kRight);  // already at the end: stays
  EXPECT_EQ(app.Play().step, last);
  h.Press(app, keys::kHome);
  EXPECT_EQ(app.Play().step, 0u);

  const ThemeKind theme = app.Ui().theme;
  h.Press(app, keys::kT);
  EXPECT_NE(app.Ui().theme, theme);
  h.Press(app, keys::kT);
  EXPECT_EQ(app.Ui().theme, theme);

  const Lang lang = app.Ui().lang;
  h.Press(app, keys::kL);
  EXPECT_NE(app.Ui().lang, lang);

  EXPECT_FALSE(app.Ui().show_help);
  h.Press(app, keys::kF1);
  EXPECT_TRUE(app.Ui().show_help);
  h.Press(app, keys::kEscape);
  EXPECT_FALSE(app.Ui().show_help);

  const float font = app.Ui().font_scale;
  h.Press(app, keys::kEqual);
  EXPECT_GT(app.Ui().font_scale, font);
  h.Press(app, keys::kMinus);
  EXPECT_NEAR(app.Ui().font_scale, font, 1e-4f);
}

TEST(AppHeadless, SpacePlaysThroughTheTimeline) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Chain()));
  app.Ui().speed = 8.0f;
  h.Press(app, keys::kSpace);
  EXPECT_TRUE(app.Play().playing);
  // 8 steps per second: after 0.5 s of frames we are 3–5 steps in.
  for (int i = 0; i < 30; ++i) h.Frame(app, 1.0f / 60.0f);
  EXPECT_GE(app.Play().step, 3u);
  EXPECT_LE(app.Play().step, 5u);
  h.Press(app, keys::kSpace);
  EXPECT_FALSE(app.Play().playing);
}

TEST(AppHeadless, ChineseGlyphsAreInTheAtlas) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  ASSERT_TRUE(h.BuildFonts(app))
      << "no CJK font found (scripts/setup.sh installs fonts-wqy-microhei)";
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  for (ImWchar c : {0x4E09 /*三*/, 0x8272 /*色*/, 0x6807 /*标*/, 0x8BB0 /*记*/, 0x6808 /*栈*/}) {
    EXPECT_NE(font->FindGlyphNoFallback(c), nullptr) << std::hex << int(c);
  }
}

TEST(AppHeadless, HotReloadKeepsStepAndSurvivesBrokenFile) {
  namespace fs = std::filesystem;
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  fs::path dir = fs::temp_directory_path() / ("gs_reload_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "s.json";
  std::ifstream in(Chain());
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::ofstream(file) << text;
  ASSERT_TRUE(app.OpenScenario(file.string()));
  app.SetStep(4, false);
  const std::uint64_t hash4 = app.Doc().GetRun()->Hash(4);

  // A half-written save: the last good timeline stays, the errors are listed.
  std::ofstream(file) << text.substr(0, text.size() / 2);
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(1));
  app.CheckForChanges();
  ASSERT_TRUE(app.Doc().GetRun());
  EXPECT_EQ(app.Doc().GetRun()->Hash(4), hash4);
  EXPECT_TRUE(app.Doc().Errors().HasErrors());
  EXPECT_EQ(app.Play().step, 4u);
  h.Frame(app);

  // The fixed file (one more object) reloads at the same step.
  std::string fixed = text;
  fixed.replace(fixed.find("{\"id\": \"D\"}"), 11, "{\"id\": \"D\"}, {\"id\": \"E\"}");
  std::ofstream(file) << fixed;
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(2));
  app.CheckForChanges();
  EXPECT_FALSE(app.Doc().Errors().HasErrors()) << app.Doc().Errors().FormatAll();
  EXPECT_EQ(app.Play().step, 4u);
  auto* gc = dynamic_cast<const gc::GcRun*>(app.Doc().GetRun().get());
  ASSERT_TRUE(gc);
  EXPECT_EQ(gc->Prog().objects.size(), 5u);
  h.Frame(app);
  fs::remove_all(dir);
}

TEST(AppHeadless, OpeningABrokenFileKeepsThePreviousScenario) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Chain()));
  const auto* before = app.Doc().GetRun().get();
  EXPECT_FALSE(
      app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/../tests/malformed/unknown_object.json"));
  EXPECT_EQ(app.Doc().GetRun().get(), before);
  EXPECT_TRUE(app.Doc().Errors().HasErrors());
  ImDrawData* dd = h.Frame(app);
  EXPECT_TRUE(dd->Valid);
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

TEST(AppHeadless, ThemeLanguageFontAndLastScenarioPersist) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("gs_settings_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string settings = (dir / "gopherscope" / "settings.json").string();
  const std::string chain = std::string(GS_SCENARIO_DIR) + "/gc/chain.json";
  {
    test::Headless h;
    App app(GS_SCENARIO_DIR, settings);
    h.BuildFonts(app);
    ASSERT_TRUE(app.OpenScenario(chain));
    h.Press(app, keys::kT);      // dark → light
    h.Press(app, keys::kL);      // en → zh
    h.Press(app, keys::kEqual);  // bigger text
  }
  ASSERT_TRUE(fs::exists(settings));
  App again(GS_SCENARIO_DIR, settings);
  EXPECT_EQ(again.Ui().theme, ThemeKind::kLight);
  EXPECT_EQ(again.Ui().lang, Lang::kZh);
  EXPECT_GT(again.Ui().font_scale, 1.0f);
  EXPECT_EQ(again.Ui().last_scenario, chain);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

TEST(AppHeadless, BarrierSelectorRerunsAndStaysOnTheStep) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/gc/s1_lost_object.json"));
  auto* none = dynamic_cast<const gc::GcRun*>(app.Doc().GetRun().get());
  ASSERT_TRUE(none);
  ASSERT_EQ(none->Prog().config.barrier, gc::Barrier::kNone);
  const std::size_t none_steps = none->StepCount();  // `none` dies when the run is replaced
  app.SetStep(6, false);
  ASSERT_TRUE(app.SetConfig("barrier", "go"));
  auto* go = dynamic_cast<const gc::GcRun*>(app.Doc().GetRun().get());
  ASSERT_TRUE(go);
  EXPECT_EQ(go->Prog().config.barrier, gc::Barrier::kGo);
  EXPECT_EQ(app.Play().step, 6u);
  // The go barrier adds barrier steps: the timeline is longer than without one.
  EXPECT_GT(go->StepCount(), none_steps);
  h.Frame(app);
  // An unknown mode does not load: the go run stays.
  EXPECT_FALSE(app.SetConfig("barrier", "bogus"));
  EXPECT_EQ(app.Doc().GetRun().get(), go);
}

}  // namespace
}  // namespace gs::app
