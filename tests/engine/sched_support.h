// Helpers for the scheduler engine tests: find events in a finished timeline.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/sched/sched_run.h"

namespace gs::sched::test {

/// Every event of `kind`, in step order.
inline std::vector<Event> AllEvents(const SchedRun& run, EventKind kind) {
  std::vector<Event> out;
  for (std::size_t s = 0; s < run.StepCount(); ++s) {
    for (const Event& e : run.GetTimeline().Events(s)) {
      if (e.kind == kind) out.push_back(e);
    }
  }
  return out;
}

/// The first step with an event of `kind` (0: none).
inline std::size_t FirstStepWith(const SchedRun& run, EventKind kind) {
  for (std::size_t s = 0; s < run.StepCount(); ++s) {
    for (const Event& e : run.GetTimeline().Events(s)) {
      if (e.kind == kind) return s;
    }
  }
  return 0;
}

}  // namespace gs::sched::test
