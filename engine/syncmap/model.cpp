#include "engine/syncmap/model.h"

#include "engine/core/hash.h"

namespace gs::syncmap {

std::int64_t DirtyLen(const SyncMapState& s) {
  std::int64_t n = 0;
  for (std::int32_t e : s.dirty) n += e != kAbsent;
  return n;
}

std::int64_t ReadLen(const SyncMapState& s) {
  std::int64_t n = 0;
  for (std::int32_t e : s.read) n += e != kAbsent;
  return n;
}

namespace {

struct Ctx {
  const Op& op;
  SyncMapState& s;
  std::vector<Event>& out;

  void Emit(EventKind k, bool ok = false, std::int32_t key = -1, std::int64_t a = 0,
            std::int64_t b = 0, std::int64_t c = 0) {
    out.push_back({k, op.code, ok, op.g, key, a, b, c});
  }
  Entry& E(std::int32_t id) { return s.entries[std::size_t(id)]; }
  std::int32_t Read(std::int32_t key) const { return s.read[std::size_t(key)]; }
  std::int32_t Dirty(std::int32_t key) const { return s.dirty[std::size_t(key)]; }
  std::int32_t NewEntry(std::int64_t v) {
    s.entries.push_back({EntryState::kValue, v});
    return std::int32_t(s.entries.size() - 1);
  }

  // missLocked: misses++; once misses >= len(dirty), dirty becomes the read map.
  void MissLocked() {
    std::int64_t before = s.misses;
    ++s.misses;
    std::int64_t dl = DirtyLen(s);
    Emit(EventKind::kMiss, false, op.key, before, s.misses, dl);
    if (s.misses < dl) return;
    Promote();
  }
  // m.read.Store(readOnly{m: m.dirty}); m.dirty = nil; m.misses = 0 (missLocked, Range).
  void Promote() {
    Emit(EventKind::kPromote, false, -1, DirtyLen(s));
    s.read = s.dirty;
    s.amended = false;
    s.dirty.assign(s.read.size(), kAbsent);
    s.dirty_nil = true;
    s.misses = 0;
  }
  // dirtyLocked: a nil dirty map is rebuilt from read; nil entries become expunged
  // (tryExpungeLocked) and are left out.
  void DirtyLocked() {
    if (!s.dirty_nil) return;
    s.dirty_nil = false;
    std::int64_t copied = 0, expunged = 0;
    for (std::size_t k = 0; k < s.read.size(); ++k) {
      std::int32_t id = s.read[k];
      if (id == kAbsent) continue;
      Entry& e = E(id);
      if (e.p == EntryState::kNil) {
        e.p = EntryState::kExpunged;
        Emit(EventKind::kExpunge, true, std::int32_t(k));
      }
      if (e.p == EntryState::kExpunged) {
        ++expunged;
        continue;
      }
      s.dirty[k] = id;
      ++copied;
    }
    Emit(EventKind::kDirtyCopy, false, -1, copied, expunged);
  }
  // The tail of Store/LoadOrStore for a key in neither map.
  void AddToDirty(std::int64_t v) {
    if (!s.amended) {
      DirtyLocked();
      s.amended = true;
      Emit(EventKind::kAmend);
    }
    s.dirty[std::size_t(op.key)] = NewEntry(v);
    Emit(EventKind::kNewEntry, true, op.key, v);
  }
  // unexpungeLocked + m.dirty[key] = e.
  void Unexpunge(std::int32_t id) {
    if (E(id).p != EntryState::kExpunged) return;
    E(id).p = EntryState::kNil;
    s.dirty[std::size_t(op.key)] = id;
    Emit(EventKind::kUnexpunge, true, op.key);
  }
  void Lock() { Emit(EventKind::kLock, false, op.key); }

  void Load() {
    std::int32_t id = Read(op.key);
    bool fast = id != kAbsent || !s.amended;
    if (fast) {
      Emit(EventKind::kFast, id != kAbsent, op.key);
    } else {
      Lock();
      id = Dirty(op.key);
      if (id != kAbsent) Emit(EventKind::kDirtyHit, E(id).p == EntryState::kValue, op.key);
      MissLocked();
    }
    // e.load(): nil and expunged both mean "not there".
    bool ok = id != kAbsent && E(id).p == EntryState::kValue;
    Emit(EventKind::kResult, ok, op.key, ok ? E(id).value : 0);
  }

  void Store() {
    std::int32_t id = Read(op.key);
    // tryStore: a CAS that succeeds unless the entry is expunged.
    if (id != kAbsent && E(id).p != EntryState::kExpunged) {
      Emit(EventKind::kFast, true, op.key);
      E(id) = {EntryState::kValue, op.value};
      Emit(EventKind::kStored, true, op.key, op.value);
      return;
    }
    Lock();
    if (id != kAbsent) {
      Unexpunge(id);
      E(id) = {EntryState::kValue, op.value};  // storeLocked
      Emit(EventKind::kStored, true, op.key, op.value);
    } else if ((id = Dirty(op.key)) != kAbsent) {
      E(id) = {EntryState::kValue, op.value};
      Emit(EventKind::kStored, true, op.key, op.value);
    } else {
      AddToDirty(op.value);
    }
  }

  // tryLoadOrStore on an entry known not to be expunged: loaded if it holds a value, else
  // the nil entry takes the value.
  bool TryLoadOrStore(std::int32_t id) {
    Entry& e = E(id);
    if (e.p == EntryState::kValue) return true;
    e = {EntryState::kValue, op.value};
    Emit(EventKind::kStored, true, op.key, op.value);
    return false;
  }

  void LoadOrStore() {
    std::int32_t id = Read(op.key);
    bool loaded = false;
    if (id != kAbsent && E(id).p != EntryState::kExpunged) {
      Emit(EventKind::kFast, true, op.key);
      loaded = TryLoadOrStore(id);
    } else {
      Lock();
      if (id != kAbsent) {
        Unexpunge(id);
        loaded = TryLoadOrStore(id);
      } else if ((id = Dirty(op.key)) != kAbsent) {
        Emit(EventKind::kDirtyHit, E(id).p == EntryState::kValue, op.key);
        loaded = TryLoadOrStore(id);
        MissLocked();
      } else {
        AddToDirty(op.value);
        id = Dirty(op.key);
      }
    }
    Emit(EventKind::kResult, loaded, op.key, E(id).value);
  }

  // LoadAndDelete (Delete calls it).
  void Delete() {
    std::int32_t id = Read(op.key);
    if (id != kAbsent || !s.amended) {
      Emit(EventKind::kFast, id != kAbsent, op.key);
    } else {
      Lock();
      id = Dirty(op.key);
      if (id != kAbsent) Emit(EventKind::kDirtyHit, E(id).p == EntryState::kValue, op.key);
      s.dirty[std::size_t(op.key)] = kAbsent;  // delete(m.dirty, key)
      MissLocked();
    }
    if (id == kAbsent) {
      Emit(EventKind::kResult, false, op.key);
      return;
    }
    // e.delete(): a value becomes nil; nil and expunged stay as they are.
    Entry& e = E(id);
    bool had = e.p == EntryState::kValue;
    std::int64_t v = e.value;
    if (had) e.p = EntryState::kNil;
    Emit(EventKind::kDeleted, had, op.key, v);
    Emit(EventKind::kResult, had, op.key, had ? v : 0);
  }

  void Range() {
    if (s.amended) {
      Lock();
      Promote();
    } else {
      Emit(EventKind::kFast, true);
    }
    // Go ranges over read.m in random order; the model yields keys in order of first use.
    for (std::size_t k = 0; k < s.read.size(); ++k) {
      std::int32_t id = s.read[k];
      if (id == kAbsent || E(id).p != EntryState::kValue) continue;
      Emit(EventKind::kYield, true, std::int32_t(k), E(id).value);
    }
  }
};

}  // namespace

void ApplyOp(const Op& op, SyncMapState& s, std::vector<Event>& out) {
  Ctx c{op, s, out};
  switch (op.code) {
    case OpCode::kLoad:
      c.Load();
      break;
    case OpCode::kStore:
      c.Store();
      break;
    case OpCode::kLoadOrStore:
      c.LoadOrStore();
      break;
    case OpCode::kDelete:
      c.Delete();
      break;
    case OpCode::kRange:
      c.Range();
      break;
  }
}

SyncMapState SyncMapModel::Initial() const {
  SyncMapState s;
  s.read.assign(m_program->keys.size(), kAbsent);
  s.dirty.assign(m_program->keys.size(), kAbsent);
  return s;
}

StepResult SyncMapModel::Step(State& s, std::vector<Event>& out) const {
  if (std::size_t(s.op) >= m_program->ops.size()) return StepResult::Done();
  const Op& op = m_program->ops[std::size_t(s.op)];
  ApplyOp(op, s, out);
  ++s.op;
  return StepResult::Stepped(op.source);
}

std::uint64_t SyncMapModel::Hash(const State& s) const {
  Hasher h;
  for (const Entry& e : s.entries) {
    h.Add(e.p);
    h.Add(e.value);
  }
  for (std::int32_t id : s.read) h.Add(id);
  for (std::int32_t id : s.dirty) h.Add(id);
  h.Add(s.amended);
  h.Add(s.dirty_nil);
  h.Add(s.misses);
  h.Add(s.op);
  return h.Value();
}

}  // namespace gs::syncmap
