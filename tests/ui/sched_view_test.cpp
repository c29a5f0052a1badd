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
  int scenarios = 0;
  for (const std::string& file : BuiltinScenarioFiles()) {
    LoadResult r = LoadScenarioFile(file);
    ASSERT_TRUE(r.run) << r.diags.FormatAll();
    if (r.run->Meta().kind != "sched") continue;
    ++scenarios;
    SchedView view;
    view.SetRun(r.run);
    const std::size_t last = r.run->StepCount() - 1;
    for (std::size_t step : {std::size_t(0), last / 2, last}) {
      for (ThemeKind th : {ThemeKind::kDark, ThemeKind::kLight}) {
        ImDrawData* dd = DrawView(view, *r.run, step, th, 0.5f);
        ASSERT_TRUE(dd->Valid);
        EXPECT_GT(dd->TotalVtxCount, 200) << file << " step " << step;
      }
    }
    // Each lane segment's G really ran on that P at the step it starts (engine lanes).
    const auto* run = dynamic_cast<const sched::SchedRun*>(r.run.get());
    for (std::size_t p = 0; p < view.Lanes().size(); ++p) {
      for (const auto& seg : view.Lanes()[p]) {
        EXPECT_EQ(run->LaneAt(seg.step0, std::int32_t(p)), seg.goid) << file;
        EXPECT_LE(seg.t0, seg.t1);
      }
    }
  }
  EXPECT_GE(scenarios, 8);
}

}  // namespace
}  // namespace gs::app
