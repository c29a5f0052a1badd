// sync.Map as Go 1.24+ has it: internal/sync.HashTrieMap (src/internal/sync/hashtriemap.go),
// as value-type state. Nodes are ids into vectors so a step's state copies cheaply and the
// view can name a node; a node the trie no longer reaches stays in the vector, unreachable,
// as garbage would in Go.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace gs::syncmap {

/// nChildrenLog2 / nChildren in hashtriemap.go: each level consumes 4 hash bits.
inline constexpr int kTrieBits = 4;
inline constexpr int kTrieFanout = 1 << kTrieBits;
/// 8 * goarch.PtrSize on a 64-bit machine: the walk starts with hashShift = 64.
inline constexpr int kTrieHashBits = 64;

/// A child slot: kTrieNil, an indirect node (id >= 0) or an entry node (TrieEntryRef).
inline constexpr std::int32_t kTrieNil = -1;
constexpr std::int32_t TrieEntryRef(std::int32_t entry) {
  return -2 - entry;
}
constexpr bool TrieIsEntry(std::int32_t child) {
  return child <= -2;
}
constexpr std::int32_t TrieEntryId(std::int32_t child) {
  return -2 - child;
}

/// indirect[K, V]: dead, parent and 16 children (mu is not state: a step takes and releases
/// it, and the events say which node it locked).
struct TrieIndirect {
  std::int32_t parent = -1;  ///< -1: the root
  std::int32_t depth = 0;    ///< 0 at the root; the level's hash bits are 63-4d .. 60-4d
  bool dead = false;         ///< set when pruned from its parent (CompareAndDelete's loop)
  std::array<std::int32_t, kTrieFanout> children{};
  TrieIndirect() { children.fill(kTrieNil); }
  friend bool operator==(const TrieIndirect&, const TrieIndirect&) = default;
};

/// entry[K, V]: key, value and the overflow chain for keys whose full hashes are equal.
/// Entries are immutable apart from `overflow`: Swap makes a new entry (entry.swap).
struct TrieEntry {
  std::int32_t key = -1;
  std::int64_t value = 0;
  std::int32_t overflow = -1;  ///< entry id, -1: end of chain
  friend bool operator==(const TrieEntry&, const TrieEntry&) = default;
};

struct TrieState {
  std::vector<TrieIndirect> nodes;  ///< nodes[0] is ht.root
  std::vector<TrieEntry> entries;   ///< every newEntryNode ever made
  std::int32_t op = 0;              ///< next script op
};

/// The 4 bits of `hash` that pick the child at trie depth `depth` (hash >> hashShift & 15,
/// with hashShift = 64 - 4 * (depth + 1)): the top nibble first.
constexpr int TrieNibble(std::uint64_t hash, int depth) {
  return int((hash >> (kTrieHashBits - kTrieBits * (depth + 1))) & (kTrieFanout - 1));
}

/// Live entries reachable from the root, counting each chain member.
std::int64_t TrieLen(const TrieState& s);

}  // namespace gs::syncmap
