// The pacer's arithmetic, as Go 1.19's gcControllerState computes it (mgcpacer.go). Pure
// functions of a few numbers, so tests can check them against hand-worked values and real Go.
#pragma once

#include <cstdint>

namespace gs::pacer {

inline constexpr std::uint64_t kMiB = 1 << 20;
/// defaultHeapMinimum: the heap goal never drops below 4 MiB × GOGC/100.
inline constexpr std::uint64_t kDefaultHeapMinimum = 4 * kMiB;
/// memoryLimitHeapGoalHeadroom: the memory-limit goal stays 1 MiB under the limit.
inline constexpr std::uint64_t kMemoryLimitHeadroom = 1 * kMiB;
/// heapGoalInternal's minRunway: the goal is at least 64 KiB past the trigger point.
inline constexpr std::uint64_t kMinRunway = 64 << 10;
/// triggerRatioDen, minTriggerRatioNum, maxTriggerRatioNum.
inline constexpr std::uint64_t kTriggerRatioDen = 64;
inline constexpr std::uint64_t kMinTriggerRatioNum = 45;
inline constexpr std::uint64_t kMaxTriggerRatioNum = 61;
/// gcGoalUtilization = gcBackgroundUtilization = 0.25 (as a percentage).
inline constexpr std::uint64_t kGoalUtilizationPercent = 25;
/// gcOverAssistWork: an assist does at least 64 KiB of scan work.
inline constexpr std::uint64_t kOverAssistWork = 64 << 10;
/// The largest heap a scenario may describe (1 TiB), so byte arithmetic cannot overflow.
inline constexpr std::uint64_t kMaxHeapBytes = std::uint64_t(1) << 40;
/// The largest consMark a scenario may give, in hundredths.
inline constexpr std::uint64_t kMaxConsMarkPercent = 10000;
/// Modelled stop-the-world lengths (µs) for the gctrace line's first and last clock fields.
inline constexpr std::uint64_t kSweepTermUs = 10;
inline constexpr std::uint64_t kMarkTermUs = 5;
/// GOGC=off.
inline constexpr std::int64_t kGogcOff = -1;

/// setGCPercent: heapMinimum = defaultHeapMinimum × GOGC/100 (0 when GOGC is off or 0).
std::uint64_t HeapMinimum(std::int64_t gogc);

/// commit: heapMarked + (heapMarked + stacks + globals) × GOGC/100, floored at heapMinimum;
/// UINT64_MAX when GOGC is off.
std::uint64_t GcPercentHeapGoal(std::uint64_t heap_marked, std::uint64_t stacks,
                                std::uint64_t globals, std::int64_t gogc);

/// memoryLimitHeapGoal: limit − non-heap memory − 1 MiB headroom, never below heapMarked;
/// heapMarked when non-heap memory alone reaches the limit.
std::uint64_t MemoryLimitHeapGoal(std::uint64_t limit, std::uint64_t non_heap,
                                  std::uint64_t heap_marked);

struct Goal {
  std::uint64_t bytes = 0;
  bool memory_limited = false;  ///< the memory limit, not GOGC, set it
};

/// heapGoalInternal: the smaller of the two goals; when GOGC's goal wins and a cycle is
/// running (`triggered` != UINT64_MAX), at least triggered + minRunway. (Sweep distance is
/// left out: the simulation sweeps at mark termination.)
Goal HeapGoal(std::uint64_t gc_percent_goal, std::uint64_t memory_limit_goal,
              std::uint64_t triggered);

struct TriggerBounds {
  std::uint64_t lower = 0;    ///< heapMarked + 45/64 of the way to the goal
  std::uint64_t upper = 0;    ///< 61/64 of the way, or goal − 4 MiB for big heaps
  std::uint64_t trigger = 0;  ///< goal − runway, clamped to [lower, upper]
};

/// trigger(): the heap size at which the next cycle starts.
TriggerBounds Trigger(std::uint64_t goal, std::uint64_t heap_marked, std::uint64_t runway);

/// commit: runway = consMark × (1 − u)/u × (heap scan + stacks + globals), u = 0.25, with
/// consMark given in hundredths (bytes allocated per byte scanned × 100).
std::uint64_t Runway(std::uint64_t cons_mark_percent, std::uint64_t scan_work);

/// revise: scan work each allocated byte must pay for, in 1/1024ths of a byte of scan work
/// (assistWorkPerByte = scanWorkRemaining / heapRemaining, heapRemaining at least 1).
std::uint64_t AssistWorkPerByte1024(std::uint64_t scan_remaining, std::uint64_t heap_live,
                                    std::uint64_t goal);

}  // namespace gs::pacer
