// SyncMapRun: a loaded "syncmap" scenario (sync.Map, Go 1.9 to 1.23) with its timeline; the
// app's sync.Map view reads it.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/core/topic_run.h"
#include "engine/syncmap/model.h"

namespace gs::syncmap {

class SyncMapRun final : public TopicRun<SyncMapModel, Program> {
 public:
  using TopicRun::TopicRun;

  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;
};

/// What one op's events did, with the sync.Map function that did it (exposed for tests).
Narration NarrateOp(const Program& p, std::span<const Event> events);
/// One terse line per event, e.g. "g2 Load \"a\": fast path, no lock".
std::string EventLine(const Program& p, const Event& e, Lang lang);
/// "Load", "Store", "LoadOrStore", "Delete", "Range".
const char* OpFuncName(OpCode c);

}  // namespace gs::syncmap
