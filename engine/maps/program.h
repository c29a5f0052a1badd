// A checked map scenario: key type, hash table, config and the expanded script.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gs::maps {

// Limits of this topic; each is named in the error that reports it.
inline constexpr std::int64_t kMaxHint = std::int64_t(1) << 21;      ///< make(map, hint)
inline constexpr std::int64_t kMaxRangeKeys = 2000000;               ///< keys in one range op
inline constexpr std::size_t kMaxStringKeys = std::size_t(1) << 17;  ///< distinct string keys
inline constexpr std::size_t kMaxExplicitHashes = 1024;              ///< entries in "hashes"
inline constexpr std::size_t kMaxStringKeyBytes = 64;                ///< one string key
/// Invariants are checked after every step while the arena holds at most this many buckets;
/// above that, after the last step of each op (a full check is O(count)).
inline constexpr std::size_t kFullCheckBuckets = 1024;

enum class KeyType : std::uint8_t { kInt, kString };

enum class OpCode : std::uint8_t {
  kMake,         ///< makemap(hint)
  kInsert,       ///< mapassign, micro-stepped
  kInsertRange,  ///< mapassign for many keys, one step per key
  kDelete,       ///< mapdelete, micro-stepped
  kDeleteRange,  ///< mapdelete for many keys, one step per key
  kLookup,       ///< mapaccess1, one step per bucket visited
  kIterate,      ///< mapiterinit + mapiternext, one step per key
  kClear,        ///< mapclear
};

struct Op {
  OpCode code = OpCode::kInsert;
  std::int32_t source = 0;       ///< index in the scenario's script
  std::int64_t key = 0;          ///< single-key ops (an int, or an index into strings)
  std::int64_t value = 0;        ///< insert: the elem
  std::int64_t hint = 0;         ///< make
  std::int64_t from = 0;         ///< range: first number
  std::int64_t count = 0;        ///< range: how many keys
  std::int64_t range_keys = -1;  ///< string range: offset of its keys in range_string_keys
  std::int64_t limit = -1;       ///< iterate: stop after this many keys (-1: all)
};

struct Config {
  std::uint64_t seed = 1;     ///< seeds fastrand (hash0, iteration start)
  std::uint64_t lf_num = 13;  ///< loadFactorNum
  std::uint64_t lf_den = 2;   ///< loadFactorDen (6.5 = 13/2)
};

struct Program {
  KeyType key_type = KeyType::kInt;
  Config config;
  /// config.model: "classic" or "swiss" forces a model; "" lets go_version choose.
  std::string model;
  /// config.compare ["classic", "swiss"]: run both models side by side (MapsCompareRun).
  bool compare = false;
  std::vector<std::string> strings;        ///< string keys, interned (equal strings: one index)
  std::vector<std::uint64_t> string_base;  ///< FNV-1a of each string
  std::vector<std::uint8_t> string_has_explicit;
  std::vector<std::uint64_t> string_explicit;
  std::map<std::int64_t, std::uint64_t> int_explicit;  ///< int key -> explicit hash
  std::vector<std::int64_t> range_string_keys;         ///< string keys of range ops, in order
  std::vector<Op> ops;

  /// "42" or "\"apple\"" (Go syntax) for a key.
  std::string KeyText(std::int64_t key) const;
  bool HasExplicitHash(std::int64_t key) const;
  /// The key number `i` of a range op (its keys and elems are both this value).
  std::int64_t RangeKey(const Op& op, std::int64_t i) const {
    if (key_type == KeyType::kString) return range_string_keys[std::size_t(op.range_keys + i)];
    return op.from + i;
  }
};

}  // namespace gs::maps
