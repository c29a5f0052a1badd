// The ops of a user program. Each one charges what the canonical loops charge for the same
// call, in the same sub-steps, so a program that does what a canonical loop does gets the
// canonical counters (tests/engine/io_program_test.cpp checks nio and epoll):
//   recvfrom(2): blocking sockets sleep until data (bio), O_NONBLOCK ones return EAGAIN (nio).
//   select(2) / poll(2): the set copied in and scanned in full, scanned again when woken, and
//     re-scanned by the caller (FD_ISSET / revents) — O(n) on every call.
//   epoll(7): epoll_ctl once per fd; epoll_wait takes from the ready list, O(ready).
//   fcntl(2) F_SETOWN/F_SETSIG/O_ASYNC + sigaction(2); aio(7) aio_read.
#include "engine/io/lane_sim.h"
#include "engine/io/limits.h"

namespace gs::io {
namespace {

constexpr std::int64_t kEpollEventBytes = 12;  // struct epoll_event on x86-64 (packed)
constexpr std::int64_t kPollfdBytes = 8;       // struct pollfd: int fd; short events, revents

}  // namespace

void LaneSim::ProgRecvfrom(std::int32_t t, Thread& th, const PInstr& in) {
  if (th.stage == 1) {
    // The copy of phase 2 is over (after a wake-up too: the kernel started it then).
    FinishRead(t, th);
    th.read_this_round = true;
    if (!in.until_eagain) ++th.cursor;
    th.stage = 0;
    return;
  }
  const std::vector<std::int32_t>& list = in.ready ? th.ready : in.fds;
  if (th.cursor < std::int32_t(list.size())) {
    const std::int32_t fd = list[std::size_t(th.cursor)];
    // "all": the connections that still have bytes to come (as the canonical nio loop).
    if (in.all && FdFinished(fd)) {
      ++th.cursor;
      return;
    }
    th.fd = fd;
    if (Recvfrom(t, th, fd)) {
      th.stage = 1;
    } else if (m_w.fds[std::size_t(fd)].nonblock) {
      Eagain(t, th, fd, 1);
      ++th.cursor;
    } else {
      th.stage = 1;  // ArriveProgram wakes it and starts the copy
      Block(t, th, Call::kRecvfrom, true);
    }
    return;
  }
  const std::int64_t idle = TotalFds() - NamedFds();
  if (in.all && idle > 0 && th.cursor == std::int32_t(list.size())) {
    // Nothing ever arrives on the idle connections: one EAGAIN each, counted together.
    th.fd = kNone;
    Eagain(t, th, kNone, idle);
    ++th.cursor;
    return;
  }
  NextOp(th);
}

void LaneSim::ProgSelectPoll(std::int32_t t, Thread& th, const PInstr& in) {
  const bool sel = in.code == PCode::kSelect;
  const Call call = sel ? Call::kSelect : Call::kPoll;
  const std::int64_t n = in.nfds;
  // select copies nfds = highest fd + 1 bits (in whole longs); poll 8 bytes per pollfd.
  const std::int64_t set_bytes = sel ? 8 * ((in.maxfd + 1 + 63) / 64) : kPollfdBytes * n;
  switch (th.stage) {
    case 0:
      ++m_w.c.syscalls;
      m_w.c.meta_bytes += set_bytes;
      m_w.c.kernel_scanned += n;
      m_w.c.polling_us += ScanUs(n);
      Emit({.kind = EventKind::kScan, .call = call, .thread = t, .n = n, .n2 = set_bytes});
      Set(th, ThreadState::kPolling, call, m_now + m_p.config.syscall_us + ScanUs(n));
      th.stage = 1;
      return;
    case 1: {
      th.ready.clear();
      for (std::int32_t fd : in.fds) {
        if (m_w.fds[std::size_t(fd)].rcvbuf > 0) th.ready.push_back(fd);
      }
      if (th.ready.empty()) {
        th.stage = 2;
        th.fd = kNone;
        return Block(t, th, call, false, n);
      }
      const std::int64_t out = sel ? set_bytes : 2 * n;
      m_w.c.meta_bytes += out;
      Emit({.kind = EventKind::kReturnReady,
            .call = call,
            .thread = t,
            .n = std::int64_t(th.ready.size()),
            .n2 = out});
      m_w.c.user_scanned += n;
      m_w.c.polling_us += ScanUs(n);
      Emit({.kind = EventKind::kUserScan, .thread = t, .n = n});
      Set(th, ThreadState::kRunning, Call::kNoCall, m_now + ScanUs(n));
      th.stage = 4;
      return;
    }
    case 3:
      // Woken: the kernel walks the whole set again to see which fd it was.
      m_w.c.kernel_scanned += n;
      m_w.c.polling_us += ScanUs(n);
      Emit({.kind = EventKind::kScan, .call = call, .thread = t, .n = n, .n2 = 0});
      Set(th, ThreadState::kPolling, call, m_now + ScanUs(n));
      th.stage = 1;
      return;
    default:
      return NextOp(th);
  }
}

void LaneSim::ProgEpollWait(std::int32_t t, Thread& th) {
  switch (th.stage) {
    case 0:
    case 3: {
      if (th.stage == 0) ++m_w.c.syscalls;
      const std::int64_t k = CollectEpoll(th);
      if (k == 0) {
        th.stage = 2;
        th.fd = kNone;
        return Block(t, th, Call::kEpollWait, false);
      }
      m_w.c.meta_bytes += kEpollEventBytes * k;
      Emit({.kind = EventKind::kReturnReady,
            .call = Call::kEpollWait,
            .thread = t,
            .n = k,
            .n2 = kEpollEventBytes * k});
      Set(th, ThreadState::kPolling, Call::kEpollWait, m_now + m_p.config.syscall_us);
      th.stage = 4;
      return;
    }
    case 4: {
      const std::int64_t k = std::int64_t(th.ready.size());
      m_w.c.user_scanned += k;
      Emit({.kind = EventKind::kUserScan, .thread = t, .n = k});
      Set(th, ThreadState::kRunning, Call::kNoCall, m_now + ScanUs(k));
      th.stage = 5;
      return;
    }
    default:
      return NextOp(th);
  }
}

void LaneSim::ProgSetup(std::int32_t t, Thread& th, const PInstr& in) {
  const std::int64_t s = m_p.config.syscall_us;
  if (th.stage == 1 && in.code == PCode::kSigaction) {
    // Per fd: F_SETOWN (who gets the signal), F_SETSIG (with si_fd), F_SETFL
    // O_ASYNC|O_NONBLOCK. The fds are armed when the calls are done.
    const std::int64_t calls = 3 * in.nfds;
    m_w.c.syscalls += calls;
    m_w.c.setup += calls;
    Emit({.kind = EventKind::kSetup,
          .flag = !in.all,
          .call = Call::kFcntl,
          .thread = t,
          .n = calls});
    Set(th, ThreadState::kRunning, Call::kFcntl, m_now + calls * s);
    th.stage = 2;
    return;
  }
  if (th.stage == 2 && in.code == PCode::kSigaction) {
    // Data that arrived before O_ASYNC was set raised no signal: it is handled now, once.
    for (std::int32_t fd : in.fds) {
      FdState& f = m_w.fds[std::size_t(fd)];
      f.owner = t;
      f.nonblock = true;
      if (f.rcvbuf > 0 && !f.sig_queued) {
        f.sig_queued = true;
        m_w.sigq.push_back(fd);
      }
    }
    return NextOp(th);
  }
  if (th.stage != 0) return NextOp(th);
  th.stage = 1;
  switch (in.code) {
    case PCode::kSetNonblock:
      m_w.c.syscalls += in.nfds;
      m_w.c.setup += in.nfds;
      for (std::int32_t fd : in.fds) m_w.fds[std::size_t(fd)].nonblock = true;
      Emit({.kind = EventKind::kSetup,
            .flag = true,
            .call = Call::kFcntl,
            .thread = t,
            .n = in.nfds,
            .n2 = 1});
      Set(th, ThreadState::kRunning, Call::kFcntl, m_now + in.nfds * s);
      return;
    case PCode::kEpollCreate:
      ++m_w.c.syscalls;
      ++m_w.c.setup;
      Emit({.kind = EventKind::kSetup, .call = Call::kEpollCreate, .thread = t, .n = 1});
      Set(th, ThreadState::kRunning, Call::kEpollCreate, m_now + s);
      return;
    case PCode::kEpollCtl:
      // EPOLL_CTL_ADD once per fd; an fd already readable goes straight onto the ready list.
      m_w.c.syscalls += in.nfds;
      m_w.c.setup += in.nfds;
      m_w.c.meta_bytes += kEpollEventBytes * in.nfds;
      Emit({.kind = EventKind::kSetup,
            .flag = in.edge,
            .call = Call::kEpollCtl,
            .thread = t,
            .fd = in.all || in.fds.size() != 1 ? kNone : in.fds[0],
            .n = in.nfds,
            .n2 = kEpollEventBytes * in.nfds});
      Set(th, ThreadState::kRunning, Call::kEpollCtl, m_now + in.nfds * s);
      for (std::int32_t fd : in.fds) {
        FdState& f = m_w.fds[std::size_t(fd)];
        f.interest = true;
        f.edge = in.edge;
        if (f.rcvbuf > 0 && !f.on_ready_list) {
          f.on_ready_list = true;
          m_w.rdllist.push_back(fd);
          Emit({.kind = EventKind::kReadyAdd, .fd = fd});
        }
      }
      return;
    case PCode::kSigaction:
      ++m_w.c.syscalls;
      ++m_w.c.setup;
      Emit({.kind = EventKind::kSetup, .call = Call::kSigaction, .thread = t, .n = 1});
      Set(th, ThreadState::kRunning, Call::kSigaction, m_now + s);
      return;
    case PCode::kAioRead:
      // The request names the user buffer: the kernel will do both phases.
      m_w.c.syscalls += in.nfds;
      m_w.c.setup += in.nfds;
      Emit({.kind = EventKind::kSetup, .call = Call::kAioRead, .thread = t, .n = in.nfds});
      Set(th, ThreadState::kRunning, Call::kAioRead, m_now + in.nfds * s);
      for (std::int32_t fd : in.fds) {
        FdState& f = m_w.fds[std::size_t(fd)];
        f.aio_pending = true;
        f.aio_owner = t;
        if (f.rcvbuf > 0 && f.kcopy_until < 0) StartKernelCopy(fd);
      }
      return;
    default:
      return NextOp(th);
  }
}

void LaneSim::ProgWork(std::int32_t t, Thread& th, const PInstr& in) {
  if (th.stage == 1) {
    th.work_end = -1;
    return NextOp(th);
  }
  th.stage = 1;
  if (in.code == PCode::kPause) {
    // The nio back-off: sleep only if no recvfrom returned data since the last pause.
    const bool idle = !th.read_this_round;
    th.read_this_round = false;
    if (!idle) return NextOp(th);
    Set(th, ThreadState::kRunning, Call::kNoCall, m_now + in.us);
    Emit({.kind = EventKind::kPause, .thread = t, .n = in.us});
    return;
  }
  if (in.us == kForever) {
    th.work_end = -2;
    return GoToWork(t, th);
  }
  th.work_end = m_now + in.us;
  Emit({.kind = EventKind::kWork, .thread = t, .n = in.us});
  Set(th, ThreadState::kWork, Call::kNoCall, th.work_end);
}

}  // namespace gs::io
