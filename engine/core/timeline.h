// Timeline: runs a topic model to completion and lets any step be revisited in O(K).
//
// A Model provides:
//   using State = ...;  using Event = ...;
//   State Initial() const;
//   StepResult Step(State&, std::vector<Event>& out) const;   // one micro-step
//   std::uint64_t Hash(const State&) const;
// States are copyable values. Only every K-th state is stored (a keyframe); StateAt(n) copies
// the nearest keyframe at or before n and replays at most K-1 steps.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/core/limits.h"

namespace gs {

struct StepResult {
  enum class Kind { kStepped, kDone, kError } kind = Kind::kStepped;
  int op_index = -1;    ///< the script op this step belongs to (-1: none)
  std::string message;  ///< for kError: what is wrong with that op
  static StepResult Stepped(int op) { return {Kind::kStepped, op, {}}; }
  static StepResult Done() { return {Kind::kDone, -1, {}}; }
  static StepResult Error(int op, std::string msg) { return {Kind::kError, op, std::move(msg)}; }
};

template <class Model>
class Timeline {
 public:
  using State = typename Model::State;
  using Event = typename Model::Event;
  static constexpr std::size_t kKeyframeInterval = 32;

  explicit Timeline(Model model) : m_model(std::move(model)) {}

  /// Runs the model until it is done. On an op error or the step limit, returns that error
  /// (the steps before it are kept).
  StepResult Build(std::size_t max_steps = limits::kMaxSteps) {
    State state = m_model.Initial();
    m_keyframes.clear();
    m_events.clear();
    m_event_begin.assign(1, 0);
    m_op_index.assign(1, -1);
    m_hashes.assign(1, m_model.Hash(state));
    m_keyframes.push_back(state);
    m_event_begin.push_back(0);
    std::vector<Event> scratch;
    while (true) {
      scratch.clear();
      StepResult r = m_model.Step(state, scratch);
      if (r.kind != StepResult::Kind::kStepped) return r;
      if (m_hashes.size() >= max_steps) {
        return StepResult::Error(r.op_index, "the timeline reached the limit kMaxSteps = " +
                                                 std::to_string(max_steps) + " steps");
      }
      for (auto& e : scratch) m_events.push_back(std::move(e));
      m_event_begin.push_back(static_cast<std::uint32_t>(m_events.size()));
      m_op_index.push_back(r.op_index);
      m_hashes.push_back(m_model.Hash(state));
      if ((m_hashes.size() - 1) % kKeyframeInterval == 0) m_keyframes.push_back(state);
    }
  }

  /// Number of states: step 0 is the initial state, steps 1..StepCount()-1 each apply one op.
  std::size_t StepCount() const { return m_hashes.size(); }
  std::uint64_t Hash(std::size_t step) const { return m_hashes[step]; }
  int OpIndex(std::size_t step) const { return m_op_index[step]; }
  std::span<const Event> Events(std::size_t step) const {
    return {m_events.data() + m_event_begin[step], m_event_begin[step + 1] - m_event_begin[step]};
  }
  const Model& GetModel() const { return m_model; }
  std::size_t KeyframeCount() const { return m_keyframes.size(); }

  /// The state after `step`, replayed from the nearest keyframe.
  State StateAt(std::size_t step) const {
    std::size_t k = step / kKeyframeInterval;
    State state = m_keyframes[k];
    std::vector<Event> sink;
    for (std::size_t s = k * kKeyframeInterval; s < step; ++s) {
      sink.clear();
      m_model.Step(state, sink);
    }
    return state;
  }

 private:
  Model m_model;
  std::vector<State> m_keyframes;
  std::vector<Event> m_events;
  std::vector<std::uint32_t> m_event_begin;  // events of step s: [begin[s], begin[s+1])
  std::vector<int> m_op_index;
  std::vector<std::uint64_t> m_hashes;
};

}  // namespace gs
