// The kernel side of a lane: packets filling socket receive buffers, and who hears of it —
// a thread asleep in recvfrom (bio), in select/poll (their wait queues), epoll's ready-list
// callback, SIGIO for an O_ASYNC fd, or a queued asynchronous read.
#include <algorithm>

#include "engine/io/lane_sim.h"
#include "engine/io/model.h"

namespace gs::io {

void LaneSim::RunInstant() {
  for (std::size_t i = 0; i < m_p.named_fds; ++i) {
    const FdDecl& d = m_p.fds[i];
    FdState& f = m_w.fds[i];
    while (f.next < d.arrivals.size() && d.arrivals[f.next].at_us == m_now) {
      Arrive(std::int32_t(i), d.arrivals[f.next].bytes, false);
      ++f.next;
    }
  }
  for (std::size_t i = 0; i < m_w.fds.size(); ++i) {
    if (m_w.fds[i].kcopy_until == m_now) KernelCopyDone(std::int32_t(i));
  }
  // A user program's threads stop once every byte has been read (a server would loop on).
  const bool run_threads = !(m_p.HasPrograms() && m_w.finished);
  for (std::size_t t = 0; run_threads && t < m_w.threads.size(); ++t) {
    // Zero-time steps of one thread's loop follow each other within the instant; every
    // syscall takes at least syscall_us, so the loop ends.
    int guard = 0;
    for (; guard < 10000; ++guard) {
      Thread& th = m_w.threads[t];
      if (th.state == ThreadState::kDone || th.until != m_now) break;
      Advance(std::int32_t(t));
    }
    // A program loop that takes no time (the loader rejects most) would spin in this
    // instant for ever: the thread stops.
    if (guard == 10000 && m_p.HasPrograms()) Done(std::int32_t(t), m_w.threads[t]);
  }
  CheckFinished();
}

void LaneSim::ArriveNow(std::int32_t fd, std::int64_t bytes) {
  m_w.fds[std::size_t(fd)].expected += bytes;
  if (m_w.finished && m_w.error == LaneError::kOk) {
    m_w.finished = false;
    m_w.stalled = false;
    m_w.c.done_us = -1;
  }
  for (Thread& th : m_w.threads) {
    if (m_p.HasPrograms()) break;  // a program that ended stays ended
    // The nio loop stopped when everything was read: it starts polling again.
    if (th.state == ThreadState::kDone && m_w.error == LaneError::kOk) {
      Set(th, ThreadState::kRunning, Call::kNoCall, m_now);
      th.stage = 0;
    }
  }
  Arrive(fd, bytes, true);
}

void LaneSim::Arrive(std::int32_t fd, std::int64_t bytes, bool sandbox) {
  FdState& f = m_w.fds[std::size_t(fd)];
  f.rcvbuf += bytes;
  f.arrived += bytes;
  if (m_w.first_arrival < 0) m_w.first_arrival = m_now;
  Emit({.kind = EventKind::kArrive, .flag = sandbox, .fd = fd, .n = bytes, .n2 = f.rcvbuf});
  if (m_p.HasPrograms()) return ArriveProgram(fd);
  switch (m_lane.model) {
    case ModelKind::kBio: {
      // recvfrom(2) on a blocking socket sleeps until data arrives, then copies it.
      Thread& th = m_w.threads[std::size_t(fd)];
      if (th.state == ThreadState::kBlocked) {
        Emit({.kind = EventKind::kWake, .call = Call::kRecvfrom, .thread = fd, .fd = fd});
        const std::int64_t n = std::min(f.rcvbuf, m_p.config.read_bytes);
        f.rcvbuf -= n;
        th.copying = n;
        Set(th, ThreadState::kCopying, Call::kRecvfrom, m_now + CopyUs(n));
        Emit({.kind = EventKind::kCopyStart, .thread = fd, .fd = fd, .n = n});
      }
      break;
    }
    case ModelKind::kNio:
      break;  // nobody sleeps: the application finds the data on its next recvfrom
    case ModelKind::kMultiplex: {
      Thread& th = m_w.threads[0];
      if (m_lane.poller == Poller::kEpoll) {
        // epoll(7): the fd's wake-up callback puts it on the ready list; an fd already on it
        // is not added twice.
        if (!f.on_ready_list && th.stage >= 2) {
          f.on_ready_list = true;
          m_w.rdllist.push_back(fd);
          Emit({.kind = EventKind::kReadyAdd, .fd = fd});
        }
      }
      if (th.state == ThreadState::kBlocked) {
        Emit({.kind = EventKind::kWake, .call = th.call, .thread = 0, .fd = fd});
        th.until = m_now;
        th.stage = m_lane.poller == Poller::kEpoll ? 10 : 6;
      }
      break;
    }
    case ModelKind::kSignal: {
      // fcntl(2) O_ASYNC + F_SETOWN + F_SETSIG: the kernel sends the owner a signal naming
      // the fd (si_fd) when input becomes possible; one stays queued per fd here.
      Thread& th = m_w.threads[0];
      const bool armed = th.stage >= 2 && th.stage != 11;
      if (armed && !f.sig_queued) {
        f.sig_queued = true;
        m_w.sigq.push_back(fd);
        if (th.state == ThreadState::kWork) th.until = m_now;
      }
      break;
    }
    case ModelKind::kAsync:
      if (f.aio_pending && f.kcopy_until < 0) StartKernelCopy(fd);
      break;
  }
}

void LaneSim::StartKernelCopy(std::int32_t fd) {
  // aio(7) / io_uring(7): the request names the user buffer, so the kernel copies into it
  // without the thread being in a syscall.
  FdState& f = m_w.fds[std::size_t(fd)];
  const std::int64_t n = std::min(f.rcvbuf, m_p.config.read_bytes);
  if (n == 0) return;
  f.rcvbuf -= n;
  f.kcopy_bytes = n;
  f.kcopy_until = m_now + CopyUs(n);
  Emit({.kind = EventKind::kKernelCopy, .fd = fd, .n = n});
}

void LaneSim::KernelCopyDone(std::int32_t fd) {
  FdState& f = m_w.fds[std::size_t(fd)];
  const std::int64_t from = f.read;
  f.read += f.kcopy_bytes;
  m_w.c.data_bytes += f.kcopy_bytes;
  if (m_w.c.first_byte_us < 0) m_w.c.first_byte_us = m_now - m_w.first_arrival;
  Emit({.kind = EventKind::kAioComplete, .fd = fd, .n = f.kcopy_bytes, .n2 = from});
  f.kcopy_bytes = 0;
  f.kcopy_until = -1;
  f.aio_pending = false;
  m_w.cq.push_back(fd);
  Thread& th = m_w.threads[std::size_t(f.aio_owner)];
  if (th.state == ThreadState::kWork) th.until = m_now;
}

void LaneSim::CheckFinished() {
  if (m_w.finished) return;
  if (AllFinished()) {
    m_w.finished = true;
    m_w.c.done_us = m_now;
    Emit(
        {.kind = EventKind::kLaneDone, .n = m_w.first_arrival < 0 ? 0 : m_now - m_w.first_arrival});
    return;
  }
  if (NextDue(m_p, m_w, m_now) >= 0) return;
  // Nothing is due ever again, yet bytes wait: a wake-up was missed.
  m_w.finished = true;
  m_w.stalled = true;
  for (std::size_t i = 0; i < m_w.fds.size(); ++i) {
    const FdState& f = m_w.fds[i];
    if (f.read < f.expected) {
      Emit({.kind = EventKind::kStalled, .fd = std::int32_t(i), .n = f.arrived - f.read});
    }
  }
}

}  // namespace gs::io
