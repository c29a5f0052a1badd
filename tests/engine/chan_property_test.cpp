// Property test of channels: thousands of seeded random channel programs (sends of unique
// values, receives, selects with and without default, closes, CPU work, 1-2 Ps), with the
// hchan invariants checked after every step. The invariants are what chan.go keeps under
// c.lock:
//  - qcount is in [0, dataqsiz] and exactly the qcount slots from recvx on hold values; the
//    other slots are zeroed (chanrecv's typedmemclr);
//  - a channel with buffered values has no live receiver waiting (chansend hands the value to
//    a waiting receiver before it would buffer it), and one with room has no live sender
//    waiting (chanrecv refills the slot from a waiting sender); an unbuffered channel never
//    has a live sender and a live receiver (of different goroutines) waiting at once. "Live": a
//    select's sudog whose select was already won may still sit on a queue until its owner runs pass
//    3 (selectDone), and is skipped;
//  - every value received was sent, is received at most once, and per channel in the order
//    the sends committed (FIFO through the buffer and through parked senders);
//  - close keeps the buffered values (they are received later or stay there);
//  - a goroutine parked in a plain send or receive has exactly one sudog, on that channel
//    kind's queue.
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "engine/core/rng.h"
#include "engine/core/scenario.h"
#include "engine/sched/sched_run.h"

namespace gs::sched {
namespace {

struct Gen {
  Rng rng;
  int next_value = 1;
  int nchans = 1;

  int Below(int n) { return int(rng.Below(std::uint32_t(n))); }
  std::string Ch() { return "\"c" + std::to_string(Below(nchans)) + "\""; }

  std::string Op(int depth) {
    int k = Below(100);
    if (k < 30)
      return R"({"do": "send", "ch": )" + Ch() + R"(, "value": )" + std::to_string(next_value++) +
             "}";
    if (k < 58) return R"({"do": "recv", "ch": )" + Ch() + R"(, "into": "v", "ok": "ok"})";
    if (k < 70) return R"({"do": "run", "us": )" + std::to_string(Below(4)) + "}";
    if (k < 73) return R"({"do": "close", "ch": )" + Ch() + "}";
    if (k < 76) return R"({"do": "gosched"})";
    if (depth > 0) return R"({"do": "run", "us": 1})";
    // A select of 0..3 cases, sometimes with a default, each case with a small body.
    std::string s = R"({"do": "select", "cases": [)";
    int n = Below(4);
    for (int i = 0; i < n; ++i) {
      if (i) s += ", ";
      if (Below(2)) {
        s += R"({"send": )" + Ch() + R"(, "value": )" + std::to_string(next_value++);
      } else {
        s += R"({"recv": )" + Ch() + R"(, "into": "v", "ok": "ok")";
      }
      s += R"(, "body": [)" + (Below(2) ? Op(depth + 1) : std::string()) + "]}";
    }
    s += "]";
    if (n == 0 || Below(3) == 0) s += R"(, "default": [])";
    return s + "}";
  }

  std::string Body(int n) {
    std::string s = R"([{"do": "var", "name": "v", "type": "int"},
                        {"do": "var", "name": "ok", "type": "bool"})";
    for (int i = 0; i < n; ++i) s += ", " + Op(0);
    return s + "]";
  }

  std::string Scenario(std::uint64_t seed) {
    rng.state = seed;
    nchans = 1 + Below(3);
    std::string chans;
    for (int c = 0; c < nchans; ++c) {
      if (c) chans += ", ";
      chans += "\"c" + std::to_string(c) + "\": {\"cap\": " + std::to_string(Below(4)) + "}";
    }
    int workers = 1 + Below(4);
    std::string funcs = R"("main": [)";
    for (int w = 0; w < workers; ++w) {
      funcs += R"({"do": "go", "func": "f)" + std::to_string(w) + R"("}, )";
    }
    funcs +=
        R"({"do": "var", "name": "v", "type": "int"}, {"do": "var", "name": "ok", "type": "bool"})";
    for (int i = 0, n = 2 + Below(5); i < n; ++i) funcs += ", " + Op(0);
    funcs += "]";
    for (int w = 0; w < workers; ++w) {
      funcs += ", \"f" + std::to_string(w) + "\": " + Body(2 + Below(6));
    }
    return R"({"format": 1, "kind": "chan", "id": "p", "title": {"en": "p", "zh": "p"},
               "config": {"gomaxprocs": )" +
           std::to_string(1 + Below(2)) + R"(, "seed": )" + std::to_string(seed) +
           R"(}, "chans": {)" + chans + R"(}, "funcs": {)" + funcs +
           R"(}, "script": [{"op": "run"}]})";
  }
};

bool Live(const State& s, const Sudog& sg) {
  return !(sg.is_select && s.Gor(sg.g).select_done);
}

std::size_t LiveCount(const State& s, const std::vector<Sudog>& q) {
  std::size_t n = 0;
  for (const Sudog& sg : q) n += Live(s, sg) ? 1 : 0;
  return n;
}

// Checks one state; returns "" or what is wrong.
std::string CheckState(const State& s) {
  std::ostringstream bad;
  for (std::size_t c = 0; c < s.chans.size(); ++c) {
    const Chan& ch = s.chans[c];
    if (!ch.made) continue;
    if (ch.qcount < 0 || ch.qcount > ch.dataqsiz) bad << "c" << c << " qcount out of range; ";
    for (std::int32_t i = 0; i < ch.dataqsiz; ++i) {
      bool in_queue = ((std::uint32_t(i) + std::uint32_t(ch.dataqsiz) - ch.recvx) %
                       std::uint32_t(ch.dataqsiz)) < std::uint32_t(ch.qcount);
      if (bool(ch.full[std::size_t(i)]) != in_queue) bad << "c" << c << " slot " << i << " fill; ";
      if (!in_queue && ch.buf[std::size_t(i)] != 0)
        bad << "c" << c << " slot " << i << " not zeroed; ";
    }
    if (ch.dataqsiz > 0 &&
        (ch.sendx + std::uint32_t(ch.dataqsiz) - ch.recvx) % std::uint32_t(ch.dataqsiz) !=
            std::uint32_t(ch.qcount) % std::uint32_t(ch.dataqsiz)) {
      bad << "c" << c << " sendx/recvx disagree with qcount; ";
    }
    if (ch.qcount > 0 && LiveCount(s, ch.recvq) > 0)
      bad << "c" << c << " buffered with receivers; ";
    if (ch.qcount < ch.dataqsiz && LiveCount(s, ch.sendq) > 0)
      bad << "c" << c << " room with senders; ";
    // (One select may wait on both queues of a channel itself: it cannot pair with itself.)
    for (const Sudog& r : ch.recvq) {
      for (const Sudog& w : ch.sendq) {
        if (Live(s, r) && Live(s, w) && r.g != w.g)
          bad << "c" << c << " a sender and a receiver both wait; ";
      }
    }
    if (ch.closed && (LiveCount(s, ch.recvq) > 0 || LiveCount(s, ch.sendq) > 0)) {
      bad << "c" << c << " closed with waiters; ";
    }
  }
  for (std::size_t i = 0; i < s.gs.size(); ++i) {
    const G& g = s.gs[i];
    if (g.status != GStatus::kWaiting) continue;
    if (g.wait != WaitReason::kChanSend && g.wait != WaitReason::kChanReceive) continue;
    std::size_t n = 0;
    for (const Chan& ch : s.chans) {
      for (const Sudog& sg : g.wait == WaitReason::kChanSend ? ch.sendq : ch.recvq) {
        n += sg.g == g.goid ? 1 : 0;
      }
    }
    if (n != 1) bad << "g" << g.goid << " parked with " << n << " sudogs; ";
  }
  return bad.str();
}

TEST(ChanProperty, RandomProgramsKeepHchanInvariants) {
  Gen gen;
  int panics = 0, deadlocks = 0, selects = 0, slot_reuse = 0, stale = 0;
  for (std::uint64_t seed = 1; seed <= 2500; ++seed) {
    const std::string text = gen.Scenario(seed);
    LoadResult r = LoadScenarioText("p.json", text);
    const auto* run = dynamic_cast<const SchedRun*>(r.run.get());
    ASSERT_TRUE(run) << "seed " << seed << ": " << r.diags.FormatAll() << "\n" << text;
    const auto& tl = run->GetTimeline();
    // Per channel: the values committed to it and not yet received, in order.
    std::map<std::int16_t, std::vector<Value>> fifo;
    std::set<Value> received;
    // Values carried by parked senders (sudog.value), per channel.
    for (std::size_t step = 0; step < run->StepCount(); ++step) {
      const State before = step > 0 ? tl.StateAt(step - 1) : tl.StateAt(0);
      const State s = tl.StateAt(step);
      std::string why = CheckState(s);
      ASSERT_EQ(why, "") << "seed " << seed << " step " << step << "\n" << text;
      for (const Event& e : tl.Events(step)) {
        auto& q = fifo[e.ch];
        auto receive = [&](Value v) {
          ASSERT_FALSE(received.count(v))
              << "seed " << seed << " step " << step << ": " << v << " received twice";
          received.insert(v);
        };
        if (e.kind == EventKind::kChanSend) {
          ChanPath p = ChanPath(e.n);
          if (p == ChanPath::kBuffer) q.push_back(e.n2);
          if (p == ChanPath::kDirect) receive(e.n2);
        } else if (e.kind == EventKind::kChanRecv) {
          ChanPath p = ChanPath(e.n);
          if (p == ChanPath::kBuffer || p == ChanPath::kSlotReuse) {
            ASSERT_FALSE(q.empty()) << "seed " << seed << " step " << step;
            ASSERT_EQ(q.front(), e.n2) << "seed " << seed << " step " << step << ": not FIFO";
            q.erase(q.begin());
            receive(e.n2);
          }
          if (p == ChanPath::kSlotReuse) {
            // The parked sender's value took the freed slot: it is the newest in the queue.
            const Chan& ch = s.chans[std::size_t(e.ch)];
            q.push_back(ch.buf[std::size_t(e.p2)]);
            ++slot_reuse;
          }
          if (p == ChanPath::kDirect) receive(e.n2);
        } else if (e.kind == EventKind::kClose) {
          const Chan& was = before.chans[std::size_t(e.ch)];
          const Chan& now = s.chans[std::size_t(e.ch)];
          ASSERT_EQ(was.qcount, now.qcount) << "seed " << seed << ": close lost buffered values";
        }
        panics += e.kind == EventKind::kPanic;
        deadlocks += e.kind == EventKind::kDeadlock;
        selects += e.kind == EventKind::kSelectWake;
        stale += e.kind == EventKind::kStaleSudog;
      }
    }
    // Whatever was committed and not received is still in its buffer, in order.
    const State end = tl.StateAt(run->StepCount() - 1);
    for (const auto& [ch, q] : fifo) {
      if (ch < 0) continue;
      const Chan& c = end.chans[std::size_t(ch)];
      ASSERT_EQ(std::size_t(c.qcount), q.size()) << "seed " << seed << " c" << ch;
      for (std::size_t i = 0; i < q.size(); ++i) {
        EXPECT_EQ(c.buf[(c.recvx + i) % std::size_t(c.dataqsiz)], q[i]) << "seed " << seed;
      }
    }
  }
  // The generator reaches the interesting paths (so the test can fail on them).
  std::printf("panics %d deadlocks %d select wakes %d slot reuse %d stale %d\n", panics, deadlocks,
              selects, slot_reuse, stale);
  EXPECT_GT(panics, 50);
  EXPECT_GT(deadlocks, 50);
  EXPECT_GT(selects, 50);
  EXPECT_GT(slot_reuse, 50);
  EXPECT_GT(stale, 0);
}

}  // namespace
}  // namespace gs::sched
