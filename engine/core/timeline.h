// Timeline: runs a topic model to completion and lets any step be revisited cheaply.
//
// A Model provides:
//   using State = ...;  using Event = ...;
//   State Initial() const;
//   StepResult Step(State&, std::vector<Event>& out) const;   // one micro-step
//   std::uint64_t Hash(const State&) const;
// States are copyable values. Only some states are stored (keyframes, chosen by a
// KeyframePolicy); StateAt(n) copies the nearest keyframe at or before n and replays from it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
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

/// The default keyframe policy: a keyframe every 32 steps, so a seek replays at most 31.
struct EveryNSteps {
  static constexpr std::size_t kMinKeyframeInterval = 32;
  template <class State>
  static bool Take(std::size_t steps_since_last, const State&) {
    return steps_since_last >= kMinKeyframeInterval;
  }
};

/// A keyframe policy for big states: a keyframe when at least kMinKeyframeInterval steps have
/// passed AND the steps since the last one "paid" for its size at kKeyframeBytesPerStep bytes
/// each (Model::StateBytes: the bytes a copy does not share). Keyframe memory is then at most
/// ~kKeyframeBytesPerStep × steps (plus one state), and a seek replays at most
/// max(kMinKeyframeInterval, state bytes / kKeyframeBytesPerStep) steps.
template <class Model>
struct SizedKeyframes {
  static constexpr std::size_t kMinKeyframeInterval = 32;
  static constexpr std::size_t kKeyframeBytesPerStep = 64;
  template <class State>
  static bool Take(std::size_t steps_since_last, const State& state) {
    return steps_since_last >= kMinKeyframeInterval &&
           steps_since_last * kKeyframeBytesPerStep >= Model::StateBytes(state);
  }
};

template <class Model, class KeyframePolicy = EveryNSteps>
class Timeline {
 public:
  using State = typename Model::State;
  using Event = typename Model::Event;
  static constexpr std::size_t kMinKeyframeInterval = KeyframePolicy::kMinKeyframeInterval;

  explicit Timeline(Model model) : m_model(std::move(model)) {}

  /// Runs the model until it is done. On an op error or the step limit, returns that error
  /// (the steps before it are kept).
  StepResult Build(std::size_t max_steps = limits::kMaxSteps) {
    State state = m_model.Initial();
    m_cursor.reset();
    m_keyframes.assign(1, state);
    m_keyframe_step.assign(1, 0);
    m_events.clear();
    m_event_begin.assign(2, 0);
    m_op_index.assign(1, -1);
    m_hashes.assign(1, m_model.Hash(state));
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
      const std::size_t step = m_hashes.size() - 1;
      if (KeyframePolicy::Take(step - m_keyframe_step.back(), state)) {
        m_keyframes.push_back(state);
        m_keyframe_step.push_back(step);
      }
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
  std::size_t KeyframeStep(std::size_t k) const { return m_keyframe_step[k]; }

  /// The state after `step`, replayed from the nearest keyframe at or before it, or from the
  /// last state asked for when that is nearer (a trace or a player walking forward replays
  /// one step per call, not up to a keyframe interval).
  State StateAt(std::size_t step) const { return StateRef(step); }

  /// The same state without a copy: valid until the next StateAt / StateRef call on this
  /// timeline (a trace reading each step once stays linear however big the state is).
  const State& StateRef(std::size_t step) const {
    auto it = std::upper_bound(m_keyframe_step.begin(), m_keyframe_step.end(), step);
    const std::size_t k = std::size_t(it - m_keyframe_step.begin()) - 1;
    if (m_cursor && m_cursor_step <= step && m_cursor_step >= m_keyframe_step[k]) {
      if (m_cursor_step != step) {
        *m_cursor = Advance(std::move(*m_cursor), m_cursor_step, step);
        m_cursor_step = step;
      }
      return *m_cursor;
    }
    m_cursor = Advance(m_keyframes[k], m_keyframe_step[k], step);
    m_cursor_step = step;
    return *m_cursor;
  }

  /// `state` (the state after step `from`) stepped forward to `to` >= from: lets a viewer
  /// that already holds step n reach n+1 without a seek.
  State Advance(State state, std::size_t from, std::size_t to) const {
    std::vector<Event> sink;
    for (std::size_t s = from; s < to; ++s) {
      sink.clear();
      m_model.Step(state, sink);
    }
    return state;
  }

  /// StateAt(n) through keyframes equals stepping from the initial state n times, for every
  /// step (tests).
  bool SeekMatchesReplay() const {
    State state = m_model.Initial();
    std::vector<Event> sink;
    for (std::size_t i = 0; i < StepCount(); ++i) {
      if (i > 0) {
        sink.clear();
        m_model.Step(state, sink);
      }
      if (m_model.Hash(state) != Hash(i) || m_model.Hash(StateAt(i)) != Hash(i)) return false;
    }
    return true;
  }

  /// Bytes held by keyframes, events and per-step arrays (benchmark reports; needs
  /// Model::StateBytes).
  std::size_t MemoryBytes() const {
    std::size_t n = 0;
    for (const State& s : m_keyframes) n += Model::StateBytes(s);
    n += m_events.capacity() * sizeof(Event) + m_event_begin.capacity() * 4 +
         m_op_index.capacity() * sizeof(int) + m_hashes.capacity() * 8 +
         m_keyframe_step.capacity() * sizeof(std::size_t);
    return n;
  }

 private:
  Model m_model;
  std::vector<State> m_keyframes;
  std::vector<std::size_t> m_keyframe_step;  // ascending; m_keyframe_step[0] == 0
  std::vector<Event> m_events;
  std::vector<std::uint32_t> m_event_begin;  // events of step s: [begin[s], begin[s+1])
  std::vector<int> m_op_index;
  std::vector<std::uint64_t> m_hashes;
  // The last state StateAt returned (not shared between threads: one Run per viewer).
  mutable std::optional<State> m_cursor;
  mutable std::size_t m_cursor_step = 0;
};

}  // namespace gs
