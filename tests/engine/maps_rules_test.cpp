// Rule-by-rule tests of the classic map engine against runtime/map.go (Go 1.19). Each test
// says which rule it checks and why the expected value follows from it.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "tests/engine/maps_support.h"

namespace gs::maps {
namespace {

using test::CountKind;
using test::Prog;
using test::Runner;

// tophash: the top byte of the hash, but values 0..4 are reserved for the empty/evacuated
// marks, so a real entry's tophash is lifted by minTopHash (5).
TEST(MapsRules, TopHashAvoidsSpecialValues) {
  EXPECT_EQ(TopHash(0x00ffffffffffffffULL), 5);  // 0 + 5
  EXPECT_EQ(TopHash(0x04ffffffffffffffULL), 9);  // 4 + 5
  EXPECT_EQ(TopHash(0x05ffffffffffffffULL), 5);  // first value that is kept as is
  EXPECT_EQ(TopHash(0xa1000000000000ffULL), 0xa1);
}

// overLoadFactor(count, B) = count > 8 && count > 13 * (2^B / 2), integer division: at B=0
// the second term is 13 * 0 = 0, so only count > 8 matters; for B >= 1 it is 6.5 * 2^B.
TEST(MapsRules, OverLoadFactor) {
  Config cfg;
  EXPECT_FALSE(OverLoadFactor(8, 0, cfg));
  EXPECT_TRUE(OverLoadFactor(9, 0, cfg));
  EXPECT_FALSE(OverLoadFactor(13, 1, cfg));  // 13 > 13*1 is false
  EXPECT_TRUE(OverLoadFactor(14, 1, cfg));
  EXPECT_FALSE(OverLoadFactor(104, 4, cfg));  // 6.5 * 16 = 104
  EXPECT_TRUE(OverLoadFactor(105, 4, cfg));
  // A tiny count is never over the factor, whatever B: the bucketCnt term protects B=0..
  EXPECT_FALSE(OverLoadFactor(8, 0, cfg));
  // A scenario may change the factor: 1/1 means one entry per bucket on average.
  Config one{1, 1, 1};
  EXPECT_FALSE(OverLoadFactor(16, 4, one));
  EXPECT_TRUE(OverLoadFactor(17, 4, one));
}

// tooManyOverflowBuckets: noverflow >= 2^min(B, 15) ("as many overflow buckets as buckets").
TEST(MapsRules, TooManyOverflowBuckets) {
  EXPECT_FALSE(TooManyOverflowBuckets(0, 0));
  EXPECT_TRUE(TooManyOverflowBuckets(1, 0));
  EXPECT_FALSE(TooManyOverflowBuckets(1, 1));
  EXPECT_TRUE(TooManyOverflowBuckets(2, 1));
  EXPECT_FALSE(TooManyOverflowBuckets(32767, 20));  // B capped at 15
  EXPECT_TRUE(TooManyOverflowBuckets(32768, 20));
}

// makemap: B is the smallest value with !overLoadFactor(hint, B). Derived independently here:
// a hint up to 8 fits one bucket (B=0); otherwise the smallest B >= 1 with hint <= 6.5 * 2^B.
TEST(MapsFidelity, MakemapHintPicksB) {
  Config cfg;
  auto expected = [](std::int64_t hint) {
    if (hint <= 8) return 0;
    int B = 1;
    while (hint * 2 > 13 * (std::int64_t(1) << B)) ++B;  // hint > 6.5 * 2^B
    return B;
  };
  for (std::int64_t hint = 0; hint <= 5000; ++hint) {
    ASSERT_EQ(MakemapB(hint, cfg), expected(hint)) << "hint " << hint;
  }
  // The boundaries named in the issue: each step of B happens one past 6.5 * 2^B.
  EXPECT_EQ(MakemapB(8, cfg), 0);
  EXPECT_EQ(MakemapB(9, cfg), 1);
  EXPECT_EQ(MakemapB(13, cfg), 1);
  EXPECT_EQ(MakemapB(14, cfg), 2);
  EXPECT_EQ(MakemapB(26, cfg), 2);
  EXPECT_EQ(MakemapB(27, cfg), 3);
  EXPECT_EQ(MakemapB(52, cfg), 3);
  EXPECT_EQ(MakemapB(53, cfg), 4);
  EXPECT_EQ(MakemapB(100, cfg), 4);
  EXPECT_EQ(MakemapB(1000000, cfg), 18);  // 6.5 * 2^17 = 851968 < 1e6 <= 6.5 * 2^18
}

// The engine's make op uses that B and allocates 2^B buckets now (B > 0) or none (B = 0,
// the bucket comes with the first assign).
TEST(MapsRules, MakeAllocatesPerHint) {
  Prog prog;
  prog.Make(0).Insert(1, 1).Make(100);
  Runner r(prog);
  r.RunAll();
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(r.steps[0].after.h.buckets, kNilBucket);
  EXPECT_EQ(r.steps[0].after.arena.size(), 0u);
  EXPECT_NE(r.steps[1].after.h.buckets, kNilBucket);  // first assign allocated it
  const State& last = r.steps.back().after;
  EXPECT_EQ(last.h.B, 4);
  EXPECT_EQ(last.arena.size(), 16u);
  EXPECT_EQ(last.h.count, 0);
}

// Sequential inserts with no hint: B grows on the insert n where count+1 = n first makes
// overLoadFactor(n, B) true. Derived from overLoadFactor: n = 9 at B=0, then 13*2^(B-1)+1.
TEST(MapsFidelity, SequentialInsertsGrowAtDerivedPoints) {
  Config cfg;
  std::vector<std::int64_t> derived;
  for (std::uint8_t B = 0; B < 12; ++B) {
    std::int64_t n = 1;
    while (!OverLoadFactor(std::uint64_t(n), B, cfg)) ++n;
    derived.push_back(n);
  }
  // The reference table measured in Go 1.19.8 agrees with the formula.
  std::vector<std::int64_t> measured = {9, 14, 27, 53, 105, 209, 417, 833};
  for (std::size_t i = 0; i < measured.size(); ++i) EXPECT_EQ(derived[i], measured[i]);

  const std::int64_t kInserts = 7000;
  Prog prog(5);
  prog.Make().InsertRange(1, kInserts);
  // Step 0 is make; step i (i >= 1) inserts key number i (one whole mapassign per step).
  MapModel model(prog.p);
  State s = model.Initial();
  std::vector<Event> out;
  std::vector<std::int64_t> grew_at;
  std::uint8_t prevB = 0;
  for (std::int64_t i = 0;; ++i) {
    out.clear();
    StepResult r = model.Step(s, out);
    if (r.kind != StepResult::Kind::kStepped) break;
    if (s.h.B != prevB) {
      EXPECT_EQ(s.h.B, prevB + 1) << "one doubling at a time";
      grew_at.push_back(i);
    }
    prevB = s.h.B;
  }
  EXPECT_EQ(s.h.count, kInserts);
  std::vector<std::int64_t> expect;
  for (auto n : derived) {
    if (n <= kInserts) expect.push_back(n);
  }
  EXPECT_EQ(grew_at, expect);
}

// Growth is checked only when a new key is inserted: updating existing keys of a full B=0
// map never grows it, the 9th distinct key does.
TEST(MapsRules, UpdateNeverGrows) {
  Prog prog;
  prog.Make().InsertRange(1, 8);
  for (int i = 0; i < 20; ++i) prog.Insert(1 + i % 8, 100 + i);
  prog.Insert(9, 9);
  Runner r(prog);
  r.RunAll();
  ASSERT_TRUE(r.error.empty());
  for (const auto& s : r.steps) {
    if (s.op >= 2 && s.op < 22) {
      EXPECT_EQ(s.after.h.B, 0);
      EXPECT_EQ(s.after.h.count, 8);
      EXPECT_EQ(CountKind(s.events, EventKind::kGrowStart), 0);
    }
  }
  EXPECT_EQ(r.steps.back().after.h.B, 1);
  EXPECT_EQ(CountKind(r.EventsOfOp(22), EventKind::kGrowStart), 1);
}

// hashGrow only allocates; growWork then evacuates at most two old buckets per write (the
// one behind the bucket in use, then the one at nevacuate); the grow ends when nevacuate
// reaches the old bucket count, and oldbuckets is dropped.
TEST(MapsRules, IncrementalEvacuationTwoPerWrite) {
  Prog prog(21);
  prog.Make().InsertRange(1, 26);  // B=2, exactly 6.5 per bucket
  for (int k = 27; k <= 40; ++k) prog.Insert(k, k);
  Runner r(prog);
  r.RunAll();
  ASSERT_TRUE(r.error.empty());
  bool grew = false;
  int writes_while_growing = 0;
  for (int op = 2; op < int(prog.p->ops.size()); ++op) {
    auto ev = r.EventsOfOp(op);
    int evac = CountKind(ev, EventKind::kEvacuate) + CountKind(ev, EventKind::kEvacuateSkip);
    EXPECT_LE(evac, 2) << "growWork evacuates at most 2 old buckets per write";
    if (CountKind(ev, EventKind::kGrowStart)) {
      grew = true;
      EXPECT_EQ(op, 2) << "the 27th key is the one that grows B=2";
    }
    if (evac > 0) ++writes_while_growing;
  }
  EXPECT_TRUE(grew);
  // 4 old buckets, at least one evacuated per write (nevacuate always advances): <= 4 writes.
  EXPECT_GE(writes_while_growing, 2);
  EXPECT_LE(writes_while_growing, 4);
  const State& last = r.steps.back().after;
  EXPECT_EQ(last.h.oldbuckets, kNilBucket);
  EXPECT_EQ(last.h.B, 3);
  EXPECT_EQ(last.arena.size(), 8u + last.h.noverflow) << "old arrays compacted away";
}

// X/Y split: when B=1 doubles to B=2, old bucket 0's entries go to new bucket 0 (X) when
// hash & 2 == 0 and to new bucket 2 (Y) otherwise; the old slots are marked evacuatedX/Y.
TEST(MapsRules, EvacuateSplitsByNextHashBit) {
  Prog prog;
  prog.Make(9);  // B=1
  // Bucket 0 (low bit 0); bit 1 decides X (0) or Y (1). 14 keys: the 14th triggers the grow.
  for (int k = 1; k <= 13; ++k) {
    std::uint64_t low = (k % 3 == 0) ? 2 : 0;  // keys 3,6,9,12 go to Y
    prog.Hash(k, (std::uint64_t(0x10 + k) << 56) | low | (std::uint64_t(k) << 8));
    prog.Insert(k, k * 10);
  }
  prog.Hash(14, 0x9900000000000004ULL);  // bucket 0 at B=1, and 0 at B=2 (bit 1 clear)
  prog.Insert(14, 140);
  Runner r(prog);
  r.RunAll();
  ASSERT_TRUE(r.error.empty());
  auto ev = r.EventsOfOp(14);
  ASSERT_EQ(CountKind(ev, EventKind::kGrowStart), 1);
  auto it = std::find_if(ev.begin(), ev.end(),
                         [](const Event& e) { return e.kind == EventKind::kEvacuate; });
  ASSERT_NE(it, ev.end());
  EXPECT_EQ(it->bucket, 0);
  EXPECT_EQ(it->a, 9);   // X: keys 1,2,4,5,7,8,10,11,13
  EXPECT_EQ(it->b, 4u);  // Y: keys 3,6,9,12
  const State& s = r.steps.back().after;
  const Program& p = *prog.p;
  // After the grow every key sits in bucket hash & 3.
  for (int k = 1; k <= 14; ++k) {
    Location loc = Lookup(p, s, k);
    ASSERT_NE(loc.bucket, kNilBucket) << k;
    std::uint64_t want = KeyHash(p, k, s.h.hash0) & 3;
    // Main bucket of loc: walk chains from each main bucket to find it.
    bool in_want = false;
    for (std::int32_t b = s.h.buckets + std::int32_t(want); b != kNilBucket;
         b = s.arena[std::size_t(b)].overflow) {
      in_want |= b == loc.bucket;
    }
    EXPECT_TRUE(in_want) << "key " << k;
  }
}

// During the grow, before the old bucket is evacuated, its slots keep their tophash; after,
// they hold evacuatedX / evacuatedY / evacuatedEmpty and evacuated() is true.
TEST(MapsRules, EvacuatedMarks) {
  Prog prog(21);
  prog.Make().InsertRange(1, 26).Insert(27, 27);
  Runner r(prog);
  r.RunAll();
  const State& s = r.steps.back().after;
  ASSERT_NE(s.h.oldbuckets, kNilBucket) << "still growing after the 27th key";
  int evacuated = 0;
  for (int i = 0; i < 4; ++i) {
    const Bucket& b = s.arena[std::size_t(s.h.oldbuckets + i)];
    if (!Evacuated(b)) continue;
    ++evacuated;
    for (auto t : b.tophash) {
      EXPECT_TRUE(t == kEvacuatedX || t == kEvacuatedY || t == kEvacuatedEmpty) << int(t);
    }
  }
  EXPECT_GE(evacuated, 1);
  EXPECT_LE(evacuated, 2);
  // advanceEvacuationMark: nevacuate is the number of leading evacuated old buckets.
  std::uint64_t leading = 0;
  while (leading < 4 && Evacuated(s.arena[std::size_t(s.h.oldbuckets) + leading])) ++leading;
  EXPECT_EQ(s.h.nevacuate, leading);
  EXPECT_GE(leading, 1u) << "growWork always evacuates the bucket at nevacuate";
}

// mapaccess1 during a grow: if the key's old bucket is not evacuated it searches there.
TEST(MapsRules, LookupDuringGrowUsesOldBucket) {
  Prog prog(21);
  prog.Make().InsertRange(1, 26).Insert(27, 27).Lookup(16);
  Runner r(prog);
  r.RunAll();
  auto ev = r.EventsOfOp(3);
  EXPECT_EQ(CountKind(ev, EventKind::kUseOld), 1);
  auto f = std::find_if(ev.begin(), ev.end(),
                        [](const Event& e) { return e.kind == EventKind::kFound; });
  ASSERT_NE(f, ev.end());
  EXPECT_EQ(f->b, 16u);
  EXPECT_TRUE(f->depth & kOldArrayBit);
}

// mapdelete: the slot becomes emptyOne; if nothing follows in the chain the run of empty
// slots before it becomes emptyRest, crossing back into the previous bucket of the chain.
TEST(MapsRules, DeleteEmptyOneAndEmptyRest) {
  Prog prog;
  prog.Make(10);                                                              // B=1
  for (int k = 1; k <= 10; ++k) prog.Hash(k, std::uint64_t(0x10 * k) << 56);  // all bucket 0
  prog.InsertRange(1, 10);  // b0[0..7] = 1..8, ovf[0..1] = 9, 10
  prog.Delete(3);           // op 2: middle -> emptyOne only
  prog.Delete(8);           // op 3: last slot, overflow still used -> emptyOne
  prog.Delete(10);          // op 4: last of chain -> emptyRest
  prog.Delete(9);           // op 5: ovf[0] and b0[7] -> emptyRest; stops at b0[6]
  Runner r(prog);
  r.RunAll();
  ASSERT_TRUE(r.error.empty());
  auto head = [&](const State& s) { return s.arena[std::size_t(s.h.buckets)]; };
  auto ovf = [&](const State& s) { return s.arena[std::size_t(head(s).overflow)]; };
  auto after_op = [&](int op) {
    const State* last = nullptr;
    for (const auto& st : r.steps) {
      if (st.op == op) last = &st.after;
    }
    return *last;
  };
  State s2 = after_op(2);
  EXPECT_EQ(head(s2).tophash[2], kEmptyOne);
  State s3 = after_op(3);
  EXPECT_EQ(head(s3).tophash[7], kEmptyOne);
  State s4 = after_op(4);
  EXPECT_EQ(ovf(s4).tophash[1], kEmptyRest);
  EXPECT_EQ(ovf(s4).tophash[0], 0x90);
  State s5 = after_op(5);
  EXPECT_EQ(ovf(s5).tophash[0], kEmptyRest);
  EXPECT_EQ(head(s5).tophash[7], kEmptyRest) << "emptyRest crosses back into bucket 0";
  EXPECT_EQ(head(s5).tophash[6], 0x70) << "and stops at the live entry 7";
  EXPECT_EQ(head(s5).tophash[2], kEmptyOne) << "an emptyOne before a live entry stays";
  EXPECT_EQ(s5.h.count, 6);
  // Int keys hold no pointers: mapdelete leaves the key bytes, clears the elem.
  EXPECT_EQ(head(s5).keys[2], 3);
  EXPECT_EQ(head(s5).elems[2], 0);
}

// mapdelete of the last entry re-draws hash0; mapclear keeps B, drops overflow buckets and
// any grow, zeroes count and noverflow, and re-draws hash0.
TEST(MapsRules, ReseedAndClear) {
  Prog prog;
  prog.Make().Insert(1, 1).Delete(1);
  prog.InsertRange(1, 60).Clear();
  Runner r(prog);
  r.RunAll();
  ASSERT_TRUE(r.error.empty());
  std::uint64_t h0 = r.steps[0].after.h.hash0;
  std::uint64_t after_delete = 0;
  for (const auto& st : r.steps) {
    if (st.op == 2) after_delete = st.after.h.hash0;
  }
  EXPECT_NE(h0, after_delete);
  State before_clear;
  for (const auto& st : r.steps) {
    if (st.op == 3) before_clear = st.after;
  }
  const State& s = r.steps.back().after;
  EXPECT_EQ(s.h.B, before_clear.h.B) << "a cleared map does not shrink";
  EXPECT_EQ(s.h.count, 0);
  EXPECT_EQ(s.h.noverflow, 0);
  EXPECT_EQ(s.h.oldbuckets, kNilBucket);
  EXPECT_NE(s.h.hash0, before_clear.h.hash0);
  EXPECT_EQ(s.arena.size(), std::size_t(1) << s.h.B) << "overflow buckets dropped";
}

// mapiterinit: startBucket = r & (2^B-1), offset = (r >> B) & 7; every key exactly once,
// also when the range starts in the middle of a grow.
TEST(MapsRules, IterationVisitsEveryKeyOnceAndStartsAtR) {
  for (int limit_case = 0; limit_case < 2; ++limit_case) {
    Prog prog(21);
    prog.Make().InsertRange(1, 26);
    if (limit_case) prog.Insert(27, 27);  // iterate mid-grow
    prog.Iterate();
    Runner r(prog);
    r.RunAll();
    int it_op = limit_case ? 3 : 2;
    auto ev = r.EventsOfOp(it_op);
    ASSERT_FALSE(ev.empty());
    ASSERT_EQ(ev[0].kind, EventKind::kIterInit);
    std::uint8_t B = r.steps.back().after.h.B;
    EXPECT_EQ(std::uint64_t(ev[0].bucket), ev[0].b & BucketMask(B));
    EXPECT_EQ(ev[0].slot, (ev[0].b >> B) & 7);
    std::multiset<std::int64_t> seen;
    for (const Event& e : ev) {
      if (e.kind == EventKind::kIterYield || e.kind == EventKind::kIterYieldOld) seen.insert(e.a);
    }
    std::int64_t n = 26 + limit_case;
    EXPECT_EQ(std::int64_t(seen.size()), n);
    for (std::int64_t k = 1; k <= n; ++k) EXPECT_EQ(seen.count(k), 1u) << k;
    if (limit_case) {
      EXPECT_GT(CountKind(ev, EventKind::kIterYieldOld), 0) << "some buckets read from old";
    }
    // The first yielded key comes from the start bucket or later (wrapping).
    EXPECT_EQ(ev.back().kind, EventKind::kIterDone);
  }
}

// Two ranges over the same unchanged map draw two random numbers: with 4 buckets and 8
// offsets they start at different places for this seed, so the orders differ.
TEST(MapsRules, TwoRangesDiffer) {
  Prog prog(4);
  prog.Make().InsertRange(1, 26).Iterate().Iterate();
  Runner r(prog);
  r.RunAll();
  auto order = [&](int op) {
    std::vector<std::int64_t> o;
    for (const Event& e : r.EventsOfOp(op)) {
      if (e.kind == EventKind::kIterYield) o.push_back(e.a);
    }
    return o;
  };
  auto a = order(2), b = order(3);
  ASSERT_EQ(a.size(), 26u);
  ASSERT_EQ(b.size(), 26u);
  EXPECT_NE(a, b);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_EQ(a, b);
}

// Assignment to a nil map panics; reading, deleting and ranging over one do nothing.
TEST(MapsRules, NilMap) {
  Prog ok;
  ok.Lookup(1).Delete(1).Iterate().Clear();
  Runner r(ok);
  r.RunAll();
  EXPECT_TRUE(r.error.empty());
  EXPECT_EQ(r.steps.size(), 4u);
  Prog bad;
  bad.Insert(1, 1);
  Runner rb(bad);
  rb.RunAll();
  EXPECT_NE(rb.error.find("assignment to entry in nil map"), std::string::npos);
}

// Same-size grow: when overflow buckets reach 2^B but the load is low, hashGrow keeps B and
// the evacuation packs the chains (the overflow bucket disappears).
TEST(MapsRules, SameSizeGrowAfterChurn) {
  Prog prog;
  prog.Make(10);  // B=1: tooMany at noverflow >= 2
  for (int k = 1; k <= 9; ++k) prog.Hash(k, std::uint64_t(0x10 + k) << 56);          // bucket 0
  for (int k = 11; k <= 19; ++k) prog.Hash(k, (std::uint64_t(0x10 + k) << 56) | 1);  // bucket 1
  prog.Hash(30, 0xaa00000000000000ULL);
  prog.InsertRange(1, 9);
  for (int k = 1; k <= 8; ++k) prog.Delete(k);
  prog.InsertRange(11, 9);
  for (int k = 11; k <= 18; ++k) prog.Delete(k);
  std::size_t grow_op = prog.p->ops.size();
  prog.Insert(30, 300);
  Runner r(prog);
  r.RunAll();
  ASSERT_TRUE(r.error.empty());
  State before;
  for (const auto& st : r.steps) {
    if (st.op == int(grow_op) - 1) before = st.after;
  }
  EXPECT_EQ(before.h.noverflow, 2);
  EXPECT_EQ(before.h.count, 2);
  auto ev = r.EventsOfOp(int(grow_op));
  auto g = std::find_if(ev.begin(), ev.end(),
                        [](const Event& e) { return e.kind == EventKind::kGrowStart; });
  ASSERT_NE(g, ev.end());
  EXPECT_EQ(g->slot, 1) << "same-size";
  EXPECT_EQ(g->bucket, 1) << "B unchanged";
  const State& s = r.steps.back().after;
  EXPECT_EQ(s.h.B, 1);
  EXPECT_EQ(s.h.noverflow, 0);
  EXPECT_EQ(s.h.oldbuckets, kNilBucket);
  EXPECT_EQ(s.h.flags & kFlagSameSizeGrow, 0) << "cleared when the grow ends";
  EXPECT_EQ(s.arena.size(), 2u) << "no overflow bucket left";
  EXPECT_EQ(s.arena[std::size_t(s.h.buckets) + 1].keys[0], 19) << "19 packed to slot 0";
}

// hashGrow turns the iterator flag into oldIterator (an old iterator may still read
// oldbuckets); mapiterinit sets both.
TEST(MapsRules, IteratorFlags) {
  Prog prog(21);
  prog.Make().InsertRange(1, 8).Iterate(1).Insert(9, 9);
  Runner r(prog);
  r.RunAll();
  State after_iter;
  for (const auto& st : r.steps) {
    if (st.op == 2) after_iter = st.after;
  }
  EXPECT_EQ(after_iter.h.flags & (kFlagIterator | kFlagOldIterator),
            kFlagIterator | kFlagOldIterator);
  const State& s = r.steps.back().after;
  EXPECT_EQ(s.h.flags & kFlagIterator, 0);
  EXPECT_EQ(s.h.flags & kFlagOldIterator, kFlagOldIterator);
  EXPECT_EQ(s.h.flags & kFlagHashWriting, 0) << "cleared at the end of mapassign";
}

// The invariant checker can fail: a corrupted state is reported, not silently accepted.
TEST(MapsRules, InvariantCheckerDetectsCorruption) {
  Prog prog;
  prog.Make().InsertRange(1, 5);
  Runner r(prog);
  r.RunAll();
  State s = r.steps.back().after;
  EXPECT_EQ(CheckInvariants(*prog.p, s), (InvariantStatus{true, true, true, true, 5}));
  State c1 = s;
  c1.h.count = 4;
  EXPECT_FALSE(CheckInvariants(*prog.p, c1).count_ok);
  State c2 = s;
  c2.arena[0].tophash[0] = kEmptyRest;  // hides every later slot from lookup
  auto st2 = CheckInvariants(*prog.p, c2);
  EXPECT_FALSE(st2.lookup_ok);
  State c3 = s;
  c3.arena[0].keys[1] = c3.arena[0].keys[0];  // the same key twice
  c3.arena[0].tophash[1] = c3.arena[0].tophash[0];
  EXPECT_FALSE(CheckInvariants(*prog.p, c3).unique_ok);
}

}  // namespace
}  // namespace gs::maps
