// StackRun: a loaded stack scenario with its timeline (the app's stack view reads this).
#pragma once

#include <memory>
#include <span>

#include "engine/core/run.h"
#include "engine/core/timeline.h"
#include "engine/stack/model.h"

namespace gs::stack {

class StackRun final : public Run {
 public:
  StackRun(Envelope env, std::shared_ptr<const Program> program)
      : Run(std::move(env)), m_program(program), m_timeline(StackModel(std::move(program))) {}

  StepResult Build() { return m_timeline.Build(); }

  std::size_t StepCount() const override { return m_timeline.StepCount(); }
  std::uint64_t Hash(std::size_t step) const override { return m_timeline.Hash(step); }
  int OpIndex(std::size_t step) const override { return m_timeline.OpIndex(step); }
  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;

  const Timeline<StackModel>& GetTimeline() const { return m_timeline; }
  const Program& Prog() const { return *m_program; }
  /// The go_source line highlighted at `step` (1-based; 0 = none).
  int SourceLine(std::size_t step) const;

 private:
  std::shared_ptr<const Program> m_program;
  Timeline<StackModel> m_timeline;
};

/// Narration of one step's events (exposed for tests).
Narration NarrateEvents(const Program& p, std::span<const Event> events);
/// One terse line per event, e.g. "zero b.v @0xc0000607e8 (stale a.x=42)".
std::string EventLine(const Program& p, const Event& e);
/// "0xc000060000".
std::string HexAddr(std::uint64_t v);
/// The name of what lives at `addr` in state `s` (a variable, a frame slot, a heap object).
std::string DescribeAddr(const Program& p, const State& s, std::uint64_t addr);

}  // namespace gs::stack
