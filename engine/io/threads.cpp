// What the models share (recvfrom, EAGAIN, blocking, costs) and the two simplest loops:
// blocking IO (a thread per connection) and non-blocking IO (one thread retrying).
#include <algorithm>

#include "engine/io/lane_sim.h"

namespace gs::io {

std::int64_t LaneSim::CopyUs(std::int64_t bytes) const {
  const std::int64_t kb = (bytes + 1023) / 1024;
  const std::int64_t us = kb * m_p.config.copy_us_per_kb;
  return us < 1 ? 1 : us;
}

std::int64_t LaneSim::ScanUs(std::int64_t fds) const {
  const std::int64_t us = (fds + m_p.config.scan_fds_per_us - 1) / m_p.config.scan_fds_per_us;
  return us < 1 ? 1 : us;
}

bool LaneSim::FdFinished(std::int32_t fd) const {
  const FdState& f = m_w.fds[std::size_t(fd)];
  return f.read >= f.expected;
}

bool LaneSim::AllFinished() const {
  for (std::size_t i = 0; i < m_w.fds.size(); ++i) {
    if (!FdFinished(std::int32_t(i))) return false;
  }
  return true;
}

void LaneSim::Set(Thread& th, ThreadState st, Call call, std::int64_t until) {
  if (st != th.state || call != th.call) th.since = m_now;
  th.state = st;
  th.call = call;
  th.until = until;
}

bool LaneSim::Recvfrom(std::int32_t t, Thread& th, std::int32_t fd, bool count_syscall) {
  FdState& f = m_w.fds[std::size_t(fd)];
  if (f.rcvbuf == 0) return false;
  if (count_syscall) ++m_w.c.syscalls;
  // Phase 2: the data is ready in the kernel; recvfrom copies at most the user buffer.
  const std::int64_t n = std::min(f.rcvbuf, m_p.config.read_bytes);
  f.rcvbuf -= n;
  th.copying = n;
  th.fd = fd;
  Set(th, ThreadState::kCopying, Call::kRecvfrom, m_now + m_p.config.syscall_us + CopyUs(n));
  Emit({.kind = EventKind::kCopyStart, .thread = t, .fd = fd, .n = n});
  return true;
}

void LaneSim::FinishRead(std::int32_t t, Thread& th, ThreadState after) {
  FdState& f = m_w.fds[std::size_t(th.fd)];
  const std::int64_t from = f.read;
  f.read += th.copying;
  m_w.c.data_bytes += th.copying;
  if (m_w.c.first_byte_us < 0) m_w.c.first_byte_us = m_now - m_w.first_arrival;
  Emit({.kind = EventKind::kReadDone, .thread = t, .fd = th.fd, .n = th.copying, .n2 = from});
  th.copying = 0;
  Set(th, after, Call::kNoCall, m_now + m_p.config.work_us);
}

void LaneSim::Eagain(std::int32_t t, Thread& th, std::int32_t fd, std::int64_t calls) {
  // recvfrom(2): a non-blocking socket with nothing queued fails with EAGAIN at once.
  m_w.c.syscalls += calls;
  m_w.c.eagain += calls;
  m_w.c.polling_us += calls * m_p.config.syscall_us;
  Set(th, ThreadState::kPolling, Call::kRecvfrom, m_now + calls * m_p.config.syscall_us);
  Emit({.kind = EventKind::kEagain, .thread = t, .fd = fd, .n = calls});
}

void LaneSim::Block(std::int32_t t, Thread& th, Call call, bool new_call, std::int64_t watched) {
  if (new_call) ++m_w.c.syscalls;
  Set(th, ThreadState::kBlocked, call, -1);
  Emit({.kind = EventKind::kCallBlocks, .call = call, .thread = t, .fd = th.fd, .n = watched});
}

void LaneSim::Done(std::int32_t t, Thread& th) {
  Set(th, ThreadState::kDone, Call::kNoCall, -1);
  Emit({.kind = EventKind::kThreadDone, .thread = t});
}

void LaneSim::GoToWork(std::int32_t t, Thread& th) {
  if (th.state != ThreadState::kWork) Emit({.kind = EventKind::kWork, .thread = t});
  Set(th, ThreadState::kWork, Call::kNoCall, -1);
}

void LaneSim::Advance(std::int32_t t) {
  Thread& th = m_w.threads[std::size_t(t)];
  if (m_p.HasPrograms()) return AdvanceProgram(t, th);
  switch (m_lane.model) {
    case ModelKind::kBio:
      return AdvanceBio(t, th);
    case ModelKind::kNio:
      return AdvanceNio(t, th);
    case ModelKind::kMultiplex:
      return AdvanceMultiplex(t, th);
    case ModelKind::kSignal:
      return AdvanceSignal(t, th);
    case ModelKind::kAsync:
      return AdvanceAsync(t, th);
  }
}

void LaneSim::AdvanceBio(std::int32_t t, Thread& th) {
  // Thread t serves connection t: recvfrom blocks through phase 1 and copies in phase 2.
  if (th.stage == 0) {
    th.fd = t;
    th.stage = 1;
    if (!Recvfrom(t, th, t)) Block(t, th, Call::kRecvfrom, true);
    return;
  }
  FinishRead(t, th);
  th.stage = 0;
}

void LaneSim::AdvanceNio(std::int32_t t, Thread& th) {
  // One thread, every socket O_NONBLOCK: each round calls recvfrom on every connection that
  // still has bytes to come; a round that read nothing pauses retry_us before the next.
  const std::int32_t named = std::int32_t(NamedFds());
  const bool idle = TotalFds() > NamedFds();
  switch (th.stage) {
    case 0:
      if (AllFinished()) return Done(t, th);
      th.cursor = 0;
      th.read_this_round = false;
      th.stage = 1;
      Set(th, ThreadState::kRunning, Call::kNoCall, m_now);
      return;
    case 1:
      if (th.cursor < named) {
        const std::int32_t fd = th.cursor;
        th.fd = fd;
        if (FdFinished(fd)) {
          ++th.cursor;
          return;
        }
        if (Recvfrom(t, th, fd)) {
          th.stage = 2;
        } else {
          Eagain(t, th, fd, 1);
          ++th.cursor;
        }
        return;
      }
      if (th.cursor == named && idle) {
        th.fd = kNone;
        Eagain(t, th, kNone, TotalFds() - NamedFds());
        ++th.cursor;
        return;
      }
      th.stage = 0;
      if (!th.read_this_round && !AllFinished()) {
        Set(th, ThreadState::kRunning, Call::kNoCall, m_now + m_p.config.retry_us);
        Emit({.kind = EventKind::kPause, .thread = t, .n = m_p.config.retry_us});
      }
      return;
    default:
      FinishRead(t, th);
      th.read_this_round = true;
      ++th.cursor;
      th.stage = 1;
      return;
  }
}

}  // namespace gs::io
