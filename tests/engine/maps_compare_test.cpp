// The classic-vs-Swiss compare (MapsCompareRun): both models stepped together one key op at a
// time, with bytes, probe / chain lengths and growth events computed from each model's state.
// Every expected number is reasoned from the runtime rules in the comments (Go 1.19
// runtime/map.go for classic, Go 1.24 internal/runtime/maps for Swiss); none was read off a run.
#include <gtest/gtest.h>

#include <string>

#include "engine/core/scenario.h"
#include "engine/maps/compare_run.h"
#include "tests/engine/maps_support.h"

namespace gs::maps {
namespace {

std::shared_ptr<MapsCompareRun> Compare(const test::Prog& prog) {
  prog.p->compare = true;
  auto run = std::make_shared<MapsCompareRun>(Envelope{}, prog.p);
  EXPECT_EQ(run->Build().kind, StepResult::Kind::kDone);
  return run;
}

TEST(MapsCompare, BmapAndGroupSizes) {
  // bmap: tophash [8]uint8 + 8 keys + 8 elems + overflow pointer. int: 8+64+64+8.
  EXPECT_EQ(ClassicBucketBytes(KeyType::kInt), 144u);
  // string keys are 16-byte headers: 8+128+64+8.
  EXPECT_EQ(ClassicBucketBytes(KeyType::kString), 208u);
}

TEST(MapsCompare, StepsTogetherOneKeyOpAtATime) {
  // A single insert is several classic micro-steps but one Swiss step; the compare pairs them
  // so that step 1 is make, steps 2..4 the three inserts, step 5 the lookup.
  test::Prog p;
  p.Make().Insert(1, 10).Insert(2, 20).Insert(3, 30).Lookup(2);
  auto run = Compare(p);
  ASSERT_EQ(run->StepCount(), 6u);
  EXPECT_GT(run->Classic().StepCount(), run->Swiss().StepCount());  // micro-steps
  for (std::size_t i = 1; i < run->StepCount(); ++i) {
    EXPECT_EQ(run->OpIndex(i), int(i) - 1);
    // Both sides end the compare step on the same script op.
    EXPECT_EQ(run->Classic().OpIndex(run->SideStep(CompareSide::kClassic, i)), int(i) - 1);
    EXPECT_EQ(run->Swiss().OpIndex(run->SideStep(CompareSide::kSwiss, i)), int(i) - 1);
  }
  EXPECT_EQ(run->SideStep(CompareSide::kClassic, 5), run->Classic().StepCount() - 1);
  EXPECT_EQ(run->SideStep(CompareSide::kSwiss, 5), run->Swiss().StepCount() - 1);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, 4).len, 3);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, 4).len, 3);
}

TEST(MapsCompare, BytesAtTheNinthKey) {
  // make(map[int]int) allocates nothing on either side (makemap_small: buckets nil until the
  // first mapassign; NewMap with no hint: dirPtr nil until the first PutSlot).
  // After 8 keys: one bmap (144 B) vs the small group: 8 ctrl + 8 × (8 + 8) = 136 B.
  // The 9th: classic hashGrow to B=1, and mapassign's growWork evacuates the only old bucket
  // at once, so growDone leaves 2 buckets = 288 B (hashes 0..8 with low bit = key parity put
  // 5 and 4 keys in the two buckets: no overflow). Swiss growToTable: one 16-slot table =
  // 2 groups (272 B) + a 1-entry directory (8 B) = 280 B.
  test::Prog p;
  p.Make();
  for (int k = 0; k < 9; ++k) p.Hash(k, std::uint64_t(k)).Insert(k, k);
  auto run = Compare(p);
  ASSERT_EQ(run->StepCount(), 11u);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, 1).bytes, 0u);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, 1).bytes, 0u);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, 9).bytes, 144u);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, 9).bytes, 136u);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, 10).bytes, 288u);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, 10).bytes, 280u);
  // Growth events, each at the compare step of the 9th key.
  ASSERT_EQ(run->Growths().size(), 3u);
  EXPECT_EQ(run->Growths()[0].what, "hashGrow");
  EXPECT_EQ(run->Growths()[0].from, 1u);
  EXPECT_EQ(run->Growths()[0].to, 2u);
  EXPECT_EQ(run->Growths()[1].what, "growDone");
  EXPECT_EQ(run->Growths()[2].what, "growToTable");
  for (const CompareGrowth& g : run->Growths()) EXPECT_EQ(g.step, 10u);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, 10).growths, 2);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, 10).growths, 1);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, 10).last_growth, 10);
  EXPECT_TRUE(run->Notable(10));
  EXPECT_FALSE(run->Notable(9));
}

TEST(MapsCompare, ChainLengthAgainstGroupsProbed) {
  // make(map, 16): classic B=2 (16 > 6.5·2 but not > 6.5·4, makemap/overLoadFactor); Swiss one
  // table of 32 slots (16·8/7 rounded up to a power of 2, NewMap/newTable) = 4 groups.
  // Keys 1..10 get hashes 4k: all in classic bucket 0 (low 2 bits 0), so the 9th and 10th
  // spill into one overflow bucket; on the Swiss side H1 = hash >> 7 = 0 for all, so they
  // probe from group 0, which fills, and keys 9, 10 go to group 1 (probeSeq: 0, then 0+1).
  // H2 = 4k are distinct, so no false control-byte match.
  test::Prog p;
  p.Make(16);
  for (int k = 1; k <= 10; ++k) p.Hash(k, std::uint64_t(4 * k)).Insert(k, k);
  p.Lookup(10).Lookup(1);
  auto run = Compare(p);
  const std::size_t look10 = 12, look1 = 13;
  ASSERT_EQ(run->StepCount(), 14u);
  // mapaccess1 walks bucket 0 then its overflow: 2 buckets; getWithKey probes groups 0, 1.
  EXPECT_EQ(run->Counters(CompareSide::kClassic, look10).probe, 2);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, look10).probe, 2);
  // Key 1 sits in bucket 0 / group 0: one each.
  EXPECT_EQ(run->Counters(CompareSide::kClassic, look1).probe, 1);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, look1).probe, 1);
  EXPECT_GE(run->Counters(CompareSide::kClassic, look1).probe_max, 2);
  // Memory: 4 buckets + 1 overflow = 5 × 144 = 720 B; 4 groups × 136 + 8 = 552 B.
  EXPECT_EQ(run->Counters(CompareSide::kClassic, look1).bytes, 720u);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, look1).bytes, 552u);
  // Nothing grew: 10 keys fit both (10 ≤ 26 classic; 10 ≤ 28 = 32·7/8 Swiss).
  EXPECT_TRUE(run->Growths().empty());
}

TEST(MapsCompare, RangeInsertChainLengthFromLanding) {
  // The same layout as above, inserted by one range op (where the classic model records no
  // per-bucket probe events): key k is compare step 1+k. Keys 1..8 fill bucket 0 (1 bucket
  // walked) and group 0 (1 group probed); key 9 finds bucket 0 full and lands in the new
  // overflow bucket at depth 1 (2 buckets), and finds group 0 full with no empty slot, so
  // probeSeq moves on to group 1 (2 groups).
  test::Prog p;
  p.Make(16);
  for (int k = 1; k <= 10; ++k) p.Hash(k, std::uint64_t(4 * k));
  p.InsertRange(1, 10);
  auto run = Compare(p);
  ASSERT_EQ(run->StepCount(), 12u);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, 2).probe, 1);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, 2).probe, 1);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, 10).probe, 2);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, 10).probe, 2);
  // Averages over the 10 inserts: classic 8×1 + 2×2 = 12 → 1.2; Swiss the same.
  EXPECT_EQ(run->Counters(CompareSide::kClassic, 11).ProbeAvgTenths(), 12);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, 11).ProbeAvgTenths(), 12);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, 11).probe_max, 2);
}

TEST(MapsCompare, BuiltinScenarioGrowthSteps) {
  // scenarios/maps/compare-classic-swiss.json: make, keys 1..900, three lookups. Key k is
  // compare step k+1. Classic hashGrow when count+1 > 6.5·2^B (overLoadFactor): keys 9, 14,
  // 27, 53, 105, 209, 417, 833. Swiss: growToTable at 9, table.grow when growthLeft runs
  // out (7/8 of 16, 32, ... 512 slots): keys 15, 29, 57, 113, 225, 449; the 1024-slot table
  // splits at key 897 and the directory doubles (maxTableCapacity; installTableSplit).
  LoadResult r =
      LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/maps/compare-classic-swiss.json");
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  auto* run = dynamic_cast<const MapsCompareRun*>(r.run.get());
  ASSERT_NE(run, nullptr);
  std::vector<std::size_t> classic, swiss;
  for (const CompareGrowth& g : run->Growths()) {
    if (g.what == "hashGrow") classic.push_back(g.step - 1);
    if (g.what == "growToTable" || g.what == "grow" || g.what == "split") {
      swiss.push_back(g.step - 1);
    }
    if (g.what == "dirGrow") {
      EXPECT_EQ(g.step - 1, 897u);
    }
  }
  EXPECT_EQ(classic, (std::vector<std::size_t>{9, 14, 27, 53, 105, 209, 417, 833}));
  EXPECT_EQ(swiss, (std::vector<std::size_t>{9, 15, 29, 57, 113, 225, 449, 897}));
  const std::size_t last = run->StepCount() - 1;
  // Swiss after the split: two 1024-slot tables (128 groups × 136 B each) + 2 directory
  // entries = 34,832 B. Classic: B=8 since key 833 and still evacuating (growWork moves at
  // most 2 old buckets per insert: 67 inserts cannot finish 128), so 256 + 128 buckets and
  // whatever overflow buckets: at least 384 × 144 = 55,296 B, a whole number of bmaps.
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, last).bytes, 34832u);
  EXPECT_GE(run->Counters(CompareSide::kClassic, last).bytes, 55296u);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, last).bytes % 144, 0u);
  EXPECT_EQ(run->Counters(CompareSide::kClassic, last).len, 900);
  EXPECT_EQ(run->Counters(CompareSide::kSwiss, last).len, 900);
  // Seek equals replay on both sides, and the compare hash is a function of the step.
  EXPECT_TRUE(run->Classic().GetTimeline().SeekMatchesReplay());
  EXPECT_TRUE(run->Swiss().GetTimeline().SeekMatchesReplay());
  LoadResult again =
      LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/maps/compare-classic-swiss.json");
  ASSERT_TRUE(again.run);
  for (std::size_t i = 0; i < run->StepCount(); i += 97) {
    EXPECT_EQ(run->Hash(i), again.run->Hash(i));
  }
}

std::string CompareErrors(const std::string& config) {
  std::string text = R"({"format": 1, "kind": "maps", "id": "t", "title": {"en": "t", "zh": "t"},
  "config": )" + config +
                     R"(, "map": {"key": "int"}, "script": [{"op": "make"}]})";
  LoadResult r = LoadScenarioText("t.json", text);
  EXPECT_FALSE(r.run);
  return r.diags.FormatAll();
}

TEST(MapsCompare, LoaderRejectsBadCompare) {
  std::string e = CompareErrors(R"({"compare": ["swiss", "classic"]})");
  EXPECT_NE(e.find("t.json:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("/config/compare/0"), std::string::npos) << e;
  e = CompareErrors(R"({"compare": "both"})");
  EXPECT_NE(e.find("/config/compare"), std::string::npos) << e;
  EXPECT_NE(e.find("[\"classic\", \"swiss\"]"), std::string::npos) << e;
  e = CompareErrors(R"({"compare": ["classic", "swiss", "classic"]})");
  EXPECT_NE(e.find("/config/compare"), std::string::npos) << e;
  e = CompareErrors(R"({"compare": ["classic", "swiss"], "model": "swiss"})");
  EXPECT_NE(e.find("/config/model"), std::string::npos) << e;
  EXPECT_NE(e.find("cannot be combined"), std::string::npos) << e;
}

}  // namespace
}  // namespace gs::maps
