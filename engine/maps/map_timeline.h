// MapTimeline: the core Timeline's contract (build once, StateAt(n) by replay from a
// keyframe) with a keyframe policy sized for maps. A map's state is its whole bucket array,
// so a keyframe every 32 steps of a 1,000,000-key map would need tens of gigabytes. Here a
// keyframe is taken when at least kMinKeyframeInterval steps have passed AND the steps since
// the last one "paid" for its size at kKeyframeBytesPerStep bytes each. Keyframe memory is
// then at most ~kKeyframeBytesPerStep × steps (plus one state), and a seek replays at most
// max(kMinKeyframeInterval, state bytes / kKeyframeBytesPerStep) steps.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/core/limits.h"
#include "engine/core/timeline.h"

namespace gs::maps {

template <class Model>
class MapTimeline {
 public:
  using State = typename Model::State;
  using Event = typename Model::Event;
  static constexpr std::size_t kMinKeyframeInterval = 32;
  static constexpr std::size_t kKeyframeBytesPerStep = 64;

  explicit MapTimeline(Model model) : m_model(std::move(model)) {}

  /// Runs the model until it is done; on an op error or the step limit returns that error.
  StepResult Build(std::size_t max_steps = limits::kMaxSteps) {
    State state = m_model.Initial();
    m_keyframes.clear();
    m_keyframe_step.clear();
    m_events.clear();
    m_event_begin.assign(1, 0);
    m_op_index.assign(1, -1);
    m_hashes.assign(1, m_model.Hash(state));
    m_keyframes.push_back(state);
    m_keyframe_step.push_back(0);
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
      m_events.insert(m_events.end(), scratch.begin(), scratch.end());
      m_event_begin.push_back(static_cast<std::uint32_t>(m_events.size()));
      m_op_index.push_back(r.op_index);
      m_hashes.push_back(m_model.Hash(state));
      std::size_t step = m_hashes.size() - 1;
      std::size_t since = step - m_keyframe_step.back();
      if (since >= kMinKeyframeInterval &&
          since * kKeyframeBytesPerStep >= Model::StateBytes(state)) {
        m_keyframes.push_back(state);
        m_keyframe_step.push_back(step);
      }
    }
  }

  std::size_t StepCount() const { return m_hashes.size(); }
  std::uint64_t Hash(std::size_t step) const { return m_hashes[step]; }
  int OpIndex(std::size_t step) const { return m_op_index[step]; }
  std::span<const Event> Events(std::size_t step) const {
    return {m_events.data() + m_event_begin[step], m_event_begin[step + 1] - m_event_begin[step]};
  }
  const Model& GetModel() const { return m_model; }
  std::size_t KeyframeCount() const { return m_keyframes.size(); }
  std::size_t KeyframeStep(std::size_t k) const { return m_keyframe_step[k]; }
  /// Bytes held by keyframes, events and per-step arrays (for the benchmark's report).
  std::size_t MemoryBytes() const {
    std::size_t n = 0;
    for (const State& s : m_keyframes) n += Model::StateBytes(s);
    n += m_events.capacity() * sizeof(Event) + m_event_begin.capacity() * 4 +
         m_op_index.capacity() * sizeof(int) + m_hashes.capacity() * 8;
    return n;
  }

  /// The state after `step`, replayed from the nearest keyframe at or before it.
  State StateAt(std::size_t step) const {
    auto it = std::upper_bound(m_keyframe_step.begin(), m_keyframe_step.end(), step);
    std::size_t k = std::size_t(it - m_keyframe_step.begin()) - 1;
    return Advance(m_keyframes[k], m_keyframe_step[k], step);
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

  /// StateAt(n) through keyframes equals stepping from the initial state n times (tests).
  bool SeekMatchesReplay() const {
    State state = m_model.Initial();
    std::vector<Event> sink;
    for (std::size_t i = 0; i < StepCount(); ++i) {
      if (i > 0) {
        sink.clear();
        m_model.Step(state, sink);
      }
      if (m_model.Hash(state) != Hash(i)) return false;
      if (m_model.Hash(StateAt(i)) != Hash(i)) return false;
    }
    return true;
  }

 private:
  Model m_model;
  std::vector<State> m_keyframes;
  std::vector<std::size_t> m_keyframe_step;
  std::vector<Event> m_events;
  std::vector<std::uint32_t> m_event_begin;
  std::vector<int> m_op_index;
  std::vector<std::uint64_t> m_hashes;
};

}  // namespace gs::maps
