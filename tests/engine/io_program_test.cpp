// User-written thread programs ("threads": [{"program": [...]}]). Rule tests reason from the
// man pages with the default costs (a syscall 1 µs, copying 1 KiB 1 µs, the kernel checks 100
// fds per µs), each expected number worked out in the comment above it; then a program doing
// what a canonical loop does must give the canonical counters, and the loader's errors.
#include <gtest/gtest.h>

#include "tests/engine/io_support.h"

namespace gs::io {
namespace {

using test::At;
using test::Last;
using test::LoadIo;
using test::Scenario;

std::string Threads(const std::string& programs) {
  return R"("threads": [)" + programs + "]";
}

TEST(IoProgram, OneBlockingThreadReadingTwoSocketsWaitsOnTheFirst) {
  // recvfrom(2) on a blocking socket sleeps until that socket has data. One thread reads a,
  // then b: b's 100 B arrive at 10 but the thread sleeps on a until a's 1 KiB at 100.
  // t0 recvfrom(a) sleeps (syscall 1); t100 woken, copies 1 KiB (1 µs); t101 returns;
  // recvfrom(b) finds 100 B: 1 µs call + 1 µs copy; t103 returns. First byte in user space at
  // 101, 91 µs after the first arrival (b's, at 10). The loop calls recvfrom(a) again and
  // sleeps (syscall 3); every byte is read, so the lane is done at 103.
  auto l =
      LoadIo(Scenario(R"("model": "bio")",
                      R"({"id": "a", "arrivals": [{"at": 100, "bytes": 1024}]},
         {"id": "b", "arrivals": [{"at": 10, "bytes": 100}]})",
                      Threads(R"({"program": [{"op": "loop", "body": [{"op": "recvfrom", "fd": "a"},
                                                      {"op": "recvfrom", "fd": "b"}]}]})")));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  EXPECT_EQ(At(*l.run, 101).worlds[0].fds[1].read, 0);  // b's data still waits in the kernel
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.syscalls, 3);
  EXPECT_EQ(w.c.first_byte_us, 91);
  EXPECT_EQ(w.c.done_us, 103);
  EXPECT_EQ(w.c.threads, 1);
  EXPECT_EQ(w.threads[0].state, ThreadState::kBlocked);
}

TEST(IoProgram, SetNonblockTurnsTheSleepIntoEagain) {
  // fcntl(2) F_SETFL O_NONBLOCK, then recvfrom(2) on an empty socket fails with EAGAIN.
  // t0 fcntl (until 1); rounds at 1, 22, 43: EAGAIN (1 µs) then pause 20 µs (nothing read);
  // after 3 rounds the program ends at 64, before a's packet at 100: 4 syscalls, 3 EAGAIN.
  const std::string fds = R"({"id": "a", "arrivals": [{"at": 100, "bytes": 1024}]})";
  const std::string body = R"([{"op": "recvfrom", "fd": "a"}, {"op": "pause", "us": 20}])";
  auto nb = LoadIo(Scenario(R"("model": "nio")", fds,
                            Threads(R"({"program": [{"op": "set_nonblock", "fd": "a"},
                                        {"op": "loop", "times": 3, "body": )" +
                                    body + "}]}")));
  ASSERT_TRUE(nb.run) << nb.result.diags.FormatAll();
  const World& w = Last(*nb.run).worlds[0];
  EXPECT_EQ(w.c.syscalls, 4);
  EXPECT_EQ(w.c.eagain, 3);
  EXPECT_EQ(w.c.polling_us, 3);
  EXPECT_EQ(w.threads[0].state, ThreadState::kDone);
  EXPECT_EQ(w.threads[0].since, 64);
  EXPECT_EQ(w.fds[0].read, 0);
  EXPECT_TRUE(w.stalled);  // the packet came after the program ended
  // Without set_nonblock the first recvfrom sleeps until 100 instead: no EAGAIN at all; the
  // second round's recvfrom sleeps again (2 syscalls), and a's 1 KiB is read at 101.
  auto bl = LoadIo(
      Scenario(R"("model": "nio")", fds,
               Threads(R"({"program": [{"op": "loop", "times": 3, "body": )" + body + "}]}")));
  ASSERT_TRUE(bl.run) << bl.result.diags.FormatAll();
  const World& b = Last(*bl.run).worlds[0];
  EXPECT_EQ(b.c.eagain, 0);
  EXPECT_EQ(b.c.syscalls, 2);
  EXPECT_EQ(b.c.done_us, 101);
}

TEST(IoProgram, SelectWatchesOnlyTheFdsInItsSet) {
  // select(2) reports readiness only for the descriptors in readfds. Set {a, c} (fds 3 and 5:
  // nfds 6, one 8-byte long each way); b (fd 4) gets 100 B at 10, c 100 B at 20.
  // t0 select: copies 8 B in, checks 2 fds (1 µs call + 1 µs scan), sleeps at 2 — b's
  // arrival at 10 wakes nobody. t20 c: woken, the kernel checks the 2 again (until 21),
  // returns c (8 B out), the caller tests 2 with FD_ISSET (until 22); recvfrom(c) until 24;
  // select again: 8 B in, 2 checked, sleeps at 26. b's 100 B are never read.
  // Counters: 3 syscalls, 6 kernel checks, 2 user checks, 24 B of fd_set, polling 4 µs.
  auto l = LoadIo(
      Scenario(R"("model": "multiplex")",
               R"({"id": "a"}, {"id": "b", "arrivals": [{"at": 10, "bytes": 100}]},
         {"id": "c", "arrivals": [{"at": 20, "bytes": 100}]})",
               Threads(R"({"program": [{"op": "loop", "body": [{"op": "select", "fds": ["a", "c"]},
                                                      {"op": "recvfrom", "fd": "ready"}]}]})")));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  EXPECT_EQ(l.run->Prog().lanes[0].name, "select");
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.syscalls, 3);
  EXPECT_EQ(w.c.kernel_scanned, 6);
  EXPECT_EQ(w.c.user_scanned, 2);
  EXPECT_EQ(w.c.meta_bytes, 24);
  EXPECT_EQ(w.c.polling_us, 4);
  EXPECT_EQ(w.fds[2].read, 100);
  EXPECT_EQ(w.fds[1].read, 0);
  EXPECT_TRUE(w.stalled);
  EXPECT_EQ(w.threads[0].call, Call::kSelect);
}

TEST(IoProgram, PollCopiesOnePollfdPerWatchedFd) {
  // poll(2): the same program with poll copies 8 B per pollfd in on every call (2 x 16) and
  // 2 B of revents per pollfd out when it returns (4): 36 B.
  auto l = LoadIo(
      Scenario(R"("model": "multiplex")",
               R"({"id": "a"}, {"id": "b", "arrivals": [{"at": 10, "bytes": 100}]},
         {"id": "c", "arrivals": [{"at": 20, "bytes": 100}]})",
               Threads(R"({"program": [{"op": "loop", "body": [{"op": "poll", "fds": ["a", "c"]},
                                                      {"op": "recvfrom", "fd": "ready"}]}]})")));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  EXPECT_EQ(l.run->Prog().lanes[0].name, "poll");
  EXPECT_EQ(Last(*l.run).worlds[0].c.meta_bytes, 16 + 4 + 16);
}

const char* kEtFd = R"({"id": "a", "arrivals": [{"at": 10, "bytes": 2048}]})";

TEST(IoProgram, EdgeTriggeredFdThatIsNotDrainedIsNotReportedAgain) {
  // epoll(7), the 2 kB / 1 kB example: with EPOLLET, epoll_wait reports an fd once per
  // arrival; a read that leaves data behind gets no second report.
  // t0 epoll_create1 (until 1); t1 epoll_ctl(a, EPOLLIN|EPOLLET) (12 B in, until 2); t2
  // epoll_wait sleeps. t10 2 KiB: the callback puts a on the ready list and wakes the
  // waiter; 1 entry checked, a leaves the list (ET), 12 B out (until 11); the caller looks at
  // 1 event (until 12); recvfrom(a) takes read_bytes = 1 KiB (until 14); epoll_wait finds
  // the ready list empty and sleeps (syscall 5). 1 KiB stays unread: the lane stalls.
  auto l = LoadIo(Scenario(R"("model": "multiplex", "read_bytes": 1024)", kEtFd,
                           Threads(R"({"program": [{"op": "epoll_create"},
                              {"op": "epoll_ctl", "fd": "a", "events": "in|et"},
                              {"op": "loop", "body": [{"op": "epoll_wait"},
                                                     {"op": "recvfrom", "fd": "ready"}]}]})")));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  EXPECT_EQ(l.run->Prog().lanes[0].name, "epoll_et");
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.syscalls, 5);
  EXPECT_EQ(w.c.setup, 2);  // epoll_create1 and epoll_ctl: paid once
  EXPECT_EQ(w.c.kernel_scanned, 1);
  EXPECT_EQ(w.c.meta_bytes, 24);
  EXPECT_EQ(w.fds[0].read, 1024);
  EXPECT_EQ(w.fds[0].rcvbuf, 1024);
  EXPECT_TRUE(w.stalled);
  EXPECT_TRUE(w.rdllist.empty());
}

TEST(IoProgram, ASandboxPacketReArmsTheEdgeAndTheOldestBytesAreRead) {
  // The same program; after it stalls with 1 KiB left, the sandbox sends 10 more bytes on a:
  // new data is a new edge (epoll(7)), the waiter is woken and its one recvfrom takes the
  // oldest 1 KiB (bytes 1024-2048); the 10 new bytes are now the ones nothing announces.
  auto l = LoadIo(
      Scenario(R"("model": "multiplex", "read_bytes": 1024)", kEtFd,
               Threads(R"({"program": [{"op": "epoll_create"},
                              {"op": "epoll_ctl", "fd": "a", "events": "in|et"},
                              {"op": "loop", "body": [{"op": "epoll_wait"},
                                                     {"op": "recvfrom", "fd": "ready"}]}]})"),
               R"([{"op": "run"}, {"op": "arrive", "fd": "a", "bytes": 10}, {"op": "run"}])"));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.fds[0].read, 2048);
  EXPECT_EQ(w.fds[0].rcvbuf, 10);
  EXPECT_TRUE(w.stalled);
  EXPECT_EQ(w.threads[0].call, Call::kEpollWait);
}

TEST(IoProgram, EdgeTriggeredFdDrainedUntilEagainIsReadCompletely) {
  // The fix epoll(7) gives: O_NONBLOCK and read until EAGAIN. t0 fcntl (until 1), t1
  // epoll_create1, t2 epoll_ctl, t3 epoll_wait sleeps (syscall 4). t10 woken (until 11),
  // events looked at (until 12), recvfrom 1 KiB (syscall 5, until 14), recvfrom the second
  // KiB (syscall 6, until 16): every byte is read at 16; recvfrom once more: EAGAIN
  // (syscall 7). Counted when the last byte was read: 7 syscalls, 1 EAGAIN.
  auto l = LoadIo(
      Scenario(R"("model": "multiplex", "read_bytes": 1024)", kEtFd,
               Threads(R"({"program": [{"op": "set_nonblock", "fd": "a"}, {"op": "epoll_create"},
                              {"op": "epoll_ctl", "fd": "a", "events": "in|et"},
                              {"op": "loop", "body": [{"op": "epoll_wait"},
                                  {"op": "recvfrom", "fd": "ready", "until": "eagain"}]}]})")));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.fds[0].read, 2048);
  EXPECT_FALSE(w.stalled);
  EXPECT_EQ(w.c.done_us, 16);
  EXPECT_EQ(w.c.syscalls, 7);
  EXPECT_EQ(w.c.eagain, 1);
}

TEST(IoProgram, SigioInterruptsWorkAndTheHandlerDrainsTheFd) {
  // fcntl(2) F_SETOWN/F_SETSIG/O_ASYNC: SIGIO for a interrupts the thread's work.
  // t0 sigaction (until 1); t1 3 fcntl for a (until 4); t4 work 100 µs, to end at 104.
  // t30 1 KiB on a: SIGIO, the handler's recvfrom copies (1 + 1 µs, until 32) and, in the
  // same instant, calls recvfrom again: EAGAIN. Every byte is read at 32, so the simulation
  // stops the threads there: 1 + 3 + 1 + 1 syscalls, the work still due to end at 104.
  auto l = LoadIo(Scenario(
      R"("model": "signal")", R"({"id": "a", "arrivals": [{"at": 30, "bytes": 1024}]})",
      Threads(R"({"program": [{"op": "sigaction", "fd": "a"}, {"op": "work", "us": 100}]})"),
      R"([{"op": "until", "us": 60}])"));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.signals, 1);
  EXPECT_EQ(w.c.syscalls, 1 + 3 + 1 + 1);
  EXPECT_EQ(w.c.eagain, 1);
  EXPECT_EQ(w.threads[0].state, ThreadState::kPolling);
  EXPECT_EQ(w.c.done_us, 32);
  EXPECT_EQ(w.threads[0].work_end, 104);
}

TEST(IoProgram, AioReadIsCopiedByTheKernelAndReapedByTheThread) {
  // aio(7): t0 aio_read(a) (until 1); work 50 µs. t10 2 KiB arrive: the kernel copies them
  // into the request's buffer (2 µs); t12 complete: the thread's work is interrupted and it
  // reaps the completion with aio_return. Every byte is read at 12, where the simulation
  // stops: 2 syscalls, no recvfrom, and the thread never copied a byte itself.
  auto l = LoadIo(Scenario(
      R"("model": "async")", R"({"id": "a", "arrivals": [{"at": 10, "bytes": 2048}]})",
      Threads(R"({"program": [{"op": "aio_read", "fd": "a"}, {"op": "work", "us": 50}]})")));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const World& w = Last(*l.run).worlds[0];
  EXPECT_EQ(w.c.done_us, 12);
  EXPECT_EQ(w.c.syscalls, 2);
  EXPECT_EQ(w.fds[0].read, 2048);
  EXPECT_EQ(w.threads[0].state, ThreadState::kHandler);
}

TEST(IoSetup, EpollRegistersEveryConnectionOnceAndPollNever) {
  // epoll_ctl(2) once per fd: with 10,000 connections epoll makes 1 + 10,000 set-up calls, and
  // after them one call per wait; poll(2) has no set-up, it passes all 10,000 on every call.
  auto l = LoadIo(Scenario(R"("compare": ["poll", "epoll"])",
                           R"({"id": "a", "arrivals": [{"at": 20000, "bytes": 100}]})",
                           R"("idle_fds": 9999)"));
  ASSERT_TRUE(l.run) << l.result.diags.FormatAll();
  const State& s = Last(*l.run);
  EXPECT_EQ(s.worlds[0].c.setup, 0);
  EXPECT_EQ(s.worlds[1].c.setup, 10001);
  // epoll_wait sleeps, wakes for a, epoll_wait again; plus one recvfrom.
  EXPECT_EQ(s.worlds[1].c.syscalls, 10001 + 2 + 1);
}

}  // namespace
}  // namespace gs::io
