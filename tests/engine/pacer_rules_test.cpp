// Rule-by-rule tests of the GC pacer (Go 1.19 mgcpacer.go, gcControllerState). Each expected
// number is worked out by hand in a comment from the function that computes it. The first
// goals and triggers were also checked against real Go 1.19's gctrace (see
// tests/realgo/pacer/README.md and pacer_realgo_test.cpp).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/pacer/gctrace.h"
#include "engine/pacer/pacer_math.h"
#include "engine/pacer/pacer_run.h"

namespace gs::pacer {
namespace {

constexpr std::uint64_t kKiB = 1024;

struct Loaded {
  LoadResult r;
  const PacerRun* run = nullptr;
};

Loaded Load(const std::string& config, const std::string& script) {
  Loaded l;
  l.r = LoadScenarioText("t.json", R"({"format": 1, "kind": "pacer", "id": "t",
      "title": {"en": "t", "zh": "t"}, "config": )" +
                                       config + R"(, "script": )" + script + "}");
  l.run = dynamic_cast<const PacerRun*>(l.r.run.get());
  return l;
}

TEST(PacerMath, HeapMinimumScalesWithGogc) {
  // setGCPercent: heapMinimum = defaultHeapMinimum (4 MiB) × GOGC/100.
  EXPECT_EQ(HeapMinimum(100), 4 * kMiB);
  EXPECT_EQ(HeapMinimum(50), 2 * kMiB);
  EXPECT_EQ(HeapMinimum(200), 8 * kMiB);
  EXPECT_EQ(HeapMinimum(kGogcOff), 0u);
}

TEST(PacerMath, GoalCountsStacksAndGlobals) {
  // commit: 10 MiB marked, 1 MiB stacks, 1 MiB globals, GOGC=100:
  // 10 + (10 + 1 + 1) × 100/100 = 22 MiB (the teaching formula would say 20).
  EXPECT_EQ(GcPercentHeapGoal(10 * kMiB, kMiB, kMiB, 100), 22 * kMiB);
  // GOGC=50: 10 + 12 × 0.5 = 16 MiB.
  EXPECT_EQ(GcPercentHeapGoal(10 * kMiB, kMiB, kMiB, 50), 16 * kMiB);
  // A tiny heap is floored at heapMinimum: 100 KiB marked, GOGC=100 → 4 MiB.
  EXPECT_EQ(GcPercentHeapGoal(100 * kKiB, 0, 0, 100), 4 * kMiB);
  // GOGC=off: no GOGC goal at all.
  EXPECT_EQ(GcPercentHeapGoal(10 * kMiB, 0, 0, kGogcOff), kNoLimit);
}

TEST(PacerMath, MemoryLimitGoal) {
  // memoryLimitHeapGoal: 20 MiB limit − 2 MiB non-heap − 1 MiB headroom = 17 MiB.
  EXPECT_EQ(MemoryLimitHeapGoal(20 * kMiB, 2 * kMiB, 5 * kMiB), 17 * kMiB);
  // Never below the live heap: 18 MiB marked → 18 MiB.
  EXPECT_EQ(MemoryLimitHeapGoal(20 * kMiB, 2 * kMiB, 18 * kMiB), 18 * kMiB);
  // Non-heap memory alone at the limit: the goal is heapMarked (GC runs continuously).
  EXPECT_EQ(MemoryLimitHeapGoal(4 * kMiB, 4 * kMiB, 3 * kMiB), 3 * kMiB);
  // heapGoalInternal picks the smaller goal and says which one.
  Goal g = HeapGoal(22 * kMiB, 17 * kMiB, kNoLimit);
  EXPECT_EQ(g.bytes, 17 * kMiB);
  EXPECT_TRUE(g.memory_limited);
}

TEST(PacerMath, GoalKeepsMinRunwayPastTheTrigger) {
  // heapGoalInternal: a cycle triggered at 10 MiB − 10 KiB with a 10 MiB goal gets
  // triggered + 64 KiB instead.
  Goal g = HeapGoal(10 * kMiB, kNoLimit, 10 * kMiB - 10 * kKiB);
  EXPECT_EQ(g.bytes, 10 * kMiB + 54 * kKiB);
  EXPECT_FALSE(g.memory_limited);
}

TEST(PacerMath, TriggerBounds) {
  // trigger: marked 8 MiB, goal 16 MiB. lower = 8 + 8/64×45 = 13.625 MiB;
  // upper = max(8 + 8/64×61, 16 − 4) = 15.625 MiB.
  TriggerBounds b = Trigger(16 * kMiB, 8 * kMiB, 0);
  EXPECT_EQ(b.lower, 8 * kMiB + 8 * kMiB / 64 * 45);
  EXPECT_EQ(b.upper, 8 * kMiB + 8 * kMiB / 64 * 61);
  // No runway: the trigger is the goal, clamped to the upper bound.
  EXPECT_EQ(b.trigger, b.upper);
  // A runway past the goal: the lower bound.
  EXPECT_EQ(Trigger(16 * kMiB, 8 * kMiB, 100 * kMiB).trigger, b.lower);
  // A runway of 1 MiB: goal − runway = 15 MiB, inside the bounds.
  EXPECT_EQ(Trigger(16 * kMiB, 8 * kMiB, kMiB).trigger, 15 * kMiB);
  // Big heap: marked 100 MiB, goal 200 MiB; 61/64 gives 195.3125 MiB, goal − 4 MiB = 196 MiB
  // is larger, so it is the upper bound.
  EXPECT_EQ(Trigger(200 * kMiB, 100 * kMiB, 0).upper, 196 * kMiB);
}

TEST(PacerMath, RunwayIsThreeTimesConsMarkTimesScanWork) {
  // commit: consMark × (1 − 0.25)/0.25 × scan work; consMark 0.5, 8 MiB → 12 MiB.
  EXPECT_EQ(Runway(50, 8 * kMiB), 12 * kMiB);
}

TEST(PacerMath, AssistWorkPerByte) {
  // revise: 4 MiB of scan work left, 2 MiB until the goal → 2 scan bytes per byte (2048/1024).
  EXPECT_EQ(AssistWorkPerByte1024(4 * kMiB, 14 * kMiB, 16 * kMiB), 2048u);
  // Past the goal heapRemaining is 1 byte: every byte owes all the work.
  EXPECT_EQ(AssistWorkPerByte1024(kMiB, 17 * kMiB, 16 * kMiB), kMiB * 1024);
}

TEST(Gctrace, FormatsMillisecondsAsTheRuntimeDoes) {
  // fmtNSAsMS: two significant digits below 10 ms, at most three decimals.
  EXPECT_EQ(FmtNsAsMs(2'400'000), "2.4");
  EXPECT_EQ(FmtNsAsMs(15'000), "0.015");
  EXPECT_EQ(FmtNsAsMs(123'456), "0.12");
  EXPECT_EQ(FmtNsAsMs(999), "0");
  EXPECT_EQ(FmtNsAsMs(9'700'000), "9.7");
  EXPECT_EQ(FmtNsAsMs(21'000'000), "21");
}

// The first cycle: heapMarked is 0, so the goal is heapMinimum, and consMark is 0 so the
// runway is 0 and the trigger is at the upper bound, 61/64 of the goal. Real Go 1.19 printed
// "3->3->3 MB, 4 MB goal" (GOGC=100), "1->1->1 MB, 2 MB goal" (50) and "7->8->7 MB, 8 MB
// goal" (200) for its first cycle (tests/realgo/pacer/steady-gogc*.out).
TEST(PacerRun, FirstCycleTriggersAtSixtyOneSixtyFourthsOfHeapMinimum) {
  for (auto [gogc, heap0_mb, goal_mb] : {std::tuple{100, 3, 4}, {50, 1, 2}, {200, 7, 8}}) {
    Loaded l = Load(R"({"gogc": )" + std::to_string(gogc) + "}",
                    R"([{"op": "run", "ticks": 200, "alloc_kib": 64, "keep_kib": 64}])");
    ASSERT_NE(l.run, nullptr) << l.r.diags.FormatAll();
    ASSERT_FALSE(l.run->Cycles().empty());
    const CycleRecord& c = l.run->Cycles()[0].record;
    EXPECT_EQ(c.trigger, HeapMinimum(gogc) / 64 * 61) << gogc;
    EXPECT_EQ(c.goal, HeapMinimum(gogc)) << gogc;
    EXPECT_EQ(c.heap0 >> 20, std::uint64_t(heap0_mb)) << gogc;
    EXPECT_EQ(c.goal >> 20, std::uint64_t(goal_mb)) << gogc;
  }
}

TEST(PacerRun, CycleStartsWhenHeapLiveReachesTrigger) {
  // 8 MiB live after a forced GC, GOGC=100: goal 16 MiB; consMark 1 gives a runway of
  // 3 × 8 MiB = 24 MiB > goal, so the trigger is the lower bound 13.625 MiB. From 8 MiB at
  // 1 MiB per tick, heapLive passes 13.625 MiB on the 6th tick (14 MiB).
  Loaded l = Load(R"({"gogc": 100, "live_kib": 8192, "cons_mark": 1, "mark_kib_per_tick": 65536})",
                  R"([{"op": "gc"}, {"op": "run", "ticks": 10, "alloc_kib": 1024}])");
  ASSERT_NE(l.run, nullptr) << l.r.diags.FormatAll();
  ASSERT_GE(l.run->Cycles().size(), 2u);
  const CycleSpan& forced = l.run->Cycles()[0];
  EXPECT_TRUE(forced.record.forced);
  EXPECT_EQ(forced.record.heap2, 8 * kMiB);
  const CycleSpan& c = l.run->Cycles()[1];
  EXPECT_EQ(c.record.trigger, 8 * kMiB + 8 * kMiB / 64 * 45);
  EXPECT_EQ(c.record.heap0, 14 * kMiB);
  EXPECT_EQ(c.start_step, 1u + 6u);  // step 1 is runtime.GC, then one step per tick
  EXPECT_EQ(c.record.goal, 16 * kMiB);
  // The worker marks 64 MiB a tick, so the next tick finishes the 8 MiB of marking; the
  // 1 MiB allocated during it is allocated black: heap2 = 8 + 1 = 9 MiB.
  EXPECT_EQ(c.end_step, c.start_step + 1);
  EXPECT_EQ(c.record.heap1, 15 * kMiB);
  EXPECT_EQ(c.record.heap2, 9 * kMiB);
  EXPECT_EQ(c.gctrace.substr(c.gctrace.find("ms cpu, ")),
            "ms cpu, 14->15->9 MB, 16 MB goal, 0 MB stacks, 0 MB globals, 1 P");
}

TEST(PacerRun, SlowMarkingMakesTheAllocatorAssist) {
  // 8 MiB live, goal 16 MiB, trigger 13.625 MiB. The worker marks 256 KiB a tick while the
  // program allocates 1 MiB a tick: the first mark tick owes 8 MiB of work over the 2 MiB
  // until the goal (from 14 MiB) → 4 scan bytes per allocated byte = 4 MiB, minus the
  // 256 KiB background credit = 3.75 MiB of assist.
  Loaded l = Load(R"({"live_kib": 8192, "cons_mark": 1, "mark_kib_per_tick": 256})",
                  R"([{"op": "gc"}, {"op": "run", "ticks": 20, "alloc_kib": 1024}])");
  ASSERT_NE(l.run, nullptr) << l.r.diags.FormatAll();
  const auto& samples = l.run->Samples();
  std::size_t first_assist = 0;
  for (std::size_t i = 0; i < samples.size() && !first_assist; ++i) {
    if (samples[i].assist > 0) first_assist = i;
  }
  ASSERT_EQ(first_assist, 8u);  // the tick after the cycle started at step 7
  EXPECT_EQ(samples[first_assist].assist, 4 * kMiB - 256 * kKiB);
  ASSERT_GE(l.run->Cycles().size(), 2u);
  EXPECT_GT(l.run->Cycles()[1].record.assist_work, 0u);
  // The same program with a fast worker needs no assist.
  Loaded fast = Load(R"({"live_kib": 8192, "cons_mark": 1, "mark_kib_per_tick": 65536})",
                     R"([{"op": "gc"}, {"op": "run", "ticks": 20, "alloc_kib": 1024}])");
  ASSERT_NE(fast.run, nullptr);
  for (const Sample& s : fast.run->Samples()) EXPECT_EQ(s.assist, 0u);
}

TEST(PacerRun, MemoryLimitCapsTheGoal) {
  // GOGC=off and GOMEMLIMIT=20 MiB with 2 MiB of non-heap memory: the goal is
  // 20 − 2 − 1 = 17 MiB however much is live.
  Loaded l =
      Load(R"({"gogc": "off", "memory_limit_mib": 20, "non_heap_kib": 2048, "live_kib": 4096})",
           R"([{"op": "run", "ticks": 40, "alloc_kib": 1024}])");
  ASSERT_NE(l.run, nullptr) << l.r.diags.FormatAll();
  EXPECT_EQ(l.run->Samples()[0].goal, 17 * kMiB);
  EXPECT_TRUE(l.run->Samples()[0].memory_limited);
  ASSERT_FALSE(l.run->Cycles().empty());
  for (const CycleSpan& c : l.run->Cycles()) EXPECT_TRUE(c.record.memory_limited);
}

TEST(PacerRun, SetGogcRecomputesAtOnce) {
  // After runtime.GC with 8 MiB marked: GOGC 100 → goal 16 MiB; SetGCPercent(50) → 12 MiB.
  Loaded l = Load(R"({"live_kib": 8192})", R"([{"op": "gc"}, {"op": "set_gogc", "gogc": 50}])");
  ASSERT_NE(l.run, nullptr) << l.r.diags.FormatAll();
  EXPECT_EQ(l.run->Samples()[1].goal, 16 * kMiB);
  EXPECT_EQ(l.run->Samples()[2].goal, 12 * kMiB);
}

TEST(PacerRun, DroppedDataIsFreedByTheNextCycleNotTheCurrentOne) {
  // 8 MiB live; drop 4 MiB; runtime.GC marks only what is still reachable: 4 MiB.
  Loaded l = Load(R"({"live_kib": 8192})", R"([{"op": "drop", "kib": 4096}, {"op": "gc"}])");
  ASSERT_NE(l.run, nullptr) << l.r.diags.FormatAll();
  EXPECT_EQ(l.run->Samples()[1].heap_live, 8 * kMiB);  // the drop alone frees nothing
  EXPECT_EQ(l.run->Samples()[2].heap_live, 4 * kMiB);
}

TEST(PacerRun, EscapedBytesCauseCyclesStackBytesDoNot) {
  // The same 1 MiB per tick: all on the heap, or 7/8 of it kept on the stack.
  Loaded heap =
      Load(R"({"live_kib": 4096})", R"([{"op": "run", "ticks": 200, "alloc_kib": 1024}])");
  Loaded stack = Load(R"({"live_kib": 4096})",
                      R"([{"op": "run", "ticks": 200, "alloc_kib": 128, "stack_kib": 896}])");
  ASSERT_NE(heap.run, nullptr);
  ASSERT_NE(stack.run, nullptr);
  // With 4 MiB live the goal is 8 MiB and the trigger ≥ 45/64 of the way: each cycle needs
  // at least ~2.8 MiB of allocation, so the heap program runs at most 200/2.8 ≈ 71 cycles and
  // the stack one at most 8× fewer.
  EXPECT_GT(heap.run->Cycles().size(), 4 * stack.run->Cycles().size());
  EXPECT_GT(stack.run->Cycles().size(), 0u);
}

TEST(PacerRun, InvariantsHoldAndSeekEqualsReplay) {
  Loaded l = Load(R"({"live_kib": 8192, "stacks_kib": 64, "globals_kib": 128, "cons_mark": 0.3,
                      "mark_kib_per_tick": 512})",
                  R"([{"op": "run", "ticks": 300, "alloc_kib": 700, "keep_kib": 7},
                      {"op": "set_memory_limit", "mib": 14}, {"op": "run", "ticks": 200, "alloc_kib": 900},
                      {"op": "drop", "kib": 4000}, {"op": "run", "ticks": 100, "alloc_kib": 300}])");
  ASSERT_NE(l.run, nullptr) << l.r.diags.FormatAll();
  const auto& tl = l.run->GetTimeline();
  for (std::size_t i = 0; i < tl.StepCount(); ++i) {
    EXPECT_TRUE(PacerInvariantsHold(tl.StateRef(i))) << "step " << i;
  }
  EXPECT_TRUE(tl.SeekMatchesReplay());
  Loaded again = Load(R"({"live_kib": 8192, "stacks_kib": 64, "globals_kib": 128, "cons_mark": 0.3,
                      "mark_kib_per_tick": 512})",
                      R"([{"op": "run", "ticks": 300, "alloc_kib": 700, "keep_kib": 7},
                      {"op": "set_memory_limit", "mib": 14}, {"op": "run", "ticks": 200, "alloc_kib": 900},
                      {"op": "drop", "kib": 4000}, {"op": "run", "ticks": 100, "alloc_kib": 300}])");
  ASSERT_NE(again.run, nullptr);
  EXPECT_EQ(again.run->Hash(tl.StepCount() - 1), l.run->Hash(tl.StepCount() - 1));
}

TEST(PacerLoad, HostileSizesHitLimits) {
  Loaded big = Load(R"({})", R"([{"op": "run", "ticks": 100000, "alloc_kib": 1073741824}])");
  EXPECT_EQ(big.run, nullptr);
  EXPECT_NE(big.r.diags.FormatAll().find("kMaxHeapBytes"), std::string::npos)
      << big.r.diags.FormatAll();
  Loaded ticks = Load(R"({})", R"([{"op": "run", "ticks": 100001, "alloc_kib": 1}])");
  EXPECT_EQ(ticks.run, nullptr);
  EXPECT_NE(ticks.r.diags.FormatAll().find("/script/0/ticks"), std::string::npos)
      << ticks.r.diags.FormatAll();
  Loaded keep = Load(R"({})", R"([{"op": "run", "ticks": 1, "alloc_kib": 1, "keep_kib": 2}])");
  EXPECT_NE(keep.r.diags.FormatAll().find("t.json:2:"), std::string::npos)
      << keep.r.diags.FormatAll();
  EXPECT_NE(keep.r.diags.FormatAll().find("/script/0/keep_kib"), std::string::npos);
  Loaded gogc = Load(R"({"gogc": "of"})", R"([{"op": "gc"}])");
  EXPECT_NE(gogc.r.diags.FormatAll().find("/config/gogc"), std::string::npos);
}

}  // namespace
}  // namespace gs::pacer
