// Predict, then reveal (app/shell/quiz_flow.cpp through the App): at a checkpoint the next
// step waits for a prediction, a pick plays the step and is scored, a second Next skips.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cfloat>
#include <filesystem>

#include "app/shell/keys.h"
#include "app/shell/quiz_flow.h"
#include "app/views/chan_view.h"
#include "app/views/sched_view.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

using test::Headless;

// gc/chain.json asks before step 9 which object is garbage; D is (nothing points to it).
std::string Chain() {
  return std::string(GS_SCENARIO_DIR) + "/gc/chain.json";
}

std::vector<QuizItem> TwoQuestions() {
  QuizItem a;
  a.before_step = 3;
  a.choices = {"x", "y"};
  a.answer = a.choices[1];  // "y" (a choice copied, not a literal: GCC 12 -Wrestrict noise)
  QuizItem b = a;
  b.before_step = 6;
  b.answer = a.choices[0];  // "x"
  return {a, b};
}

TEST(QuizFlow, HoldsOnceThenSkipsAndScoresTheFirstPickOnly) {
  const auto quiz = TwoQuestions();
  QuizFlow f;
  f.Reset(quiz);
  EXPECT_EQ(QuizFlow::AskedAt(quiz, 2), 0);
  EXPECT_EQ(QuizFlow::RevealedAt(quiz, 3), 0);
  EXPECT_EQ(QuizFlow::AskedAt(quiz, 3), -1);
  EXPECT_FALSE(f.HoldBeforeNext(quiz, 1));  // not a checkpoint
  EXPECT_TRUE(f.HoldBeforeNext(quiz, 2));   // waits for a prediction
  EXPECT_EQ(f.Holding(), 0);
  EXPECT_FALSE(f.HoldBeforeNext(quiz, 2));  // Next again: skipped, the step plays
  EXPECT_TRUE(f.Skipped(0));
  EXPECT_FALSE(f.Answer(quiz, 1, "z"));  // not a choice
  EXPECT_TRUE(f.Answer(quiz, 1, "y"));   // wrong
  EXPECT_FALSE(f.Answer(quiz, 1, "x"));  // the first pick stands
  EXPECT_EQ(f.Right(), 0);
  EXPECT_EQ(f.Answered(), 1);
  EXPECT_FALSE(f.HoldBeforeNext(quiz, 5));  // answered: no hold
}

TEST(QuizApp, CheckpointWaitsThenAPickRevealsTheStep) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Chain()));
  ASSERT_EQ(app.Doc().GetRun()->Meta().quiz.size(), 1u);
  ASSERT_EQ(app.Doc().GetRun()->Meta().quiz[0].before_step, 9);
  app.SetStep(8, false);
  h.Frame(app);
  h.Press(app, keys::kRight);
  EXPECT_EQ(app.Play().step, 8u);  // held at the checkpoint
  EXPECT_EQ(app.Quiz().Holding(), 0);
  ASSERT_TRUE(app.PickQuizAnswer(0, "D"));
  EXPECT_EQ(app.Play().step, 9u);  // the pick reveals the step
  EXPECT_EQ(app.Quiz().Right(), 1);
  h.Frame(app);
  // Going back and forward again does not ask twice.
  h.Press(app, keys::kLeft);
  h.Press(app, keys::kRight);
  EXPECT_EQ(app.Play().step, 9u);
}

TEST(QuizApp, SecondNextSkipsAndAutoplayStopsAtTheCheckpoint) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Chain()));
  app.SetStep(6, false);
  h.Press(app, keys::kSpace);  // play
  for (int i = 0; i < 600 && app.Play().playing; ++i) h.Frame(app, 0.05f);
  EXPECT_FALSE(app.Play().playing);
  EXPECT_EQ(app.Play().step, 8u);  // stopped before the quiz's step, waiting for a prediction
  EXPECT_EQ(app.Quiz().Holding(), 0);
  h.Press(app, keys::kRight);  // Next while held: reveal without a prediction
  EXPECT_EQ(app.Play().step, 9u);
  EXPECT_TRUE(app.Quiz().Skipped(0));
  EXPECT_EQ(app.Quiz().Answered(), 0);
}

TEST(QuizApp, ScoreIsKeptPerScenarioFile) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("gs_quiz_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string settings = (dir / "settings.json").string();
  {
    Headless h;
    App app(GS_SCENARIO_DIR, settings);
    h.BuildFonts(app);
    ASSERT_TRUE(app.OpenScenario(Chain()));
    app.SetStep(8, false);
    ASSERT_TRUE(app.PickQuizAnswer(0, "B"));  // wrong
  }
  App again(GS_SCENARIO_DIR, settings);
  ASSERT_EQ(again.Ui().quiz_scores.count(Chain()), 1u);
  EXPECT_EQ(again.Ui().quiz_scores.at(Chain()), std::make_pair(0, 1));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

// Answering by pointing: while the question is asked, a click on a goroutine chip whose
// label is one of the choices answers it, as the choice button would.
TEST(QuizApp, ClickingAGoroutineInThePictureAnswers) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/sched/spawn-order.json"));
  const auto& quiz = app.Doc().GetRun()->Meta().quiz;
  ASSERT_EQ(quiz.size(), 1u);
  app.SetStep(std::size_t(quiz[0].before_step - 1), false);
  h.Frame(app);
  h.Frame(app);
  auto* view = dynamic_cast<SchedView*>(app.View());
  ASSERT_TRUE(view);
  const auto& run = *dynamic_cast<const sched::SchedRun*>(app.Doc().GetRun().get());
  std::int32_t p9 = 0;
  for (std::int32_t g = 1; g <= std::int32_t(run.GoroutineCount()); ++g) {
    if (run.Label(g) == "p9") p9 = g;
  }
  ImVec2 a, b;
  ASSERT_TRUE(view->ChipRect(p9, &a, &b));
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
  h.Frame(app);
  io.MouseDown[0] = true;
  h.Frame(app);
  io.MouseDown[0] = false;
  h.Frame(app);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "p9");
  EXPECT_EQ(app.Quiz().Right(), 1);
  EXPECT_EQ(app.Play().step, std::size_t(quiz[0].before_step));  // the answer reveals the step
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

// Zoomed in (the wheel over the picture), the picture is drawn larger, and a click where a
// chip now appears still reaches that chip: the view sees the mouse in unzoomed coordinates.
TEST(CanvasZoomApp, WheelZoomsAndClicksStillHitTheRightChip) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/sched/spawn-order.json"));
  const auto& quiz = app.Doc().GetRun()->Meta().quiz;
  app.SetStep(std::size_t(quiz[0].before_step - 1), false);
  h.Frame(app);
  ImGuiIO& io = ImGui::GetIO();
  const ImVec4 c = app.CanvasRect();
  io.MousePos = ImVec2((c.x + c.z) / 2, (c.y + c.w) / 2);
  h.Frame(app);
  io.MouseWheel = 1.0f;
  h.Frame(app);
  io.MouseWheel = 0.0f;
  h.Frame(app);
  ASSERT_GT(app.Zoom().Zoom(), 1.0f);
  auto* view = dynamic_cast<SchedView*>(app.View());
  const auto& run = *dynamic_cast<const sched::SchedRun*>(app.Doc().GetRun().get());
  std::int32_t p9 = 0;
  for (std::int32_t g = 1; g <= std::int32_t(run.GoroutineCount()); ++g) {
    if (run.Label(g) == "p9") p9 = g;
  }
  ImVec2 a, b;
  ASSERT_TRUE(view->ChipRect(p9, &a, &b));
  const ImVec2 screen = app.Zoom().ToScreen(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2));
  // Zoomed about the canvas centre, p9's chip (in P0's column) is still on the canvas.
  ASSERT_TRUE(screen.x >= c.x && screen.x <= c.z && screen.y >= c.y && screen.y <= c.w);
  io.MousePos = screen;
  h.Frame(app);
  io.MouseDown[0] = true;
  h.Frame(app);
  io.MouseDown[0] = false;
  h.Frame(app);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "p9");
  h.Press(app, keys::k0);  // 0 resets the zoom
  EXPECT_EQ(app.Zoom().Zoom(), 1.0f);
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

// In the channel view a click on a ring slot answers with its name ("buf[0]").
TEST(QuizApp, ClickingAChannelSlotAnswers) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/chan/full-buffer-slot-reuse.json"));
  const auto& quiz = app.Doc().GetRun()->Meta().quiz;
  ASSERT_EQ(quiz.size(), 1u);
  ASSERT_EQ(quiz[0].answer, "buf[0]");
  app.SetStep(std::size_t(quiz[0].before_step - 1), false);
  h.Frame(app);
  h.Frame(app);
  auto* view = dynamic_cast<ChanView*>(app.View());
  ASSERT_TRUE(view);
  ImVec2 a, b;
  ASSERT_TRUE(view->SlotRect(0, 0, &a, &b));
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
  h.Frame(app);
  io.MouseDown[0] = true;
  h.Frame(app);
  io.MouseDown[0] = false;
  h.Frame(app);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "buf[0]");
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

}  // namespace
}  // namespace gs::app
