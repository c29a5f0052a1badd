// Classic Go map (runtime/map.go, Go <= 1.23): the value-type state of one hmap, its bucket
// arrays and the script cursor. Buckets live in one arena; "pointers" are arena indices.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "engine/core/rng.h"

namespace gs::maps {

inline constexpr int kBucketCnt = 8;  ///< bucketCnt: slots per bucket
inline constexpr std::int32_t kNilBucket = -1;

// Special tophash values (map.go).
inline constexpr std::uint8_t kEmptyRest = 0;       ///< empty, and so is everything after it
inline constexpr std::uint8_t kEmptyOne = 1;        ///< empty
inline constexpr std::uint8_t kEvacuatedX = 2;      ///< moved to the X (low) half
inline constexpr std::uint8_t kEvacuatedY = 3;      ///< moved to the Y (high) half
inline constexpr std::uint8_t kEvacuatedEmpty = 4;  ///< empty, bucket evacuated
inline constexpr std::uint8_t kMinTopHash = 5;      ///< smallest tophash of a real entry

// hmap.flags bits (map.go).
inline constexpr std::uint8_t kFlagIterator = 1;      ///< there may be an iterator using buckets
inline constexpr std::uint8_t kFlagOldIterator = 2;   ///< ... using oldbuckets
inline constexpr std::uint8_t kFlagHashWriting = 4;   ///< a goroutine is writing to the map
inline constexpr std::uint8_t kFlagSameSizeGrow = 8;  ///< the current grow is to a same-size map

/// The key stored in a slot whose key memory was cleared (string keys hold pointers, so
/// mapdelete / evacuate clear them; int keys are left as stale bytes).
inline constexpr std::int64_t kClearedKey = -1;

/// bmap: tophash[8], 8 keys, 8 elems, overflow pointer (the runtime's order of fields; here
/// the overflow index sits after tophash for packing). Keys are int values or indices into
/// Program::strings; elems are ints.
struct Bucket {
  std::array<std::uint8_t, kBucketCnt> tophash{};
  std::int32_t overflow = kNilBucket;
  std::array<std::int64_t, kBucketCnt> keys{};
  std::array<std::int64_t, kBucketCnt> elems{};
};

/// hmap.
struct Hmap {
  bool made = false;       ///< false: a nil map (var m map[K]V)
  std::int64_t count = 0;  ///< live entries; len(m)
  std::uint8_t flags = 0;
  std::uint8_t B = 0;                 ///< log2 of the bucket count
  std::uint16_t noverflow = 0;        ///< overflow buckets (approximate for B >= 16), a uint16
  std::uint64_t hash0 = 0;            ///< hash seed
  std::int32_t buckets = kNilBucket;  ///< arena index of bucket 0 (nil until first assign at B=0)
  std::int32_t oldbuckets = kNilBucket;  ///< arena index of old bucket 0 while growing
  std::uint64_t nevacuate = 0;           ///< old buckets below this are all evacuated
};

/// hiter: the iterator fields mapiternext uses.
struct Hiter {
  std::uint64_t start_bucket = 0;
  std::uint8_t offset = 0;
  bool wrapped = false;
  std::uint8_t B = 0;
  std::uint64_t bucket = 0;        ///< next bucket index to visit
  std::uint64_t visiting = 0;      ///< the bucket index bptr belongs to
  std::int32_t bptr = kNilBucket;  ///< current bucket (arena index), nil between buckets
  std::uint8_t i = 0;              ///< next slot to look at in bptr
  std::int64_t check_bucket = -1;  ///< -1 = noCheck; else the new bucket being filled from old
  std::uint16_t depth = 0;         ///< position of bptr in its chain (for drawing)
  std::int64_t yielded = 0;
};

/// Where a script op stands between two micro-steps.
struct Cursor {
  std::int32_t op = 0;              ///< next op (index into Program::ops)
  std::uint8_t phase = 0;           ///< within the op (see model.cpp)
  std::int64_t index = 0;           ///< range ops: keys done so far
  std::int64_t key = 0;             ///< the key being worked on
  std::uint64_t hash = 0;           ///< its hash (under hash0 at hashing time)
  std::int32_t found = kNilBucket;  ///< search: bucket holding the key (arena), or nil
  std::uint8_t found_i = 0;
  std::uint16_t found_depth = 0;
  std::int32_t insert = kNilBucket;  ///< search: first free slot seen (arena), or nil
  std::uint8_t insert_i = 0;
  std::uint16_t insert_depth = 0;
  std::int32_t last = kNilBucket;  ///< search: last bucket of the chain
  std::uint16_t last_depth = 0;
  std::int32_t walk = kNilBucket;  ///< lookup: bucket to look at next
  std::uint16_t walk_depth = 0;
  bool walk_old = false;  ///< lookup: walking an unevacuated old bucket
  Hiter it;
};

/// Result of the last invariant check.
struct InvariantStatus {
  bool checked = false;   ///< false: the map was too big to check after this step
  bool count_ok = true;   ///< count == occupied slots
  bool lookup_ok = true;  ///< every stored key is found by lookup at its own slot
  bool unique_ok = true;  ///< no key is stored twice
  std::int64_t occupied = 0;
  friend bool operator==(const InvariantStatus&, const InvariantStatus&) = default;
};

struct State {
  Hmap h;
  std::vector<Bucket> arena;  ///< every bucket: the arrays and the overflow buckets
  Cursor cur;
  Rng rng;  ///< fastrand: hash0, iteration start, noverflow sampling
  InvariantStatus inv;
  std::uint64_t fp = 0;  ///< XOR fingerprint of the arena, kept up to date by every edit
};

inline bool IsEmpty(std::uint8_t top) {
  return top <= kEmptyOne;
}
inline bool Evacuated(const Bucket& b) {
  return b.tophash[0] > kEmptyOne && b.tophash[0] < kMinTopHash;
}
inline bool Growing(const Hmap& h) {
  return h.oldbuckets != kNilBucket;
}
inline bool SameSizeGrow(const Hmap& h) {
  return (h.flags & kFlagSameSizeGrow) != 0;
}
inline std::uint64_t BucketShift(std::uint8_t b) {
  return std::uint64_t(1) << b;
}
inline std::uint64_t BucketMask(std::uint8_t b) {
  return BucketShift(b) - 1;
}
/// noldbuckets: the size of oldbuckets (half the new size unless same-size growing).
inline std::uint64_t NoldBuckets(const Hmap& h) {
  return SameSizeGrow(h) ? BucketShift(h.B) : BucketShift(std::uint8_t(h.B - 1));
}
/// tophash: the top 8 bits of the hash, moved above the special values.
inline std::uint8_t TopHash(std::uint64_t hash) {
  auto top = std::uint8_t(hash >> 56);
  if (top < kMinTopHash) top = std::uint8_t(top + kMinTopHash);
  return top;
}

}  // namespace gs::maps
