// GcRun: a loaded tri-color scenario with its timeline (the app's GC view reads this).
#pragma once

#include <memory>

#include "engine/core/topic_run.h"
#include "engine/gc/model.h"

namespace gs::gc {

/// Keyframes for heap states. A state copy is about 40 bytes per object (more with its
/// fields) and each step re-checks the invariants over the whole heap, so replaying is not
/// free either: a keyframe is taken when the steps since the last one paid 2 KiB each for its
/// size. Small heaps (a few dozen objects) keep the 32-step floor; a 10,000-object heap keeps
/// about 2 KiB per step and a seek replays at most ~state bytes / 2 KiB steps.
struct GcKeyframes {
  static constexpr std::size_t kMinKeyframeInterval = 32;
  static constexpr std::size_t kKeyframeBytesPerStep = 2048;
  static bool Take(std::size_t steps_since_last, const State& state) {
    return steps_since_last >= kMinKeyframeInterval &&
           steps_since_last * kKeyframeBytesPerStep >= GcModel::StateBytes(state);
  }
};

class GcRun final : public TopicRun<GcModel, Program, GcKeyframes> {
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
