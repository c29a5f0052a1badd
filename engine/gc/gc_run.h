// GcRun: a loaded tri-color scenario with its timeline (the app's GC view reads this).
#pragma once

#include <memory>

#include "engine/core/run.h"
#include "engine/core/timeline.h"
#include "engine/gc/model.h"

namespace gs::gc {

class GcRun final : public Run {
 public:
  GcRun(Envelope env, std::shared_ptr<const Program> program)
      : Run(std::move(env)), m_program(program), m_timeline(GcModel(std::move(program))) {}

  StepResult Build() { return m_timeline.Build(); }

  std::size_t StepCount() const override { return m_timeline.StepCount(); }
  std::uint64_t Hash(std::size_t step) const override { return m_timeline.Hash(step); }
  int OpIndex(std::size_t step) const override { return m_timeline.OpIndex(step); }
  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;

  const Timeline<GcModel>& GetTimeline() const { return m_timeline; }
  const Program& Prog() const { return *m_program; }

 private:
  std::shared_ptr<const Program> m_program;
  Timeline<GcModel> m_timeline;
};

/// Narration of one step's events (exposed for tests).
Narration NarrateEvents(const Program& p, std::span<const Event> events);
/// One terse line per event, e.g. "shade B white->grey (scan)".
std::string EventLine(const Program& p, const Event& e);

}  // namespace gs::gc
