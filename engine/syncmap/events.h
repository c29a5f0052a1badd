// What one sync.Map operation did. Each op is one step; its events say which path it took
// (the lock-free read of `read`, or the slow path under m.mu) and what that path changed.
#pragma once

#include <cstdint>

#include "engine/syncmap/program.h"

namespace gs::syncmap {

enum class EventKind : std::uint8_t {
  kFast,       ///< answered from read without the lock; ok = found / stored / deleted
  kLock,       ///< m.mu.Lock(): the fast path could not answer
  kDirtyHit,   ///< found in dirty under the lock; ok = entry holds a value
  kMiss,       ///< missLocked: a = misses before, b = misses after, c = len(dirty)
  kPromote,    ///< read = readOnly{m: dirty}, dirty = nil, misses = 0; a = keys promoted
  kDirtyCopy,  ///< dirtyLocked: a = entries copied from read, b = entries expunged
  kExpunge,    ///< tryExpungeLocked: key's nil entry became expunged (not copied)
  kUnexpunge,  ///< unexpungeLocked: key's expunged entry is nil again and back in dirty
  kAmend,      ///< read.amended = true: dirty now has a key read lacks
  kNewEntry,   ///< dirty[key] = newEntry(value)
  kStored,     ///< the key's entry now holds value (tryStore / storeLocked)
  kDeleted,    ///< e.delete(): entry -> nil; ok = it held a value
  kResult,     ///< the op's answer: ok (Load ok, LoadOrStore loaded), a = value
  kYield,      ///< Range calls f(key, value)
};

struct Event {
  EventKind kind = EventKind::kFast;
  OpCode op = OpCode::kLoad;
  bool ok = false;
  std::int32_t g = 0;
  std::int32_t key = -1;
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::int64_t c = 0;
};

}  // namespace gs::syncmap
