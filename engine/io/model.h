// IoModel: the Timeline's Model for the io topic. One step is one simulated instant: the
// packets that arrive then, and what every lane's threads do then.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/core/timeline.h"
#include "engine/io/events.h"
#include "engine/io/program.h"
#include "engine/io/state.h"

namespace gs::io {

class IoModel {
 public:
  using State = io::State;
  using Event = io::Event;

  explicit IoModel(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}

  State Initial() const;
  /// Advances to the next instant something happens in any lane and applies it.
  StepResult Step(State& s, std::vector<Event>& out) const;
  std::uint64_t Hash(const State& s) const;
  static std::size_t StateBytes(const State& s);
  const Program& Prog() const { return *m_program; }

 private:
  std::shared_ptr<const Program> m_program;
};

/// The earliest time > or = now at which something is due in `w` (-1: nothing ever).
std::int64_t NextDue(const Program& p, const World& w, std::int64_t now);

}  // namespace gs::io
