// SchedRun: a loaded GMP scenario with its timeline (the app's scheduler view reads this).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/core/topic_run.h"
#include "engine/sched/model.h"

namespace gs::sched {

class SchedRun final : public TopicRun<SchedModel, Program, SizedKeyframes<SchedModel>> {
 public:
  using TopicRun::TopicRun;

  /// Builds the timeline, then the label table and the per-P lanes.
  StepResult Build();

  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;
  /// A run op stops after `step` with "events": its steps up to and including `step`; the
  /// other ops are one step each, so they are whole already.
  Json CutOpAt(const Json& op, std::size_t step) const override;

  /// "w3" for the 4th goroutine started with name "w"; "main"; "g17" when unnamed.
  const std::string& Label(std::int32_t goid) const;
  /// Goroutines ever created in the run (goids 1..GoroutineCount()).
  std::size_t GoroutineCount() const { return m_labels.size(); }
  /// Simulated time (µs) after `step`.
  std::int64_t TimeAt(std::size_t step) const { return m_times[step]; }
  /// The goid running on P `p` after `step` (kNone: none); p < MaxProcs().
  std::int32_t LaneAt(std::size_t step, std::int32_t p) const {
    return m_lanes[step * std::size_t(m_max_procs) + std::size_t(p)];
  }
  std::int32_t MaxProcs() const { return m_max_procs; }

 private:
  std::vector<std::string> m_labels;  // index = goid - 1
  std::vector<std::int64_t> m_times;
  std::vector<std::int32_t> m_lanes;
  std::int32_t m_max_procs = 1;
};

/// Narration of one step's events (exposed for tests).
/// `before` / `after`: the states around the step, when known (channel indexes, the served
/// order of woken goroutines).
Narration NarrateEvents(const SchedRun& run, std::span<const Event> events,
                        const State* before = nullptr, const State* after = nullptr);
/// One terse line per event, e.g. "P0/M0 runs w9 (runnext, inherits slice)".
/// One short line for the event, in `lang` (en is also the machine form used by --json).
std::string EventLine(const SchedRun& run, const Event& e, Lang lang);

}  // namespace gs::sched
