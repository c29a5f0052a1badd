// What a tri-color step did. The app draws from these (badges, fades); the narration and
// the trace are generated from them.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/gc/state.h"

namespace gs::gc {

enum class EventKind : std::uint8_t {
  kStopTheWorld,
  kStartTheWorld,
  kPhase,            ///< phase: the new phase
  kRootJobsQueued,   ///< count: markroot jobs prepared by gcMarkRootPrepare
  kScanRoot,         ///< root
  kShade,            ///< obj, from → to, cause (greyobject)
  kAlreadyShaded,    ///< obj, from, cause: a barrier or flush found it already marked
  kScanObject,       ///< obj (scanobject)
  kBlacken,          ///< obj grey → black after its scan
  kBarrier,          ///< barrier mode; the store it guards (obj/field or root/slot, old, new)
  kWbEnqueue,        ///< obj, cause: recorded in the per-P wbBuf
  kWbFlush,          ///< count: records flushed by wbBufFlush1
  kWrite,            ///< obj.field: old → new
  kRootWrite,        ///< root.slot: old → new (load or set)
  kAlloc,            ///< obj allocated with color `to`, pointer stored in root.slot
  kMarkDoneWork,     ///< gcMarkDone found work left and keeps draining
  kRescanStack,      ///< root: STW stack re-scan at mark termination (Dijkstra only)
  kFree,             ///< obj freed by sweepone
  kDangling,         ///< obj freed while reachable; path = root, objects...
  kSweepDone,        ///< count: objects freed this cycle
  kNoWork,           ///< gcDrain found nothing to do
  kStrongViolation,  ///< edge: a black object (or scanned root) points to a white one
  kWeakViolation,    ///< edge: ... and no grey object protects the white one
};

enum class ShadeCause : std::uint8_t {
  kRootScan,   ///< markroot found it in a root
  kScan,       ///< scanobject found it in a field
  kInsertion,  ///< insertion half of a barrier (the new pointer)
  kDeletion,   ///< deletion half of a barrier (the old pointer)
  kRescan,     ///< STW stack re-scan
  kAlloc,      ///< born black (gcmarknewobject)
};

struct Event {
  EventKind kind = EventKind::kNoWork;
  Phase phase = Phase::kOff;
  Color from = Color::kWhite;
  Color to = Color::kWhite;
  ShadeCause cause = ShadeCause::kScan;
  Barrier barrier = Barrier::kNone;
  bool on_root = false;  ///< kBarrier: the guarded store is to a root slot
  std::int32_t obj = kNil;
  std::int32_t field = 0;
  std::int32_t root = kNil;
  std::int32_t old_value = kNil;
  std::int32_t new_value = kNil;
  std::int32_t count = 0;
  EdgeRef edge;
  std::vector<std::int32_t> path;  ///< kDangling: [root, obj, obj, ...]
};

}  // namespace gs::gc
