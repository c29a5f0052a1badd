// A checked tri-color scenario: names, initial heap, config and the expanded script.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/gc/state.h"

namespace gs::gc {

enum class OpCode : std::uint8_t {
  kGcStart,          ///< gcStart: sweep termination (STW), then the mark phase begins
  kMark,             ///< n units of mark work (a root job or one grey object)
  kMarkObject,       ///< scan one named grey object
  kScanRoot,         ///< run the markroot job of one root
  kMarkAll,          ///< gcDrain until no work remains
  kMarkTermination,  ///< gcMarkDone + gcMarkTermination, then gcSweep starts sweeping
  kSweep,            ///< sweepone until every span is swept
  kAlloc,            ///< mallocgc: new object, its pointer stored in a root slot
  kWrite,            ///< heap write obj.field = to (barriered)
  kLoad,             ///< root slot = obj.field (stack: no barrier)
  kSetRoot,          ///< root slot = to (stack: no barrier; global: barriered)
};

struct Op {
  OpCode code = OpCode::kMark;
  std::int32_t source = 0;     ///< index in the scenario's script
  std::int32_t n = 1;          ///< kMark: units
  std::int32_t obj = kNil;     ///< object written / scanned / allocated / loaded from
  std::int32_t field = 0;      ///< field of obj
  std::int32_t root = kNil;    ///< root written / scanned / receiving an alloc
  std::int32_t slot = 0;       ///< slot of root
  std::int32_t to = kNil;      ///< new pointer value
  std::int32_t writer = kNil;  ///< stack root of the goroutine doing a write (kNil: none)
};

struct ObjectDecl {
  std::string id;
  std::int32_t fields = 0;
  bool noscan = false;
  bool initially_live = true;  ///< false for objects created by an alloc op
  bool pinned = false;
  float x = 0, y = 0;  ///< pinned position, in layout units
};

struct RootDecl {
  std::string id;
  RootKind kind = RootKind::kGlobal;
  std::vector<std::int32_t> slots;
};

struct Config {
  Barrier barrier = Barrier::kGo;
  bool wb_buffer = false;
  std::int32_t wb_buffer_size = 256;  ///< records per P buffer (wbBuf holds 256 × 2 pointers)
};

struct Program {
  std::vector<ObjectDecl> objects;
  std::vector<RootDecl> roots;
  std::vector<std::vector<std::int32_t>> initial_fields;  ///< per object
  Config config;
  std::vector<Op> ops;

  const std::string& ObjectName(std::int32_t i) const { return objects[std::size_t(i)].id; }
  const std::string& RootName(std::int32_t i) const { return roots[std::size_t(i)].id; }
  /// The stack root a write is attributed to when the op names none: the first stack.
  std::int32_t DefaultWriter() const;
};

}  // namespace gs::gc
