// The GC view on its own: compare mode renders every gc scenario under several barrier
// modes, and the columns step together by script position.
#include <gtest/gtest.h>

#include "app/views/gc_view.h"
#include "engine/core/scenario.h"
#include "tests/support/builtin.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

ImDrawData* DrawView(GcView& view, const Run& run, std::size_t step) {
  return test::DrawViewFrame(view, run, step, 1.0f, Lang::kEn, ThemeKind::kDark);
}

TEST(GcViewHeadless, CompareModeRendersEveryGcScenario) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  const auto runs = BuiltinRuns("gc");
  EXPECT_GE(runs.size(), 1u);
  for (const auto& run : runs) {
    for (auto modes : {std::vector<gc::Barrier>{gc::Barrier::kNone, gc::Barrier::kDijkstra,
                                                gc::Barrier::kYuasa, gc::Barrier::kGo},
                       std::vector<gc::Barrier>{gc::Barrier::kHybrid, gc::Barrier::kGo}}) {
      GcView view;
      view.SetRun(run);
      view.SetCompare(true, modes);
      const std::size_t last = run->StepCount() - 1;
      for (std::size_t step : {std::size_t(0), last / 2, last}) {
        ImDrawData* dd = DrawView(view, *run, step);
        ASSERT_TRUE(dd->Valid);
        EXPECT_GT(dd->TotalVtxCount, 1000) << run->Meta().file << " step " << step;
      }
      EXPECT_EQ(view.CompareColumnsLoaded(), modes.size()) << run->Meta().file;
    }
  }
}

TEST(GcViewHeadless, OptionTurnsCompareOnAndRejectsBadModes) {
  GcView view;
  EXPECT_FALSE(view.SetOption("compare", "none,bogus"));
  EXPECT_FALSE(view.SetOption("compare", "none"));  // a comparison needs two modes
  EXPECT_FALSE(view.Comparing());
  EXPECT_TRUE(view.SetOption("compare", "none,go"));
  EXPECT_TRUE(view.Comparing());
  EXPECT_FALSE(view.SetOption("zoom", "2"));
}

}  // namespace
}  // namespace gs::app
