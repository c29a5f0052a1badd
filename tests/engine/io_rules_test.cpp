// Rule tests of the io topic, one per model and mechanism. Expected numbers are worked out by
// hand from the model's rules with the default costs: a syscall takes 1 µs, copying 1 KiB
// takes 1 µs, the kernel checks 100 fds per µs, nio pauses 20 µs after a round with nothing.
// The Linux behaviour each rule follows is cited from its man page and was checked on this
// machine by tests/realos/io_facts.c (output in tests/realos/io_facts.expected).
#include <gtest/gtest.h>

#include "tests/engine/io_support.h"

namespace gs::io {
namespace {

using test::At;
using test::Last;
using test::LoadIo;
using test::Scenario;

const char* kOneFd = R"({"id": "a", "arrivals": [{"at": 100, "bytes": 1024}]})";

TEST(IoBio, RecvfromBlocksThroughPhaseOneThenCopies) {
  // recvfrom(2) on a blocking socket sleeps until data arrives; then it copies (phase 2).
  auto l = LoadIo(Scenario(R"("model": "bio")", kOneFd));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  State before = At(*l.run, 99);
  EXPECT_EQ(before.worlds[0].threads[0].state, ThreadState::kBlocked);
  EXPECT_EQ(before.worlds[0].threads[0].call, Call::kRecvfrom);
  // At 100 the packet arrives: the kernel wakes the thread and the 1 µs copy starts.
  State arrived = At(*l.run, 100);
  EXPECT_EQ(arrived.worlds[0].threads[0].state, ThreadState::kCopying);
  EXPECT_EQ(arrived.worlds[0].fds[0].read, 0);
  // At 101 recvfrom returns 1024 bytes, and the loop calls recvfrom again, which blocks.
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.fds[0].read, 1024);
  EXPECT_EQ(w.c.syscalls, 2);
  EXPECT_EQ(w.c.eagain, 0);
  EXPECT_EQ(w.c.first_byte_us, 1);
  EXPECT_EQ(w.threads[0].state, ThreadState::kBlocked);
}

TEST(IoBio, NeedsAThreadPerConnectionIdleOrNot) {
  auto l = LoadIo(Scenario(R"("model": "bio")", kOneFd, R"("idle_fds": 99)"));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  EXPECT_EQ(Last(*l.run).worlds[0].c.threads, 100);
}

TEST(IoNio, EmptySocketReturnsEagainAndTheLoopRetries) {
  // recvfrom(2): O_NONBLOCK and nothing queued -> EAGAIN at once (io_facts: "-1 EAGAIN").
  // Rounds: EAGAIN at 0, 21, 42, 63, 84 (1 µs call + 20 µs pause each); the data arrives at
  // 100; the round at 105 copies it (1 µs call + 1 µs copy): read at 107.
  auto l = LoadIo(Scenario(R"("model": "nio")", kOneFd));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.eagain, 5);
  EXPECT_EQ(w.c.syscalls, 6);
  EXPECT_EQ(w.c.polling_us, 5);
  EXPECT_EQ(w.c.first_byte_us, 7);
  EXPECT_EQ(w.threads[0].state, ThreadState::kDone);
}

const char* kThreeFds = R"({"id": "a", "arrivals": [{"at": 10, "bytes": 100}]}, {"id": "b"},
                           {"id": "c"})";

TEST(IoSelect, CopiesTheBitmapBothWaysAndScansEveryFd) {
  // select(2): nfds = highest fd + 1 = 6 (fds 3, 4, 5), one 8-byte long of bitmap in and out.
  // t0 select scans 3 (until 2), nothing: sleeps. t10 a arrives: woken, the kernel scans all
  // 3 again (until 11); returns 1 ready, the caller tests all 3 with FD_ISSET (until 12);
  // recvfrom copies 100 B (until 14); select again scans 3 and sleeps.
  auto l = LoadIo(Scenario(R"("model": "multiplex", "poller": "select")", kThreeFds));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.syscalls, 3);  // select, recvfrom, select
  EXPECT_EQ(w.c.kernel_scanned, 9);
  EXPECT_EQ(w.c.user_scanned, 3);
  EXPECT_EQ(w.c.meta_bytes, 8 + 8 + 8);
  EXPECT_EQ(w.c.first_byte_us, 4);
  EXPECT_EQ(w.threads[0].state, ThreadState::kBlocked);
  EXPECT_EQ(w.threads[0].call, Call::kSelect);
}

TEST(IoPoll, CopiesThePollfdArrayInAndReventsOut) {
  // poll(2): 3 pollfds of 8 bytes in per call (24, twice), revents (2 bytes each) out once.
  auto l = LoadIo(Scenario(R"("model": "multiplex", "poller": "poll")", kThreeFds));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.kernel_scanned, 9);
  EXPECT_EQ(w.c.user_scanned, 3);
  EXPECT_EQ(w.c.meta_bytes, 24 + 6 + 24);
}

TEST(IoEpoll, RegistersOnceAndReturnsOnlyReadyFds) {
  // epoll(7): epoll_create1 (t0), epoll_ctl x3 (t1..4, 12-byte events in), epoll_wait sleeps
  // at 4. t10: the callback puts a on the ready list and wakes the waiter: 1 entry checked,
  // 1 event (12 B) out (until 11); the caller looks at 1 event (until 12); recvfrom (until
  // 14); epoll_wait finds a no longer readable (1 more entry checked) and sleeps.
  // io_facts: "epoll_wait with 100 registered, 2 written: 2 events".
  auto l = LoadIo(Scenario(R"("model": "multiplex", "poller": "epoll")", kThreeFds));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.syscalls, 1 + 3 + 1 + 1 + 1);
  EXPECT_EQ(w.c.kernel_scanned, 2);
  EXPECT_EQ(w.c.user_scanned, 1);
  EXPECT_EQ(w.c.meta_bytes, 36 + 12);
  EXPECT_EQ(w.c.first_byte_us, 4);
  EXPECT_TRUE(w.rdllist.empty());
}

TEST(IoMultiplex, TenThousandMostlyIdleConnections) {
  // 3 + 9,997 idle connections; a's packet comes at 20,000 µs, after epoll has registered all
  // 10,000 (10,000 µs of epoll_ctl).
  //  select: fds reach 10,002 >= FD_SETSIZE: it fails (glibc aborts; select_fd_setsize).
  //  poll: t0 scans 10,000 (1 + 100 µs), sleeps; t20000 woken, scans 10,000 (until 20100),
  //   returns 1, the caller tests 10,000 revents (until 20200), recvfrom (until 20202), poll
  //   scans 10,000 again: 30,000 kernel checks; 80,000 B in per call, 20,000 B revents out.
  //  epoll: 2 ready-list checks and 1 event looked at, whatever the number of connections.
  const std::string fds = R"({"id": "a", "arrivals": [{"at": 20000, "bytes": 100}]},
                             {"id": "b"}, {"id": "c"})";
  auto l =
      LoadIo(Scenario(R"("compare": ["select", "poll", "epoll"])", fds, R"("idle_fds": 9997)"));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const State& s = Last(*l.run);
  EXPECT_EQ(s.worlds[0].error, LaneError::kFdSetSize);
  EXPECT_EQ(s.worlds[0].fds[0].read, 0);
  const Counters& poll = s.worlds[1].c;
  EXPECT_EQ(poll.kernel_scanned, 30000);
  EXPECT_EQ(poll.user_scanned, 10000);
  EXPECT_EQ(poll.meta_bytes, 80000 + 20000 + 80000);
  EXPECT_EQ(poll.first_byte_us, 202);
  const Counters& ep = s.worlds[2].c;
  EXPECT_EQ(ep.kernel_scanned, 2);
  EXPECT_EQ(ep.user_scanned, 1);
  EXPECT_EQ(ep.meta_bytes, 12 * 10000 + 12);
  EXPECT_EQ(ep.first_byte_us, 4);
}

TEST(IoEpoll, EdgeTriggeredReadThatDoesNotDrainMissesTheWakeUp) {
  // epoll(7) "Level-triggered and edge-triggered": 2 KiB arrive, the reader takes 1 KiB and
  // waits again. Level-triggered reports the fd again; edge-triggered does not, until new
  // data arrives (io_facts: LT "wait again=1", ET "wait again=0, after 10 more bytes=1").
  const std::string fds = R"({"id": "a", "arrivals": [{"at": 10, "bytes": 2048}]})";
  const std::string script =
      R"([{"op": "run"}, {"op": "arrive", "fd": "a", "bytes": 10}, {"op": "run"}])";
  auto l = LoadIo(Scenario(R"("compare": ["epoll", "epoll_et"], "read_bytes": 1024,
                              "read_until_eagain": false)",
                           fds, "", script));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  // After the first run op: LT read both halves; ET read one and is stuck.
  std::size_t end_of_run = 0;
  for (std::size_t s = 0; s < l.run->StepCount(); ++s) {
    if (l.run->OpIndex(s) == 0) end_of_run = s;
  }
  State mid = l.run->GetTimeline().StateAt(end_of_run);
  EXPECT_EQ(mid.worlds[0].fds[0].read, 2048);
  EXPECT_FALSE(mid.worlds[0].stalled);
  EXPECT_EQ(mid.worlds[1].fds[0].read, 1024);
  EXPECT_TRUE(mid.worlds[1].stalled);
  EXPECT_EQ(mid.worlds[1].fds[0].rcvbuf, 1024);
  EXPECT_EQ(mid.worlds[1].threads[0].call, Call::kEpollWait);
  // 10 more bytes are a new edge: ET reports a again and reads 1024 of the 1034 waiting.
  const State& end = Last(*l.run);
  EXPECT_EQ(end.worlds[1].fds[0].read, 2048);
  EXPECT_EQ(end.worlds[1].fds[0].rcvbuf, 10);
  EXPECT_TRUE(end.worlds[1].stalled);
  EXPECT_EQ(end.worlds[0].fds[0].read, 2058);
}

TEST(IoSignal, SigioAnnouncesAndTheHandlerStillCopies) {
  // fcntl(2): F_SETOWN + F_SETSIG + O_ASYNC -> a signal with si_fd when input arrives; the
  // data is still in the socket (io_facts: "4 bytes still to copy"), so the handler copies.
  // Setup: sigaction + 3 fcntl. Each of the 2 packets: signal, recvfrom copies, recvfrom
  // EAGAIN (the handler drains), rt_sigreturn: 3 calls.
  const std::string fds =
      R"({"id": "a", "arrivals": [{"at": 100, "bytes": 1024}, {"at": 300, "bytes": 1024}]})";
  auto l = LoadIo(Scenario(R"("model": "signal")", fds));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  State copying = At(*l.run, 100);
  EXPECT_EQ(copying.worlds[0].threads[0].state, ThreadState::kCopying);
  State between = At(*l.run, 200);
  EXPECT_EQ(between.worlds[0].threads[0].state, ThreadState::kWork);
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.signals, 2);
  EXPECT_EQ(w.c.eagain, 2);
  EXPECT_EQ(w.c.syscalls, 1 + 3 + 2 * 3);
  // Arrival at 100, handler at 100, copy until 102.
  EXPECT_EQ(w.c.first_byte_us, 2);
}

TEST(IoAsync, TheKernelDoesBothPhasesAndTheThreadNeverWaits) {
  // aio(7): aio_read queues the request; the kernel fills the buffer and completes it. One
  // aio_read (t0), the data arrives at 100 and is copied by the kernel (until 101), then the
  // thread reaps it (aio_return) and queues the next read: 3 calls.
  auto l = LoadIo(Scenario(R"("model": "async")", kOneFd));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  for (std::size_t s = 0; s < l.run->StepCount(); ++s) {
    const ThreadState st = l.run->GetTimeline().StateAt(s).worlds[0].threads[0].state;
    EXPECT_NE(st, ThreadState::kBlocked) << "step " << s;
    EXPECT_NE(st, ThreadState::kCopying) << "step " << s;
  }
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.syscalls, 3);
  EXPECT_EQ(w.c.first_byte_us, 1);
  EXPECT_EQ(w.fds[0].read, 1024);
}

TEST(IoCompare, FiveModelsOnOnePacketFromHandCalculation) {
  // One 1 KiB packet at 100 µs, the five models side by side (each worked out in the tests
  // above): latency to the first byte, syscalls, EAGAINs.
  //  bio 1 µs, 2 calls; nio 7 µs, 6 calls (5 EAGAIN); epoll 4 µs, 5 calls (create, ctl,
  //  wait, recvfrom, wait); signal 2 µs, 7 calls (sigaction, 3 fcntl, recvfrom, EAGAIN,
  //  rt_sigreturn); async 1 µs, 3 calls (aio_read, aio_return, aio_read).
  auto l = LoadIo(Scenario(R"("compare": ["bio", "nio", "epoll", "signal", "async"])", kOneFd));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const State& s = Last(*l.run);
  const std::int64_t latency[] = {1, 7, 4, 2, 1};
  const std::int64_t calls[] = {2, 6, 5, 7, 3};
  const std::int64_t eagain[] = {0, 5, 0, 1, 0};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(s.worlds[i].c.first_byte_us, latency[i]) << l.run->Prog().lanes[i].name;
    EXPECT_EQ(s.worlds[i].c.syscalls, calls[i]) << l.run->Prog().lanes[i].name;
    EXPECT_EQ(s.worlds[i].c.eagain, eagain[i]) << l.run->Prog().lanes[i].name;
    EXPECT_TRUE(s.worlds[i].finished);
  }
}

TEST(IoSandbox, APacketArrivingNowIsReadInEveryLane) {
  const std::string script = R"([{"op": "run"}, {"op": "arrive", "fd": "a", "bytes": 300},
                                 {"op": "run"}])";
  auto l = LoadIo(
      Scenario(R"("compare": ["bio", "nio", "epoll", "signal", "async"])", kOneFd, "", script));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  for (const World& w : Last(*l.run).worlds) {
    EXPECT_EQ(w.fds[0].read, 1324);
    EXPECT_TRUE(w.finished);
  }
}

TEST(IoSandbox, ARunCutAtAStepReplaysTheSameStepsThenThePacketArrivesThere) {
  // Record by demonstration: the run op cut after step 30 becomes "until" that step's time;
  // the same 31 states come first (same hashes), then the sandbox's packet arrives at that
  // time in every lane.
  auto full = LoadIo(Scenario(R"("compare": ["bio", "nio", "epoll", "signal", "async"])",
                              R"({"id": "a", "arrivals": [{"at": 100, "bytes": 1024}]},
                                 {"id": "b", "arrivals": [{"at": 250, "bytes": 2048}]})"));
  ASSERT_TRUE(full.run) << full.result.diags.FormatAll();
  const std::size_t step = 30;
  ASSERT_LT(step, full.run->StepCount());
  const Json cut = full.run->CutOpAt(Json{{"op", "run"}}, step);
  ASSERT_EQ(cut["op"], "until");
  EXPECT_EQ(cut["us"], full.run->TimeAt(step));
  // Built with += (GCC 12 gives a false -Wrestrict on "[" + std::string).
  std::string script = "[";
  script += cut.dump();
  script += R"(, {"op": "arrive", "fd": "b", "bytes": 300}, {"op": "run"}])";
  auto cutrun = LoadIo(Scenario(R"("compare": ["bio", "nio", "epoll", "signal", "async"])",
                                R"({"id": "a", "arrivals": [{"at": 100, "bytes": 1024}]},
                                   {"id": "b", "arrivals": [{"at": 250, "bytes": 2048}]})",
                                "", script));
  ASSERT_TRUE(cutrun.run) << cutrun.result.diags.FormatAll();
  for (std::size_t s = 0; s <= step; ++s) {
    ASSERT_EQ(cutrun.run->Hash(s), full.run->Hash(s)) << "step " << s;
  }
  EXPECT_EQ(cutrun.run->OpIndex(step + 1), 1);  // the arrive op comes right after
  EXPECT_EQ(cutrun.run->TimeAt(step + 1), full.run->TimeAt(step));
  for (const World& w : Last(*cutrun.run).worlds) EXPECT_EQ(w.fds[1].read, 2348);
}

TEST(IoLimits, AFloodOfPacketsStopsAtKMaxArrivals) {
  // 2 connections with 5,001 packets each: a's 5,001 and b's first 4,999 make 10,000, so
  // b's packet at index 4999 is the 10,001st, over the limit; the error names it.
  std::string fds;
  for (const char* id : {"a", "b"}) {
    if (!fds.empty()) fds += ", ";
    fds += R"({"id": ")";
    fds += id;
    fds += R"(", "arrivals": [)";
    for (int k = 0; k < 5001; ++k) fds += std::string(k ? ", " : "") + R"({"at": 1, "bytes": 1})";
    fds += "]}";
  }
  auto l = LoadIo(Scenario(R"("model": "bio")", fds));
  EXPECT_FALSE(l.run);
  EXPECT_NE(l.result.diags.FormatAll().find("/fds/1/arrivals/4999: more than the limit "
                                            "kMaxArrivals = 10000"),
            std::string::npos)
      << l.result.diags.FormatAll();
}

}  // namespace
}  // namespace gs::io
