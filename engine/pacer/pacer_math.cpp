#include "engine/pacer/pacer_math.h"

#include <algorithm>
#include <limits>

namespace gs::pacer {

namespace {
constexpr std::uint64_t kNone = std::numeric_limits<std::uint64_t>::max();
}

std::uint64_t HeapMinimum(std::int64_t gogc) {
  if (gogc <= 0) return 0;
  return kDefaultHeapMinimum * std::uint64_t(gogc) / 100;
}

std::uint64_t GcPercentHeapGoal(std::uint64_t heap_marked, std::uint64_t stacks,
                                std::uint64_t globals, std::int64_t gogc) {
  std::uint64_t goal = kNone;
  if (gogc >= 0) goal = heap_marked + (heap_marked + stacks + globals) * std::uint64_t(gogc) / 100;
  return std::max(goal, HeapMinimum(gogc));
}

std::uint64_t MemoryLimitHeapGoal(std::uint64_t limit, std::uint64_t non_heap,
                                  std::uint64_t heap_marked) {
  if (limit == kNone) return kNone;
  if (non_heap >= limit) return heap_marked;
  std::uint64_t goal = limit - non_heap;
  if (goal < kMemoryLimitHeadroom || goal - kMemoryLimitHeadroom < kMemoryLimitHeadroom) {
    goal = kMemoryLimitHeadroom;
  } else {
    goal -= kMemoryLimitHeadroom;
  }
  return std::max(goal, heap_marked);
}

Goal HeapGoal(std::uint64_t gc_percent_goal, std::uint64_t memory_limit_goal,
              std::uint64_t triggered) {
  if (memory_limit_goal < gc_percent_goal) return {memory_limit_goal, true};
  Goal g{gc_percent_goal, false};
  if (triggered != kNone && g.bytes < triggered + kMinRunway) g.bytes = triggered + kMinRunway;
  return g;
}

TriggerBounds Trigger(std::uint64_t goal, std::uint64_t heap_marked, std::uint64_t runway) {
  TriggerBounds b;
  if (heap_marked >= goal) return {goal, goal, goal};
  // The runtime divides before it multiplies; so do we, for the same bytes.
  b.lower = (goal - heap_marked) / kTriggerRatioDen * kMinTriggerRatioNum + heap_marked;
  b.upper = (goal - heap_marked) / kTriggerRatioDen * kMaxTriggerRatioNum + heap_marked;
  if (goal > kDefaultHeapMinimum && goal - kDefaultHeapMinimum > b.upper) {
    b.upper = goal - kDefaultHeapMinimum;
  }
  b.upper = std::max(b.upper, b.lower);
  b.trigger = runway > goal ? b.lower : goal - runway;
  b.trigger = std::clamp(b.trigger, b.lower, b.upper);
  return b;
}

std::uint64_t Runway(std::uint64_t cons_mark_percent, std::uint64_t scan_work) {
  // (1 − 0.25) / 0.25 = 3.
  const std::uint64_t weight = (100 - kGoalUtilizationPercent) / kGoalUtilizationPercent;
  // The loader caps heap sizes at kMaxHeapBytes (2^40) and consMark at 100.00, so this
  // product stays under 2^56.
  return cons_mark_percent * weight * scan_work / 100;
}

std::uint64_t AssistWorkPerByte1024(std::uint64_t scan_remaining, std::uint64_t heap_live,
                                    std::uint64_t goal) {
  const std::uint64_t heap_remaining = goal > heap_live ? goal - heap_live : 1;
  return scan_remaining * 1024 / heap_remaining;  // under 2^50: see kMaxHeapBytes
}

}  // namespace gs::pacer
