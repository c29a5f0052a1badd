// Record by demonstration in the scheduler view: clicking a G selects it, its buttons emit
// go / syscall / wake script ops; recorded in the middle of a scenario's single run op they
// keep the timeline before the step, undo restores it, and "Save as" loads back the same.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/views/sched_view.h"
#include "engine/core/scenario.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

std::string Steal() {
  return std::string(GS_SCENARIO_DIR) + "/sched/steal.json";
}

using test::Hashes;

std::int32_t Goid(const sched::SchedRun& run, const std::string& label) {
  for (std::size_t g = 1; g <= run.GoroutineCount(); ++g) {
    if (run.Label(std::int32_t(g)) == label) return std::int32_t(g);
  }
  return 0;
}

// The view alone in a 1200 × 800 window with the sandbox on; returns what it asked to record.
std::vector<Json> SandboxFrame(SchedView& view, const Run& run, std::size_t step) {
  ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(1200, 800));
  ImGui::Begin("canvas", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar);
  ImCanvas canvas = ImCanvas::ForCurrentWindow();
  ViewContext ctx{run,
                  step,
                  step,
                  1.0f,
                  Lang::kEn,
                  GetTheme(ThemeKind::kDark),
                  1.0f,
                  ImGui::GetWindowDrawList(),
                  ImGui::GetWindowPos(),
                  ImGui::GetWindowSize(),
                  {},
                  true};
  ctx.canvas = &canvas;
  ctx.ui_font = ImGui::GetFontSize();
  view.Draw(ctx);
  ImGui::End();
  ImGui::Render();
  return ctx.requests.record_ops;
}

// Moves the mouse to the middle of [min, max], presses and releases the left button; returns
// every op the view asked to record meanwhile.
std::vector<Json> Click(SchedView& view, const Run& run, std::size_t step, ImVec2 min, ImVec2 max) {
  ImGuiIO& io = ImGui::GetIO();
  std::vector<Json> ops;
  auto frame = [&] {
    for (Json& op : SandboxFrame(view, run, step)) ops.push_back(std::move(op));
  };
  io.MousePos = ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
  frame();
  io.MouseDown[0] = true;
  frame();
  io.MouseDown[0] = false;
  frame();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  frame();
  return ops;
}

// steal.json at step 12: w3 runs on P1 (stolen at t=10), main waits in Wait (semacquire).
TEST(SchedSandbox, ClickingAGOffersWhatTheEngineAccepts) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  LoadResult r = LoadScenarioFile(Steal());
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  const auto& run = dynamic_cast<const sched::SchedRun&>(*r.run);
  SchedView view;
  view.SetRun(r.run);
  const std::size_t step = 12;
  SandboxFrame(view, run, step);
  // Nothing selected: no buttons.
  ImVec2 a, b;
  EXPECT_FALSE(view.ButtonRect(SchedView::SandboxButton::kGo, &a, &b));
  // Click w3's chip in P1's column.
  const std::int32_t w3 = Goid(run, "w3");
  ASSERT_TRUE(view.ChipRect(w3, &a, &b));
  EXPECT_TRUE(Click(view, run, step, a, b).empty());
  EXPECT_EQ(view.Selected(), w3);
  // A running G: go and syscall. The go combo starts on the first func that is not main.
  ASSERT_TRUE(view.ButtonRect(SchedView::SandboxButton::kGo, &a, &b));
  auto ops = Click(view, run, step, a, b);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0], Json::parse(R"([{"op": "go", "from": "w3", "func": "work"}, {"op": "run"}])"));
  ASSERT_TRUE(view.ButtonRect(SchedView::SandboxButton::kSyscall, &a, &b));
  ops = Click(view, run, step, a, b);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0], Json::parse(R"([{"op": "syscall", "g": "w3", "us": 200}, {"op": "run"}])"));
  EXPECT_FALSE(view.ButtonRect(SchedView::SandboxButton::kWake, &a, &b));
  // main waits in WaitGroup.Wait: only its group's last Done wakes it, so no wake button.
  const std::int32_t main_g = Goid(run, "main");
  ASSERT_TRUE(view.ChipRect(main_g, &a, &b)) << "main shows among the parked Gs";
  EXPECT_TRUE(Click(view, run, step, a, b).empty());
  EXPECT_EQ(view.Selected(), main_g);
  EXPECT_FALSE(view.ButtonRect(SchedView::SandboxButton::kGo, &a, &b));
  EXPECT_FALSE(view.ButtonRect(SchedView::SandboxButton::kWake, &a, &b));
  // Clicking w3 again moves the selection back.
  ASSERT_TRUE(view.ChipRect(w3, &a, &b));
  Click(view, run, step, a, b);
  EXPECT_EQ(view.Selected(), w3);
}

// A G in a syscall gets an enabled wake button that emits the wake op.
TEST(SchedSandbox, AGInASyscallCanBeWoken) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/sched/syscall-handoff.json");
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  const auto& run = dynamic_cast<const sched::SchedRun&>(*r.run);
  SchedView view;
  view.SetRun(r.run);
  ASSERT_TRUE(view.SetOption("select", "main"));
  // Step 4: main entered its 500 µs syscall (P0 _Psyscall).
  SandboxFrame(view, run, 4);
  ImVec2 a, b;
  ASSERT_TRUE(view.ButtonRect(SchedView::SandboxButton::kWake, &a, &b));
  auto ops = Click(view, run, 4, a, b);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0], Json::parse(R"([{"op": "wake", "g": "main"}, {"op": "run"}])"));
}

// The whole session through the App: go, syscall and wake recorded one after the other in
// the middle of steal.json's single run op.
TEST(SchedSandbox, RecordMidRunKeepsThePrefixUndoesAndSavesAScenarioThatLoadsBack) {
  namespace fs = std::filesystem;
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  ASSERT_TRUE(test::OpenInSandbox(h, app, Steal()));
  const auto original = Hashes(*app.Doc().GetRun());
  ASSERT_GT(original.size(), 20u);
  app.SetStep(12, false);
  h.Frame(app);

  // 1. go: w3 (running on P1) starts work(); the run op is cut after step 12.
  ASSERT_TRUE(
      app.RecordOp(Json::parse(R"([{"op": "go", "from": "w3", "func": "work"}, {"op": "run"}])")));
  auto after_go = Hashes(*app.Doc().GetRun());
  for (std::size_t i = 0; i <= 12; ++i) EXPECT_EQ(after_go[i], original[i]) << i;
  EXPECT_EQ(app.Play().step, 13u) << "the view moves to the recorded op's step";
  {
    const auto& run = dynamic_cast<const sched::SchedRun&>(*app.Doc().GetRun());
    EXPECT_EQ(run.OpIndex(13), 1);
    EXPECT_EQ(run.GetTimeline().Events(13)[0].kind, sched::EventKind::kScriptGo);
    // newproc on w3's P: the new G (goid 10, unnamed) takes P1's runnext; w3 runs on.
    Json st = run.StateSummary(13);
    EXPECT_EQ(st["ps"][1]["runnext"], "g10");
    EXPECT_EQ(st["ps"][1]["g"], "w3");
  }
  h.Frame(app);

  // 2. syscall: w3 blocks 100 µs at step 13 (the go op's step).
  ASSERT_TRUE(
      app.RecordOp(Json::parse(R"([{"op": "syscall", "g": "w3", "us": 100}, {"op": "run"}])")));
  auto after_syscall = Hashes(*app.Doc().GetRun());
  for (std::size_t i = 0; i <= 13; ++i) EXPECT_EQ(after_syscall[i], after_go[i]) << i;
  EXPECT_EQ(app.Play().step, 14u);
  h.Frame(app);

  // 3. wake: the call returns at once; nobody retook P1, so exitsyscall takes it back.
  ASSERT_TRUE(app.RecordOp(Json::parse(R"([{"op": "wake", "g": "w3"}, {"op": "run"}])")));
  const auto recorded = Hashes(*app.Doc().GetRun());
  for (std::size_t i = 0; i <= 14; ++i) EXPECT_EQ(recorded[i], after_syscall[i]) << i;
  {
    const auto& run = dynamic_cast<const sched::SchedRun&>(*app.Doc().GetRun());
    bool old_p = false;
    for (const auto& e : run.GetTimeline().Events(15)) {
      if (e.kind == sched::EventKind::kExitSyscall) old_p = e.n == 0 && e.p == 1;
    }
    EXPECT_TRUE(old_p);
  }
  EXPECT_EQ(app.UndoDepth(), 3u);
  h.Frame(app);

  // Save as: a new, formatted file that loads to the same hashes.
  fs::path out =
      fs::temp_directory_path() / ("gs_sched_recorded_" + std::to_string(::getpid()) + ".json");
  fs::remove(out);
  ASSERT_TRUE(app.SaveRecordedAs(out.string()));
  LoadResult r = LoadScenarioFile(out.string());
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  EXPECT_EQ(Hashes(*r.run), recorded);
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  const Json saved = Json::parse(text.str());
  EXPECT_EQ(saved["script"], Json::parse(R"([{"op": "run", "events": 12},
      {"op": "go", "from": "w3", "func": "work"}, {"op": "syscall", "g": "w3", "us": 100},
      {"op": "wake", "g": "w3"}, {"op": "run"}])"));
  EXPECT_NE(text.str().find("\n  \"script\": [\n    {\"op\": \"run\", \"events\": 12},\n"),
            std::string::npos)
      << text.str();
  fs::remove(out);

  // Undo three times: back to the scenario as it was, at step 12.
  ASSERT_TRUE(app.UndoRecord());
  EXPECT_EQ(Hashes(*app.Doc().GetRun()), after_syscall);
  ASSERT_TRUE(app.UndoRecord());
  EXPECT_EQ(Hashes(*app.Doc().GetRun()), after_go);
  ASSERT_TRUE(app.UndoRecord());
  EXPECT_EQ(Hashes(*app.Doc().GetRun()), original);
  EXPECT_EQ(app.Play().step, 12u);
  EXPECT_EQ(app.UndoDepth(), 0u);
}

// An action the engine refuses (wake on a G parked in Wait) leaves everything as it was.
TEST(SchedSandbox, ARefusedActionChangesNothing) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  ASSERT_TRUE(test::OpenInSandbox(h, app, Steal()));
  const auto original = Hashes(*app.Doc().GetRun());
  app.SetStep(12, false);
  EXPECT_FALSE(app.RecordOp(Json::parse(R"([{"op": "wake", "g": "main"}, {"op": "run"}])")));
  EXPECT_EQ(Hashes(*app.Doc().GetRun()), original);
  EXPECT_EQ(app.UndoDepth(), 0u);
  EXPECT_EQ(app.Play().step, 12u);
}

}  // namespace
}  // namespace gs::app
