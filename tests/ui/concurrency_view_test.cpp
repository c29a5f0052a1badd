// The compare view draws what the engine says: at the crash step the lost messages are ghosts
// (two on the actor side, the value left in the channel on the CSP side) and the CSP crash text
// is shown; at the flash sale's burst the mailbox holds six cells while the channel's blocked
// senders are drawn; a click on an actor names it for the quiz.
#include <gtest/gtest.h>

#include "app/views/concurrency_view.h"
#include "engine/core/scenario.h"
#include "tests/ui/headless.h"

namespace gs::app::test {
namespace {

std::shared_ptr<const sched::ConcurrencyRun> LoadFile(const char* name) {
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/concurrency/" + name);
  return std::dynamic_pointer_cast<const sched::ConcurrencyRun>(r.run);
}

// The first compare step whose actor side crashed.
std::size_t CrashStep(const sched::ConcurrencyRun& run) {
  for (std::size_t s = 0; s < run.StepCount(); ++s) {
    if (run.TradeoffAt(s) & sched::kCrashRestarted) return s;
  }
  return 0;
}

TEST(ConcurrencyView, CrashShowsLostMessagesAsGhosts) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadFile("crash-vs-panic.json");
  ASSERT_TRUE(run);
  const std::size_t crash = CrashStep(*run);
  ASSERT_GT(crash, 0u);
  ConcurrencyView view;
  view.SetRun(run);
  DrawViewFrame(view, *run, crash, 1.0f, Lang::kEn, ThemeKind::kDark, 1200, 800);
  // Actors: -1 (in hand) and 7 (queued) die with the mailbox; CSP: 7 stays in the buffer of a
  // program that ended, so it is drawn as lost too: 3 ghosts.
  EXPECT_EQ(view.Ghosts(), 3u);
  EXPECT_TRUE(view.CrashShown());
  EXPECT_EQ(view.MailboxCells(0), 0u);
  // The step before: no ghost yet, the mailbox still holds 7 (the message after -1).
  DrawViewFrame(view, *run, crash - 1, 1.0f, Lang::kEn, ThemeKind::kDark, 1200, 800);
  EXPECT_EQ(view.Ghosts(), 0u);
  EXPECT_FALSE(view.CrashShown());
  EXPECT_EQ(view.MailboxCells(0), 1u);
}

TEST(ConcurrencyView, BurstFillsTheMailboxWhileSendersBlock) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = LoadFile("flash-sale.json");
  ASSERT_TRUE(run);
  // The step where the mailbox first holds six orders (the engine's counter says so).
  std::size_t step = 0;
  for (std::size_t s = 0; s < run->StepCount() && step == 0; ++s) {
    if (run->Counters(sched::Side::kActors, s).max_queue == 6) step = s;
  }
  ASSERT_GT(step, 0u);
  ConcurrencyView view;
  view.SetRun(run);
  DrawViewFrame(view, *run, step, 1.0f, Lang::kZh, ThemeKind::kLight, 1400, 800);
  EXPECT_EQ(view.MailboxCells(0), 6u);
  // By then the CSP buffer (cap 2) is full and later buyers are parked in its sendq.
  EXPECT_GE(view.BlockedSenders(), 1u);
  ImVec2 a, b;
  EXPECT_TRUE(view.HitRect("seller", &a, &b));
  EXPECT_LT(a.x, b.x);
}

}  // namespace
}  // namespace gs::app::test
