// GcRun: a loaded tri-color scenario with its timeline (the app's GC view reads this).
#pragma once

#include <memory>

#include "engine/core/topic_run.h"
#include "engine/gc/model.h"

namespace gs::gc {

class GcRun final : public TopicRun<GcModel, Program> {
 public:
  using TopicRun::TopicRun;

  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;
};

/// Narration of one step's events (exposed for tests).
Narration NarrateEvents(const Program& p, std::span<const Event> events);
/// One terse line per event, e.g. "shade B white->grey (scan)".
/// One short line for the event, in `lang` (en is also the machine form used by --json).
std::string EventLine(const Program& p, const Event& e, Lang lang);

}  // namespace gs::gc
