// Rule-by-rule tests of the sync.Map engine against Go 1.19's src/sync/map.go. misses, the
// dirty map and expunged entries cannot be observed from a Go program, so each expected value
// is reasoned from the function named in its comment. What a program CAN observe (Load's ok,
// LoadOrStore's loaded flag, what Range sees) was also checked against real Go 1.19: see
// tests/realgo/syncmap/README.md and syncmap_realgo_test.cpp.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/syncmap/syncmap_run.h"

namespace gs::syncmap {
namespace {

// A run of `ops` (script entries as JSON text) from goroutines g1, g2, g3.
std::shared_ptr<const SyncMapRun> RunOf(const std::string& ops, const std::string& go = "1.19") {
  std::string text = R"({"format": 1, "kind": "syncmap", "id": "t", "title": {"en": "t"},
    "go_version": ")" +
                     go + R"(", "goroutines": ["g1", "g2", "g3"], "script": [)" + ops + "]}";
  LoadResult r = LoadScenarioText("t.json", text);
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return std::dynamic_pointer_cast<const SyncMapRun>(r.run);
}

bool Has(const SyncMapRun& run, std::size_t step, EventKind k) {
  for (const Event& e : run.GetTimeline().Events(step)) {
    if (e.kind == k) return true;
  }
  return false;
}
const Event* Find(const SyncMapRun& run, std::size_t step, EventKind k) {
  for (const Event& e : run.GetTimeline().Events(step)) {
    if (e.kind == k) return &e;
  }
  return nullptr;
}
const Entry* ReadEntry(const SyncMapState& s, std::size_t key) {
  return s.read[key] == kAbsent ? nullptr : &s.entries[std::size_t(s.read[key])];
}

const char* kStoreA = R"({"op": "store", "g": "g1", "key": "a", "value": 1})";
const char* kLoadA = R"({"op": "load", "g": "g2", "key": "a"})";

// Store of a key in neither map (Store's last branch): !read.amended, so dirtyLocked makes
// dirty, read is marked amended, dirty["a"] = newEntry(1). It holds m.mu throughout.
TEST(SyncMapRules, FirstStoreTakesLockAndAmends) {
  auto run = RunOf(kStoreA);
  ASSERT_TRUE(run);
  EXPECT_TRUE(Has(*run, 1, EventKind::kLock));
  EXPECT_TRUE(Has(*run, 1, EventKind::kAmend));
  EXPECT_TRUE(Has(*run, 1, EventKind::kNewEntry));
  const SyncMapState& s = run->GetTimeline().StateRef(1);
  EXPECT_TRUE(s.amended);
  EXPECT_FALSE(s.dirty_nil);
  EXPECT_EQ(DirtyLen(s), 1);
  EXPECT_EQ(ReadLen(s), 0);
}

// Load of a key only dirty has: the locked path, then missLocked: misses 0 -> 1 and
// 1 >= len(dirty) = 1 promotes dirty to read (dirty = nil, misses = 0).
TEST(SyncMapRules, MissPromotesWhenMissesReachDirtyLen) {
  auto run = RunOf(std::string(kStoreA) + "," + kLoadA + "," + kLoadA);
  ASSERT_TRUE(run);
  const Event* miss = Find(*run, 2, EventKind::kMiss);
  ASSERT_NE(miss, nullptr);
  EXPECT_EQ(miss->a, 0);
  EXPECT_EQ(miss->b, 1);
  EXPECT_EQ(miss->c, 1);
  EXPECT_TRUE(Has(*run, 2, EventKind::kPromote));
  const SyncMapState& s = run->GetTimeline().StateRef(2);
  EXPECT_TRUE(s.dirty_nil);
  EXPECT_FALSE(s.amended);
  EXPECT_EQ(s.misses, 0);
  ASSERT_NE(ReadEntry(s, 0), nullptr);
  // The second Load finds "a" in read.m: e.load() without the lock (Load's fast path).
  EXPECT_TRUE(Has(*run, 3, EventKind::kFast));
  EXPECT_FALSE(Has(*run, 3, EventKind::kLock));
  const Event* res = Find(*run, 3, EventKind::kResult);
  ASSERT_NE(res, nullptr);
  EXPECT_TRUE(res->ok);
  EXPECT_EQ(res->a, 1);
}

// missLocked returns early while misses < len(dirty): three keys in dirty survive two misses
// and are promoted by the third. A Load of an absent key counts as a miss too (Load calls
// missLocked whether or not dirty had the key).
TEST(SyncMapRules, MissesCountUpToLenDirty) {
  auto run = RunOf(R"({"op": "store", "g": "g1", "key": "a", "value": 1},
    {"op": "store", "g": "g1", "key": "b", "value": 2},
    {"op": "store", "g": "g1", "key": "c", "value": 3},
    {"op": "load", "g": "g2", "key": "zz"},
    {"op": "load", "g": "g3", "key": "b"},
    {"op": "load", "g": "g2", "key": "c"})");
  ASSERT_TRUE(run);
  EXPECT_EQ(run->GetTimeline().StateRef(4).misses, 1);
  EXPECT_FALSE(Has(*run, 4, EventKind::kPromote));
  EXPECT_EQ(run->GetTimeline().StateRef(5).misses, 2);
  EXPECT_FALSE(Has(*run, 5, EventKind::kPromote));
  EXPECT_TRUE(Has(*run, 6, EventKind::kPromote));
  EXPECT_EQ(ReadLen(run->GetTimeline().StateRef(6)), 3);
}

// Load while read is complete (!read.amended) never locks, even for a missing key.
TEST(SyncMapRules, LoadOfMissingKeyWithCompleteReadIsLockFree) {
  auto run =
      RunOf(std::string(kStoreA) + "," + kLoadA + R"(, {"op": "load", "g": "g3", "key": "nope"})");
  ASSERT_TRUE(run);
  EXPECT_FALSE(Has(*run, 3, EventKind::kLock));
  EXPECT_FALSE(Find(*run, 3, EventKind::kResult)->ok);
  EXPECT_EQ(run->GetTimeline().StateRef(3).misses, 0);
}

// Store of a key read has (entry not expunged): tryStore's CAS, no lock; the shared entry
// changes, so dirty (if any) sees the new value too.
TEST(SyncMapRules, StoreOfExistingKeyIsCasWithoutLock) {
  auto run = RunOf(std::string(kStoreA) + "," + kLoadA +
                   R"(, {"op": "store", "g": "g3", "key": "a", "value": 7})");
  ASSERT_TRUE(run);
  EXPECT_FALSE(Has(*run, 3, EventKind::kLock));
  EXPECT_EQ(ReadEntry(run->GetTimeline().StateRef(3), 0)->value, 7);
}

// Delete of a key in read: e.delete() CASes the pointer to nil; the key stays in read.m.
// Then a new key makes dirtyLocked rebuild dirty: tryExpungeLocked turns that nil entry into
// expunged and leaves it out of dirty. Storing the key again: tryStore refuses expunged, so
// Store locks and unexpungeLocked puts the entry back into dirty before storeLocked.
TEST(SyncMapRules, DeleteThenNewKeyExpungesThenStoreUnexpunges) {
  auto run = RunOf(std::string(kStoreA) + "," + kLoadA + R"(,
    {"op": "delete", "g": "g1", "key": "a"},
    {"op": "store", "g": "g3", "key": "c", "value": 3},
    {"op": "store", "g": "g1", "key": "a", "value": 10})");
  ASSERT_TRUE(run);
  const auto& tl = run->GetTimeline();
  EXPECT_FALSE(Has(*run, 3, EventKind::kLock));
  EXPECT_EQ(ReadEntry(tl.StateRef(3), 0)->p, EntryState::kNil);
  EXPECT_TRUE(Has(*run, 4, EventKind::kExpunge));
  const Event* copy = Find(*run, 4, EventKind::kDirtyCopy);
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->a, 0);  // nothing else in read to copy
  EXPECT_EQ(copy->b, 1);  // "a" expunged
  EXPECT_EQ(ReadEntry(tl.StateRef(4), 0)->p, EntryState::kExpunged);
  EXPECT_EQ(tl.StateRef(4).dirty[0], kAbsent);
  EXPECT_TRUE(Has(*run, 5, EventKind::kLock));
  EXPECT_TRUE(Has(*run, 5, EventKind::kUnexpunge));
  const SyncMapState& s = tl.StateRef(5);
  EXPECT_EQ(s.dirty[0], s.read[0]);  // the same *entry in both maps
  EXPECT_EQ(ReadEntry(s, 0)->value, 10);
}

// Store of a deleted (nil, not expunged) key in read: tryStore only refuses expunged, so the
// nil entry takes the value by CAS without the lock.
TEST(SyncMapRules, StoreAfterDeleteBeforeExpungeIsLockFree) {
  auto run = RunOf(std::string(kStoreA) + "," + kLoadA + R"(,
    {"op": "delete", "g": "g1", "key": "a"},
    {"op": "store", "g": "g2", "key": "a", "value": 5})");
  ASSERT_TRUE(run);
  EXPECT_FALSE(Has(*run, 4, EventKind::kLock));
  EXPECT_EQ(ReadEntry(run->GetTimeline().StateRef(4), 0)->value, 5);
}

// LoadOrStore: on a read entry holding a value it loads without the lock (tryLoadOrStore);
// on a key only dirty has it locks, loads from dirty and counts a miss (missLocked).
TEST(SyncMapRules, LoadOrStorePaths) {
  auto run = RunOf(std::string(kStoreA) + R"(,
    {"op": "load_or_store", "g": "g2", "key": "a", "value": 9},
    {"op": "load_or_store", "g": "g3", "key": "a", "value": 8},
    {"op": "load_or_store", "g": "g3", "key": "b", "value": 4})");
  ASSERT_TRUE(run);
  EXPECT_TRUE(Has(*run, 2, EventKind::kLock));
  EXPECT_TRUE(Has(*run, 2, EventKind::kPromote));  // 1 miss >= len(dirty) = 1
  EXPECT_TRUE(Find(*run, 2, EventKind::kResult)->ok);
  EXPECT_EQ(Find(*run, 2, EventKind::kResult)->a, 1);
  EXPECT_FALSE(Has(*run, 3, EventKind::kLock));
  EXPECT_TRUE(Find(*run, 3, EventKind::kResult)->ok);
  EXPECT_TRUE(Has(*run, 4, EventKind::kLock));
  EXPECT_FALSE(Find(*run, 4, EventKind::kResult)->ok);
  EXPECT_EQ(Find(*run, 4, EventKind::kResult)->a, 4);
}

// Range with read.amended: locks, promotes dirty (so it sees "b", stored only in dirty),
// misses reset; then it calls f for entries holding a value, skipping nil ones.
TEST(SyncMapRules, RangePromotesFirst) {
  auto run = RunOf(std::string(kStoreA) + "," + kLoadA + R"(,
    {"op": "delete", "g": "g1", "key": "a"},
    {"op": "store", "g": "g1", "key": "b", "value": 2},
    {"op": "range", "g": "g3"})");
  ASSERT_TRUE(run);
  EXPECT_TRUE(Has(*run, 5, EventKind::kLock));
  EXPECT_TRUE(Has(*run, 5, EventKind::kPromote));
  int yields = 0;
  for (const Event& e : run->GetTimeline().Events(5)) {
    if (e.kind != EventKind::kYield) continue;
    ++yields;
    EXPECT_EQ(e.key, 1);  // only "b": "a" is expunged
  }
  EXPECT_EQ(yields, 1);
  EXPECT_TRUE(run->GetTimeline().StateRef(5).dirty_nil);
}

// Delete of a key only dirty has: locked path, delete(m.dirty, key), missLocked.
TEST(SyncMapRules, DeleteFromDirtyCountsMiss) {
  auto run = RunOf(std::string(kStoreA) + R"(, {"op": "store", "g": "g1", "key": "b", "value": 2},
    {"op": "delete", "g": "g2", "key": "a"})");
  ASSERT_TRUE(run);
  EXPECT_TRUE(Has(*run, 3, EventKind::kLock));
  const Event* miss = Find(*run, 3, EventKind::kMiss);
  ASSERT_NE(miss, nullptr);
  EXPECT_EQ(miss->c, 1);  // len(dirty) after deleting "a"
  EXPECT_TRUE(Has(*run, 3, EventKind::kPromote));
  EXPECT_TRUE(Find(*run, 3, EventKind::kResult)->ok);
}

// The narration says who calls what, that the order is the scenario's, and whether it locked.
TEST(SyncMapRules, NarrationNamesPathAndInterleaving) {
  auto run = RunOf(std::string(kStoreA) + "," + kLoadA + "," + kLoadA);
  ASSERT_TRUE(run);
  Narration n = run->Narrate(3);
  EXPECT_NE(n.text.en.find("not a scheduler's"), std::string::npos);
  EXPECT_NE(n.text.en.find("no lock is taken"), std::string::npos);
  EXPECT_EQ(n.func, "sync.(*Map).Load");
  EXPECT_NE(run->Narrate(2).text.en.find("Promotion"), std::string::npos);
}

// Loader errors: unknown goroutine, a version with no rules, and the key limit.
TEST(SyncMapLoad, Errors) {
  auto load = [](const std::string& body, const std::string& go) {
    std::string text = R"({"format": 1, "kind": "syncmap", "id": "t", "title": {"en": "t"},
      "go_version": ")" +
                       go + R"(", "goroutines": ["g1"], "script": [)" + body + "]}";
    return LoadScenarioText("t.json", text);
  };
  LoadResult r = load(R"({"op": "load", "g": "g9", "key": "a"})", "1.19");
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("/script/0/g"), std::string::npos) << r.diags.FormatAll();
  // 1.24 to 1.26 is the HashTrieMap model (syncmap_trie_test.cpp); 1.27 has no rules, and the
  // error lists both supported ranges.
  r = load(R"({"op": "load", "g": "g1", "key": "a"})", "1.27");
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("/go_version"), std::string::npos);
  EXPECT_NE(r.diags.FormatAll().find("HashTrieMap"), std::string::npos);
  EXPECT_NE(r.diags.FormatAll().find("1.9 to 1.23"), std::string::npos);
  EXPECT_NE(r.diags.FormatAll().find("1.24 to 1.26"), std::string::npos);
  std::string many;
  for (std::size_t i = 0; i <= kMaxKeys; ++i) {
    many += std::string(i ? "," : "") + R"({"op": "load", "g": "g1", "key": "k)" +
            std::to_string(i) + "\"}";
  }
  r = load(many, "1.19");
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("kMaxKeys"), std::string::npos);
}

}  // namespace
}  // namespace gs::syncmap
