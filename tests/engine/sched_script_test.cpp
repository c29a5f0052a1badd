// The sched script's direct actions on a goroutine (record by demonstration): "go",
// "syscall", "wake", and run's "events". Each expectation is derived in a comment from the
// runtime rule (proc.go unless noted) that produces it. Then: cutting a run op at any step
// keeps the timeline before it, and the loader's diagnostics for actions that cannot run.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/core/authoring.h"
#include "engine/core/scenario.h"
#include "engine/sched/sched_run.h"
#include "engine/sched/script_ops.h"
#include "tests/engine/sched_support.h"
#include "tests/support/builtin.h"

namespace gs::sched {
namespace {

struct Loaded {
  LoadResult r;
  const SchedRun* run = nullptr;
};

// A scenario with one func per entry of `funcs` and the given script.
Loaded Load(const std::string& config, const std::string& funcs, const std::string& script) {
  Loaded l;
  l.r = LoadScenarioText("t.json", R"({"format": 1, "kind": "sched", "id": "t",
      "title": {"en": "t", "zh": "t"}, "config": )" +
                                       config + R"(, "funcs": )" + funcs + R"(, "script": )" +
                                       script + "}");
  l.run = dynamic_cast<const SchedRun*>(l.r.run.get());
  return l;
}

using test::AllEvents;
using test::FirstStepWith;

std::size_t LastStep(const SchedRun& run) {
  return run.StepCount() - 1;
}

// [SECTION] go

// GOMAXPROCS=1. main's first op puts w in runnext (newproc). The script then makes main run
// `go x()`: newproc -> runqput(pp, newg, next=true) puts x in runnext and kicks the old
// runnext, w, to the tail of the ring. With one P there is no idle P, so wakep starts no M.
// main's own 100 µs of work is not disturbed: it parks in Wait at t=100. Then runnext first:
// x (inheriting the slice), then w from the ring.
TEST(SchedScript, GoPutsTheNewGInRunnextAndKicksTheOldOne) {
  Loaded l = Load(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "w", "name": "w"}, {"do": "run", "us": 100},
               {"do": "wait", "for": "w"}],
      "w": [{"do": "run", "us": 10}], "x": [{"do": "run", "us": 10}]})",
                  R"([{"op": "run", "events": 1},
                      {"op": "go", "from": "main", "func": "x", "name": "x"}, {"op": "run"}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const SchedRun& run = *l.run;
  // Step 2 is the go op: the script event, newproc, then the kick.
  auto ev = run.GetTimeline().Events(2);
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0].kind, EventKind::kScriptGo);
  EXPECT_EQ(run.Label(ev[0].g), "main");
  EXPECT_EQ(ev[1].kind, EventKind::kNewproc);
  EXPECT_EQ(run.Label(ev[1].g), "x");
  EXPECT_EQ(run.Label(ev[1].g2), "main");  // created by main
  EXPECT_EQ(ev[2].kind, EventKind::kRunnextKick);
  EXPECT_EQ(run.Label(ev[2].g), "w");
  Json st = run.StateSummary(2);
  EXPECT_EQ(st["ps"][0]["runnext"], "x");
  EXPECT_EQ(st["ps"][0]["runq"], Json({"w"}));
  EXPECT_EQ(st["running"][0]["g"], "main");  // the creator goes on running
  EXPECT_TRUE(AllEvents(run, EventKind::kSpinStart).empty());
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kPark)), 100);
  auto execs = AllEvents(run, EventKind::kExecute);
  ASSERT_GE(execs.size(), 2u);
  EXPECT_EQ(run.Label(execs[0].g), "x");
  EXPECT_EQ(FindSource(execs[0].n), FindSource::kRunnext);
  EXPECT_EQ(run.Label(execs[1].g), "w");
  EXPECT_EQ(FindSource(execs[1].n), FindSource::kRunq);
}

// GOMAXPROCS=2: P1 is idle. newproc calls wakep (main has started): with an idle P and
// nmspinning == 0 it starts one spinning M. The second go finds nmspinning == 1 (the M takes
// m_wake_us to start looking), so wakep does nothing more: one spinner.
TEST(SchedScript, GoWakesOneSpinningMWhenAPIsIdle) {
  Loaded l = Load(R"({"gomaxprocs": 2})",
                  R"({"main": [{"do": "run", "us": 100}], "x": [{"do": "run", "us": 10}]})",
                  R"([{"op": "go", "from": "main", "func": "x"},
                      {"op": "go", "from": "main", "func": "x"}, {"op": "run"}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const SchedRun& run = *l.run;
  int spins_step1 = 0, spins_step2 = 0;
  for (const Event& e : run.GetTimeline().Events(1)) spins_step1 += e.kind == EventKind::kSpinStart;
  for (const Event& e : run.GetTimeline().Events(2)) spins_step2 += e.kind == EventKind::kSpinStart;
  EXPECT_EQ(spins_step1, 1);
  EXPECT_EQ(spins_step2, 0);
  EXPECT_EQ(run.StateSummary(2)["nmspinning"], 1);
  // Unnamed: labelled by goid (main is g1).
  EXPECT_EQ(run.StateSummary(2)["ps"][0]["runnext"], "g3");
  EXPECT_EQ(run.StateSummary(2)["ps"][0]["runq"], Json({"g2"}));
}

// runq_size 4, GOMAXPROCS=1: main's five go statements leave w4 in runnext and w0..w3 in the
// ring (full). The script's go puts g7 in runnext; the kicked w4 meets a full ring, so
// runqputslow moves half the ring (w0, w1) plus w4 to the global queue: 3 Gs.
TEST(SchedScript, GoIntoAFullRingSpillsHalfToTheGlobalQueue) {
  Loaded l = Load(R"({"gomaxprocs": 1, "runq_size": 4})", R"({
      "main": [{"do": "go", "func": "x", "name": "w", "repeat": 5}, {"do": "run", "us": 100}],
      "x": [{"do": "run", "us": 10}]})",
                  R"([{"op": "run", "events": 5}, {"op": "go", "from": "main", "func": "x"}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const SchedRun& run = *l.run;
  EXPECT_EQ(LastStep(run), 6u) << "five newprocs, then the go op, then the script ends";
  auto slow = AllEvents(run, EventKind::kRunqputSlow);
  ASSERT_EQ(slow.size(), 1u);
  EXPECT_EQ(slow[0].n, 3);
  Json st = run.StateSummary(6);
  EXPECT_EQ(st["global_runq"], Json({"w0", "w1", "w4"}));
  EXPECT_EQ(st["ps"][0]["runq"], Json({"w2", "w3"}));
  EXPECT_EQ(st["ps"][0]["runnext"], "g7");
}

// [SECTION] syscall

// GOMAXPROCS=2, main runs 100 µs. At t=30 the script makes it enter a 50 µs syscall: 70 µs of
// CPU work are left. retake leaves the P alone (its queue is empty, P1 is idle and the call is
// under 10 ms), so at t=80 exitsyscall's fast path takes the old P back (still _Psyscall).
// main resumes its remaining 70 µs and returns at t=150, not at t=100.
TEST(SchedScript, SyscallKeepsTheRemainingCpuWorkAndTheOldP) {
  Loaded l = Load(R"({"gomaxprocs": 2})", R"({"main": [{"do": "run", "us": 100}]})",
                  R"([{"op": "run", "until_us": 30},
                      {"op": "syscall", "g": "main", "us": 50}, {"op": "run"}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const SchedRun& run = *l.run;
  auto enter = AllEvents(run, EventKind::kScriptSyscall);
  ASSERT_EQ(enter.size(), 1u);
  EXPECT_EQ(enter[0].n, 50);
  EXPECT_EQ(enter[0].n2, 70);
  EXPECT_TRUE(AllEvents(run, EventKind::kRetake).empty());
  auto exits = AllEvents(run, EventKind::kExitSyscall);
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].n, 0);  // old P
  EXPECT_EQ(exits[0].p, 0);
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kExitSyscall)), 80);
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kMainExit)), 150);
}

// GOMAXPROCS=1: w waits in P0's runnext when the script sends main into a 500 µs syscall
// (before main started its 100 µs of work). sysmon's first round (t=20) sees the same
// syscalltick and the P has work: retake + handoffp start an M, which runs w (1000 µs).
// At t=500 the old P is taken and no P is idle: exitsyscall0 puts main on the global queue.
// main runs when w exits (t=1025: the new M started m_wake_us = 5 µs after t=20) and
// returns 100 µs later.
TEST(SchedScript, SyscallRetakenThenReturnsToTheGlobalQueue) {
  Loaded l = Load(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "w", "name": "w"}, {"do": "run", "us": 100}],
      "w": [{"do": "run", "us": 1000}]})",
                  R"([{"op": "run", "events": 1},
                      {"op": "syscall", "g": "main", "us": 500}, {"op": "run"}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const SchedRun& run = *l.run;
  EXPECT_EQ(AllEvents(run, EventKind::kScriptSyscall)[0].n2, -1) << "no run op under way";
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kRetake)), 20);
  auto exits = AllEvents(run, EventKind::kExitSyscall);
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].n, 2);
  const std::size_t s = FirstStepWith(run, EventKind::kExitSyscall);
  EXPECT_EQ(run.TimeAt(s), 500);
  EXPECT_EQ(run.StateSummary(s)["global_runq"], Json({"main"}));
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kMainExit)), 1125);
}

// [SECTION] wake

// GOMAXPROCS=1: s sleeps 1000 µs at t=0, main waits for it, M0 drops P0 and blocks in netpoll
// until the timer. At t=300 the script wakes s: the timer fires now by the expiring-timer
// path (goready into P0's runnext); the M blocked in netpoll takes P0 back and runs s, which
// returns 5 µs later and readies main: the program ends at t=305 instead of t=1005.
TEST(SchedScript, WakeFiresASleepingGsTimerNow) {
  Loaded l = Load(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "s", "name": "s"}, {"do": "wait", "for": "s"}],
      "s": [{"do": "sleep", "us": 1000}, {"do": "run", "us": 5}]})",
                  R"([{"op": "run", "until_us": 300}, {"op": "wake", "g": "s"}, {"op": "run"}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const SchedRun& run = *l.run;
  const std::size_t w = FirstStepWith(run, EventKind::kWake);
  EXPECT_EQ(run.TimeAt(w), 300);
  auto ev = run.GetTimeline().Events(w);
  ASSERT_GE(ev.size(), 2u);
  EXPECT_EQ(ev[0].n, std::int64_t(WakePath::kTimer));
  EXPECT_EQ(ev[0].n2, 700);  // µs early
  EXPECT_EQ(ev[1].kind, EventKind::kTimerFire);
  EXPECT_TRUE(ev[1].flag);
  EXPECT_EQ(run.StateSummary(w)["ps"][0]["runnext"], "s");
  EXPECT_TRUE(run.StateSummary(w)["timers"].empty());
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kMainExit)), 305);
}

// GOMAXPROCS=2: main queues w and enters a 5000 µs syscall. P1's spinning M steals w from
// P0's runnext; sysmon retakes P0 (the call lasted a tick and nothing spins then); both Ps end
// idle when w exits at t=55. At t=200 the script wakes main: its syscall returns now, the old
// P was retaken, so exitsyscall takes an idle P (the second path) and main goes on running.
TEST(SchedScript, WakeReturnsASyscallThroughExitsyscall) {
  Loaded l = Load(R"({"gomaxprocs": 2})", R"({
      "main": [{"do": "go", "func": "w", "name": "w"}, {"do": "syscall", "us": 5000},
               {"do": "wait", "for": "w"}],
      "w": [{"do": "run", "us": 50}]})",
                  R"([{"op": "run", "until_us": 200}, {"op": "wake", "g": "main"},
                      {"op": "run"}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const SchedRun& run = *l.run;
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kRetake)), 20);
  auto wakes = AllEvents(run, EventKind::kWake);
  ASSERT_EQ(wakes.size(), 1u);
  EXPECT_EQ(wakes[0].n, std::int64_t(WakePath::kSyscall));
  EXPECT_EQ(wakes[0].n2, 4800);
  auto exits = AllEvents(run, EventKind::kExitSyscall);
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].n, 1);  // an idle P
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kMainExit)), 200);
}

// GOMAXPROCS=1: srv parks in net_read (1000 µs) and M0, with nothing to run and a G on the
// poller, blocks in netpoll. At t=100 the script makes the fd readable: the M blocked in
// netpoll returns with srv, takes the idle P0 and runs it at once (findRunnable's netpoll
// path), so srv returns at t=110.
TEST(SchedScript, WakeMakesAnFdReadyForTheMBlockedInNetpoll) {
  Loaded l = Load(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "srv", "name": "srv"}, {"do": "wait", "for": "srv"}],
      "srv": [{"do": "net_read", "us": 1000}, {"do": "run", "us": 10}]})",
                  R"([{"op": "run", "until_us": 100}, {"op": "wake", "g": "srv"},
                      {"op": "run"}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const SchedRun& run = *l.run;
  const std::size_t w = FirstStepWith(run, EventKind::kWake);
  EXPECT_EQ(run.TimeAt(w), 100);
  auto fd = AllEvents(run, EventKind::kFdReady);
  ASSERT_EQ(fd.size(), 1u);
  EXPECT_TRUE(fd[0].flag);  // an M was blocked in netpoll
  auto execs = AllEvents(run, EventKind::kExecute);
  ASSERT_FALSE(execs.empty());
  EXPECT_EQ(run.Label(execs[1].g), "srv");
  EXPECT_EQ(FindSource(execs[1].n), FindSource::kNetpoll);
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kExit)), 110);
}

// GOMAXPROCS=1 and main is CPU-bound, so no M blocks in netpoll and findRunnable never gets
// to netpoll(0). The fd made ready at t=100 stays pdReady until sysmon polls, which it does
// when nobody has for 10 ms: its rounds back off to ..., 6100, 11220, so at t=11220.
TEST(SchedScript, WakeMakesAnFdReadyThatTheNextNetpollFinds) {
  Loaded l = Load(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "srv", "name": "srv"}, {"do": "gosched"},
               {"do": "run", "us": 30000}, {"do": "wait", "for": "srv"}],
      "srv": [{"do": "net_read", "us": 20000}, {"do": "run", "us": 10}]})",
                  R"([{"op": "run", "until_us": 100}, {"op": "wake", "g": "srv"},
                      {"op": "run"}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const SchedRun& run = *l.run;
  auto fd = AllEvents(run, EventKind::kFdReady);
  ASSERT_EQ(fd.size(), 1u);
  EXPECT_FALSE(fd[0].flag);
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kFdReady)), 100);
  auto found = AllEvents(run, EventKind::kNetpollFound);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].p, kNone);  // sysmon
  EXPECT_EQ(run.TimeAt(FirstStepWith(run, EventKind::kNetpollFound)), 11220);
}

// [SECTION] labels

// A label names a G as the run will label it: spawn-order's p0..p9 are "p<index>" from the
// first one on, and "p" alone names p0 only while it is the only G started as "p" (step 1).
// An unnamed G is "g<goid>", which wins over a group that happens to be called "g1".
TEST(SchedScript, LabelsNameGsAsTheRunDoes) {
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/sched/spawn-order.json");
  const auto* run = dynamic_cast<const SchedRun*>(r.run.get());
  ASSERT_TRUE(run);
  const Program& pr = run->Prog();
  const State s1 = run->GetTimeline().StateAt(1);
  EXPECT_EQ(FindLabel(pr, s1, "p0"), 2);
  EXPECT_EQ(FindLabel(pr, s1, "p"), 2);
  EXPECT_EQ(FindLabel(pr, s1, "p1"), kNone);  // not created yet
  const State s3 = run->GetTimeline().StateAt(3);
  EXPECT_EQ(FindLabel(pr, s3, "p"), kNone);
  EXPECT_EQ(FindLabel(pr, s3, "p2"), 4);
  EXPECT_EQ(FindLabel(pr, s3, "p02"), kNone);
  EXPECT_EQ(FindLabel(pr, s3, "main"), 1);
  EXPECT_EQ(CurrentLabel(pr, s1, 2), "p");
  EXPECT_EQ(CurrentLabel(pr, s3, 2), "p0");

  Loaded l = Load(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "x", "name": "g1", "repeat": 2},
               {"do": "go", "func": "x", "repeat": 8}, {"do": "run", "us": 5}],
      "x": [{"do": "run", "us": 1}]})",
                  R"([{"op": "run", "events": 10}])");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  const State s = l.run->GetTimeline().StateAt(10);
  EXPECT_EQ(FindLabel(l.run->Prog(), s, "g11"), 11) << "unnamed goid 11, not g1's index 1";
  EXPECT_EQ(l.run->Label(3), "g11");  // the run's labels collide too
}

// [SECTION] run "events"

// A run with "events": K makes exactly K steps, then the next op runs.
TEST(SchedScript, RunEventsStopsAfterThatManySteps) {
  const std::string funcs = R"({
      "main": [{"do": "go", "func": "w", "name": "w", "repeat": 4}, {"do": "wait", "for": "w"}],
      "w": [{"do": "run", "us": 10}]})";
  Loaded full = Load(R"({"gomaxprocs": 1})", funcs, R"([{"op": "run"}])");
  Loaded part = Load(R"({"gomaxprocs": 1})", funcs, R"([{"op": "run", "events": 3}])");
  ASSERT_TRUE(full.run && part.run);
  ASSERT_EQ(part.run->StepCount(), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(part.run->Hash(i), full.run->Hash(i)) << i;
}

// [SECTION] cutting a run op mid-way

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// For every step of every built-in sched scenario: the script cut right after that step
// (BranchScenarioAt with nothing appended) has exactly that prefix of the timeline, and
// seeking into it equals replaying it.
TEST(SchedScript, CuttingAtAnyStepKeepsThePrefix) {
  int scenarios = 0;
  for (const std::string& file : BuiltinScenarioFiles()) {
    LoadResult base = LoadScenarioFile(file);
    ASSERT_TRUE(base.run) << file;
    if (base.run->Meta().kind != "sched") continue;
    ++scenarios;
    const Json doc = Json::parse(ReadFile(file));
    for (std::size_t step = 1; step < base.run->StepCount(); ++step) {
      const Json cut = BranchScenarioAt(doc, *base.run, step, nullptr);
      LoadResult r = LoadScenarioText(file, FormatScenario(cut));
      ASSERT_TRUE(r.run) << file << " step " << step << "\n" << r.diags.FormatAll();
      ASSERT_EQ(r.run->StepCount(), step + 1) << file << " step " << step;
      for (std::size_t i = 0; i <= step; ++i) {
        ASSERT_EQ(r.run->Hash(i), base.run->Hash(i)) << file << " cut " << step << " at " << i;
      }
      ASSERT_TRUE(SeekMatchesReplay(*r.run)) << file << " step " << step;
    }
  }
  EXPECT_GE(scenarios, 8);
}

// A branch in the middle of syscall-handoff's single run op: main (P0) runs `go work()` at
// step 2, right after w1's newproc. The steps before are the same; the new G takes runnext
// and kicks w1; the ops that follow the action let the program run on.
TEST(SchedScript, BranchMidRunKeepsThePrefixHashes) {
  const std::string file = std::string(GS_SCENARIO_DIR) + "/sched/syscall-handoff.json";
  LoadResult base = LoadScenarioFile(file);
  ASSERT_TRUE(base.run);
  const Json doc = Json::parse(ReadFile(file));
  const Json action =
      Json::parse(R"([{"op": "go", "from": "main", "func": "work"}, {"op": "run"}])");
  const Json branched = BranchScenarioAt(doc, *base.run, 2, action);
  ASSERT_EQ(branched["script"].size(), 3u);
  EXPECT_EQ(branched["script"][0], Json::parse(R"({"op": "run", "events": 2})"));
  LoadResult r = LoadScenarioText(file, FormatScenario(branched));
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  for (std::size_t i = 0; i <= 2; ++i) EXPECT_EQ(r.run->Hash(i), base.run->Hash(i)) << i;
  EXPECT_NE(r.run->Hash(3), base.run->Hash(3));
  EXPECT_EQ(r.run->OpIndex(3), 1);
  const auto* run = dynamic_cast<const SchedRun*>(r.run.get());
  ASSERT_TRUE(run);
  // main's three go statements plus the script's: w0 and w1 created, then g4, then w2.
  Json st = run->StateSummary(3);
  EXPECT_EQ(st["ps"][0]["runnext"], "g4");
  EXPECT_EQ(st["ps"][0]["runq"], Json({"w0", "w1"}));
}

// [SECTION] diagnostics

// One op per line from line 5, col 3 (see the layout below), so an error about op i points at
// line 5 + i, col 3 (its "{"), and an error about a member at that member's value.
std::string Diag(const std::string& funcs, const std::vector<std::string>& ops) {
  std::string text = R"({"format": 1, "kind": "sched", "id": "d", "title": {"en": "t", "zh": "t"},
 "funcs": )" + funcs +
                     R"(,
 "chans": {"c": {}},
 "script": [
)";
  // Line 1: format..title; 2: funcs; 3: chans; 4: script; 5: the first op.
  for (std::size_t i = 0; i < ops.size(); ++i) {
    text += "  " + ops[i] + (i + 1 < ops.size() ? ",\n" : "\n");
  }
  text += " ]}\n";
  LoadResult r = LoadScenarioText("d.json", text);
  EXPECT_FALSE(r.run);
  return r.diags.FormatAll();
}

// main starts w, which parks on the unbuffered channel c; main parks in Wait. Steps: 1 newproc
// w, 2 main parks (semacquire), 3 w runs (runnext), 4 w parks (chan receive).
const char* kParked =
    R"({"main": [{"do": "go", "func": "w", "name": "w"}, {"do": "wait", "for": "w"}], "w": [{"do": "chan_recv", "ch": "c"}]})";

TEST(SchedScriptLoad, GoFromAGThatIsNotRunning) {
  // After step 1, w sits in runnext (_Grunnable): it cannot execute a go statement. The go op
  // is line 6; its "{" at col 3.
  EXPECT_EQ(
      Diag(kParked, {R"({"op": "run", "events": 1})", R"({"op": "go", "from": "w", "func": "w"})"}),
      "d.json:6:3: /script/1: \"w\" is not running here (it is _Grunnable), so it cannot "
      "execute a go statement: pick a G that runs on a P at this step\n");
}

TEST(SchedScriptLoad, GoOfAnUnknownFunc) {
  // Checked when loading: the value "wrk" starts at col 40 of line 5
  // (`  {"op": "go", "from": "main", "func": "wrk"}`).
  EXPECT_EQ(Diag(kParked, {R"({"op": "go", "from": "main", "func": "wrk"})"}),
            "d.json:5:40: /script/0/func: unknown func \"wrk\" (did you mean \"w\"?)\n");
}

TEST(SchedScriptLoad, WakeOfAGOnAChannel) {
  EXPECT_EQ(Diag(kParked, {R"({"op": "run", "events": 4})", R"({"op": "wake", "g": "w"})"}),
            "d.json:6:3: /script/1: \"w\" is blocked on a channel (chan receive): only its "
            "partner can wake it, by a send or a receive on that channel, not the script\n");
}

TEST(SchedScriptLoad, WakeOfAGInWaitGroupWait) {
  EXPECT_EQ(Diag(kParked, {R"({"op": "run", "events": 4})", R"({"op": "wake", "g": "main"})"}),
            "d.json:6:3: /script/1: \"main\" waits in WaitGroup.Wait (semacquire): only the last "
            "Done of its group wakes it, not the script\n");
}

TEST(SchedScriptLoad, WakeOfARunningG) {
  EXPECT_EQ(Diag(kParked, {R"({"op": "wake", "g": "main"})"}),
            "d.json:5:3: /script/0: \"main\" is not waiting (it is _Grunning): only a sleeping "
            "G, a G in a syscall or a G in net_read can be woken\n");
}

TEST(SchedScriptLoad, UnknownLabel) {
  // Before step 1 only main exists; "mian" is one transposition away from it.
  EXPECT_EQ(Diag(kParked, {R"({"op": "syscall", "g": "mian", "us": 5})"}),
            "d.json:5:3: /script/0: no goroutine is labelled \"mian\" at this point of the run "
            "(did you mean \"main\"?)\n");
}

TEST(SchedScriptLoad, ActionAfterTheProgramEnded) {
  // main returns at once; then nothing can act.
  EXPECT_EQ(Diag(R"({"main": []})", {R"({"op": "run"})", R"({"op": "wake", "g": "main"})"}),
            "d.json:6:3: /script/1: the program has already exited (main returned, or "
            "checkdead stopped it): nothing can be woken any more\n");
}

TEST(SchedScriptLoad, RunEventsMustBePositive) {
  // The 0 is at col 27 of `  {"op": "run", "events": 0}`.
  std::string d = Diag(kParked, {R"({"op": "run", "events": 0})"});
  EXPECT_EQ(d.rfind("d.json:5:27: /script/0/events: ", 0), 0u) << d;
}

}  // namespace
}  // namespace gs::sched
