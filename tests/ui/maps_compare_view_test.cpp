// The classic-vs-Swiss compare view draws what the engine says: both map pictures, the counter
// table with this step's changes outlined, and the growth rows once the maps have grown; the
// kind "maps" registry entry picks the compare view for a compare run.
#include <gtest/gtest.h>

#include "app/views/maps_compare_view.h"
#include "engine/core/scenario.h"
#include "tests/ui/headless.h"

namespace gs::app::test {
namespace {

std::shared_ptr<const Run> LoadCompare() {
  LoadResult r =
      LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/maps/compare-classic-swiss.json");
  return r.run;
}

TEST(MapsCompareView, NinthKeyOutlinesBothGrowths) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadCompare();
  ASSERT_TRUE(std::dynamic_pointer_cast<const maps::MapsCompareRun>(run));
  MapsCompareView view;
  view.SetRun(run);
  // Step 10 is key 9: classic hashGrow + growDone, Swiss growToTable (engine test
  // MapsCompare.BuiltinScenarioGrowthSteps). Memory, growth count and last growth change on
  // both sides; this op's length is outlined on both: 6 cells at least.
  DrawViewFrame(view, *run, 10, 1.0f, Lang::kEn, ThemeKind::kDark, 1280, 720);
  EXPECT_TRUE(view.LastShown().panes);
  EXPECT_EQ(view.LastShown().growth_rows, 2);
  EXPECT_GE(view.LastShown().changed_cells, 6);
  // Step 9 (key 8): nothing has grown yet on either side.
  DrawViewFrame(view, *run, 9, 1.0f, Lang::kZh, ThemeKind::kLight, 1280, 720);
  EXPECT_EQ(view.LastShown().growth_rows, 0);
}

TEST(MapsCompareView, SampledStepsDrawBothPictures) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadCompare();
  ASSERT_TRUE(run);
  MapsCompareView view;
  view.SetRun(run);
  for (std::size_t step = 0; step < run->StepCount(); step += 37) {
    for (ThemeKind theme : {ThemeKind::kDark, ThemeKind::kLight}) {
      ImDrawData* dd =
          DrawViewFrame(view, *run, step, 1.0f, step % 2 ? Lang::kZh : Lang::kEn, theme, 1280, 720);
      ASSERT_TRUE(dd->Valid) << step;
      EXPECT_TRUE(view.LastShown().panes) << step;
      // Two map pictures and a table: far more than a frame and a few words.
      if (step > 1) {
        EXPECT_GT(dd->TotalVtxCount, 800) << step;
      }
    }
  }
}

TEST(MapsCompareView, RegistryPicksTheCompareForACompareRun) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto view = MakeView("maps");
  ASSERT_TRUE(view);
  auto* kind = dynamic_cast<MapsKindView*>(view.get());
  ASSERT_NE(kind, nullptr);
  view->SetRun(LoadCompare());
  EXPECT_NE(kind->Compare(), nullptr);
  LoadResult single =
      LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/maps/compare-inserts-swiss.json");
  ASSERT_TRUE(single.run);
  view->SetRun(single.run);
  EXPECT_EQ(kind->Compare(), nullptr);
  EXPECT_NE(kind->Maps().Swiss(), nullptr);
}

}  // namespace
}  // namespace gs::app::test
