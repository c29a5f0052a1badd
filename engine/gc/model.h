// GcModel: one micro-step of tri-color marking at a time (the Timeline's Model).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/core/timeline.h"
#include "engine/gc/events.h"
#include "engine/gc/program.h"
#include "engine/gc/state.h"

namespace gs::gc {

class GcModel {
 public:
  using State = gc::State;
  using Event = gc::Event;

  explicit GcModel(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}

  State Initial() const;
  /// Applies one visible step of the script and evaluates the invariants after it.
  StepResult Step(State& s, std::vector<Event>& out) const;
  std::uint64_t Hash(const State& s) const;
  /// Bytes a copy of `s` owns (keyframe policy, benchmark reports).
  static std::size_t StateBytes(const State& s);
  const Program& Prog() const { return *m_program; }

 private:
  struct Outcome {
    bool stepped = false;   ///< a visible step happened
    bool finished = false;  ///< the op is complete
    std::string error;      ///< non-empty: the op cannot run here
  };

  Outcome Exec(State& s, const Op& op, std::vector<Event>& out) const;
  Outcome ExecGcStart(State& s, std::vector<Event>& out) const;
  Outcome ExecMarkTermination(State& s, std::vector<Event>& out) const;
  Outcome ExecSweep(State& s, std::vector<Event>& out) const;
  Outcome ExecStore(State& s, const Op& op, std::vector<Event>& out) const;
  Outcome ExecAlloc(State& s, const Op& op, std::vector<Event>& out) const;

  bool MarkUnit(State& s, std::vector<Event>& out) const;
  void ScanRoot(State& s, std::int32_t root, ShadeCause cause, std::vector<Event>& out) const;
  void ScanObject(State& s, std::int32_t obj, std::vector<Event>& out) const;
  /// Applies the configured barrier for a store of `new_value` over `old_value`.
  void RunBarrier(State& s, const Op& op, std::int32_t old_value, std::int32_t new_value,
                  std::vector<Event>& out) const;
  void FlushWbBuf(State& s, std::vector<Event>& out) const;
  void UpdateInvariants(State& s, std::vector<Event>& out) const;

  std::shared_ptr<const Program> m_program;
};

/// greyobject: marks a white object; pointer-free objects go straight to black.
void Shade(State& s, std::int32_t obj, ShadeCause cause, bool report_already,
           std::vector<Event>& out);

}  // namespace gs::gc
