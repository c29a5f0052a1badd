// Rule-by-rule tests of the GMP scheduler engine. Each expectation is derived in a comment
// from the runtime rule (proc.go unless noted) that produces it.
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/core/trace.h"
#include "engine/sched/sched_run.h"
#include "tests/engine/sched_support.h"

namespace gs::sched {
namespace {

struct Loaded {
  LoadResult r;
  const SchedRun* run = nullptr;
};

Loaded LoadText(const std::string& text) {
  Loaded l;
  l.r = LoadScenarioText("test.json", text);
  l.run = dynamic_cast<const SchedRun*>(l.r.run.get());
  return l;
}

Loaded LoadBuiltin(const std::string& name) {
  Loaded l;
  l.r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/sched/" + name + ".json");
  l.run = dynamic_cast<const SchedRun*>(l.r.run.get());
  return l;
}

// A one-func-per-line scenario with config and funcs spliced in.
std::string Scenario(const std::string& config, const std::string& funcs,
                     const std::string& extra = "",
                     const std::string& script = R"([{"op": "run"}])") {
  return R"({"format": 1, "kind": "sched", "id": "t", "title": {"en": "t", "zh": "t"},
             "config": )" +
         config + R"(, "funcs": )" + funcs + extra + R"(, "script": )" + script + "}";
}

// Labels of goroutines in the order they first start running (execute).
std::vector<std::string> FirstRunOrder(const SchedRun& run) {
  std::vector<std::string> out;
  std::set<std::int32_t> seen;
  for (std::size_t s = 0; s < run.StepCount(); ++s) {
    for (const Event& e : run.GetTimeline().Events(s)) {
      if (e.kind == EventKind::kExecute && seen.insert(e.g).second) out.push_back(run.Label(e.g));
    }
  }
  return out;
}

using test::AllEvents;
using test::FirstStepWith;

std::vector<std::string> Seq(const std::string& prefix, int from, int to) {
  std::vector<std::string> out;
  for (int i = from; i <= to; ++i) out.push_back(prefix + std::to_string(i));
  return out;
}

// Fidelity: GOMAXPROCS=1, main spawns 10 goroutines, then waits.
// newproc does runqput(next=true): each new G takes runnext and the previous runnext is kicked
// to the tail of the ring. After the 10th spawn: runnext = p9, ring = p0, p1, ..., p8.
// main parks; runqget takes runnext first (p9), then pops the ring head each time:
// 9, 0, 1, 2, ..., 8.
TEST(SchedFidelity, TenGoroutinesRunNineFirst) {
  Loaded l = LoadBuiltin("spawn-order");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  std::vector<std::string> order = FirstRunOrder(*l.run);
  // main was already running at step 0 (no execute), and runs again when the last Done
  // readies it into runnext.
  std::vector<std::string> expected = {"p9"};
  for (auto& s : Seq("p", 0, 8)) expected.push_back(s);
  expected.push_back("main");
  EXPECT_EQ(order, expected);
}

// Fidelity past 256: GOMAXPROCS=1, ring of 256, schedtick starts at 4 (execute(main) and
// the runtime goroutines real Go runs before main.main; see engine/sched/load.cpp).
// Spawning g0..g299 (each kicks the previous runnext to the ring tail):
// - spawning g256 kicks g255 into the last free slot: ring = g0..g255 (full), runnext g256.
// - spawning g257 kicks g256 into a full ring: runqputslow moves the first 128 (g0..g127)
//   plus g256 = 129 Gs to the global queue. Ring = g128..g255.
// - spawning g258..g299 kicks g257..g298: ring = g128..g255, g257..g298 (170), runnext g299.
// main waits. Then schedule() repeatedly (each worker exits after 1 µs):
// - runnext g299 first; it inherits the slice: schedtick stays 4.
// - ring pops bump schedtick. Before each findRunnable, schedtick%61 == 0 with a non-empty
//   global queue means globrunqget(pp, 1): one G from the global head.
//   schedtick 4..60 -> 57 ring pops: g128..g184 (schedtick becomes 61)
//   schedtick 61 -> global: g0 (62)
//   schedtick 62..121 -> 60 ring pops: g185..g244 (122)
//   schedtick 122 -> global: g1 (123)
//   schedtick 123..175 -> the last 53 ring entries: g245..g255, g257..g298 (176)
// - ring empty at schedtick 176 (176 % 61 = 54): globrunqget(pp, 0) takes
//   n = 127/1 + 1 = 128, capped by the queue length 127 (and by 256/2 = 128): g2 runs, and
//   g3..g127, g256 fill the ring in order. No later global check finds anything.
// Real Go 1.19, GOMAXPROCS=1, the same program printing each goroutine's index
// (tests/realgo/chan/differs/runq-overflow-61.go and .out) runs them in exactly this order.
TEST(SchedFidelity, PastTwoHundredFiftySixRunqputslowAndTick61) {
  Loaded l = LoadText(Scenario(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "w", "name": "g", "repeat": 300}, {"do": "wait", "for": "g"}],
      "w": [{"do": "run", "us": 1}]})"));
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  std::vector<std::string> expected = {"g299"};
  auto add = [&expected](const std::vector<std::string>& v) {
    expected.insert(expected.end(), v.begin(), v.end());
  };
  add(Seq("g", 128, 184));
  add({"g0"});
  add(Seq("g", 185, 244));
  add({"g1"});
  add(Seq("g", 245, 255));
  add(Seq("g", 257, 298));
  add(Seq("g", 2, 127));
  add({"g256"});
  add({"main"});  // readied by the last exit
  EXPECT_EQ(FirstRunOrder(*l.run), expected);

  auto slow = AllEvents(*l.run, EventKind::kRunqputSlow);
  ASSERT_EQ(slow.size(), 1u);
  EXPECT_EQ(slow[0].n, 129);  // 128 from the ring + the kicked G
  EXPECT_EQ(l.run->Label(slow[0].g), "g256");
  auto batches = AllEvents(*l.run, EventKind::kGlobrunqget);
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[0].n, 1);  // the 61-tick check takes exactly one
  EXPECT_EQ(batches[1].n, 1);
  EXPECT_EQ(batches[2].n, 127);  // min(127/1 + 1, 127, 128)
}

// runqget: a G from runnext inherits the time slice. In the ping-pong each wake-up goes into
// runnext (goready -> runqput next=true), so after the first ring pop (schedtick 2) the
// exchanges never bump schedtick again.
TEST(SchedRules, RunnextInheritsTimeSlice) {
  Loaded l = LoadBuiltin("pingpong");
  ASSERT_TRUE(l.run);
  auto execs = AllEvents(*l.run, EventKind::kExecute);
  ASSERT_GE(execs.size(), 6u);
  int from_runnext = 0;
  for (const Event& e : execs) {
    if (FindSource(e.n) == FindSource::kRunnext) {
      ++from_runnext;
      EXPECT_TRUE(e.flag);
    }
  }
  EXPECT_GE(from_runnext, 6);
  // schedtick 4 (main), 5 after pinger was popped from the ring; then only runnext.
  EXPECT_EQ(execs.back().n2, 5);
  // Every goready puts the woken G in the runnext of the waker's P.
  for (const Event& e : AllEvents(*l.run, EventKind::kReady)) EXPECT_EQ(e.p, 0);
}

// runqgrab takes n - n/2 of the victim's ring; runqsteal runs the LAST one taken and leaves
// the others in the thief's ring. P0's ring holds w0..w6 (w7 is in runnext and runs on P0):
// 7 - 3 = 4 are taken (w0..w3), w3 runs on P1, w0..w2 stay in P1's ring.
TEST(SchedRules, StealHalfRoundedUpRunsLastTaken) {
  Loaded l = LoadBuiltin("steal");
  ASSERT_TRUE(l.run);
  auto steals = AllEvents(*l.run, EventKind::kSteal);
  ASSERT_FALSE(steals.empty());
  EXPECT_EQ(steals[0].p2, 0);
  EXPECT_EQ(steals[0].n, 4);
  EXPECT_EQ(l.run->Label(steals[0].g), "w3");
  std::size_t step = FirstStepWith(*l.run, EventKind::kSteal);
  Json st = l.run->StateSummary(step);
  EXPECT_EQ(st["ps"][1]["runq"], Json({"w0", "w1", "w2"}));
  EXPECT_EQ(st["ps"][0]["runq"], Json({"w4", "w5", "w6"}));
}

// wakep starts a spinning M only when nmspinning == 0: eight go statements in a row at t=0
// wake exactly one M (the M takes m_wake_us to start, so it is still spinning meanwhile).
TEST(SchedRules, WakepStartsOneSpinnerAtATime) {
  Loaded l = LoadBuiltin("steal");
  ASSERT_TRUE(l.run);
  int spin_starts_during_spawns = 0;
  for (std::size_t s = 1; s <= 8; ++s) {
    for (const Event& e : l.run->GetTimeline().Events(s)) {
      ASSERT_EQ(e.kind == EventKind::kNewproc || e.kind == EventKind::kRunnextKick ||
                    e.kind == EventKind::kSpinStart || e.kind == EventKind::kNewM,
                true);
      if (e.kind == EventKind::kSpinStart) ++spin_starts_during_spawns;
    }
  }
  EXPECT_EQ(spin_starts_during_spawns, 1);
  for (std::size_t s = 0; s < l.run->StepCount(); ++s) {
    EXPECT_LE(l.run->StateSummary(s)["nmspinning"].get<int>(), 1) << "step " << s;
  }
}

// The last round (of stealTries = 4) is the only one that may take a victim's runnext.
TEST(SchedRules, RunnextStolenOnlyInLastRound) {
  Loaded l = LoadBuiltin("spinning");
  ASSERT_TRUE(l.run);
  auto steals = AllEvents(*l.run, EventKind::kSteal);
  ASSERT_EQ(steals.size(), 3u);
  for (const Event& e : steals) {
    EXPECT_TRUE(e.flag);
    EXPECT_EQ(e.n2, 3);  // round index 3 = the 4th round
  }
}

// entersyscall keeps the P (_Psyscall). With GOMAXPROCS=1 and work queued, sysmon's first
// round (t=20 µs) finds the same syscalltick it recorded (both still 0: retake records only
// what it sees in _Psyscall) and the P has work: retake + handoffp start an M. At t=500 the
// syscall returns, P0 is running a worker, no P is idle: exitsyscall0 -> global queue.
TEST(SchedRules, SyscallRetakeHandoffAndGlobalQueueOnExit) {
  Loaded l = LoadBuiltin("syscall-handoff");
  ASSERT_TRUE(l.run);
  std::size_t retake = FirstStepWith(*l.run, EventKind::kRetake);
  ASSERT_GT(retake, 0u);
  EXPECT_EQ(l.run->TimeAt(retake), 20);
  auto handoffs = AllEvents(*l.run, EventKind::kHandoff);
  ASSERT_EQ(handoffs.size(), 1u);
  EXPECT_TRUE(handoffs[0].flag);
  EXPECT_EQ(handoffs[0].n, 0);  // local work: startm
  auto exits = AllEvents(*l.run, EventKind::kExitSyscall);
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].n, 2);
  std::size_t s = FirstStepWith(*l.run, EventKind::kExitSyscall);
  EXPECT_EQ(l.run->TimeAt(s), 500);
  EXPECT_EQ(l.run->StateSummary(s)["global_runq"], Json({"main"}));
}

// A short syscall with an idle P elsewhere and an empty queue is left alone by retake
// (nmspinning + npidle > 0, runq empty, under 10 ms): exitsyscall gets its old P back.
TEST(SchedRules, ShortSyscallKeepsOldP) {
  Loaded l = LoadText(Scenario(R"({"gomaxprocs": 2})", R"({
      "main": [{"do": "syscall", "us": 100}, {"do": "run", "us": 10}]})"));
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  EXPECT_TRUE(AllEvents(*l.run, EventKind::kRetake).empty());
  auto exits = AllEvents(*l.run, EventKind::kExitSyscall);
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].n, 0);
  EXPECT_EQ(exits[0].p, 0);
}

// The old P was retaken but another is idle: exitsyscall takes the idle one. GOMAXPROCS=2;
// main queues a worker then blocks 300 µs. The worker is in P0's runnext, so retake hands
// P0 off (local work); the worker runs 50 µs, then P0 goes idle. At t=300 P0 is idle.
TEST(SchedRules, SyscallExitTakesIdleP) {
  Loaded l = LoadText(Scenario(R"({"gomaxprocs": 2, "m_wake_us": 0})", R"({
      "main": [{"do": "go", "func": "w"}, {"do": "syscall", "us": 300}],
      "w": [{"do": "run", "us": 50}]})"));
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  auto exits = AllEvents(*l.run, EventKind::kExitSyscall);
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].n, 1);
}

// sysmon back-off: 20 µs while idle <= 50 rounds, then doubling, capped at 10 ms. Nothing is
// retaken in the preempt scenario (preemption does not reset idle), so rounds run at
// 20, 40, ..., 1020 (51 rounds), then +40 -> 1060, +80 -> 1140, +160 -> 1300, +320 -> 1620,
// +640 -> 2260, +1280 -> 3540, +2560 -> 6100, +5120 -> 11220. b started at t=0 and round 1
// (t=20) recorded its schedtick, so the first round with schedwhen + 10 ms <= now is 11220.
// Then the delay is capped at 10 ms: a starts at 11220, round 21220 records the new
// schedtick, round 31220 preempts a after 10 ms.
TEST(SchedRules, SysmonBackoffAndForcePreempt) {
  Loaded l = LoadBuiltin("preempt");
  ASSERT_TRUE(l.run);
  std::vector<std::int64_t> when;
  std::vector<std::string> who;
  for (std::size_t s = 0; s < l.run->StepCount(); ++s) {
    for (const Event& e : l.run->GetTimeline().Events(s)) {
      if (e.kind == EventKind::kPreempt) {
        when.push_back(l.run->TimeAt(s));
        who.push_back(l.run->Label(e.g));
      }
    }
  }
  ASSERT_EQ(when.size(), 2u);
  EXPECT_EQ(when[0], 11220);
  EXPECT_EQ(who[0], "b");
  EXPECT_EQ(when[1], 31220);
  EXPECT_EQ(who[1], "a");
  // Preempted Gs go to the global queue (goschedImpl -> globrunqput).
  std::size_t s = FirstStepWith(*l.run, EventKind::kPreempt);
  EXPECT_EQ(l.run->StateSummary(s)["global_runq"], Json({"b"}));
}

// procresize: a destroyed P's Gs go to the HEAD of the global queue (p.destroy moves the
// ring from the tail, each to the head, then runnext to the head): x, y, z before what was
// there. stopTheWorld had already put the running main at the global tail: w, main.
TEST(SchedRules, ProcresizeMovesDeadPQueuesToGlobalHead) {
  Loaded l = LoadText(Scenario(R"({"gomaxprocs": 2})", R"({
      "main": [{"do": "run", "us": 100}], "w": [{"do": "run", "us": 1}]})",
                               R"(, "initial": {
      "goroutines": [{"name": "main", "func": "main", "state": "running", "p": 0},
                     {"name": "x", "func": "w", "state": "runnable"},
                     {"name": "y", "func": "w", "state": "runnable"},
                     {"name": "z", "func": "w", "state": "runnable"},
                     {"name": "w", "func": "w", "state": "runnable"}],
      "procs": [{}, {"runnext": "x", "runq": ["y", "z"]}],
      "global_runq": ["w"]})",
                               R"([{"op": "gomaxprocs", "n": 1}, {"op": "run"}])"));
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  Json st = l.run->StateSummary(1);
  EXPECT_EQ(st["gomaxprocs"], 1);
  EXPECT_EQ(st["global_runq"], Json({"x", "y", "z", "w", "main"}));
}

// A readable fd with no M blocked in netpoll is only noticed by a poll. GOMAXPROCS=1 and main
// is CPU-bound, so findRunnable never reaches netpoll(0); sysmon polls when nobody has for
// 10 ms. Its rounds (see the back-off test) fall at ..., 6100, 11220: the first after 10 ms.
TEST(SchedRules, SysmonPollsTheNetworkAfterTenMs) {
  Loaded l = LoadText(Scenario(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "srv", "name": "srv"}, {"do": "gosched"},
               {"do": "run", "us": 30000}, {"do": "wait", "for": "srv"}],
      "srv": [{"do": "net_read", "us": 100}, {"do": "run", "us": 10}]})"));
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  auto found = AllEvents(*l.run, EventKind::kNetpollFound);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].p, kNone);  // found by sysmon, not by a P
  std::size_t s = FirstStepWith(*l.run, EventKind::kNetpollFound);
  EXPECT_GE(l.run->TimeAt(s), 10000);
  auto fd = AllEvents(*l.run, EventKind::kFdReady);
  ASSERT_EQ(fd.size(), 1u);
  EXPECT_FALSE(fd[0].flag);  // nobody was blocked in netpoll
}

// An idle M blocks in netpoll when goroutines wait on the poller, and wakes when data comes.
TEST(SchedRules, IdleMBlocksInNetpollAndWakes) {
  Loaded l = LoadBuiltin("netpoll");
  ASSERT_TRUE(l.run);
  auto rel = AllEvents(*l.run, EventKind::kReleaseP);
  ASSERT_FALSE(rel.empty());
  EXPECT_TRUE(rel[0].flag);
  auto fd = AllEvents(*l.run, EventKind::kFdReady);
  ASSERT_EQ(fd.size(), 1u);
  EXPECT_TRUE(fd[0].flag);
  EXPECT_EQ(fd[0].m, rel[0].m);
  EXPECT_EQ(l.run->TimeAt(FirstStepWith(*l.run, EventKind::kFdReady)), 305);
}

// Gosched goes to the GLOBAL queue (goschedImpl), not the local ring.
TEST(SchedRules, GoschedUsesGlobalQueue) {
  Loaded l = LoadText(Scenario(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "w", "name": "w"}, {"do": "gosched"}, {"do": "wait", "for": "w"}],
      "w": [{"do": "run", "us": 5}]})"));
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  std::size_t s = FirstStepWith(*l.run, EventKind::kGosched);
  Json st = l.run->StateSummary(s);
  EXPECT_EQ(st["global_runq"], Json({"main"}));
  EXPECT_EQ(st["ps"][0]["runnext"], "w");
}

// A buffered channel does not block until it is full.
TEST(SchedRules, BufferedChannel) {
  Loaded l = LoadText(Scenario(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "chan_send", "ch": "c"}, {"do": "chan_send", "ch": "c"},
               {"do": "chan_recv", "ch": "c"}, {"do": "chan_recv", "ch": "c"}]})",
                               R"(, "chans": {"c": {"cap": 2}})"));
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  EXPECT_TRUE(AllEvents(*l.run, EventKind::kPark).empty());
  EXPECT_TRUE(AllEvents(*l.run, EventKind::kMainExit).size() == 1);
}

// checkdead: main receives on a channel nobody sends to.
TEST(SchedRules, Deadlock) {
  Loaded l =
      LoadText(Scenario(R"({"gomaxprocs": 2})", R"({"main": [{"do": "chan_recv", "ch": "c"}]})",
                        R"(, "chans": {"c": {}})"));
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  EXPECT_EQ(AllEvents(*l.run, EventKind::kDeadlock).size(), 1u);
}

// main returning ends the program even with goroutines left (runtime.main: exit(0)).
TEST(SchedRules, MainReturnEndsProgram) {
  Loaded l = LoadText(Scenario(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "w"}], "w": [{"do": "run", "us": 5}]})"));
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  EXPECT_EQ(AllEvents(*l.run, EventKind::kMainExit).size(), 1u);
  EXPECT_TRUE(FirstRunOrder(*l.run).empty());  // w never ran
}

// The --json trace reports per step which G runs on which P and M.
TEST(SchedTrace, JsonReportsRunningGPM) {
  Loaded l = LoadBuiltin("spawn-order");
  ASSERT_TRUE(l.run);
  std::ostringstream out;
  WriteJsonTrace(*l.run, Lang::kEn, out);
  std::istringstream in(out.str());
  std::string line;
  std::vector<Json> lines;
  while (std::getline(in, line)) lines.push_back(Json::parse(line));
  ASSERT_EQ(lines.size(), l.run->StepCount());
  // Step 12: p9 runs on P0 by M0 (see the fidelity test).
  Json running = lines[12]["state"]["running"];
  ASSERT_EQ(running.size(), 1u);
  EXPECT_EQ(running[0]["g"], "p9");
  EXPECT_EQ(running[0]["p"], 0);
  EXPECT_EQ(running[0]["m"], 0);
  // Step 11: main parked, nothing runs on P0 yet.
  EXPECT_TRUE(lines[11]["state"]["running"].empty());
}

// Loader: every error names the JSON pointer; unknown names get "did you mean"; limits name
// themselves.
TEST(SchedLoad, Diagnostics) {
  auto errs = [](const std::string& text) {
    LoadResult r = LoadScenarioText("bad.json", text);
    EXPECT_FALSE(r.run);
    return r.diags.FormatAll();
  };
  std::string e = errs(Scenario(R"({"gomaxprocs": 1})", R"({"main": [{"do": "spwan"}]})"));
  EXPECT_NE(e.find("/funcs/main/0/do"), std::string::npos) << e;
  e = errs(
      Scenario(R"({"gomaxprocs": 1})", R"({"main": [{"do": "go", "func": "wrk"}], "work": []})"));
  EXPECT_NE(e.find("did you mean \"work\""), std::string::npos) << e;
  e = errs(Scenario(R"({"gomaxprocs": 1000})", R"({"main": []})"));
  EXPECT_NE(e.find("/config/gomaxprocs"), std::string::npos) << e;
  e = errs(Scenario(R"({"gomaxprocs": 1})",
                    R"({"main": [{"do": "go", "func": "main", "repeat": 100001}]})"));
  EXPECT_NE(e.find("repeat"), std::string::npos) << e;
  e = errs(Scenario(R"({"gomaxprocs": 1})", R"({"main": [{"do": "wait", "for": "nobody"}]})"));
  EXPECT_NE(e.find("/funcs/main/0/for"), std::string::npos) << e;
  e = errs(Scenario(R"({"gomaxprocs": 1})", R"({"main": [{"do": "chan_send", "ch": "c"}]})"));
  EXPECT_NE(e.find("unknown channel"), std::string::npos) << e;
  e = errs(Scenario(R"({"gomaxprocs": 1, "gomaxproc": 2})", R"({"main": []})"));
  EXPECT_NE(e.find("did you mean"), std::string::npos) << e;
  e = errs(
      Scenario(R"({"gomaxprocs": 1})",
               R"({"main": [{"do": "repeat", "times": 100000, "body": [{"do": "gosched"}]}]})"));
  EXPECT_NE(e.find("kMaxBodyOps"), std::string::npos) << e;
  e = errs(Scenario(R"({"gomaxprocs": 1})", R"({"w": []})"));
  EXPECT_NE(e.find("main"), std::string::npos) << e;
  e = errs(Scenario(R"({"gomaxprocs": 1})", R"({"main": [], "w": []})", R"(, "initial": {
      "goroutines": [{"name": "a", "func": "w", "state": "runnable"}]})"));
  EXPECT_NE(e.find("in no run queue"), std::string::npos) << e;
}

// A hostile spawn count stops at the named limit instead of exhausting memory.
TEST(SchedLoad, GoroutineLimit) {
  LoadResult r = LoadScenarioText("big.json", Scenario(R"({"gomaxprocs": 1})", R"({
      "main": [{"do": "go", "func": "w", "repeat": 100000}, {"do": "go", "func": "w", "repeat": 100000}],
      "w": [{"do": "run", "us": 1}]})"));
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("kMaxGoroutines"), std::string::npos) << r.diags.FormatAll();
}

}  // namespace
}  // namespace gs::sched
