// Blocking system calls (proc.go: entersyscall, exitsyscall, exitsyscallfast, exitsyscall0,
// handoffp).
#include "engine/sched/sim.h"

namespace gs::sched {

void Sim::Entersyscall(std::int32_t g, std::int64_t us) {
  // entersyscall: G -> _Gsyscall, P -> _Psyscall; the M keeps the P as m.oldp. No handoff yet:
  // sysmon's retake decides later whether the P is needed elsewhere.
  std::int32_t m = m_s.Gor(g).m;
  M& mm = m_s.ms[std::size_t(m)];
  std::int32_t p = mm.p;
  P& pp = m_s.ps[std::size_t(p)];
  pp.status = PStatus::kSyscall;
  pp.m = kNone;
  mm.oldp = p;
  mm.p = kNone;
  mm.state = MState::kSyscall;
  G& gg = m_s.MutG(g);
  gg.status = GStatus::kSyscall;
  gg.until = m_s.now + us;
  Emit({.kind = EventKind::kEnterSyscall, .g = g, .p = p, .m = m, .n = us});
}

void Sim::Exitsyscall(std::int32_t m) {
  M& mm = m_s.ms[std::size_t(m)];
  std::int32_t g = mm.curg;
  std::int32_t oldp = mm.oldp;
  mm.oldp = kNone;
  std::int32_t p = kNone;
  int path = 2;
  // exitsyscallfast: first the old P, if it is still _Psyscall (nobody retook it) ...
  if (oldp != kNone && m_s.ps[std::size_t(oldp)].status == PStatus::kSyscall) {
    p = oldp;
    path = 0;
  } else if (!m_s.pidle.empty()) {
    // ... else any idle P.
    p = Pidleget();
    path = 1;
  }
  if (p != kNone) {
    P& pp = m_s.ps[std::size_t(p)];
    pp.status = PStatus::kRunning;
    pp.m = m;
    ++pp.syscalltick;
    mm.p = p;
    mm.state = MState::kRunning;
    G& gg = m_s.MutG(g);
    gg.status = GStatus::kRunning;
    // It resumes at once; CPU work a script "syscall" interrupted goes on (as in execute).
    gg.until = m_s.now + (gg.left > 0 ? gg.left : 0);
    Emit({.kind = EventKind::kExitSyscall, .g = g, .p = p, .m = m, .n = path});
    return;
  }
  // exitsyscall0: no P anywhere: the G goes to the global queue and the M stops.
  G& gg = m_s.MutG(g);
  gg.status = GStatus::kRunnable;
  gg.m = kNone;
  Emit({.kind = EventKind::kExitSyscall, .g = g, .p = oldp, .m = m, .n = 2});
  Globrunqput(g);
  mm.curg = kNone;
  mm.state = MState::kIdle;
  m_s.midle.push_back(m);
}

void Sim::Handoffp(std::int32_t p) {
  P& pp = m_s.ps[std::size_t(p)];
  // handoffp: start an M right away if there is local or global work.
  if (!pp.RunqEmpty() || !m_s.runq.empty()) {
    Emit({.kind = EventKind::kHandoff, .flag = true, .p = p, .n = 0});
    Startm(p, false, m_prog.config.m_wake_us);
    return;
  }
  // No spinning M and no idle P: someone must spin, so start a spinning M.
  if (m_s.nmspinning + m_s.Npidle() == 0) {
    m_s.nmspinning = 1;
    Emit({.kind = EventKind::kHandoff, .flag = true, .p = p, .n = 1});
    Startm(p, true, m_prog.config.m_wake_us);
    return;
  }
  // The last running P, and no M polls the network: keep an M on it.
  if (m_s.Npidle() == m_s.gomaxprocs - 1 && m_s.netpoll_m == kNone) {
    Emit({.kind = EventKind::kHandoff, .flag = true, .p = p, .n = 2});
    Startm(p, false, m_prog.config.m_wake_us);
    return;
  }
  Pidleput(p);
  Emit({.kind = EventKind::kHandoff, .flag = false, .p = p});
}

}  // namespace gs::sched
