// PacerModel: one tick of an allocating program under Go 1.19's pacer (the Timeline's Model).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/core/timeline.h"
#include "engine/pacer/events.h"
#include "engine/pacer/program.h"
#include "engine/pacer/state.h"

namespace gs::pacer {

class PacerModel {
 public:
  using State = pacer::State;
  using Event = pacer::Event;

  explicit PacerModel(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}

  /// gcControllerState.init: heapMarked = 0, so the first goal is heapMinimum.
  State Initial() const;
  /// One tick of a run op, or one whole drop / setting / runtime.GC op.
  StepResult Step(State& s, std::vector<Event>& out) const;
  std::uint64_t Hash(const State& s) const;
  static std::size_t StateBytes(const State&) { return sizeof(State); }
  const Program& Prog() const { return *m_program; }

 private:
  void Tick(State& s, const Op& op, std::vector<Event>& out) const;
  void StartCycle(State& s, bool forced, std::vector<Event>& out) const;
  void MarkTermination(State& s, std::vector<Event>& out) const;
  void ForcedGc(State& s, std::vector<Event>& out) const;
  /// commit + trigger: the goal and trigger for the current counters.
  void Commit(State& s, std::vector<Event>* out) const;

  std::shared_ptr<const Program> m_program;
};

/// True while the world-visible counters obey the pacer's invariants (trigger ≤ goal,
/// marked ≤ live, reachable ≤ live); tests call it after every step.
bool PacerInvariantsHold(const State& s);

}  // namespace gs::pacer
