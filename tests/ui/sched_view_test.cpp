// The scheduler view on its own: every sched scenario draws at its first, middle and last
// step (dark and light themes), and the timeline lanes agree with the engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/views/sched_view.h"
#include "engine/core/scenario.h"
#include "tests/support/builtin.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

ImDrawData* DrawView(SchedView& view, const Run& run, std::size_t step, ThemeKind theme, float t) {
  return test::DrawViewFrame(view, run, step, t, Lang::kZh, theme);
}

TEST(SchedViewHeadless, RendersEverySchedScenario) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  const auto runs = BuiltinRuns("sched");
  EXPECT_GE(runs.size(), 8u);
  for (const auto& run : runs) {
    SchedView view;
    view.SetRun(run);
    const std::size_t last = run->StepCount() - 1;
    for (std::size_t step : {std::size_t(0), last / 2, last}) {
      for (ThemeKind th : {ThemeKind::kDark, ThemeKind::kLight}) {
        ImDrawData* dd = DrawView(view, *run, step, th, 0.5f);
        ASSERT_TRUE(dd->Valid);
        EXPECT_GT(dd->TotalVtxCount, 200) << run->Meta().file << " step " << step;
      }
    }
    // Each lane segment's G really ran on that P at the step it starts (engine lanes).
    const auto* sr = dynamic_cast<const sched::SchedRun*>(run.get());
    ASSERT_TRUE(sr);
    for (std::size_t p = 0; p < view.Lanes().size(); ++p) {
      for (const auto& seg : view.Lanes()[p]) {
        EXPECT_EQ(sr->LaneAt(seg.step0, std::int32_t(p)), seg.goid) << run->Meta().file;
        EXPECT_LE(seg.t0, seg.t1);
      }
    }
  }
}

std::shared_ptr<const sched::SchedRun> LoadSched(const std::string& name) {
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/sched/" + name);
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return std::dynamic_pointer_cast<const sched::SchedRun>(r.run);
}

// The first step with an event of `kind`, and that event.
bool FindEvent(const sched::SchedRun& run, sched::EventKind kind, std::size_t* step,
               sched::Event* ev) {
  for (std::size_t s = 1; s < run.StepCount(); ++s) {
    for (const sched::Event& e : run.GetTimeline().Events(s)) {
      if (e.kind != kind) continue;
      *step = s;
      *ev = e;
      return true;
    }
  }
  return false;
}

// runqsteal: the stolen G is a ghost in the victim's runq, marked where it runs now, and an
// arrow goes from the victim to the thief; the step after, the ghost is gone.
TEST(SchedViewHeadless, StealLeavesAGhostAMarkAndAnArrow) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadSched("steal.json");
  ASSERT_TRUE(run);
  std::size_t step = 0;
  sched::Event steal;
  ASSERT_TRUE(FindEvent(*run, sched::EventKind::kSteal, &step, &steal));
  SchedView view;
  view.SetRun(run);
  std::vector<TextItem> texts;
  test::DrawViewFrame(view, *run, step, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 800, &texts);
  ImVec2 gmin, gmax, cmin, cmax;
  ASSERT_TRUE(view.GhostRect(steal.g, &gmin, &gmax)) << run->Label(steal.g);
  ASSERT_TRUE(view.ChipRect(steal.g, &cmin, &cmax));
  EXPECT_NE(gmin.x, cmin.x) << "the ghost stays in the slot it left, not where the G went";
  const auto& changed = view.ChangedGs();
  EXPECT_NE(std::find(changed.begin(), changed.end(), steal.g), changed.end());
  EXPECT_GE(view.MoveArrows(), 1u);
  // The ghost's label is drawn (a name, not only a faded colour).
  bool labelled = false;
  for (const TextItem& t : texts) {
    if (t.text == run->Label(steal.g) && t.min.x >= gmin.x && t.max.x <= gmax.x + 1 &&
        t.min.y >= gmin.y - 1 && t.max.y <= gmax.y + 1) {
      labelled = true;
    }
  }
  EXPECT_TRUE(labelled);
  // At step 0 nothing changed: no marks, ghosts or arrows.
  test::DrawViewFrame(view, *run, 0, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 800);
  EXPECT_TRUE(view.ChangedGs().empty());
  EXPECT_EQ(view.MoveArrows(), 0u);
  EXPECT_FALSE(view.GhostRect(steal.g, &gmin, &gmax));
}

// runqputslow: the G that overflowed the local runq and the half that went with it are
// marked in the global queue, and an arrow shows the move.
TEST(SchedViewHeadless, RunqputslowMarksTheGlobalQueue) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadSched("overflow.json");
  ASSERT_TRUE(run);
  std::size_t step = 0;
  sched::Event slow;
  ASSERT_TRUE(FindEvent(*run, sched::EventKind::kRunqputSlow, &step, &slow));
  SchedView view;
  view.SetRun(run);
  for (float t : {0.3f, 1.0f}) {
    test::DrawViewFrame(view, *run, step, t, Lang::kZh, ThemeKind::kLight, 1400, 800);
    EXPECT_GE(view.MoveArrows(), 1u) << "t " << t;
    EXPECT_FALSE(view.ChangedGs().empty()) << "t " << t;
  }
}

// runqput: a go statement that kicks the old runnext to the tail of the local runq draws one
// arrow more than the go statement before it, which found runnext empty.
TEST(SchedViewHeadless, RunnextKickDrawsAnArrow) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadSched("spawn-order.json");
  ASSERT_TRUE(run);
  std::size_t step = 0;
  sched::Event kick;
  ASSERT_TRUE(FindEvent(*run, sched::EventKind::kRunnextKick, &step, &kick));
  ASSERT_GE(step, 2u);
  auto kicks = [&](std::size_t s) {
    const auto& evs = run->GetTimeline().Events(s);
    return std::count_if(evs.begin(), evs.end(), [](const sched::Event& e) {
      return e.kind == sched::EventKind::kRunnextKick;
    });
  };
  ASSERT_EQ(kicks(step), 1);
  ASSERT_EQ(kicks(step - 1), 0);
  SchedView view;
  view.SetRun(run);
  test::DrawViewFrame(view, *run, step - 1, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 800);
  const std::size_t before = view.MoveArrows();
  for (float t : {0.3f, 1.0f}) {
    test::DrawViewFrame(view, *run, step, t, Lang::kEn, ThemeKind::kDark, 1400, 800);
    EXPECT_EQ(view.MoveArrows(), before + 1) << "t " << t;
  }
}

// Red means an error only: no scheduler picture draws a goroutine (or anything) in danger red.
TEST(SchedViewHeadless, NoGoroutineIsRed) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  for (const auto& run : BuiltinRuns("sched")) {
    SchedView view;
    view.SetRun(run);
    const std::size_t last = run->StepCount() - 1;
    for (ThemeKind th : {ThemeKind::kDark, ThemeKind::kLight}) {
      const ImU32 red = GetTheme(th).danger & 0x00FFFFFFu;
      for (std::size_t step : {std::size_t(1), last / 2, last}) {
        ImDrawData* dd = DrawView(view, *run, step, th, 1.0f);
        std::size_t reds = 0;
        for (int l = 0; l < dd->CmdListsCount; ++l) {
          for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer) {
            if ((v.col & 0x00FFFFFFu) == red && (v.col >> 24) != 0) ++reds;
          }
        }
        EXPECT_EQ(reds, 0u) << run->Meta().file << " step " << step;
      }
    }
  }
}

}  // namespace
}  // namespace gs::app
