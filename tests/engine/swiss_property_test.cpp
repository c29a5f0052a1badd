// Random operation sequences on the Swiss-table model against a plain std::map: after every
// step every lookup agrees, used equals the full slots, no probe sequence is cut by an empty
// slot it should have passed (CheckSwissInvariants' lookup check), growthLeft adds up; and a
// Swiss timeline's seek equals its replay.
#include <map>

#include <gtest/gtest.h>

#include "engine/core/rng.h"
#include "engine/core/scenario.h"
#include "engine/maps/swiss_run.h"
#include "tests/engine/swiss_support.h"

namespace gs::maps {
namespace {

using test::HashFor;
using test::Prog;

struct Flavor {
  const char* name;
  std::int64_t keys;  ///< key universe 0..keys-1
  bool collide;       ///< explicit hashes with few distinct H1/H2/top bits
  int ops;
};

void RunRandom(const Flavor& f, std::uint64_t seed) {
  Rng rng{seed};
  Prog pr(seed);
  if (f.collide) {
    // Few distinct first groups, H2 values and top bits: long probe paths, false H2 matches,
    // full groups (so tombstones), and splits that put many keys on one side.
    for (std::int64_t k = 0; k < f.keys; ++k) {
      pr.Hash(k, HashFor(rng.Below(4), std::uint8_t(rng.Below(3)), rng.Below(4)));
    }
  }
  pr.Make(std::int64_t(rng.Below(20)));
  for (int i = 0; i < f.ops; ++i) {
    std::int64_t k = std::int64_t(rng.Below(std::uint32_t(f.keys)));
    switch (rng.Below(10)) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
        pr.Insert(k, std::int64_t(i));
        break;
      case 5:
      case 6:
      case 7:
        pr.Delete(k);
        break;
      default:
        pr.Lookup(k);
        break;
    }
  }
  SwissModel model(pr.p);
  SwissState s = model.Initial();
  std::map<std::int64_t, std::int64_t> want;
  std::vector<SwissEvent> out;
  for (std::size_t op = 0; op < pr.p->ops.size(); ++op) {
    out.clear();
    StepResult r = model.Step(s, out);
    ASSERT_EQ(r.kind, StepResult::Kind::kStepped) << r.message;
    ASSERT_EQ(r.op_index, int(op));  // each of these ops is one step
    const Op& o = pr.p->ops[op];
    if (o.code == OpCode::kInsert) want[o.key] = o.value;
    if (o.code == OpCode::kDelete) want.erase(o.key);
    SwissInvariants inv = CheckSwissInvariants(*pr.p, s);
    ASSERT_TRUE(inv.used_ok) << f.name << " op " << op;
    ASSERT_TRUE(inv.lookup_ok) << f.name << " op " << op;
    ASSERT_TRUE(inv.growth_ok) << f.name << " op " << op;
    ASSERT_EQ(s.m.used, want.size()) << f.name << " op " << op;
    auto check = [&](std::int64_t k) {
      SwissLocation loc = SwissLookup(*pr.p, s, k);
      auto it = want.find(k);
      ASSERT_EQ(loc.found, it != want.end()) << f.name << " op " << op << " key " << k;
      if (loc.found) {
        ASSERT_EQ(loc.elem, it->second);
      }
    };
    check(o.key);
    if (op % 64 == 0) {
      for (std::int64_t k = 0; k < f.keys; ++k) check(k);
    }
  }
}

TEST(SwissProperty, CollidingHashesAgreeWithModel) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    RunRandom({"collide", 120, true, 1500}, seed);
    if (HasFatalFailure()) return;
  }
}

TEST(SwissProperty, ManyKeysThroughSplitsAgreeWithModel) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    RunRandom({"splits", 2500, false, 6000}, seed);
    if (HasFatalFailure()) return;
  }
}

const char* kScenario = R"({"format": 1, "kind": "maps", "id": "t", "title": {"en": "t"},
  "go_version": "1.24", "config": {"seed": 9}, "map": {"key": "int"},
  "script": [{"op": "make"}, {"op": "insert", "range": {"from": 1, "count": 1200}},
             {"op": "delete", "range": {"from": 100, "count": 300}},
             {"op": "iterate", "limit": 40}, {"op": "clear"},
             {"op": "insert", "range": {"from": 5, "count": 20}}, {"op": "iterate"}]})";

TEST(SwissTimeline, SeekEqualsReplayAndIsDeterministic) {
  LoadResult a = LoadScenarioText("t.json", kScenario);
  LoadResult b = LoadScenarioText("t.json", kScenario);
  ASSERT_TRUE(a.run) << a.diags.FormatAll();
  ASSERT_TRUE(b.run);
  const auto* run = dynamic_cast<const SwissRun*>(a.run.get());
  ASSERT_NE(run, nullptr);
  const SwissTimeline& tl = run->GetTimeline();
  ASSERT_EQ(a.run->StepCount(), b.run->StepCount());
  // 1 make + 1200 + 300 + (init + 40 + stop) + clear + 20 + (init + 20 + done) + initial.
  EXPECT_EQ(tl.StepCount(), 1u + 1 + 1200 + 300 + 42 + 1 + 20 + 22);
  for (std::size_t step = 0; step < tl.StepCount(); ++step) {
    ASSERT_EQ(a.run->Hash(step), b.run->Hash(step)) << step;
  }
  // Seek backwards and forwards: the replayed state has the recorded hash.
  for (std::size_t step : {std::size_t(1500), std::size_t(3), std::size_t(1201), tl.StepCount() - 1,
                           std::size_t(900), std::size_t(0)}) {
    SwissState s = tl.StateAt(step);
    EXPECT_EQ(tl.GetModel().Hash(s), tl.Hash(step)) << step;
  }
  // Every state hash differs from its neighbour's (each step changes something).
  for (std::size_t step = 1; step < tl.StepCount(); ++step) {
    ASSERT_NE(tl.Hash(step), tl.Hash(step - 1)) << step;
  }
}

}  // namespace
}  // namespace gs::maps
