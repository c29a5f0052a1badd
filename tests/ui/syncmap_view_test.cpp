// The sync.Map view shows what each step of the engine did: m.mu taken or not, the entries
// the step changed outlined, one row per key in read and dirty, one lane chip per call so far.
#include <gtest/gtest.h>

#include "app/views/syncmap_view.h"
#include "engine/core/scenario.h"
#include "tests/support/builtin.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

std::shared_ptr<const Run> Expunged() {
  LoadResult r =
      LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/syncmap/expunged-unexpunge.json");
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return r.run;
}

TEST(SyncMapViewHeadless, ShowsLockChangesAndLanes) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = Expunged();
  ASSERT_TRUE(run);
  SyncMapView view;
  view.SetRun(run);
  // Step 5: g1's Delete("a") is a CAS on read (no lock); "a" is the changed entry. read holds
  // a and b (promoted at step 4), dirty is nil.
  test::DrawViewFrame(view, *run, 5, 1.0f, Lang::kEn, ThemeKind::kDark);
  EXPECT_FALSE(view.LastShown().locked);
  EXPECT_EQ(view.LastShown().read_rows, 2);
  EXPECT_EQ(view.LastShown().dirty_rows, 0);
  EXPECT_EQ(view.LastShown().changed, 1);
  EXPECT_EQ(view.LastShown().chips, 5);
  // Step 8: Store("a") after "a" was expunged takes m.mu; "a" changes in read and in dirty
  // (one *entry, shown in both columns); dirty holds a, b, c.
  test::DrawViewFrame(view, *run, 8, 1.0f, Lang::kZh, ThemeKind::kLight);
  EXPECT_TRUE(view.LastShown().locked);
  EXPECT_EQ(view.LastShown().dirty_rows, 3);
  EXPECT_EQ(view.LastShown().changed, 2);
  EXPECT_EQ(view.LastShown().chips, 8);
}

TEST(SyncMapViewHeadless, EveryStepOfEveryScenarioDraws) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  const auto runs = BuiltinRuns("syncmap");
  EXPECT_GE(runs.size(), 3u);
  for (const auto& run : runs) {
    SyncMapView view;
    view.SetRun(run);
    for (std::size_t step = 0; step < run->StepCount(); ++step) {
      ImDrawData* dd = test::DrawViewFrame(view, *run, step, 1.0f, step % 2 ? Lang::kZh : Lang::kEn,
                                           ThemeKind::kDark);
      ASSERT_TRUE(dd->Valid) << run->Meta().file << " step " << step;
      EXPECT_EQ(view.LastShown().chips, int(step)) << run->Meta().file << " step " << step;
    }
  }
}

}  // namespace
}  // namespace gs::app
