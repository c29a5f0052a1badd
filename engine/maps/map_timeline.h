// The maps topic's keyframe policy. A map's state is its whole bucket array, so a keyframe
// every 32 steps of a 1,000,000-key map would need tens of gigabytes. Here a keyframe is taken
// when at least kMinKeyframeInterval steps have passed AND the steps since the last one "paid"
// for its size at kKeyframeBytesPerStep bytes each. Keyframe memory is then at most
// ~kKeyframeBytesPerStep × steps (plus one state), and a seek replays at most
// max(kMinKeyframeInterval, state bytes / kKeyframeBytesPerStep) steps.
#pragma once

#include <cstddef>

#include "engine/core/timeline.h"

namespace gs::maps {

// The policy lives in engine/core/timeline.h; the scheduler's channel scenarios use it too.
template <class Model>
using SizedKeyframes = gs::SizedKeyframes<Model>;

template <class Model>
using MapTimeline = Timeline<Model, SizedKeyframes<Model>>;

}  // namespace gs::maps
