// The Swiss-table map's rules, one step at a time, as internal/runtime/maps (Go 1.24) has
// them: NewMap, Map.PutSlot / putSlotSmall / growToSmall / growToTable, table.PutSlot /
// uncheckedPutSlot / rehash / grow / split, Map.installTableSplit / replaceTable,
// Map.Delete / deleteSmall / table.Delete, getWithKey / getWithKeySmall, Clear, Iter.Init /
// Iter.Next. Sources read: golang/go snapshot 2220fd36 (map.go) and 01e1e5c2 (table.go).
//
// [SECTION] fingerprint
// [SECTION] rules (growthLeft, capacity, hint, directory index)
// [SECTION] lookup and invariants
// [SECTION] ops
#include "engine/maps/swiss_model.h"

#include <bit>
#include <string>

#include "engine/maps/hashing.h"
#include "engine/maps/model.h"

namespace gs::maps {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] fingerprint
// ---------------------------------------------------------------------------------------------

inline std::uint64_t Fold(std::uint64_t x, std::uint64_t w) {
  x ^= w;
  x *= 0x9e3779b97f4a7c15ULL;
  return x ^ (x >> 29);
}

// A slot's share of SwissState::fp: 0 for an untouched empty slot, so a new table costs
// nothing to fingerprint.
std::uint64_t SlotFp(std::int32_t tab, std::uint64_t g, int i, std::uint8_t ctrl, std::int64_t key,
                     std::int64_t elem) {
  if (ctrl == kCtrlEmpty && key == 0 && elem == 0) return 0;
  std::uint64_t x = Fold(0, std::uint64_t(std::uint32_t(tab + 1)) << 40 | g << 3 | unsigned(i));
  x = Fold(x, ctrl);
  x = Fold(x, std::uint64_t(key));
  x = Fold(x, std::uint64_t(elem));
  return Mix64(x);
}

std::uint64_t MetaFp(std::int32_t id, const Table& t) {
  std::uint64_t x = Fold(0x5157, std::uint64_t(std::uint32_t(id)));
  x = Fold(x, std::uint64_t(t.used) | std::uint64_t(t.capacity) << 16 |
                  std::uint64_t(t.growth_left) << 32 | std::uint64_t(t.local_depth) << 48);
  x = Fold(x, std::uint64_t(std::uint32_t(t.index)));
  return Mix64(x);
}

std::uint64_t DirFp(std::size_t i, std::int32_t id) {
  return Mix64(Fold(Fold(0xd1e, i), std::uint64_t(std::uint32_t(id))));
}

std::uint64_t TableFp(std::int32_t id, const Table& t) {
  std::uint64_t x = MetaFp(id, t);
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    const Group& G = t.groups[g];
    for (int i = 0; i < kGroupSlots; ++i) {
      auto u = std::size_t(i);
      x ^= SlotFp(id, g, i, G.ctrl[u], G.keys[u], G.elems[u]);
    }
  }
  return x;
}

std::uint64_t FullFp(const SwissState& s) {
  std::uint64_t x = 0;
  for (int i = 0; i < kGroupSlots; ++i) {
    auto u = std::size_t(i);
    x ^= SlotFp(kNoTable, 0, i, s.m.small_group.ctrl[u], s.m.small_group.keys[u],
                s.m.small_group.elems[u]);
  }
  for (std::size_t t = 0; t < s.tables.size(); ++t) x ^= TableFp(std::int32_t(t), s.tables[t]);
  for (std::size_t i = 0; i < s.m.dir.size(); ++i) x ^= DirFp(i, s.m.dir[i]);
  return x;
}

int FirstFree(const Group& g) {
  for (int i = 0; i < kGroupSlots; ++i) {
    if (!CtrlIsFull(g.ctrl[std::size_t(i)])) return i;
  }
  return -1;
}
bool HasEmpty(const Group& g) {
  for (std::uint8_t c : g.ctrl) {
    if (c == kCtrlEmpty) return true;
  }
  return false;
}
std::uint8_t ProbeFlags(const Group& g, std::uint8_t h2) {
  std::uint8_t matches = 0;
  std::uint8_t flags = 0;
  for (std::uint8_t c : g.ctrl) {
    if (c == h2) ++matches;
    if (c == kCtrlEmpty) flags |= kProbeHasEmpty;
    if (c == kCtrlDeleted) flags |= kProbeHasDeleted;
  }
  return std::uint8_t(matches | flags);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] rules
// ---------------------------------------------------------------------------------------------

std::uint16_t InitialGrowthLeft(std::uint16_t capacity) {
  // resetGrowthLeft: a single group keeps one slot empty so that a find always ends.
  if (capacity <= kGroupSlots) return std::uint16_t(capacity - 1);
  return std::uint16_t(capacity * kMaxAvgGroupLoad / kGroupSlots);
}

std::uint16_t TableCapacity(std::uint64_t requested) {
  // newTable: at least one group; alignUpPow2 so that probeSeq visits every group.
  if (requested < kGroupSlots) requested = kGroupSlots;
  return std::uint16_t(std::bit_ceil(requested));
}

SwissMakePlan SwissMakeHint(std::int64_t hint) {
  // NewMap: hint <= 8 allocates nothing (the first write allocates the small group);
  // otherwise hint·8/7 slots, over ceil(target/1024) tables rounded up to a power of 2.
  SwissMakePlan plan;
  if (hint <= kGroupSlots) return plan;
  std::uint64_t target = std::uint64_t(hint) * kGroupSlots / kMaxAvgGroupLoad;
  std::uint64_t dir = std::bit_ceil((target + kMaxTableCapacity - 1) / kMaxTableCapacity);
  plan.tables = dir;
  plan.global_depth = std::uint8_t(std::countr_zero(dir));
  plan.capacity = TableCapacity(target / dir);
  return plan;
}

std::uint64_t DirectoryIndex(std::uint8_t global_depth, std::uint64_t hash) {
  // directoryIndex: hash >> globalShift (64 - globalDepth); a one-entry directory is 0.
  if (global_depth == 0) return 0;
  return hash >> (64 - global_depth);
}

std::uint64_t Tombstones(const Table& t) {
  std::uint64_t n = 0;
  for (const Group& g : t.groups) {
    for (std::uint8_t c : g.ctrl) n += c == kCtrlDeleted;
  }
  return n;
}

std::uint64_t SwissMapBytes(const SwissState& s) {
  constexpr std::uint64_t kGroupBytes = 8 + kGroupSlots * (8 + 8);
  if (!s.m.made) return 0;
  if (s.m.small) return kGroupBytes;
  std::uint64_t bytes = 8 * s.m.dir.size();
  for (const Table& t : s.tables) bytes += kGroupBytes * t.groups.size();
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] lookup and invariants
// ---------------------------------------------------------------------------------------------

SwissLocation SwissLookup(const Program& p, const SwissState& s, std::int64_t key) {
  SwissLocation loc;
  const SwissMap& m = s.m;
  if (!m.made || m.used == 0) return loc;
  std::uint64_t hash = KeyHash(p, key, m.seed);
  std::uint8_t h2 = H2(hash);
  if (m.small) {
    for (int i = 0; i < kGroupSlots; ++i) {
      auto u = std::size_t(i);
      if (m.small_group.ctrl[u] == h2 && m.small_group.keys[u] == key) {
        return {true, kNoTable, 0, std::uint8_t(i), m.small_group.elems[u]};
      }
    }
    return loc;
  }
  std::int32_t id = m.dir[DirectoryIndex(m.global_depth, hash)];
  const Table& t = s.tables[std::size_t(id)];
  ProbeSeq seq = ProbeSeq::Make(H1(hash), t.groups.size() - 1);
  for (std::size_t hop = 0; hop < t.groups.size(); ++hop, seq = seq.Next()) {
    const Group& g = t.groups[seq.offset];
    for (int i = 0; i < kGroupSlots; ++i) {
      auto u = std::size_t(i);
      if (g.ctrl[u] == h2 && g.keys[u] == key) {
        return {true, id, std::uint16_t(seq.offset), std::uint8_t(i), g.elems[u]};
      }
    }
    if (HasEmpty(g)) break;  // an empty slot ends the probe sequence
  }
  return loc;
}

SwissInvariants CheckSwissInvariants(const Program& p, const SwissState& s) {
  SwissInvariants inv;
  inv.checked = true;
  const SwissMap& m = s.m;
  auto check_key = [&](std::int32_t tab, std::size_t g, int i, std::int64_t key) {
    SwissLocation loc = SwissLookup(p, s, key);
    if (!loc.found || loc.table != tab || loc.group != g || loc.slot != i) inv.lookup_ok = false;
  };
  if (m.small) {
    for (int i = 0; i < kGroupSlots; ++i) {
      std::uint8_t c = m.small_group.ctrl[std::size_t(i)];
      if (c == kCtrlDeleted) inv.growth_ok = false;  // deleteSmall never leaves a tombstone
      if (!CtrlIsFull(c)) continue;
      ++inv.live;
      check_key(kNoTable, 0, i, m.small_group.keys[std::size_t(i)]);
    }
  }
  for (std::size_t t = 0; t < s.tables.size(); ++t) {
    const Table& tab = s.tables[t];
    std::uint64_t full = 0;
    for (std::size_t g = 0; g < tab.groups.size(); ++g) {
      for (int i = 0; i < kGroupSlots; ++i) {
        if (!CtrlIsFull(tab.groups[g].ctrl[std::size_t(i)])) continue;
        ++full;
        check_key(std::int32_t(t), g, i, tab.groups[g].keys[std::size_t(i)]);
      }
    }
    if (full != tab.used) inv.used_ok = false;
    if (tab.used + Tombstones(tab) + tab.growth_left != InitialGrowthLeft(tab.capacity)) {
      inv.growth_ok = false;
    }
    inv.live += std::int64_t(full);
  }
  if (std::uint64_t(inv.live) != m.used) inv.used_ok = false;
  return inv;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] ops
// ---------------------------------------------------------------------------------------------

namespace {

enum class Progress { kMore, kDone, kError };

class SwissExec {
 public:
  SwissExec(const Program& p, SwissState& s, std::vector<SwissEvent>& out)
      : m_p(p), m_s(s), m_out(out) {}

  std::string error;

  void Make(const Op& op) {
    Rng rng = m_s.rng;
    m_s = SwissState{};
    m_s.rng = rng;
    SwissMap& m = m_s.m;
    m.made = true;
    m.seed = m_s.rng.Next();  // NewMap / NewEmptyMap: seed = rand()
    SwissMakePlan plan = SwissMakeHint(op.hint);
    m.global_depth = plan.global_depth;
    for (std::uint64_t i = 0; i < plan.tables; ++i) {
      m_s.tables.push_back(NewTable(plan.capacity, std::int32_t(i), plan.global_depth));
      m.dir.push_back(std::int32_t(i));
      m_s.slots += plan.capacity;
    }
    m_s.fp = FullFp(m_s);
    Push(SwissEventKind::kMake, plan.global_depth, std::int32_t(plan.tables), op.hint, m.seed,
         plan.capacity);
  }

  Progress Put(std::int64_t key, std::int64_t elem) {
    SwissMap& m = m_s.m;
    if (!m.made) {
      error = "panic: assignment to entry in nil map (start the script with {\"op\": \"make\"})";
      return Progress::kError;
    }
    std::uint64_t hash = KeyHash(m_p, key, m.seed);
    bool tables = !m.dir.empty();
    Push(SwissEventKind::kHash, H2(hash),
         tables ? std::int32_t(DirectoryIndex(m.global_depth, hash)) : -1, key, hash);
    if (!tables && !m.small) {
      m.small = true;  // growToSmall: the first write allocates one group
      Push(SwissEventKind::kAllocSmall);
    }
    if (m.small) {
      if (m.used < kGroupSlots) {
        PutSmall(hash, key, elem);
        return Progress::kDone;
      }
      // PutSlot: a full small map becomes a table even when this write only updates a key
      // (a TODO in Map.PutSlot).
      if (!GrowToTable()) return Progress::kError;
    }
    for (int attempt = 0; attempt < 4; ++attempt) {
      std::int32_t id = m.dir[DirectoryIndex(m.global_depth, hash)];
      switch (PutTable(id, hash, key, elem)) {
        case Progress::kDone:
          return Progress::kDone;
        case Progress::kError:
          return Progress::kError;
        case Progress::kMore:
          break;  // the table grew or split: find the key's table again
      }
    }
    error = "internal: the insert did not find room after growing";
    return Progress::kError;
  }

  Progress Delete(std::int64_t key) {
    SwissMap& m = m_s.m;
    if (!m.made || m.used == 0) {
      Push(m.made ? SwissEventKind::kEmptyMap : SwissEventKind::kNilMap, 1);
      return Progress::kDone;
    }
    std::uint64_t hash = KeyHash(m_p, key, m.seed);
    std::uint8_t h2 = H2(hash);
    Push(SwissEventKind::kHash, h2,
         m.small ? -1 : std::int32_t(DirectoryIndex(m.global_depth, hash)), key, hash);
    if (m.small) {
      Group& g = m.small_group;
      Push(SwissEventKind::kProbe, ProbeFlags(g, h2), kNoTable, 0, 0, 0);
      for (int i = 0; i < kGroupSlots; ++i) {
        if (g.ctrl[std::size_t(i)] == h2 && g.keys[std::size_t(i)] == key) {
          // deleteSmall: one group has no probe sequence to keep whole, so no tombstone.
          SetSlot(kNoTable, 0, i, kCtrlEmpty, 0, 0);
          --m.used;
          Push(SwissEventKind::kDeleteEmpty, std::uint8_t(i), kNoTable, key, 0, 0);
          return Progress::kDone;
        }
      }
      Push(SwissEventKind::kNotFound, 0, 0, key);
      return Progress::kDone;
    }
    std::int32_t id = m.dir[DirectoryIndex(m.global_depth, hash)];
    Table& t = m_s.tables[std::size_t(id)];
    ProbeSeq seq = ProbeSeq::Make(H1(hash), t.groups.size() - 1);
    for (std::size_t hop = 0; hop < t.groups.size(); ++hop, seq = seq.Next()) {
      Group& g = t.groups[seq.offset];
      Push(SwissEventKind::kProbe, ProbeFlags(g, h2), id, std::int64_t(seq.offset), 0,
           std::uint16_t(hop));
      for (int i = 0; i < kGroupSlots; ++i) {
        if (g.ctrl[std::size_t(i)] != h2 || g.keys[std::size_t(i)] != key) continue;
        --m.used;
        // table.Delete: only a full group can sit in the middle of a probe sequence, so a
        // group that still has an empty slot can take an empty slot back; a full one gets a
        // tombstone so that probes passing through it go on.
        bool empty = HasEmpty(g);
        SetSlot(id, seq.offset, i, empty ? kCtrlEmpty : kCtrlDeleted, 0, 0);
        EditMeta(id, [&](Table& tt) {
          --tt.used;
          if (empty) ++tt.growth_left;
        });
        Push(empty ? SwissEventKind::kDeleteEmpty : SwissEventKind::kDeleteTombstone,
             std::uint8_t(i), id, key, 0, std::uint16_t(seq.offset));
        return Progress::kDone;
      }
      if (HasEmpty(g)) break;
    }
    Push(SwissEventKind::kNotFound, 0, 0, key);
    return Progress::kDone;
  }

  void Lookup(std::int64_t key) {
    SwissMap& m = m_s.m;
    if (!m.made || m.used == 0) {
      Push(m.made ? SwissEventKind::kEmptyMap : SwissEventKind::kNilMap, 0);
      return;
    }
    std::uint64_t hash = KeyHash(m_p, key, m.seed);
    std::uint8_t h2 = H2(hash);
    Push(SwissEventKind::kHash, h2,
         m.small ? -1 : std::int32_t(DirectoryIndex(m.global_depth, hash)), key, hash);
    if (m.small) {
      // getWithKeySmall: the one group's 8 control bytes are compared with H2.
      const Group& g = m.small_group;
      Push(SwissEventKind::kProbe, ProbeFlags(g, h2), kNoTable, 0, 0, 0);
      for (int i = 0; i < kGroupSlots; ++i) {
        if (g.ctrl[std::size_t(i)] == h2 && g.keys[std::size_t(i)] == key) {
          Push(SwissEventKind::kFound, std::uint8_t(i), kNoTable, key,
               std::uint64_t(g.elems[std::size_t(i)]), 0);
          return;
        }
      }
      Push(SwissEventKind::kNotFound, 0, 0, key);
      return;
    }
    std::int32_t id = m.dir[DirectoryIndex(m.global_depth, hash)];
    const Table& t = m_s.tables[std::size_t(id)];
    ProbeSeq seq = ProbeSeq::Make(H1(hash), t.groups.size() - 1);
    for (std::size_t hop = 0; hop < t.groups.size(); ++hop, seq = seq.Next()) {
      const Group& g = t.groups[seq.offset];
      Push(SwissEventKind::kProbe, ProbeFlags(g, h2), id, std::int64_t(seq.offset), 0,
           std::uint16_t(hop));
      for (int i = 0; i < kGroupSlots; ++i) {
        if (g.ctrl[std::size_t(i)] == h2 && g.keys[std::size_t(i)] == key) {
          Push(SwissEventKind::kFound, std::uint8_t(i), id, key,
               std::uint64_t(g.elems[std::size_t(i)]), std::uint16_t(seq.offset));
          return;
        }
      }
      // getWithKey: tombstones behave as full slots; only an empty slot ends the search.
      if (HasEmpty(g)) break;
    }
    Push(SwissEventKind::kNotFound, 0, 0, key);
  }

  void Clear() {
    SwissMap& m = m_s.m;
    if (!m.made || m.used == 0) {
      Push(m.made ? SwissEventKind::kEmptyMap : SwissEventKind::kNilMap, 3);
      return;
    }
    std::int64_t dropped = std::int64_t(m.used);
    // Clear / clearSmall / table.Clear: every group back to empty, growthLeft reset, the
    // tables and directory kept (no shrinking), clearSeq bumped.
    m.small_group = Group{};
    for (Table& t : m_s.tables) {
      for (Group& g : t.groups) g = Group{};
      t.used = 0;
      t.growth_left = InitialGrowthLeft(t.capacity);
    }
    m.used = 0;
    ++m.clear_seq;
    m_s.fp = FullFp(m_s);
    Push(SwissEventKind::kClear, 0, 0, dropped);
  }

  Progress Iterate(const Op& op) {
    SwissCursor& c = m_s.cur;
    SwissIter& it = c.it;
    SwissMap& m = m_s.m;
    if (c.index == 0) {
      if (!m.made || m.used == 0) {
        Push(m.made ? SwissEventKind::kEmptyMap : SwissEventKind::kNilMap, 2);
        return Progress::kDone;
      }
      // Iter.Init: two random numbers, one for the slot offset inside every table, one for
      // where the walk over the directory starts.
      it = SwissIter{};
      it.active = true;
      it.entry_offset = m_s.rng.Next();
      it.dir_offset = m_s.rng.Next();
      it.global_depth = m.global_depth;
      it.dir_idx = m.small ? -1 : 0;
      c.index = 1;
      Push(SwissEventKind::kIterInit, m.small ? 1 : 0, 0, std::int64_t(it.entry_offset),
           it.dir_offset);
      return Progress::kMore;
    }
    if (op.limit >= 0 && it.yielded >= op.limit) {
      Push(SwissEventKind::kIterDone, 1, 0, it.yielded);
      return Progress::kDone;
    }
    if (IterNext()) return Progress::kMore;
    Push(SwissEventKind::kIterDone, 0, 0, it.yielded);
    return Progress::kDone;
  }

 private:
  void Push(SwissEventKind k, std::uint8_t slot = 0, std::int32_t bucket = 0, std::int64_t a = 0,
            std::uint64_t b = 0, std::uint16_t depth = 0) {
    SwissEvent e;
    e.kind = k;
    e.slot = slot;
    e.bucket = bucket;
    e.a = a;
    e.b = b;
    e.depth = depth;
    m_out.push_back(e);
  }

  Group& GroupAt(std::int32_t tab, std::uint64_t g) {
    return tab < 0 ? m_s.m.small_group : m_s.tables[std::size_t(tab)].groups[g];
  }

  void SetSlot(std::int32_t tab, std::uint64_t g, int i, std::uint8_t ctrl, std::int64_t key,
               std::int64_t elem) {
    Group& G = GroupAt(tab, g);
    auto u = std::size_t(i);
    m_s.fp ^= SlotFp(tab, g, i, G.ctrl[u], G.keys[u], G.elems[u]);
    G.ctrl[u] = ctrl;
    G.keys[u] = key;
    G.elems[u] = elem;
    m_s.fp ^= SlotFp(tab, g, i, ctrl, key, elem);
  }

  template <class F>
  void EditMeta(std::int32_t id, F&& f) {
    Table& t = m_s.tables[std::size_t(id)];
    m_s.fp ^= MetaFp(id, t);
    f(t);
    m_s.fp ^= MetaFp(id, t);
  }

  void SetDir(std::size_t i, std::int32_t id) {
    m_s.fp ^= DirFp(i, m_s.m.dir[i]);
    m_s.m.dir[i] = id;
    m_s.fp ^= DirFp(i, id);
  }

  static Table NewTable(std::uint16_t capacity, std::int32_t index, std::uint8_t depth) {
    Table t;
    t.capacity = TableCapacity(capacity);
    t.index = index;
    t.local_depth = depth;
    t.groups.assign(t.capacity / kGroupSlots, Group{});
    t.growth_left = InitialGrowthLeft(t.capacity);
    return t;
  }

  // uncheckedPutSlot into a table not yet installed: the first group on the probe path with
  // an empty (or deleted) slot, its first such slot.
  void UncheckedPut(Table& t, std::uint64_t hash, std::int64_t key, std::int64_t elem) {
    ProbeSeq seq = ProbeSeq::Make(H1(hash), t.groups.size() - 1);
    for (;; seq = seq.Next()) {
      Group& g = t.groups[seq.offset];
      int i = FirstFree(g);
      if (i < 0) continue;
      g.ctrl[std::size_t(i)] = H2(hash);
      g.keys[std::size_t(i)] = key;
      g.elems[std::size_t(i)] = elem;
      --t.growth_left;
      ++t.used;
      return;
    }
  }

  // Re-inserts every full slot of `from` (group by group, slot by slot, as grow and split
  // walk it) into the table `pick` chooses.
  template <class Pick>
  void Reinsert(const Table& from, Pick&& pick) {
    for (const Group& g : from.groups) {
      for (int i = 0; i < kGroupSlots; ++i) {
        auto u = std::size_t(i);
        if (!CtrlIsFull(g.ctrl[u])) continue;
        std::uint64_t hash = KeyHash(m_p, g.keys[u], m_s.m.seed);
        UncheckedPut(pick(hash), hash, g.keys[u], g.elems[u]);
      }
    }
  }

  // Installs `t` as table `id` (replacing what was there), keeping fp up to date.
  void Install(std::int32_t id, Table t) {
    if (std::size_t(id) == m_s.tables.size()) {
      m_s.tables.push_back(Table{});
      m_s.fp ^= TableFp(id, m_s.tables.back());
    }
    Table& slot = m_s.tables[std::size_t(id)];
    m_s.fp ^= TableFp(id, slot);
    slot = std::move(t);
    m_s.fp ^= TableFp(id, slot);
  }

  bool SlotLimit(std::uint64_t more) {
    if (m_s.slots + more <= kMaxSwissSlots) return true;
    error = "the map would hold more than the limit kMaxSwissSlots = " +
            std::to_string(kMaxSwissSlots) + " slots";
    return false;
  }

  bool GrowToTable() {
    // growToTable: a 16-slot table at directory depth 0 takes the small group's entries.
    if (!SlotLimit(2 * kGroupSlots)) return false;
    Table t = NewTable(2 * kGroupSlots, 0, 0);
    const Group& small = m_s.m.small_group;
    std::int64_t moved = 0;
    for (int i = 0; i < kGroupSlots; ++i) {
      auto u = std::size_t(i);
      if (!CtrlIsFull(small.ctrl[u])) continue;
      UncheckedPut(t, KeyHash(m_p, small.keys[u], m_s.m.seed), small.keys[u], small.elems[u]);
      ++moved;
    }
    m_s.m.small = false;
    m_s.m.small_group = Group{};
    m_s.m.global_depth = 0;
    m_s.m.dir.assign(1, 0);
    m_s.tables.clear();
    m_s.slots = 2 * kGroupSlots;
    m_s.tables.push_back(std::move(t));
    m_s.fp = FullFp(m_s);
    Push(SwissEventKind::kToTable, 0, 0, moved);
    return true;
  }

  // table.rehash: double the table while it stays within maxTableCapacity, else split it.
  bool Rehash(std::int32_t id) {
    const Table& old = m_s.tables[std::size_t(id)];
    std::uint32_t new_cap = 2u * old.capacity;
    if (new_cap <= kMaxTableCapacity) {
      if (!SlotLimit(new_cap - old.capacity)) return false;
      Table t = NewTable(std::uint16_t(new_cap), old.index, old.local_depth);
      Reinsert(old, [&](std::uint64_t) -> Table& { return t; });
      std::uint16_t moved = t.used;
      std::uint16_t old_cap = old.capacity;
      Install(id, std::move(t));  // replaceTable: the same directory entries now point here
      m_s.slots += new_cap - old_cap;
      Push(SwissEventKind::kGrow, 0, id, old_cap, new_cap, moved);
      return true;
    }
    return Split(id);
  }

  // table.split + Map.installTableSplit: two 1024-slot tables one level deeper, divided by
  // the hash bit below the localDepth bits already used; the directory doubles first when
  // the table already uses all globalDepth bits.
  bool Split(std::int32_t id) {
    if (!SlotLimit(kMaxTableCapacity)) return false;
    SwissMap& m = m_s.m;
    std::uint8_t depth = std::uint8_t(m_s.tables[std::size_t(id)].local_depth + 1);
    Table left = NewTable(kMaxTableCapacity, -1, depth);
    Table right = NewTable(kMaxTableCapacity, -1, depth);
    std::uint64_t mask = std::uint64_t(1) << (64 - depth);  // localDepthMask
    Reinsert(m_s.tables[std::size_t(id)],
             [&](std::uint64_t hash) -> Table& { return (hash & mask) == 0 ? left : right; });
    if (m_s.tables[std::size_t(id)].local_depth == m.global_depth) {
      std::vector<std::int32_t> old_dir = m.dir;
      for (std::size_t i = 0; i < old_dir.size(); ++i) m_s.fp ^= DirFp(i, old_dir[i]);
      m.dir.assign(old_dir.size() * 2, 0);
      for (std::size_t i = 0; i < old_dir.size(); ++i) {
        m.dir[2 * i] = m.dir[2 * i + 1] = old_dir[i];
        // A table may fill several entries: only the first one seen moves its index.
        if (m_s.tables[std::size_t(old_dir[i])].index == std::int32_t(i)) {
          EditMeta(old_dir[i], [&](Table& t) { t.index = std::int32_t(2 * i); });
        }
      }
      for (std::size_t i = 0; i < m.dir.size(); ++i) m_s.fp ^= DirFp(i, m.dir[i]);
      ++m.global_depth;
      Push(SwissEventKind::kDirGrow, m.global_depth, 0, std::int64_t(m.dir.size()));
    }
    left.index = m_s.tables[std::size_t(id)].index;
    std::size_t entries = std::size_t(1) << (m.global_depth - depth);
    right.index = left.index + std::int32_t(entries);
    std::uint64_t used = std::uint64_t(left.used) | std::uint64_t(right.used) << 32;
    auto right_id = std::int32_t(m_s.tables.size());
    std::int32_t li = left.index;
    std::int32_t ri = right.index;
    Install(id, std::move(left));
    Install(right_id, std::move(right));
    for (std::size_t k = 0; k < entries; ++k) {  // replaceTable(left), replaceTable(right)
      SetDir(std::size_t(li) + k, id);
      SetDir(std::size_t(ri) + k, right_id);
    }
    m_s.slots += kMaxTableCapacity;
    Push(SwissEventKind::kSplit, depth, id, right_id, used);
    return true;
  }

  void PutSmall(std::uint64_t hash, std::int64_t key, std::int64_t elem) {
    Group& g = m_s.m.small_group;
    std::uint8_t h2 = H2(hash);
    Push(SwissEventKind::kProbe, ProbeFlags(g, h2), kNoTable, 0, 0, 0);
    for (int i = 0; i < kGroupSlots; ++i) {
      auto u = std::size_t(i);
      if (g.ctrl[u] == h2 && g.keys[u] == key) {
        SetSlot(kNoTable, 0, i, h2, key, elem);
        Push(SwissEventKind::kUpdate, std::uint8_t(i), kNoTable, key, std::uint64_t(elem), 0);
        return;
      }
    }
    // putSlotSmall: small maps have no tombstones, so the first empty slot is the one.
    int i = FirstFree(g);
    SetSlot(kNoTable, 0, i, h2, key, elem);
    ++m_s.m.used;
    Push(SwissEventKind::kInsert, std::uint8_t(i), kNoTable, key, hash, 0);
  }

  // table.PutSlot. kMore: the table was rehashed and the caller must look its table up again.
  Progress PutTable(std::int32_t id, std::uint64_t hash, std::int64_t key, std::int64_t elem) {
    std::uint8_t h2 = H2(hash);
    std::size_t ngroups = m_s.tables[std::size_t(id)].groups.size();
    ProbeSeq seq = ProbeSeq::Make(H1(hash), ngroups - 1);
    std::int64_t del_group = -1;
    int del_slot = 0;
    for (std::size_t hop = 0; hop < ngroups; ++hop, seq = seq.Next()) {
      Group& g = m_s.tables[std::size_t(id)].groups[seq.offset];
      Push(SwissEventKind::kProbe, ProbeFlags(g, h2), id, std::int64_t(seq.offset), 0,
           std::uint16_t(hop));
      for (int i = 0; i < kGroupSlots; ++i) {
        auto u = std::size_t(i);
        if (g.ctrl[u] == h2 && g.keys[u] == key) {
          SetSlot(id, seq.offset, i, h2, key, elem);
          Push(SwissEventKind::kUpdate, std::uint8_t(i), id, key, std::uint64_t(elem),
               std::uint16_t(seq.offset));
          return Progress::kDone;
        }
      }
      int i = FirstFree(g);
      if (i < 0) continue;  // nothing but full slots: keep probing
      if (g.ctrl[std::size_t(i)] == kCtrlDeleted) {
        // The first free slot is a tombstone: remember the first one and keep probing, as
        // the key may still be further on.
        if (del_group < 0) {
          del_group = std::int64_t(seq.offset);
          del_slot = i;
        }
        continue;
      }
      // An empty slot: the end of the probe sequence. A tombstone seen on the way is reused
      // without spending growthLeft.
      Table& t = m_s.tables[std::size_t(id)];
      bool reuse = del_group >= 0;
      std::uint64_t gi = reuse ? std::uint64_t(del_group) : seq.offset;
      int si = reuse ? del_slot : i;
      if (reuse || t.growth_left > 0) {
        SetSlot(id, gi, si, h2, key, elem);
        EditMeta(id, [&](Table& tt) {
          if (!reuse) --tt.growth_left;
          ++tt.used;
        });
        ++m_s.m.used;
        Push(reuse ? SwissEventKind::kReuseTombstone : SwissEventKind::kInsert, std::uint8_t(si),
             id, key, hash, std::uint16_t(gi));
        return Progress::kDone;
      }
      return Rehash(id) ? Progress::kMore : Progress::kError;
    }
    error = "internal: a probe sequence visited every group without finding an empty slot";
    return Progress::kError;
  }

  // Iter.Next for a map that has not grown since Init (script ops do not interleave with an
  // iteration): slots in entryIdx order from entryOffset, tables in directory order from
  // dirOffset, each table once however many directory entries point at it.
  bool IterNext() {
    SwissIter& it = m_s.cur.it;
    const SwissMap& m = m_s.m;
    if (it.dir_idx < 0) {
      for (; it.entry_idx < kGroupSlots; ++it.entry_idx) {
        auto k = std::size_t((it.entry_idx + it.entry_offset) % kGroupSlots);
        if (!CtrlIsFull(m.small_group.ctrl[k])) continue;
        ++it.entry_idx;
        return Yield(kNoTable, 0, k, m.small_group);
      }
      return false;
    }
    auto dir_len = std::int64_t(m.dir.size());
    while (it.dir_idx < dir_len) {
      if (it.tab == kNoTable) {
        auto d =
            std::int64_t((std::uint64_t(it.dir_idx) + it.dir_offset) & std::uint64_t(dir_len - 1));
        std::int32_t id = m.dir[std::size_t(d)];
        std::int32_t index = m_s.tables[std::size_t(id)].index;
        // The first, random, directory index may be in the middle of a table's run of
        // entries: move the offset back to the run's first entry.
        if (index != d) it.dir_offset -= std::uint64_t(d - index);
        it.tab = id;
      }
      const Table& t = m_s.tables[std::size_t(it.tab)];
      std::uint64_t mask = t.capacity - 1u;
      while (it.entry_idx <= mask) {
        std::uint64_t e = (it.entry_idx + it.entry_offset) & mask;
        ++it.entry_idx;
        const Group& g = t.groups[e >> 3];
        if (CtrlIsFull(g.ctrl[e & 7])) return Yield(it.tab, e >> 3, e & 7, g);
      }
      // nextDirIdx: skip the other entries that point at the same table.
      it.dir_idx += std::int64_t(1) << (m.global_depth - t.local_depth);
      it.tab = kNoTable;
      it.entry_idx = 0;
    }
    return false;
  }

  bool Yield(std::int32_t tab, std::uint64_t g, std::uint64_t k, const Group& G) {
    ++m_s.cur.it.yielded;
    Push(SwissEventKind::kIterYield, std::uint8_t(k), tab, G.keys[k], std::uint64_t(G.elems[k]),
         std::uint16_t(g));
    return true;
  }

  const Program& m_p;
  SwissState& m_s;
  std::vector<SwissEvent>& m_out;
};

}  // namespace

SwissState SwissModel::Initial() const {
  SwissState s;
  s.rng.state = m_program->config.seed;
  s.inv = CheckSwissInvariants(*m_program, s);
  return s;
}

StepResult SwissModel::Step(SwissState& s, std::vector<SwissEvent>& out) const {
  const Program& p = *m_program;
  if (s.cur.op < 0 || std::size_t(s.cur.op) >= p.ops.size()) return StepResult::Done();
  const Op& op = p.ops[std::size_t(s.cur.op)];
  SwissExec ex(p, s, out);
  Progress prog = Progress::kDone;
  switch (op.code) {
    case OpCode::kMake:
      ex.Make(op);
      break;
    case OpCode::kClear:
      ex.Clear();
      break;
    case OpCode::kInsert:
      prog = ex.Put(op.key, op.value);
      break;
    case OpCode::kDelete:
      prog = ex.Delete(op.key);
      break;
    case OpCode::kLookup:
      ex.Lookup(op.key);
      break;
    case OpCode::kIterate:
      prog = ex.Iterate(op);
      break;
    case OpCode::kInsertRange:
    case OpCode::kDeleteRange: {
      std::int64_t key = p.RangeKey(op, s.cur.index);
      prog = op.code == OpCode::kInsertRange ? ex.Put(key, op.from + s.cur.index) : ex.Delete(key);
      if (prog == Progress::kDone && ++s.cur.index < op.count) prog = Progress::kMore;
      break;
    }
  }
  if (prog == Progress::kError) return StepResult::Error(op.source, ex.error);
  if (prog == Progress::kDone) {
    std::int32_t next = s.cur.op + 1;
    s.cur = SwissCursor{};
    s.cur.op = next;
  }
  if (s.slots <= kFullCheckSlots || prog == Progress::kDone) {
    s.inv = CheckSwissInvariants(p, s);
    auto violation = [&](std::uint8_t which) {
      SwissEvent e;
      e.kind = SwissEventKind::kViolation;
      e.slot = which;
      e.a = s.inv.live;
      out.push_back(e);
    };
    if (!s.inv.used_ok) violation(0);
    if (!s.inv.lookup_ok) violation(1);
    if (!s.inv.growth_ok) violation(2);
  } else {
    s.inv = SwissInvariants{};
  }
  return StepResult::Stepped(op.source);
}

std::uint64_t SwissModel::Hash(const SwissState& s) const {
  const SwissMap& m = s.m;
  const SwissCursor& c = s.cur;
  const SwissIter& it = c.it;
  const std::uint64_t words[] = {
      std::uint64_t(m.made) | std::uint64_t(m.small) << 8 | std::uint64_t(m.global_depth) << 16,
      m.used,
      m.seed,
      m.clear_seq,
      s.tables.size(),
      s.slots,
      s.fp,
      std::uint64_t(std::uint32_t(c.op)),
      std::uint64_t(c.index),
      std::uint64_t(it.active) | std::uint64_t(it.global_depth) << 8 |
          std::uint64_t(std::uint32_t(it.tab)) << 32,
      it.entry_offset,
      it.dir_offset,
      std::uint64_t(it.dir_idx),
      it.entry_idx,
      std::uint64_t(it.yielded),
      s.rng.state,
      std::uint64_t(s.inv.checked) | std::uint64_t(s.inv.used_ok) << 1 |
          std::uint64_t(s.inv.lookup_ok) << 2 | std::uint64_t(s.inv.growth_ok) << 3,
      std::uint64_t(s.inv.live)};
  std::uint64_t x = 0x3c6ef372fe94f82bULL;
  for (std::uint64_t w : words) x = Fold(x, w);
  return Mix64(x);
}

std::size_t SwissModel::StateBytes(const SwissState& s) {
  std::size_t bytes = sizeof(SwissState) + s.m.dir.capacity() * sizeof(std::int32_t);
  for (const Table& t : s.tables) bytes += sizeof(Table) + t.groups.capacity() * sizeof(Group);
  return bytes;
}

}  // namespace gs::maps
