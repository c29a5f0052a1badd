// The step loop: find the next scheduling event (quiet time skipped), apply it, hash state.
#include "engine/sched/model.h"

#include "engine/core/hash.h"
#include "engine/sched/sim.h"

namespace gs::sched {
namespace {

// What can happen next, ordered by time, then by class, then by key.
enum ItemClass : int { kResumeG = 0, kSyscallExit = 1, kTimer = 2, kFd = 3, kScheduleP = 4 };

struct Item {
  std::int64_t t = 0;
  int cls = 0;
  std::int32_t key = 0;
  bool Before(const Item& o) const {
    if (t != o.t) return t < o.t;
    if (cls != o.cls) return cls < o.cls;
    return key < o.key;
  }
};

bool NextItem(const State& s, Item* out) {
  bool found = false;
  auto consider = [&](Item it) {
    if (!found || it.Before(*out)) *out = it;
    found = true;
  };
  for (std::int32_t i = 0; i < s.gomaxprocs; ++i) {
    const P& p = s.ps[std::size_t(i)];
    if (p.m == kNone) continue;
    const M& m = s.ms[std::size_t(p.m)];
    if (m.state == MState::kRunning) consider({s.Gor(m.curg).until, kResumeG, i});
    if (m.state == MState::kSchedule) consider({std::max(m.ready_at, s.now), kScheduleP, i});
  }
  for (std::size_t j = 0; j < s.ms.size(); ++j) {
    const M& m = s.ms[j];
    if (m.state == MState::kSyscall) consider({s.Gor(m.curg).until, kSyscallExit, std::int32_t(j)});
  }
  if (!s.timers.empty()) consider({s.timers.front().when, kTimer, 0});
  for (std::size_t k = 0; k < s.poller.size(); ++k) {
    if (!s.poller[k].ready) consider({s.poller[k].ready_at, kFd, std::int32_t(k)});
  }
  return found;
}

bool AnyUserGoroutineLeft(const State& s) {
  for (std::size_t i = 0; i < s.gs.size(); ++i) {
    const G& g = s.gs[i];
    if (!g.system && g.status != GStatus::kDead) return true;
  }
  return false;
}

// One 64-bit digest per G (a multiply-xorshift chain): byte-wise FNV over every field made
// hashing dominate the build time with 10,000 goroutines.
void HashG(Hasher& h, const G& g) {
  std::uint64_t x = 0x243f6a8885a308d3ULL;
  auto mix = [&x](std::uint64_t v) {
    x = (x ^ v) * 0x9e3779b97f4a7c15ULL;
    x ^= x >> 29;
  };
  mix(std::uint64_t(std::uint32_t(g.goid)) | std::uint64_t(std::uint16_t(g.func)) << 32 |
      std::uint64_t(std::uint16_t(g.group)) << 48);
  mix(std::uint64_t(std::uint32_t(g.index)) | std::uint64_t(g.status) << 32 |
      std::uint64_t(g.wait) << 40 | std::uint64_t(g.system) << 48 | std::uint64_t(g.is_main) << 49);
  mix(std::uint64_t(std::uint32_t(g.pc)) | std::uint64_t(std::uint32_t(g.rep)) << 32);
  mix(std::uint64_t(std::uint32_t(g.m)) | std::uint64_t(std::uint32_t(g.runs)) << 32);
  mix(std::uint64_t(g.left));
  mix(std::uint64_t(g.until));
  mix(std::uint64_t(std::uint32_t(g.created_by)) | std::uint64_t(std::uint32_t(g.created_pc))
                                                       << 32);
  for (Value v : g.locals) mix(std::uint64_t(v));
  mix(std::uint64_t(g.select_done) | std::uint64_t(std::uint8_t(g.select_case)) << 8 |
      std::uint64_t(g.wake_success) << 16 | std::uint64_t(g.wake_pending) << 17);
  mix(std::uint64_t(g.served));
  // Actor fields only when used, so scenarios without actors hash as they always did.
  if (g.actor != kNone || g.recover || g.ask_state != 0) {
    mix(std::uint64_t(std::uint16_t(g.actor)) | std::uint64_t(g.recover) << 16 |
        std::uint64_t(std::uint8_t(g.ask_state)) << 24);
  }
  h.Add(x);
}

}  // namespace

State SchedModel::Initial() const {
  const Program& pr = *m_program;
  const Config& cfg = pr.config;
  State s;
  std::vector<Event> sink;
  Sim sim(pr, s, sink);
  s.gomaxprocs = cfg.gomaxprocs;
  for (std::int32_t i = 0; i < cfg.gomaxprocs; ++i) s.ps.push_back(MakeP(cfg));
  s.rng.state = cfg.seed;
  s.chans.resize(pr.chan_names.size());
  for (std::size_t c = 0; c < pr.chan_names.size(); ++c) {
    // Channels declared in "chans" are made before main runs (package-level makes).
    Chan& ch = s.chans[c];
    ch.elem = pr.chan_elems[c];
    ch.dataqsiz = pr.chan_caps[c];
    ch.elemsize = ch.elem == VType::kStruct ? 0 : ch.elem == VType::kString ? 16 : 8;
    if (!pr.chan_made[c]) continue;
    ch.made = true;
    ch.buf.assign(std::size_t(ch.dataqsiz), 0);
    ch.full.assign(std::size_t(ch.dataqsiz), 0);
  }
  s.mailboxes.resize(pr.actors.size());
  s.group_alive.assign(pr.groups.size(), 0);
  s.group_total.assign(pr.groups.size(), 0);
  s.group_waiters.resize(pr.groups.size());
  bool have_main = false;
  for (std::size_t i = 0; i < pr.initial.size(); ++i) {
    const InitialG& ig = pr.initial[i];
    G g;
    g.goid = std::int32_t(i + 1);
    g.func = ig.func;
    g.group = ig.group;
    g.status = ig.status;
    g.wait = ig.wait;
    g.system = ig.system;
    if (!have_main && !ig.system && pr.funcs[std::size_t(ig.func)].name == "main") {
      g.is_main = true;
      have_main = true;
    }
    if (ig.group != kNone) {
      g.index = s.group_total[std::size_t(ig.group)]++;
      if (ig.status != GStatus::kDead) ++s.group_alive[std::size_t(ig.group)];
    }
    if (ig.status == GStatus::kRunning) {
      s.ms.push_back(M{});
      std::int32_t m = std::int32_t(s.ms.size() - 1);
      M& mm = s.ms.back();
      mm.state = MState::kRunning;
      mm.p = ig.p;
      mm.curg = g.goid;
      g.m = m;
      g.runs = 1;
      P& pp = s.ps[std::size_t(ig.p)];
      pp.m = m;
      pp.status = PStatus::kRunning;
    }
    if (ig.status == GStatus::kWaiting && ig.ch != kNone) {
      s.chans[std::size_t(ig.ch)].recvq.push_back({.g = g.goid});
    }
    s.gs.push_back(g);
  }
  for (std::size_t i = 0; i < pr.initial_ps.size() && i < s.ps.size(); ++i) {
    const InitialP& ip = pr.initial_ps[i];
    P& pp = s.ps[i];
    pp.schedtick = ip.schedtick;
    pp.runnext = ip.runnext == kNone ? kNone : ip.runnext + 1;
    for (std::int32_t x : ip.runq) {
      pp.runq[pp.runqtail % pp.runq.size()] = x + 1;
      ++pp.runqtail;
    }
  }
  for (std::int32_t x : pr.initial_global) s.runq.push_back(x + 1);
  // sysmon runs on its own M, without a P (newm(sysmon, nil) in runtime.main).
  if (cfg.sysmon) {
    s.ms.push_back(M{});
    s.ms.back().state = MState::kSysmon;
    s.sysmon.m = std::int32_t(s.ms.size() - 1);
    s.sysmon.next = s.sysmon.delay;
  }
  // Ps with local work but no running G get an M that starts in schedule(); the rest are idle.
  for (std::int32_t i = cfg.gomaxprocs - 1; i >= 0; --i) {
    P& pp = s.ps[std::size_t(i)];
    if (pp.m != kNone) continue;
    if (pp.RunqEmpty()) {
      sim.Pidleput(i);
    }
  }
  for (std::int32_t i = 0; i < cfg.gomaxprocs; ++i) {
    P& pp = s.ps[std::size_t(i)];
    if (pp.m == kNone && !pp.RunqEmpty()) sim.Startm(i, false, 0);
  }
  return s;
}

StepResult SchedModel::Step(State& s, std::vector<Event>& out) const {
  const Program& pr = *m_program;
  Sim sim(pr, s, out);
  // The next script op; op_steps counts the steps of the current one (run's "events").
  auto next_op = [&s] {
    ++s.pc;
    s.op_steps = 0;
  };
  // A step of a run op: counted, so a run with "events" stops after exactly that many.
  auto run_step = [&s](int op_index) {
    ++s.op_steps;
    return StepResult::Stepped(op_index);
  };
  for (std::int64_t guard = 0; guard < 100000000; ++guard) {
    if (std::size_t(s.pc) >= pr.ops.size()) return StepResult::Done();
    const int op_index = s.pc;
    const ScriptOp& op = pr.ops[std::size_t(s.pc)];
    const bool acts_on_g = op.code == ScriptCode::kGo || op.code == ScriptCode::kSyscall ||
                           op.code == ScriptCode::kWake || op.code == ScriptCode::kChan;
    // After exit(0) or checkdead nothing runs; an action on a G there is the author's mistake
    // (a script error), so the ops before it are passed over.
    if (s.ended && !acts_on_g) {
      next_op();
      continue;
    }
    if (op.code == ScriptCode::kGomaxprocs || acts_on_g) {
      // One step each, at the current time.
      if (op.code == ScriptCode::kGomaxprocs) sim.Gomaxprocs(op.n);
      if (op.code == ScriptCode::kGo) sim.ScriptGo(op);
      if (op.code == ScriptCode::kSyscall) sim.ScriptSyscall(op);
      if (op.code == ScriptCode::kWake) sim.ScriptWake(op);
      if (op.code == ScriptCode::kChan) sim.ScriptChan(op);
      next_op();
      if (sim.Failed()) return StepResult::Error(op_index, sim.Error());
      return StepResult::Stepped(op_index);
    }
    if (op.events >= 0 && s.op_steps >= op.events) {
      next_op();
      continue;
    }
    Item it;
    bool have = NextItem(s, &it);
    if (!have && op.until < 0) {
      if (AnyUserGoroutineLeft(s)) {
        // checkdead: no M can run anything and user goroutines remain: they are all asleep.
        out.push_back({.kind = EventKind::kDeadlock});
        s.ended = true;
        return run_step(op_index);
      }
      s.pc = std::int32_t(pr.ops.size());
      s.op_steps = 0;
      return StepResult::Done();
    }
    std::int64_t horizon = have ? it.t : op.until;
    if (op.until >= 0 && horizon > op.until) horizon = op.until;
    if (pr.config.sysmon && s.sysmon.next <= horizon) {
      bool visible = sim.SysmonRound();
      if (sim.Failed()) return StepResult::Error(op_index, sim.Error());
      if (visible) return run_step(op_index);
      continue;
    }
    if (op.until >= 0 && (!have || it.t > op.until)) {
      s.now = std::max(s.now, op.until);
      next_op();
      continue;
    }
    s.now = std::max(s.now, it.t);
    bool visible = true;
    switch (it.cls) {
      case kResumeG:
        visible = sim.ResumeG(it.key);
        break;
      case kSyscallExit:
        sim.Exitsyscall(it.key);
        break;
      case kTimer:
        sim.TimerFire();
        break;
      case kFd:
        sim.FdReady(std::size_t(it.key));
        break;
      case kScheduleP:
        sim.Schedule(it.key);
        break;
      default:
        break;
    }
    if (sim.Failed()) return StepResult::Error(op_index, sim.Error());
    if (visible) return run_step(op_index);
  }
  return StepResult::Error(s.pc, "the scheduler made no visible progress");
}

std::size_t SchedModel::StateBytes(const State& s) {
  std::size_t n = sizeof(State) + s.ms.size() * sizeof(M) + s.timers.size() * sizeof(Timer) +
                  s.poller.size() * sizeof(PollWait) + s.selects.size() * sizeof(SelectRecord);
  for (const P& p : s.ps) n += sizeof(P) + p.runq.size() * sizeof(std::int32_t);
  for (const Chan& c : s.chans) {
    n += sizeof(Chan) + c.buf.size() * (sizeof(Value) + 1) +
         (c.recvq.size() + c.sendq.size()) * sizeof(Sudog);
  }
  for (const auto& w : s.group_waiters) n += sizeof(w) + w.size() * sizeof(std::int32_t);
  n += (s.group_alive.size() + s.group_total.size()) * sizeof(std::int32_t);
  for (const Mailbox& mb : s.mailboxes) n += sizeof(Mailbox) + mb.queue.size() * sizeof(Message);
  n += s.lost.size() * sizeof(LostMsg);
  return n;
}

std::uint64_t SchedModel::Hash(const State& s) const {
  Hasher h;
  h.Add(s.now);
  h.Add(s.gomaxprocs);
  s.gs.HashInto(h, HashG);
  h.Add(s.ms.size());
  for (const M& m : s.ms) {
    h.Add(m.state);
    h.Add(m.p);
    h.Add(m.curg);
    h.Add(m.oldp);
    h.Add(m.spinning);
    h.Add(m.ready_at);
  }
  h.Add(s.ps.size());
  for (const P& p : s.ps) {
    h.Add(p.status);
    h.Add(p.m);
    h.Add(p.runqhead);
    h.Add(p.runqtail);
    // A fast fold of the ring (byte-wise FNV over up to 256 entries per P per step made
    // hashing most of the build time).
    std::uint64_t ring = 0x452821e638d01377ULL;
    for (std::uint32_t i = 0; i < p.RunqSize(); ++i) {
      ring = (ring ^ std::uint64_t(std::uint32_t(p.RunqAt(i)))) * 0x9e3779b97f4a7c15ULL;
      ring ^= ring >> 29;
    }
    h.Add(ring);
    h.Add(p.runnext);
    h.Add(p.schedtick);
    h.Add(p.syscalltick);
    h.Add(p.sysmon.schedtick);
    h.Add(p.sysmon.schedwhen);
    h.Add(p.sysmon.syscalltick);
    h.Add(p.sysmon.syscallwhen);
  }
  s.runq.HashInto(h);
  auto vec = [&h](const std::vector<std::int32_t>& v) {
    h.Add(v.size());
    for (auto x : v) h.Add(x);
  };
  vec(s.pidle);
  vec(s.midle);
  h.Add(s.nmspinning);
  std::uint64_t chans = 0xa4093822299f31d0ULL;
  auto cmix = [&chans](std::uint64_t v) {
    chans = (chans ^ v) * 0x9e3779b97f4a7c15ULL;
    chans ^= chans >> 29;
  };
  for (const Chan& c : s.chans) {
    if (!c.digest_ok) {
      Hasher hc;
      hc.Add(c.made);
      hc.Add(c.closed);
      hc.Add(c.qcount);
      hc.Add(c.dataqsiz);
      hc.Add(c.sendx);
      hc.Add(c.recvx);
      for (std::size_t i = 0; i < c.buf.size(); ++i) {
        hc.Add(c.buf[i]);
        hc.Add(c.full[i]);
      }
      for (const std::vector<Sudog>* q : {&c.recvq, &c.sendq}) {
        std::uint64_t x = 0x13198a2e03707344ULL ^ q->size();
        auto mix = [&x](std::uint64_t v) {
          x = (x ^ v) * 0x9e3779b97f4a7c15ULL;
          x ^= x >> 29;
        };
        for (const Sudog& sg : *q) {
          mix(std::uint64_t(std::uint32_t(sg.g)) | std::uint64_t(std::uint8_t(sg.elem)) << 32 |
              std::uint64_t(std::uint8_t(sg.ok)) << 40 | std::uint64_t(sg.is_select) << 48 |
              std::uint64_t(std::uint8_t(sg.select_case)) << 56);
          mix(std::uint64_t(sg.value));
        }
        hc.Add(x);
      }
      c.digest = hc.Value();
      c.digest_ok = true;
    }
    cmix(c.digest);
  }
  h.Add(chans);
  h.Add(s.selects.size());
  h.Add(s.served_seq);
  h.Add(s.panic);
  // Groups no goroutine has used yet are left out: a script cut short (or branched) names
  // fewer groups, and its states up to the cut must hash as the original's do.
  std::uint64_t groups = 0x082efa98ec4e6c89ULL;
  auto gmix = [&groups](std::uint64_t v) {
    groups = (groups ^ v) * 0x9e3779b97f4a7c15ULL;
    groups ^= groups >> 29;
  };
  for (std::size_t i = 0; i < s.group_total.size(); ++i) {
    if (s.group_total[i] == 0 && s.group_alive[i] == 0 && s.group_waiters[i].empty()) continue;
    gmix(i);
    gmix(std::uint64_t(std::uint32_t(s.group_alive[i])) |
         std::uint64_t(std::uint32_t(s.group_total[i])) << 32);
    gmix(s.group_waiters[i].size());
    for (std::int32_t w : s.group_waiters[i]) gmix(std::uint64_t(std::uint32_t(w)));
  }
  h.Add(groups);
  h.Add(s.timers.size());
  for (const Timer& t : s.timers) {
    h.Add(t.when);
    h.Add(t.g);
    h.Add(t.p);
  }
  h.Add(s.poller.size());
  for (const PollWait& w : s.poller) {
    h.Add(w.g);
    h.Add(w.ready_at);
    h.Add(w.ready);
  }
  h.Add(s.netpoll_m);
  h.Add(s.lastpoll);
  h.Add(s.sysmon.next);
  h.Add(s.sysmon.delay);
  h.Add(s.sysmon.idle);
  h.Add(s.rng.state);
  h.Add(s.ended);
  h.Add(s.pc);
  h.Add(s.op_steps);
  if (!s.mailboxes.empty() || s.panic_value != 0 || s.blocked_us != 0 || s.blocked_now != 0) {
    std::uint64_t box = 0x3f84d5b5b5470917ULL;
    auto bmix = [&box](std::uint64_t v) {
      box = (box ^ v) * 0x9e3779b97f4a7c15ULL;
      box ^= box >> 29;
    };
    for (const Mailbox& mb : s.mailboxes) {
      bmix(std::uint64_t(std::uint32_t(mb.g)) | std::uint64_t(mb.holding) << 32 |
           std::uint64_t(mb.down) << 33 | std::uint64_t(std::uint32_t(mb.restarts)) << 34);
      bmix(std::uint64_t(mb.Length()));
      // Seqs are unique and a mailbox only appends and takes from the head, so its first and
      // last seq and its length say which messages it holds (hashing all made a flood O(n^2)).
      if (mb.Length() > 0) {
        bmix(std::uint64_t(mb.queue[mb.head].seq));
        bmix(std::uint64_t(mb.queue.back().seq));
      }
      bmix(std::uint64_t(mb.in_hand.seq) ^ std::uint64_t(mb.received) << 20);
    }
    bmix(std::uint64_t(s.msg_seq));
    bmix(s.lost.size());
    bmix(std::uint64_t(s.panic_value));
    bmix(std::uint64_t(s.blocked_us));
    bmix(std::uint64_t(s.blocked_now));
    h.Add(box);
  }
  return h.Value();
}

}  // namespace gs::sched
