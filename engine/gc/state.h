// Tri-color marking: the value-type state of one heap, its roots and the collector.
// Colors follow mgc.go: white = mark bit clear; grey = marked and queued; black = marked and
// scanned. The runtime stores only mark bits; we keep the color explicitly for drawing.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gs::gc {

inline constexpr std::int32_t kNil = -1;

enum class Color : std::uint8_t { kWhite, kGrey, kBlack };

/// gcphase plus the stop-the-world windows around it.
enum class Phase : std::uint8_t {
  kOff,               ///< _GCoff, no cycle running (mutator only)
  kSweepTermination,  ///< gcStart: world stopped, preparing the cycle
  kMark,              ///< _GCmark: concurrent mark, write barrier on
  kMarkTermination,   ///< _GCmarktermination: world stopped, barrier still on
  kSweep,             ///< _GCoff again: concurrent sweep frees what stayed white
};

enum class Barrier : std::uint8_t {
  kNone,      ///< no barrier at all (to see what goes wrong)
  kDijkstra,  ///< insertion: shade the new pointer
  kYuasa,     ///< deletion: shade the old value of the slot
  kHybrid,    ///< Go 1.8 design: shade old; shade new while the writer's stack is unscanned
  kGo,        ///< what gcWriteBarrier/wbBufFlush1 do today: shade old and new
};

enum class RootKind : std::uint8_t { kGlobal, kStack };

std::string_view ColorName(Color c);
std::string_view PhaseName(Phase p);
std::string_view BarrierName(Barrier b);
bool ParseBarrier(std::string_view s, Barrier* out);
/// Stop-the-world phases: the mutator does not run.
inline bool IsStopTheWorld(Phase p) {
  return p == Phase::kSweepTermination || p == Phase::kMarkTermination;
}
/// setGCPhase: the barrier is enabled exactly during mark and mark termination.
inline bool BarrierEnabled(Phase p) {
  return p == Phase::kMark || p == Phase::kMarkTermination;
}

struct Object {
  bool live = false;    ///< allocated and not yet freed
  bool freed = false;   ///< swept away (an object that was never allocated is neither)
  bool noscan = false;  ///< pointer-free span class: greyobject blackens it at once
  Color color = Color::kWhite;
  std::vector<std::int32_t> fields;  ///< pointer fields: object index or kNil
};

struct Root {
  std::vector<std::int32_t> slots;  ///< object index or kNil
  bool scanned = false;             ///< markroot has scanned it this cycle
};

/// One buffered write-barrier record, as in wbBuf (mwbbuf.go): pointers to shade later.
struct WbRecord {
  std::int32_t obj = kNil;
  bool deletion_half = false;
};

/// An edge named by its source: an object field or a root slot.
struct EdgeRef {
  bool from_root = false;
  std::int32_t from = kNil;  ///< object or root index
  std::int32_t slot = 0;     ///< field or slot index
  std::int32_t to = kNil;
  friend bool operator==(const EdgeRef&, const EdgeRef&) = default;
};

struct State {
  Phase phase = Phase::kOff;
  std::uint32_t cycle = 0;  ///< completed GC cycles
  std::vector<Object> objects;
  std::vector<Root> roots;
  std::vector<std::int32_t> grey_queue;  ///< a workbuf: put pushes, tryGet pops the top
  std::vector<std::int32_t> root_jobs;   ///< markroot jobs not yet run, in job order
  std::vector<WbRecord> wb_buf;
  std::vector<EdgeRef> strong_violations;  ///< black → white edges now present
  std::vector<EdgeRef> weak_violations;    ///< black → white edges with no grey protection
  std::uint32_t objects_scanned = 0;       ///< scanobject calls this cycle
  std::uint32_t stw_rescan_work = 0;       ///< objects scanned while the world was stopped

  // Progress through the script.
  std::int32_t pc = 0;         ///< next expanded op
  std::int32_t sub = 0;        ///< step within a multi-step op
  std::int32_t remaining = 0;  ///< units left for "mark n"
  std::int32_t cursor = 0;     ///< sweep / rescan position
};

}  // namespace gs::gc
