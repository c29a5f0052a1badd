// Swiss-table Go map (internal/runtime/maps, Go 1.24+): the value-type state of one Map, its
// directory, tables and groups, the iterator and the script cursor. Tables are ids into
// SwissState::tables; the directory holds ids, as Map.dirPtr holds table pointers.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "engine/core/rng.h"

namespace gs::maps {

inline constexpr int kGroupSlots = 8;                     ///< abi.SwissMapGroupSlots
inline constexpr std::uint16_t kMaxTableCapacity = 1024;  ///< table.go maxTableCapacity
inline constexpr std::uint16_t kMaxAvgGroupLoad = 7;      ///< group.go maxAvgGroupLoad (7/8)
/// The most slots (all tables together) a scenario may make the simulator hold; a Swiss
/// map of 10^6 int keys needs about 2.4·10^6.
inline constexpr std::uint64_t kMaxSwissSlots = std::uint64_t(1) << 23;

// Control bytes (group.go): the high bit set means "no key here".
inline constexpr std::uint8_t kCtrlEmpty = 0x80;    ///< ctrlEmpty
inline constexpr std::uint8_t kCtrlDeleted = 0xFE;  ///< ctrlDeleted: a tombstone
inline constexpr std::int32_t kNoTable = -1;

/// group: an 8-byte control word and 8 key/elem slots (interleaved in the runtime).
struct Group {
  std::array<std::uint8_t, kGroupSlots> ctrl{kCtrlEmpty, kCtrlEmpty, kCtrlEmpty, kCtrlEmpty,
                                             kCtrlEmpty, kCtrlEmpty, kCtrlEmpty, kCtrlEmpty};
  std::array<std::int64_t, kGroupSlots> keys{};
  std::array<std::int64_t, kGroupSlots> elems{};
};

/// table: one complete Swiss table of 2^N slots (at most 1024).
struct Table {
  std::uint16_t used = 0;
  std::uint16_t capacity = 0;     ///< slots, a power of 2
  std::uint16_t growth_left = 0;  ///< growthLeft: empty slots that may still be filled
  std::uint8_t local_depth = 0;   ///< localDepth: hash bits the directory uses above this table
  std::int32_t index = 0;         ///< first directory entry pointing here
  std::vector<Group> groups;
};

/// Map (map.go).
struct SwissMap {
  bool made = false;       ///< false: a nil map
  bool small = false;      ///< dirLen == 0 and dirPtr is one group (allocated on first write)
  std::uint64_t used = 0;  ///< len(m)
  std::uint64_t seed = 0;
  std::uint8_t global_depth = 0;  ///< globalDepth: log2 of the directory length
  std::uint64_t clear_seq = 0;    ///< clearSeq
  Group small_group;              ///< valid when small
  std::vector<std::int32_t> dir;  ///< the directory: 2^globalDepth table ids (empty: small/nil)
};

/// Iter (table.go): random entryOffset/dirOffset, walking the directory then a table's slots.
struct SwissIter {
  bool active = false;
  std::uint64_t entry_offset = 0;
  std::uint64_t dir_offset = 0;
  std::uint8_t global_depth = 0;
  std::int64_t dir_idx = 0;     ///< -1: the map was small at Init
  std::int32_t tab = kNoTable;  ///< the table at dir_idx during the previous Next
  std::uint64_t entry_idx = 0;  ///< before adding entryOffset: low 3 bits slot, rest group
  std::int64_t yielded = 0;
};

struct SwissCursor {
  std::int32_t op = 0;     ///< next op (index into Program::ops)
  std::int64_t index = 0;  ///< range ops: keys done so far; iterate: 1 once Init ran
  SwissIter it;
};

/// Result of the last invariant check (see CheckSwissInvariants).
struct SwissInvariants {
  bool checked = false;
  bool used_ok = true;    ///< Map.used and table.used equal the full control bytes
  bool lookup_ok = true;  ///< every stored key is found at its own slot by the probe sequence
  bool growth_ok = true;  ///< used + tombstones + growthLeft == capacity·7/8 (or cap-1)
  std::int64_t live = 0;
  friend bool operator==(const SwissInvariants&, const SwissInvariants&) = default;
};

struct SwissState {
  SwissMap m;
  std::vector<Table> tables;  ///< every live table; the directory points into it
  SwissCursor cur;
  Rng rng;  ///< rand(): the seed, entryOffset, dirOffset
  SwissInvariants inv;
  std::uint64_t slots = 0;  ///< slots of all tables together (for kMaxSwissSlots)
  std::uint64_t fp = 0;     ///< XOR fingerprint of every slot and table, kept up to date
};

/// h1: the upper 57 bits pick the first group (map.go h1).
inline std::uint64_t H1(std::uint64_t hash) {
  return hash >> 7;
}
/// h2: the low 7 bits go into the control byte (map.go h2).
inline std::uint8_t H2(std::uint64_t hash) {
  return std::uint8_t(hash & 0x7f);
}
inline bool CtrlIsFull(std::uint8_t c) {
  return (c & kCtrlEmpty) == 0;
}

}  // namespace gs::maps
