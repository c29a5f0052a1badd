// A checked sync.Map scenario: the goroutines, the keys and the script of operations. The
// order of the script IS the interleaving: the scenario chooses it, not a scheduler.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gs::syncmap {

// Limits of this topic; each is named in the error that reports it.
inline constexpr std::size_t kMaxGoroutines = 16;       ///< names in "goroutines"
inline constexpr std::size_t kMaxKeys = 256;            ///< distinct keys
inline constexpr std::size_t kMaxKeyBytes = 32;         ///< one key
inline constexpr std::size_t kMaxExplicitHashes = 256;  ///< entries in "hashes" (Go 1.24+)

enum class OpCode : std::uint8_t {
  kLoad,         ///< (*Map).Load
  kStore,        ///< (*Map).Store
  kLoadOrStore,  ///< (*Map).LoadOrStore
  kDelete,       ///< (*Map).Delete (LoadAndDelete in Go 1.19)
  kRange,        ///< (*Map).Range
};

struct Op {
  OpCode code = OpCode::kLoad;
  std::int32_t source = 0;  ///< index in the scenario's script
  std::int32_t g = 0;       ///< index into Program::goroutines
  std::int32_t key = -1;    ///< index into Program::keys (-1: range)
  std::int64_t value = 0;   ///< store / load_or_store
};

struct Program {
  std::vector<std::string> goroutines;
  std::vector<std::string> keys;  ///< interned in order of first use
  std::vector<Op> ops;
  /// Go 1.24+ only (HashTrieMap): each key's 64-bit hash, explicit from "hashes" or the
  /// documented default (TrieDefaultHash); explicit[k] != 0 when the scenario gave it.
  bool trie = false;
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint8_t> explicit_hash;
};

}  // namespace gs::syncmap
