// Signal-driven IO and asynchronous IO: the thread does other work instead of waiting.
//   Signal-driven (fcntl(2) F_SETOWN, F_SETSIG, O_ASYNC; sigaction(2)): the kernel signals
//     readiness; the handler's recvfrom still copies synchronously (phase 2 is the thread's).
//   Asynchronous (aio(7) aio_read, io_uring(7)): the request names the buffer, the kernel
//     does phase 1 and phase 2 and then reports completion; only reaping it is a call.
#include "engine/io/lane_sim.h"

namespace gs::io {

void LaneSim::AdvanceSignal(std::int32_t t, Thread& th) {
  const std::int64_t s = m_p.config.syscall_us;
  switch (th.stage) {
    case 0:
      ++m_w.c.syscalls;
      ++m_w.c.setup;
      Emit({.kind = EventKind::kSetup, .call = Call::kSigaction, .thread = t, .n = 1});
      Set(th, ThreadState::kRunning, Call::kSigaction, m_now + s);
      th.stage = 1;
      return;
    case 1: {
      // Per connection: F_SETOWN (who gets the signal), F_SETSIG (which signal, with si_fd),
      // F_SETFL O_ASYNC|O_NONBLOCK.
      const std::int64_t calls = 3 * TotalFds();
      m_w.c.syscalls += calls;
      m_w.c.setup += calls;
      Emit({.kind = EventKind::kSetup, .call = Call::kFcntl, .thread = t, .n = calls});
      Set(th, ThreadState::kRunning, Call::kFcntl, m_now + calls * s);
      th.stage = 11;
      return;
    }
    case 11:
      // Data that arrived before O_ASYNC was set raised no signal: read it now, once.
      for (std::size_t i = 0; i < m_w.fds.size(); ++i) {
        if (m_w.fds[i].rcvbuf > 0 && !m_w.fds[i].sig_queued) {
          m_w.fds[i].sig_queued = true;
          m_w.sigq.push_back(std::int32_t(i));
        }
      }
      th.stage = 2;
      return;
    case 2:
      if (!m_w.sigq.empty()) {
        const std::int32_t fd = m_w.sigq.front();
        m_w.sigq.erase(m_w.sigq.begin());
        m_w.fds[std::size_t(fd)].sig_queued = false;
        ++m_w.c.signals;
        th.fd = fd;
        Emit({.kind = EventKind::kSignal, .thread = t, .fd = fd});
        Set(th, ThreadState::kHandler, Call::kNoCall, m_now);
        th.stage = 3;
        return;
      }
      GoToWork(t, th);
      return;
    case 3:
      // The handler drains the fd: recvfrom until EAGAIN (the socket is non-blocking).
      if (Recvfrom(t, th, th.fd)) {
        th.stage = 4;
      } else {
        Eagain(t, th, th.fd, 1);
        th.stage = 5;
      }
      return;
    case 4:
      FinishRead(t, th, ThreadState::kHandler);
      th.stage = 3;
      return;
    default:
      // rt_sigreturn: back to the interrupted work.
      ++m_w.c.syscalls;
      Emit({.kind = EventKind::kSigreturn, .call = Call::kSigreturn, .thread = t, .fd = th.fd});
      Set(th, ThreadState::kHandler, Call::kSigreturn, m_now + s);
      th.stage = 2;
      return;
  }
}

void LaneSim::AdvanceAsync(std::int32_t t, Thread& th) {
  const std::int64_t s = m_p.config.syscall_us;
  switch (th.stage) {
    case 0: {
      const std::int64_t calls = NamedFds();
      m_w.c.syscalls += calls;
      m_w.c.setup += calls;
      Emit({.kind = EventKind::kSetup, .call = Call::kAioRead, .thread = t, .n = calls});
      Set(th, ThreadState::kRunning, Call::kAioRead, m_now + calls * s);
      for (std::size_t i = 0; i < m_w.fds.size(); ++i) {
        m_w.fds[i].aio_pending = true;
        if (m_w.fds[i].rcvbuf > 0) StartKernelCopy(std::int32_t(i));
      }
      th.stage = 1;
      return;
    }
    case 1:
      if (!m_w.cq.empty()) {
        const std::int32_t fd = m_w.cq.front();
        m_w.cq.erase(m_w.cq.begin());
        ++m_w.c.syscalls;
        th.fd = fd;
        Emit({.kind = EventKind::kAioReturn, .call = Call::kAioReturn, .thread = t, .fd = fd});
        Set(th, ThreadState::kHandler, Call::kAioReturn, m_now + s);
        th.stage = 2;
        return;
      }
      GoToWork(t, th);
      return;
    default: {
      // The next read on the connection is queued at once, so the kernel can fill it.
      ++m_w.c.syscalls;
      FdState& f = m_w.fds[std::size_t(th.fd)];
      f.aio_pending = true;
      Emit({.kind = EventKind::kAioSubmit, .call = Call::kAioRead, .thread = t, .fd = th.fd});
      Set(th, ThreadState::kHandler, Call::kAioRead, m_now + s);
      if (f.rcvbuf > 0 && f.kcopy_until < 0) StartKernelCopy(th.fd);
      th.stage = 1;
      return;
    }
  }
}

}  // namespace gs::io
