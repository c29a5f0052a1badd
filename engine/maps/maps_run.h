// MapsRun: a loaded map scenario with its timeline (the app's map view reads this).
#pragma once

#include <memory>
#include <span>
#include <string>

#include "engine/core/run.h"
#include "engine/maps/map_timeline.h"
#include "engine/maps/model.h"

namespace gs::maps {

using MapsTimeline = MapTimeline<MapModel>;

class MapsRun final : public Run {
 public:
  MapsRun(Envelope env, std::shared_ptr<const Program> program)
      : Run(std::move(env)), m_program(program), m_timeline(MapModel(std::move(program))) {}

  StepResult Build() { return m_timeline.Build(); }

  std::size_t StepCount() const override { return m_timeline.StepCount(); }
  std::uint64_t Hash(std::size_t step) const override { return m_timeline.Hash(step); }
  int OpIndex(std::size_t step) const override { return m_timeline.OpIndex(step); }
  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;

  const MapsTimeline& GetTimeline() const { return m_timeline; }
  const Program& Prog() const { return *m_program; }

 private:
  std::shared_ptr<const Program> m_program;
  MapsTimeline m_timeline;
};

/// Narration of one step's events (exposed for tests); `op` picks the runtime function.
Narration NarrateForOp(const Program& p, std::span<const Event> events, OpCode op);
Narration NarrateEvents(const Program& p, std::span<const Event> events);
/// One terse line per event, e.g. "insert 7 -> bucket 3[2] tophash 0xa1".
std::string EventLine(const Program& p, const Event& e, Lang lang);
/// "0x%016x".
std::string HexHash(std::uint64_t h);

}  // namespace gs::maps
