// What one pacer step did, for narration, the trace and the view's change marks.
#pragma once

#include <cstdint>

#include "engine/pacer/state.h"

namespace gs::pacer {

/// Which rule of heapGoalInternal / commit produced a goal.
enum class GoalSource : std::uint8_t {
  kGcPercent,    ///< heapMarked + (heapMarked + stacks + globals) × GOGC/100
  kHeapMinimum,  ///< floored at heapMinimum = 4 MiB × GOGC/100
  kMemoryLimit,  ///< memoryLimitHeapGoal was smaller
  kOff,          ///< GOGC=off and no memory limit: no goal
};

enum class EventKind : std::uint8_t {
  kAlloc,           ///< a = heap bytes, b = stack bytes (escape analysis kept them there)
  kDrop,            ///< a = bytes the program let go of
  kTrigger,         ///< heapLive reached the trigger: gcStart; a = heapLive, b = trigger
  kForcedStart,     ///< runtime.GC started a cycle
  kMarkWork,        ///< a = background scan bytes, b = scan bytes left
  kAssist,          ///< a = assist scan bytes charged, b = assistWorkPerByte × 1024
  kCycleEnd,        ///< gcMarkTermination; `cycle` holds the gctrace numbers
  kCommit,          ///< commit: a = new goal, b = new trigger
  kSetGcPercent,    ///< a = old GOGC + 1, b = new GOGC + 1 (0: off)
  kSetMemoryLimit,  ///< a = new limit (kNoLimit: none)
  kOverGoal,        ///< heapLive passed the goal during mark; a = heapLive, b = goal
};

struct Event {
  EventKind kind = EventKind::kAlloc;
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  CycleRecord cycle;                           ///< kCycleEnd
  GoalSource source = GoalSource::kGcPercent;  ///< kCommit: which rule set the goal
};

}  // namespace gs::pacer
