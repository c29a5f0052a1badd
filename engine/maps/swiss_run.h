// SwissRun: a loaded map scenario whose Go version (>= 1.24) or config.model picks the
// Swiss-table model, with its timeline (the app's Swiss view reads this).
#pragma once

#include <memory>
#include <span>
#include <string>

#include "engine/core/topic_run.h"
#include "engine/maps/map_timeline.h"
#include "engine/maps/swiss_model.h"

namespace gs::maps {

using SwissTimeline = MapTimeline<SwissModel>;

class SwissRun final : public TopicRun<SwissModel, Program, SizedKeyframes<SwissModel>> {
 public:
  using TopicRun::TopicRun;

  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;
};

/// Narration of one step's events (exposed for tests).
Narration NarrateSwiss(const Program& p, std::span<const SwissEvent> events, bool ranged);
/// One terse line per event in `lang`, e.g. "insert 7 at t0.g3[2] ctrl 0x21".
std::string SwissEventLine(const Program& p, const SwissEvent& e, Lang lang);

}  // namespace gs::maps
