// Predict-then-reveal by pointing in the maps and stack pictures: a click on a slot, a bucket
// card or a stack region answers the asked question with the choice it names, and a click
// on something that names none of the choices answers nothing.
#include <gtest/gtest.h>

#include <cfloat>
#include <string>

#include "app/views/maps_compare_view.h"
#include "app/views/maps_view.h"
#include "app/views/stack_view.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

// Opens `file` one step before its first checkpoint, so the next step waits for a prediction.
void OpenAtCheckpoint(test::Headless& h, App& app, const std::string& file) {
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/" + file));
  const auto& quiz = app.Doc().GetRun()->Meta().quiz;
  ASSERT_FALSE(quiz.empty());
  app.SetStep(std::size_t(quiz[0].before_step - 1), false);
  h.Frame(app);
  h.Frame(app);
}

void ClickAt(test::Headless& h, App& app, ImVec2 a, ImVec2 b) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
  h.Frame(app);
  io.MouseDown[0] = true;
  h.Frame(app);
  io.MouseDown[0] = false;
  h.Frame(app);
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  h.Frame(app);
}

// maps/delete-emptyrest.json asks which slot the next insert fills: b0[2], b0[7] or
// b0.ovf1. A click on slot 7 of bucket 0 names its key first, then "b0[7]", then "b0": the
// first that is a choice answers.
TEST(QuizPick, ClickingAMapSlotAnswersWithTheSlot) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  OpenAtCheckpoint(h, app, "maps/delete-emptyrest.json");
  auto* kind = dynamic_cast<MapsKindView*>(app.View());  // kind "maps" (classic, Swiss or compare)
  const MapsView* view = kind ? &kind->Maps() : nullptr;
  ASSERT_TRUE(view);
  ImVec2 a, b;
  ASSERT_TRUE(view->CardRect(0, 0, 7, false, &a, &b));
  const std::size_t asked_at = app.Play().step;
  ClickAt(h, app, a, b);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "b0[7]");
  EXPECT_EQ(app.Quiz().Right(), 1);
  EXPECT_EQ(app.Play().step, asked_at + 1);  // the answer reveals the step
}

// A click on the overflow bucket's header names "b0.ovf1" (a wrong answer, scored as one).
TEST(QuizPick, ClickingAnOverflowCardAnswersWithTheBucket) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  OpenAtCheckpoint(h, app, "maps/delete-emptyrest.json");
  auto* kind = dynamic_cast<MapsKindView*>(app.View());  // kind "maps" (classic, Swiss or compare)
  const MapsView* view = kind ? &kind->Maps() : nullptr;
  ASSERT_TRUE(view);
  ImVec2 a, b;
  ASSERT_TRUE(view->CardRect(0, 1, -1, false, &a, &b));
  ClickAt(h, app, a, b);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "b0.ovf1");
  EXPECT_EQ(app.Quiz().Right(), 0);
}

// maps/incremental-evacuation.json asks, mid-grow, where mapaccess1 looks for 16: new b1,
// old b1 or both. A click on old bucket 1's card says "old b1".
TEST(QuizPick, ClickingAnOldBucketAnswersOldBucket) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  OpenAtCheckpoint(h, app, "maps/incremental-evacuation.json");
  auto* kind = dynamic_cast<MapsKindView*>(app.View());  // kind "maps" (classic, Swiss or compare)
  const MapsView* view = kind ? &kind->Maps() : nullptr;
  ASSERT_TRUE(view);
  ImVec2 a, b;
  ASSERT_TRUE(view->CardRect(1, 0, -1, true, &a, &b));
  ClickAt(h, app, a, b);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "old b1");
  EXPECT_EQ(app.Quiz().Right(), 1);
}

// stack/return-address.json asks where the returned variable will live: stack or heap.
TEST(QuizPick, ClickingTheHeapColumnAnswersHeap) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  OpenAtCheckpoint(h, app, "stack/return-address.json");
  auto* view = dynamic_cast<StackView*>(app.View());
  ASSERT_TRUE(view);
  ImVec2 a, b;
  ASSERT_TRUE(view->RegionRect(StackView::Region::kHeap, &a, &b));
  ClickAt(h, app, a, b);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "heap");
  EXPECT_EQ(app.Quiz().Right(), 1);
}

// stack/grow-by-copying.json asks, before copystack, what main.p holds afterwards: old
// address, new address or nil. Only one stack is on screen at the checkpoint, so a click on it
// means neither address and answers nothing; on the copy step both stacks are shown and each
// is a region of its own.
TEST(QuizPick, OldAndNewAddressNeedBothStacksOnScreen) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  OpenAtCheckpoint(h, app, "stack/grow-by-copying.json");
  auto* view = dynamic_cast<StackView*>(app.View());
  ASSERT_TRUE(view);
  ImVec2 a, b;
  EXPECT_FALSE(view->RegionRect(StackView::Region::kOldStack, &a, &b));
  ASSERT_TRUE(view->RegionRect(StackView::Region::kStack, &a, &b));
  const std::size_t asked_at = app.Play().step;
  ClickAt(h, app, a, b);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "");
  EXPECT_EQ(app.Play().step, asked_at);
  app.SetStep(asked_at + 1, false);  // copystack: old and new stack side by side
  h.Frame(app);
  h.Frame(app);
  ImVec2 oa, ob, na, nb;
  ASSERT_TRUE(view->RegionRect(StackView::Region::kOldStack, &oa, &ob));
  ASSERT_TRUE(view->RegionRect(StackView::Region::kStack, &na, &nb));
  EXPECT_LE(ob.x, na.x);  // the old stack is left of the new one, not over it
}

// A click on the new stack answers "stack" for the same question (wrong: it escapes).
TEST(QuizPick, ClickingTheStackAnswersStack) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  OpenAtCheckpoint(h, app, "stack/return-address.json");
  auto* view = dynamic_cast<StackView*>(app.View());
  ASSERT_TRUE(view);
  ImVec2 a, b;
  EXPECT_FALSE(view->RegionRect(StackView::Region::kOldStack, &a, &b));  // no copy under way
  ASSERT_TRUE(view->RegionRect(StackView::Region::kStack, &a, &b));
  ClickAt(h, app, a, b);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "stack");
  EXPECT_EQ(app.Quiz().Right(), 0);
}

// A click on something that names none of the choices (new bucket 0 when the question is
// about new b1 or old b1) answers nothing: the checkpoint still waits.
TEST(QuizPick, ClickingWhatNamesNoChoiceAnswersNothing) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  OpenAtCheckpoint(h, app, "maps/incremental-evacuation.json");
  auto* kind = dynamic_cast<MapsKindView*>(app.View());  // kind "maps" (classic, Swiss or compare)
  const MapsView* view = kind ? &kind->Maps() : nullptr;
  ASSERT_TRUE(view);
  ImVec2 a, b;
  ASSERT_TRUE(view->CardRect(0, 0, -1, false, &a, &b));
  const std::size_t asked_at = app.Play().step;
  ClickAt(h, app, a, b);
  EXPECT_EQ(app.Quiz().AnswerOf(0), "");
  EXPECT_EQ(app.Play().step, asked_at);
}

}  // namespace
}  // namespace gs::app
