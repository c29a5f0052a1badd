// Helpers for the Swiss-map engine tests: run a Program (built with test::Prog) on the
// Swiss model step by step.
#pragma once

#include <string>
#include <vector>

#include "engine/maps/swiss_model.h"
#include "tests/engine/maps_support.h"

namespace gs::maps::test {

struct SwissStepRecord {
  int op = -1;
  std::vector<SwissEvent> events;
};

struct SwissRunner {
  SwissModel model;
  SwissState state;
  std::vector<SwissStepRecord> steps;
  std::string error;

  explicit SwissRunner(const Prog& prog) : model(prog.p), state(model.Initial()) {}

  /// Steps until done or error; keeps every step's events. Returns the steps taken.
  std::size_t RunAll() {
    std::size_t n = 0;
    std::vector<SwissEvent> out;
    while (true) {
      out.clear();
      StepResult r = model.Step(state, out);
      if (r.kind == StepResult::Kind::kDone) return n;
      if (r.kind == StepResult::Kind::kError) {
        error = r.message;
        return n;
      }
      ++n;
      steps.push_back({r.op_index, out});
    }
  }
  std::vector<SwissEvent> EventsOfOp(int op) const {
    std::vector<SwissEvent> all;
    for (const auto& s : steps) {
      if (s.op == op) all.insert(all.end(), s.events.begin(), s.events.end());
    }
    return all;
  }
};

inline int CountSwiss(const std::vector<SwissEvent>& ev, SwissEventKind k) {
  int n = 0;
  for (const SwissEvent& e : ev) n += e.kind == k;
  return n;
}

/// A hash whose H1 picks group `group` (of a table with enough groups) and whose H2 is `h2`;
/// `top` sets the top bits (the directory index / split bit).
inline std::uint64_t HashFor(std::uint64_t group, std::uint8_t h2, std::uint64_t top = 0) {
  return top << 60 | group << 7 | h2;
}

}  // namespace gs::maps::test
