// Property: for random arrival schedules, under every model (all eight lanes side by side),
// every byte that arrives is read exactly once and in order: each fd's reads (recvfrom
// returns, or asynchronous completions) cover [0, total) with no gap and no overlap, never
// ahead of what has arrived, and every lane finishes. The schedules come from a fixed seed,
// so a failure names a reproducible case.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/engine/io_support.h"

namespace gs::io {
namespace {

std::string RandomScenario(std::mt19937& rng, std::vector<std::int64_t>& totals) {
  std::uniform_int_distribution<int> nfds(1, 5), narr(0, 6), at(0, 2000), bytes(1, 6000);
  std::uniform_int_distribution<int> buf(256, 4096), work(0, 3);
  std::string fds;
  const int n = nfds(rng);
  totals.assign(std::size_t(n), 0);
  for (int i = 0; i < n; ++i) {
    std::string arr;
    const int k = narr(rng);
    for (int j = 0; j < k; ++j) {
      const int b = bytes(rng);
      totals[std::size_t(i)] += b;
      arr += (j ? ", " : "") + std::string(R"({"at": )") + std::to_string(at(rng)) +
             R"(, "bytes": )" + std::to_string(b) + "}";
    }
    fds += (i ? ", " : "") + std::string(R"({"id": "f)") + std::to_string(i) +
           R"(", "arrivals": [)" + arr + "]}";
  }
  const std::string config =
      R"("compare": ["bio", "nio", "select", "poll", "epoll", "epoll_et", "signal", "async"],
         "read_bytes": )" +
      std::to_string(buf(rng)) + R"(, "work_us": )" + std::to_string(work(rng));
  return test::Scenario(config, fds);
}

TEST(IoProperty, EveryByteIsReadExactlyOnceAndInOrderUnderEveryModel) {
  std::mt19937 rng(20261203);
  for (int round = 0; round < 150; ++round) {
    std::vector<std::int64_t> totals;
    const std::string text = RandomScenario(rng, totals);
    auto l = test::LoadIo(text);
    ASSERT_TRUE(l.run) << l.result.diags.FormatAll() << "\n" << text;
    const std::size_t lanes = l.run->Prog().lanes.size();
    // next[lane][fd]: the offset the next read must start at.
    std::vector<std::vector<std::int64_t>> next(lanes, std::vector<std::int64_t>(totals.size()));
    std::vector<std::vector<std::int64_t>> arrived(lanes, std::vector<std::int64_t>(totals.size()));
    for (std::size_t s = 0; s < l.run->StepCount(); ++s) {
      for (const Event& e : l.run->GetTimeline().Events(s)) {
        if (e.kind == EventKind::kArrive) arrived[e.lane][std::size_t(e.fd)] += e.n;
        if (e.kind != EventKind::kReadDone && e.kind != EventKind::kAioComplete) continue;
        std::int64_t& off = next[e.lane][std::size_t(e.fd)];
        ASSERT_EQ(e.n2, off) << "lane " << l.run->Prog().lanes[e.lane].name << " fd " << e.fd
                             << " step " << s << "\n"
                             << text;
        ASSERT_GT(e.n, 0);
        off += e.n;
        ASSERT_LE(off, arrived[e.lane][std::size_t(e.fd)]) << "read ahead of arrival\n" << text;
      }
    }
    const State& last = test::Last(*l.run);
    for (std::size_t lane = 0; lane < lanes; ++lane) {
      EXPECT_TRUE(last.worlds[lane].finished) << l.run->Prog().lanes[lane].name << "\n" << text;
      EXPECT_FALSE(last.worlds[lane].stalled) << l.run->Prog().lanes[lane].name << "\n" << text;
      for (std::size_t fd = 0; fd < totals.size(); ++fd) {
        EXPECT_EQ(next[lane][fd], totals[fd])
            << l.run->Prog().lanes[lane].name << " fd " << fd << "\n"
            << text;
      }
    }
    EXPECT_TRUE(l.run->GetTimeline().SeekMatchesReplay());
  }
}

}  // namespace
}  // namespace gs::io
