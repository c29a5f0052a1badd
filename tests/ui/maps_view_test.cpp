// The map view on its own: every map scenario at every step draws in both themes, and big
// maps fold buckets into compact and then summary cells so the vertex count stays bounded.
#include <gtest/gtest.h>

#include "app/views/maps_view.h"
#include "engine/core/scenario.h"
#include "engine/maps/compare_run.h"
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
    // A compare run is drawn by MapsCompareView (tests/ui/maps_compare_view_test.cpp).
    if (std::dynamic_pointer_cast<const maps::MapsCompareRun>(run)) continue;
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
    if (mr && mr->GetTimeline().StateAt(run->StepCount() - 1).h.B <= 3) {
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

// The first step of `run` with an event of `kind` (0 when there is none).
std::size_t FirstStepWith(const Run& run, maps::EventKind kind, bool (*ok)(const maps::Event&)) {
  const auto& tl = dynamic_cast<const maps::MapsRun&>(run).GetTimeline();
  for (std::size_t s = 1; s < run.StepCount(); ++s) {
    for (const maps::Event& e : tl.Events(s)) {
      if (e.kind == kind && (!ok || ok(e))) return s;
    }
  }
  return 0;
}

std::shared_ptr<const Run> Builtin(const std::string& name) {
  for (const auto& run : BuiltinRuns("maps")) {
    if (run->Meta().file.find(name) != std::string::npos) return run;
  }
  return nullptr;
}

bool HasText(const std::vector<TextItem>& texts, const std::string& s) {
  for (const TextItem& t : texts) {
    if (t.text == s) return true;
  }
  return false;
}

// A delete leaves the removed key one step as a faded, struck-through ghost; the step after
// shows the slot as empty. Inserts outline the written slot.
TEST(MapsViewMarks, DeleteLeavesAGhostForOneStep) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = Builtin("delete-emptyrest");
  ASSERT_TRUE(run);
  const std::size_t del = FirstStepWith(*run, maps::EventKind::kDeleteSlot, nullptr);
  ASSERT_GT(del, 0u);
  std::int64_t key = 0;
  for (const maps::Event& e : dynamic_cast<const maps::MapsRun&>(*run).GetTimeline().Events(del)) {
    if (e.kind == maps::EventKind::kDeleteSlot) key = e.a;
  }
  const std::string key_text = dynamic_cast<const maps::MapsRun&>(*run).Prog().KeyText(key);
  MapsView view;
  view.SetRun(run);
  std::vector<TextItem> texts;
  test::DrawViewFrame(view, *run, del, 0.5f, Lang::kEn, ThemeKind::kDark, 1400, 900, &texts);
  EXPECT_GE(view.LastMarks().ghost_slots, 1);
  EXPECT_TRUE(HasText(texts, key_text)) << "the deleted key " << key_text << " is drawn as a ghost";
  EXPECT_TRUE(HasText(texts, "✕"));
  EXPECT_GE(view.LastMarks().changed_fields, 1) << "count changed";
  // One step later the ghost is gone (unless that step deletes again).
  bool deletes_again = false;
  for (const maps::Event& e :
       dynamic_cast<const maps::MapsRun&>(*run).GetTimeline().Events(del + 1)) {
    deletes_again |= e.kind == maps::EventKind::kDeleteSlot;
  }
  test::DrawViewFrame(view, *run, del + 1, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 900, &texts);
  if (!deletes_again) {
    EXPECT_EQ(view.LastMarks().ghost_slots, 0);
  }
  const std::size_t ins = FirstStepWith(*run, maps::EventKind::kInsert, nullptr);
  ASSERT_GT(ins, 0u);
  test::DrawViewFrame(view, *run, ins, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 900, &texts);
  EXPECT_GE(view.LastMarks().changed_slots, 1) << "the written slot is outlined";
}

// A step that evacuates an old bucket draws a move arrow per moved entry, and its X / Y
// destination buckets are tagged.
TEST(MapsViewMarks, EvacuationDrawsMoveArrowsToXAndY) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = Builtin("incremental-evacuation");
  ASSERT_TRUE(run);
  // An evacuation to both halves that leaves the map growing (the first grows finish in the
  // step that starts them, and then there are no old buckets left to draw).
  const auto& tl = dynamic_cast<const maps::MapsRun&>(*run).GetTimeline();
  std::size_t ev = 0;
  for (std::size_t s = 1; s < run->StepCount() && ev == 0; ++s) {
    bool both = false, done = false;
    for (const maps::Event& e : tl.Events(s)) {
      both |= e.kind == maps::EventKind::kEvacuate && e.a > 0 && e.b > 0;
      done |= e.kind == maps::EventKind::kGrowDone;
    }
    if (both && !done) ev = s;
  }
  ASSERT_GT(ev, 0u);
  MapsView view;
  view.SetRun(run);
  std::vector<TextItem> texts;
  test::DrawViewFrame(view, *run, ev, 1.0f, Lang::kZh, ThemeKind::kLight, 1600, 1000, &texts);
  EXPECT_GE(view.LastMarks().move_arrows, 2);
  EXPECT_GE(view.LastMarks().ghost_slots, 2) << "the old slots keep their keys one step";
  EXPECT_TRUE(HasText(texts, "X"));
  EXPECT_TRUE(HasText(texts, "Y"));
  // The step before shows no arrows.
  test::DrawViewFrame(view, *run, ev - 1, 1.0f, Lang::kZh, ThemeKind::kLight, 1600, 1000, &texts);
  bool evac_before = false;
  for (const maps::Event& e :
       dynamic_cast<const maps::MapsRun&>(*run).GetTimeline().Events(ev - 1)) {
    evac_before |= e.kind == maps::EventKind::kEvacuate;
  }
  if (!evac_before) {
    EXPECT_EQ(view.LastMarks().move_arrows, 0);
  }
}

// A new overflow bucket is outlined on the step that allocates it.
TEST(MapsViewMarks, NewOverflowBucketIsOutlined) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = Builtin("collisions-overflow");
  ASSERT_TRUE(run);
  const std::size_t ovf = FirstStepWith(*run, maps::EventKind::kNewOverflow, nullptr);
  ASSERT_GT(ovf, 0u);
  MapsView view;
  view.SetRun(run);
  test::DrawViewFrame(view, *run, ovf, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 900);
  EXPECT_GE(view.LastMarks().new_overflow, 1);
}

}  // namespace
}  // namespace gs::app
