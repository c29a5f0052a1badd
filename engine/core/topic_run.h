// TopicRun: what every topic's Run has in common — the loaded program, shared with the model,
// and the timeline built from it, which answers StepCount, Hash and OpIndex. A topic adds its
// narration, event lines, summaries and whatever its view needs.
#pragma once

#include <memory>

#include "engine/core/run.h"
#include "engine/core/timeline.h"

namespace gs {

template <class Model, class Program, class KeyframePolicy = EveryNSteps>
class TopicRun : public Run {
 public:
  using TimelineType = Timeline<Model, KeyframePolicy>;

  TopicRun(Envelope env, std::shared_ptr<const Program> program)
      : Run(std::move(env)), m_program(program), m_timeline(Model(std::move(program))) {}

  /// Runs the model to the end (a topic may extend this with tables its view reads).
  StepResult Build() { return m_timeline.Build(); }

  std::size_t StepCount() const final { return m_timeline.StepCount(); }
  std::uint64_t Hash(std::size_t step) const final { return m_timeline.Hash(step); }
  int OpIndex(std::size_t step) const final { return m_timeline.OpIndex(step); }

  const TimelineType& GetTimeline() const { return m_timeline; }
  const Program& Prog() const { return *m_program; }

 protected:
  std::shared_ptr<const Program> m_program;
  TimelineType m_timeline;
};

}  // namespace gs
