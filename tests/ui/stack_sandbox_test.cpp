// Record by demonstration in the stack view: call, declare and return recorded at a middle
// step of frame-reuse branch the script there (the steps before keep their hashes), do what
// the stack rules say (docs/stack.md), undo back to the original, and save as a file that
// loads to the same timeline. The panel's buttons are clicked through the headless harness.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cfloat>
#include <filesystem>
#include <fstream>

#include "app/views/stack_view.h"
#include "engine/core/scenario.h"
#include "engine/stack/model.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

std::string FrameReuse() {
  return std::string(GS_SCENARIO_DIR) + "/stack/frame-reuse.json";
}

using test::Hashes;

const stack::StackRun& StackRunOf(const App& app) {
  return dynamic_cast<const stack::StackRun&>(*app.Doc().GetRun());
}

stack::State StateNow(const App& app) {
  return StackRunOf(app).GetTimeline().StateAt(app.Play().step);
}

/// The step where op 4 of frame-reuse (a's "return y", 43 into main.r) runs: main is the
/// only frame, r = 43, s not declared yet, and a's 42 and 43 are stale below SP.
std::size_t AfterAReturned(const Run& run) {
  for (std::size_t s = 1; s < run.StepCount(); ++s) {
    if (run.OpIndex(s) == 4) return s;
  }
  return 0;
}

/// The value of `name` in the innermost frame running `func` (a local kept in its slot).
const stack::Word* Local(const App& app, const stack::State& s, const std::string& func,
                         const std::string& name) {
  const stack::Program& p = StackRunOf(app).Prog();
  for (auto fr = s.frames.rbegin(); fr != s.frames.rend(); ++fr) {
    const stack::Func& f = p.F(fr->func);
    if (f.name != func) continue;
    for (const stack::Var& v : f.vars) {
      if (v.name == name) return stack::ReadWord(s, fr->entry_sp + std::uint64_t(v.offset));
    }
  }
  return nullptr;
}

Json LastOp(const App& app) {
  return Json::parse(app.Editor().Text())["script"].back();
}

class StackSandbox : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(test::OpenInSandbox(h, app, FrameReuse()));
    app.SetInstant(true);
    original = Hashes(*app.Doc().GetRun());
    n = AfterAReturned(*app.Doc().GetRun());
    ASSERT_GT(n, 1u);
    app.SetStep(n, false);
    h.Frame(app);
  }
  /// Clicks a sandbox button of the stack view, as a mouse would (move, press, release).
  bool Click(StackView::SandboxAction a) {
    auto* view = dynamic_cast<StackView*>(app.View());
    ImVec2 c;
    if (!view || !view->SandboxButton(a, &c)) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = c;
    h.Frame(app);
    io.MouseDown[0] = true;
    h.Frame(app);
    io.MouseDown[0] = false;
    h.Frame(app);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    h.Frame(app);
    return true;
  }

  test::Headless h;
  App app{GS_SCENARIO_DIR, ""};
  std::vector<std::uint64_t> original;
  std::size_t n = 0;
};

TEST_F(StackSandbox, CallDeclareReturnFollowTheStackRulesAndUndoRestoresTheScenario) {
  const stack::State at_n = StateNow(app);
  ASSERT_EQ(at_n.frames.size(), 1u);
  const std::uint64_t main_sp = at_n.sp;
  const stack::Program& p0 = StackRunOf(app).Prog();
  std::int64_t a_frame = 0;
  for (const stack::Func& f : p0.funcs) a_frame = f.name == "a" ? f.frame_size : a_frame;
  // a's frame: saved BP + x + y = 24 bytes below its return PC (the trace's "24+8 B").
  ASSERT_EQ(a_frame, 24);

  // call a() into s: CALL pushes the return PC just below main's SP, the prologue moves SP
  // down by a's frame size.
  ASSERT_TRUE(app.RecordOp(Json{{"op", "call"}, {"func", "a"}, {"into", "s"}}));
  const gs::Run& run1 = *app.Doc().GetRun();
  EXPECT_EQ(run1.OpIndex(app.Play().step), 5) << "the view moves to the recorded op";
  for (std::size_t i = 0; i <= n; ++i) EXPECT_EQ(run1.Hash(i), original[i]) << "step " << i;
  stack::State s = StateNow(app);
  ASSERT_EQ(s.frames.size(), 2u);
  EXPECT_EQ(s.frames.back().entry_sp, main_sp - 8);
  EXPECT_EQ(s.sp, main_sp - 8 - std::uint64_t(a_frame));
  EXPECT_EQ(s.frames.back().sp, s.sp);

  // declare x (zero value): the slot still holds the 42 the first call of a left there; the
  // declaration's zeroing store replaces it with 0.
  const stack::Word* stale = Local(app, s, "a", "x");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->bits, 42u) << "a returned: RET clears nothing";
  ASSERT_TRUE(app.RecordOp(Json{{"op", "declare"}, {"var", "x"}}));
  s = StateNow(app);
  const stack::Word* x = Local(app, s, "a", "x");
  ASSERT_TRUE(x);
  EXPECT_EQ(x->bits, 0u);
  EXPECT_EQ(x->kind, stack::WordKind::kInt);
  bool zeroed_stale = false;
  for (const stack::Event& e : StackRunOf(app).GetTimeline().Events(app.Play().step)) {
    zeroed_stale |= e.kind == stack::EventKind::kZero && e.flag && e.old_bits == 42;
  }
  EXPECT_TRUE(zeroed_stale) << "the zeroing store is narrated as overwriting stale 42";

  // return x: RET moves SP back up to main's, and the result lands in main.s.
  ASSERT_TRUE(app.RecordOp(Json{{"op", "return"}, {"value", "x"}}));
  s = StateNow(app);
  ASSERT_EQ(s.frames.size(), 1u);
  EXPECT_EQ(s.sp, main_sp);
  const stack::Word* main_s = Local(app, s, "main", "s");
  ASSERT_TRUE(main_s);
  EXPECT_EQ(main_s->bits, 0u);
  EXPECT_EQ(Local(app, s, "main", "r")->bits, 43u);
  for (std::size_t i = 0; i <= n; ++i) {
    EXPECT_EQ(app.Doc().GetRun()->Hash(i), original[i]) << "step " << i;
  }
  h.Frame(app);

  EXPECT_EQ(app.UndoDepth(), 3u);
  while (app.UndoDepth() > 0) ASSERT_TRUE(app.UndoRecord());
  EXPECT_EQ(Hashes(*app.Doc().GetRun()), original);
  EXPECT_EQ(app.Play().step, n);
}

TEST_F(StackSandbox, TheRecordPanelsButtonsRecordTheDocumentedOps) {
  // In main after a returned: the panel offers a() into the undeclared s.
  ASSERT_TRUE(Click(StackView::SandboxAction::kCall));
  ASSERT_EQ(app.UndoDepth(), 1u);
  EXPECT_EQ(LastOp(app), (Json{{"op", "call"}, {"func", "a"}, {"into", "s"}}));
  // Inside the new a: x is the first local not declared; the value field is empty (zero).
  ASSERT_TRUE(Click(StackView::SandboxAction::kDeclare));
  ASSERT_EQ(app.UndoDepth(), 2u);
  EXPECT_EQ(LastOp(app), (Json{{"op", "declare"}, {"var", "x"}}));
  // a returns an int: the field starts at its zero value.
  ASSERT_TRUE(Click(StackView::SandboxAction::kReturn));
  ASSERT_EQ(app.UndoDepth(), 3u);
  EXPECT_EQ(LastOp(app), (Json{{"op", "return"}, {"value", 0}}));
  const stack::State s = StateNow(app);
  ASSERT_EQ(s.frames.size(), 1u);
  EXPECT_EQ(Local(app, s, "main", "s")->bits, 0u);
  const gs::Run& run = *app.Doc().GetRun();
  for (std::size_t i = 0; i <= n; ++i) EXPECT_EQ(run.Hash(i), original[i]) << "step " << i;
  // Back in main with nothing left to declare: the declare button is disabled.
  ImVec2 c;
  auto* view = dynamic_cast<StackView*>(app.View());
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->SandboxButton(StackView::SandboxAction::kDeclare, &c));
  EXPECT_TRUE(view->SandboxButton(StackView::SandboxAction::kReturn, &c));
}

TEST_F(StackSandbox, SaveAsWritesAReadableFileThatLoadsToTheSameTimeline) {
  namespace fs = std::filesystem;
  ASSERT_TRUE(app.RecordOp(Json{{"op", "call"}, {"func", "a"}, {"into", "s"}}));
  ASSERT_TRUE(app.RecordOp(Json{{"op", "declare"}, {"var", "x"}, {"value", 7}}));
  ASSERT_TRUE(app.RecordOp(Json{{"op", "call"}, {"func", "fmt.Println"}, {"args", {"x"}}}));
  ASSERT_TRUE(app.RecordOp(Json{{"op", "return"}, {"value", "x+1"}}));
  ASSERT_TRUE(app.RecordOp(Json{{"op", "return"}}));
  const auto recorded = Hashes(*app.Doc().GetRun());
  fs::path out =
      fs::temp_directory_path() / ("gs_stack_recorded_" + std::to_string(::getpid()) + ".json");
  fs::remove(out);
  ASSERT_TRUE(app.SaveRecordedAs(out.string()));
  LoadResult r = LoadScenarioFile(out.string());
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  EXPECT_EQ(Hashes(*r.run), recorded);
  // main.s = x+1 = 8 at the end (a's return value), and the goroutine is finished.
  auto run = std::dynamic_pointer_cast<const stack::StackRun>(r.run);
  const stack::State last = run->GetTimeline().StateAt(run->StepCount() - 2);
  ASSERT_EQ(last.frames.size(), 1u);
  EXPECT_EQ(Local(app, last, "main", "s")->bits, 8u);
  // Readable: one op per line, in the documented form, without "line" (no source line).
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(text.find(R"({"op": "call", "func": "a", "into": "s"})"), std::string::npos) << text;
  EXPECT_NE(text.find(R"({"op": "declare", "var": "x", "value": 7})"), std::string::npos) << text;
  EXPECT_NE(text.find(R"({"op": "return", "value": "x+1"})"), std::string::npos) << text;
  fs::remove(out);
}

TEST_F(StackSandbox, AnOpTheLoaderRefusesKeepsTheScenarioAndSaysWhy) {
  // q is no variable of main.
  EXPECT_FALSE(app.RecordOp(Json{{"op", "declare"}, {"var", "s"}, {"value", "q"}}));
  EXPECT_EQ(Hashes(*app.Doc().GetRun()), original);
  EXPECT_EQ(app.UndoDepth(), 0u);
  EXPECT_EQ(app.Play().step, n);
  EXPECT_NE(app.Status().find("unknown variable \"q\""), std::string::npos) << app.Status();
}

// The last step: main has returned into goexit. The panel offers nothing to record.
TEST_F(StackSandbox, AFinishedGoroutineOffersNoButtons) {
  app.SetStep(app.Doc().GetRun()->StepCount() - 1, false);
  h.Frame(app);
  auto* view = dynamic_cast<StackView*>(app.View());
  ASSERT_TRUE(view);
  ImVec2 c;
  EXPECT_FALSE(view->SandboxButton(StackView::SandboxAction::kCall, &c));
  EXPECT_FALSE(view->SandboxButton(StackView::SandboxAction::kReturn, &c));
}

// Every built-in stack scenario, every step, with the panel open: in English and Chinese,
// dark and light, each step's panel offers a call or says why it cannot.
TEST(StackSandboxPanel, DrawsAtEveryStepOfEveryStackScenario) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  app.SetSandbox(true);
  app.SetInstant(true);
  int scenarios = 0;
  for (const LibraryEntry& e : app.Library()) {
    if (e.kind != "stack") continue;
    ASSERT_TRUE(app.OpenScenario(e.path)) << e.path;
    ++scenarios;
    const std::size_t steps = app.Doc().GetRun()->StepCount();
    for (std::size_t step = 0; step < steps; ++step) {
      app.Ui().lang = step % 2 ? Lang::kZh : Lang::kEn;
      app.Ui().theme = step % 3 ? ThemeKind::kDark : ThemeKind::kLight;
      app.SetStep(step, false);
      ASSERT_TRUE(h.Frame(app)->Valid);
      auto* view = dynamic_cast<StackView*>(app.View());
      ASSERT_TRUE(view);
      ImVec2 c;
      const bool finished = step + 1 == steps;  // main has returned into goexit
      EXPECT_EQ(view->SandboxButton(StackView::SandboxAction::kCall, &c), !finished)
          << e.path << " step " << step;
    }
  }
  EXPECT_GE(scenarios, 6);
}

}  // namespace
}  // namespace gs::app
