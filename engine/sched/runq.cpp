// Local and global run queues (proc.go: runqput, runqputslow, runqget, globrunqput,
// globrunqget).
#include <algorithm>

#include "engine/sched/sim.h"

namespace gs::sched {

P MakeP(const Config& cfg) {
  P p;
  p.runq.assign(std::size_t(cfg.runq_size), kNone);
  return p;
}

void Sim::Runqput(std::int32_t p, std::int32_t g, bool next) {
  P& pp = m_s.ps[std::size_t(p)];
  if (next) {
    // runqput(next=true): g takes runnext; the old runnext is kicked to the tail.
    std::int32_t old = pp.runnext;
    pp.runnext = g;
    if (old == kNone) return;
    g = old;
    Emit({.kind = EventKind::kRunnextKick, .g = g, .p = p});
  }
  if (pp.RunqSize() < pp.runq.size()) {
    pp.runq[pp.runqtail % pp.runq.size()] = g;
    ++pp.runqtail;
    if (!next) Emit({.kind = EventKind::kRunqPut, .g = g, .p = p});
    return;
  }
  RunqputSlow(p, g);
}

void Sim::RunqputSlow(std::int32_t p, std::int32_t g) {
  // runqputslow: half of the local ring plus g move to the global queue in one batch.
  P& pp = m_s.ps[std::size_t(p)];
  std::uint32_t n = pp.RunqSize() / 2;
  for (std::uint32_t i = 0; i < n; ++i) {
    m_s.runq.push_back(pp.runq[pp.runqhead % pp.runq.size()]);
    ++pp.runqhead;
  }
  m_s.runq.push_back(g);
  Emit({.kind = EventKind::kRunqputSlow, .g = g, .p = p, .n = n + 1});
}

std::int32_t Sim::Runqget(std::int32_t p, bool* inherit) {
  P& pp = m_s.ps[std::size_t(p)];
  // runqget: runnext first; that G inherits the time slice (schedtick is not bumped).
  if (pp.runnext != kNone) {
    std::int32_t g = pp.runnext;
    pp.runnext = kNone;
    *inherit = true;
    return g;
  }
  *inherit = false;
  if (pp.RunqSize() == 0) return kNone;
  std::int32_t g = pp.runq[pp.runqhead % pp.runq.size()];
  ++pp.runqhead;
  return g;
}

void Sim::Globrunqput(std::int32_t g) {
  m_s.runq.push_back(g);
}
void Sim::GlobrunqputHead(std::int32_t g) {
  m_s.runq.push_front(g);
}

std::int32_t Sim::Globrunqget(std::int32_t p, std::int32_t max) {
  // globrunqget: n = runqsize/gomaxprocs + 1, capped by runqsize, max and len(runq)/2.
  std::int64_t size = std::int64_t(m_s.runq.size());
  if (size == 0) return kNone;
  std::int64_t n = size / m_s.gomaxprocs + 1;
  n = std::min(n, size);
  if (max > 0) n = std::min<std::int64_t>(n, max);
  n = std::min<std::int64_t>(n, std::int64_t(m_s.ps[std::size_t(p)].runq.size()) / 2);
  n = std::max<std::int64_t>(n, 1);
  Emit({.kind = EventKind::kGlobrunqget, .p = p, .n = n, .n2 = max});
  std::int32_t g = m_s.runq.pop_front();
  // The rest go to the local ring (runqput with next=false), in order.
  P& pp = m_s.ps[std::size_t(p)];
  for (std::int64_t i = 1; i < n; ++i) {
    std::int32_t x = m_s.runq.pop_front();
    pp.runq[pp.runqtail % pp.runq.size()] = x;
    ++pp.runqtail;
  }
  return g;
}

}  // namespace gs::sched
