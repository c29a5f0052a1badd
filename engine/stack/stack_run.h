// StackRun: a loaded stack scenario with its timeline (the app's stack view reads this).
#pragma once

#include <memory>
#include <span>

#include "engine/core/topic_run.h"
#include "engine/stack/model.h"

namespace gs::stack {

/// Keyframes for stack states. A step is cheap to replay (it writes a frame's words), while a
/// deep stack's state is big (16 bytes per word kept), so a keyframe is taken when the steps
/// since the last one paid 1 KiB each for its size: keyframes hold about 1 KiB per step, and
/// a seek replays at most state bytes / 1 KiB steps (about 2,000 for a 1 MiB stack).
struct StackKeyframes {
  static constexpr std::size_t kMinKeyframeInterval = 32;
  static constexpr std::size_t kKeyframeBytesPerStep = 1024;
  static bool Take(std::size_t steps_since_last, const State& state) {
    return steps_since_last >= kMinKeyframeInterval &&
           steps_since_last * kKeyframeBytesPerStep >= StackModel::StateBytes(state);
  }
};

class StackRun final : public TopicRun<StackModel, Program, StackKeyframes> {
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
