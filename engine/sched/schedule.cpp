// schedule / findRunnable / execute, and the M and P lists (proc.go: wakep, startm, mget,
// pidleget, pidleput, resetspinning, stopm).
#include <algorithm>

#include "engine/sched/sim.h"

namespace gs::sched {

std::int32_t Sim::Pidleget() {
  // pidleget pops the head of sched.pidle (a LIFO list).
  if (m_s.pidle.empty()) return kNone;
  std::int32_t p = m_s.pidle.back();
  m_s.pidle.pop_back();
  return p;
}

void Sim::Pidleput(std::int32_t p) {
  P& pp = m_s.ps[std::size_t(p)];
  pp.status = PStatus::kIdle;
  pp.m = kNone;
  m_s.pidle.push_back(p);
}

void Sim::PidleRemove(std::int32_t p) {
  auto it = std::find(m_s.pidle.begin(), m_s.pidle.end(), p);
  if (it != m_s.pidle.end()) m_s.pidle.erase(it);
}

std::int32_t Sim::Newm() {
  if (m_s.ms.size() >= 10000) {  // sched.maxmcount
    m_error = "thread exhaustion: more than sched.maxmcount = 10000 Ms";
    return kNone;
  }
  m_s.ms.push_back(M{});
  std::int32_t m = std::int32_t(m_s.ms.size() - 1);
  Emit({.kind = EventKind::kNewM, .m = m});
  return m;
}

std::int32_t Sim::Mget() {
  if (!m_s.midle.empty()) {
    std::int32_t m = m_s.midle.back();
    m_s.midle.pop_back();
    return m;
  }
  return Newm();
}

std::int32_t Sim::Startm(std::int32_t p, bool spinning, std::int64_t delay_us) {
  if (p == kNone) {
    p = Pidleget();
    if (p == kNone) {
      if (spinning) --m_s.nmspinning;  // startm: no idle P after all; undo the spinning count
      return kNone;
    }
  }
  std::int32_t m = Mget();
  if (m == kNone) return kNone;
  M& mm = m_s.ms[std::size_t(m)];
  mm.state = MState::kSchedule;
  mm.p = p;
  mm.curg = kNone;
  mm.spinning = spinning;
  mm.ready_at = m_s.now + delay_us;
  P& pp = m_s.ps[std::size_t(p)];
  pp.m = m;
  pp.status = PStatus::kRunning;
  Emit({.kind = spinning ? EventKind::kSpinStart : EventKind::kStartM, .p = p, .m = m});
  return m;
}

void Sim::Wakep() {
  // wakep: only when there is an idle P and no M is spinning already.
  if (m_s.Npidle() == 0 || m_s.nmspinning != 0) return;
  m_s.nmspinning = 1;
  Startm(kNone, true, m_prog.config.m_wake_us);
}

void Sim::ResetSpinning(std::int32_t m) {
  // resetspinning: the last spinning M to find work wakes a replacement.
  M& mm = m_s.ms[std::size_t(m)];
  if (!mm.spinning) return;
  mm.spinning = false;
  --m_s.nmspinning;
  Emit({.kind = EventKind::kSpinStop, .flag = true, .p = mm.p, .m = m});
  if (m_s.nmspinning == 0) Wakep();
}

void Sim::ToSchedule(std::int32_t m) {
  M& mm = m_s.ms[std::size_t(m)];
  mm.curg = kNone;
  mm.state = MState::kSchedule;
  mm.ready_at = m_s.now;
}

std::int32_t Sim::FindRunnable(std::int32_t p, bool* inherit, FindSource* src) {
  P& pp = m_s.ps[std::size_t(p)];
  M& mm = m_s.ms[std::size_t(pp.m)];
  *inherit = false;
  // Simplified: no GC workers and no timer heap to check here (timers fire on their own).
  // Fairness: every 61st schedtick, look at the global queue first, taking just one G.
  if (!m_s.runq.empty() && pp.schedtick % std::uint32_t(m_prog.config.global_check) == 0) {
    *src = FindSource::kGlobal61;
    return Globrunqget(p, 1);
  }
  if (std::int32_t g = Runqget(p, inherit); g != kNone) {
    *src = *inherit ? FindSource::kRunnext : FindSource::kRunq;
    return g;
  }
  if (!m_s.runq.empty()) {
    *src = FindSource::kGlobal;
    return Globrunqget(p, 0);
  }
  // netpoll(0): only when someone waits on the poller and no M is blocked in netpoll.
  if (!m_s.poller.empty() && m_s.netpoll_m == kNone) {
    std::vector<std::int32_t> list = Netpoll();
    if (!list.empty()) {
      std::int32_t g = list.front();
      list.erase(list.begin());
      Emit({.kind = EventKind::kNetpollFound, .p = p, .n = std::int64_t(list.size() + 1)});
      m_s.MutG(g).status = GStatus::kRunnable;
      m_s.MutG(g).wait = WaitReason::kNoReason;
      Injectglist(std::move(list), p);
      *src = FindSource::kNetpoll;
      return g;
    }
  }
  // Steal only while 2*nmspinning < GOMAXPROCS - npidle (or this M already spins).
  if (mm.spinning || 2 * m_s.nmspinning < m_s.gomaxprocs - m_s.Npidle()) {
    if (!mm.spinning) {
      mm.spinning = true;
      ++m_s.nmspinning;
    }
    if (std::int32_t g = StealWork(p); g != kNone) {
      *src = FindSource::kSteal;
      return g;
    }
  }
  return kNone;
}

void Sim::Execute(std::int32_t p, std::int32_t g, bool inherit, FindSource src) {
  P& pp = m_s.ps[std::size_t(p)];
  // execute: a G taken from runnext inherits the slice; any other G starts a new one.
  if (!inherit) ++pp.schedtick;
  G& gg = m_s.MutG(g);
  if (gg.blocked) {
    // A sender (or asker) resumes: its blocked time ends (the compare's counter).
    gg.blocked = false;
    --m_s.blocked_now;
    m_s.blocked_since -= gg.parked_at;
    m_s.blocked_us += m_s.now - gg.parked_at;
  }
  gg.status = GStatus::kRunning;
  gg.wait = WaitReason::kNoReason;
  gg.m = pp.m;
  ++gg.runs;
  gg.served = 0;
  gg.until = m_s.now + (gg.left > 0 ? gg.left : 0);
  M& mm = m_s.ms[std::size_t(pp.m)];
  mm.curg = g;
  mm.state = MState::kRunning;
  Emit({.kind = EventKind::kExecute,
        .flag = inherit,
        .g = g,
        .p = p,
        .m = pp.m,
        .n = std::int64_t(src),
        .n2 = pp.schedtick});
}

void Sim::Schedule(std::int32_t p) {
  std::int32_t m = m_s.ps[std::size_t(p)].m;
  bool inherit = false;
  FindSource src = FindSource::kRunq;
  std::int32_t g = FindRunnable(p, &inherit, &src);
  M& mm = m_s.ms[std::size_t(m)];
  if (g != kNone) {
    if (mm.spinning) ResetSpinning(m);
    Execute(p, g, inherit, src);
    return;
  }
  // Nothing anywhere: drop the P and stop spinning; then block in netpoll if Gs wait on the
  // poller or a timer is pending and no other M polls; otherwise stopm.
  bool was_spinning = mm.spinning;
  if (mm.spinning) {
    mm.spinning = false;
    --m_s.nmspinning;
  }
  Pidleput(p);
  mm.p = kNone;
  bool poll = (!m_s.poller.empty() || !m_s.timers.empty()) && m_s.netpoll_m == kNone;
  if (poll) {
    mm.state = MState::kNetpoll;
    m_s.netpoll_m = m;
  } else {
    mm.state = MState::kIdle;
    m_s.midle.push_back(m);
  }
  Emit({.kind = EventKind::kReleaseP, .flag = poll, .p = p, .m = m, .n = was_spinning});
}

}  // namespace gs::sched
