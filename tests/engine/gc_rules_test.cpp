// Tri-color marking, rule by rule. Each test states the runtime rule it checks (Go 1.19
// mgc.go, mgcmark.go, mgcwork.go, mbarrier.go, mwbbuf.go, malloc.go, mgcsweep.go; the
// reference is /work/shared/reference/go-runtime.md sections 1 and 2) and builds the smallest
// scenario that would break if the engine got the rule wrong.
#include <algorithm>

#include <gtest/gtest.h>

#include "engine/gc/invariants.h"
#include "engine/gc/model.h"
#include "tests/engine/gc_test_util.h"

namespace gs::gc {
namespace {

using test::AllEvents;
using test::EventsAt;
using test::EventsOfKind;
using test::FinalState;
using test::LastStepOfOp;
using test::LoadGc;
using test::Obj;
using test::RootIx;
using test::Scenario;
using test::StateAfterOp;

// Objects visited by scanobject, in order.
std::vector<std::string> ScanOrder(const GcRun& run) {
  std::vector<std::string> out;
  for (const auto& se : EventsOfKind(run, EventKind::kScanObject)) {
    out.push_back(run.Prog().ObjectName(se.event.obj));
  }
  return out;
}

std::vector<std::string> RootScanOrder(const GcRun& run) {
  std::vector<std::string> out;
  for (const auto& se : EventsOfKind(run, EventKind::kScanRoot)) {
    out.push_back(run.Prog().RootName(se.event.root));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// greyobject

TEST(GcRules, GreyobjectBlackensNoscanAndQueuesTheRest) {
  // greyobject (mgcmark.go): "if span.spanclass.noscan() { gcw.bytesMarked += ...; return }"
  // — a pointer-free object gets its mark bit but never enters the work queue, since
  // scanobject would find nothing in it. A pointerful object is marked and queued (grey).
  State s;
  s.objects.resize(2);
  for (Object& o : s.objects) o.live = true;
  s.objects[0].noscan = true;
  s.objects[1].fields = {kNil};
  std::vector<Event> out;
  Shade(s, 0, ShadeCause::kScan, false, out);
  Shade(s, 1, ShadeCause::kScan, false, out);
  EXPECT_EQ(s.objects[0].color, Color::kBlack);
  EXPECT_EQ(s.objects[1].color, Color::kGrey);
  EXPECT_EQ(s.grey_queue, std::vector<std::int32_t>{1});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, EventKind::kShade);
  EXPECT_EQ(out[0].to, Color::kBlack);
  EXPECT_EQ(out[1].to, Color::kGrey);
}

TEST(GcRules, GreyobjectIgnoresAlreadyMarkedObjects) {
  // greyobject returns at once when the mark bit is already set: a second shade neither
  // re-queues nor changes color (this is why marking terminates on cycles).
  State s;
  s.objects.resize(1);
  s.objects[0].live = true;
  std::vector<Event> out;
  Shade(s, 0, ShadeCause::kScan, false, out);
  Shade(s, 0, ShadeCause::kScan, false, out);
  EXPECT_EQ(s.grey_queue.size(), 1u);
  EXPECT_EQ(out.size(), 1u);
  // A barrier asks for a report, so the view can say "already grey".
  Shade(s, 0, ShadeCause::kDeletion, true, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].kind, EventKind::kAlreadyShaded);
  EXPECT_EQ(out[1].from, Color::kGrey);
}

TEST(GcRules, NoscanObjectFromAScanNeverReachesTheQueue) {
  // End to end: scanning P finds noscan N (black at once) and pointerful Q (grey); the next
  // mark unit therefore scans Q, never N, and N is never the subject of a scanobject.
  auto run = LoadGc(Scenario(R"({"barrier": "go"})",
                             R"({"objects": [{"id": "P", "fields": 2}, {"id": "N", "noscan": true},
                                            {"id": "Q"}],
                                 "roots": [{"id": "global:p", "refs": ["P"]}],
                                 "edges": [["P", 0, "N"], ["P", 1, "Q"]]})",
                             R"([{"op": "gc_start"}, {"op": "mark_all"}])"));
  ASSERT_TRUE(run);
  EXPECT_EQ(ScanOrder(*run), (std::vector<std::string>{"P", "Q"}));
  State s = FinalState(*run);
  EXPECT_EQ(s.objects[std::size_t(Obj(*run, "N"))].color, Color::kBlack);
}

// ---------------------------------------------------------------------------------------
// Roots and gcDrain order

TEST(GcRules, RootJobsRunGlobalsBeforeStacks) {
  // gcMarkRootPrepare numbers the jobs: data/bss blocks (globals) first, then one job per
  // goroutine stack; markroot runs them in index order. Declaration order must not matter.
  auto run = LoadGc(Scenario(R"({})",
                             R"({"objects": [{"id": "A"}],
                                 "roots": [{"id": "stack:a"}, {"id": "global:b"},
                                           {"id": "stack:c"}, {"id": "global:d", "refs": ["A"]}]})",
                             R"([{"op": "gc_start"}, {"op": "mark_all"}])"));
  ASSERT_TRUE(run);
  State after_start = StateAfterOp(*run, 0);
  EXPECT_EQ(after_start.root_jobs,
            (std::vector<std::int32_t>{RootIx(*run, "global:b"), RootIx(*run, "global:d"),
                                       RootIx(*run, "stack:a"), RootIx(*run, "stack:c")}));
  EXPECT_EQ(RootScanOrder(*run),
            (std::vector<std::string>{"global:b", "global:d", "stack:a", "stack:c"}));
}

TEST(GcRules, GcDrainRunsEveryRootJobBeforeAnyHeapObject) {
  // gcDrain: "Drain root marking jobs" comes before the loop over gcw.tryGet(). The first
  // root greys A, yet the next unit of work is the second root job, not A.
  auto run =
      LoadGc(Scenario(R"({})",
                      R"({"objects": [{"id": "A"}, {"id": "B"}],
                                 "roots": [{"id": "global:a", "refs": ["A"]},
                                           {"id": "stack:g", "refs": ["B"]}]})",
                      R"([{"op": "gc_start"}, {"op": "mark", "n": 2}, {"op": "mark", "n": 1}])"));
  ASSERT_TRUE(run);
  State s = StateAfterOp(*run, 1);
  EXPECT_TRUE(s.root_jobs.empty());
  EXPECT_EQ(s.objects_scanned, 0u) << "no heap object is scanned while root jobs remain";
  EXPECT_EQ(s.grey_queue.size(), 2u);
  // Then heap work begins.
  EXPECT_EQ(StateAfterOp(*run, 2).objects_scanned, 1u);
}

TEST(GcRules, WorkbufIsLastInFirstOut) {
  // gcWork.put pushes onto the current workbuf and tryGet pops from its top (mgcwork.go):
  // a root greying A, B, C (slot order) is followed by scans of C, B, A.
  auto run = LoadGc(Scenario(R"({})",
                             R"({"objects": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
                                 "roots": [{"id": "global:r", "refs": ["A", "B", "C"]}]})",
                             R"([{"op": "gc_start"}, {"op": "mark_all"}])"));
  ASSERT_TRUE(run);
  EXPECT_EQ(ScanOrder(*run), (std::vector<std::string>{"C", "B", "A"}));
}

TEST(GcRules, ScanBlackensAfterGreyingChildren) {
  // scanobject greys each white child and the object is black afterwards; the children are
  // pushed in field order, so with LIFO the last field is scanned next.
  auto run =
      LoadGc(Scenario(R"({})",
                      R"({"objects": [{"id": "P", "fields": 2}, {"id": "X"}, {"id": "Y"}],
                                 "roots": [{"id": "global:p", "refs": ["P"]}],
                                 "edges": [["P", 0, "X"], ["P", 1, "Y"]]})",
                      R"([{"op": "gc_start"}, {"op": "mark", "n": 2}, {"op": "mark_all"}])"));
  ASSERT_TRUE(run);
  State s = StateAfterOp(*run, 1);
  EXPECT_EQ(s.objects[std::size_t(Obj(*run, "P"))].color, Color::kBlack);
  EXPECT_EQ(s.objects[std::size_t(Obj(*run, "X"))].color, Color::kGrey);
  EXPECT_EQ(s.grey_queue, (std::vector<std::int32_t>{Obj(*run, "X"), Obj(*run, "Y")}));
  EXPECT_EQ(ScanOrder(*run), (std::vector<std::string>{"P", "Y", "X"}));
}

// ---------------------------------------------------------------------------------------
// Allocation

TEST(GcRules, AllocateBlackOnlyWhileMarking) {
  // mallocgc: "if gcphase != _GCoff { gcmarknewobject(...) }". Before the cycle and after
  // it (phase off) the new object is white; during mark it is black and never scanned.
  auto run = LoadGc(Scenario(R"({})", R"({"objects": [], "roots": [{"id": "stack:g"}]})",
                             R"([{"op": "alloc", "id": "Before", "root": "stack:g"},
                                 {"op": "gc_start"},
                                 {"op": "alloc", "id": "During", "root": "stack:g"},
                                 {"op": "mark_all"}, {"op": "mark_termination"}, {"op": "sweep"},
                                 {"op": "alloc", "id": "After", "root": "stack:g"}])"));
  ASSERT_TRUE(run);
  auto allocs = EventsOfKind(*run, EventKind::kAlloc);
  ASSERT_EQ(allocs.size(), 3u);
  EXPECT_EQ(allocs[0].event.to, Color::kWhite);
  EXPECT_EQ(allocs[1].event.to, Color::kBlack);
  EXPECT_EQ(allocs[2].event.to, Color::kWhite);
  // The black one was never queued or scanned, and was not greyed by the stack scan either.
  for (const auto& n : ScanOrder(*run)) EXPECT_NE(n, "During");
  EXPECT_EQ(StateAfterOp(*run, 2).objects[std::size_t(Obj(*run, "During"))].color, Color::kBlack);
}

TEST(GcRules, AllocatingWhileSweepingIsAScriptError) {
  // The engine does not model allocation sweeping a span first; it says so instead of
  // guessing a color.
  LoadResult r = LoadScenarioText(
      "t.json", Scenario(R"({})", R"({"objects": [], "roots": [{"id": "stack:g"}]})",
                         R"([{"op": "gc_start"}, {"op": "mark_all"}, {"op": "mark_termination"},
                             {"op": "alloc", "id": "X", "root": "stack:g"}])"));
  EXPECT_FALSE(r.run);
  ASSERT_EQ(r.diags.ErrorCount(), 1u);
  EXPECT_NE(r.diags.Items()[0].message.find("allocating while sweeping"), std::string::npos);
  EXPECT_EQ(r.diags.Items()[0].pointer, "/script/3");
}

// ---------------------------------------------------------------------------------------
// Where the barrier runs

// A heap where every write below has a white old value and a white new value.
constexpr const char* kBarrierHeap = R"({
  "objects": [{"id": "X"}, {"id": "Old"}, {"id": "New"}],
  "roots": [{"id": "global:x", "refs": ["X"]}, {"id": "stack:g", "refs": ["New"]},
            {"id": "stack:h", "refs": []}],
  "edges": [["X", "Old"]]})";

TEST(GcRules, BarrierIsOffOutsideMark) {
  // setGCPhase enables writeBarrier exactly for _GCmark and _GCmarktermination. A write
  // before the cycle or during sweep runs no barrier and shades nothing.
  auto run = LoadGc(Scenario(R"({"barrier": "go"})", kBarrierHeap,
                             R"([{"op": "write", "obj": "X", "to": "New"},
                                 {"op": "gc_start"}, {"op": "mark_all"}, {"op": "mark_termination"},
                                 {"op": "write", "obj": "X", "to": null},
                                 {"op": "sweep"}])"));
  ASSERT_TRUE(run);
  EXPECT_TRUE(EventsOfKind(*run, EventKind::kBarrier).empty());
  for (const auto& se : EventsOfKind(*run, EventKind::kShade)) {
    EXPECT_NE(se.event.cause, ShadeCause::kInsertion);
    EXPECT_NE(se.event.cause, ShadeCause::kDeletion);
  }
  // Each write is then a single step.
  EXPECT_EQ(run->OpIndex(1), 0);
  EXPECT_EQ(run->OpIndex(2), 1);
}

TEST(GcRules, StackWritesAreNeverBarriered) {
  // The compiler emits no barrier for writes to the current stack frame (mbarrier.go);
  // globals do get one. load and set_root into a stack: no kBarrier; set_root into a global
  // during mark: one kBarrier, before the store and as a step of its own.
  auto run = LoadGc(Scenario(R"({"barrier": "go"})", kBarrierHeap,
                             R"([{"op": "gc_start"},
                                 {"op": "load", "root": "stack:h", "from": "X", "field": 0},
                                 {"op": "set_root", "root": "stack:h", "slot": 0, "to": null},
                                 {"op": "set_root", "root": "global:x", "slot": 0, "to": "New"}])"));
  ASSERT_TRUE(run);
  auto barriers = EventsOfKind(*run, EventKind::kBarrier);
  ASSERT_EQ(barriers.size(), 1u);
  EXPECT_TRUE(barriers[0].event.on_root);
  EXPECT_EQ(run->OpIndex(barriers[0].step), 3);
  // The barrier step comes before the store step of the same op.
  EXPECT_TRUE(EventsOfKind(*run, EventKind::kRootWrite).back().step == barriers[0].step + 1);
  // The global barrier shaded the old X and the new New (go mode shades both).
  State s = FinalState(*run);
  EXPECT_EQ(s.objects[std::size_t(Obj(*run, "X"))].color, Color::kGrey);
  EXPECT_EQ(s.objects[std::size_t(Obj(*run, "New"))].color, Color::kGrey);
  EXPECT_EQ(s.objects[std::size_t(Obj(*run, "Old"))].color, Color::kWhite)
      << "the stack load of X.f0 = Old ran no barrier";
}

struct ModeCase {
  const char* mode;
  bool writer_scanned;
  bool shades_old;
  bool shades_new;
};

void PrintTo(const ModeCase& c, std::ostream* os) {
  *os << c.mode << (c.writer_scanned ? " (writer's stack scanned)" : " (writer's stack grey)");
}

class BarrierShades : public ::testing::TestWithParam<ModeCase> {};

TEST_P(BarrierShades, WriteShadesWhatTheModeSays) {
  // X.f0: Old -> New with both white, X grey (so nothing else shades them first):
  //   none      — nothing;
  //   dijkstra  — shade(ptr): New (insertion);
  //   yuasa     — shade(*slot): Old (deletion);
  //   hybrid    — shade(*slot); shade(ptr) only if the current stack is grey (mbarrier.go);
  //   go        — wbBufFlush1 greys both recorded pointers, whatever the stack color.
  const ModeCase& c = GetParam();
  std::string script = R"([{"op": "gc_start"}, {"op": "scan_root", "root": "global:x"},)";
  if (c.writer_scanned) script += R"({"op": "scan_root", "root": "stack:h"},)";
  script += R"({"op": "write", "obj": "X", "to": "New", "g": "stack:h"}])";
  auto run =
      LoadGc(Scenario(std::string(R"({"barrier": ")") + c.mode + "\"}", kBarrierHeap, script));
  ASSERT_TRUE(run);
  const int write_op = c.writer_scanned ? 3 : 2;
  State s = StateAfterOp(*run, write_op);
  EXPECT_EQ(s.objects[std::size_t(Obj(*run, "Old"))].color == Color::kGrey, c.shades_old);
  EXPECT_EQ(s.objects[std::size_t(Obj(*run, "New"))].color == Color::kGrey, c.shades_new);
  EXPECT_EQ(s.objects[std::size_t(Obj(*run, "X"))].fields[0], Obj(*run, "New"));
  auto barriers = EventsOfKind(*run, EventKind::kBarrier);
  if (std::string(c.mode) == "none") {
    EXPECT_TRUE(barriers.empty());
  } else {
    ASSERT_EQ(barriers.size(), 1u);
    EXPECT_EQ(barriers[0].event.old_value, Obj(*run, "Old"));
    EXPECT_EQ(barriers[0].event.new_value, Obj(*run, "New"));
    EXPECT_EQ(barriers[0].event.count, RootIx(*run, "stack:h")) << "the writer is recorded";
    // The shades are events of the barrier step, with their half named.
    for (const Event& e : EventsAt(*run, barriers[0].step)) {
      if (e.kind != EventKind::kShade) continue;
      EXPECT_EQ(e.cause,
                e.obj == Obj(*run, "Old") ? ShadeCause::kDeletion : ShadeCause::kInsertion);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Modes, BarrierShades,
    ::testing::Values(ModeCase{"none", false, false, false}, ModeCase{"none", true, false, false},
                      ModeCase{"dijkstra", false, false, true},
                      ModeCase{"dijkstra", true, false, true},
                      ModeCase{"yuasa", false, true, false}, ModeCase{"yuasa", true, true, false},
                      ModeCase{"hybrid", false, true, true}, ModeCase{"hybrid", true, true, false},
                      ModeCase{"go", false, true, true}, ModeCase{"go", true, true, true}),
    [](const ::testing::TestParamInfo<ModeCase>& param_info) {
      return std::string(param_info.param.mode) +
             (param_info.param.writer_scanned ? "_scanned_stack" : "_grey_stack");
    });

TEST(GcRules, HybridInsertionHalfDependsOnTheWritersOwnStack) {
  // The hybrid barrier asks whether the *current* goroutine's stack is grey, not whether any
  // stack is. Same write, two writers: stack:g is scanned, stack:h is not.
  auto write_by = [](const char* g) {
    return LoadGc(
        Scenario(R"({"barrier": "hybrid"})", kBarrierHeap,
                 std::string(R"([{"op": "gc_start"}, {"op": "scan_root", "root": "global:x"},
                                           {"op": "scan_root", "root": "stack:g"},
                                           {"op": "write", "obj": "X", "to": null},
                                           {"op": "write", "obj": "X", "to": "New", "g": ")") +
                     g + R"("}])"));
  };
  // Both runs first clear X.f0 as stack:g (the default writer; its deletion half greys
  // Old), then store New — which stack:g's scan already greyed — written by `g`.
  auto by_scanned = write_by("stack:g");
  auto by_grey = write_by("stack:h");
  ASSERT_TRUE(by_scanned && by_grey);
  auto insertion_shades = [](const GcRun& run) {
    int n = 0;
    for (const auto& se : AllEvents(run)) {
      if ((se.event.kind == EventKind::kShade || se.event.kind == EventKind::kAlreadyShaded) &&
          se.event.cause == ShadeCause::kInsertion) {
        ++n;
      }
    }
    return n;
  };
  // Writer with a black stack: no insertion half at all (even an "already grey" report).
  EXPECT_EQ(insertion_shades(*by_scanned), 0);
  // Writer with a grey stack: the insertion half runs on New (already grey from stack:g's
  // scan, so it is reported as already shaded).
  EXPECT_EQ(insertion_shades(*by_grey), 1);
  auto b = EventsOfKind(*by_grey, EventKind::kBarrier);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].event.from, Color::kGrey) << "the writer's stack color is recorded";
  EXPECT_EQ(EventsOfKind(*by_scanned, EventKind::kBarrier)[1].event.from, Color::kBlack);
}

// ---------------------------------------------------------------------------------------
// Mark termination

constexpr const char* kRescanHeap = R"({
  "objects": [{"id": "Q"}, {"id": "C"}, {"id": "D"}],
  "roots": [{"id": "global:q", "refs": ["Q"]}, {"id": "stack:main", "refs": []},
            {"id": "stack:other", "refs": []}],
  "edges": [["Q", "C"], ["C", "D"]]})";
// main hides C on its scanned stack, then deletes the heap copy (S2).
constexpr const char* kRescanScript = R"([
  {"op": "gc_start"}, {"op": "mark", "n": 3},
  {"op": "load", "root": "stack:main", "from": "Q", "field": 0},
  {"op": "write", "obj": "Q", "to": null},
  {"op": "mark_all"}, {"op": "mark_termination"}, {"op": "sweep"}])";

TEST(GcRules, StwStackRescanOnlyInDijkstraMode) {
  // Go 1.5–1.7 (insertion barrier, no stack barrier) re-scanned every stack with the world
  // stopped at mark termination (proposal 17503). The other modes must not: deletion-based
  // barriers need no rescan, and `none` is the broken baseline.
  for (const char* mode : {"none", "dijkstra", "yuasa", "hybrid", "go"}) {
    auto run = LoadGc(
        Scenario(std::string(R"({"barrier": ")") + mode + "\"}", kRescanHeap, kRescanScript));
    ASSERT_TRUE(run);
    auto rescans = EventsOfKind(*run, EventKind::kRescanStack);
    State end_of_mark = StateAfterOp(*run, 5);
    if (std::string(mode) == "dijkstra") {
      // One rescan per goroutine stack (globals have barriers and are never rescanned),
      // all while the world is stopped.
      ASSERT_EQ(rescans.size(), 2u);
      EXPECT_EQ(rescans[0].event.root, RootIx(*run, "stack:main"));
      EXPECT_EQ(rescans[1].event.root, RootIx(*run, "stack:other"));
      for (const auto& r : rescans) {
        EXPECT_EQ(run->GetTimeline().StateAt(r.step).phase, Phase::kMarkTermination);
      }
      // The rescan finds C on main's stack; C and then D are scanned with the world
      // stopped: that is the pause's cost in objects.
      EXPECT_EQ(end_of_mark.stw_rescan_work, 2u);
      EXPECT_TRUE(test::FreedNames(*run).empty());
    } else {
      EXPECT_TRUE(rescans.empty()) << mode;
      EXPECT_EQ(end_of_mark.stw_rescan_work, 0u) << mode;
    }
  }
}

TEST(GcRules, GcMarkDoneDrainsRemainingWorkBeforeStoppingTheWorld) {
  // gcMarkDone only enters mark termination when no work is left anywhere: a
  // mark_termination issued with grey objects first drains them (world still running).
  auto run = LoadGc(Scenario(R"({})", R"({"objects": [{"id": "A"}],
                                          "roots": [{"id": "global:a", "refs": ["A"]}]})",
                             R"([{"op": "gc_start"}, {"op": "mark_termination"}])"));
  ASSERT_TRUE(run);
  auto work = EventsOfKind(*run, EventKind::kMarkDoneWork);
  ASSERT_EQ(work.size(), 2u);  // the root job, then A
  auto stw = EventsOfKind(*run, EventKind::kStopTheWorld);
  ASSERT_EQ(stw.size(), 2u);  // gcStart, then mark termination
  EXPECT_GT(stw[1].step, work[1].step);
  EXPECT_EQ(FinalState(*run).phase, Phase::kSweep);
}

// ---------------------------------------------------------------------------------------
// Write-barrier buffer

TEST(GcRules, WbBufQueuesThenFlushesWhenFull) {
  // gcWriteBarrier only records pointers in the per-P wbBuf; wbBufFlush1 greys them when
  // the buffer fills. With room for 4 records, the first write (old X.f0 = Old, new New:
  // 2 records) shades nothing; the second write's 2 records fill it, and the flush greys
  // all four pointers before that store completes.
  auto run = LoadGc(Scenario(R"({"barrier": "go", "wb_buffer": true, "wb_buffer_size": 4})",
                             R"({"objects": [{"id": "X", "fields": 2}, {"id": "O1"}, {"id": "N1"},
                                            {"id": "O2"}, {"id": "N2"}],
                                 "roots": [{"id": "global:x", "refs": ["X"]},
                                           {"id": "stack:g", "refs": ["N1", "N2"]}],
                                 "edges": [["X", 0, "O1"], ["X", 1, "O2"]]})",
                             R"([{"op": "gc_start"}, {"op": "scan_root", "root": "global:x"},
                                 {"op": "write", "obj": "X", "field": 0, "to": "N1"},
                                 {"op": "write", "obj": "X", "field": 1, "to": "N2"}])"));
  ASSERT_TRUE(run);
  State after_first = StateAfterOp(*run, 2);
  EXPECT_EQ(after_first.wb_buf.size(), 2u);
  EXPECT_EQ(after_first.objects[std::size_t(Obj(*run, "O1"))].color, Color::kWhite)
      << "a buffered record shades nothing yet";
  EXPECT_EQ(after_first.objects[std::size_t(Obj(*run, "N1"))].color, Color::kWhite);
  auto flushes = EventsOfKind(*run, EventKind::kWbFlush);
  ASSERT_EQ(flushes.size(), 1u);
  EXPECT_EQ(flushes[0].event.count, 4);
  EXPECT_EQ(run->OpIndex(flushes[0].step), 3);
  State s = FinalState(*run);
  EXPECT_TRUE(s.wb_buf.empty());
  for (const char* id : {"O1", "N1", "O2", "N2"}) {
    EXPECT_EQ(s.objects[std::size_t(Obj(*run, id))].color, Color::kGrey) << id;
  }
  // The flush happens before the store of the write that filled the buffer.
  auto writes = EventsOfKind(*run, EventKind::kWrite);
  EXPECT_LT(flushes[0].step, writes.back().step);
}

TEST(GcRules, WbBufIsFlushedAtMarkTermination) {
  // gcMarkDone's forEachP flushes every P's wbBuf before termination may proceed; the
  // flushed pointers are then marked. Here the buffered old value Old would otherwise be
  // lost: X is black and only the buffer remembers Old (S2 with a deletion barrier).
  auto run = LoadGc(Scenario(R"({"barrier": "yuasa", "wb_buffer": true})",
                             R"({"objects": [{"id": "X"}, {"id": "Old"}],
                                 "roots": [{"id": "stack:g", "refs": ["X"]}],
                                 "edges": [["X", "Old"]]})",
                             R"([{"op": "gc_start"}, {"op": "scan_root", "root": "stack:g"},
                                 {"op": "load", "root": "stack:g", "from": "X", "field": 0},
                                 {"op": "write", "obj": "X", "to": null},
                                 {"op": "mark_all"}, {"op": "mark_termination"}, {"op": "sweep"}])"));
  ASSERT_TRUE(run);
  EXPECT_EQ(StateAfterOp(*run, 4).wb_buf.size(), 1u) << "mark_all does not drain the buffer";
  auto flushes = EventsOfKind(*run, EventKind::kWbFlush);
  ASSERT_EQ(flushes.size(), 1u);
  EXPECT_EQ(run->OpIndex(flushes[0].step), 5);
  // The flush comes before the world is stopped for mark termination.
  auto phases = EventsOfKind(*run, EventKind::kPhase);
  for (const auto& p : phases) {
    if (p.event.phase == Phase::kMarkTermination) {
      EXPECT_GT(p.step, flushes[0].step);
    }
  }
  EXPECT_TRUE(test::FreedNames(*run).empty());
  EXPECT_TRUE(EventsOfKind(*run, EventKind::kDangling).empty());
}

// ---------------------------------------------------------------------------------------
// Sweep

TEST(GcRules, SweepFreesExactlyTheWhiteAndResetsSurvivors) {
  // sweepone frees objects whose mark bit is clear; then allocBits = gcmarkBits and fresh
  // mark bits are clear, so every survivor starts the next cycle white. Unreachable U1 and
  // U2 go; reachable R1, R2 and the noscan N stay.
  auto run = LoadGc(Scenario(R"({})",
                             R"({"objects": [{"id": "R1"}, {"id": "U1"}, {"id": "R2"},
                                            {"id": "U2"}, {"id": "N", "noscan": true}],
                                 "roots": [{"id": "global:r", "refs": ["R1", "N"]}],
                                 "edges": [["R1", "R2"], ["U1", "U2"]]})",
                             R"([{"op": "gc"}])"));
  ASSERT_TRUE(run);
  EXPECT_EQ(test::FreedNames(*run), (std::vector<std::string>{"U1", "U2"}));
  auto frees = EventsOfKind(*run, EventKind::kFree);
  ASSERT_EQ(frees.size(), 2u);
  EXPECT_NE(frees[0].step, frees[1].step) << "sweepone frees one object per step";
  State s = FinalState(*run);
  EXPECT_EQ(s.phase, Phase::kOff);
  EXPECT_EQ(s.cycle, 1u);
  for (const char* id : {"R1", "R2", "N"}) {
    const Object& o = s.objects[std::size_t(Obj(*run, id))];
    EXPECT_TRUE(o.live) << id;
    EXPECT_EQ(o.color, Color::kWhite) << id;
  }
  for (const Root& r : s.roots) EXPECT_FALSE(r.scanned);
  auto done = EventsOfKind(*run, EventKind::kSweepDone);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].event.count, 2);
  EXPECT_TRUE(EventsOfKind(*run, EventKind::kDangling).empty()) << "nothing reachable was freed";
}

// ---------------------------------------------------------------------------------------
// Invariant checker on hand-built states

// Objects 0..n-1, all live, with the given colors; fields set by the caller.
State Heap(std::initializer_list<Color> colors) {
  State s;
  for (Color c : colors) {
    Object o;
    o.live = true;
    o.color = c;
    o.fields = {kNil, kNil};
    s.objects.push_back(o);
  }
  return s;
}

TEST(GcInvariants, BlackToWhiteWithGreyProtectionIsOnlyAStrongViolation) {
  // B black -> W white, and grey G -> W: the strong invariant is broken (black → white) but
  // the weak one holds: G still reaches W, so W will be marked.
  State s = Heap({Color::kBlack, Color::kWhite, Color::kGrey});
  s.objects[0].fields[0] = 1;
  s.objects[2].fields[1] = 1;
  InvariantReport r = CheckInvariants(s);
  ASSERT_EQ(r.strong.size(), 1u);
  EXPECT_EQ(r.strong[0], (EdgeRef{false, 0, 0, 1}));
  EXPECT_TRUE(r.weak.empty());
}

TEST(GcInvariants, ProtectionMayRunThroughWhiteObjects) {
  // Weak invariant: W must be reachable from a grey object through a chain of *white*
  // objects. G -> W1 -> W (all white after G) protects W.
  State s = Heap({Color::kBlack, Color::kWhite, Color::kGrey, Color::kWhite});
  s.objects[0].fields[0] = 1;  // B -> W
  s.objects[2].fields[0] = 3;  // G -> W1
  s.objects[3].fields[0] = 1;  // W1 -> W
  EXPECT_TRUE(CheckInvariants(s).weak.empty());
  // Through a black object it does not count: that black object will never be scanned again.
  s.objects[3].color = Color::kBlack;
  InvariantReport r = CheckInvariants(s);
  EXPECT_EQ(r.weak.size(), 2u);  // B -> W and the now-black W1 -> W
}

TEST(GcInvariants, NoGreyPathIsAWeakViolation) {
  State s = Heap({Color::kBlack, Color::kWhite, Color::kGrey});
  s.objects[0].fields[1] = 1;
  InvariantReport r = CheckInvariants(s);
  ASSERT_EQ(r.weak.size(), 1u);
  EXPECT_EQ(r.weak[0], (EdgeRef{false, 0, 1, 1}));
}

TEST(GcInvariants, UnscannedRootsAreGreyAndScannedRootsAreBlack) {
  // Proposal 17503 treats a stack as grey until scanned and black after. An unscanned root
  // protects W; once that root is marked scanned and still points to W, the root→W edge is
  // itself a black → white violation with no protection left.
  State s = Heap({Color::kBlack, Color::kWhite});
  s.objects[0].fields[0] = 1;
  Root stack;
  stack.slots = {1};
  s.roots.push_back(stack);
  InvariantReport grey_root = CheckInvariants(s);
  EXPECT_EQ(grey_root.strong.size(), 1u);
  EXPECT_TRUE(grey_root.weak.empty());
  s.roots[0].scanned = true;
  InvariantReport black_root = CheckInvariants(s);
  ASSERT_EQ(black_root.strong.size(), 2u);
  EXPECT_EQ(black_root.weak.size(), 2u);
  EXPECT_TRUE(std::find(black_root.weak.begin(), black_root.weak.end(), EdgeRef{true, 0, 0, 1}) !=
              black_root.weak.end());
}

TEST(GcInvariants, FreedObjectsAreNotWhiteTargets) {
  // A dangling pointer to an object already freed is not a tri-color edge any more.
  State s = Heap({Color::kBlack, Color::kWhite});
  s.objects[0].fields[0] = 1;
  s.objects[1].live = false;
  s.objects[1].freed = true;
  EXPECT_TRUE(CheckInvariants(s).strong.empty());
}

TEST(GcInvariants, PathFromRootsIsAShortestPath) {
  // root r -> A, A -> B, A -> C, B -> C. PathFromRoots walks breadth-first, so it names a
  // shortest path, [r, A, C], not [r, A, B, C]; with the root cleared there is none.
  State s = Heap({Color::kWhite, Color::kWhite, Color::kWhite});
  s.objects[0].fields = {1, 2};  // A -> B, A -> C
  s.objects[1].fields = {2, kNil};
  Root r;
  r.slots = {0};
  s.roots.push_back(r);
  EXPECT_EQ(PathFromRoots(s, 2), (std::vector<std::int32_t>{0, 0, 2}));
  s.roots[0].slots = {kNil};
  EXPECT_TRUE(PathFromRoots(s, 2).empty());
}

// ---------------------------------------------------------------------------------------
// Invariant events and the dangling pointer, end to end (S1 without a barrier)

TEST(GcRules, LostObjectRaisesViolationsThenDanglingWithItsPath) {
  // S1 (reference §2): A black, B grey, B.f -> C white. A.f = C breaks the strong invariant
  // only (B still protects C); B.f = nil breaks the weak one; sweep frees C although
  // stack:main -> A -> C still reaches it.
  auto run = LoadGc(Scenario(R"({"barrier": "none"})",
                             R"({"objects": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
                                 "roots": [{"id": "stack:main", "refs": ["A", "B"]}],
                                 "edges": [["B", "C"]]})",
                             R"([{"op": "gc_start"}, {"op": "scan_root", "root": "stack:main"},
                                 {"op": "mark", "obj": "A"},
                                 {"op": "write", "obj": "A", "to": "C"},
                                 {"op": "write", "obj": "B", "to": null},
                                 {"op": "mark_all"}, {"op": "mark_termination"}, {"op": "sweep"}])"));
  ASSERT_TRUE(run);
  const std::int32_t a = Obj(*run, "A"), c = Obj(*run, "C");
  auto strong = EventsOfKind(*run, EventKind::kStrongViolation);
  auto weak = EventsOfKind(*run, EventKind::kWeakViolation);
  ASSERT_EQ(strong.size(), 1u) << "reported once, when the edge appears";
  EXPECT_EQ(run->OpIndex(strong[0].step), 3);
  EXPECT_EQ(strong[0].event.edge, (EdgeRef{false, a, 0, c}));
  ASSERT_EQ(weak.size(), 1u);
  EXPECT_EQ(run->OpIndex(weak[0].step), 4);
  EXPECT_EQ(weak[0].event.edge, (EdgeRef{false, a, 0, c}));
  auto dangling = EventsOfKind(*run, EventKind::kDangling);
  ASSERT_EQ(dangling.size(), 1u);
  EXPECT_EQ(dangling[0].event.obj, c);
  EXPECT_EQ(dangling[0].event.path, (std::vector<std::int32_t>{RootIx(*run, "stack:main"), a, c}));
  EXPECT_LT(weak[0].step, dangling[0].step);
  // The dangling event and the free happen in the same sweepone step.
  bool freed_same_step = false;
  for (const Event& e : EventsAt(*run, dangling[0].step)) {
    freed_same_step = freed_same_step || (e.kind == EventKind::kFree && e.obj == c);
  }
  EXPECT_TRUE(freed_same_step);
  // Violations are part of the state only while marking; sweep clears them.
  EXPECT_FALSE(StateAfterOp(*run, 4).weak_violations.empty());
  EXPECT_TRUE(FinalState(*run).weak_violations.empty());
}

}  // namespace
}  // namespace gs::gc
