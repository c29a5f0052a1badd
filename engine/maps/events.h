// What a map step did, kept compact (24 bytes) because a range op records one step per key.
// The narration, trace lines and the view are all built from these.
#pragma once

#include <cstdint>

namespace gs::maps {

enum class EventKind : std::uint8_t {
  kMake,          ///< makemap: a = hint, bucket = B, b = hash0
  kNilMap,        ///< op on a nil map; slot = 0 lookup, 1 delete, 2 iterate, 3 clear
  kEmptyMap,      ///< count == 0 fast path; slot as kNilMap
  kAllocBucket,   ///< mapassign allocates the single bucket of a B=0 map
  kHash,          ///< a = key, b = hash, bucket = hash & mask, slot = tophash
  kUseOld,        ///< mapaccess: old bucket `bucket` is not evacuated: search it instead
  kEvacuate,      ///< evacuate(oldbucket = bucket): a = entries to X, b = entries to Y
  kEvacuateSkip,  ///< evacuate(oldbucket = bucket): already evacuated, nothing to do
  kNevacuate,     ///< advanceEvacuationMark: a = new nevacuate
  kGrowDone,      ///< oldbuckets dropped; a = old bucket count
  kGrowStart,     ///< hashGrow: slot = 1 same-size, bucket = new B, a = count+1, b = noverflow
  kProbe,         ///< one bucket of a chain searched: bucket, depth, a = tophash matches,
                  ///< slot = 1 if an emptyRest stopped the walk
  kFound,         ///< key found: bucket, depth, slot, a = key, b = elem
  kNotFound,      ///< a = key
  kNewOverflow,   ///< newoverflow: bucket = main bucket, depth = new depth, a = noverflow,
                  ///< slot = 1 if noverflow was incremented
  kInsert,        ///< new entry: bucket, depth, slot, a = key, b = hash
  kUpdate,        ///< existing entry's elem overwritten: bucket, depth, slot, a = key, b = elem
  kDeleteSlot,    ///< slot -> emptyOne: bucket, depth, slot, a = key
  kEmptyRest,     ///< slots (bucket, depth, from slot `slot` down) -> emptyRest; a = how many
  kReseed,        ///< hash0 re-drawn (count reached 0, or mapclear): b = hash0
  kClear,         ///< mapclear: a = entries dropped, bucket = B (kept)
  kIterInit,      ///< mapiterinit: b = r, bucket = startBucket, slot = offset
  kIterYield,     ///< mapiternext returns: bucket (new index), depth, slot, a = key, b = elem
  kIterYieldOld,  ///< ... read from an unevacuated old bucket (checkBucket = bucket)
  kIterSkipped,   ///< a = keys in an old bucket skipped (they belong to the other new bucket)
  kIterDone,      ///< iteration finished: a = keys yielded; slot = 1 if stopped by "limit"
  kViolation,     ///< invariant broken: slot = 0 count, 1 lookup, 2 duplicate; a = key/occupied
};

/// Set in Event::depth when the bucket is in oldbuckets (mapaccess1 reading a bucket that is
/// not evacuated yet).
inline constexpr std::uint16_t kOldArrayBit = 0x8000;

struct Event {
  EventKind kind = EventKind::kHash;
  std::uint8_t slot = 0;
  std::uint16_t depth = 0;  ///< position in an overflow chain (0 = the bucket itself)
  std::int32_t bucket = 0;  ///< a bucket index in buckets (or oldbuckets, per kind)
  std::int64_t a = 0;
  std::uint64_t b = 0;
};
static_assert(sizeof(Event) == 24, "keep map events compact");

}  // namespace gs::maps
