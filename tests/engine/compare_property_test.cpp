// Property: without crashes, the actor and the CSP version of the same workload deliver every
// message exactly once and agree on the final state. Workloads vary the number of
// producers, messages each, the channel's capacity and the consumer's work per message.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/sched/compare_run.h"
#include "tests/engine/sched_support.h"

namespace gs::sched {
namespace {

struct Workload {
  int producers = 1, each = 1, cap = 0, work_us = 0;
};

std::string N(int n) {
  return std::to_string(n);
}

// Producer i sends i + 100, i + 200, ...: distinct values, so "exactly once" is checkable.
std::string Scenario(const Workload& w) {
  const std::string prod_body = R"({"do": "var", "name": "x", "type": "int"},
      {"do": "set", "local": "x", "value_of": "index"},
      {"do": "repeat", "times": )" +
                                N(w.each) +
                                R"(, "body": [{"do": "add", "local": "x", "value": 100}, )";
  return R"({"format": 1, "kind": "concurrency", "id": "p", "title": {"en": "p", "zh": "p"},
    "config": {"gomaxprocs": 1}, "workload": {"en": "w", "zh": "w"},
    "actors": {"actors": {"sum": {"func": "sum"}}, "funcs": {
      "main": [{"do": "var", "name": "t", "type": "int"}, {"do": "spawn", "actor": "sum"},
               {"do": "go", "func": "prod", "name": "p", "repeat": )" +
         N(w.producers) + R"(}, {"do": "wait", "for": "p"},
               {"do": "ask", "to": "sum", "value": 0, "into": "t"}, {"do": "print", "value_of": "t"}],
      "prod": [)" +
         prod_body +
         R"({"do": "tell", "to": "sum", "value_of": "x"}]}],
      "sum": [{"do": "var", "name": "s", "type": "int"}, {"do": "var", "name": "m", "type": "int"},
              {"do": "forever", "body": [{"do": "receive", "into": "m"}, {"do": "run", "us": )" +
         N(w.work_us) + R"(},
                {"do": "add", "local": "s", "value_of": "m"}, {"do": "reply", "value_of": "s"}]}]}},
    "csp": {"chans": {"ch": {"cap": )" +
         N(w.cap) + R"(}, "total": {"cap": 0}}, "funcs": {
      "main": [{"do": "var", "name": "t", "type": "int"}, {"do": "go", "func": "sum", "name": "sum"},
               {"do": "go", "func": "prod", "name": "p", "repeat": )" +
         N(w.producers) + R"(}, {"do": "wait", "for": "p"}, {"do": "close", "ch": "ch"},
               {"do": "recv", "ch": "total", "into": "t"}, {"do": "print", "value_of": "t"}],
      "prod": [)" +
         prod_body +
         R"({"do": "send", "ch": "ch", "value_of": "x"}]}],
      "sum": [{"do": "var", "name": "s", "type": "int"}, {"do": "var", "name": "m", "type": "int"},
              {"do": "for_range", "ch": "ch", "into": "m", "body": [{"do": "run", "us": )" +
         N(w.work_us) + R"(},
                {"do": "add", "local": "s", "value_of": "m"}]},
              {"do": "send", "ch": "total", "value_of": "s"}]}},
    "script": [{"op": "run"}]})";
}

TEST(CompareProperty, BothModelsDeliverEveryMessageOnceAndAgree) {
  std::uint64_t x = 0x9e3779b97f4a7c15ULL;
  auto next = [&x](int n) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return int(x % std::uint64_t(n));
  };
  for (int trial = 0; trial < 40; ++trial) {
    Workload w{
        .producers = 1 + next(3), .each = 1 + next(4), .cap = next(4), .work_us = 10 * next(6)};
    LoadResult r = LoadScenarioText("p.json", Scenario(w));
    const auto* run = dynamic_cast<const ConcurrencyRun*>(r.run.get());
    ASSERT_TRUE(run) << r.diags.FormatAll();
    std::vector<std::int64_t> sent;
    std::int64_t total = 0;
    for (int i = 0; i < w.producers; ++i) {
      for (int k = 1; k <= w.each; ++k) {
        sent.push_back(i + 100 * k);
        total += i + 100 * k;
      }
    }
    std::sort(sent.begin(), sent.end());
    SCOPED_TRACE("producers " + N(w.producers) + " each " + N(w.each) + " cap " + N(w.cap) +
                 " work " + N(w.work_us));
    // Exactly once: the values taken are the values sent, as multisets.
    std::vector<std::int64_t> got_a, got_c;
    for (const Event& e : test::AllEvents(run->SideRun(Side::kActors), EventKind::kReceive)) {
      got_a.push_back(e.n2);
    }
    const std::int16_t ch = 0;  // "ch" is the first channel declared
    // A value reaches the consumer once: straight to a parked receiver (the send's direct
    // path), or by a receive from the buffer, a parked sender or a reused slot.
    for (const Event& e : test::AllEvents(run->SideRun(Side::kCsp), EventKind::kChanSend)) {
      if (e.ch == ch && e.n == std::int64_t(ChanPath::kDirect)) got_c.push_back(e.n2);
    }
    for (const Event& e : test::AllEvents(run->SideRun(Side::kCsp), EventKind::kChanRecv)) {
      if (e.ch == ch &&
          (e.n == std::int64_t(ChanPath::kDirect) || e.n == std::int64_t(ChanPath::kBuffer) ||
           e.n == std::int64_t(ChanPath::kSlotReuse))) {
        got_c.push_back(e.n2);
      }
    }
    // The actor also takes the ask (value 0) after every tell, since tells came first.
    ASSERT_FALSE(got_a.empty());
    EXPECT_EQ(got_a.back(), 0);
    got_a.pop_back();
    std::sort(got_a.begin(), got_a.end());
    std::sort(got_c.begin(), got_c.end());
    EXPECT_EQ(got_a, sent);
    EXPECT_EQ(got_c, sent);
    // Both print the same total, computed here from the workload.
    for (Side s : {Side::kActors, Side::kCsp}) {
      auto prints = test::AllEvents(run->SideRun(s), EventKind::kPrint);
      ASSERT_EQ(prints.size(), 1u);
      EXPECT_EQ(prints[0].n2, total);
      const SideCounters& c = run->Counters(s, run->StepCount() - 1);
      EXPECT_EQ(c.lost, 0);
      EXPECT_EQ(c.in_flight, 0);
      // Every message taken once, plus the reply: the ask (actors) or the total (CSP).
      EXPECT_EQ(c.delivered, std::int64_t(sent.size()) + 1);
    }
    // The mailbox is never bounded; the channel's buffer never exceeds its cap.
    EXPECT_LE(run->Counters(Side::kCsp, run->StepCount() - 1).max_queue, w.cap);
  }
}

}  // namespace
}  // namespace gs::sched
