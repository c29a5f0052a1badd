// SwissModel: one step of a Swiss-table Go map at a time (the timeline's Model), and the
// runtime rules it is built from (internal/runtime/maps, Go 1.24), exposed for tests.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/core/timeline.h"
#include "engine/maps/program.h"
#include "engine/maps/swiss_events.h"
#include "engine/maps/swiss_state.h"

namespace gs::maps {

/// probeSeq (table.go): groups visited from H1 & mask, adding 1, 2, 3, ... (triangular
/// numbers), which visits every group once when the group count is a power of 2.
struct ProbeSeq {
  std::uint64_t mask = 0;
  std::uint64_t offset = 0;
  std::uint64_t index = 0;
  static ProbeSeq Make(std::uint64_t h1, std::uint64_t mask) { return {mask, h1 & mask, 0}; }
  ProbeSeq Next() const {
    ProbeSeq s = *this;
    ++s.index;
    s.offset = (s.offset + s.index) & s.mask;
    return s;
  }
};

/// resetGrowthLeft (table.go): capacity-1 for one group, else capacity·7/8.
std::uint16_t InitialGrowthLeft(std::uint16_t capacity);
/// newTable's capacity (table.go): at least 8, rounded up to a power of 2.
std::uint16_t TableCapacity(std::uint64_t requested);
/// What NewMap (map.go) allocates for a hint: the directory length and each table's capacity
/// (0 tables: nothing, the first write allocates a small group).
struct SwissMakePlan {
  std::uint64_t tables = 0;
  std::uint16_t capacity = 0;
  std::uint8_t global_depth = 0;
};
SwissMakePlan SwissMakeHint(std::int64_t hint);
/// directoryIndex (map.go): the top globalDepth bits of the hash.
std::uint64_t DirectoryIndex(std::uint8_t global_depth, std::uint64_t hash);

/// Where a lookup finds a key (table == kNoTable and !small: absent).
struct SwissLocation {
  bool found = false;
  std::int32_t table = kNoTable;  ///< kNoTable with found: the small group
  std::uint16_t group = 0;
  std::uint8_t slot = 0;
  std::int64_t elem = 0;
};
/// getWithKey / getWithKeySmall, without changing the state.
SwissLocation SwissLookup(const Program& p, const SwissState& s, std::int64_t key);
/// Map.used and each table's used equal the full slots; every stored key is found at its own
/// slot by its probe sequence (no empty group cuts it) through the directory; growthLeft adds
/// up. O(slots · probe length).
SwissInvariants CheckSwissInvariants(const Program& p, const SwissState& s);
/// Bytes the map's groups and directory occupy in the runtime for int keys and elems:
/// a group is 8 control bytes + 8 × (8-byte key + 8-byte elem); a directory entry 8 bytes.
std::uint64_t SwissMapBytes(const SwissState& s);
/// Tombstones in a table (counted from its control bytes).
std::uint64_t Tombstones(const Table& t);

class SwissModel {
 public:
  using State = SwissState;
  using Event = SwissEvent;

  explicit SwissModel(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}

  State Initial() const;
  /// Applies one step of the script (one key per step in range ops, one key per step of an
  /// iteration) and checks the invariants after it (every step while the map has at most
  /// kFullCheckSlots slots, else at the end of each op).
  StepResult Step(State& s, std::vector<Event>& out) const;
  std::uint64_t Hash(const State& s) const;
  static std::size_t StateBytes(const State& s);
  const Program& Prog() const { return *m_program; }

 private:
  std::shared_ptr<const Program> m_program;
};

inline constexpr std::uint64_t kFullCheckSlots = 8192;

}  // namespace gs::maps
