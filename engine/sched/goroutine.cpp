// What a running G does: its program's ops (proc.go newproc, gopark, goready, goschedImpl,
// goexit0; chan.go chansend/chanrecv; sema.go for WaitGroup.Wait).
#include "engine/sched/limits.h"
#include "engine/sched/sim.h"

namespace gs::sched {

namespace {

bool CountsAsBlocked(WaitReason w) {
  // Senders' blocked time (the compare's counter): a send waiting for room or a receiver
  // (chansend's gopark), and an ask waiting for its reply. A tell never waits.
  return w == WaitReason::kChanSend || w == WaitReason::kActorAsk;
}

}  // namespace

std::int32_t Sim::Newproc(std::int32_t p, std::int32_t parent, std::int16_t func,
                          std::int16_t group, std::int32_t index) {
  if (m_s.gs.size() >= limits::kMaxGoroutines) {
    m_error = "more than the limit kMaxGoroutines = " + std::to_string(limits::kMaxGoroutines) +
              " goroutines";
    return kNone;
  }
  G g;
  g.goid = std::int32_t(m_s.gs.size() + 1);
  g.func = func;
  g.group = group;
  g.index = index;
  g.status = GStatus::kRunnable;
  g.created_by = parent;
  g.created_pc = parent == kNone ? 0 : m_s.Gor(parent).pc;
  m_s.gs.push_back(g);
  if (group != kNone) ++m_s.group_alive[std::size_t(group)];
  Emit({.kind = EventKind::kNewproc, .g = g.goid, .g2 = parent, .p = p});
  // newproc: runqput(pp, newg, next=true), then wakep (main has started).
  Runqput(p, g.goid, true);
  Wakep();
  return g.goid;
}

void Sim::Goready(std::int32_t g, std::int32_t p, std::int32_t by) {
  G& gg = m_s.MutG(g);
  gg.status = GStatus::kRunnable;
  gg.wait = WaitReason::kNoReason;
  Emit({.kind = EventKind::kReady, .g = g, .g2 = by, .p = p});
  // ready(): runqput(pp, gp, next=true) then wakep.
  Runqput(p, g, true);
  Wakep();
}

void Sim::Gopark(std::int32_t g, WaitReason why) {
  G& gg = m_s.MutG(g);
  gg.status = GStatus::kWaiting;
  gg.wait = why;
  gg.m = kNone;
  gg.parked_at = m_s.now;
  if (CountsAsBlocked(why)) {
    // Counted until it runs again (execute): the time its send or ask statement took.
    gg.blocked = true;
    ++m_s.blocked_now;
    m_s.blocked_since += m_s.now;
  }
  Emit({.kind = EventKind::kPark, .g = g, .wait = why});
}

void Sim::Goexit(std::int32_t g, bool crashed) {
  std::int32_t m = m_s.Gor(g).m;
  std::int32_t p = m_s.ms[std::size_t(m)].p;
  G& gg = m_s.MutG(g);
  gg.status = GStatus::kDead;
  gg.m = kNone;
  bool is_main = gg.is_main;
  std::int16_t group = gg.group;
  const bool actor = gg.actor != kNone;
  Emit({.kind = EventKind::kExit, .g = g, .p = p, .m = m});
  if (is_main) {
    // main.main returned: runtime.main calls exit(0) without waiting for other goroutines.
    Emit({.kind = EventKind::kMainExit, .g = g});
    m_s.ended = true;
    return;
  }
  if (group != kNone && --m_s.group_alive[std::size_t(group)] == 0) {
    // The last Done: semrelease readies every waiter onto this P.
    std::vector<std::int32_t> waiters = std::move(m_s.group_waiters[std::size_t(group)]);
    m_s.group_waiters[std::size_t(group)].clear();
    for (std::int32_t w : waiters) Goready(w, p, g);
  }
  if (actor) ActorGone(g, p, crashed);
  ToSchedule(m);
}

bool Sim::ChanOp(std::int32_t p, std::int32_t m, std::int32_t g, const GInstr& in) {
  // A channel op leaves pc on itself while g is parked; the wake's end (FinishWake) moves on.
  std::int32_t jump = 1;
  OpEnd end = OpEnd::kContinue;
  bool visible = true;
  if (m_s.Gor(g).wake_pending) {
    end = FinishWake(g, in, &jump, &visible);
  } else {
    switch (in.op) {
      case GOp::kChanSend:
        end = Chansend(g, p, in.ch, Eval(g, in.value), true, -1);
        break;
      case GOp::kChanRecv:
        end = Chanrecv(g, p, in.ch, in.into, in.ok, true, -1, false);
        break;
      case GOp::kRangeRecv:
        end = Chanrecv(g, p, in.ch, in.into, kNone, true, -1, true);
        // Closed and drained: the loop ends.
        if (end == OpEnd::kContinue && !m_out.empty() &&
            m_out.back().kind == EventKind::kChanRecv &&
            m_out.back().n == std::int64_t(ChanPath::kClosed)) {
          jump = in.jump;
        }
        break;
      case GOp::kClose:
        end = Closechan(g, p, in.ch);
        break;
      case GOp::kSelect:
        end = Select(g, p, m_prog.selects[std::size_t(in.sel)], &jump);
        break;
      default:
        end = MakeChan(g, in.ch, in.cap);
        break;
    }
  }
  if (end == OpEnd::kEnded) return true;
  if (end == OpEnd::kParked) {
    ToSchedule(m);
    return true;
  }
  G& gg = m_s.MutG(g);
  gg.pc += jump;
  gg.until = m_s.now;
  return visible;
}

bool Sim::ResumeG(std::int32_t p) {
  std::int32_t m = m_s.ps[std::size_t(p)].m;
  std::int32_t g = m_s.ms[std::size_t(m)].curg;
  while (true) {
    const G& cur = m_s.Gor(g);
    const GInstr& in = m_prog.funcs[std::size_t(cur.func)].body[std::size_t(cur.pc)];
    switch (in.op) {
      case GOp::kRun: {
        G& gg = m_s.MutG(g);
        if (gg.left < 0) {
          if (in.us == 0) {
            ++gg.pc;
            continue;
          }
          gg.left = in.us;
          gg.until = m_s.now + in.us;
          return false;  // CPU work is quiet time: no step until it ends
        }
        gg.left = -1;
        ++gg.pc;
        continue;
      }
      case GOp::kGo: {
        std::int32_t index = in.group == kNone ? 0 : m_s.group_total[std::size_t(in.group)]++;
        Newproc(p, g, in.func, in.group, index);
        G& gg = m_s.MutG(g);
        if (++gg.rep >= in.repeat) {
          gg.rep = 0;
          ++gg.pc;
        }
        gg.until = m_s.now;
        return true;
      }
      case GOp::kGosched: {
        // goschedImpl: _Grunnable, onto the global queue, then schedule().
        G& gg = m_s.MutG(g);
        ++gg.pc;
        gg.status = GStatus::kRunnable;
        gg.m = kNone;
        Emit({.kind = EventKind::kGosched, .g = g, .p = p, .m = m});
        Globrunqput(g);
        ToSchedule(m);
        return true;
      }
      case GOp::kSyscall:
        ++m_s.MutG(g).pc;
        Entersyscall(g, in.us);
        return true;
      case GOp::kSleep:
        ++m_s.MutG(g).pc;
        TimerSet(g, p, in.us);
        Gopark(g, WaitReason::kSleep);
        ToSchedule(m);
        return true;
      case GOp::kNetRead:
        ++m_s.MutG(g).pc;
        NetBlock(g, in.us);
        Gopark(g, WaitReason::kIOWait);
        ToSchedule(m);
        return true;
      case GOp::kChanSend:
      case GOp::kChanRecv:
      case GOp::kRangeRecv:
      case GOp::kClose:
      case GOp::kSelect:
      case GOp::kMakeChan:
        if (ChanOp(p, m, g, in)) return true;
        continue;
      case GOp::kJump:
        m_s.MutG(g).pc += in.jump;
        continue;
      case GOp::kSpawn:
      case GOp::kTell:
      case GOp::kAsk:
      case GOp::kReceive:
      case GOp::kReply:
        if (ActorOp(p, m, g, in)) return true;
        continue;
      case GOp::kDeferRecover: {
        G& gg = m_s.MutG(g);
        gg.recover = true;
        ++gg.pc;
        continue;
      }
      case GOp::kPanic: {
        // A conditional panic ("when") whose local differs goes on quietly.
        if (in.when_local != kNone && cur.locals[std::size_t(in.when_local)] != in.when_value) {
          ++m_s.MutG(g).pc;
          continue;
        }
        UserPanic(g, in.value.literal);
        return true;
      }
      case GOp::kSet:
      case GOp::kAdd: {
        Value v = Eval(g, in.value);
        G& gg = m_s.MutG(g);
        Value& dst = gg.locals[std::size_t(in.into)];
        dst = in.op == GOp::kSet ? v : dst + v;
        ++gg.pc;
        continue;
      }
      case GOp::kPrint: {
        Value v = Eval(g, in.value);
        ++m_s.MutG(g).pc;
        Emit({.kind = EventKind::kPrint, .g = g, .n = std::int64_t(in.value.type), .n2 = v});
        m_s.MutG(g).until = m_s.now;
        return true;
      }
      case GOp::kWait: {
        ++m_s.MutG(g).pc;
        if (m_s.group_alive[std::size_t(in.group)] == 0) {
          Emit({.kind = EventKind::kWaitDone, .ch = in.group, .g = g});
          m_s.MutG(g).until = m_s.now;
          return true;
        }
        m_s.group_waiters[std::size_t(in.group)].push_back(g);
        Gopark(g, WaitReason::kSemacquire);
        ToSchedule(m);
        return true;
      }
      case GOp::kExit:
        Goexit(g);
        return true;
    }
  }
}

}  // namespace gs::sched
