// MapsRun: a loaded map scenario with its timeline (the app's map view reads this).
#pragma once

#include <memory>
#include <span>
#include <string>

#include "engine/core/topic_run.h"
#include "engine/maps/map_timeline.h"
#include "engine/maps/model.h"

namespace gs::maps {

using MapsTimeline = MapTimeline<MapModel>;

class MapsRun final : public TopicRun<MapModel, Program, SizedKeyframes<MapModel>> {
 public:
  using TopicRun::TopicRun;

  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;
};

/// Narration of one step's events (exposed for tests); `op` picks the runtime function.
Narration NarrateForOp(const Program& p, std::span<const Event> events, OpCode op);
Narration NarrateEvents(const Program& p, std::span<const Event> events);
/// One terse line per event in `lang`, e.g. "insert 7 at b3[2] tophash 0xa1" (en is also the
/// machine form used by --json).
std::string EventLine(const Program& p, const Event& e, Lang lang);
/// "0x%016x".
std::string HexHash(std::uint64_t h);

}  // namespace gs::maps
