// SchedModel: one scheduling event per step (the Timeline's Model). Quiet time is skipped.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/core/timeline.h"
#include "engine/sched/events.h"
#include "engine/sched/program.h"
#include "engine/sched/state.h"

namespace gs::sched {

class SchedModel {
 public:
  using State = sched::State;
  using Event = sched::Event;

  explicit SchedModel(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}

  State Initial() const;
  /// Advances to the next scheduling event and applies it.
  StepResult Step(State& s, std::vector<Event>& out) const;
  std::uint64_t Hash(const State& s) const;
  /// The bytes a copy of `s` does not share with the original (the goroutines are shared
  /// chunks): run queues, Ms, channels with their buffers and parked sudogs, timers, groups.
  /// The keyframe policy spaces keyframes by it.
  static std::size_t StateBytes(const State& s);
  const Program& Prog() const { return *m_program; }

 private:
  std::shared_ptr<const Program> m_program;
};

}  // namespace gs::sched
