// Thousands of seeded random insert / delete / lookup / iterate sequences, checked against a
// std::map reference and the engine's invariants after every step.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "engine/core/rng.h"
#include "tests/engine/maps_support.h"

namespace gs::maps {
namespace {

using test::Prog;

// Every step: count == occupied slots, every stored key found at its own slot, no key twice
// (the engine checks these itself while the map is small; we assert the result), and the
// incremental fingerprint equals one computed from scratch. After each op: len and every
// lookup agree with std::map; an iteration yields exactly the reference keys once each.
// A third of the sequences give keys colliding explicit hashes (few distinct low bits) and a
// third churn one bucket group at a time, so overflow chains, emptyRest runs and same-size
// grows are exercised, not only doubling.
TEST(MapsRandom, ThousandsOfSequencesKeepInvariants) {
  Rng gen;
  gen.state = 12345;
  int same_size_grows = 0, doublings = 0, overflow_buckets = 0, empty_rest = 0;
  const int kSequences = 2000;
  for (int seq = 0; seq < kSequences; ++seq) {
    Prog prog(gen.Next());
    int mode = seq % 3;  // 0: seeded hashes; 1: colliding hashes; 2: churn per bucket group
    const int kKeys = mode == 2 ? 20 : 48;
    if (mode == 1) {
      for (int k = 0; k < kKeys; ++k) {
        // Low 3 bits from a tiny set: most keys share buckets whatever B is.
        std::uint64_t h = gen.Next();
        h = (h & ~std::uint64_t(7)) | (gen.Below(2) * 4);
        prog.Hash(k, h);
      }
    } else if (mode == 2) {
      // Keys 0..9 in bucket 0, 10..19 in bucket 1 (at B = 1 and 2): filling one group, then
      // emptying it, leaves overflow buckets behind with few entries: same-size grows.
      for (int k = 0; k < kKeys; ++k) {
        std::uint64_t h = gen.Next() & ~std::uint64_t(0xff);
        prog.Hash(k, h | std::uint64_t(k >= 10));
      }
    }
    prog.Make(gen.Below(4) == 0 ? gen.Below(40) : 0);
    int n_ops = mode == 2 ? 120 : 40 + int(gen.Below(40));
    for (int i = 0; i < n_ops; ++i) {
      std::uint32_t r = gen.Below(100);
      std::int64_t key = gen.Below(std::uint32_t(kKeys));
      if (mode == 2) {
        int phase = (i / 30) % 4;  // insert group 0, delete group 0, insert group 1, delete 1
        key = gen.Below(10) + (phase >= 2 ? 10 : 0);
        if (r < 85) {
          if (phase % 2 == 0) {
            prog.Insert(key, std::int64_t(gen.Below(1000)));
          } else {
            prog.Delete(key);
          }
        } else if (r < 97) {
          prog.Lookup(gen.Below(std::uint32_t(kKeys)));
        } else {
          prog.Iterate();
        }
        continue;
      }
      if (r < 50) {
        prog.Insert(key, std::int64_t(gen.Below(1000)));
      } else if (r < 80) {
        prog.Delete(key);
      } else if (r < 96) {
        prog.Lookup(key);
      } else {
        prog.Iterate();
      }
    }
    MapModel model(prog.p);
    State s = model.Initial();
    std::map<std::int64_t, std::int64_t> ref;
    std::vector<Event> out, op_events;
    int current_op = -1;
    auto finish_op = [&](int op) {
      const Op& o = prog.p->ops[std::size_t(op)];
      switch (o.code) {
        case OpCode::kInsert:
          ref[o.key] = o.value;
          break;
        case OpCode::kDelete:
          ref.erase(o.key);
          break;
        case OpCode::kLookup: {
          auto it = ref.find(o.key);
          bool found = false;
          for (const Event& e : op_events) {
            if (e.kind == EventKind::kFound) {
              found = true;
              ASSERT_NE(it, ref.end()) << "seq " << seq << " op " << op;
              EXPECT_EQ(std::int64_t(e.b), it->second);
            }
          }
          EXPECT_EQ(found, it != ref.end()) << "seq " << seq << " op " << op;
          break;
        }
        case OpCode::kIterate: {
          std::multiset<std::int64_t> seen;
          for (const Event& e : op_events) {
            if (e.kind == EventKind::kIterYield || e.kind == EventKind::kIterYieldOld) {
              seen.insert(e.a);
              EXPECT_EQ(std::int64_t(e.b), ref.at(e.a));
            }
          }
          std::multiset<std::int64_t> want;
          for (const auto& kv : ref) want.insert(kv.first);
          EXPECT_EQ(seen, want) << "seq " << seq << " op " << op;
          break;
        }
        default:
          break;
      }
      op_events.clear();
    };
    while (true) {
      out.clear();
      StepResult r = model.Step(s, out);
      if (r.kind == StepResult::Kind::kDone) break;
      ASSERT_EQ(r.kind, StepResult::Kind::kStepped) << r.message;
      if (r.op_index != current_op && current_op >= 0) finish_op(current_op);
      current_op = r.op_index;
      op_events.insert(op_events.end(), out.begin(), out.end());
      for (const Event& e : out) {
        ASSERT_NE(e.kind, EventKind::kViolation) << "seq " << seq << " op " << r.op_index;
        if (e.kind == EventKind::kGrowStart) (e.slot ? same_size_grows : doublings)++;
        overflow_buckets += e.kind == EventKind::kNewOverflow;
        empty_rest += e.kind == EventKind::kEmptyRest;
      }
      ASSERT_TRUE(s.inv.checked);
      ASSERT_TRUE(s.inv.count_ok && s.inv.lookup_ok && s.inv.unique_ok) << "seq " << seq;
      ASSERT_EQ(s.fp, Fingerprint(s)) << "an arena edit bypassed the fingerprint";
    }
    if (current_op >= 0) finish_op(current_op);
    EXPECT_EQ(s.h.count, std::int64_t(ref.size()));
  }
  // The sequences really exercised the rare paths.
  EXPECT_GT(same_size_grows, 10);
  EXPECT_GT(doublings, 100);
  EXPECT_GT(overflow_buckets, 100);
  EXPECT_GT(empty_rest, 100);
}

}  // namespace
}  // namespace gs::maps
