// TrieRun: a loaded "syncmap" scenario whose go_version is 1.24 or later: sync.Map as
// internal/sync.HashTrieMap, with its timeline; the app's trie view reads it.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/core/topic_run.h"
#include "engine/syncmap/trie_model.h"

namespace gs::syncmap {

class TrieRun final : public TopicRun<TrieModel, Program> {
 public:
  using TopicRun::TopicRun;

  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;
};

/// What one op's events did, with the HashTrieMap function that did it (exposed for tests).
Narration NarrateTrieOp(const Program& p, std::span<const TrieEvent> events);
/// One terse line per event, e.g. "g2 Load \"a\": root[3] -> entry".
std::string TrieEventLine(const Program& p, const TrieEvent& e, Lang lang);
/// "root" (zh "根") for node 0, "n<id>" for the others.
std::string TrieNodeName(std::int32_t node, Lang lang = Lang::kEn);
/// "0x%016x".
std::string TrieHex(std::uint64_t h);

}  // namespace gs::syncmap
