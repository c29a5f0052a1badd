// runtime.GOMAXPROCS(n): stopTheWorldGC, procresize, startTheWorld (proc.go, debug.go).
#include <algorithm>

#include "engine/sched/sim.h"

namespace gs::sched {

void Sim::Gomaxprocs(std::int32_t n) {
  const std::int32_t old = m_s.gomaxprocs;
  // stopTheWorld: every running G is preempted (gopreempt_m: to the global queue); every P
  // stops (_Pgcstop), spinning Ms stop. Simplified: the caller of GOMAXPROCS is left out.
  std::int64_t preempted = 0;
  for (std::int32_t i = 0; i < old; ++i) {
    P& pp = m_s.ps[std::size_t(i)];
    if (pp.m != kNone) {
      M& mm = m_s.ms[std::size_t(pp.m)];
      if (mm.curg != kNone && mm.state == MState::kRunning) {
        G& gg = m_s.MutG(mm.curg);
        if (gg.left > 0) gg.left = std::max<std::int64_t>(gg.until - m_s.now, 1);
        gg.status = GStatus::kRunnable;
        gg.m = kNone;
        Globrunqput(mm.curg);
        ++preempted;
      }
      mm.curg = kNone;
      mm.p = kNone;
      mm.spinning = false;
      mm.state = MState::kIdle;
      m_s.midle.push_back(pp.m);
      pp.m = kNone;
    }
    if (pp.status != PStatus::kDead) pp.status = PStatus::kGcStop;
  }
  m_s.nmspinning = 0;
  m_s.pidle.clear();
  Emit({.kind = EventKind::kStopTheWorld, .n = preempted});

  // procresize: new Ps start empty; Ps past n are destroyed, their runnext and ring moved to
  // the head of the global queue (p.destroy: ring from the tail, then runnext, each at the
  // head, so the order is runnext, ring..., old global queue); their timers move to P0.
  std::int64_t moved = 0;
  while (std::int32_t(m_s.ps.size()) < n) m_s.ps.push_back(MakeP(m_prog.config));
  for (std::int32_t i = n; i < std::int32_t(m_s.ps.size()); ++i) {
    P& pp = m_s.ps[std::size_t(i)];
    if (pp.status == PStatus::kDead) continue;
    while (pp.runqtail != pp.runqhead) {
      --pp.runqtail;
      GlobrunqputHead(pp.runq[pp.runqtail % pp.runq.size()]);
      ++moved;
    }
    if (pp.runnext != kNone) {
      GlobrunqputHead(pp.runnext);
      pp.runnext = kNone;
      ++moved;
    }
    pp.status = PStatus::kDead;
  }
  for (Timer& t : m_s.timers) {
    if (t.p >= n) t.p = 0;
  }
  for (std::int32_t i = 0; i < n; ++i) {
    P& pp = m_s.ps[std::size_t(i)];
    if (pp.status == PStatus::kDead) {
      pp = MakeP(m_prog.config);
    }
    pp.status = PStatus::kGcStop;
  }
  m_s.gomaxprocs = n;
  Emit({.kind = EventKind::kProcresize, .g = std::int32_t(moved), .n = n, .n2 = old});

  // Ps with local work get an M; the others go on the idle list, highest id first so the
  // lowest id is at the head.
  std::vector<std::int32_t> runnable;
  for (std::int32_t i = n - 1; i >= 0; --i) {
    P& pp = m_s.ps[std::size_t(i)];
    if (pp.RunqEmpty()) {
      Pidleput(i);
    } else {
      runnable.push_back(i);
    }
  }
  Emit({.kind = EventKind::kStartTheWorld});
  for (auto it = runnable.rbegin(); it != runnable.rend(); ++it) {
    Startm(*it, false, m_prog.config.m_wake_us);
  }
  // startTheWorld: wakep, in case the global queue has work.
  Wakep();
}

}  // namespace gs::sched
