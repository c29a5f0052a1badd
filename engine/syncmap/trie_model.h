// TrieModel: sync.Map for Go 1.24+, one operation per step, following
// src/internal/sync/hashtriemap.go (HashTrieMap) function by function. src/sync/hashtriemap.go
// makes each (*sync.Map) method a direct call of the HashTrieMap method of the same name.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "engine/core/timeline.h"
#include "engine/syncmap/program.h"
#include "engine/syncmap/trie_state.h"

namespace gs::syncmap {

enum class TrieEventKind : std::uint8_t {
  kHash,     ///< hash = keyHash(key); ok = given by the scenario
  kVisit,    ///< the walk read node.children[slot] at depth; a = 0 nil, 1 entry, 2 indirect
  kLookup,   ///< entry.lookup along the chain at `entry`; ok = key found, a = keys compared
  kLock,     ///< node.mu.Lock()
  kRecheck,  ///< the slot re-read under the lock is what the walk saw and node is not dead
  kInsert,   ///< an empty slot now holds the new entry
  kReplace,  ///< entry.swap: a new entry for key replaces old entry `a` (b = old value)
  kChain,    ///< expand, full hash collision: new entry heads the chain, old head `a` follows
  kExpand,   ///< expand: new indirect `node` at depth under `a`, filling parent's slot
  kPlace,    ///< expand: new indirect `node` holds `entry` (of key b) at slot
  kRemove,   ///< the key's entry left the chain; ok = the slot is now nil
  kPrune,    ///< node became empty: dead, and parent `a` cleared slot; lock `a` taken first
  kUnlock,   ///< node.mu.Unlock()
  kResult,   ///< the op's answer: ok (Load ok, LoadOrStore/Swap/Delete loaded), a = value
  kYield,    ///< Range (iter) calls f(key, value)
};

struct TrieEvent {
  TrieEventKind kind = TrieEventKind::kHash;
  OpCode op = OpCode::kLoad;
  bool ok = false;
  std::int32_t g = 0;
  std::int32_t key = -1;
  std::int32_t node = -1;
  std::int32_t slot = -1;
  std::int32_t depth = 0;
  std::int32_t entry = -1;
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::uint64_t hash = 0;
};

class TrieModel {
 public:
  using State = TrieState;
  using Event = TrieEvent;

  explicit TrieModel(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}

  State Initial() const;
  StepResult Step(State& s, std::vector<Event>& out) const;
  std::uint64_t Hash(const State& s) const;
  const Program& Prog() const { return *m_program; }

 private:
  std::shared_ptr<const Program> m_program;
};

/// Applies one op to `s` (exposed for rule tests). `p` supplies each key's hash.
void ApplyTrieOp(const Program& p, const Op& op, TrieState& s, std::vector<TrieEvent>& out);

/// The hash a key gets when the scenario gives none: 64-bit FNV-1a of its bytes. Go uses the
/// map type's seeded hasher (a fresh seed per map from runtime_rand, in initSlow), so real
/// tries differ run to run; this one is fixed so a scenario replays the same.
std::uint64_t TrieDefaultHash(std::string_view key);

}  // namespace gs::syncmap
