// The pacer's value-type state: the heap counters gcControllerState keeps, the cycle in
// progress, and the mutator's progress through the script. Sizes are bytes, time is ticks.
#pragma once

#include <cstdint>

#include "engine/pacer/program.h"

namespace gs::pacer {

enum class Phase : std::uint8_t {
  kOff,   ///< _GCoff: the mutator allocates, the heap grows toward the trigger
  kMark,  ///< _GCmark: workers (and assists) scan; new objects are allocated black
};

/// What gctrace prints for one cycle (gcMarkTermination), plus what the plot needs.
struct CycleRecord {
  std::uint32_t n = 0;              ///< memstats.numgc
  std::uint64_t start_tick = 0;     ///< gcStart
  std::uint64_t end_tick = 0;       ///< gcMarkTermination
  std::uint64_t heap0 = 0;          ///< heapLive at gcStart
  std::uint64_t heap1 = 0;          ///< heapLive at mark termination
  std::uint64_t heap2 = 0;          ///< bytesMarked
  std::uint64_t goal = 0;           ///< lastHeapGoal: the goal this cycle paced toward
  std::uint64_t trigger = 0;        ///< the trigger the cycle started at
  std::uint64_t assist_work = 0;    ///< scan bytes done by mutator assists
  std::uint64_t bg_work = 0;        ///< scan bytes done by the background worker
  std::uint64_t assist_cpu_us = 0;  ///< modelled CPU time of the assists
  std::uint64_t bg_cpu_us = 0;      ///< modelled CPU time of the background worker
  std::uint32_t util_percent = 0;   ///< GC CPU since the start / all CPU (gc_cpu_fraction)
  bool forced = false;              ///< runtime.GC
  bool memory_limited = false;      ///< the memory limit set the goal
};

struct State {
  Phase phase = Phase::kOff;
  std::uint64_t tick = 0;
  std::int64_t gogc = 100;
  std::uint64_t memory_limit = kNoLimit;
  std::uint64_t reachable = 0;    ///< bytes the program still holds
  std::uint64_t heap_live = 0;    ///< heapLive: marked + allocated since the last mark
  std::uint64_t heap_marked = 0;  ///< heapMarked: bytesMarked of the last cycle
  std::uint64_t goal = 0;         ///< heapGoal() now
  std::uint64_t trigger = 0;      ///< trigger() now
  std::uint64_t trigger_lower = 0;
  std::uint64_t trigger_upper = 0;
  bool memory_limited = false;
  std::uint64_t runway = 0;
  std::uint64_t total_alloc = 0;  ///< heap bytes allocated since the start
  std::uint64_t total_stack_alloc = 0;
  std::uint32_t numgc = 0;
  std::uint64_t gc_cpu_us = 0;  ///< GC CPU time of every finished cycle (work.totaltime)
  // The cycle in progress (phase kMark) or the last one finished.
  CycleRecord cycle;
  std::uint64_t scan_remaining = 0;     ///< scan work left in this cycle
  std::uint64_t marked = 0;             ///< bytes marked so far this cycle
  std::uint64_t assist_ratio_1024 = 0;  ///< assistWorkPerByte × 1024 this tick
  std::uint64_t last_assist = 0;        ///< assist work charged in the last tick
  // Progress through the script.
  std::int32_t pc = 0;
  std::uint32_t sub = 0;  ///< ticks done in the current run op
};

}  // namespace gs::pacer
