// What a running G does: its program's ops (proc.go newproc, gopark, goready, goschedImpl,
// goexit0; chan.go chansend/chanrecv; sema.go for WaitGroup.Wait).
#include "engine/sched/limits.h"
#include "engine/sched/sim.h"

namespace gs::sched {

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
  Emit({.kind = EventKind::kPark, .g = g, .wait = why});
}

void Sim::Goexit(std::int32_t g) {
  std::int32_t m = m_s.Gor(g).m;
  std::int32_t p = m_s.ms[std::size_t(m)].p;
  G& gg = m_s.MutG(g);
  gg.status = GStatus::kDead;
  gg.m = kNone;
  bool is_main = gg.is_main;
  std::int16_t group = gg.group;
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
  ToSchedule(m);
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
      case GOp::kChanSend: {
        ++m_s.MutG(g).pc;
        Chan& c = m_s.chans[std::size_t(in.ch)];
        std::int32_t cap = m_prog.chan_caps[std::size_t(in.ch)];
        if (!c.recvq.empty()) {
          // chansend: a receiver is parked: copy straight to it and goready it.
          std::int32_t r = c.recvq.front();
          c.recvq.erase(c.recvq.begin());
          Emit({.kind = EventKind::kChanSend, .ch = in.ch, .g = g, .g2 = r, .n = 0});
          Goready(r, p, g);
          m_s.MutG(g).until = m_s.now;
          return true;
        }
        if (c.count < cap) {
          ++c.count;
          Emit({.kind = EventKind::kChanSend, .ch = in.ch, .g = g, .n = 1, .n2 = c.count});
          m_s.MutG(g).until = m_s.now;
          return true;
        }
        c.sendq.push_back(g);
        Emit({.kind = EventKind::kChanSend, .ch = in.ch, .g = g, .n = 2});
        Gopark(g, WaitReason::kChanSend);
        ToSchedule(m);
        return true;
      }
      case GOp::kChanRecv: {
        ++m_s.MutG(g).pc;
        Chan& c = m_s.chans[std::size_t(in.ch)];
        if (!c.sendq.empty()) {
          // chanrecv: a sender is parked: take its value (buffered: the head of the buffer,
          // and the sender's value goes to the tail) and goready it.
          std::int32_t snd = c.sendq.front();
          c.sendq.erase(c.sendq.begin());
          Emit({.kind = EventKind::kChanRecv, .ch = in.ch, .g = g, .g2 = snd, .n = 0});
          Goready(snd, p, g);
          m_s.MutG(g).until = m_s.now;
          return true;
        }
        if (c.count > 0) {
          --c.count;
          Emit({.kind = EventKind::kChanRecv, .ch = in.ch, .g = g, .n = 1, .n2 = c.count});
          m_s.MutG(g).until = m_s.now;
          return true;
        }
        c.recvq.push_back(g);
        Emit({.kind = EventKind::kChanRecv, .ch = in.ch, .g = g, .n = 2});
        Gopark(g, WaitReason::kChanReceive);
        ToSchedule(m);
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
