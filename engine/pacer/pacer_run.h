// PacerRun: a loaded pacer scenario with its timeline, plus the per-step heap samples and the
// finished cycles the pacer view plots.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/core/topic_run.h"
#include "engine/pacer/model.h"

namespace gs::pacer {

/// The plot's numbers after one step.
struct Sample {
  std::uint64_t tick = 0;
  std::uint64_t heap_live = 0;
  std::uint64_t reachable = 0;
  std::uint64_t goal = 0;
  std::uint64_t trigger = 0;
  std::uint64_t memory_limit = 0;  ///< kNoLimit: none
  std::uint64_t assist = 0;        ///< assist scan bytes charged in this step
  bool marking = false;
  bool memory_limited = false;
};

/// A finished cycle, where it lies on the timeline, and its gctrace line.
struct CycleSpan {
  CycleRecord record;
  std::size_t start_step = 0;  ///< the step whose allocation (or runtime.GC) started it
  std::size_t end_step = 0;    ///< the step of gcMarkTermination
  std::string gctrace;
};

class PacerRun final : public TopicRun<PacerModel, Program> {
 public:
  using TopicRun::TopicRun;

  /// Runs the model, then records a sample per step and every finished cycle.
  StepResult Build();

  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;

  const std::vector<Sample>& Samples() const { return m_samples; }
  const std::vector<CycleSpan>& Cycles() const { return m_cycles; }
  /// The largest heap size any sample reaches, goal and trigger included when finite.
  std::uint64_t PeakBytes() const { return m_peak; }

 private:
  std::vector<Sample> m_samples;
  std::vector<CycleSpan> m_cycles;
  std::uint64_t m_peak = 0;
};

/// Narration of one step's events (exposed for tests).
Narration NarrateEvents(const Program& p, std::span<const Event> events);
/// One terse line per event in `lang`, e.g. "alloc 512 KiB → heapLive 12.5 MiB".
std::string EventLine(const Program& p, const Event& e, Lang lang);
/// "12.5 MiB" (one decimal), "768 KiB" below 1 MiB, "∞" for no limit.
std::string Bytes(std::uint64_t b);

}  // namespace gs::pacer
