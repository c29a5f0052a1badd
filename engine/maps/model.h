// MapModel: one micro-step of a classic Go map at a time (the timeline's Model), and the
// runtime rules it is built from, exposed for tests.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/core/timeline.h"
#include "engine/maps/events.h"
#include "engine/maps/program.h"
#include "engine/maps/state.h"

namespace gs::maps {

/// overLoadFactor: count > bucketCnt && count > loadFactorNum * (2^B / loadFactorDen).
bool OverLoadFactor(std::uint64_t count, std::uint8_t B, const Config& cfg);
/// tooManyOverflowBuckets: noverflow >= 2^min(B, 15).
bool TooManyOverflowBuckets(std::uint16_t noverflow, std::uint8_t B);
/// makemap: the smallest B with !overLoadFactor(hint, B).
std::uint8_t MakemapB(std::int64_t hint, const Config& cfg);
/// t.hasher(key, hash0), or the key's explicit hash.
std::uint64_t KeyHash(const Program& p, std::int64_t key, std::uint64_t hash0);

/// Where mapaccess finds a key: the arena bucket and slot (bucket == kNilBucket: absent).
struct Location {
  std::int32_t bucket = kNilBucket;
  std::uint8_t slot = 0;
  std::int64_t elem = 0;
};
/// mapaccess1's search, without changing the state.
Location Lookup(const Program& p, const State& s, std::int64_t key);
/// The arena fingerprint computed from scratch (tests compare it with State::fp).
std::uint64_t Fingerprint(const State& s);
/// count == occupied slots; every key found by lookup at its slot; no key twice. O(count).
InvariantStatus CheckInvariants(const Program& p, const State& s);

class MapModel {
 public:
  using State = maps::State;
  using Event = maps::Event;

  explicit MapModel(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}

  State Initial() const;
  /// Applies one micro-step of the script (one key per step in range ops) and checks the
  /// invariants after it (every step while the map is small, else at the end of each op).
  StepResult Step(State& s, std::vector<Event>& out) const;
  std::uint64_t Hash(const State& s) const;
  /// Bytes a copy of `s` holds (the timeline's keyframe policy uses it).
  static std::size_t StateBytes(const State& s);
  const Program& Prog() const { return *m_program; }

 private:
  std::shared_ptr<const Program> m_program;
};

}  // namespace gs::maps
