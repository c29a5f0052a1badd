// IO multiplexing: one thread sleeps in select, poll or epoll_wait on every connection, then
// calls recvfrom on the ready ones (phase 2 is still the thread's own synchronous copy).
//   select(2): an fd_set bitmap of at most FD_SETSIZE (1024) fds, copied in and out and
//     scanned in full on every call and every wake-up; the caller re-scans it with FD_ISSET.
//   poll(2): an array of struct pollfd (8 bytes each), no 1024 limit, the same full scans.
//   epoll(7): the interest list is registered once (epoll_ctl); the kernel's callback fills
//     a ready list, and epoll_wait returns only the ready fds.
#include <algorithm>

#include "engine/io/lane_sim.h"
#include "engine/io/limits.h"

namespace gs::io {
namespace {

constexpr std::int64_t kEpollEventBytes = 12;  // struct epoll_event on x86-64 (packed)
constexpr std::int64_t kPollfdBytes = 8;       // struct pollfd: int fd; short events, revents

}  // namespace

void LaneSim::AdvanceMultiplex(std::int32_t t, Thread& th) {
  if (th.stage == 5 || th.stage == 7 || th.stage == 8) return ReadReady(t, th);
  if (m_lane.poller == Poller::kEpoll) return AdvanceEpoll(t, th);
  AdvanceSelectPoll(t, th);
}

void LaneSim::AdvanceSelectPoll(std::int32_t t, Thread& th) {
  const std::int64_t n = TotalFds();
  const bool sel = m_lane.poller == Poller::kSelect;
  const Call call = sel ? Call::kSelect : Call::kPoll;
  // select's nfds is the highest fd + 1; the kernel copies that many bits (in whole longs).
  const std::int64_t maxfd = kFirstFd + n - 1;
  const std::int64_t set_bytes = sel ? 8 * ((maxfd + 1 + 63) / 64) : kPollfdBytes * n;
  switch (th.stage) {
    case 0:
    case 2: {
      if (sel && maxfd >= kFdSetSize) {
        // select(2): FD_SET on an fd >= FD_SETSIZE is undefined behaviour (glibc's fortify
        // check aborts); select cannot watch this many connections.
        Emit({.kind = EventKind::kFdSetSize, .call = call, .thread = t, .n = kFdSetSize});
        m_w.error = LaneError::kFdSetSize;
        m_w.finished = true;
        return Done(t, th);
      }
      ++m_w.c.syscalls;
      m_w.c.meta_bytes += set_bytes;
      m_w.c.kernel_scanned += n;
      m_w.c.polling_us += ScanUs(n);
      Emit({.kind = EventKind::kScan, .call = call, .thread = t, .n = n, .n2 = set_bytes});
      Set(th, ThreadState::kPolling, call, m_now + m_p.config.syscall_us + ScanUs(n));
      th.stage = 3;
      return;
    }
    case 3: {
      th.ready.clear();
      for (std::size_t i = 0; i < m_w.fds.size(); ++i) {
        if (m_w.fds[i].rcvbuf > 0) th.ready.push_back(std::int32_t(i));
      }
      if (th.ready.empty()) {
        th.stage = 4;
        return Block(t, th, call, false);
      }
      // Only the revents field of each pollfd is written back; select rewrites the bitmap.
      const std::int64_t out = sel ? set_bytes : 2 * n;
      m_w.c.meta_bytes += out;
      Emit({.kind = EventKind::kReturnReady,
            .call = call,
            .thread = t,
            .n = std::int64_t(th.ready.size()),
            .n2 = out});
      // The caller does not know which fds are ready: it tests every one (FD_ISSET / revents).
      m_w.c.user_scanned += n;
      m_w.c.polling_us += ScanUs(n);
      Emit({.kind = EventKind::kUserScan, .thread = t, .n = n});
      Set(th, ThreadState::kRunning, Call::kNoCall, m_now + ScanUs(n));
      th.cursor = 0;
      th.stage = 5;
      return;
    }
    default: {
      // Woken (stage 6): the kernel walks the whole set again to see which fd it was.
      m_w.c.kernel_scanned += n;
      m_w.c.polling_us += ScanUs(n);
      Emit({.kind = EventKind::kScan, .call = call, .thread = t, .n = n, .n2 = 0});
      Set(th, ThreadState::kPolling, call, m_now + ScanUs(n));
      th.stage = 3;
      return;
    }
  }
}

std::int64_t LaneSim::CollectEpoll(Thread& th) {
  // epoll_wait hands out ready-list entries still readable, at most maxevents; an
  // edge-triggered entry leaves the list, a level-triggered one goes back on it (epoll(7):
  // it is reported again while data remains); an entry no longer readable is dropped.
  th.ready.clear();
  std::vector<std::int32_t> keep;
  std::vector<std::int32_t> requeue;
  for (std::int32_t fd : m_w.rdllist) {
    FdState& f = m_w.fds[std::size_t(fd)];
    if (std::int64_t(th.ready.size()) >= m_p.config.maxevents) {
      keep.push_back(fd);
      continue;
    }
    ++m_w.c.kernel_scanned;
    if (f.rcvbuf == 0) {
      f.on_ready_list = false;
      Emit({.kind = EventKind::kReadyDrop, .fd = fd, .n2 = 2});
      continue;
    }
    th.ready.push_back(fd);
    // A program registers each fd with its own events (EPOLLET or not).
    const bool level = m_p.HasPrograms() ? !f.edge : m_lane.trigger == Trigger::kLevel;
    if (level) {
      requeue.push_back(fd);
      Emit({.kind = EventKind::kReadyDrop, .flag = true, .fd = fd, .n2 = 1});
    } else {
      f.on_ready_list = false;
      Emit({.kind = EventKind::kReadyDrop, .fd = fd, .n2 = 0});
    }
  }
  keep.insert(keep.end(), requeue.begin(), requeue.end());
  m_w.rdllist = std::move(keep);
  return std::int64_t(th.ready.size());
}

void LaneSim::AdvanceEpoll(std::int32_t t, Thread& th) {
  const std::int64_t n = TotalFds();
  const std::int64_t s = m_p.config.syscall_us;
  switch (th.stage) {
    case 0:
      ++m_w.c.syscalls;
      ++m_w.c.setup;
      Emit({.kind = EventKind::kSetup, .call = Call::kEpollCreate, .thread = t, .n = 1});
      Set(th, ThreadState::kRunning, Call::kEpollCreate, m_now + s);
      th.stage = 1;
      return;
    case 1:
      // epoll_ctl(2) EPOLL_CTL_ADD once per connection; an fd already readable goes straight
      // onto the ready list.
      m_w.c.syscalls += n;
      m_w.c.setup += n;
      m_w.c.meta_bytes += kEpollEventBytes * n;
      Emit({.kind = EventKind::kSetup,
            .call = Call::kEpollCtl,
            .thread = t,
            .n = n,
            .n2 = kEpollEventBytes * n});
      Set(th, ThreadState::kRunning, Call::kEpollCtl, m_now + n * s);
      th.stage = 2;
      for (std::size_t i = 0; i < m_w.fds.size(); ++i) {
        if (m_w.fds[i].rcvbuf > 0 && !m_w.fds[i].on_ready_list) {
          m_w.fds[i].on_ready_list = true;
          m_w.rdllist.push_back(std::int32_t(i));
          Emit({.kind = EventKind::kReadyAdd, .fd = std::int32_t(i)});
        }
      }
      return;
    case 2:
    case 10: {
      const bool woken = th.stage == 10;
      if (!woken) ++m_w.c.syscalls;
      const std::int64_t k = CollectEpoll(th);
      if (k == 0) {
        th.stage = 4;
        return Block(t, th, Call::kEpollWait, false);
      }
      m_w.c.meta_bytes += kEpollEventBytes * k;
      Emit({.kind = EventKind::kReturnReady,
            .call = Call::kEpollWait,
            .thread = t,
            .n = k,
            .n2 = kEpollEventBytes * k});
      Set(th, ThreadState::kPolling, Call::kEpollWait, m_now + s);
      th.stage = 9;
      return;
    }
    default: {
      // Stage 9: the events array holds only ready fds, so the caller looks at k entries.
      const std::int64_t k = std::int64_t(th.ready.size());
      m_w.c.user_scanned += k;
      Emit({.kind = EventKind::kUserScan, .thread = t, .n = k});
      Set(th, ThreadState::kRunning, Call::kNoCall, m_now + ScanUs(k));
      th.cursor = 0;
      th.stage = 5;
      return;
    }
  }
}

void LaneSim::ReadReady(std::int32_t t, Thread& th) {
  const bool drain = m_p.config.read_until_eagain < 0 ? m_lane.trigger == Trigger::kEdge
                                                      : m_p.config.read_until_eagain == 1;
  switch (th.stage) {
    case 5: {
      if (th.cursor >= std::int32_t(th.ready.size())) {
        th.stage = 2;
        Set(th, ThreadState::kRunning, Call::kNoCall, m_now);
        return;
      }
      const std::int32_t fd = th.ready[std::size_t(th.cursor)];
      th.fd = fd;
      if (Recvfrom(t, th, fd)) {
        th.stage = 7;
      } else {
        Eagain(t, th, fd, 1);
        th.stage = 8;
      }
      return;
    }
    case 7:
      FinishRead(t, th);
      if (!drain) ++th.cursor;
      th.stage = 5;
      return;
    default:
      ++th.cursor;
      th.stage = 5;
      Set(th, ThreadState::kRunning, Call::kNoCall, m_now);
      return;
  }
}

}  // namespace gs::io
