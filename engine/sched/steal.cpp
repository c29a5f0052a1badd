// Work stealing (proc.go: stealWork, runqsteal, runqgrab, randomOrder).
#include <numeric>

#include "engine/sched/sim.h"

namespace gs::sched {
namespace {

// randomOrder: visit all Ps from a random start with a step coprime to the count, so every P
// is visited exactly once.
std::vector<std::int32_t> StealOrder(std::int32_t count, std::uint32_t r) {
  std::vector<std::int32_t> coprimes;
  for (std::int32_t i = 1; i <= count; ++i) {
    if (std::gcd(i, count) == 1) coprimes.push_back(i);
  }
  std::vector<std::int32_t> order;
  std::uint32_t pos = r % std::uint32_t(count);
  std::uint32_t inc = std::uint32_t(coprimes[r % coprimes.size()]);
  for (std::int32_t k = 0; k < count; ++k) {
    order.push_back(std::int32_t(pos));
    pos = (pos + inc) % std::uint32_t(count);
  }
  return order;
}

}  // namespace

std::int32_t Sim::StealWork(std::int32_t p) {
  const std::int32_t tries = m_prog.config.steal_tries;
  for (std::int32_t round = 0; round < tries; ++round) {
    // Only the last round may take a victim's runnext (and its timers).
    bool steal_runnext = round == tries - 1;
    auto order = StealOrder(m_s.gomaxprocs, std::uint32_t(m_s.rng.Next()));
    for (std::int32_t p2 : order) {
      if (p2 == p) continue;
      P& victim = m_s.ps[std::size_t(p2)];
      if (victim.status == PStatus::kIdle) continue;  // idlepMask: nothing to take
      P& thief = m_s.ps[std::size_t(p)];
      // runqgrab: take half of the victim's ring, rounded up (n - n/2).
      std::uint32_t n = victim.RunqSize();
      n = n - n / 2;
      bool took_runnext = false;
      if (n == 0) {
        if (!steal_runnext || victim.runnext == kNone) continue;
        // The runtime first sleeps ~3 µs when the victim is running, giving it the chance to
        // schedule its runnext; simplified: the thief takes it at once.
        thief.runq[thief.runqtail % thief.runq.size()] = victim.runnext;
        victim.runnext = kNone;
        n = 1;
        took_runnext = true;
      } else {
        for (std::uint32_t i = 0; i < n; ++i) {
          thief.runq[(thief.runqtail + i) % thief.runq.size()] = victim.RunqAt(i);
        }
        victim.runqhead += n;
      }
      // runqsteal: the last G grabbed runs now; the others stay in the thief's ring.
      std::int32_t g = thief.runq[(thief.runqtail + n - 1) % thief.runq.size()];
      thief.runqtail += n - 1;
      Emit({.kind = EventKind::kSteal,
            .flag = took_runnext,
            .g = g,
            .p = p,
            .p2 = p2,
            .n = n,
            .n2 = round});
      return g;
    }
  }
  Emit({.kind = EventKind::kStealFail, .p = p, .n = tries});
  return kNone;
}

}  // namespace gs::sched
