// The map view on its own: every map scenario at every step draws in both themes, and big
// maps fold buckets into compact and then summary cells so the vertex count stays bounded.
#include <gtest/gtest.h>

#include "app/views/maps_view.h"
#include "engine/core/scenario.h"
#include "tests/support/builtin.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

ImDrawData* DrawView(MapsView& view, const Run& run, std::size_t step, ThemeKind theme, Lang lang) {
  return test::DrawViewFrame(view, run, step, 1.0f, lang, theme);
}

std::shared_ptr<const Run> Inserts(int n) {
  std::string text = R"({"format": 1, "kind": "maps", "id": "big", "title": {"en": "b", "zh": "b"},
    "map": {"key": "int"}, "script": [{"op": "make"}, {"op": "insert", "range": {"count": )" +
                     std::to_string(n) + "}}]}";
  LoadResult r = LoadScenarioText("big.json", text);
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return r.run;
}

TEST(MapsViewHeadless, EveryStepOfEveryMapScenarioDraws) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  const auto runs = BuiltinRuns("maps");
  EXPECT_GE(runs.size(), 6u);
  for (const auto& run : runs) {
    MapsView view;
    view.SetRun(run);
    for (std::size_t step = 0; step < run->StepCount(); ++step) {
      for (ThemeKind theme : {ThemeKind::kDark, ThemeKind::kLight}) {
        ImDrawData* dd = DrawView(view, *run, step, theme, step % 2 ? Lang::kZh : Lang::kEn);
        ASSERT_TRUE(dd->Valid) << run->Meta().file << " step " << step;
        if (step > 1) {
          EXPECT_GT(dd->TotalVtxCount, 400) << run->Meta().file << " step " << step;
        }
      }
    }
    // Small maps (up to 8 buckets) are drawn as full cards with readable slots.
    auto* mr = dynamic_cast<const maps::MapsRun*>(run.get());
    if (mr->GetTimeline().StateAt(run->StepCount() - 1).h.B <= 3) {
      EXPECT_EQ(view.LastDetail(), MapsView::Detail::kFull) << run->Meta().file;
    }
  }
}

// B = 12 (4096 buckets) no longer fits as cards: compact cells, every bucket still its own
// cell. B = 15 (32768 buckets) folds several buckets per summary cell. Either way the frame
// stays under what one 16-bit-indexed ImGui draw list can hold.
TEST(MapsViewHeadless, BigMapsFold) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  {
    auto run = Inserts(20000);  // B=12
    MapsView view;
    view.SetRun(run);
    ImDrawData* dd = DrawView(view, *run, run->StepCount() - 1, ThemeKind::kDark, Lang::kEn);
    EXPECT_EQ(view.LastDetail(), MapsView::Detail::kCompact);
    EXPECT_EQ(view.LastFold(), 1u);
    EXPECT_LT(dd->TotalVtxCount, 60000);
    // Zoomed in far enough, the buckets under the view become full cards again.
    ASSERT_TRUE(view.SetOption("zoom", "16"));
    dd = DrawView(view, *run, run->StepCount() - 1, ThemeKind::kDark, Lang::kEn);
    EXPECT_EQ(view.LastDetail(), MapsView::Detail::kFull);
    EXPECT_LT(dd->TotalVtxCount, 60000) << "only visible buckets are drawn";
  }
  {
    auto run = Inserts(120000);  // B=15
    MapsView view;
    view.SetRun(run);
    ImDrawData* dd = DrawView(view, *run, run->StepCount() - 1, ThemeKind::kLight, Lang::kEn);
    EXPECT_EQ(view.LastDetail(), MapsView::Detail::kSummary);
    EXPECT_GT(view.LastFold(), 1u);
    EXPECT_LT(dd->TotalVtxCount, 60000);
  }
}

}  // namespace
}  // namespace gs::app
