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

// While copystack runs, the old stack is drawn beside the new one: more geometry than the
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
  int before =
      DrawStack(view, *r.run, copy - 2, 1.0f, Lang::kEn, ThemeKind::kDark, 1200)->TotalVtxCount;
  int during =
      DrawStack(view, *r.run, copy, 1.0f, Lang::kEn, ThemeKind::kDark, 1200)->TotalVtxCount;
  EXPECT_GT(during, before + 500);
}

TEST(StackViewHeadless, RegistryMakesTheStackView) {
  EXPECT_NE(MakeView("stack"), nullptr);
}

}  // namespace
}  // namespace gs::app
