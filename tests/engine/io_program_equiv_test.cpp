// A user program written to do what a canonical loop does gets the canonical counters, for
// every lane, on random arrival schedules. Counters are compared at the step where the last
// byte was read (after it a program's threads stop, while a canonical loop goes on to its
// next call). Programs that first make the sockets O_NONBLOCK (nio, epoll_et) pay one fcntl
// per fd up front, which the canonical loops (sockets created non-blocking) do not: they
// run on the same arrivals shifted by that many µs, and have that many more syscalls.
// Also: random user programs read every byte at most once and in order (exactly once when
// nothing can miss a wake-up).
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/engine/io_support.h"

namespace gs::io {
namespace {

struct Sched {
  std::vector<std::vector<std::pair<int, int>>> fds;  // (at, bytes) per fd
  int idle = 0;
  int read_bytes = 4096;
  int work_us = 0;
};

Sched RandomSched(std::mt19937& rng) {
  std::uniform_int_distribution<int> nfds(1, 4), narr(0, 5), at(0, 1500), bytes(1, 6000);
  std::uniform_int_distribution<int> buf(256, 4096), work(0, 3), idle(0, 3);
  Sched s;
  s.fds.resize(std::size_t(nfds(rng)));
  for (std::size_t i = 0; i < s.fds.size(); ++i) {
    const int k = i == 0 ? 1 + narr(rng) : narr(rng);  // at least one packet in all
    for (int j = 0; j < k; ++j) s.fds[i].push_back({at(rng), bytes(rng)});
  }
  s.idle = idle(rng);
  s.read_bytes = buf(rng);
  s.work_us = work(rng);
  return s;
}

std::string FdsJson(const Sched& s, int shift) {
  std::string out;
  for (std::size_t i = 0; i < s.fds.size(); ++i) {
    out +=
        (i ? ", " : "") + std::string(R"({"id": "f)") + std::to_string(i) + R"(", "arrivals": [)";
    for (std::size_t j = 0; j < s.fds[i].size(); ++j) {
      out += (j ? ", " : "") + std::string(R"({"at": )") +
             std::to_string(s.fds[i][j].first + shift) + R"(, "bytes": )" +
             std::to_string(s.fds[i][j].second) + "}";
    }
    out += "]}";
  }
  return out;
}

struct Equivalent {
  const char* lane;       // the canonical lane
  const char* canonical;  // its config
  const char* model;      // the program's config.model
  std::string program;    // one thread's program, or "" for bio (a thread per fd)
  bool nonblock_first;    // the program starts with set_nonblock all
};

std::vector<Equivalent> Equivalents() {
  const std::string wait_read = R"([{"op": "loop", "body": [)";
  return {
      {"bio", R"("model": "bio")", "bio", "", false},
      {"nio", R"("model": "nio")", "nio",
       R"([{"op": "set_nonblock", "fd": "all"},
           {"op": "loop", "until": "all_read", "body": [{"op": "recvfrom", "fd": "all"},
                                                       {"op": "pause", "us": 20}]}])",
       true},
      {"select", R"("model": "multiplex", "poller": "select")", "multiplex",
       wait_read + R"({"op": "select", "fds": "all"}, {"op": "recvfrom", "fd": "ready"}]}])",
       false},
      {"poll", R"("model": "multiplex", "poller": "poll")", "multiplex",
       wait_read + R"({"op": "poll", "fds": "all"}, {"op": "recvfrom", "fd": "ready"}]}])", false},
      {"epoll", R"("model": "multiplex", "poller": "epoll")", "multiplex",
       R"([{"op": "epoll_create"}, {"op": "epoll_ctl", "fd": "all"},
           {"op": "loop", "body": [{"op": "epoll_wait"}, {"op": "recvfrom", "fd": "ready"}]}])",
       false},
      {"epoll_et", R"("model": "multiplex", "trigger": "edge")", "multiplex",
       R"([{"op": "set_nonblock", "fd": "all"}, {"op": "epoll_create"},
           {"op": "epoll_ctl", "fd": "all", "events": "in|et"},
           {"op": "loop", "body": [{"op": "epoll_wait"},
                                   {"op": "recvfrom", "fd": "ready", "until": "eagain"}]}])",
       true},
      {"signal", R"("model": "signal")", "signal",
       R"([{"op": "sigaction", "fd": "all"}, {"op": "work"}])", false},
      {"async", R"("model": "async")", "async",
       R"([{"op": "aio_read", "fd": "all"}, {"op": "work"}])", false},
  };
}

std::size_t FinishStep(const IoRun& run) {
  for (std::size_t s = 0; s < run.StepCount(); ++s) {
    if (run.GetTimeline().StateRef(s).worlds[0].finished) return s;
  }
  return run.StepCount() - 1;
}

TEST(IoProgramEquivalence, ProgramsDoingTheCanonicalLoopGetTheCanonicalCounters) {
  std::mt19937 rng(20261204);
  for (int round = 0; round < 60; ++round) {
    const Sched s = RandomSched(rng);
    const int total = int(s.fds.size()) + s.idle;
    const std::string costs = R"(, "read_bytes": )" + std::to_string(s.read_bytes) +
                              R"(, "work_us": )" + std::to_string(s.work_us);
    const std::string idle = R"("idle_fds": )" + std::to_string(s.idle);
    for (const Equivalent& e : Equivalents()) {
      const int shift = e.nonblock_first ? total : 0;  // one 1 µs fcntl per fd
      auto canon = test::LoadIo(test::Scenario(e.canonical + costs, FdsJson(s, 0), idle));
      std::string programs;
      if (e.program.empty()) {
        for (std::size_t i = 0; i < s.fds.size(); ++i) {
          programs +=
              (i ? ", " : "") +
              std::string(R"({"program": [{"op": "loop", "body": [{"op": "recvfrom", "fd": "f)") +
              std::to_string(i) + R"("}]}]})";
        }
      } else {
        programs = R"({"program": )" + e.program + "}";
      }
      const std::string text =
          test::Scenario(std::string(R"("model": ")") + e.model + "\"" + costs, FdsJson(s, shift),
                         idle + R"(, "threads": [)" + programs + "]");
      auto prog = test::LoadIo(text);
      ASSERT_TRUE(canon.run) << canon.result.diags.FormatAll();
      ASSERT_TRUE(prog.run) << prog.result.diags.FormatAll() << "\n" << text;
      EXPECT_EQ(prog.run->Prog().lanes[0].name, e.lane);
      const Counters& a = canon.run->GetTimeline().StateRef(FinishStep(*canon.run)).worlds[0].c;
      const State& ps = prog.run->GetTimeline().StateRef(FinishStep(*prog.run));
      const Counters& b = ps.worlds[0].c;
      const std::string what =
          std::string(e.lane) + " round " + std::to_string(round) + "\n" + text;
      ASSERT_TRUE(ps.worlds[0].finished) << what;
      EXPECT_FALSE(ps.worlds[0].stalled) << what;
      EXPECT_EQ(b.syscalls, a.syscalls + shift) << what;
      EXPECT_EQ(b.setup, a.setup + shift) << what;
      EXPECT_EQ(b.eagain, a.eagain) << what;
      EXPECT_EQ(b.kernel_scanned, a.kernel_scanned) << what;
      EXPECT_EQ(b.user_scanned, a.user_scanned) << what;
      EXPECT_EQ(b.data_bytes, a.data_bytes) << what;
      EXPECT_EQ(b.meta_bytes, a.meta_bytes) << what;
      EXPECT_EQ(b.signals, a.signals) << what;
      EXPECT_EQ(b.polling_us, a.polling_us) << what;
      EXPECT_EQ(b.first_byte_us, a.first_byte_us) << what;
      EXPECT_EQ(b.done_us, a.done_us + shift) << what;
      if (::testing::Test::HasFailure()) return;
    }
  }
}

// A random program for one thread: set some sockets non-blocking, maybe register them with
// epoll, then loop until everything is read over random ops; the body always ends with a
// non-blocking recvfrom on every connection, so nothing can stay unread for ever unless an
// edge-triggered fd is waited on after a read that did not drain it.
std::string RandomProgram(std::mt19937& rng, std::size_t nfds, bool& can_stall) {
  std::uniform_int_distribution<int> pick(0, 6), coin(0, 1), us(1, 40);
  std::uniform_int_distribution<std::size_t> fd(0, nfds - 1);
  std::string p = R"([{"op": "set_nonblock", "fd": "all"})";
  const int poller = std::uniform_int_distribution<int>(0, 2)(rng);  // select, poll, epoll
  const bool edge = poller == 2 && coin(rng);
  if (poller == 2) {
    p += R"(, {"op": "epoll_create"}, {"op": "epoll_ctl", "fd": "all", "events": ")";
    p += edge ? "in|et\"}" : "in\"}";
  }
  p += R"(, {"op": "loop", "until": "all_read", "body": [)";
  const int n = 1 + std::uniform_int_distribution<int>(0, 4)(rng);
  can_stall = false;
  for (int i = 0; i < n; ++i) {
    switch (pick(rng)) {
      case 0:
        p += R"({"op": "work", "us": )" + std::to_string(us(rng)) + "}, ";
        break;
      case 1:
        p += R"({"op": "recvfrom", "fd": "f)" + std::to_string(fd(rng)) + "\"}, ";
        break;
      case 2:
      case 3: {
        // A readiness call that sleeps while nothing is readable, then reads what it said.
        p += poller == 0   ? R"({"op": "select", "fds": "all"}, )"
             : poller == 1 ? R"({"op": "poll", "fds": "all"}, )"
                           : R"({"op": "epoll_wait"}, )";
        const bool drain = coin(rng);
        p += drain ? R"({"op": "recvfrom", "fd": "ready", "until": "eagain"}, )"
                   : R"({"op": "recvfrom", "fd": "ready"}, )";
        if (edge) can_stall = true;
        break;
      }
      case 4:
        p += R"({"op": "pause", "us": )" + std::to_string(us(rng)) + "}, ";
        break;
      default:
        p += R"({"op": "recvfrom", "fd": "all", "until": "eagain"}, )";
        break;
    }
  }
  p += R"({"op": "recvfrom", "fd": "all"}, {"op": "pause", "us": 5}]}])";
  return p;
}

TEST(IoProgramProperty, RandomProgramsReadEveryByteAtMostOnceAndInOrder) {
  std::mt19937 rng(20261205);
  for (int round = 0; round < 200; ++round) {
    const Sched s = RandomSched(rng);
    bool can_stall = false;
    const std::string prog = RandomProgram(rng, s.fds.size(), can_stall);
    const std::string text = test::Scenario(
        R"("model": "multiplex", "read_bytes": )" + std::to_string(s.read_bytes), FdsJson(s, 0),
        R"("idle_fds": )" + std::to_string(s.idle) + R"(, "threads": [{"program": )" + prog + "}]");
    auto l = test::LoadIo(text);
    ASSERT_TRUE(l.run) << l.result.diags.FormatAll() << "\n" << text;
    std::vector<std::int64_t> next(s.fds.size()), arrived(s.fds.size()), total(s.fds.size());
    for (std::size_t i = 0; i < s.fds.size(); ++i) {
      for (const auto& a : s.fds[i]) total[i] += a.second;
    }
    for (std::size_t st = 0; st < l.run->StepCount(); ++st) {
      for (const Event& e : l.run->GetTimeline().Events(st)) {
        if (e.kind == EventKind::kArrive) arrived[std::size_t(e.fd)] += e.n;
        if (e.kind != EventKind::kReadDone) continue;
        std::int64_t& off = next[std::size_t(e.fd)];
        ASSERT_EQ(e.n2, off) << "step " << st << "\n" << text;
        ASSERT_GT(e.n, 0);
        off += e.n;
        ASSERT_LE(off, arrived[std::size_t(e.fd)]) << "read ahead of arrival\n" << text;
      }
    }
    const World& w = test::Last(*l.run).worlds[0];
    EXPECT_TRUE(w.finished) << text;
    if (!can_stall) {
      EXPECT_FALSE(w.stalled) << text;
      for (std::size_t i = 0; i < s.fds.size(); ++i) EXPECT_EQ(next[i], total[i]) << text;
    }
    EXPECT_TRUE(l.run->GetTimeline().SeekMatchesReplay());
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace gs::io
