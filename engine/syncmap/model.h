// SyncMapModel: one sync.Map operation per step (the timeline's Model), following Go 1.19's
// src/sync/map.go function by function.
#pragma once

#include <memory>
#include <vector>

#include "engine/core/timeline.h"
#include "engine/syncmap/events.h"
#include "engine/syncmap/program.h"
#include "engine/syncmap/state.h"

namespace gs::syncmap {

class SyncMapModel {
 public:
  using State = SyncMapState;
  using Event = syncmap::Event;

  explicit SyncMapModel(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}

  State Initial() const;
  StepResult Step(State& s, std::vector<Event>& out) const;
  std::uint64_t Hash(const State& s) const;
  const Program& Prog() const { return *m_program; }

 private:
  std::shared_ptr<const Program> m_program;
};

/// Applies one op to `s` (exposed for rule tests).
void ApplyOp(const Op& op, SyncMapState& s, std::vector<Event>& out);

}  // namespace gs::syncmap
