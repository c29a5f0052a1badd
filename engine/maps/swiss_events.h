// What a Swiss-map step did, kept compact (24 bytes) because a range op records one step per
// key. The narration, trace lines and the Swiss view are all built from these.
#pragma once

#include <cstdint>

namespace gs::maps {

enum class SwissEventKind : std::uint8_t {
  kMake,             ///< NewMap: a = hint, b = seed, bucket = tables, slot = globalDepth,
                     ///< depth = capacity of each table (0: nothing allocated)
  kNilMap,           ///< op on a nil map; slot = 0 lookup, 1 delete, 2 iterate, 3 clear
  kEmptyMap,         ///< used == 0 fast path; slot as kNilMap
  kAllocSmall,       ///< growToSmall: the first write allocates the one group
  kHash,             ///< a = key, b = hash, bucket = directory index (-1: small), slot = H2
  kProbe,            ///< one group looked at: bucket = table (-1 small), depth = hop (0 = first),
                     ///< a = group index, slot = H2 matches | 0x10 has empty | 0x20 has deleted
  kFound,            ///< bucket = table, depth = group, slot, a = key, b = elem
  kNotFound,         ///< a = key
  kInsert,           ///< new entry in an empty slot: bucket, depth = group, slot, a = key, b = hash
  kReuseTombstone,   ///< new entry in the first tombstone of the probe path (no growthLeft spent)
  kUpdate,           ///< existing key's elem overwritten: bucket, depth, slot, a = key, b = elem
  kDeleteEmpty,      ///< slot -> empty (its group has an empty slot): bucket, depth, slot, a = key
  kDeleteTombstone,  ///< slot -> deleted (its group was full): bucket, depth, slot, a = key
  kToTable,          ///< growToTable: the full small group becomes a 16-slot table; a = moved
  kGrow,             ///< table.grow: bucket = table, a = old capacity, b = new capacity,
                     ///< depth = entries moved
  kSplit,            ///< table.split: bucket = old (now left) table, a = right table id,
                     ///< b = left used | right used << 32, slot = new localDepth
  kDirGrow,    ///< installTableSplit doubles the directory: slot = new globalDepth, a = dirLen
  kClear,      ///< Clear: a = entries dropped
  kIterInit,   ///< Iter.Init: a = entryOffset, b = dirOffset, slot = 1 if small
  kIterYield,  ///< Iter.Next returns: bucket = table (-1 small), depth = group, slot, a = key,
               ///< b = elem
  kIterDone,   ///< a = keys yielded; slot = 1 if stopped by "limit"
  kViolation,  ///< invariant broken: slot = 0 used, 1 lookup, 2 growthLeft; a = live
};

inline constexpr std::uint8_t kProbeHasEmpty = 0x10;
inline constexpr std::uint8_t kProbeHasDeleted = 0x20;

struct SwissEvent {
  SwissEventKind kind = SwissEventKind::kHash;
  std::uint8_t slot = 0;
  std::uint16_t depth = 0;
  std::int32_t bucket = 0;
  std::int64_t a = 0;
  std::uint64_t b = 0;
};
static_assert(sizeof(SwissEvent) == 24, "keep Swiss map events compact");

}  // namespace gs::maps
