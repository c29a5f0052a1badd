// sync.Map as Go 1.19 has it (src/sync/map.go): the value-type state. Entries are ids into
// SyncMapState::entries, so the read map and the dirty map can share one *entry exactly as
// the runtime's two maps do.
#pragma once

#include <cstdint>
#include <vector>

namespace gs::syncmap {

/// entry.p (map.go): a value, nil (deleted, still in read) or expunged (deleted and left out
/// of the dirty map by dirtyLocked).
enum class EntryState : std::uint8_t { kValue, kNil, kExpunged };

struct Entry {
  EntryState p = EntryState::kValue;
  std::int64_t value = 0;
  friend bool operator==(const Entry&, const Entry&) = default;
};

inline constexpr std::int32_t kAbsent = -1;

struct SyncMapState {
  std::vector<Entry> entries;       ///< every *entry ever made (newEntry)
  std::vector<std::int32_t> read;   ///< read.m: key index -> entry id or kAbsent
  bool amended = false;             ///< read.amended: dirty holds keys read lacks
  bool dirty_nil = true;            ///< m.dirty == nil
  std::vector<std::int32_t> dirty;  ///< m.dirty: key index -> entry id or kAbsent
  std::int64_t misses = 0;          ///< m.misses
  std::int32_t op = 0;              ///< next script op
};

/// len(m.dirty) (0 while dirty is nil).
std::int64_t DirtyLen(const SyncMapState& s);
/// len(read.m).
std::int64_t ReadLen(const SyncMapState& s);

}  // namespace gs::syncmap
