// Rule tests of actors on the scheduler engine: mailbox order, tell never blocking, ask and
// reply, supervision (one-for-one restarts, the restart limit, lost messages), and the
// compare's counters against CSP back-pressure. Actors have no Go runtime counterpart, so
// every expectation is reasoned from the rules the engine states (engine/sched/actor.cpp)
// and the one-P scheduler (runnext, gopark); the CSP halves are checked against real Go in
// tests/scenarios/realgo_concurrency_test.py.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/sched/chan_narration.h"
#include "engine/sched/compare_run.h"
#include "tests/engine/sched_support.h"

namespace gs::sched {
namespace {

using test::AllEvents;

struct Loaded {
  LoadResult r;
  const SchedRun* run = nullptr;
};

// A chan-kind program is not allowed "actors"; actor rules are tested on the actor side of
// a compare whose CSP side is a trivial main.
struct Compared {
  LoadResult r;
  const ConcurrencyRun* run = nullptr;
  const SchedRun* actors = nullptr;
  const SchedRun* csp = nullptr;
};

Compared LoadCompare(const std::string& actors,
                     const std::string& csp = R"({"funcs": {"main": []}})",
                     const std::string& script = R"([{"op": "run"}])") {
  Compared c;
  c.r = LoadScenarioText("t.json", R"({"format": 1, "kind": "concurrency", "id": "t",
      "title": {"en": "t", "zh": "t"}, "config": {"gomaxprocs": 1},
      "workload": {"en": "w", "zh": "w"}, "actors": )" +
                                       actors + R"(, "csp": )" + csp + R"(, "script": )" + script +
                                       "}");
  c.run = dynamic_cast<const ConcurrencyRun*>(c.r.run.get());
  if (c.run) {
    c.actors = &c.run->SideRun(Side::kActors);
    c.csp = &c.run->SideRun(Side::kCsp);
  }
  return c;
}

std::vector<std::string> Printed(const SchedRun& run) {
  std::vector<std::string> out;
  for (const Event& e : AllEvents(run, EventKind::kPrint)) {
    out.push_back(FormatValue(run.Prog(), VType(e.n), e.n2));
  }
  return out;
}

// An actor that prints every message it takes.
const char* kEcho = R"("echo": [{"do": "var", "name": "m", "type": "int"},
    {"do": "forever", "body": [{"do": "receive", "into": "m"}, {"do": "print", "value_of": "m"},
                               {"do": "reply", "value_of": "m"}]}])";

// Spawn puts the actor's goroutine in runnext, but on one P main keeps running until it
// parks: the three tells all land before the actor runs, so the mailbox grows 1, 2, 3 (a tell
// never blocks), and the ask's message is the 4th. The actor then takes them in FIFO order.
TEST(ActorRules, MailboxIsFifoAndTellNeverBlocks) {
  Compared c = LoadCompare(std::string(R"({"actors": {"e": {"func": "echo"}}, "funcs": {
      "main": [{"do": "var", "name": "r", "type": "int"}, {"do": "spawn", "actor": "e"},
               {"do": "tell", "to": "e", "value": 1}, {"do": "tell", "to": "e", "value": 2},
               {"do": "tell", "to": "e", "value": 3},
               {"do": "ask", "to": "e", "value": 9, "into": "r"},
               {"do": "print", "value_of": "r"}], )") +
                           kEcho + "}}");
  ASSERT_TRUE(c.run) << c.r.diags.FormatAll();
  auto tells = AllEvents(*c.actors, EventKind::kTell);
  ASSERT_EQ(tells.size(), 4u);
  for (std::size_t i = 0; i < tells.size(); ++i) EXPECT_EQ(tells[i].n, std::int64_t(i + 1));
  // The echo prints 1 2 3 9 in arrival order; the reply to the ask is 9, which main prints.
  EXPECT_EQ(Printed(*c.actors), (std::vector<std::string>{"1", "2", "3", "9", "9"}));
  // No tell parked main: the only park of main is the ask's.
  std::size_t main_parks = 0;
  for (const Event& e : AllEvents(*c.actors, EventKind::kPark)) {
    if (c.actors->Label(e.g) == "main") {
      ++main_parks;
      EXPECT_EQ(e.wait, WaitReason::kActorAsk);
    }
  }
  EXPECT_EQ(main_parks, 1u);
  // The mailbox held 4 at most; tells do not count as blocked time, the ask does: it waits
  // while the echo handles 4 messages, which take no time here, so 0 µs.
  const SideCounters& end = c.run->Counters(Side::kActors, c.run->StepCount() - 1);
  EXPECT_EQ(end.max_queue, 4);
  EXPECT_EQ(end.delivered, 4);
  EXPECT_EQ(end.lost, 0);
}

// Two senders interleaved by gosched: the mailbox keeps each sender's order (the rule the
// actor model guarantees: FIFO per sender-receiver pair).
TEST(ActorRules, PerSenderOrderIsKept) {
  Compared c = LoadCompare(std::string(R"({"actors": {"e": {"func": "echo"}}, "funcs": {
      "main": [{"do": "spawn", "actor": "e"}, {"do": "go", "func": "a", "name": "a"},
               {"do": "go", "func": "b", "name": "b"}, {"do": "wait", "for": "a"},
               {"do": "wait", "for": "b"}, {"do": "sleep", "us": 100}],
      "a": [{"do": "tell", "to": "e", "value": 10}, {"do": "gosched"},
            {"do": "tell", "to": "e", "value": 11}, {"do": "gosched"},
            {"do": "tell", "to": "e", "value": 12}],
      "b": [{"do": "tell", "to": "e", "value": 20}, {"do": "gosched"},
            {"do": "tell", "to": "e", "value": 21}, {"do": "gosched"},
            {"do": "tell", "to": "e", "value": 22}], )") +
                           kEcho + "}}");
  ASSERT_TRUE(c.run) << c.r.diags.FormatAll();
  std::vector<std::string> got = Printed(*c.actors);
  ASSERT_EQ(got.size(), 6u);
  std::vector<std::string> from_a, from_b;
  for (const std::string& v : got) (v[0] == '1' ? from_a : from_b).push_back(v);
  EXPECT_EQ(from_a, (std::vector<std::string>{"10", "11", "12"}));
  EXPECT_EQ(from_b, (std::vector<std::string>{"20", "21", "22"}));
}

// A crash on -1: the message in hand (-1) and the queued 2, 3 and the ask (0) die with the
// mailbox; the asker learns it (ok = false). The supervisor restarts the actor with fresh
// state, so after the restart 4 + 0 = 4, not 1 + 4.
TEST(ActorRules, SupervisorRestartsWithFreshStateAndNamesTheLost) {
  Compared c =
      LoadCompare(R"({"supervisors": {"sup": {"strategy": "one_for_one", "max_restarts": 1}},
      "actors": {"acct": {"func": "acct", "supervisor": "sup"}}, "funcs": {
      "main": [{"do": "var", "name": "r", "type": "int"}, {"do": "var", "name": "ok", "type": "bool"},
               {"do": "spawn", "actor": "acct"},
               {"do": "tell", "to": "acct", "value": 1}, {"do": "tell", "to": "acct", "value": -1},
               {"do": "tell", "to": "acct", "value": 2}, {"do": "tell", "to": "acct", "value": 3},
               {"do": "ask", "to": "acct", "value": 0, "into": "r", "ok": "ok"},
               {"do": "print", "value_of": "ok"},
               {"do": "tell", "to": "acct", "value": 4},
               {"do": "ask", "to": "acct", "value": 0, "into": "r", "ok": "ok"},
               {"do": "print", "value_of": "ok"}, {"do": "print", "value_of": "r"}],
      "acct": [{"do": "var", "name": "sum", "type": "int"}, {"do": "var", "name": "m", "type": "int"},
               {"do": "forever", "body": [{"do": "receive", "into": "m"},
                 {"do": "panic", "value": "bad amount", "when": {"local": "m", "equals": -1}},
                 {"do": "add", "local": "sum", "value_of": "m"},
                 {"do": "reply", "value_of": "sum"}]}]}})");
  ASSERT_TRUE(c.run) << c.r.diags.FormatAll();
  EXPECT_EQ(Printed(*c.actors), (std::vector<std::string>{"false", "true", "4"}));
  auto restarts = AllEvents(*c.actors, EventKind::kRestart);
  ASSERT_EQ(restarts.size(), 1u);
  EXPECT_EQ(restarts[0].n, 1);
  const State end = c.actors->GetTimeline().StateAt(c.actors->StepCount() - 1);
  ASSERT_EQ(end.lost.size(), 4u);
  EXPECT_EQ(end.lost[0].msg.value, -1);
  EXPECT_EQ(end.lost[0].why, LostWhy::kInHand);
  EXPECT_EQ(end.lost[1].msg.value, 2);
  EXPECT_EQ(end.lost[2].msg.value, 3);
  EXPECT_TRUE(end.lost[3].msg.ask);
  // The crash step's narration lists them, and the compare marks it.
  const std::size_t crash = test::FirstStepWith(*c.actors, EventKind::kCrash);
  const std::string said = c.actors->Narrate(crash).text.en;
  EXPECT_NE(said.find("4 messages (-1, 2, 3 and 0)"), std::string::npos) << said;
  bool marked = false;
  for (std::size_t s = 0; s < c.run->StepCount(); ++s) {
    if (c.run->SideStep(Side::kActors, s) == crash && c.run->Advanced(Side::kActors, s)) {
      marked = (c.run->TradeoffAt(s) & kCrashRestarted) != 0 && c.run->Notable(s);
    }
  }
  EXPECT_TRUE(marked);
}

// max_restarts 0: the supervisor gives up at the first crash; the actor stays down, a later
// tell is a dead letter and an ask returns ok = false at once (it never parks).
TEST(ActorRules, RestartLimitLeavesTheActorDown) {
  Compared c = LoadCompare(R"({"supervisors": {"sup": {"max_restarts": 0}},
      "actors": {"w": {"func": "w", "supervisor": "sup"}}, "funcs": {
      "main": [{"do": "var", "name": "ok", "type": "bool"}, {"do": "spawn", "actor": "w"},
               {"do": "tell", "to": "w", "value": 1}, {"do": "sleep", "us": 10},
               {"do": "tell", "to": "w", "value": 2},
               {"do": "ask", "to": "w", "value": 3, "ok": "ok"}, {"do": "print", "value_of": "ok"}],
      "w": [{"do": "receive"}, {"do": "panic", "value": "boom"}]}})");
  ASSERT_TRUE(c.run) << c.r.diags.FormatAll();
  EXPECT_EQ(AllEvents(*c.actors, EventKind::kRestart).size(), 0u);
  EXPECT_EQ(AllEvents(*c.actors, EventKind::kGiveUp).size(), 1u);
  EXPECT_EQ(AllEvents(*c.actors, EventKind::kDeadLetter).size(), 2u);
  EXPECT_EQ(Printed(*c.actors), (std::vector<std::string>{"false"}));
  // Lost: 1 (in hand at the crash), then the dead letters 2 and 3.
  EXPECT_EQ(c.run->Counters(Side::kActors, c.run->StepCount() - 1).lost, 3);
}

// The same slow consumer both ways (one P, 100 µs per message).
// CSP, cap 1: main sends 1 (buffer), parks on 2 at t=0; the consumer takes 1 and puts 2 in
// the freed slot (slot reuse, main readied), works 100 µs, takes 2 from the buffer, works
// until t=200 and parks on the empty channel; only then does main run again. Blocked: 200 µs;
// the buffer never held more than 1. Actors: the 4 tells and the ask all land at t=0 (max 5
// in the mailbox); main's ask waits for 5 messages of 100 µs: 500 µs blocked.
TEST(ActorRules, BackPressureVersusMailboxBuildUp) {
  Compared c = LoadCompare(
      R"({"actors": {"c": {"func": "c"}}, "funcs": {
      "main": [{"do": "spawn", "actor": "c"}, {"do": "tell", "to": "c", "value": 1},
               {"do": "tell", "to": "c", "value": 2}, {"do": "tell", "to": "c", "value": 3},
               {"do": "tell", "to": "c", "value": 4}, {"do": "ask", "to": "c", "value": 0}],
      "c": [{"do": "forever", "body": [{"do": "receive"}, {"do": "run", "us": 100},
                                        {"do": "reply", "value": 0}]}]}})",
      R"({"chans": {"ch": {"cap": 1}, "done": {"elem": "struct{}"}}, "funcs": {
      "main": [{"do": "go", "func": "c", "name": "c"},
               {"do": "send", "ch": "ch", "value": 1}, {"do": "send", "ch": "ch", "value": 2},
               {"do": "send", "ch": "ch", "value": 3}, {"do": "send", "ch": "ch", "value": 4},
               {"do": "close", "ch": "ch"}, {"do": "recv", "ch": "done"}],
      "c": [{"do": "var", "name": "v", "type": "int"},
            {"do": "for_range", "ch": "ch", "into": "v", "body": [{"do": "run", "us": 100}]},
            {"do": "send", "ch": "done"}]}})");
  ASSERT_TRUE(c.run) << c.r.diags.FormatAll();
  const std::size_t last = c.run->StepCount() - 1;
  const SideCounters& a = c.run->Counters(Side::kActors, last);
  const SideCounters& k = c.run->Counters(Side::kCsp, last);
  EXPECT_EQ(a.max_queue, 5);
  EXPECT_EQ(a.blocked_us, 500);
  EXPECT_EQ(k.max_queue, 1);
  EXPECT_EQ(k.blocked_us, 200);
  EXPECT_EQ(a.lost, 0);
  EXPECT_EQ(k.lost, 0);
  // Build-up and back-pressure are both marked on the scrubber.
  std::uint32_t seen = 0;
  for (std::size_t s = 0; s < c.run->StepCount(); ++s) seen |= c.run->TradeoffAt(s);
  EXPECT_TRUE(seen & kBuildUp);
  EXPECT_TRUE(seen & kBackPressure);
  // The two sides stepped together: each side's steps all appear, in order.
  std::size_t pa = 0, pc = 0;
  for (std::size_t s = 1; s <= last; ++s) {
    EXPECT_GE(c.run->SideStep(Side::kActors, s), pa);
    EXPECT_GE(c.run->SideStep(Side::kCsp, s), pc);
    pa = c.run->SideStep(Side::kActors, s);
    pc = c.run->SideStep(Side::kCsp, s);
  }
  EXPECT_EQ(pa, c.actors->StepCount() - 1);
  EXPECT_EQ(pc, c.csp->StepCount() - 1);
}

// A panic in a CSP goroutine ends the program (exit status 2) and loses the values still in
// the channel; a deferred recover ends only that goroutine.
TEST(ActorRules, PanicEndsTheProgramUnlessRecovered) {
  const char* actors = R"({"funcs": {"main": []}})";
  Compared dies = LoadCompare(actors, R"({"chans": {"ch": {"cap": 4}}, "funcs": {
      "main": [{"do": "go", "func": "w", "name": "w"}, {"do": "send", "ch": "ch", "value": 1},
               {"do": "send", "ch": "ch", "value": -1}, {"do": "send", "ch": "ch", "value": 2},
               {"do": "sleep", "us": 1000}],
      "w": [{"do": "var", "name": "v", "type": "int"},
            {"do": "for_range", "ch": "ch", "into": "v", "body": [
              {"do": "panic", "value": "bad", "when": {"local": "v", "equals": -1}},
              {"do": "print", "value_of": "v"}]}]}})");
  ASSERT_TRUE(dies.run) << dies.r.diags.FormatAll();
  const SideCounters& d = dies.run->Counters(Side::kCsp, dies.run->StepCount() - 1);
  EXPECT_TRUE(d.panicked);
  // main filled the buffer with 1, -1, 2 before sleeping; w took 1 and -1: 2 is lost.
  EXPECT_EQ(d.lost, 1);
  EXPECT_EQ(Printed(*dies.csp), (std::vector<std::string>{"1"}));
  std::vector<std::string> lines = dies.csp->EventLines(dies.csp->StepCount() - 1, Lang::kEn);
  bool said = false;
  for (const std::string& l : lines) said = said || l == "panic: bad";
  EXPECT_TRUE(said);

  Compared lives = LoadCompare(actors, R"({"chans": {"ch": {"cap": 4}}, "funcs": {
      "main": [{"do": "go", "func": "w", "name": "w"}, {"do": "send", "ch": "ch", "value": -1},
               {"do": "sleep", "us": 1000}, {"do": "print", "value": "main goes on"}],
      "w": [{"do": "defer_recover"}, {"do": "var", "name": "v", "type": "int"},
            {"do": "for_range", "ch": "ch", "into": "v", "body": [
              {"do": "panic", "value": "bad", "when": {"local": "v", "equals": -1}}]}]}})");
  ASSERT_TRUE(lives.run) << lives.r.diags.FormatAll();
  EXPECT_FALSE(lives.run->Counters(Side::kCsp, lives.run->StepCount() - 1).panicked);
  EXPECT_EQ(AllEvents(*lives.csp, EventKind::kRecover).size(), 1u);
  EXPECT_EQ(Printed(*lives.csp), (std::vector<std::string>{"\"main goes on\""}));
}

// Loader: errors inside a side name the side in their JSON path, with line and column.
TEST(ActorRules, ErrorsNameTheSideAndPosition) {
  Compared c = LoadCompare(R"({"actors": {"e": {"func": "e"}}, "funcs": {
      "main": [{"do": "tell", "to": "ee", "value": 1}], "e": [{"do": "receive"}]}})");
  EXPECT_FALSE(c.run);
  const std::string all = c.r.diags.FormatAll();
  EXPECT_NE(all.find("/actors/funcs/main/0/to"), std::string::npos) << all;
  EXPECT_NE(all.find("unknown actor \"ee\""), std::string::npos) << all;
  EXPECT_NE(all.find("did you mean \"e\""), std::string::npos) << all;
  EXPECT_NE(all.find("t.json:"), std::string::npos) << all;

  Compared r = LoadCompare(R"({"funcs": {"main": [{"do": "receive"}]}})");
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.r.diags.FormatAll().find("only an actor has a mailbox"), std::string::npos);

  Compared s = LoadCompare(R"({"funcs": {"main": []}})", R"({"funcs": {"main": []}})",
                           R"([{"op": "gomaxprocs", "n": 2}])");
  EXPECT_FALSE(s.run);
  EXPECT_NE(s.r.diags.FormatAll().find("only \"run\" ops"), std::string::npos);
}

// Hostile sizes: a flood of tells to an actor that never runs stops at kMaxMailbox; a
// restart storm stops restarting at max_restarts (and a larger limit is refused).
TEST(ActorRules, FloodsAndRestartStormsHitLimits) {
  Compared flood = LoadCompare(R"({"actors": {"e": {"func": "e"}}, "funcs": {
      "main": [{"do": "spawn", "actor": "e"},
               {"do": "forever", "body": [{"do": "tell", "to": "e", "value": 1}]}],
      "e": [{"do": "receive"}]}})");
  EXPECT_FALSE(flood.run);
  EXPECT_NE(flood.r.diags.FormatAll().find("kMaxMailbox = 65536"), std::string::npos)
      << flood.r.diags.FormatAll();

  Compared storm = LoadCompare(R"({"supervisors": {"s": {"max_restarts": 50}},
      "actors": {"e": {"func": "e", "supervisor": "s"}}, "funcs": {
      "main": [{"do": "spawn", "actor": "e"},
               {"do": "repeat", "times": 100, "body": [{"do": "tell", "to": "e", "value": 1},
                                                       {"do": "sleep", "us": 1}]}],
      "e": [{"do": "receive"}, {"do": "panic", "value": "x"}]}})");
  ASSERT_TRUE(storm.run) << storm.r.diags.FormatAll();
  EXPECT_EQ(AllEvents(*storm.actors, EventKind::kRestart).size(), 50u);
  EXPECT_EQ(AllEvents(*storm.actors, EventKind::kGiveUp).size(), 1u);
  // 51 crashes lose the one message each had in hand; the other 49 are dead letters.
  EXPECT_EQ(storm.run->Counters(Side::kActors, storm.run->StepCount() - 1).lost, 100);

  Compared big = LoadCompare(R"({"supervisors": {"s": {"max_restarts": 1000000}},
      "funcs": {"main": []}})");
  EXPECT_FALSE(big.run);
  EXPECT_NE(big.r.diags.FormatAll().find("/actors/supervisors/s/max_restarts"), std::string::npos)
      << big.r.diags.FormatAll();
}

}  // namespace
}  // namespace gs::sched
