// The stack view on its own: every stack scenario draws at every step, in both themes and
// both languages, mid-animation and settled, and a growth step draws two stack columns.
#include <gtest/gtest.h>

#include "app/views/stack_view.h"
#include "engine/core/scenario.h"
#include "tests/support/builtin.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

ImDrawData* DrawStack(StackView& view, const Run& run, std::size_t step, float t, Lang lang,
                      ThemeKind theme, float width) {
  return test::DrawViewFrame(view, run, step, t, lang, theme, width);
}

TEST(StackViewHeadless, EveryStackScenarioDrawsAtEveryStep) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  const auto runs = BuiltinRuns("stack");
  EXPECT_GE(runs.size(), 6u);
  for (const auto& run : runs) {
    StackView view;
    view.SetRun(run);
    for (std::size_t step = 0; step < run->StepCount(); ++step) {
      bool odd = step % 2 == 1;
      ImDrawData* dd =
          DrawStack(view, *run, step, odd ? 0.4f : 1.0f, odd ? Lang::kZh : Lang::kEn,
                    odd ? ThemeKind::kLight : ThemeKind::kDark, odd ? 700.0f : 1200.0f);
      ASSERT_TRUE(dd->Valid);
      // The memory column alone is dozens of boxes and addresses.
      EXPECT_GT(dd->TotalVtxCount, 500) << run->Meta().file << " step " << step;
    }
  }
}

// While copystack runs, the old stack is drawn beside the new one: more in the picture than the
// step before morestack.
TEST(StackViewHeadless, GrowthDrawsOldAndNewStacks) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/stack/grow-by-copying.json");
  ASSERT_TRUE(r.run);
  auto run = std::dynamic_pointer_cast<const stack::StackRun>(r.run);
  std::size_t copy = 0;
  for (std::size_t i = 1; i < run->StepCount() && copy == 0; ++i) {
    for (const stack::Event& e : run->GetTimeline().Events(i)) {
      if (e.kind == stack::EventKind::kCopyStack) copy = i;
    }
  }
  ASSERT_GT(copy, 1u);
  StackView view;
  view.SetRun(r.run);
  // Change marks come and go with each step, so count what the columns say: the old stack
  // adds a value per copied word and its own title.
  std::vector<TextItem> before, during;
  test::DrawViewFrame(view, *r.run, copy - 2, 1.0f, Lang::kEn, ThemeKind::kDark, 1200, 800,
                      &before);
  test::DrawViewFrame(view, *r.run, copy, 1.0f, Lang::kEn, ThemeKind::kDark, 1200, 800, &during);
  EXPECT_GT(during.size(), before.size() + 5);
}

// The step where `kind` first happens in `run` (0 when it never does).
std::size_t FirstStepWith(const stack::StackRun& run, stack::EventKind kind) {
  for (std::size_t i = 1; i < run.StepCount(); ++i) {
    for (const stack::Event& e : run.GetTimeline().Events(i)) {
      if (e.kind == kind) return i;
    }
  }
  return 0;
}

// How many vertices of the frame are exactly `col` (the change marks and move arrows draw in
// the theme's own colours).
int VerticesOf(const ImDrawData* dd, ImU32 col) {
  int n = 0;
  for (int l = 0; l < dd->CmdListsCount; ++l) {
    for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer) n += v.col == col;
  }
  return n;
}

bool AnyTextHas(const std::vector<TextItem>& texts, std::string_view part) {
  for (const TextItem& t : texts) {
    if (t.text.find(part) != std::string::npos) return true;
  }
  return false;
}

std::shared_ptr<const stack::StackRun> LoadStack(const char* name) {
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/stack/" + name);
  return std::dynamic_pointer_cast<const stack::StackRun>(r.run);
}

// A return: the frame that went away stays one step as a ghost labelled "returned"; the step
// after it, it is gone. The first step has nothing to compare with: no change marks.
TEST(StackViewMarks, ReturnedFrameStaysOneStepAsAGhost) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadStack("return-address.json");
  ASSERT_TRUE(run);
  const std::size_t pop = FirstStepWith(*run, stack::EventKind::kPop);
  ASSERT_GT(pop, 0u);
  StackView view;
  view.SetRun(run);
  std::vector<TextItem> texts;
  const Theme& th = GetTheme(ThemeKind::kDark);
  test::DrawViewFrame(view, *run, pop, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 800, &texts);
  EXPECT_TRUE(AnyTextHas(texts, "returned")) << "step " << pop;
  test::DrawViewFrame(view, *run, pop, 1.0f, Lang::kZh, ThemeKind::kDark, 1400, 800, &texts);
  EXPECT_TRUE(AnyTextHas(texts, "已返回"));
  if (pop + 1 < run->StepCount()) {
    test::DrawViewFrame(view, *run, pop + 1, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 800, &texts);
    EXPECT_FALSE(AnyTextHas(texts, "returned")) << "the ghost lasts one step";
  }
  EXPECT_EQ(
      VerticesOf(test::DrawViewFrame(view, *run, 0, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 800),
                 th.changed),
      0);
}

// A call writes the return address (and a new frame appears): change outlines in the theme's
// `changed` colour.
TEST(StackViewMarks, CallMarksTheWordsItWrote) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadStack("return-address.json");
  ASSERT_TRUE(run);
  const std::size_t call = FirstStepWith(*run, stack::EventKind::kCall);
  ASSERT_GT(call, 0u);
  StackView view;
  view.SetRun(run);
  const Theme& th = GetTheme(ThemeKind::kLight);
  EXPECT_GT(VerticesOf(test::DrawViewFrame(view, *run, call, 1.0f, Lang::kEn, ThemeKind::kLight,
                                           1400, 800),
                       th.changed),
            0);
}

// copystack: one move arrow per adjusted pointer, old copy → new, growing with t; the old stack
// is drawn beside the new one and the note says how many pointers were adjusted. On the
// stackfree step the old stack is a ghost titled "freed".
TEST(StackViewMarks, CopyStackShowsMovesAndTheOldStack) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadStack("grow-by-copying.json");
  ASSERT_TRUE(run);
  const std::size_t copy = FirstStepWith(*run, stack::EventKind::kCopyStack);
  ASSERT_GT(copy, 0u);
  int adjusted = 0;
  for (const stack::Event& e : run->GetTimeline().Events(copy)) {
    adjusted += e.kind == stack::EventKind::kAdjust;
  }
  ASSERT_GT(adjusted, 0);
  StackView view;
  view.SetRun(run);
  const Theme& th = GetTheme(ThemeKind::kDark);
  std::vector<TextItem> texts;
  const int settled = VerticesOf(
      test::DrawViewFrame(view, *run, copy, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 800, &texts),
      th.move);
  EXPECT_GT(settled, 0);
  EXPECT_TRUE(AnyTextHas(texts, "old ")) << "the old stack's title";
  EXPECT_TRUE(AnyTextHas(texts, std::to_string(adjusted) + " pointers adjusted"));
  // At the very start of the animation the arrows have not grown yet.
  EXPECT_EQ(VerticesOf(
                test::DrawViewFrame(view, *run, copy, 0.0f, Lang::kEn, ThemeKind::kDark, 1400, 800),
                th.move),
            0);
  const std::size_t free = FirstStepWith(*run, stack::EventKind::kStackFree);
  ASSERT_GT(free, copy);
  test::DrawViewFrame(view, *run, free, 1.0f, Lang::kEn, ThemeKind::kDark, 1400, 800, &texts);
  EXPECT_TRUE(AnyTextHas(texts, "freed "));
}

// grow-to-1mib: once every rec frame has returned, the 1 MiB stack holds only worker's frame
// near hi; everything from lo up to a few words under SP is one band with its size, not
// 130,000 rows. SP = hi - 56 (newproc1's 32 bytes, goexit's return PC, worker's 16-byte
// frame), so the band is 1 MiB - 56 - (a few words) and reads "1,023 KiB unused" (en) /
// "1,023 KiB 未使用" (zh). While the recursion is 64 deep, the frames above the words shown
// fold into a band of their own.
TEST(StackViewMarks, ABigStackFoldsWhatNoFrameUses) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadStack("grow-to-1mib.json");
  ASSERT_TRUE(run);
  std::size_t last_return = 0;
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    if (run->GetTimeline().StateRef(i).stack.Size() == 1048576u &&
        run->GetTimeline().StateRef(i).frames.size() == 1) {
      last_return = i;
      break;
    }
  }
  ASSERT_GT(last_return, 0u);
  StackView view;
  view.SetRun(run);
  std::vector<TextItem> en, zh, deep;
  test::DrawViewFrame(view, *run, last_return, 1.0f, Lang::kEn, ThemeKind::kDark, 1200, 800, &en);
  test::DrawViewFrame(view, *run, last_return, 1.0f, Lang::kZh, ThemeKind::kLight, 1200, 800, &zh);
  EXPECT_TRUE(AnyTextHas(en, "1,023 KiB unused"));
  EXPECT_TRUE(AnyTextHas(zh, "1,023 KiB 未使用"));
  EXPECT_FALSE(AnyTextHas(en, "KiB above"));
  // The deepest call: 64 frames of 8216 bytes under worker's, more than any column shows.
  test::DrawViewFrame(view, *run, last_return - 64, 1.0f, Lang::kEn, ThemeKind::kDark, 1200, 800,
                      &deep);
  EXPECT_TRUE(AnyTextHas(deep, "KiB above"));
  EXPECT_TRUE(AnyTextHas(deep, "KiB unused"));
}

TEST(StackViewFold, LabelGroupsThousands) {
  char buf[64];
  FoldLabel(buf, sizeof buf, 1022 * 1024 + 100, Lang::kEn);
  EXPECT_STREQ(buf, "1,022 KiB unused");
  FoldLabel(buf, sizeof buf, 512, Lang::kZh);
  EXPECT_STREQ(buf, "512 B 未使用");
  FoldLabel(buf, sizeof buf, std::uint64_t(1) << 30, Lang::kEn);
  EXPECT_STREQ(buf, "1,048,576 KiB unused");
}

TEST(StackViewHeadless, RegistryMakesTheStackView) {
  EXPECT_NE(MakeView("stack"), nullptr);
}

}  // namespace
}  // namespace gs::app
