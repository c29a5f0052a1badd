// ConcurrencyRun: builds the actor and CSP sides, merges their steps in simulated time and
// computes the counters the compare shows.
#include "engine/sched/compare_run.h"

#include <algorithm>

#include "engine/core/hash.h"

namespace gs::sched {
namespace {

Envelope SideEnvelope(const Envelope& env) {
  // The compare owns the author's narration, notes and quiz; a side narrates only itself.
  Envelope e = env;
  e.says.clear();
  e.notes.clear();
  e.quiz.clear();
  return e;
}

/// What is still on its way in `s`: messages waiting in mailboxes, or values in channel
/// buffers and in the sudogs of parked senders.
std::int64_t InFlight(const State& s) {
  std::int64_t n = 0;
  for (const Mailbox& mb : s.mailboxes) n += std::int64_t(mb.Length());
  for (const Chan& c : s.chans) n += c.qcount + std::int64_t(c.sendq.size());
  return n;
}

std::int64_t QueueNow(const State& s) {
  std::int64_t n = 0;
  for (const Mailbox& mb : s.mailboxes) n = std::max(n, std::int64_t(mb.Length()));
  for (const Chan& c : s.chans) n = std::max(n, std::int64_t(c.qcount));
  return n;
}

/// Replays `run` once, recording the counters after every step.
std::vector<SideCounters> CountSteps(const SchedRun& run) {
  const SchedModel& model = run.GetTimeline().GetModel();
  std::vector<SideCounters> out(run.StepCount());
  State s = model.Initial();
  std::vector<Event> sink;
  SideCounters prev;
  for (std::size_t i = 0; i < run.StepCount(); ++i) {
    if (i > 0) {
      sink.clear();
      model.Step(s, sink);
    }
    SideCounters c;
    c.in_flight = InFlight(s);
    c.max_queue = std::max(prev.max_queue, QueueNow(s));
    c.blocked_us = s.BlockedUs();
    c.lost = std::int64_t(s.lost.size());
    for (const Mailbox& mb : s.mailboxes) {
      c.delivered += mb.received;
      c.restarts += mb.restarts;
    }
    for (const Chan& ch : s.chans) c.delivered += ch.recvs;
    c.ended = s.ended;
    c.panicked = s.panic != PanicKind::kNoPanic;
    // A panic ends the program: whatever was still on its way will never be received.
    if (c.panicked) c.lost += c.in_flight;
    out[i] = c;
    prev = c;
  }
  return out;
}

}  // namespace

ConcurrencyRun::ConcurrencyRun(Envelope env, std::shared_ptr<const Program> actors,
                               std::shared_ptr<const Program> csp, LocalizedText workload)
    : Run(env),
      m_actors(std::make_shared<SchedRun>(SideEnvelope(env), std::move(actors))),
      m_csp(std::make_shared<SchedRun>(SideEnvelope(env), std::move(csp))),
      m_workload(std::move(workload)) {}

StepResult ConcurrencyRun::Build() {
  for (SchedRun* side : {m_actors.get(), m_csp.get()}) {
    StepResult r = side->Build();
    if (r.kind == StepResult::Kind::kError) {
      r.message = std::string(side == m_actors.get() ? "actors: " : "csp: ") + r.message;
      return r;
    }
  }
  m_counters_a = CountSteps(*m_actors);
  m_counters_c = CountSteps(*m_csp);
  // Merge: the side whose next step comes first (script op, then simulated time) moves; on a
  // tie both move, so the two programs step together through the same workload.
  const std::size_t na = m_actors->StepCount(), nc = m_csp->StepCount();
  auto key = [](const SchedRun& r, std::size_t i) {
    return std::pair<int, std::int64_t>(r.GetTimeline().OpIndex(i), r.TimeAt(i));
  };
  Pair p{.op = std::max(0, std::max(m_actors->OpIndex(0), m_csp->OpIndex(0)))};
  m_steps.push_back(p);
  while (p.a + 1 < na || p.c + 1 < nc) {
    const bool more_a = p.a + 1 < na, more_c = p.c + 1 < nc;
    bool step_a = more_a, step_c = more_c;
    if (more_a && more_c) {
      const auto ka = key(*m_actors, p.a + 1), kc = key(*m_csp, p.c + 1);
      step_a = !(kc < ka);
      step_c = !(ka < kc);
    }
    if (step_a) ++p.a;
    if (step_c) ++p.c;
    p.op = std::max(step_a ? m_actors->OpIndex(p.a) : 0, step_c ? m_csp->OpIndex(p.c) : 0);
    p.trade =
        (step_a ? Classify(Side::kActors, p.a) : 0) | (step_c ? Classify(Side::kCsp, p.c) : 0);
    m_steps.push_back(p);
  }
  return StepResult::Done();
}

bool ConcurrencyRun::Advanced(Side s, std::size_t step) const {
  if (step == 0) return false;
  return SideStep(s, step) != SideStep(s, step - 1);
}

std::uint64_t ConcurrencyRun::Hash(std::size_t step) const {
  Hasher h;
  h.Add(m_actors->Hash(m_steps[step].a));
  h.Add(m_csp->Hash(m_steps[step].c));
  h.Add(m_steps[step].a);
  h.Add(m_steps[step].c);
  return h.Value();
}

Json ConcurrencyRun::StateSummary(std::size_t step) const {
  Json j;
  for (Side s : {Side::kActors, Side::kCsp}) {
    const SideCounters& c = Counters(s, step);
    Json side = SideRun(s).StateSummary(SideStep(s, step));
    side["counters"] = {{"in_flight", c.in_flight},   {"max_queue", c.max_queue},
                        {"blocked_us", c.blocked_us}, {"lost", c.lost},
                        {"delivered", c.delivered},   {"restarts", c.restarts}};
    if (s == Side::kActors) {
      const State& st = m_actors->GetTimeline().StateRef(m_steps[step].a);
      Json boxes = Json::object();
      for (std::size_t i = 0; i < st.mailboxes.size(); ++i) {
        const Mailbox& mb = st.mailboxes[i];
        boxes[m_actors->Prog().actors[i].name] = {
            {"goroutine", mb.g == kNone ? Json(nullptr) : Json(m_actors->Label(mb.g))},
            {"length", mb.Length()},
            {"down", mb.down},
            {"restarts", mb.restarts}};
      }
      side["mailboxes"] = boxes;
    }
    j[s == Side::kActors ? "actors" : "csp"] = side;
  }
  return j;
}

}  // namespace gs::sched
