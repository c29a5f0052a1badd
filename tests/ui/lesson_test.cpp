// Lessons (a teacher's playlist of scenarios): loading, resolving entries, moving through
// them with ] and [ and with a clicker past the ends of a scenario in presenter mode.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/shell/keys.h"
#include "app/shell/lesson.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

std::string Lessons() {
  return std::string(GS_SCENARIO_DIR) + "/../lessons";
}

TEST(Lesson, BuiltinLessonsLoadAndEveryEntryIsAScenario) {
  int seen = 0;
  for (const auto& e : std::filesystem::directory_iterator(Lessons())) {
    const std::string path = e.path().string();
    if (!IsLessonPath(path)) continue;
    ++seen;
    Lesson l;
    std::string error;
    ASSERT_TRUE(LoadLesson(path, GS_SCENARIO_DIR, &l, &error)) << error;
    EXPECT_FALSE(l.title.en.empty());
    EXPECT_FALSE(l.title.zh.empty());
    for (const std::string& s : l.scenarios) EXPECT_TRUE(std::filesystem::is_regular_file(s)) << s;
  }
  EXPECT_GE(seen, 2);
}

TEST(Lesson, ABadEntrySaysWhereAndWhy) {
  const std::string path = ::testing::TempDir() + "bad.lesson.json";
  std::ofstream(path)
      << "{\n  \"scenarios\": [\n    \"gc/chain.json\",\n    \"gc/nope.json\"\n  ]\n}\n";
  Lesson l;
  std::string error;
  EXPECT_FALSE(LoadLesson(path, GS_SCENARIO_DIR, &l, &error));
  EXPECT_NE(error.find("bad.lesson.json:4:5: /scenarios/1: no scenario \"gc/nope.json\""),
            std::string::npos)
      << error;
}

TEST(Lesson, KeysMoveThroughTheLesson) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Lessons() + "/scheduler.lesson.json"));
  ASSERT_TRUE(app.CurrentLesson());
  const auto& files = app.CurrentLesson()->scenarios;
  EXPECT_EQ(app.Doc().Path(), files[0]);
  h.Frame(app);
  h.Press(app, keys::kRightBracket);
  EXPECT_EQ(app.LessonIndex(), 1u);
  EXPECT_EQ(app.Doc().Path(), files[1]);
  h.Press(app, keys::kLeftBracket);
  h.Press(app, keys::kLeftBracket);  // already at the first: stays
  EXPECT_EQ(app.LessonIndex(), 0u);
  // Presenter mode: a clicker's PageDown at the last step opens the next scenario.
  h.Press(app, keys::kP);
  ASSERT_TRUE(app.Ui().presenter.on);
  app.SetStep(app.Doc().GetRun()->StepCount() - 1, false);
  h.Frame(app);
  h.Press(app, keys::kPageDown);
  EXPECT_EQ(app.LessonIndex(), 1u);
  EXPECT_EQ(app.Play().step, 0u);
  // PageUp at the first step goes back.
  h.Press(app, keys::kPageUp);
  EXPECT_EQ(app.LessonIndex(), 0u);
  // Opening a scenario that is not in the lesson closes it.
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/gc/chain.json"));
  EXPECT_FALSE(app.CurrentLesson());
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

// An entry may play a range of steps: it opens at `from`, and the clicker moves on past `to`.
TEST(Lesson, AnEntryPlaysItsStepRange) {
  const std::string path = ::testing::TempDir() + "range.lesson.json";
  std::ofstream(path) << R"({"format": 1, "title": {"en": "r", "zh": "r"}, "scenarios": [
      {"file": "gc/chain.json", "from": 2, "to": 4}, "gc/roots.json"]})";
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(path));
  EXPECT_EQ(app.Play().step, 2u);
  h.Press(app, keys::kP);
  h.Press(app, keys::kPageDown);
  h.Press(app, keys::kPageDown);
  EXPECT_EQ(app.Play().step, 4u);
  EXPECT_EQ(app.LessonIndex(), 0u);
  h.Press(app, keys::kPageDown);  // past `to`: the next entry
  EXPECT_EQ(app.LessonIndex(), 1u);
  Lesson l;
  std::string error;
  const std::string bad = ::testing::TempDir() + "badrange.lesson.json";
  std::ofstream(bad) << R"({"scenarios": [{"file": "gc/chain.json", "from": 5, "to": 2}]})";
  EXPECT_FALSE(LoadLesson(bad, GS_SCENARIO_DIR, &l, &error));
  EXPECT_NE(error.find("\"from\" is after \"to\""), std::string::npos) << error;
}

}  // namespace
}  // namespace gs::app
