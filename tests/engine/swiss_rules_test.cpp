// Rule-by-rule tests of the Swiss-table map engine against internal/runtime/maps (Go 1.24
// sources: map.go, table.go, group.go; no Go 1.24 toolchain exists on this machine, so every
// expected value below is reasoned from those functions, named in each comment).
#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/maps/go_version.h"
#include "tests/engine/swiss_support.h"

namespace gs::maps {
namespace {

using test::CountSwiss;
using test::HashFor;
using test::Prog;
using test::SwissRunner;
using K = SwissEventKind;

// resetGrowthLeft: one group keeps one slot empty (capacity-1), bigger tables 7/8.
TEST(SwissRules, GrowthLeft) {
  EXPECT_EQ(InitialGrowthLeft(8), 7);
  EXPECT_EQ(InitialGrowthLeft(16), 14);
  EXPECT_EQ(InitialGrowthLeft(128), 112);
  EXPECT_EQ(InitialGrowthLeft(1024), 896);
}

// newTable: capacity at least abi.SwissMapGroupSlots, then alignUpPow2.
TEST(SwissRules, TableCapacityRoundsUp) {
  EXPECT_EQ(TableCapacity(1), 8);
  EXPECT_EQ(TableCapacity(9), 16);
  EXPECT_EQ(TableCapacity(571), 1024);
  EXPECT_EQ(TableCapacity(1024), 1024);
}

// NewMap: hint <= 8 allocates nothing; else target = hint*8/7 (integer division), directory
// ceil(target/1024) rounded to a power of 2, each table target/dirSize rounded up.
TEST(SwissRules, MakeHint) {
  EXPECT_EQ(SwissMakeHint(8).tables, 0u);
  SwissMakePlan p9 = SwissMakeHint(9);  // 72/7 = 10 -> one table of 16
  EXPECT_EQ(p9.tables, 1u);
  EXPECT_EQ(p9.capacity, 16);
  EXPECT_EQ(SwissMakeHint(100).capacity, 128);  // 800/7 = 114 -> 128
  SwissMakePlan p896 = SwissMakeHint(896);      // 7168/7 = 1024: still one table
  EXPECT_EQ(p896.tables, 1u);
  EXPECT_EQ(p896.capacity, 1024);
  SwissMakePlan p897 = SwissMakeHint(897);  // 7176/7 = 1025 -> 2 tables of 512 (1025/2 -> 512)
  EXPECT_EQ(p897.tables, 2u);
  EXPECT_EQ(p897.global_depth, 1);
  EXPECT_EQ(p897.capacity, 512);
  SwissMakePlan p1000 = SwissMakeHint(1000);  // 8000/7 = 1142 -> 2 tables, 571 -> 1024 each
  EXPECT_EQ(p1000.tables, 2u);
  EXPECT_EQ(p1000.capacity, 1024);
}

// probeSeq: offset = H1 & mask, then + 1, + 2, + 3 ... (triangular); with 8 groups it visits
// each group exactly once: 5, 6, 0, 3, 7, 4, 2, 1.
TEST(SwissRules, ProbeSeqIsTriangular) {
  ProbeSeq s = ProbeSeq::Make(5, 7);
  std::vector<std::uint64_t> got;
  for (int i = 0; i < 8; ++i, s = s.Next()) got.push_back(s.offset);
  EXPECT_EQ(got, (std::vector<std::uint64_t>{5, 6, 0, 3, 7, 4, 2, 1}));
}

// directoryIndex: hash >> (64 - globalDepth); depth 0 is always entry 0.
TEST(SwissRules, DirectoryIndexUsesTopBits) {
  EXPECT_EQ(DirectoryIndex(0, ~0ULL), 0u);
  EXPECT_EQ(DirectoryIndex(1, 0x8000000000000000ULL), 1u);
  EXPECT_EQ(DirectoryIndex(2, 0xC000000000000000ULL), 3u);
  EXPECT_EQ(DirectoryIndex(2, 0x4fffffffffffffffULL), 1u);
}

// h1 / h2 (map.go): the low 7 bits are H2, the rest H1.
TEST(SwissRules, HashSplit) {
  EXPECT_EQ(H2(0x1234567890abcdefULL), 0x6f);
  EXPECT_EQ(H1(0x1234567890abcdefULL), 0x1234567890abcdefULL >> 7);
}

// Capacity steps for sequential inserts, from the rules (the reference's derived table,
// checked against the source here): growToSmall on the 1st write; putSlotSmall while used < 8;
// the 9th write finds used == 8 and growToTable makes a 16-slot table (growthLeft 14);
// table.PutSlot rehashes when it reaches an empty slot with growthLeft == 0, so a table of
// capacity c grows on insert number c*7/8 + 1: 15, 29, 57, 113, 225, 449; at 1024 slots
// (896 usable) the 897th insert splits (2*1024 > maxTableCapacity) and, since localDepth 0
// == globalDepth 0, the directory doubles first.
TEST(SwissRules, CapacityStepsForSequentialInserts) {
  Prog pr(7);
  pr.Make(0).InsertRange(1, 900);
  SwissRunner r(pr);
  r.RunAll();
  ASSERT_EQ(r.error, "");
  std::vector<std::pair<int, std::string>> events;  // (insert number, what)
  std::vector<std::uint64_t> grow_to;
  for (std::size_t i = 1; i < r.steps.size(); ++i) {  // step 0 is make
    int n = int(i);
    for (const SwissEvent& e : r.steps[i].events) {
      if (e.kind == K::kAllocSmall) events.push_back({n, "small"});
      if (e.kind == K::kToTable) events.push_back({n, "table16"});
      if (e.kind == K::kGrow) events.push_back({n, "grow" + std::to_string(e.b)});
      if (e.kind == K::kDirGrow) events.push_back({n, "dir" + std::to_string(e.a)});
      if (e.kind == K::kSplit) events.push_back({n, "split"});
    }
  }
  std::vector<std::pair<int, std::string>> want = {
      {1, "small"},     {9, "table16"},   {15, "grow32"},    {29, "grow64"}, {57, "grow128"},
      {113, "grow256"}, {225, "grow512"}, {449, "grow1024"}, {897, "dir2"},  {897, "split"}};
  EXPECT_EQ(events, want);
  EXPECT_EQ(r.state.m.used, 900u);
  EXPECT_EQ(r.state.m.global_depth, 1);
  ASSERT_EQ(r.state.tables.size(), 2u);
  EXPECT_EQ(r.state.tables[0].local_depth, 1);
  EXPECT_EQ(r.state.tables[1].local_depth, 1);
  EXPECT_EQ(r.state.tables[0].used + r.state.tables[1].used, 900);
  EXPECT_TRUE(r.state.inv.used_ok && r.state.inv.lookup_ok && r.state.inv.growth_ok);
}

// split: a key goes left when hash & (1 << (64 - localDepth)) == 0; the directory (top
// globalDepth bits) then sends it to the same table.
TEST(SwissRules, SplitDividesByTopBit) {
  Prog pr(3);
  pr.Make(0).InsertRange(1, 897);
  SwissRunner r(pr);
  r.RunAll();
  const SwissState& s = r.state;
  ASSERT_EQ(s.m.dir.size(), 2u);
  for (std::int64_t k = 1; k <= 897; ++k) {
    std::uint64_t h = KeyHash(*pr.p, k, s.m.seed);
    SwissLocation loc = SwissLookup(*pr.p, s, k);
    ASSERT_TRUE(loc.found) << k;
    EXPECT_EQ(loc.table, s.m.dir[h >> 63]) << k;
  }
  EXPECT_EQ(s.tables[std::size_t(s.m.dir[0])].index, 0);
  EXPECT_EQ(s.tables[std::size_t(s.m.dir[1])].index, 1);
}

// installTableSplit when localDepth < globalDepth: no directory growth; the table that did
// not split keeps 1 << (globalDepth - localDepth) consecutive entries from its index.
TEST(SwissRules, DirectoryEntriesCoverEachTable) {
  Prog pr(11);
  pr.Make(0).InsertRange(1, 4000);
  SwissRunner r(pr);
  r.RunAll();
  ASSERT_EQ(r.error, "");
  const SwissState& s = r.state;
  EXPECT_GE(s.tables.size(), 4u);  // 4000 keys need at least 4000/896 -> 5 tables
  std::vector<int> covered(s.m.dir.size(), 0);
  for (std::size_t id = 0; id < s.tables.size(); ++id) {
    const Table& t = s.tables[id];
    std::size_t entries = std::size_t(1) << (s.m.global_depth - t.local_depth);
    EXPECT_EQ(std::size_t(t.index) % entries, 0u);
    for (std::size_t k = 0; k < entries; ++k) {
      EXPECT_EQ(s.m.dir[std::size_t(t.index) + k], std::int32_t(id));
      ++covered[std::size_t(t.index) + k];
    }
  }
  for (int c : covered) EXPECT_EQ(c, 1);
  EXPECT_TRUE(s.inv.lookup_ok);
}

// putSlotSmall / deleteSmall: a small map has no tombstones; a deleted slot is empty again
// and the next insert takes the first empty slot.
TEST(SwissRules, SmallMapDeleteLeavesEmpty) {
  Prog pr;
  pr.Make(0);
  for (int k = 1; k <= 5; ++k) pr.Insert(k, k * 10);
  pr.Delete(2).Insert(6, 60);
  SwissRunner r(pr);
  r.RunAll();
  const SwissState& s = r.state;
  EXPECT_TRUE(s.m.small);
  EXPECT_EQ(CountSwiss(r.EventsOfOp(6), K::kDeleteEmpty), 1);
  // Key 2 was in slot 1 (inserts fill slots 0, 1, 2 ... in order); 6 takes it back.
  EXPECT_EQ(s.m.small_group.keys[1], 6);
  EXPECT_EQ(s.m.small_group.ctrl[1], H2(KeyHash(*pr.p, 6, s.m.seed)));
  for (std::uint8_t c : s.m.small_group.ctrl) EXPECT_NE(c, kCtrlDeleted);
}

// Map.PutSlot: a full small map becomes a table even when the write only updates a key
// (the TODO in PutSlot); the key keeps its value change and used stays 8.
TEST(SwissRules, FullSmallMapGrowsEvenOnUpdate) {
  Prog pr;
  pr.Make(0).InsertRange(1, 8).Insert(3, 33);
  SwissRunner r(pr);
  r.RunAll();
  EXPECT_EQ(CountSwiss(r.EventsOfOp(2), K::kToTable), 1);
  EXPECT_EQ(CountSwiss(r.EventsOfOp(2), K::kUpdate), 1);
  EXPECT_FALSE(r.state.m.small);
  EXPECT_EQ(r.state.m.used, 8u);
  EXPECT_EQ(SwissLookup(*pr.p, r.state, 3).elem, 33);
}

// table.Delete leaves a tombstone only in a full group; table.PutSlot reuses the first
// tombstone on the probe path without spending growthLeft. make(hint 9) gives one table of
// 16 slots = 2 groups (growthLeft 14). Keys 1..8 have H1 = 0: group 0 fills. Key 9 (H1 = 0)
// probes group 0 (full), then group 1 (0 + 1): slot 0 there.
TEST(SwissRules, TombstoneOnlyInFullGroupAndReused) {
  Prog pr;
  for (int k = 1; k <= 10; ++k) pr.Hash(k, HashFor(0, std::uint8_t(k)));
  pr.Hash(11, HashFor(1, 11));
  pr.Make(9).InsertRange(1, 9);  // op 1
  pr.Delete(3);                  // op 2: group 0 is full -> tombstone
  pr.Lookup(9);                  // op 3: must pass the tombstone in group 0
  pr.Insert(10, 100);            // op 4: reuses the tombstone
  pr.Insert(11, 110);            // op 5: group 1 slot 1
  pr.Delete(11);                 // op 6: group 1 has empty slots -> empty
  SwissRunner r(pr);
  r.RunAll();
  ASSERT_EQ(r.error, "");
  const Table& t = r.state.tables[0];
  ASSERT_EQ(t.capacity, 16);
  EXPECT_EQ(CountSwiss(r.EventsOfOp(2), K::kDeleteTombstone), 1);
  std::vector<SwissEvent> look = r.EventsOfOp(3);
  EXPECT_EQ(CountSwiss(look, K::kProbe), 2);  // group 0 has no empty slot: on to group 1
  EXPECT_EQ(CountSwiss(look, K::kFound), 1);
  std::vector<SwissEvent> put = r.EventsOfOp(4);
  ASSERT_EQ(CountSwiss(put, K::kReuseTombstone), 1);
  auto reuse = std::find_if(put.begin(), put.end(),
                            [](const SwissEvent& e) { return e.kind == K::kReuseTombstone; });
  EXPECT_EQ(reuse->depth, 0);  // group 0
  EXPECT_EQ(reuse->slot, 2);   // where key 3 was
  // growthLeft: 14 - 9 inserts = 5; the tombstone kept its slot spent; the reuse spent
  // nothing; 11 spent one (4) and its delete gave it back (5).
  EXPECT_EQ(t.growth_left, 5);
  EXPECT_EQ(CountSwiss(r.EventsOfOp(6), K::kDeleteEmpty), 1);
  EXPECT_EQ(Tombstones(t), 0u);
  EXPECT_TRUE(r.state.inv.growth_ok && r.state.inv.lookup_ok);
}

// Tombstones keep their growthLeft spent (table.tombstones = cap*7/8 - used - growthLeft).
// Group 0 holds keys 1..8; deleting 1 leaves a tombstone (the group was full) and deleting 8
// leaves another (a tombstone is not an empty slot, so the group still has none).
TEST(SwissRules, TombstonesUseGrowthLeftUntilRehash) {
  Prog pr;
  for (int k = 1; k <= 20; ++k) pr.Hash(k, HashFor(0, std::uint8_t(k)));
  pr.Make(9).InsertRange(1, 8).Delete(1).Delete(8);
  SwissRunner r(pr);
  r.RunAll();
  const Table& t = r.state.tables[0];
  EXPECT_EQ(Tombstones(t), 2u);
  EXPECT_EQ(t.used, 6);
  EXPECT_EQ(t.growth_left, 14 - 8);  // tombstones keep their growthLeft spent
}

// Iter.Init draws entryOffset then dirOffset; a small map yields slot (i + entryOffset) % 8
// for i = 0..7, skipping empty slots. Three iterations give three permutations of one set.
TEST(SwissRules, IterationOrderFromEntryOffset) {
  Prog pr(42);
  pr.Make(0).InsertRange(1, 6).Iterate().Iterate().Iterate();
  SwissRunner r(pr);
  r.RunAll();
  std::set<std::vector<std::int64_t>> orders;
  for (int op = 2; op <= 4; ++op) {
    std::vector<SwissEvent> ev = r.EventsOfOp(op);
    ASSERT_EQ(ev.front().kind, K::kIterInit);
    std::uint64_t off = std::uint64_t(ev.front().a);
    std::vector<std::int64_t> want;
    for (int i = 0; i < 8; ++i) {
      std::size_t slot = (std::size_t(i) + off) % 8;
      if (CtrlIsFull(r.state.m.small_group.ctrl[slot])) {
        want.push_back(r.state.m.small_group.keys[slot]);
      }
    }
    std::vector<std::int64_t> got;
    for (const SwissEvent& e : ev) {
      if (e.kind == K::kIterYield) got.push_back(e.a);
    }
    EXPECT_EQ(got, want);
    orders.insert(got);
  }
  EXPECT_GE(orders.size(), 2u);  // entryOffset % 8 differs with overwhelming likelihood
}

// Iteration over a split map visits every key once: each table once (nextDirIdx skips the
// entries of the same table), starting at a random directory entry.
TEST(SwissRules, IterationOverDirectoryYieldsEachKeyOnce) {
  Prog pr(5);
  pr.Make(0).InsertRange(1, 3000).Iterate();
  SwissRunner r(pr);
  r.RunAll();
  std::vector<SwissEvent> ev = r.EventsOfOp(2);
  std::multiset<std::int64_t> keys;
  for (const SwissEvent& e : ev) {
    if (e.kind == K::kIterYield) keys.insert(e.a);
  }
  EXPECT_EQ(keys.size(), 3000u);
  EXPECT_EQ(std::set<std::int64_t>(keys.begin(), keys.end()).size(), 3000u);
}

// The Go version picks the model: <= 1.23 classic, 1.24.. Swiss; others are refused.
TEST(SwissRules, GoVersionChoosesModel) {
  EXPECT_EQ(MapModelFor(*ParseGoVersion("1.19")), MapModelKind::kClassic);
  EXPECT_EQ(MapModelFor(*ParseGoVersion("1.23.4")), MapModelKind::kClassic);
  EXPECT_EQ(MapModelFor(*ParseGoVersion("1.24")), MapModelKind::kSwiss);
  EXPECT_EQ(MapModelFor(*ParseGoVersion("go1.25.1")), MapModelKind::kSwiss);
  EXPECT_FALSE(MapModelFor(*ParseGoVersion("1.27")));
  EXPECT_FALSE(MapModelFor(*ParseGoVersion("2.0")));
  EXPECT_FALSE(ParseGoVersion("1.x"));
  EXPECT_FALSE(ParseGoVersion("1."));
  EXPECT_FALSE(ParseGoVersion("1.24.3.1"));
}

std::string Doc(const std::string& version, const std::string& config = "{}") {
  return R"({"format": 1, "kind": "maps", "id": "t", "title": {"en": "t"},
"go_version": ")" +
         version + R"(", "config": )" + config +
         R"(, "map": {"key": "int"}, "script": [{"op": "make"}, {"op": "insert", "key": 1}]})";
}

TEST(SwissLoad, UnsupportedVersionListsRanges) {
  LoadResult r = LoadScenarioText("t.json", Doc("1.31"));
  EXPECT_FALSE(r.run);
  std::string e = r.diags.FormatAll();
  EXPECT_NE(e.find("t.json:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("/go_version"), std::string::npos) << e;
  EXPECT_NE(e.find("1.0 to 1.23"), std::string::npos) << e;
  EXPECT_NE(e.find("1.24 to 1.26"), std::string::npos) << e;
}

TEST(SwissLoad, VersionAndModelPickTheRun) {
  LoadResult swiss = LoadScenarioText("t.json", Doc("1.24"));
  ASSERT_TRUE(swiss.run) << swiss.diags.FormatAll();
  EXPECT_EQ(swiss.run->StateSummary(2)["model"], "swiss");
  LoadResult classic = LoadScenarioText("t.json", Doc("1.22"));
  ASSERT_TRUE(classic.run);
  EXPECT_FALSE(classic.run->StateSummary(2).contains("model"));
  LoadResult forced = LoadScenarioText("t.json", Doc("1.19", R"({"model": "swiss"})"));
  ASSERT_TRUE(forced.run);
  EXPECT_EQ(forced.run->StateSummary(2)["model"], "swiss");
  LoadResult bad = LoadScenarioText("t.json", Doc("1.24", R"({"model": "swis"})"));
  EXPECT_FALSE(bad.run);
  EXPECT_NE(bad.diags.FormatAll().find("/config/model"), std::string::npos);
}

// A hostile hint is refused by the loader's kMaxHint before the Swiss model sizes tables.
TEST(SwissLoad, HugeHintIsRefused) {
  std::string text = Doc("1.24");
  const std::string make = R"({"op": "make"})";
  text.replace(text.find(make), make.size(), R"({"op": "make", "hint": 99999999999})");
  LoadResult r = LoadScenarioText("t.json", text);
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("kMaxHint"), std::string::npos) << r.diags.FormatAll();
}

}  // namespace
}  // namespace gs::maps
