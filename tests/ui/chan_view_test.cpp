// The channel view on its own: it is the view of kind "chan", it draws every step of the
// inline chan scenarios in both themes, and it shows what each step did: the direct-send
// arrow, the buffer slot written, the sudogs that left a queue, the closed flag, the crash.
#include <gtest/gtest.h>

#include "app/views/chan_view.h"
#include "engine/sched/events.h"
#include "tests/ui/chan_scenarios.h"
#include "tests/ui/headless.h"

#include <imgui_internal.h>

#include <cfloat>

namespace gs::app {
namespace {

using sched::ChanPath;
using sched::EventKind;

// The first step with an event of `kind` (and path `path`, when >= 0), and that event.
bool FindEvent(const sched::SchedRun& run, EventKind kind, int path, std::size_t* step,
               sched::Event* ev) {
  for (std::size_t s = 1; s < run.StepCount(); ++s) {
    for (const sched::Event& e : run.GetTimeline().Events(s)) {
      if (e.kind != kind || (path >= 0 && e.n != path)) continue;
      *step = s;
      *ev = e;
      return true;
    }
  }
  return false;
}

struct Fixture : testing::Test {
  test::Headless h;
  App app{GS_SCENARIO_DIR, ""};
  void SetUp() override { h.BuildFonts(app); }
  void Draw(ChanView& v, const sched::SchedRun& run, std::size_t step,
            ThemeKind th = ThemeKind::kDark) {
    test::DrawViewFrame(v, run, step, 1.0f, Lang::kEn, th, 1200.0f, 800.0f);
  }
};

using ChanViewHeadless = Fixture;

TEST_F(ChanViewHeadless, IsTheViewOfKindChan) {
  auto view = MakeView("chan");
  ASSERT_TRUE(view);
  EXPECT_TRUE(dynamic_cast<ChanView*>(view.get()));
}

TEST_F(ChanViewHeadless, DrawsEveryStepInBothThemes) {
  for (const std::string& text : test::ChanScenarioTexts()) {
    auto run = test::LoadChan(text);
    ASSERT_TRUE(run);
    ChanView view;
    view.SetRun(run);
    for (std::size_t s = 0; s < run->StepCount(); ++s) {
      for (ThemeKind th : {ThemeKind::kDark, ThemeKind::kLight}) {
        ImDrawData* dd = test::DrawViewFrame(view, *run, s, 0.5f, Lang::kZh, th);
        ASSERT_TRUE(dd->Valid);
        EXPECT_GT(dd->TotalVtxCount, 200) << run->Meta().id << " step " << s;
      }
    }
  }
}

// Unbuffered: the receiver takes the value straight from the parked sender (recvDirect), or
// the sender hands it to a parked receiver (sendDirect): a direct arrow, no slot.
TEST_F(ChanViewHeadless, DirectSendDrawsTheStackToStackArrow) {
  for (int which : {0, 2}) {  // rendezvous (recvDirect), select (sendDirect to main)
    auto run = test::LoadChan(test::ChanScenarioTexts()[std::size_t(which)]);
    ASSERT_TRUE(run);
    std::size_t step = 0;
    sched::Event e;
    const bool found = FindEvent(*run, EventKind::kChanSend, int(ChanPath::kDirect), &step, &e) ||
                       FindEvent(*run, EventKind::kChanRecv, int(ChanPath::kDirect), &step, &e);
    ASSERT_TRUE(found) << run->Meta().id;
    ChanView view;
    view.SetRun(run);
    Draw(view, *run, step);
    EXPECT_TRUE(view.DrewDirectSend()) << run->Meta().id << " step " << step;
    EXPECT_GE(view.MoveArrows(), 1u);
    // The partner's sudog left its queue this step: a ghost.
    EXPECT_GE(view.GhostSudogs(), 1u);
    // The step before, nothing was handed over.
    Draw(view, *run, step - 1);
    EXPECT_FALSE(view.DrewDirectSend());
  }
}

TEST_F(ChanViewHeadless, BufferedSendMarksTheSlotItWrote) {
  auto run = test::LoadChan(test::ChanScenarioTexts()[1]);
  ASSERT_TRUE(run);
  std::size_t step = 0;
  sched::Event e;
  ASSERT_TRUE(FindEvent(*run, EventKind::kChanSend, int(ChanPath::kBuffer), &step, &e));
  ChanView view;
  view.SetRun(run);
  Draw(view, *run, step);
  ImVec2 a, b, ca, cb;
  bool changed = false;
  ASSERT_TRUE(view.SlotRect(e.ch, e.p2, &a, &b, &changed));
  EXPECT_TRUE(changed);
  EXPECT_FALSE(view.DrewDirectSend());
  EXPECT_GE(view.MoveArrows(), 1u);  // sender's chip → the slot
  ASSERT_TRUE(view.ChipRect(e.g, &ca, &cb));
  // The other slot is not marked.
  bool other = true;
  ASSERT_TRUE(view.SlotRect(e.ch, 1 - e.p2, &a, &b, &other));
  EXPECT_FALSE(other);
}

// Full buffer with a parked sender: the receiver gets buf[recvx] and the sender's value goes
// into the same slot: two arrows, the slot marked, the sender's sudog a ghost.
TEST_F(ChanViewHeadless, SlotReuseShowsBothCopies) {
  auto run = test::LoadChan(test::ChanScenarioTexts()[1]);
  ASSERT_TRUE(run);
  std::size_t step = 0;
  sched::Event e;
  ASSERT_TRUE(FindEvent(*run, EventKind::kChanRecv, int(ChanPath::kSlotReuse), &step, &e));
  ChanView view;
  view.SetRun(run);
  Draw(view, *run, step);
  ImVec2 a, b;
  bool changed = false;
  ASSERT_TRUE(view.SlotRect(e.ch, e.p2, &a, &b, &changed));
  EXPECT_TRUE(changed);
  EXPECT_EQ(view.MoveArrows(), 2u);
  EXPECT_EQ(view.GhostSudogs(), 1u);
}

TEST_F(ChanViewHeadless, CloseShowsTheClosedFlag) {
  auto run = test::LoadChan(test::ChanScenarioTexts()[1]);
  ASSERT_TRUE(run);
  std::size_t step = 0;
  sched::Event e;
  ASSERT_TRUE(FindEvent(*run, EventKind::kClose, -1, &step, &e));
  ChanView view;
  view.SetRun(run);
  Draw(view, *run, step - 1);
  EXPECT_FALSE(view.ClosedShown(e.ch));
  Draw(view, *run, step, ThemeKind::kLight);
  EXPECT_TRUE(view.ClosedShown(e.ch));
  Draw(view, *run, run->StepCount() - 1);
  EXPECT_TRUE(view.ClosedShown(e.ch));
}

TEST_F(ChanViewHeadless, DeadlockShowsTheCrashBox) {
  auto run = test::LoadChan(test::ChanScenarioTexts()[3]);
  ASSERT_TRUE(run);
  std::size_t step = 0;
  sched::Event e;
  ASSERT_TRUE(FindEvent(*run, EventKind::kDeadlock, -1, &step, &e));
  ChanView view;
  view.SetRun(run);
  Draw(view, *run, step - 1);
  EXPECT_FALSE(view.CrashShown());
  Draw(view, *run, step);
  EXPECT_TRUE(view.CrashShown());
}

// Hovering a G chip or a sudog opens a tooltip with its details (a window ImGui names
// ##Tooltip_00); over empty canvas there is none.
TEST_F(ChanViewHeadless, HoverShowsATooltip) {
  auto run = test::LoadChan(test::ChanScenarioTexts()[1]);
  ASSERT_TRUE(run);
  std::size_t step = 0;
  sched::Event e;
  ASSERT_TRUE(FindEvent(*run, EventKind::kChanSend, int(ChanPath::kPark), &step, &e));
  ChanView view;
  view.SetRun(run);
  Draw(view, *run, step);
  ImVec2 a, b;
  ASSERT_TRUE(view.ChipRect(e.g, &a, &b));
  auto tooltip_open = [] {
    ImGuiWindow* w = ImGui::FindWindowByName("##Tooltip_00");
    return w && w->Active;
  };
  ImGui::GetIO().MousePos = ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
  Draw(view, *run, step);
  Draw(view, *run, step);
  EXPECT_TRUE(tooltip_open());
  ImGui::GetIO().MousePos = ImVec2(3, 795);
  Draw(view, *run, step);
  Draw(view, *run, step);
  EXPECT_FALSE(tooltip_open());
}

// The sandbox: "go send" asks to record a chan script op (a new goroutine sends the value on
// the chosen channel) followed by a run, and the loader accepts the scenario with it.
TEST_F(ChanViewHeadless, SandboxSendRecordsAChanOp) {
  const std::string text = test::ChanScenarioTexts()[1];
  auto run = test::LoadChan(text);
  ASSERT_TRUE(run);
  ChanView view;
  view.SetRun(run);
  const std::size_t step = 3;
  auto frame = [&] {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1200, 800));
    ImGui::Begin("canvas", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar);
    ImCanvas canvas = ImCanvas::ForCurrentWindow();
    ViewContext ctx{*run,
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
  };
  frame();
  ImVec2 a, b;
  ASSERT_TRUE(view.SendButtonRect(&a, &b));
  ImGuiIO& io = ImGui::GetIO();
  std::vector<Json> ops;
  io.MousePos = ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
  for (int i = 0; i < 4; ++i) {
    io.MouseDown[0] = i == 1;
    for (Json& op : frame()) ops.push_back(std::move(op));
  }
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ASSERT_EQ(ops.size(), 1u);
  ASSERT_TRUE(ops[0].is_array());
  ASSERT_EQ(ops[0].size(), 2u);
  EXPECT_EQ(ops[0][0]["op"], "chan");
  EXPECT_EQ(ops[0][0]["do"], "send");
  EXPECT_EQ(ops[0][0]["ch"], "jobs");
  EXPECT_EQ(ops[0][1]["op"], "run");
  // The scenario with the op recorded before its run loads.
  Json j = Json::parse(text);
  j["script"] = Json::array({ops[0][0], Json{{"op", "run"}}});
  EXPECT_TRUE(test::LoadChan(j.dump()));
}

// A select of three cases: at its start and while it is parked, the view shows pollorder and
// lockorder with every case once; before it, none.
TEST_F(ChanViewHeadless, SelectShowsItsOrders) {
  auto run = test::LoadChan(test::ChanScenarioTexts()[2]);
  ASSERT_TRUE(run);
  std::size_t step = 0;
  sched::Event e;
  ASSERT_TRUE(FindEvent(*run, EventKind::kSelectStart, -1, &step, &e));
  ChanView view;
  view.SetRun(run);
  Draw(view, *run, step - 1);
  EXPECT_FALSE(view.ShownSelect());
  for (std::size_t s : {step, step + 1}) {
    Draw(view, *run, s);
    const sched::SelectRecord* sel = view.ShownSelect();
    ASSERT_TRUE(sel) << "step " << s;
    EXPECT_EQ(sel->g, e.g);
    ASSERT_EQ(sel->npoll, 3);
    int seen_poll = 0, seen_lock = 0;
    for (int i = 0; i < 3; ++i) {
      seen_poll |= 1 << sel->pollorder[std::size_t(i)];
      seen_lock |= 1 << sel->lockorder[std::size_t(i)];
    }
    EXPECT_EQ(seen_poll, 7);
    EXPECT_EQ(seen_lock, 7);
  }
}

}  // namespace
}  // namespace gs::app
