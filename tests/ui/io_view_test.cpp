// The IO view on its own: every io scenario draws at every step in both themes and languages;
// the two phases of a read are drawn as different segments; the failures (FD_SETSIZE, a
// missed edge-triggered wake-up) are shown; clicking a lane answers with its model and, in the
// sandbox, clicking a buffer records a packet arriving on that connection.
#include <gtest/gtest.h>

#include "app/views/io_view.h"
#include "engine/core/scenario.h"
#include "tests/support/builtin.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

// One frame of the view with the mouse at `at`, pressed when `down`; what the view asked for.
ViewRequests Frame(IoView& view, const Run& run, std::size_t step, ImVec2 at, bool down,
                   bool sandbox) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  io.MouseDown[0] = down;
  io.DeltaTime = 1.0f / 60.0f;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(1200, 800));
  ImGui::Begin("canvas", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
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
                  {}};
  ctx.canvas = &canvas;
  ctx.ui_font = ImGui::GetFontSize();
  ctx.sandbox = sandbox;
  view.Draw(ctx);
  ImGui::End();
  ImGui::Render();
  return ctx.requests;
}

// A click: the mouse moves there, goes down, comes up; the requests of the press frame.
ViewRequests Click(IoView& view, const Run& run, std::size_t step, ImVec2 a, ImVec2 b,
                   bool sandbox = false) {
  const ImVec2 at((a.x + b.x) / 2, (a.y + b.y) / 2);
  Frame(view, run, step, at, false, sandbox);
  ViewRequests r = Frame(view, run, step, at, true, sandbox);
  Frame(view, run, step, at, false, sandbox);
  return r;
}

std::shared_ptr<const Run> Load(const std::string& file) {
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/io/" + file);
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return r.run;
}

TEST(IoViewHeadless, EveryStepOfEveryIoScenarioDraws) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  const auto runs = BuiltinRuns("io");
  EXPECT_GE(runs.size(), 9u);
  for (const auto& run : runs) {
    IoView view;
    view.SetRun(run);
    for (std::size_t step = 0; step < run->StepCount(); ++step) {
      for (ThemeKind theme : {ThemeKind::kDark, ThemeKind::kLight}) {
        ImDrawData* dd =
            test::DrawViewFrame(view, *run, step, 1.0f, step % 2 ? Lang::kZh : Lang::kEn, theme);
        ASSERT_TRUE(dd->Valid) << run->Meta().file << " step " << step;
      }
    }
  }
}

TEST(IoViewHeadless, BlockingReadShowsPhaseOneThenPhaseTwo) {
  // io-bio: thread T0 blocks in recvfrom at 0 and a's packet arrives at 100: before it only
  // phase-1 segments exist, from the arrival on a phase-2 segment too, marked as the change.
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = Load("bio.json");
  auto* io = dynamic_cast<const io::IoRun*>(run.get());
  ASSERT_TRUE(io);
  std::size_t arrival = 0;
  for (std::size_t s = 0; s < io->StepCount(); ++s) {
    if (io->TimeAt(s) == 100) {
      arrival = s;
      break;
    }
  }
  ASSERT_GT(arrival, 0u);
  IoView view;
  view.SetRun(run);
  test::DrawViewFrame(view, *run, arrival - 1, 1.0f, Lang::kEn, ThemeKind::kDark);
  EXPECT_GE(view.Phase1Drawn(), 3u);  // three threads, each asleep in recvfrom
  EXPECT_EQ(view.Phase2Drawn(), 0u);
  test::DrawViewFrame(view, *run, arrival, 1.0f, Lang::kEn, ThemeKind::kDark);
  EXPECT_EQ(view.Phase2Drawn(), 1u);
  EXPECT_GE(view.ChangedMarks(), 1u);
}

TEST(IoViewHeadless, FailuresAreShown) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  {
    auto run = Load("ten-thousand-connections.json");
    IoView view;
    view.SetRun(run);
    test::DrawViewFrame(view, *run, run->StepCount() - 1, 1.0f, Lang::kEn, ThemeKind::kLight);
    EXPECT_TRUE(view.FdSetSizeShown());
    EXPECT_FALSE(view.StalledShown());
  }
  {
    auto run = Load("level-vs-edge.json");
    IoView view;
    view.SetRun(run);
    test::DrawViewFrame(view, *run, run->StepCount() - 1, 1.0f, Lang::kZh, ThemeKind::kDark);
    EXPECT_TRUE(view.StalledShown());
    EXPECT_FALSE(view.FdSetSizeShown());
  }
}

TEST(IoViewHeadless, ClickingALaneNamesItsModelAndTheSandboxRecordsAPacket) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = Load("five-models.json");
  IoView view;
  view.SetRun(run);
  const std::size_t step = run->StepCount() / 2;
  test::DrawViewFrame(view, *run, step, 1.0f, Lang::kEn, ThemeKind::kDark);
  ImVec2 a, b;
  ASSERT_TRUE(view.LaneLabelRect(2, &a, &b));  // the third lane: epoll
  ViewRequests req = Click(view, *run, step, a, b);
  ASSERT_EQ(req.picked.size(), 1u);
  EXPECT_EQ(req.picked[0], "epoll");
  // In the sandbox the kernel column (the receive buffers) is always drawn.
  Frame(view, *run, step, ImVec2(-1000, -1000), false, true);
  ASSERT_TRUE(view.BufferRect(0, 1, &a, &b));  // lane bio, connection b
  req = Click(view, *run, step, a, b, true);
  ASSERT_EQ(req.record_ops.size(), 1u);
  EXPECT_EQ(req.record_ops[0].dump(), R"([{"bytes":512,"fd":"b","op":"arrive"},{"op":"run"}])");
}

// Through the App: in the sandbox, a packet recorded mid-run cuts the run op at the step shown
// (the same states before it) and arrives right after, at that step's time, in every lane.
TEST(IoSandbox, APacketRecordedMidRunArrivesAtTheStepShown) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  ASSERT_TRUE(test::OpenInSandbox(h, app, std::string(GS_SCENARIO_DIR) + "/io/five-models.json"));
  const auto original = test::Hashes(*app.Doc().GetRun());
  app.SetStep(30, false);
  h.Frame(app);
  ASSERT_TRUE(
      app.RecordOp(Json::parse(R"([{"op": "arrive", "fd": "c", "bytes": 512}, {"op": "run"}])")));
  const auto& run = dynamic_cast<const io::IoRun&>(*app.Doc().GetRun());
  const auto recorded = test::Hashes(run);
  for (std::size_t i = 0; i <= 30; ++i) EXPECT_EQ(recorded[i], original[i]) << i;
  EXPECT_EQ(run.OpIndex(31), 1);
  bool arrived = false;
  for (const io::Event& e : run.GetTimeline().Events(31)) {
    arrived = arrived || (e.kind == io::EventKind::kArrive && e.flag && e.fd == 2 && e.n == 512);
  }
  EXPECT_TRUE(arrived);
  // c gets 512 scheduled bytes and the 512 sent: every lane reads 1024 of it in the end.
  for (const io::World& w : run.GetTimeline().StateAt(run.StepCount() - 1).worlds) {
    EXPECT_EQ(w.fds[2].read, 1024);
  }
}

}  // namespace
}  // namespace gs::app
