// The pacer view draws what the pacer run holds: the goal line above the trigger line at the
// right heights, one band per cycle started so far, and the gctrace line of a cycle that ends
// this step marked as the step's change.
#include <gtest/gtest.h>

#include <cmath>

#include "app/views/pacer_view.h"
#include "engine/core/scenario.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

class PacerViewTest : public testing::Test {
 protected:
  test::Headless h;
  App app{GS_SCENARIO_DIR, ""};
  void SetUp() override { h.BuildFonts(app); }
};

TEST_F(PacerViewTest, GoalAboveTriggerAndCycleEndMarked) {
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/pacer/mark-assist.json");
  auto run = std::dynamic_pointer_cast<const pacer::PacerRun>(r.run);
  ASSERT_TRUE(run) << r.diags.FormatAll();
  PacerView view;
  view.SetRun(run);
  // Step 17 ends cycle 2 (see tests/golden/pacer/pacer-mark-assist.txt): its gctrace line is
  // new and marked; two cycles have started (the forced one and cycle 2), so two bands.
  const pacer::CycleSpan& c2 = run->Cycles()[1];
  ASSERT_EQ(c2.end_step, 17u);
  test::DrawViewFrame(view, *run, 17, 1.0f, Lang::kEn, ThemeKind::kDark);
  EXPECT_TRUE(view.TraceMarked());
  EXPECT_EQ(view.TraceLines(), 2);
  EXPECT_EQ(view.Bands(), 2);
  // After it the goal is 40 MiB and the trigger 34.1 MiB (commit): the goal line is higher
  // on screen (smaller y), and both lie inside the plot.
  ASSERT_FALSE(std::isnan(view.GoalY()));
  ASSERT_FALSE(std::isnan(view.TriggerY()));
  EXPECT_LT(view.GoalY(), view.TriggerY());
  EXPECT_GT(view.GoalY(), view.PlotMin().y);
  EXPECT_LT(view.TriggerY(), view.PlotMax().y);
  // The heights are in proportion: (goal − 0) / (trigger − 0) = 40 / 34.1 of the distance
  // from the plot's bottom.
  const float bottom = view.PlotMax().y;
  const float ratio = (bottom - view.GoalY()) / (bottom - view.TriggerY());
  EXPECT_NEAR(ratio, double(run->Samples()[17].goal) / double(run->Samples()[17].trigger), 0.01);
  // One step later nothing ends: the line is shown but no longer marked.
  test::DrawViewFrame(view, *run, 18, 1.0f, Lang::kEn, ThemeKind::kDark);
  EXPECT_FALSE(view.TraceMarked());
  EXPECT_EQ(view.TraceLines(), 2);
  // Step 0: no cycle has run, no band, no gctrace line.
  test::DrawViewFrame(view, *run, 0, 1.0f, Lang::kZh, ThemeKind::kLight);
  EXPECT_EQ(view.Bands(), 0);
  EXPECT_EQ(view.TraceLines(), 0);
}

}  // namespace
}  // namespace gs::app
