#include "engine/io/model.h"

#include "engine/core/hash.h"
#include "engine/io/lane_sim.h"

namespace gs::io {

const char* ModelName(ModelKind m) {
  switch (m) {
    case ModelKind::kBio:
      return "bio";
    case ModelKind::kNio:
      return "nio";
    case ModelKind::kMultiplex:
      return "multiplex";
    case ModelKind::kSignal:
      return "signal";
    case ModelKind::kAsync:
      return "async";
  }
  return "?";
}

const char* PollerName(Poller p) {
  switch (p) {
    case Poller::kSelect:
      return "select";
    case Poller::kPoll:
      return "poll";
    case Poller::kEpoll:
      return "epoll";
  }
  return "?";
}

State IoModel::Initial() const {
  const Program& p = *m_program;
  State s;
  for (const Lane& lane : p.lanes) {
    World w;
    w.fds.resize(p.named_fds);
    for (std::size_t i = 0; i < p.named_fds; ++i) w.fds[i].expected = p.fds[i].total;
    // Blocking IO needs a thread per connection, idle or not; the others need one.
    const std::size_t threads = lane.model == ModelKind::kBio ? p.named_fds : 1;
    w.threads.resize(threads);
    w.c.threads = lane.model == ModelKind::kBio ? std::int64_t(p.fds.size()) : 1;
    if (p.HasPrograms()) {
      // The scenario's own threads, each with its program's loop counters.
      w.threads.assign(p.threads.size(), Thread{});
      for (std::size_t t = 0; t < p.threads.size(); ++t) {
        w.threads[t].loops.assign(std::size_t(p.threads[t].loops), 0);
      }
      w.c.threads = std::int64_t(p.threads.size());
    }
    s.worlds.push_back(std::move(w));
  }
  return s;
}

std::int64_t NextDue(const Program& p, const World& w, std::int64_t now) {
  std::int64_t best = -1;
  auto take = [&](std::int64_t t) {
    if (t >= now && (best < 0 || t < best)) best = t;
  };
  for (std::size_t i = 0; i < w.fds.size(); ++i) {
    const FdState& f = w.fds[i];
    const FdDecl& d = p.fds[i];
    if (f.next < d.arrivals.size()) take(d.arrivals[f.next].at_us);
    if (f.kcopy_until >= 0) take(f.kcopy_until);
  }
  if (p.HasPrograms() && w.finished) return best;  // its threads have stopped
  for (const Thread& th : w.threads) {
    if (th.state != ThreadState::kDone && th.until >= 0) take(th.until);
  }
  return best;
}

StepResult IoModel::Step(State& s, std::vector<Event>& out) const {
  const Program& p = *m_program;
  while (s.op < p.ops.size()) {
    const Op& op = p.ops[s.op];
    const int op_index = int(s.op);
    if (op.code == OpCode::kArrive) {
      for (std::size_t l = 0; l < s.worlds.size(); ++l) {
        LaneSim(p, std::uint8_t(l), s.worlds[l], s.now, out).ArriveNow(op.fd, op.bytes);
      }
      ++s.op;
      return StepResult::Stepped(op_index);
    }
    std::int64_t t = -1;
    for (const World& w : s.worlds) {
      const std::int64_t d = NextDue(p, w, s.now);
      if (d >= 0 && (t < 0 || d < t)) t = d;
    }
    if (t < 0 || (op.code == OpCode::kUntil && t > op.us)) {
      if (op.code == OpCode::kUntil && op.us > s.now) s.now = op.us;
      ++s.op;
      continue;
    }
    s.now = t;
    for (std::size_t l = 0; l < s.worlds.size(); ++l) {
      LaneSim(p, std::uint8_t(l), s.worlds[l], s.now, out).RunInstant();
    }
    return StepResult::Stepped(op_index);
  }
  return StepResult::Done();
}

std::uint64_t IoModel::Hash(const State& s) const {
  Hasher h;
  h.Add(s.now);
  h.Add(s.op);
  for (const World& w : s.worlds) {
    for (const FdState& f : w.fds) {
      h.Add(f.rcvbuf);
      h.Add(f.arrived);
      h.Add(f.read);
      h.Add(f.expected);
      h.Add(f.next);
      h.Add(f.on_ready_list);
      h.Add(f.aio_pending);
      h.Add(f.sig_queued);
      h.Add(f.kcopy_until);
      h.Add(f.kcopy_bytes);
    }
    for (const Thread& th : w.threads) {
      h.Add(th.state);
      h.Add(th.call);
      h.Add(th.fd);
      h.Add(th.since);
      h.Add(th.until);
      h.Add(th.stage);
      h.Add(th.cursor);
      h.Add(th.copying);
      h.Add(th.read_this_round);
      h.Add(th.ready.size());
      for (std::int32_t x : th.ready) h.Add(x);
      if (!m_program->HasPrograms()) continue;  // canonical loops keep their hashes
      h.Add(th.pc);
      h.Add(th.hstage);
      h.Add(th.work_end);
      for (std::int32_t x : th.loops) h.Add(x);
    }
    if (m_program->HasPrograms()) {
      for (const FdState& f : w.fds) {
        h.Add(f.nonblock);
        h.Add(f.interest);
        h.Add(f.edge);
        h.Add(f.owner);
        h.Add(f.aio_owner);
      }
    }
    for (std::int32_t x : w.rdllist) h.Add(x);
    h.Add(std::int64_t(-2));
    for (std::int32_t x : w.sigq) h.Add(x);
    h.Add(std::int64_t(-3));
    for (std::int32_t x : w.cq) h.Add(x);
    const Counters& c = w.c;
    for (std::int64_t v :
         {c.syscalls, c.setup, c.eagain, c.kernel_scanned, c.user_scanned, c.data_bytes,
          c.meta_bytes, c.signals, c.polling_us, c.first_byte_us, c.done_us, c.threads}) {
      h.Add(v);
    }
    h.Add(w.error);
    h.Add(w.finished);
    h.Add(w.stalled);
    h.Add(w.first_arrival);
  }
  return h.Value();
}

std::size_t IoModel::StateBytes(const State& s) {
  std::size_t n = sizeof(State);
  for (const World& w : s.worlds) {
    n += sizeof(World) + w.fds.size() * sizeof(FdState) + w.threads.size() * sizeof(Thread) +
         (w.rdllist.size() + w.sigq.size() + w.cq.size()) * 4;
    for (const Thread& th : w.threads) n += (th.ready.size() + th.loops.size()) * 4;
  }
  return n;
}

}  // namespace gs::io
