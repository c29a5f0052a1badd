// User-written thread programs (the scenario's "threads"): which instruction a thread is at,
// its loops, the kernel side of an arrival (who hears of it depends on what the programs set
// on the fd, not on a model), and the signal / completion handler that interrupts a thread.
// Each op's costs are the canonical loops' (threads.cpp, multiplex.cpp, signal_async.cpp);
// the ops themselves are in user_ops.cpp.
#include <algorithm>

#include "engine/io/lane_sim.h"

namespace gs::io {

void LaneSim::NextOp(Thread& th) {
  ++th.pc;
  th.stage = 0;
  th.cursor = 0;
  th.until = m_now;  // the next op starts in this instant
}

bool LaneSim::Watches(const Thread& th, std::int32_t t, std::int32_t fd) const {
  const PInstr& in = m_p.threads[std::size_t(t)].code[std::size_t(th.pc)];
  return in.all || std::find(in.fds.begin(), in.fds.end(), fd) != in.fds.end();
}

void LaneSim::ArriveProgram(std::int32_t fd) {
  FdState& f = m_w.fds[std::size_t(fd)];
  // recvfrom(2) on a blocking socket: the first thread asleep on this fd gets the data.
  for (std::size_t t = 0; t < m_w.threads.size(); ++t) {
    Thread& th = m_w.threads[t];
    if (th.state != ThreadState::kBlocked || th.call != Call::kRecvfrom || th.fd != fd) continue;
    const std::int32_t ti = std::int32_t(t);
    Emit({.kind = EventKind::kWake, .call = Call::kRecvfrom, .thread = ti, .fd = fd});
    const std::int64_t n = std::min(f.rcvbuf, m_p.config.read_bytes);
    f.rcvbuf -= n;
    th.copying = n;
    Set(th, ThreadState::kCopying, Call::kRecvfrom, m_now + CopyUs(n));
    Emit({.kind = EventKind::kCopyStart, .thread = ti, .fd = fd, .n = n});
    break;
  }
  // epoll(7): ep_poll_callback puts a registered fd on the ready list (once).
  if (f.interest && !f.on_ready_list) {
    f.on_ready_list = true;
    m_w.rdllist.push_back(fd);
    Emit({.kind = EventKind::kReadyAdd, .fd = fd});
  }
  // select(2), poll(2), epoll_wait(2): a sleeper whose set holds the fd is woken.
  for (std::size_t t = 0; t < m_w.threads.size(); ++t) {
    Thread& th = m_w.threads[t];
    if (th.state != ThreadState::kBlocked) continue;
    const bool sp = th.call == Call::kSelect || th.call == Call::kPoll;
    const bool ep = th.call == Call::kEpollWait && f.interest;
    if (!(sp && Watches(th, std::int32_t(t), fd)) && !ep) continue;
    Emit({.kind = EventKind::kWake, .call = th.call, .thread = std::int32_t(t), .fd = fd});
    th.until = m_now;
    th.stage = 3;  // the woken stage of ProgSelectPoll and ProgEpollWait
  }
  // fcntl(2) O_ASYNC: the owner gets a SIGIO naming the fd; it interrupts work.
  if (f.owner != kNone && !f.sig_queued) {
    f.sig_queued = true;
    m_w.sigq.push_back(fd);
    Thread& th = m_w.threads[std::size_t(f.owner)];
    if (th.state == ThreadState::kWork) th.until = m_now;
  }
  // aio(7): a queued read is filled by the kernel itself.
  if (f.aio_pending && f.kcopy_until < 0) StartKernelCopy(fd);
}

std::int32_t LaneSim::Notice(std::int32_t t) const {
  // A queued SIGIO for one of t's fds (index into sigq), or a completion of one of its
  // reads (-2 - index into cq); -1: nothing.
  for (std::size_t i = 0; i < m_w.sigq.size(); ++i) {
    if (m_w.fds[std::size_t(m_w.sigq[i])].owner == t) return std::int32_t(i);
  }
  for (std::size_t i = 0; i < m_w.cq.size(); ++i) {
    if (m_w.fds[std::size_t(m_w.cq[i])].aio_owner == t) return -2 - std::int32_t(i);
  }
  return -1;
}

void LaneSim::StartHandler(std::int32_t t, Thread& th, std::int32_t notice) {
  if (notice >= 0) {
    // The SIGIO handler (as the canonical signal loop): recvfrom until EAGAIN, rt_sigreturn.
    const std::int32_t fd = m_w.sigq[std::size_t(notice)];
    m_w.sigq.erase(m_w.sigq.begin() + notice);
    m_w.fds[std::size_t(fd)].sig_queued = false;
    ++m_w.c.signals;
    th.fd = fd;
    Emit({.kind = EventKind::kSignal, .thread = t, .fd = fd});
    Set(th, ThreadState::kHandler, Call::kNoCall, m_now);
    th.hstage = 1;
    return;
  }
  // A completion (as the canonical async loop): aio_return, then the next aio_read.
  const std::size_t i = std::size_t(-2 - notice);
  const std::int32_t fd = m_w.cq[i];
  m_w.cq.erase(m_w.cq.begin() + std::ptrdiff_t(i));
  ++m_w.c.syscalls;
  th.fd = fd;
  Emit({.kind = EventKind::kAioReturn, .call = Call::kAioReturn, .thread = t, .fd = fd});
  Set(th, ThreadState::kHandler, Call::kAioReturn, m_now + m_p.config.syscall_us);
  th.hstage = 10;
}

void LaneSim::Handler(std::int32_t t, Thread& th) {
  const std::int64_t s = m_p.config.syscall_us;
  switch (th.hstage) {
    case 1:
      if (Recvfrom(t, th, th.fd)) {
        th.hstage = 2;
      } else {
        Eagain(t, th, th.fd, 1);
        th.hstage = 3;
      }
      return;
    case 2:
      FinishRead(t, th, ThreadState::kHandler);
      th.read_this_round = true;
      th.hstage = 1;
      return;
    case 3:
      ++m_w.c.syscalls;
      Emit({.kind = EventKind::kSigreturn, .call = Call::kSigreturn, .thread = t, .fd = th.fd});
      Set(th, ThreadState::kHandler, Call::kSigreturn, m_now + s);
      th.hstage = 9;
      return;
    case 10: {
      ++m_w.c.syscalls;
      FdState& f = m_w.fds[std::size_t(th.fd)];
      f.aio_pending = true;
      Emit({.kind = EventKind::kAioSubmit, .call = Call::kAioRead, .thread = t, .fd = th.fd});
      Set(th, ThreadState::kHandler, Call::kAioRead, m_now + s);
      if (f.rcvbuf > 0 && f.kcopy_until < 0) StartKernelCopy(th.fd);
      th.hstage = 9;
      return;
    }
    default: {
      // The handler is over: the next queued one, or back to what was interrupted.
      th.hstage = 0;
      const std::int32_t next = Notice(t);
      if (next != -1) return StartHandler(t, th, next);
      if (th.work_end == -2) return GoToWork(t, th);
      if (th.work_end > m_now) {
        Emit({.kind = EventKind::kWork, .thread = t});
        Set(th, ThreadState::kWork, Call::kNoCall, th.work_end);
        return;
      }
      Set(th, ThreadState::kRunning, Call::kNoCall, m_now);
      return;
    }
  }
}

void LaneSim::ProgLoop(Thread& th, const PInstr& in) {
  if (in.code == PCode::kLoopEnd) {
    th.pc = in.jump;
  } else {
    std::int32_t& done = th.loops[std::size_t(in.slot)];
    bool over = false;
    if (in.times == kUntilAllRead) {
      over = AllFinished();
    } else if (in.times >= 0) {
      over = done >= in.times;
      done = over ? 0 : done + 1;
    }
    th.pc = over ? in.jump : th.pc + 1;
  }
  th.stage = 0;
  th.cursor = 0;
  th.until = m_now;
}

void LaneSim::AdvanceProgram(std::int32_t t, Thread& th) {
  if (th.hstage > 0) return Handler(t, th);
  const ThreadProgram& prog = m_p.threads[std::size_t(t)];
  // Signals and completions are taken between syscalls (SA_RESTART: a call in progress
  // finishes first) and interrupt work.
  if (th.stage == 0 || th.state == ThreadState::kWork) {
    const std::int32_t notice = Notice(t);
    if (notice != -1) {
      if (th.state != ThreadState::kWork) th.work_end = -1;
      return StartHandler(t, th, notice);
    }
  }
  if (th.pc >= std::int32_t(prog.code.size())) return Done(t, th);
  const PInstr& in = prog.code[std::size_t(th.pc)];
  switch (in.code) {
    case PCode::kRecvfrom:
      return ProgRecvfrom(t, th, in);
    case PCode::kSelect:
    case PCode::kPoll:
      return ProgSelectPoll(t, th, in);
    case PCode::kEpollWait:
      return ProgEpollWait(t, th);
    case PCode::kWork:
    case PCode::kPause:
      return ProgWork(t, th, in);
    case PCode::kLoopTop:
    case PCode::kLoopEnd:
      return ProgLoop(th, in);
    default:
      return ProgSetup(t, th, in);
  }
}

}  // namespace gs::io
