// The HashTrieMap rules. Every function below names the function of
// src/internal/sync/hashtriemap.go it follows. One op runs to completion in one step: the
// scenario's script is the interleaving, so a writer's re-check under the lock always finds
// what its walk saw (the retry loops of LoadOrStore, Swap and find never go round twice).
#include "engine/syncmap/trie_model.h"

#include "engine/core/hash.h"

namespace gs::syncmap {

std::int64_t TrieLen(const TrieState& s) {
  std::int64_t n = 0;
  std::vector<std::int32_t> stack{0};
  while (!stack.empty()) {
    const TrieIndirect& i = s.nodes[std::size_t(stack.back())];
    stack.pop_back();
    for (std::int32_t c : i.children) {
      if (c == kTrieNil) continue;
      if (!TrieIsEntry(c)) {
        stack.push_back(c);
        continue;
      }
      for (std::int32_t e = TrieEntryId(c); e >= 0; e = s.entries[std::size_t(e)].overflow) ++n;
    }
  }
  return n;
}

std::uint64_t TrieDefaultHash(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

namespace {

using K = TrieEventKind;

class TrieOp {
 public:
  TrieOp(const Program& p, const Op& op, TrieState& s, std::vector<TrieEvent>& out)
      : m_p(p), m_op(op), m_s(s), m_out(out) {
    if (op.key >= 0) m_hash = p.hashes[std::size_t(op.key)];
  }

  void Run() {
    if (m_op.code != OpCode::kRange) {
      TrieEvent& e = Emit(K::kHash);
      e.hash = m_hash;
      e.ok = m_p.explicit_hash[std::size_t(m_op.key)] != 0;
    }
    switch (m_op.code) {
      case OpCode::kLoad:
        Load();
        break;
      case OpCode::kStore:
        Swap();
        break;
      case OpCode::kLoadOrStore:
        LoadOrStore();
        break;
      case OpCode::kDelete:
        LoadAndDelete();
        break;
      case OpCode::kRange:
        Iter(0);
        Result(true, m_yields);
        break;
    }
  }

 private:
  TrieEvent& Emit(K kind) {
    TrieEvent e;
    e.kind = kind;
    e.op = m_op.code;
    e.g = m_op.g;
    e.key = m_op.key;
    m_out.push_back(e);
    return m_out.back();
  }

  // The walk shared by Load, LoadOrStore, Swap and find: from ht.root, hashShift = 64, each
  // level takes children[(hash >> hashShift) & 15] after hashShift -= 4, and stops at a nil
  // slot or an entry. Leaves m_node/m_slot/m_depth at the slot where it stopped.
  std::int32_t Walk() {
    m_node = 0;
    for (m_depth = 0; m_depth < kTrieHashBits / kTrieBits; ++m_depth) {
      m_slot = TrieNibble(m_hash, m_depth);
      std::int32_t c = Node(m_node).children[std::size_t(m_slot)];
      TrieEvent& e = Emit(K::kVisit);
      e.node = m_node;
      e.slot = m_slot;
      e.depth = m_depth;
      e.a = c == kTrieNil ? 0 : TrieIsEntry(c) ? 1 : 2;
      if (c == kTrieNil || TrieIsEntry(c)) return c;
      m_node = c;
    }
    return kTrieNil;  // unreachable: expand never builds deeper than 16 levels
  }

  TrieIndirect& Node(std::int32_t id) { return m_s.nodes[std::size_t(id)]; }
  TrieEntry& Ent(std::int32_t id) { return m_s.entries[std::size_t(id)]; }

  // entry.lookup: follow the overflow chain comparing keys. Returns the entry id or -1.
  std::int32_t Lookup(std::int32_t head) {
    std::int32_t found = -1;
    std::int64_t len = 0;
    for (std::int32_t e = head; e >= 0; e = Ent(e).overflow) {
      ++len;
      if (Ent(e).key == m_op.key) {
        found = e;
        break;
      }
    }
    TrieEvent& ev = Emit(K::kLookup);
    ev.node = m_node;
    ev.slot = m_slot;
    ev.entry = head;
    ev.ok = found >= 0;
    ev.a = len;
    return found;
  }

  void Result(bool ok, std::int64_t v) {
    TrieEvent& e = Emit(K::kResult);
    e.ok = ok;
    e.a = v;
  }

  void Lock(std::int32_t node) {
    TrieEvent& e = Emit(K::kLock);
    e.node = node;
    e.depth = Node(node).depth;
  }
  void Unlock(std::int32_t node) {
    TrieEvent& e = Emit(K::kUnlock);
    e.node = node;
    e.depth = Node(node).depth;
  }

  // "Grab the lock and double-check what we saw" (LoadOrStore, Swap, find): i.mu.Lock, then
  // the slot is re-read and i.dead checked. In a scripted interleaving nothing ran between.
  void LockAndRecheck() {
    Lock(m_node);
    TrieEvent& e = Emit(K::kRecheck);
    e.node = m_node;
    e.slot = m_slot;
    e.ok = !Node(m_node).dead;
  }

  std::int32_t NewEntry(std::int64_t value, std::int32_t overflow) {
    m_s.entries.push_back(TrieEntry{m_op.key, value, overflow});
    return std::int32_t(m_s.entries.size() - 1);
  }

  std::int32_t& Slot() { return Node(m_node).children[std::size_t(m_slot)]; }

  // HashTrieMap.Load: the lock-free walk, then entry.lookup on the entry it reaches.
  void Load() {
    std::int32_t c = Walk();
    if (!TrieIsEntry(c)) return Result(false, 0);
    std::int32_t e = Lookup(TrieEntryId(c));
    Result(e >= 0, e >= 0 ? Ent(e).value : 0);
  }

  // Insert after the re-check (the tail of LoadOrStore and Swap): an empty slot takes the new
  // entry; an occupied one is replaced by what expand builds, published last.
  void Insert(std::int32_t old_child) {
    std::int32_t ne = NewEntry(m_op.value, -1);
    if (old_child == kTrieNil) {
      Slot() = TrieEntryRef(ne);
      TrieEvent& e = Emit(K::kInsert);
      e.node = m_node;
      e.slot = m_slot;
      e.entry = ne;
      return;
    }
    Slot() = Expand(TrieEntryId(old_child), ne);
  }

  // HashTrieMap.expand: equal full hashes chain (the new entry's overflow is the old one);
  // otherwise new indirect nodes, one per level where the two hashes' nibbles still agree,
  // until a level where they differ holds both entries.
  std::int32_t Expand(std::int32_t old_entry, std::int32_t new_entry) {
    const std::uint64_t old_hash = m_p.hashes[std::size_t(Ent(old_entry).key)];
    if (old_hash == m_hash) {
      Ent(new_entry).overflow = old_entry;
      TrieEvent& e = Emit(K::kChain);
      e.node = m_node;
      e.slot = m_slot;
      e.entry = new_entry;
      e.a = old_entry;
      return TrieEntryRef(new_entry);
    }
    std::int32_t parent = m_node;
    std::int32_t top = -1;
    for (std::int32_t depth = m_depth + 1; depth < kTrieHashBits / kTrieBits; ++depth) {
      TrieIndirect n;
      n.parent = parent;
      n.depth = depth;
      m_s.nodes.push_back(n);
      const auto id = std::int32_t(m_s.nodes.size() - 1);
      TrieEvent& ex = Emit(K::kExpand);
      ex.node = id;
      ex.depth = depth;
      ex.a = parent;
      ex.slot = TrieNibble(m_hash, depth - 1);
      if (top < 0) {
        top = id;
      } else {
        Node(parent).children[std::size_t(TrieNibble(m_hash, depth - 1))] = id;
      }
      const int oi = TrieNibble(old_hash, depth);
      const int ni = TrieNibble(m_hash, depth);
      if (oi != ni) {
        Node(id).children[std::size_t(oi)] = TrieEntryRef(old_entry);
        Node(id).children[std::size_t(ni)] = TrieEntryRef(new_entry);
        for (auto [slot, ent] : {std::pair{oi, old_entry}, std::pair{ni, new_entry}}) {
          TrieEvent& pl = Emit(K::kPlace);
          pl.node = id;
          pl.slot = slot;
          pl.entry = ent;
          pl.depth = depth;
          pl.b = Ent(ent).key;
        }
        break;
      }
      parent = id;
    }
    return top;
  }

  // HashTrieMap.LoadOrStore: a walk that finds the key returns without any lock; otherwise
  // lock the node holding the insert point, re-check, look again, and insert.
  void LoadOrStore() {
    std::int32_t c = Walk();
    if (TrieIsEntry(c)) {
      std::int32_t e = Lookup(TrieEntryId(c));
      if (e >= 0) return Result(true, Ent(e).value);
    }
    LockAndRecheck();
    Insert(c);
    Unlock(m_node);
    Result(false, m_op.value);
  }

  // HashTrieMap.Swap (Store calls it): always locks the node where the walk stopped; entry.swap
  // puts a new entry for the key in place of the old one (head or inside the chain), or the key
  // is inserted as in LoadOrStore.
  void Swap() {
    std::int32_t c = Walk();
    LockAndRecheck();
    if (TrieIsEntry(c)) {
      std::int32_t prev = -1;
      for (std::int32_t e = TrieEntryId(c); e >= 0; prev = e, e = Ent(e).overflow) {
        if (Ent(e).key != m_op.key) continue;
        const std::int64_t old_value = Ent(e).value;
        std::int32_t ne = NewEntry(m_op.value, Ent(e).overflow);
        if (prev < 0)
          Slot() = TrieEntryRef(ne);
        else
          Ent(prev).overflow = ne;
        TrieEvent& ev = Emit(K::kReplace);
        ev.node = m_node;
        ev.slot = m_slot;
        ev.entry = ne;
        ev.a = e;
        ev.b = old_value;
        Unlock(m_node);
        return Result(true, old_value);
      }
    }
    Insert(c);
    Unlock(m_node);
    Result(false, 0);
  }

  // HashTrieMap.LoadAndDelete (Delete calls it), shaped as CompareAndDelete without the value
  // compare: find locks the node only when the key is there; the entry leaves its chain; an
  // emptied slot makes the node a candidate for pruning, which walks up locking each parent.
  void LoadAndDelete() {
    std::int32_t c = Walk();
    if (!TrieIsEntry(c)) return Result(false, 0);
    const std::int32_t head = TrieEntryId(c);
    const std::int32_t found = Lookup(head);
    if (found < 0) return Result(false, 0);
    LockAndRecheck();
    const std::int64_t old_value = Ent(found).value;
    TrieEvent& rm = Emit(K::kRemove);
    rm.node = m_node;
    rm.slot = m_slot;
    rm.entry = found;
    if (found == head) {
      const std::int32_t rest = Ent(head).overflow;
      Slot() = rest >= 0 ? TrieEntryRef(rest) : kTrieNil;
    } else {
      std::int32_t prev = head;
      while (Ent(prev).overflow != found) prev = Ent(prev).overflow;
      Ent(prev).overflow = Ent(found).overflow;
    }
    rm.ok = Slot() == kTrieNil;
    if (rm.ok) {
      std::int32_t i = m_node;
      std::int32_t depth = m_depth;
      while (Node(i).parent >= 0 && Empty(Node(i))) {
        const std::int32_t parent = Node(i).parent;
        --depth;
        Lock(parent);
        Node(i).dead = true;
        const int slot = TrieNibble(m_hash, depth);
        Node(parent).children[std::size_t(slot)] = kTrieNil;
        TrieEvent& pr = Emit(K::kPrune);
        pr.node = i;
        pr.a = parent;
        pr.slot = slot;
        pr.depth = depth;
        Unlock(i);
        i = parent;
      }
      m_node = i;
    }
    Unlock(m_node);
    Result(true, old_value);
  }

  static bool Empty(const TrieIndirect& i) {
    for (std::int32_t c : i.children)
      if (c != kTrieNil) return false;
    return true;
  }

  // HashTrieMap.iter (Range): children 0..15 in order, depth first, each chain head to tail;
  // no lock anywhere.
  void Iter(std::int32_t node) {
    for (std::int32_t c : Node(node).children) {
      if (c == kTrieNil) continue;
      if (!TrieIsEntry(c)) {
        Iter(c);
        continue;
      }
      for (std::int32_t e = TrieEntryId(c); e >= 0; e = Ent(e).overflow) {
        ++m_yields;
        TrieEvent& y = Emit(K::kYield);
        y.key = Ent(e).key;
        y.a = Ent(e).value;
        y.node = node;
        y.entry = e;
      }
    }
  }

  const Program& m_p;
  const Op& m_op;
  TrieState& m_s;
  std::vector<TrieEvent>& m_out;
  std::uint64_t m_hash = 0;
  std::int32_t m_node = 0;
  std::int32_t m_slot = 0;
  std::int32_t m_depth = 0;
  std::int64_t m_yields = 0;
};

}  // namespace

void ApplyTrieOp(const Program& p, const Op& op, TrieState& s, std::vector<TrieEvent>& out) {
  TrieOp(p, op, s, out).Run();
}

TrieState TrieModel::Initial() const {
  TrieState s;
  s.nodes.emplace_back();  // initSlow: ht.root = newIndirectNode(nil)
  return s;
}

StepResult TrieModel::Step(State& s, std::vector<Event>& out) const {
  if (std::size_t(s.op) >= m_program->ops.size()) return StepResult::Done();
  const Op& op = m_program->ops[std::size_t(s.op)];
  ApplyTrieOp(*m_program, op, s, out);
  ++s.op;
  return StepResult::Stepped(op.source);
}

std::uint64_t TrieModel::Hash(const State& s) const {
  Hasher h;
  for (const TrieIndirect& n : s.nodes) {
    h.Add(n.parent);
    h.Add(n.depth);
    h.Add(n.dead);
    for (std::int32_t c : n.children) h.Add(c);
  }
  for (const TrieEntry& e : s.entries) {
    h.Add(e.key);
    h.Add(e.value);
    h.Add(e.overflow);
  }
  h.Add(s.op);
  return h.Value();
}

}  // namespace gs::syncmap
