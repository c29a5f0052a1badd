// The scheduler view on its own: every sched scenario draws at its first, middle and last
// step (dark and light themes), and the timeline lanes agree with the engine.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace gs::app
