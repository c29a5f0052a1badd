// The network poller and sleep timers (netpoll.go: netpollblock, netpoll; proc.go:
// injectglist; time.go simplified: no per-P timer heap).
#include <algorithm>

#include "engine/sched/sim.h"

namespace gs::sched {

void Sim::NetBlock(std::int32_t g, std::int64_t us) {
  // netpollblock: pdWait -> the G parks on its pollDesc; netpollWaiters++.
  m_s.poller.push_back({g, m_s.now + us, false});
  Emit({.kind = EventKind::kNetBlock, .g = g, .n = us});
}

std::vector<std::int32_t> Sim::Netpoll() {
  std::vector<std::int32_t> list;
  for (auto it = m_s.poller.begin(); it != m_s.poller.end();) {
    if (it->ready) {
      list.push_back(it->g);
      it = m_s.poller.erase(it);
    } else {
      ++it;
    }
  }
  return list;
}

void Sim::FdReady(std::size_t index) {
  m_s.poller[index].ready = true;
  std::int32_t g = m_s.poller[index].g;
  std::int32_t m = m_s.netpoll_m;
  Emit({.kind = EventKind::kFdReady, .flag = m != kNone, .g = g, .m = m});
  if (m == kNone) return;  // nobody blocks in epoll_wait: the G waits for the next netpoll
  // The M blocked in netpoll(delay) returns: it takes an idle P and runs the first G.
  m_s.netpoll_m = kNone;
  m_s.lastpoll = m_s.now;
  std::vector<std::int32_t> list = Netpoll();
  Emit({.kind = EventKind::kNetpollFound, .m = m, .n = std::int64_t(list.size())});
  for (std::int32_t x : list) {
    m_s.MutG(x).status = GStatus::kRunnable;
    m_s.MutG(x).wait = WaitReason::kNoReason;
  }
  M& mm = m_s.ms[std::size_t(m)];
  std::int32_t p = Pidleget();
  if (p == kNone) {
    mm.state = MState::kIdle;
    m_s.midle.push_back(m);
    Injectglist(std::move(list), kNone);
    return;
  }
  P& pp = m_s.ps[std::size_t(p)];
  pp.status = PStatus::kRunning;
  pp.m = m;
  mm.p = p;
  std::int32_t first = list.front();
  list.erase(list.begin());
  Injectglist(std::move(list), p);
  Execute(p, first, false, FindSource::kNetpoll);
}

void Sim::Injectglist(std::vector<std::int32_t> list, std::int32_t p) {
  if (list.empty()) return;
  for (std::int32_t x : list) {
    m_s.MutG(x).status = GStatus::kRunnable;
    m_s.MutG(x).wait = WaitReason::kNoReason;
  }
  // injectglist: with no P, all go to the global queue; with a P, one per idle P goes to the
  // global queue (and an M is started for each of those Ps), the rest to the local ring.
  std::size_t to_global =
      p == kNone ? list.size() : std::min<std::size_t>(list.size(), std::size_t(m_s.Npidle()));
  for (std::size_t i = 0; i < to_global; ++i) Globrunqput(list[i]);
  std::int64_t local = std::int64_t(list.size() - to_global);
  Emit({.kind = EventKind::kInject, .p = p, .n = std::int64_t(to_global), .n2 = local});
  for (std::size_t i = to_global; i < list.size(); ++i) Runqput(p, list[i], false);
  // startIdle: one M per G put on the global queue, while idle Ps last.
  for (std::size_t i = 0; i < to_global && !m_s.pidle.empty(); ++i) {
    Startm(kNone, false, m_prog.config.m_wake_us);
  }
}

void Sim::TimerSet(std::int32_t g, std::int32_t p, std::int64_t us) {
  Timer t{m_s.now + us, g, p};
  auto it = std::upper_bound(m_s.timers.begin(), m_s.timers.end(), t,
                             [](const Timer& a, const Timer& b) { return a.when < b.when; });
  m_s.timers.insert(it, t);
  Emit({.kind = EventKind::kTimerSet, .g = g, .p = p, .n = us});
}

void Sim::TimerFire(std::size_t index, bool early) {
  // Simplified: no timer heap run from checkTimers; the timer fires exactly on time and
  // readies the G into the runnext of the P that owns the timer.
  Timer t = m_s.timers[index];
  m_s.timers.erase(m_s.timers.begin() + std::ptrdiff_t(index));
  std::int32_t p = t.p;
  if (p >= m_s.gomaxprocs) p = 0;
  Emit({.kind = EventKind::kTimerFire, .flag = early, .g = t.g, .p = p});
  P& pp = m_s.ps[std::size_t(p)];
  if (pp.status == PStatus::kIdle && pp.m == kNone) {
    // Nobody runs that P: the M sleeping in netpoll until this timer (or a new M) takes it.
    PidleRemove(p);
    std::int32_t m = m_s.netpoll_m;
    if (m != kNone) {
      m_s.netpoll_m = kNone;
      m_s.lastpoll = m_s.now;
      M& mm = m_s.ms[std::size_t(m)];
      mm.state = MState::kSchedule;
      mm.p = p;
      mm.ready_at = m_s.now;
      pp.m = m;
      pp.status = PStatus::kRunning;
      Emit({.kind = EventKind::kStartM, .p = p, .m = m});
    } else {
      Startm(p, false, m_prog.config.m_wake_us);
    }
  }
  G& gg = m_s.MutG(t.g);
  gg.status = GStatus::kRunnable;
  gg.wait = WaitReason::kNoReason;
  Runqput(p, t.g, true);
  Wakep();
}

}  // namespace gs::sched
