// StackRun: a loaded stack scenario with its timeline (the app's stack view reads this).
#pragma once

#include <memory>
#include <span>

#include "engine/core/topic_run.h"
#include "engine/stack/model.h"

namespace gs::stack {

class StackRun final : public TopicRun<StackModel, Program, SizedKeyframes<StackModel>> {
 public:
  using TopicRun::TopicRun;

  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;

  /// The go_source line highlighted at `step` (1-based; 0 = none).
  int SourceLine(std::size_t step) const;
  /// The step belongs to a program op (not the runtime's `gc`) that names no source line, as
  /// recorded ops do: the source panel cannot point at it.
  bool LacksSourceLine(std::size_t step) const;
};

/// Narration of one step's events (exposed for tests).
Narration NarrateEvents(const Program& p, std::span<const Event> events);
/// One terse line per event, e.g. "zero b.v @0xc0000607e8 (stale a.x=42)".
/// One short line for the event, in `lang` (en is also the machine form used by --json).
std::string EventLine(const Program& p, const Event& e, Lang lang);
/// "0xc000060000".
std::string HexAddr(std::uint64_t v);
/// What the runtime prints for a kOverflow event, the three lines of newstack's throw.
std::string OverflowText(const Event& e);
/// The name of what lives at `addr` in state `s` (a variable, a frame slot, a heap object).
std::string DescribeAddr(const Program& p, const State& s, std::uint64_t addr);

}  // namespace gs::stack
