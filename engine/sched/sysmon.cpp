// sysmon: the monitor thread on an M without a P (proc.go: sysmon, retake, preemptone).
#include <algorithm>

#include "engine/sched/sim.h"

namespace gs::sched {

namespace {
constexpr std::int64_t kSysmonMinUs = 20;
constexpr std::int64_t kSysmonMaxUs = 10000;
constexpr std::int64_t kNetpollPeriodUs = 10000;  // sysmon polls if nobody did for 10 ms
constexpr std::int32_t kIdleRoundsBeforeBackoff = 50;
}  // namespace

bool Sim::Preemptone(std::int32_t p) {
  P& pp = m_s.ps[std::size_t(p)];
  if (pp.m == kNone) return false;
  M& mm = m_s.ms[std::size_t(pp.m)];
  if (mm.curg == kNone || mm.state != MState::kRunning) return false;
  std::int32_t g = mm.curg;
  std::int32_t m = pp.m;
  // preemptone sets gp.preempt and sends SIGURG (async preemption, Go 1.14): the G stops at
  // once and gopreempt_m -> goschedImpl puts it on the global queue.
  G& gg = m_s.MutG(g);
  std::int64_t ran = m_s.now - pp.sysmon.schedwhen;
  if (gg.left > 0) gg.left = std::max<std::int64_t>(gg.until - m_s.now, 1);
  gg.status = GStatus::kRunnable;
  gg.m = kNone;
  Emit({.kind = EventKind::kPreempt, .g = g, .p = p, .m = m, .n = ran});
  Globrunqput(g);
  ToSchedule(m);
  return true;
}

std::int32_t Sim::Retake() {
  const std::int64_t now = m_s.now;
  std::int32_t n = 0;
  for (std::int32_t i = 0; i < m_s.gomaxprocs; ++i) {
    P& pp = m_s.ps[std::size_t(i)];
    SysmonTick& pd = pp.sysmon;
    bool sysretake = false;
    if (pp.status == PStatus::kRunning || pp.status == PStatus::kSyscall) {
      // Preempt a G that has held the P for forcePreemptNS: schedtick unchanged since the
      // round that first saw it, 10 ms ago or more.
      if (pd.schedtick != pp.schedtick) {
        pd.schedtick = pp.schedtick;
        pd.schedwhen = now;
      } else if (pd.schedwhen + m_prog.config.force_preempt_us <= now) {
        Preemptone(i);
        sysretake = true;
      }
    }
    if (pp.status != PStatus::kSyscall) continue;
    // Retake a P in a syscall once a whole sysmon tick saw the same syscalltick.
    if (!sysretake && pd.syscalltick != pp.syscalltick) {
      pd.syscalltick = pp.syscalltick;
      pd.syscallwhen = now;
      continue;
    }
    // Leave it if it has no work, others spin or idle, and the syscall is under 10 ms.
    if (pp.RunqEmpty() && m_s.nmspinning + m_s.Npidle() > 0 && pd.syscallwhen + 10000 > now) {
      continue;
    }
    Emit({.kind = EventKind::kRetake, .p = i, .n = now - pd.syscallwhen});
    pp.status = PStatus::kIdle;
    ++n;
    ++pp.syscalltick;
    Handoffp(i);
  }
  return n;
}

bool Sim::SysmonRound() {
  m_s.now = m_s.sysmon.next;
  bool visible = false;
  std::int64_t slept = m_s.sysmon.delay;
  // Poll the network if nobody has for 10 ms.
  if (!m_s.poller.empty() && m_s.netpoll_m == kNone && m_s.lastpoll + kNetpollPeriodUs < m_s.now) {
    m_s.lastpoll = m_s.now;
    std::vector<std::int32_t> list = Netpoll();
    if (!list.empty()) {
      Emit({.kind = EventKind::kSysmonRound, .n = slept});
      Emit({.kind = EventKind::kNetpollFound, .p = kNone, .n = std::int64_t(list.size())});
      Injectglist(std::move(list), kNone);
      visible = true;
    }
  }
  bool all_idle = m_s.Npidle() == m_s.gomaxprocs;
  std::int32_t n = 0;
  if (!all_idle) {
    std::size_t ev_before = m_out.size();
    n = Retake();
    if (m_out.size() != ev_before) {
      if (!visible) {
        m_out.insert(m_out.begin() + std::ptrdiff_t(ev_before),
                     Event{.kind = EventKind::kSysmonRound, .n = slept});
      }
      visible = true;
    }
  }
  // Back-off: 20 µs while busy; after 50 idle rounds, double up to 10 ms. With every P idle
  // the runtime parks sysmon on a note; simplified: it restarts at 20 µs.
  if (n != 0 || all_idle) {
    m_s.sysmon.idle = 0;
  } else {
    ++m_s.sysmon.idle;
  }
  if (m_s.sysmon.idle == 0) {
    m_s.sysmon.delay = kSysmonMinUs;
  } else if (m_s.sysmon.idle > kIdleRoundsBeforeBackoff) {
    m_s.sysmon.delay = std::min(m_s.sysmon.delay * 2, kSysmonMaxUs);
  }
  m_s.sysmon.next = m_s.now + m_s.sysmon.delay;
  return visible;
}

}  // namespace gs::sched
