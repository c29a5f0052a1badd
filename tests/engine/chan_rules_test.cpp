// Rule-by-rule tests of channels and select (chan.go, select.go of Go 1.19). Each
// expectation is reasoned in a comment from the runtime function that produces it. Run
// orders of woken goroutines were also checked against real Go 1.19 with GOMAXPROCS=1
// (the programs and their output are in tests/realgo/chan_rules/).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/sched/chan_narration.h"
#include "engine/sched/sched_run.h"
#include "tests/engine/sched_support.h"

namespace gs::sched {
namespace {

using test::AllEvents;
using test::FirstStepWith;

struct Loaded {
  LoadResult r;
  const SchedRun* run = nullptr;
};

Loaded Load(const std::string& chans, const std::string& funcs, const std::string& config = "{}") {
  Loaded l;
  l.r = LoadScenarioText("t.json", R"({"format": 1, "kind": "chan", "id": "t",
      "title": {"en": "t", "zh": "t"}, "config": )" +
                                       config + R"(, "chans": )" + chans + R"(, "funcs": )" +
                                       funcs + R"(, "script": [{"op": "run"}]})");
  l.run = dynamic_cast<const SchedRun*>(l.r.run.get());
  return l;
}

// The values the program printed, in order.
std::vector<std::string> Printed(const SchedRun& run) {
  std::vector<std::string> out;
  for (const Event& e : AllEvents(run, EventKind::kPrint)) {
    out.push_back(FormatValue(run.Prog(), VType(e.n), e.n2));
  }
  return out;
}

const char* kVars = R"({"do": "var", "name": "v", "type": "int"},
                      {"do": "var", "name": "ok", "type": "bool"})";

// send: a receiver is parked, so sendDirect copies onto its stack; the buffer (cap 2) is not
// used: qcount stays 0 and no slot is written.
TEST(ChanRules, DirectSendBypassesTheBuffer) {
  Loaded l =
      Load(R"({"c": {"cap": 2}})",
           std::string(R"({
      "main": [{"do": "go", "func": "r"}, {"do": "gosched"}, {"do": "send", "ch": "c", "value": 7},
               {"do": "gosched"}],
      "r": [)") +
               kVars +
               R"(, {"do": "recv", "ch": "c", "into": "v"}, {"do": "print", "value_of": "v"}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  auto sends = AllEvents(*l.run, EventKind::kChanSend);
  ASSERT_EQ(sends.size(), 1u);
  EXPECT_EQ(ChanPath(sends[0].n), ChanPath::kDirect);
  std::size_t at = FirstStepWith(*l.run, EventKind::kChanSend);
  State s = l.run->GetTimeline().StateAt(at);
  EXPECT_EQ(s.chans[0].qcount, 0);
  EXPECT_EQ(s.chans[0].sendx, 0u);
  EXPECT_EQ(Printed(*l.run), std::vector<std::string>{"7"});
}

// recv on a full buffer with a parked sender: take buf[recvx] (the oldest, 1), put the
// sender's value (3) into that same slot, recvx++ and sendx = recvx: buf = [3, 2], both 1.
TEST(ChanRules, FullBufferWithParkedSenderReusesTheSlot) {
  Loaded l = Load(R"({"c": {"cap": 2}})", std::string(R"({
      "main": [)") + kVars + R"(, {"do": "go", "func": "w"}, {"do": "gosched"},
               {"do": "recv", "ch": "c", "into": "v"}, {"do": "print", "value_of": "v"},
               {"do": "recv", "ch": "c", "into": "v"}, {"do": "print", "value_of": "v"},
               {"do": "recv", "ch": "c", "into": "v"}, {"do": "print", "value_of": "v"}],
      "w": [{"do": "send", "ch": "c", "value": 1}, {"do": "send", "ch": "c", "value": 2},
            {"do": "send", "ch": "c", "value": 3}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  std::size_t at = 0;
  for (std::size_t s = 0; s < l.run->StepCount() && !at; ++s) {
    for (const Event& e : l.run->GetTimeline().Events(s)) {
      if (e.kind == EventKind::kChanRecv && ChanPath(e.n) == ChanPath::kSlotReuse) at = s;
    }
  }
  ASSERT_NE(at, 0u);
  State s = l.run->GetTimeline().StateAt(at);
  const Chan& c = s.chans[0];
  EXPECT_EQ(c.qcount, 2);
  EXPECT_EQ(c.buf[0], 3);
  EXPECT_EQ(c.buf[1], 2);
  EXPECT_EQ(c.recvx, 1u);
  EXPECT_EQ(c.sendx, 1u);
  EXPECT_TRUE(c.sendq.empty());
  EXPECT_EQ(Printed(*l.run), (std::vector<std::string>{"1", "2", "3"}));
}

// chanrecv from the buffer zeroes the slot it read (typedmemclr) and recvx wraps at
// dataqsiz: after 3 sends and 2 receives on cap 2, then a third send, sendx has wrapped to 1.
TEST(ChanRules, RingWrapsAndReadSlotsAreZeroed) {
  Loaded l = Load(
      R"({"c": {"cap": 2}})",
      std::string(R"({
      "main": [)") +
          kVars + R"(, {"do": "send", "ch": "c", "value": 1}, {"do": "send", "ch": "c", "value": 2},
               {"do": "recv", "ch": "c", "into": "v"}, {"do": "send", "ch": "c", "value": 3},
               {"do": "recv", "ch": "c", "into": "v"}, {"do": "run", "us": 1}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  State s = l.run->GetTimeline().StateAt(l.run->StepCount() - 2);
  const Chan& c = s.chans[0];
  // Sends: 1 -> slot 0, 2 -> slot 1 (sendx wraps to 0); recv 1 from slot 0 (zeroed, recvx 1);
  // send 3 -> slot 0 (sendx 1); recv 2 from slot 1 (zeroed, recvx wraps to 0).
  EXPECT_EQ(c.qcount, 1);
  EXPECT_EQ(c.buf[0], 3);
  EXPECT_EQ(c.full[1], 0);
  EXPECT_EQ(c.buf[1], 0);
  EXPECT_EQ(c.recvx, 0u);
  EXPECT_EQ(c.sendx, 1u);
}

// Parked receivers are served in FIFO order (waitq.dequeue takes the first), but each
// goready puts the woken G in runnext and kicks the previous runnext to the runq tail: after
// serving r0, r1, r2, runnext = r2 and runq = [r0, r1], so they run r2, r0, r1.
// Real Go 1.19, GOMAXPROCS=1: tests/realgo/chan_rules/fifo-wake-order.go prints 2 0 1 too.
TEST(ChanRules, ServedInFifoOrderRunLastWokenFirst) {
  Loaded l =
      Load(R"({"c": {"cap": 0}})",
           std::string(R"({
      "main": [{"do": "go", "func": "r", "name": "r", "repeat": 3}, {"do": "gosched"},
               {"do": "send", "ch": "c", "value": 0}, {"do": "send", "ch": "c", "value": 1},
               {"do": "send", "ch": "c", "value": 2}, {"do": "wait", "for": "r"}],
      "r": [)") +
               kVars +
               R"(, {"do": "recv", "ch": "c", "into": "v"}, {"do": "print", "value_of": "v"}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  std::vector<std::string> served;
  for (const Event& e : AllEvents(*l.run, EventKind::kChanSend))
    served.push_back(l.run->Label(e.g2));
  // The receivers parked in the order they first ran: r2 (runnext), r0, r1.
  EXPECT_EQ(served, (std::vector<std::string>{"r2", "r0", "r1"}));
  // Each prints the value it got: served r2<-0, r0<-1, r1<-2, and they run r1, r2, r0
  // (runnext = r1 after the third send; runq = [r2, r0]).
  EXPECT_EQ(Printed(*l.run), (std::vector<std::string>{"2", "0", "1"}));
  // The narration points out that the run order differs from the serve order.
  bool noted = false;
  for (std::size_t s = 1; s < l.run->StepCount(); ++s) {
    noted = noted || l.run->Narrate(s).text.en.find("Note the order") != std::string::npos;
  }
  EXPECT_TRUE(noted);
}

// closechan: every parked receiver gets the zero value and ok=false; they are pushed on a
// gList (push = head) and popped from the head, so goready runs in reverse recvq order. The
// receivers parked r2, r0, r1 (r2 ran first from runnext), so they are readied r1, r0, r2:
// runnext ends as r2 with runq = [r1, r0], and they run r2, r1, r0. Real Go 1.19,
// GOMAXPROCS=1: tests/realgo/chan_rules/close-wake-order.go prints "2 false 1 false 0 false"
// as this test expects.
TEST(ChanRules, CloseWakesReceiversWithZeroAndReadiesThemInReverse) {
  Loaded l = Load(R"({"c": {"cap": 0}})", std::string(R"({
      "main": [{"do": "go", "func": "r", "name": "r", "repeat": 3}, {"do": "gosched"},
               {"do": "close", "ch": "c"}, {"do": "wait", "for": "r"}],
      "r": [)") + kVars + R"(, {"do": "recv", "ch": "c", "into": "v", "ok": "ok"},
            {"do": "print", "value_of": "index"}, {"do": "print", "value_of": "ok"}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  auto closes = AllEvents(*l.run, EventKind::kClose);
  ASSERT_EQ(closes.size(), 1u);
  EXPECT_EQ(closes[0].n, 3);
  std::vector<std::string> readied;
  std::size_t at = FirstStepWith(*l.run, EventKind::kClose);
  for (const Event& e : l.run->GetTimeline().Events(at)) {
    if (e.kind == EventKind::kReady) readied.push_back(l.run->Label(e.g));
  }
  // recvq order is the order they parked: r2, r0, r1; reversed: r1, r0, r2.
  EXPECT_EQ(readied, (std::vector<std::string>{"r1", "r0", "r2"}));
  // runnext = r2, runq = [r1, r0]: they run r2, r1, r0; each prints its index and ok=false.
  EXPECT_EQ(Printed(*l.run), (std::vector<std::string>{"2", "false", "1", "false", "0", "false"}));
}

// Data buffered before close is still delivered; then receives give zero and ok=false, and
// for range ends when the channel is drained (chanrecv: closed && qcount == 0).
TEST(ChanRules, BufferedDataSurvivesCloseAndRangeEnds) {
  Loaded l = Load(
      R"({"c": {"cap": 3}})",
      std::string(R"({
      "main": [)") +
          kVars + R"(, {"do": "send", "ch": "c", "value": 4}, {"do": "send", "ch": "c", "value": 5},
               {"do": "close", "ch": "c"},
               {"do": "for_range", "ch": "c", "into": "v", "body": [{"do": "print", "value_of": "v"}]},
               {"do": "recv", "ch": "c", "into": "v", "ok": "ok"}, {"do": "print", "value_of": "v"},
               {"do": "print", "value_of": "ok"}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  EXPECT_EQ(Printed(*l.run), (std::vector<std::string>{"4", "5", "0", "false"}));
}

// The runtime's panic texts (chan.go: plainError) end the program with a crash report.
TEST(ChanRules, PanicsUseTheRuntimeText) {
  struct Case {
    const char* chans;
    const char* main;
    const char* text;
  } cases[] = {
      {R"({"c": {"cap": 1}})",
       R"([{"do": "close", "ch": "c"}, {"do": "send", "ch": "c", "value": 1}])",
       "panic: send on closed channel"},
      {R"({"c": {"nil": true}})", R"([{"do": "close", "ch": "c"}])", "panic: close of nil channel"},
      {R"({"c": {"cap": 0}})", R"([{"do": "close", "ch": "c"}, {"do": "close", "ch": "c"}])",
       "panic: close of closed channel"},
  };
  for (const Case& c : cases) {
    Loaded l = Load(c.chans, std::string(R"({"main": )") + c.main + "}");
    ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
    std::vector<std::string> lines = l.run->EventLines(l.run->StepCount() - 1, Lang::kEn);
    bool found = false;
    for (const std::string& s : lines) found = found || s == c.text;
    EXPECT_TRUE(found) << c.text;
  }
}

// A sender parked before the close is woken by it with success = false and panics when it
// runs (chansend after gopark: "send on closed channel").
TEST(ChanRules, ParkedSenderPanicsAfterClose) {
  Loaded l = Load(R"({"c": {"cap": 0}})", R"({
      "main": [{"do": "go", "func": "s"}, {"do": "gosched"}, {"do": "close", "ch": "c"},
               {"do": "gosched"}, {"do": "run", "us": 5}],
      "s": [{"do": "send", "ch": "c", "value": 1}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  auto panics = AllEvents(*l.run, EventKind::kPanic);
  ASSERT_EQ(panics.size(), 1u);
  EXPECT_EQ(l.run->Label(panics[0].g), "g2");
  EXPECT_EQ(PanicKind(panics[0].n), PanicKind::kSendOnClosed);
}

// checkdead: main receives from a nil channel with nothing else alive; the report names the
// wait reason exactly as the runtime does (waitReasonChanReceiveNilChan).
TEST(ChanRules, DeadlockReportNamesWaitReasons) {
  Loaded l = Load(R"({"c": {"nil": true}, "d": {"cap": 0}})", R"({
      "main": [{"do": "go", "func": "s"}, {"do": "recv", "ch": "c"}],
      "s": [{"do": "send", "ch": "d", "value": 1}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  std::vector<std::string> lines = l.run->EventLines(l.run->StepCount() - 1, Lang::kEn);
  std::vector<std::string> tail(lines.end() - 6, lines.end());
  EXPECT_EQ(tail,
            (std::vector<std::string>{"fatal error: all goroutines are asleep - deadlock!",
                                      "goroutine 1 [chan receive (nil chan)]:", "main.main()",
                                      "goroutine 2 [chan send]:", "main.s()", "exit status 2"}));
}

// select: no case ready and a default: default, without parking. A one-case select is a
// plain receive after the compiler's rewrite: no pollorder, wait reason "chan receive".
TEST(ChanRules, SelectDefaultAndOneCaseRewrite) {
  Loaded l = Load(R"({"c": {"cap": 0}, "d": {"cap": 0}})", std::string(R"({
      "main": [)") + kVars + R"(,
        {"do": "select", "cases": [{"recv": "c", "into": "v"}, {"recv": "d", "into": "v"}],
         "default": [{"do": "print", "value": 1}]},
        {"do": "select", "cases": [{"recv": "c", "into": "v"}]}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  EXPECT_EQ(Printed(*l.run), std::vector<std::string>{"1"});
  auto starts = AllEvents(*l.run, EventKind::kSelectStart);
  ASSERT_EQ(starts.size(), 2u);
  EXPECT_FALSE(starts[0].flag);
  EXPECT_TRUE(starts[1].flag);
  std::vector<std::string> lines = l.run->EventLines(l.run->StepCount() - 1, Lang::kEn);
  bool found = false;
  for (const std::string& s : lines) found = found || s == "goroutine 1 [chan receive]:";
  EXPECT_TRUE(found);
}

// selectgo's pollorder comes from the seeded RNG: the same seed picks the same case; over
// many seeds both ready cases win (neither is favoured by its position).
TEST(ChanRules, SelectPicksAReadyCaseAtRandomBySeed) {
  auto pick = [](int seed) {
    Loaded l =
        Load(R"({"a": {"cap": 1}, "b": {"cap": 1}})",
             std::string(R"({
        "main": [)") +
                 kVars +
                 R"(, {"do": "send", "ch": "a", "value": 1}, {"do": "send", "ch": "b", "value": 2},
          {"do": "select", "cases": [{"recv": "a", "into": "v"}, {"recv": "b", "into": "v"}]},
          {"do": "print", "value_of": "v"}]})",
             R"({"seed": )" + std::to_string(seed) + "}");
    EXPECT_TRUE(l.run) << l.r.diags.FormatAll();
    return l.run ? Printed(*l.run).at(0) : std::string();
  };
  int ones = 0;
  for (int seed = 1; seed <= 40; ++seed) {
    EXPECT_EQ(pick(seed), pick(seed));
    ones += pick(seed) == "1";
  }
  EXPECT_GT(ones, 5);
  EXPECT_LT(ones, 35);
}

// A select parked on two channels is woken by the first; its sudog on the other channel is
// stale until pass 3. A sender that finds it first (same step, before the select G runs)
// drops it (dequeue's selectDone check) and parks itself.
TEST(ChanRules, StaleSelectSudogIsSkipped) {
  Loaded l = Load(
      R"({"a": {"cap": 0}, "b": {"cap": 0}})",
      std::string(R"({
      "main": [{"do": "go", "func": "sel"}, {"do": "go", "func": "sa"}, {"do": "go", "func": "sb"},
               {"do": "run", "us": 1}, {"do": "gosched"}, {"do": "run", "us": 1}],
      "sel": [)") +
          kVars +
          R"(, {"do": "select", "cases": [{"recv": "a", "into": "v"}, {"recv": "b", "into": "v"}]},
              {"do": "print", "value_of": "v"}],
      "sa": [{"do": "send", "ch": "a", "value": 1}],
      "sb": [{"do": "send", "ch": "b", "value": 2}]})");
  ASSERT_TRUE(l.run) << l.r.diags.FormatAll();
  // Run order after main parks... sb (runnext) sends first? sel was kicked to the runq by sa,
  // sa by sb: runnext = sb, runq = [sel, sa]. main gosched → global. sb runs: b has no
  // receiver yet (sel has not run): sb parks. sel runs: pass 1 finds sb waiting on b: gets 2.
  // So no stale sudog here; the select wins in pass 1.
  EXPECT_EQ(Printed(*l.run), std::vector<std::string>{"2"});
  // Now make sel park first: it runs before the senders.
  Loaded m = Load(
      R"({"a": {"cap": 0}, "b": {"cap": 0}})",
      std::string(R"({
      "main": [{"do": "go", "func": "sel"}, {"do": "gosched"}, {"do": "send", "ch": "a", "value": 1},
               {"do": "send", "ch": "b", "value": 2}],
      "sel": [)") +
          kVars +
          R"(, {"do": "select", "cases": [{"recv": "a", "into": "v"}, {"recv": "b", "into": "v"}]},
              {"do": "print", "value_of": "v"}]})");
  ASSERT_TRUE(m.run) << m.r.diags.FormatAll();
  // main: send a wakes sel (select_done); send b finds sel's stale sudog on b, drops it, and
  // parks (nobody else receives): then sel runs pass 3, prints 1, and main stays blocked.
  EXPECT_EQ(AllEvents(*m.run, EventKind::kStaleSudog).size(), 1u);
  EXPECT_EQ(Printed(*m.run), std::vector<std::string>{"1"});
  EXPECT_EQ(AllEvents(*m.run, EventKind::kDeadlock).size(), 1u);
}

}  // namespace
}  // namespace gs::sched

namespace gs::sched {
namespace {

// The sandbox's channel actions (script op "chan") start a new goroutine that does the
// operation through the same chansend / closechan paths: here a send of 5 then a close while
// main waits to receive. newproc puts each in runnext, so the close (started second) runs
// first: main gets the zero value from the close; when main yields (Gosched: to the global
// queue) the sender runs from the local queue and panics on the closed channel.
TEST(ChanSandbox, ChannelActionsRunInNewGoroutines) {
  LoadResult r = LoadScenarioText("t.json", R"({"format": 1, "kind": "chan", "id": "sb",
    "title": {"en": "t", "zh": "t"}, "config": {"gomaxprocs": 1}, "chans": {"c": {"cap": 0}},
    "funcs": {"main": [{"do": "var", "name": "v", "type": "int"},
                       {"do": "recv", "ch": "c", "into": "v"}, {"do": "print", "value_of": "v"},
                       {"do": "gosched"}, {"do": "run", "us": 100}]},
    "script": [{"op": "run", "events": 2}, {"op": "chan", "do": "send", "ch": "c", "value": 5},
               {"op": "chan", "do": "close", "ch": "c"}, {"op": "run"}]})");
  const auto* run = dynamic_cast<const SchedRun*>(r.run.get());
  ASSERT_TRUE(run) << r.diags.FormatAll();
  EXPECT_EQ(test::AllEvents(*run, EventKind::kScriptChan).size(), 2u);
  std::vector<std::string> printed;
  for (const Event& e : test::AllEvents(*run, EventKind::kPrint)) {
    printed.push_back(FormatValue(run->Prog(), VType(e.n), e.n2));
  }
  EXPECT_EQ(printed, std::vector<std::string>{"0"});
  auto panics = test::AllEvents(*run, EventKind::kPanic);
  ASSERT_EQ(panics.size(), 1u);
  EXPECT_EQ(run->Label(panics[0].g), "sandbox0");
}

TEST(ChanSandbox, OnlyASendCarriesAValue) {
  LoadResult r = LoadScenarioText("t.json", R"({"format": 1, "kind": "chan", "id": "sb",
    "title": {"en": "t", "zh": "t"}, "chans": {"c": {"cap": 0}}, "funcs": {"main": []},
    "script": [{"op": "chan", "do": "close", "ch": "c", "value": 1}]})");
  EXPECT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("/script/0/value: only a send carries a value"),
            std::string::npos)
      << r.diags.FormatAll();
}

}  // namespace
}  // namespace gs::sched
