// Every barrier scenario under every barrier mode: which objects are freed, whether a weak
// invariant violation and a dangling pointer appear (and at which op / step), and which
// shade saves the object when it survives. Expectations are derived from the barrier rules
// (reference §2) in the comment of each scenario, not copied from a run.
//
// Step counting: a heap or global write while the barrier is on (any mode but none) is two
// steps, the barrier then the store; every other op step is one step per unit of work.
#include <optional>
#include <set>

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/engine/gc_test_util.h"

namespace gs::gc {
namespace {

using test::EventsOfKind;
using test::LoadGcFile;

struct Save {
  const char* obj;
  int op;            ///< script op whose step greys it
  ShadeCause cause;  ///< which half (or the STW rescan) did it
  int since_op = 0;  ///< look only at shades from this op on (the cycle in question)
};

struct Expect {
  const char* mode;
  std::set<std::string> freed_in_first_sweep;  ///< by the end of op `first_sweep_op`
  std::set<std::string> dangling;              ///< objects with a kDangling event
  int first_weak_op = -1;                      ///< -1: the weak invariant always holds
  int first_weak_step = -1;
  int first_dangling_step = -1;
  std::vector<Save> saves;
  bool dangling_at_least = false;  ///< `dangling` is a subset (see dijkstra_rescan)
};

struct ScenarioCase {
  const char* file;
  int first_sweep_op;
  std::vector<Expect> modes;
};

const std::vector<ScenarioCase>& Cases() {
  static const std::vector<ScenarioCase> k = {
      // S1. Ops: 0 gc_start, 1 scan_root stack:main (A, B grey), 2 mark A (black),
      // 3 A.f = C, 4 B.f = nil, 5 mark_all, 6 mark_termination, 7 sweep.
      // none: op 3 breaks only the strong invariant (B protects C), op 4 the weak one; C is
      //   freed at the sweep (step 10: 2 gc_start + 1 + 1 + 1 + 1 + 1 B + 2 mark term. + 1).
      // dijkstra and go shade the new value C at op 3 (insertion); yuasa shades the old value C
      //   at op 4 (deletion); hybrid: main's stack is scanned, so no insertion half — C is
      //   saved by the deletion half at op 4, as the reference says.
      {"s1_lost_object.json",
       7,
       {{"none", {"C"}, {"C"}, 4, 6, 10, {}},
        {"dijkstra", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kInsertion}}},
        {"yuasa", {}, {}, -1, -1, -1, {{"C", 4, ShadeCause::kDeletion}}},
        {"hybrid", {}, {}, -1, -1, -1, {{"C", 4, ShadeCause::kDeletion}}},
        {"go", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kInsertion}}}}},
      // S2. Ops: 0 gc_start, 1 scan_root (stack black, B grey), 2 x := B.f (stack, no barrier),
      // 3 B.f = nil, 4 mark_all, 5 mark_termination, 6 sweep.
      // none: op 3 leaves C only on the black stack → weak violation (step 5), C freed (step 9).
      // dijkstra: op 3 shades only nil, weak violation at step 6 (barrier step 5 first); the
      //   STW rescan of main's stack at op 5 greys C and saves it.
      // yuasa, hybrid, go: the deletion half greys the old value C at op 3.
      {"s2_stack_hiding.json",
       6,
       {{"none", {"C"}, {"C"}, 3, 5, 9, {}},
        {"dijkstra", {}, {}, 3, 6, -1, {{"C", 5, ShadeCause::kRescan}}},
        {"yuasa", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kDeletion}}},
        {"hybrid", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kDeletion}}},
        {"go", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kDeletion}}}}},
      // S3. Ops: 0 gc_start, 1 scan_root global:a, 2 mark A, 3 A.f = x (old nil), 4 x = nil,
      // 5 scan_root stack:main, 6 mark_all, 7 mark_termination, 8 sweep.
      // none: op 4 removes the grey stack's protection → weak violation (step 6); C freed
      //   (step 11). yuasa: op 3's old value is nil, op 4 is a stack write: same loss, one
      //   step later (the barrier step of op 3). dijkstra, hybrid (writer's stack still grey)
      //   and go shade C at op 3 (insertion).
      {"s3_grey_stack.json",
       8,
       {{"none", {"C"}, {"C"}, 4, 6, 11, {}},
        {"dijkstra", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kInsertion}}},
        {"yuasa", {"C"}, {"C"}, 4, 7, 12, {}},
        {"hybrid", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kInsertion}}},
        {"go", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kInsertion}}}}},
      // S4. D is allocated black during mark (op 2), so A.f = D never creates a black → white
      // edge: every mode keeps D, with no violation and no barrier shade needed.
      {"s4_alloc_black.json",
       7,
       {{"none", {}, {}, -1, -1, -1, {}},
        {"dijkstra", {}, {}, -1, -1, -1, {}},
        {"yuasa", {}, {}, -1, -1, -1, {}},
        {"hybrid", {}, {}, -1, -1, -1, {}},
        {"go", {}, {}, -1, -1, -1, {}}}},
      // Dijkstra re-scan. Ops: 0 gc_start, 1 mark n=3 (all roots), 2 head := q.first (stack),
      // 3 q.first = nil, 4 mark_all, 5 mark_termination, 6 sweep.
      // none: C, D, E are all freed and all three are reported dangling: the stack still
      //   reaches C, and through C's (freed but unchanged) pointers D and E.
      // dijkstra: weak violation at op 3 (step 8), saved by the rescan at op 5.
      // yuasa, hybrid, go: the deletion half greys C at op 3.
      {"dijkstra_rescan.json",
       6,
       {{"none", {"C", "D", "E"}, {"C", "D", "E"}, 3, 7, 12, {}},
        {"dijkstra", {}, {}, 3, 8, -1, {{"C", 5, ShadeCause::kRescan}}},
        {"yuasa", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kDeletion}}},
        {"hybrid", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kDeletion}}},
        {"go", {}, {}, -1, -1, -1, {{"C", 3, ShadeCause::kDeletion}}}}},
      // Yuasa stacks first. Cycle 1 (ops 0-8) scans main's stack first, so C is grey before A
      // turns black and no mode loses it. Cycle 2 (ops 11-19) marks A first, then A.f = x
      // (op 14, old nil) and x = nil (op 15): S3 again.
      // none: weak violation at op 15 (step 19), C freed at op 19 (step 24).
      // yuasa: the same two steps later (one barrier step in each cycle's write): 21 and 26.
      // dijkstra, hybrid (main's stack unscanned in cycle 2) and go: insertion at op 14.
      // Cycle 1 frees nothing in any mode (first_sweep_op = 8).
      {"yuasa_stacks_first.json",
       8,
       {{"none", {}, {"C"}, 15, 19, 24, {}},
        {"dijkstra", {}, {}, -1, -1, -1, {{"C", 14, ShadeCause::kInsertion, 11}}},
        {"yuasa", {}, {"C"}, 15, 21, 26, {}},
        {"hybrid", {}, {}, -1, -1, -1, {{"C", 14, ShadeCause::kInsertion, 11}}},
        {"go", {}, {}, -1, -1, -1, {{"C", 14, ShadeCause::kInsertion, 11}}}}},
      // Mutator while marking. Ops: 0 gc_start, 1 mark n=2, 2 mark L1, 3 x := L2.next (L3),
      // 4 y := x.next (L4), 5 L2.next = y (worker, scanned stack), 6 mark L2, 7 alloc N,
      // 8 N.item = Item (main, unscanned), 9 item = nil, 10 global = N, 11 n = nil,
      // 12 mark_all, 13 mark_termination, 14 sweep, 15-16 worker drops x, y, 17 gc.
      // none: L3 loses protection at op 5 (step 8), Item at op 9; both freed while reachable.
      // dijkstra: op 5 shades only L4 → weak violation (step 9), L3 saved by the rescan at
      //   op 13; Item saved by the insertion at op 8.
      // yuasa: L3 saved by the deletion at op 5; Item's old value is nil and main's stack is
      //   grey, so Item is lost (weak violation at op 9, step 14).
      // hybrid: deletion saves L3 (worker is scanned: no insertion there); main's stack is
      //   still grey at op 8, so the insertion half saves Item. go: the same shades.
      {"mutator_marking.json",
       14,
       {{"none", {"L3", "Item"}, {"L3", "Item"}, 5, 8, 19, {}},
        {"dijkstra",
         {},
         {},
         5,
         9,
         -1,
         {{"L3", 13, ShadeCause::kRescan}, {"Item", 8, ShadeCause::kInsertion}}},
        {"yuasa", {"Item"}, {"Item"}, 9, 14, 23, {{"L3", 5, ShadeCause::kDeletion}}},
        {"hybrid",
         {},
         {},
         -1,
         -1,
         -1,
         {{"L3", 5, ShadeCause::kDeletion}, {"Item", 8, ShadeCause::kInsertion}}},
        {"go",
         {},
         {},
         -1,
         -1,
         -1,
         {{"L3", 5, ShadeCause::kDeletion}, {"Item", 8, ShadeCause::kInsertion}}}}},
  };
  return k;
}

struct Param {
  const ScenarioCase* scenario;
  const Expect* expect;
};

std::vector<Param> Params() {
  std::vector<Param> out;
  for (const ScenarioCase& s : Cases()) {
    for (const Expect& e : s.modes) out.push_back({&s, &e});
  }
  return out;
}

void PrintTo(const Param& param, std::ostream* os) {
  *os << param.scenario->file << " under " << param.expect->mode;
}

class BarrierOutcome : public ::testing::TestWithParam<Param> {};

TEST_P(BarrierOutcome, MatchesTheBarrierRules) {
  const ScenarioCase& sc = *GetParam().scenario;
  const Expect& ex = *GetParam().expect;
  auto run = LoadGcFile(std::string(GS_SCENARIO_DIR) + "/gc/" + sc.file, ex.mode);
  ASSERT_TRUE(run);
  const Program& p = run->Prog();

  // Freed by the first cycle's sweep.
  State after_sweep = test::StateAfterOp(*run, sc.first_sweep_op);
  std::set<std::string> freed;
  for (std::size_t i = 0; i < after_sweep.objects.size(); ++i) {
    if (after_sweep.objects[i].freed) freed.insert(p.objects[i].id);
  }
  EXPECT_EQ(freed, ex.freed_in_first_sweep);

  // Dangling pointers, and where the first one appears.
  auto dangling = EventsOfKind(*run, EventKind::kDangling);
  std::set<std::string> dangling_ids;
  for (const auto& d : dangling) dangling_ids.insert(p.ObjectName(d.event.obj));
  if (ex.dangling_at_least) {
    for (const auto& id : ex.dangling) EXPECT_TRUE(dangling_ids.count(id)) << id;
  } else {
    EXPECT_EQ(dangling_ids, ex.dangling);
  }
  if (ex.first_dangling_step >= 0) {
    ASSERT_FALSE(dangling.empty());
    EXPECT_EQ(dangling[0].step, std::size_t(ex.first_dangling_step));
  }

  // The weak invariant: first violation, and every loss comes after one.
  auto weak = EventsOfKind(*run, EventKind::kWeakViolation);
  if (ex.first_weak_op < 0) {
    EXPECT_TRUE(weak.empty()) << "first weak violation at step " << weak[0].step;
  } else {
    ASSERT_FALSE(weak.empty());
    EXPECT_EQ(run->OpIndex(weak[0].step), ex.first_weak_op);
    EXPECT_EQ(weak[0].step, std::size_t(ex.first_weak_step));
  }
  // A lost object is the target of an unprotected edge, or sits behind one on its path.
  for (const auto& d : dangling) {
    bool preceded = false;
    for (const auto& w : weak) {
      const auto& path = d.event.path;
      const bool on_path = std::find(path.begin() + 1, path.end(), w.event.edge.to) != path.end();
      preceded = preceded || (w.step < d.step && on_path);
    }
    EXPECT_TRUE(preceded) << p.ObjectName(d.event.obj) << " lost without a weak violation first";
  }

  // The shade that saves each object: its first grey-or-black transition from white.
  for (const Save& s : ex.saves) {
    const std::int32_t obj = test::Obj(*run, s.obj);
    std::optional<test::StepEvent> first;
    for (const auto& se : EventsOfKind(*run, EventKind::kShade)) {
      if (se.event.obj == obj && run->OpIndex(se.step) >= s.since_op) {
        first = se;
        break;
      }
    }
    ASSERT_TRUE(first) << s.obj << " is never shaded";
    EXPECT_EQ(run->OpIndex(first->step), s.op) << s.obj;
    EXPECT_EQ(first->event.cause, s.cause) << s.obj;
  }
}

INSTANTIATE_TEST_SUITE_P(AllModes, BarrierOutcome, ::testing::ValuesIn(Params()),
                         [](const ::testing::TestParamInfo<Param>& param_info) {
                           std::string n = param_info.param.scenario->file;
                           n = n.substr(0, n.find('.')) + "_" + param_info.param.expect->mode;
                           return n;
                         });

TEST(BarrierOutcomes, DijkstraRescanCostIsCounted) {
  // In dijkstra_rescan the STW rescan finds C on main's stack; C, D and E are then scanned
  // with the world stopped: stw_rescan_work = 3. Both stacks are rescanned, even worker's,
  // which has nothing new. Under go the same program needs no pause work at all.
  auto dij = LoadGcFile(std::string(GS_SCENARIO_DIR) + "/gc/dijkstra_rescan.json", "dijkstra");
  auto go = LoadGcFile(std::string(GS_SCENARIO_DIR) + "/gc/dijkstra_rescan.json", "go");
  ASSERT_TRUE(dij && go);
  EXPECT_EQ(test::StateAfterOp(*dij, 5).stw_rescan_work, 3u);
  EXPECT_EQ(EventsOfKind(*dij, EventKind::kRescanStack).size(), 2u);
  EXPECT_EQ(test::StateAfterOp(*go, 5).stw_rescan_work, 0u);
  EXPECT_TRUE(EventsOfKind(*go, EventKind::kRescanStack).empty());
}

TEST(BarrierOutcomes, EachScenarioOpensInTheModeItShows) {
  // A scenario opens in the mode its lesson is about; the app can switch modes from there.
  // S1 and S4 are about what happens with no barrier at all, S2 and S3 about the hybrid
  // barrier's two halves, the others about the mode in their name (mutator: today's Go).
  const std::vector<std::pair<const char*, Barrier>> k = {
      {"s1_lost_object.json", Barrier::kNone},      {"s2_stack_hiding.json", Barrier::kHybrid},
      {"s3_grey_stack.json", Barrier::kHybrid},     {"s4_alloc_black.json", Barrier::kNone},
      {"dijkstra_rescan.json", Barrier::kDijkstra}, {"yuasa_stacks_first.json", Barrier::kYuasa},
      {"mutator_marking.json", Barrier::kGo}};
  for (const auto& [file, mode] : k) {
    LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/gc/" + file);
    ASSERT_TRUE(r.run) << r.diags.FormatAll();
    EXPECT_EQ(dynamic_cast<const GcRun&>(*r.run).Prog().config.barrier, mode) << file;
  }
}

TEST(BarrierOutcomes, FloatingGarbageIsFreedByTheNextCycle) {
  // mutator_marking: under go, the deletion half kept L3 alive through cycle 1 although the
  // program dropped it right after; cycle 2 (op 17) frees it, and nothing is dangling.
  auto run = LoadGcFile(std::string(GS_SCENARIO_DIR) + "/gc/mutator_marking.json", "go");
  ASSERT_TRUE(run);
  EXPECT_EQ(test::FreedNames(*run), std::vector<std::string>{"L3"});
  auto frees = EventsOfKind(*run, EventKind::kFree);
  ASSERT_EQ(frees.size(), 1u);
  EXPECT_EQ(run->OpIndex(frees[0].step), 17);
}

}  // namespace
}  // namespace gs::gc
