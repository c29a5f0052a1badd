// The GC view on its own: compare mode renders every gc scenario under several barrier
// modes, and the columns step together by script position.
#include <gtest/gtest.h>

#include <string>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"
#include "app/views/draw_util.h"
#include "app/views/gc_view.h"
#include "engine/core/scenario.h"
#include "engine/gc/gc_run.h"
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

// [SECTION] change marks: what a step did is drawn, and stays drawn while the step is shown.

std::shared_ptr<const gc::GcRun> LoadGc(const std::string& name, const std::string& barrier = "") {
  LoadOptions opts;
  if (!barrier.empty()) opts.sets.emplace_back("config.barrier", barrier);
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/gc/" + name, opts);
  return std::dynamic_pointer_cast<const gc::GcRun>(r.run);
}

// The first step whose events hold one that `pred` accepts, or SIZE_MAX.
template <typename Pred>
std::size_t FindStep(const gc::GcRun& run, Pred pred) {
  for (std::size_t s = 1; s < run.StepCount(); ++s) {
    for (const gc::Event& e : run.GetTimeline().Events(s)) {
      if (pred(e)) return s;
    }
  }
  return SIZE_MAX;
}

// How many vertices of the frame carry exactly `col`.
int VerticesOf(ImDrawData* dd, ImU32 col) {
  int n = 0;
  for (int l = 0; l < dd->CmdListsCount; ++l) {
    const ImDrawList* list = dd->CmdLists[l];
    for (const ImDrawVert& v : list->VtxBuffer) n += v.col == col ? 1 : 0;
  }
  return n;
}

bool HasText(const std::vector<TextItem>& texts, const std::string& s) {
  for (const TextItem& t : texts) {
    if (t.text.find(s) != std::string::npos) return true;
  }
  return false;
}

class GcMarks : public testing::Test {
 protected:
  void SetUp() override { h.BuildFonts(app); }
  ImDrawData* Draw(GcView& view, const gs::Run& run, std::size_t step, float t = 1.0f,
                   Lang lang = Lang::kEn) {
    return test::DrawViewFrame(view, run, step, t, lang, ThemeKind::kDark, 1280.0f, 720.0f, &texts);
  }
  test::Headless h;
  App app{GS_SCENARIO_DIR, ""};
  std::vector<TextItem> texts;
  const Theme& th = GetTheme(ThemeKind::kDark);
};

TEST_F(GcMarks, DeletedPointerStaysAsADashedGhostForItsStep) {
  auto run = LoadGc("s1_lost_object.json");
  ASSERT_TRUE(run);
  // B.f = nil: a store that overwrites a pointer with nil.
  const std::size_t del = FindStep(*run, [](const gc::Event& e) {
    return e.kind == gc::EventKind::kWrite && e.old_value != gc::kNil && e.new_value == gc::kNil;
  });
  // A.f = C: a store into an empty slot deletes nothing.
  const std::size_t add = FindStep(*run, [](const gc::Event& e) {
    return e.kind == gc::EventKind::kWrite && e.old_value == gc::kNil && e.new_value != gc::kNil;
  });
  ASSERT_NE(del, SIZE_MAX);
  ASSERT_NE(add, SIZE_MAX);
  GcView view;
  view.SetRun(run);
  const ImU32 ghost = WithAlpha(th.ghost, GhostAlpha(1.0f));
  EXPECT_GT(VerticesOf(Draw(view, *run, del), ghost), 0) << "no ghost of B.f at step " << del;
  EXPECT_EQ(VerticesOf(Draw(view, *run, add), ghost), 0) << "a ghost at step " << add;
  // The new pointer A.f is drawn in the change colour.
  EXPECT_GT(VerticesOf(Draw(view, *run, add), th.changed), 0);
}

TEST_F(GcMarks, ShadedObjectIsOutlinedAndFreedObjectIsAGhostForOneStep) {
  auto run = LoadGc("s1_lost_object.json");
  ASSERT_TRUE(run);
  GcView view;
  view.SetRun(run);
  const std::size_t shade = FindStep(*run, [](const gc::Event& e) {
    return e.kind == gc::EventKind::kShade || e.kind == gc::EventKind::kBlacken;
  });
  ASSERT_NE(shade, SIZE_MAX);
  EXPECT_GT(VerticesOf(Draw(view, *run, shade), th.changed), 0);
  // Step 0 changed nothing: no change marks at all.
  EXPECT_EQ(VerticesOf(Draw(view, *run, 0), th.changed), 0);
  const std::size_t freed =
      FindStep(*run, [](const gc::Event& e) { return e.kind == gc::EventKind::kFree; });
  ASSERT_NE(freed, SIZE_MAX);
  Draw(view, *run, freed);
  EXPECT_TRUE(HasText(texts, "freed (sweepone)"));
  EXPECT_GT(VerticesOf(Draw(view, *run, freed), WithAlpha(th.ghost, GhostAlpha(1.0f))), 0);
  // C is freed while A still points to it: the dangling badge says so in words.
  Draw(view, *run, freed);
  EXPECT_TRUE(HasText(texts, "DANGLING"));
  // One step later the ghost is gone.
  if (freed + 1 < run->StepCount()) {
    const auto later = run->GetTimeline().Events(freed + 1);
    const bool frees_again = std::any_of(later.begin(), later.end(), [](const gc::Event& e) {
      return e.kind == gc::EventKind::kFree;
    });
    if (!frees_again) {
      Draw(view, *run, freed + 1);
      EXPECT_FALSE(HasText(texts, "freed (sweepone)"));
    }
  }
}

TEST_F(GcMarks, BarrierShadeIsLinkedAndBadged) {
  auto run = LoadGc("s1_lost_object.json", "dijkstra");
  ASSERT_TRUE(run);
  const std::size_t s = FindStep(*run, [](const gc::Event& e) {
    return e.kind == gc::EventKind::kShade && e.cause == gc::ShadeCause::kInsertion;
  });
  ASSERT_NE(s, SIZE_MAX);
  GcView view;
  view.SetRun(run);
  ImDrawData* dd = Draw(view, *run, s);
  EXPECT_TRUE(HasText(texts, Tr(Str::kBadgeInsertion, Lang::kEn)));
  EXPECT_GT(VerticesOf(dd, th.warn), 0) << "no barrier link drawn";
  Draw(view, *run, s, 1.0f, Lang::kZh);
  EXPECT_TRUE(HasText(texts, Tr(Str::kBadgeInsertion, Lang::kZh)));
}

TEST_F(GcMarks, NoBarrierIsNeverCalledOn) {
  auto run = LoadGc("s1_lost_object.json");  // barrier: none
  ASSERT_TRUE(run);
  GcView view;
  view.SetRun(run);
  bool saw_mark_phase = false;
  for (std::size_t s = 0; s < run->StepCount(); ++s) {
    Draw(view, *run, s);
    saw_mark_phase |= HasText(texts, "mark");
    EXPECT_FALSE(HasText(texts, "ON")) << "step " << s;
    EXPECT_TRUE(HasText(texts, "no write barrier")) << "step " << s;
    Draw(view, *run, s, 1.0f, Lang::kZh);
    EXPECT_TRUE(HasText(texts, "无写屏障")) << "step " << s;
  }
  EXPECT_TRUE(saw_mark_phase);
}

}  // namespace
}  // namespace gs::app
