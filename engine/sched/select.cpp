// select as select.go (Go 1.19) runs it: the compiler's rewrites of small selects
// (walkSelectCases in cmd/compile/internal/walk/select.go), then selectgo's pollorder and
// lockorder, pass 1 (a ready case in random order), default, pass 2 (a sudog on every
// channel, then gopark) and pass 3 (after the wake: dequeue the losing sudogs).
#include <algorithm>

#include "engine/sched/sim.h"

namespace gs::sched {
namespace {

bool Rewritten(const SelectSpec& sp) {
  // walkSelectCases: no cases; one case (a plain send or receive); one case and a default
  // (selectnbsend / selectnbrecv). Only bigger selects call selectgo.
  return sp.cases.size() + (sp.has_default ? 1 : 0) <= 2 && sp.cases.size() <= 1;
}

}  // namespace

Sim::OpEnd Sim::Select(std::int32_t g, std::int32_t p, const SelectSpec& sp, std::int32_t* jump) {
  const std::size_t ncases = sp.cases.size();
  SelectRecord rec;
  rec.g = g;
  rec.ncases = std::int8_t(ncases);
  *jump = sp.end;
  if (Rewritten(sp)) {
    m_s.last_select = rec;
    Emit({.kind = EventKind::kSelectStart,
          .flag = true,
          .g = g,
          .n = std::int64_t(ncases),
          .n2 = sp.has_default});
    if (ncases == 0) {
      if (sp.has_default) {
        Emit({.kind = EventKind::kSelectDefault, .g = g});
        *jump = sp.default_body;
        return OpEnd::kContinue;
      }
      // select {}: block() parks forever.
      Gopark(g, WaitReason::kSelectNoCases);
      return OpEnd::kParked;
    }
    const SelectCase& c = sp.cases[0];
    const bool block = !sp.has_default;
    OpEnd end = c.send ? Chansend(g, p, c.ch, Eval(g, c.value), block, -1)
                       : Chanrecv(g, p, c.ch, c.into, c.ok, block, -1, false);
    if (end == OpEnd::kWouldBlock) {
      Emit({.kind = EventKind::kSelectDefault, .g = g});
      *jump = sp.default_body;
      return OpEnd::kContinue;
    }
    if (end == OpEnd::kContinue) *jump = c.body;
    return end;
  }

  // The scase array: sends first in source order, receives after them in reverse order.
  std::array<std::int8_t, kMaxSelectCases> scase{};
  std::size_t nsends = 0, nrecvs = 0;
  for (std::size_t i = 0; i < ncases; ++i) {
    if (sp.cases[i].send) {
      scase[nsends++] = std::int8_t(i);
    } else {
      scase[ncases - ++nrecvs] = std::int8_t(i);
    }
  }
  // pollorder: an inside-out shuffle (fastrandn) of the cases whose channel is not nil.
  std::size_t norder = 0;
  for (std::size_t k = 0; k < ncases; ++k) {
    std::int8_t i = scase[k];
    if (!m_s.chans[std::size_t(sp.cases[std::size_t(i)].ch)].made) continue;
    std::uint32_t j = m_s.rng.Below(std::uint32_t(norder + 1));
    rec.pollorder[norder] = rec.pollorder[j];
    rec.pollorder[j] = i;
    ++norder;
  }
  rec.npoll = std::int8_t(norder);
  // lockorder: by channel address (heapsort on c.sortkey()); the simulation's address order
  // is the order channels are declared.
  rec.lockorder = rec.pollorder;
  std::stable_sort(rec.lockorder.begin(), rec.lockorder.begin() + std::ptrdiff_t(norder),
                   [&](std::int8_t a, std::int8_t b) {
                     return sp.cases[std::size_t(a)].ch < sp.cases[std::size_t(b)].ch;
                   });
  m_s.last_select = rec;
  std::uint32_t poll = 0, lock = 0;
  for (std::size_t k = 0; k < norder; ++k) {
    poll |= std::uint32_t(rec.pollorder[k]) << (4 * k);
    lock |= std::uint32_t(rec.lockorder[k]) << (4 * k);
  }
  Emit({.kind = EventKind::kSelectStart,
        .g = g,
        .n = std::int64_t(ncases),
        .n2 = sp.has_default,
        .cas = std::int8_t(norder),
        .poll = poll,
        .lock = lock});

  // Pass 1: the first ready case in pollorder wins.
  for (std::size_t k = 0; k < norder; ++k) {
    std::int8_t i = rec.pollorder[k];
    const SelectCase& c = sp.cases[std::size_t(i)];
    OpEnd end = c.send ? Chansend(g, p, c.ch, Eval(g, c.value), false, i)
                       : Chanrecv(g, p, c.ch, c.into, c.ok, false, i, false);
    if (end == OpEnd::kWouldBlock) continue;
    if (end == OpEnd::kContinue) *jump = c.body;
    return end;
  }
  if (sp.has_default) {
    Emit({.kind = EventKind::kSelectDefault, .g = g});
    *jump = sp.default_body;
    return OpEnd::kContinue;
  }
  // Pass 2: enqueue a sudog on every channel, in lock order, and park.
  G& gg = m_s.MutG(g);
  gg.select_done = false;
  gg.select_case = -1;
  for (std::size_t k = 0; k < norder; ++k) {
    std::int8_t i = rec.lockorder[k];
    const SelectCase& c = sp.cases[std::size_t(i)];
    Chan& ch = m_s.MutChan(std::size_t(c.ch));
    Sudog sg{.g = g, .is_select = true, .select_case = i};
    if (c.send) {
      sg.value = Eval(g, c.value);
      ch.sendq.push_back(sg);
    } else {
      sg.elem = c.into;
      sg.ok = c.ok;
      ch.recvq.push_back(sg);
    }
  }
  m_s.selects.push_back(rec);
  Emit({.kind = EventKind::kSelectPark, .g = g, .n = std::int64_t(norder)});
  Gopark(g, WaitReason::kSelect);
  return OpEnd::kParked;
}

Sim::OpEnd Sim::FinishSelect(std::int32_t g, const SelectSpec& sp, std::int32_t* jump,
                             bool* visible) {
  G& gg = m_s.MutG(g);
  const bool success = gg.wake_success;
  if (Rewritten(sp)) {
    // A one-case select was a plain send or receive: finish it as one.
    const SelectCase& c = sp.cases[0];
    if (c.send && !success) {
      *visible = true;
      Panic(g, PanicKind::kSendOnClosed);
      return OpEnd::kEnded;
    }
    *jump = c.body;
    return OpEnd::kContinue;
  }
  // Pass 3: the winning sudog came back in gp.param; dequeue the others (dequeueSudoG).
  const std::int8_t won = gg.select_case;
  gg.select_done = false;
  std::int64_t removed = 0;
  for (const SelectCase& c : sp.cases) {
    Chan& ch = m_s.MutChan(std::size_t(c.ch));
    std::vector<Sudog>& q = c.send ? ch.sendq : ch.recvq;
    for (std::size_t k = 0; k < q.size();) {
      if (q[k].g == g && q[k].is_select) {
        q.erase(q.begin() + std::ptrdiff_t(k));
        ++removed;
      } else {
        ++k;
      }
    }
  }
  for (std::size_t k = 0; k < m_s.selects.size(); ++k) {
    if (m_s.selects[k].g == g) {
      m_s.last_select = m_s.selects[k];
      m_s.selects.erase(m_s.selects.begin() + std::ptrdiff_t(k));
      break;
    }
  }
  *visible = true;
  Emit({.kind = EventKind::kSelectWake, .g = g, .n = removed, .n2 = success, .cas = won});
  const SelectCase& c = sp.cases[std::size_t(won)];
  if (c.send && !success) {
    Panic(g, PanicKind::kSendOnClosed);  // sclose
    return OpEnd::kEnded;
  }
  *jump = c.body;
  return OpEnd::kContinue;
}

}  // namespace gs::sched
