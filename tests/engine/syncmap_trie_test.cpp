// Rule tests of the Go 1.24+ sync.Map model (internal/sync.HashTrieMap). Every expected value
// is reasoned from src/internal/sync/hashtriemap.go, named in each comment; the model was not
// run against real Go 1.24 (only Go 1.19 is installed here), so these rest on the source.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/syncmap/trie_run.h"

namespace gs::syncmap {
namespace {

using K = TrieEventKind;

// A run of `ops` from goroutines g1, g2 with optional "hashes" (JSON object text).
std::shared_ptr<const TrieRun> RunOf(const std::string& ops, const std::string& hashes = "",
                                     const std::string& go = "1.24") {
  std::string text = R"({"format": 1, "kind": "syncmap", "id": "t", "title": {"en": "t"},
    "go_version": ")" +
                     go + R"(", "goroutines": ["g1", "g2"], )" +
                     (hashes.empty() ? "" : "\"hashes\": " + hashes + ", ") + R"("script": [)" +
                     ops + "]}";
  LoadResult r = LoadScenarioText("t.json", text);
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return std::dynamic_pointer_cast<const TrieRun>(r.run);
}

std::vector<K> Kinds(const TrieRun& run, std::size_t step) {
  std::vector<K> out;
  for (const TrieEvent& e : run.GetTimeline().Events(step)) out.push_back(e.kind);
  return out;
}
int Count(const TrieRun& run, std::size_t step, K k) {
  int n = 0;
  for (const TrieEvent& e : run.GetTimeline().Events(step)) n += e.kind == k;
  return n;
}
const TrieEvent* Find(const TrieRun& run, std::size_t step, K k) {
  for (const TrieEvent& e : run.GetTimeline().Events(step))
    if (e.kind == k) return &e;
  return nullptr;
}
std::string Store(const std::string& g, const std::string& k, int v) {
  return R"({"op": "store", "g": ")" + g + R"(", "key": ")" + k + R"(", "value": )" +
         std::to_string(v) + "}";
}
std::string Op(const std::string& op, const std::string& g, const std::string& k) {
  return R"({"op": ")" + op + R"(", "g": ")" + g + R"(", "key": ")" + k + "\"}";
}

// Load, LoadOrStore, Swap and find all index children[(hash >> hashShift) & nChildrenMask]
// after hashShift -= nChildrenLog2 from 64: the top nibble picks the root's slot, the next one
// the slot one level down.
TEST(SyncMapTrie, NibblesFromTheTop) {
  EXPECT_EQ(TrieNibble(0x3100000000000000ULL, 0), 3);
  EXPECT_EQ(TrieNibble(0x3100000000000000ULL, 1), 1);
  EXPECT_EQ(TrieNibble(0x000000000000000fULL, 15), 15);
  EXPECT_EQ(TrieNibble(0x000000000000000fULL, 14), 0);
}

// The documented default hash is 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime
// 0x100000001b3): FNV-1a("") is the basis and FNV-1a("a") is the published 0xaf63dc4c8601ec8c.
TEST(SyncMapTrie, DefaultHashIsFnv1a) {
  EXPECT_EQ(TrieDefaultHash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(TrieDefaultHash("a"), 0xaf63dc4c8601ec8cULL);
}

// Swap (Store): walk to root[3] (nil), i.mu.Lock on the root, re-check, slot.Store(newEntry),
// unlock. Load then walks lock-free (no i.mu anywhere in HashTrieMap.Load).
TEST(SyncMapTrie, StoreLocksRootLoadDoesNot) {
  auto run =
      RunOf(Store("g1", "a", 1) + "," + Op("load", "g2", "a"), R"({"a": "0x3100000000000000"})");
  ASSERT_TRUE(run);
  EXPECT_EQ(Kinds(*run, 1), (std::vector<K>{K::kHash, K::kVisit, K::kLock, K::kRecheck, K::kInsert,
                                            K::kUnlock, K::kResult}));
  EXPECT_EQ(Find(*run, 1, K::kLock)->node, 0);
  EXPECT_EQ(Find(*run, 1, K::kInsert)->slot, 3);
  EXPECT_EQ(Count(*run, 2, K::kLock), 0);
  const TrieEvent* r = Find(*run, 2, K::kResult);
  EXPECT_TRUE(r->ok);
  EXPECT_EQ(r->a, 1);
}

// expand: hashes 0x31.. and 0x32.. differ, so one new indirect node (parent = the locked root)
// at depth 1 takes a at (oldHash >> 56) & 15 = 1 and b at 2, and replaces root[3].
TEST(SyncMapTrie, SharedPrefixExpandsOneLevel) {
  auto run = RunOf(Store("g1", "a", 1) + "," + Store("g2", "b", 2),
                   R"({"a": "0x3100000000000000", "b": "0x3200000000000000"})");
  ASSERT_TRUE(run);
  EXPECT_EQ(Count(*run, 2, K::kExpand), 1);
  const TrieState& s = run->GetTimeline().StateRef(2);
  ASSERT_EQ(s.nodes.size(), 2u);
  EXPECT_EQ(s.nodes[0].children[3], 1);
  EXPECT_EQ(s.nodes[1].parent, 0);
  EXPECT_EQ(s.nodes[1].depth, 1);
  EXPECT_TRUE(TrieIsEntry(s.nodes[1].children[1]));
  EXPECT_TRUE(TrieIsEntry(s.nodes[1].children[2]));
  EXPECT_EQ(Find(*run, 2, K::kLock)->node, 0);  // the parent of the replaced slot
}

// expand loops while oi == ni: 0x5ab1.. and 0x5ab2.. agree on nibbles 5, a, b, so three
// indirect nodes chain down (depths 1, 2, 3) and the third holds both at slots 1 and 2.
TEST(SyncMapTrie, LongSharedPrefixExpandsSeveralLevels) {
  auto run = RunOf(Store("g1", "d", 4) + "," + Store("g2", "e", 5) + "," + Op("load", "g1", "e"),
                   R"({"d": "0x5ab1000000000000", "e": "0x5ab2000000000000"})");
  ASSERT_TRUE(run);
  EXPECT_EQ(Count(*run, 2, K::kExpand), 3);
  const TrieState& s = run->GetTimeline().StateRef(2);
  ASSERT_EQ(s.nodes.size(), 4u);
  EXPECT_EQ(s.nodes[0].children[5], 1);
  EXPECT_EQ(s.nodes[1].children[0xa], 2);
  EXPECT_EQ(s.nodes[2].children[0xb], 3);
  EXPECT_EQ(s.nodes[3].depth, 3);
  // The Load walks four slots (root[5], n1[a], n2[b], n3[2]) and takes no lock.
  EXPECT_EQ(Count(*run, 3, K::kVisit), 4);
  EXPECT_EQ(Count(*run, 3, K::kLock), 0);
  EXPECT_EQ(Find(*run, 3, K::kResult)->a, 5);
}

// expand: oldHash == newHash -> newEntry.overflow = oldEntry, no indirect node. lookup follows
// overflow, so Load of the older key compares 2 keys. iter yields the chain head first.
TEST(SyncMapTrie, FullCollisionChains) {
  auto run = RunOf(Store("g1", "x", 1) + "," + Store("g2", "y", 2) + "," + Op("load", "g1", "x") +
                       R"(,{"op": "range", "g": "g2"})",
                   R"({"x": 7, "y": 7})");
  ASSERT_TRUE(run);
  EXPECT_EQ(Count(*run, 2, K::kChain), 1);
  EXPECT_EQ(Count(*run, 2, K::kExpand), 0);
  EXPECT_EQ(run->GetTimeline().StateRef(2).nodes.size(), 1u);
  EXPECT_EQ(Find(*run, 3, K::kLookup)->a, 2);
  std::vector<std::string> order;
  for (const TrieEvent& e : run->GetTimeline().Events(4))
    if (e.kind == K::kYield) order.push_back(run->Prog().keys[std::size_t(e.key)]);
  EXPECT_EQ(order, (std::vector<std::string>{"y", "x"}));
}

// entry.swap inside a chain: a new entry for the key takes the old one's place (head keeps its
// identity); Swap reports loaded = true with the previous value.
TEST(SyncMapTrie, StoreSwapsInsideChain) {
  auto run = RunOf(Store("g1", "x", 1) + "," + Store("g1", "y", 2) + "," + Store("g2", "x", 10) +
                       "," + Op("load", "g2", "x"),
                   R"({"x": 7, "y": 7})");
  ASSERT_TRUE(run);
  const TrieEvent* rep = Find(*run, 3, K::kReplace);
  ASSERT_TRUE(rep);
  EXPECT_EQ(rep->b, 1);
  EXPECT_TRUE(Find(*run, 3, K::kResult)->ok);
  EXPECT_EQ(Find(*run, 4, K::kResult)->a, 10);
  EXPECT_EQ(TrieLen(run->GetTimeline().StateRef(3)), 2);
}

// LoadOrStore returns from the walk, before i.mu.Lock, when lookup finds the key; a missing key
// locks. find (Delete) returns before locking when the slot is nil or the key is absent.
TEST(SyncMapTrie, WhoLocks) {
  auto run = RunOf(Store("g1", "a", 1) + R"(,{"op": "load_or_store", "g": "g2", "key": "a",
      "value": 9},{"op": "load_or_store", "g": "g2", "key": "b", "value": 2},)" +
                       Op("delete", "g1", "zz") + "," + Op("load", "g2", "zz"),
                   R"({"a": "0x1000000000000000", "b": "0x2000000000000000",
                       "zz": "0x1100000000000000"})");
  ASSERT_TRUE(run);
  EXPECT_EQ(Count(*run, 2, K::kLock), 0);
  EXPECT_TRUE(Find(*run, 2, K::kResult)->ok);
  EXPECT_EQ(Find(*run, 2, K::kResult)->a, 1);
  EXPECT_EQ(Count(*run, 3, K::kLock), 1);
  EXPECT_FALSE(Find(*run, 3, K::kResult)->ok);
  // zz reaches a's entry at root[1]; lookup fails: no lock, loaded = false.
  EXPECT_EQ(Count(*run, 4, K::kLock), 0);
  EXPECT_FALSE(Find(*run, 4, K::kResult)->ok);
  EXPECT_FALSE(Find(*run, 5, K::kResult)->ok);
}

// The CompareAndDelete tail (which LoadAndDelete shares): slot.Store(nil), then while
// i.parent != nil && i.empty(): lock the parent, i.dead = true, clear the parent's slot,
// unlock i. The loop stops at the first non-empty node (here the root, which keeps c).
TEST(SyncMapTrie, DeletePrunesEmptyNodes) {
  auto run = RunOf(Store("g1", "a", 1) + "," + Store("g1", "b", 2) + "," + Store("g1", "c", 3) +
                       "," + Op("delete", "g2", "a") + "," + Op("delete", "g2", "b"),
                   R"({"a": "0x3100000000000000", "b": "0x3200000000000000",
                       "c": "0x4000000000000000"})");
  ASSERT_TRUE(run);
  EXPECT_EQ(Count(*run, 4, K::kPrune), 0);  // n1 still holds b
  EXPECT_EQ(Count(*run, 5, K::kPrune), 1);
  EXPECT_EQ(Kinds(*run, 5),
            (std::vector<K>{K::kHash, K::kVisit, K::kVisit, K::kLookup, K::kLock, K::kRecheck,
                            K::kRemove, K::kLock, K::kPrune, K::kUnlock, K::kUnlock, K::kResult}));
  const TrieState& s = run->GetTimeline().StateRef(5);
  EXPECT_TRUE(s.nodes[1].dead);
  EXPECT_EQ(s.nodes[0].children[3], kTrieNil);
  EXPECT_EQ(TrieLen(s), 1);
}

// Deleting from a chain unlinks one entry (compareAndDelete-shaped): the slot keeps the rest.
TEST(SyncMapTrie, DeleteFromChainKeepsSlot) {
  auto run = RunOf(Store("g1", "x", 1) + "," + Store("g1", "y", 2) + "," + Op("delete", "g2", "y") +
                       "," + Op("load", "g2", "x"),
                   R"({"x": 7, "y": 7})");
  ASSERT_TRUE(run);
  EXPECT_FALSE(Find(*run, 3, K::kRemove)->ok);
  EXPECT_TRUE(TrieIsEntry(run->GetTimeline().StateRef(3).nodes[0].children[0]));
  EXPECT_EQ(Find(*run, 4, K::kResult)->a, 1);
}

// Loader: 1.24 builds the trie; "hashes" is refused for the read/dirty model and for a key the
// script never uses; hash values are checked.
TEST(SyncMapTrie, LoaderRules) {
  auto load = [](const std::string& go, const std::string& hashes) {
    std::string text = R"({"format": 1, "kind": "syncmap", "id": "t", "title": {"en": "t"},
      "go_version": ")" +
                       go + R"(", "goroutines": ["g1"], "hashes": )" + hashes +
                       R"(, "script": [{"op": "load", "g": "g1", "key": "a"}]})";
    return LoadScenarioText("t.json", text);
  };
  EXPECT_TRUE(load("1.24", R"({"a": "0x10"})").run);
  LoadResult r = load("1.19", R"({"a": 1})");
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("/hashes"), std::string::npos) << r.diags.FormatAll();
  r = load("1.24", R"({"b": 1})");
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("/hashes/b"), std::string::npos) << r.diags.FormatAll();
  r = load("1.24", R"({"a": "12"})");
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("64-bit hash"), std::string::npos) << r.diags.FormatAll();
}

// Narration names the function and whether a lock was taken.
TEST(SyncMapTrie, NarrationNamesFunctionAndLock) {
  auto run = RunOf(Store("g1", "a", 1) + "," + Op("load", "g2", "a"));
  ASSERT_TRUE(run);
  EXPECT_EQ(run->Narrate(1).func, "internal/sync.(*HashTrieMap).Swap");
  EXPECT_NE(run->Narrate(1).text.en.find("locks root.mu"), std::string::npos);
  EXPECT_EQ(run->Narrate(2).func, "internal/sync.(*HashTrieMap).Load");
  EXPECT_NE(run->Narrate(2).text.en.find("No lock was taken"), std::string::npos);
  EXPECT_TRUE(run->GetTimeline().SeekMatchesReplay());
}

}  // namespace
}  // namespace gs::syncmap

namespace gs::syncmap {
namespace {

// Every reachable non-root indirect node has a child (the prune loop in CompareAndDelete
// leaves none empty) and sits at its parent's depth + 1.
bool NoEmptyNodes(const TrieState& s, std::int32_t id) {
  const TrieIndirect& n = s.nodes[std::size_t(id)];
  bool any = false;
  for (std::int32_t c : n.children) {
    if (c == kTrieNil) continue;
    any = true;
    if (TrieIsEntry(c)) continue;
    if (s.nodes[std::size_t(c)].depth != n.depth + 1 || s.nodes[std::size_t(c)].dead) return false;
    if (!NoEmptyNodes(s, c)) return false;
  }
  return any || id == 0;
}

// Random store / load_or_store / delete / load over 12 keys whose hashes share long prefixes
// and sometimes collide fully (a mutation that skips pruning fails this test), against std::map:
// after every step each Load answer agrees, TrieLen equals the map's size, and no reachable node is
// empty.
TEST(SyncMapTrie, PropertyAgainstStdMap) {
  std::uint64_t rng = 12345;
  auto next = [&] {
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return rng >> 33;
  };
  for (int round = 0; round < 20; ++round) {
    Program p;
    p.goroutines = {"g1"};
    for (int k = 0; k < 12; ++k) {
      p.keys.push_back(std::string("k").append(std::to_string(k)));
      // Three groups by the top nibble (k % 3); inside a group the members differ only in
      // one nibble deep down (which one depends on the round), and members 0/2 and 1/3 of a
      // group collide fully: long shared prefixes, expansions and chains.
      const std::uint64_t group = std::uint64_t(k % 3 + 1) << 60;
      const std::uint64_t member = std::uint64_t((k / 3) % 2 + 1) << (4 * (round % 14));
      p.hashes.push_back(group | 0x0bc0000000000000ULL | member);
      p.explicit_hash.push_back(1);
    }
    TrieState s;
    s.nodes.emplace_back();
    std::map<std::int32_t, std::int64_t> model;
    for (int i = 0; i < 200; ++i) {
      syncmap::Op op;
      op.key = std::int32_t(next() % 12);
      op.value = std::int64_t(next() % 100);
      // Deletes are frequent enough that groups empty and subtrees get pruned.
      const auto kind = next() % 10;
      op.code = kind < 3   ? OpCode::kStore
                : kind < 4 ? OpCode::kLoadOrStore
                : kind < 8 ? OpCode::kDelete
                           : OpCode::kLoad;
      std::vector<TrieEvent> ev;
      ApplyTrieOp(p, op, s, ev);
      ASSERT_FALSE(ev.empty());
      const TrieEvent& res = ev.back();
      ASSERT_EQ(res.kind, TrieEventKind::kResult);
      auto it = model.find(op.key);
      const bool had = it != model.end();
      switch (op.code) {
        case OpCode::kStore:
          EXPECT_EQ(res.ok, had);
          model[op.key] = op.value;
          break;
        case OpCode::kLoadOrStore:
          EXPECT_EQ(res.ok, had);
          EXPECT_EQ(res.a, had ? it->second : op.value);
          if (!had) model[op.key] = op.value;
          break;
        case OpCode::kDelete:
          EXPECT_EQ(res.ok, had);
          model.erase(op.key);
          break;
        default:
          EXPECT_EQ(res.ok, had);
          if (had) {
            EXPECT_EQ(res.a, it->second);
          }
          break;
      }
      ASSERT_EQ(TrieLen(s), std::int64_t(model.size())) << "round " << round << " op " << i;
      ASSERT_TRUE(NoEmptyNodes(s, 0)) << "round " << round << " op " << i;
    }
  }
}

}  // namespace
}  // namespace gs::syncmap
