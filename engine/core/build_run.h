// The last step every topic loader shares: build the timeline and turn a script op that
// cannot run into a diagnostic at that op.
#pragma once

#include "engine/core/checker.h"
#include "engine/core/timeline.h"

namespace gs {

/// Builds `run`'s timeline (RunT has StepResult Build()). On a script error reports it at
/// /script/<op> and returns false.
template <class RunT>
bool BuildTimeline(RunT& run, Checker& checker) {
  StepResult r = run.Build();
  if (r.kind != StepResult::Kind::kError) return true;
  checker.Error(r.op_index >= 0 ? Checker::Child("/script", std::size_t(r.op_index)) : "",
                r.message);
  return false;
}

}  // namespace gs
