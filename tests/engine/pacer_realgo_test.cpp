// The pacer against real Go 1.19: tests/realgo/pacer/steady.go was run with GOGC=50, 100 and
// 200 (GOMAXPROCS=1, GODEBUG=gctrace=1; see the README there) and its output is committed, so
// this test needs no Go. It checks
//  1. the goal formula: from the GOGC=100 run, stacks + globals = goal − 2 × marked; with that
//     value the formula must predict the other two runs' goals (MemStats.NextGC right after
//     runtime.GC) to within 1 KiB — a goal of marked × (1 + GOGC/100) plus a constant would
//     miss GOGC=50 and 200 by over 100 KiB;
//  2. every gctrace line after the forced GC: its goal follows from the previous line's heap2
//     (known only to 1 MB) by that formula, and its heap0 lies between the trigger's bounds;
//  3. the simulator's steady scenario prints the same heap0 and goal as real Go's first
//     paced cycle.
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/pacer/pacer_math.h"
#include "engine/pacer/pacer_run.h"

namespace gs::pacer {
namespace {

struct TraceLine {
  std::uint64_t heap0 = 0, heap1 = 0, heap2 = 0, goal = 0;  // MB as printed (bytes >> 20)
  bool forced = false;
};

struct RealRun {
  std::int64_t gogc = 0;
  std::uint64_t marked = 0, goal = 0;  // bytes, after runtime.GC
  std::vector<TraceLine> after;        // gctrace lines after the forced GC
  std::vector<TraceLine> all;
};

RealRun ReadRun(std::int64_t gogc) {
  RealRun r;
  r.gogc = gogc;
  std::ifstream in(std::string(GS_TEST_DIR) + "/realgo/pacer/steady-gogc" + std::to_string(gogc) +
                   ".out");
  const std::regex gc_re(
      R"(^gc \d+ @.* (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, .*P( \(forced\))?$)");
  const std::regex after_re(R"(^after runtime\.GC: marked=(\d+) goal=(\d+))");
  std::string line;
  bool seen_after = false;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, after_re)) {
      r.marked = std::stoull(m[1]);
      r.goal = std::stoull(m[2]);
      seen_after = true;
    } else if (std::regex_search(line, m, gc_re)) {
      TraceLine t{std::stoull(m[1]), std::stoull(m[2]), std::stoull(m[3]), std::stoull(m[4]),
                  m[5].matched};
      r.all.push_back(t);
      if (seen_after) r.after.push_back(t);
    }
  }
  return r;
}

TEST(PacerRealGo, GoalFormulaPredictsOtherGogcValues) {
  const RealRun r100 = ReadRun(100), r50 = ReadRun(50), r200 = ReadRun(200);
  ASSERT_GT(r100.marked, 0u) << "tests/realgo/pacer/steady-gogc100.out missing?";
  ASSERT_GT(r50.marked, 0u);
  ASSERT_GT(r200.marked, 0u);
  // GOGC=100: goal = marked + (marked + S) → S = goal − 2 × marked (231328 bytes in the
  // committed run: a few KiB of stack and the program's data and bss).
  const std::uint64_t s = r100.goal - 2 * r100.marked;
  EXPECT_LT(s, 1024u * 1024u);
  for (const RealRun* r : {&r50, &r200}) {
    const std::uint64_t predicted = GcPercentHeapGoal(r->marked, s, 0, r->gogc);
    const std::int64_t diff = std::int64_t(predicted) - std::int64_t(r->goal);
    EXPECT_LE(std::abs(diff), 1024)
        << "GOGC=" << r->gogc << " predicted " << predicted << " real " << r->goal;
  }
}

TEST(PacerRealGo, GctraceGoalsAndTriggersFollowTheRules) {
  const std::uint64_t s = ReadRun(100).goal - 2 * ReadRun(100).marked;
  for (std::int64_t gogc : {50, 100, 200}) {
    const RealRun r = ReadRun(gogc);
    ASSERT_GE(r.after.size(), 3u) << gogc;
    // The first cycle of each run: heapMinimum is the goal (printed in MB).
    ASSERT_FALSE(r.all.empty());
    EXPECT_EQ(r.all[0].goal, HeapMinimum(gogc) >> 20) << gogc;
    for (std::size_t i = 1; i < r.after.size(); ++i) {
      const TraceLine& prev = r.after[i - 1];
      const TraceLine& cur = r.after[i];
      // heap2 of the previous cycle is between h and h + 1 MiB; the goal is increasing in it.
      const std::uint64_t lo = GcPercentHeapGoal(prev.heap2 * kMiB, s, 0, gogc) >> 20;
      const std::uint64_t hi = GcPercentHeapGoal((prev.heap2 + 1) * kMiB, s, 0, gogc) >> 20;
      EXPECT_GE(cur.goal, lo) << "GOGC=" << gogc << " line " << i;
      EXPECT_LE(cur.goal, hi) << "GOGC=" << gogc << " line " << i;
      // The cycle started at or above the trigger's lower bound (45/64 of the way from
      // heapMarked to the goal) and before the goal.
      const std::uint64_t marked_lo = prev.heap2 * kMiB;
      const std::uint64_t goal_hi = (cur.goal + 1) * kMiB;
      const std::uint64_t lower_lo = Trigger(cur.goal * kMiB, marked_lo, kNoLimit).lower >> 20;
      EXPECT_GE(cur.heap0, lower_lo) << "GOGC=" << gogc << " line " << i;
      EXPECT_LE(cur.heap0 * kMiB, goal_hi) << "GOGC=" << gogc << " line " << i;
    }
  }
}

TEST(PacerRealGo, SimulatorPrintsRealGosFirstPacedCycle) {
  // scenarios/pacer/steady-like-real-go.json: the live heap and stacks + globals of the
  // GOGC=100 run, then 64 KiB blocks. Real Go printed "13->15->10 MB, 16 MB goal" for the
  // first cycle after runtime.GC: heap0 and goal follow from the rules, so they must match.
  LoadResult lr =
      LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/pacer/steady-like-real-go.json");
  auto* run = dynamic_cast<const PacerRun*>(lr.run.get());
  ASSERT_NE(run, nullptr) << lr.diags.FormatAll();
  const RealRun r = ReadRun(100);
  ASSERT_GE(run->Cycles().size(), 2u);
  const CycleRecord& sim = run->Cycles()[1].record;  // [0] is the forced runtime.GC
  ASSERT_TRUE(run->Cycles()[0].record.forced);
  EXPECT_EQ(sim.goal >> 20, r.after[0].goal);
  EXPECT_EQ(sim.heap0 >> 20, r.after[0].heap0);
  // After runtime.GC the simulated goal is real Go's NextGC to within the scenario's KiB
  // rounding: 8228 KiB marked (real 8425384 B), 226 KiB stacks + globals (real 231328 B), so
  // 8228 + (8228 + 226) = 16682 KiB = 17082368 B against real 17082096 B.
  EXPECT_EQ(run->Samples()[1].goal, 17082368u);
  const std::int64_t diff = std::int64_t(run->Samples()[1].goal) - std::int64_t(r.goal);
  EXPECT_LE(std::abs(diff), 2048);
}

}  // namespace
}  // namespace gs::pacer
