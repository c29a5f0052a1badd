// Channels as chan.go (Go 1.19) has them: makechan, chansend, chanrecv (with send/recv for a
// parked partner), closechan, and waitq.dequeue's selectDone check.
#include "engine/sched/sim.h"

namespace gs::sched {

Value Sim::Eval(std::int32_t g, const ValueSrc& v) const {
  switch (v.kind) {
    case ValueSrc::Kind::kLiteral:
      return v.literal;
    case ValueSrc::Kind::kLocal:
      return m_s.Gor(g).locals[std::size_t(v.local)];
    case ValueSrc::Kind::kIndex:
      return m_s.Gor(g).index;
  }
  return 0;
}

Sim::OpEnd Sim::MakeChan(std::int32_t g, std::int16_t ch, std::int32_t cap) {
  // makechan: a fresh hchan; the variable now points at it (the old channel, if any, is
  // garbage for the simulation: its waiters keep waiting on it as in Go).
  Chan c;
  c.made = true;
  c.dataqsiz = cap;
  c.elem = m_prog.chan_elems[std::size_t(ch)];
  c.elemsize = c.elem == VType::kStruct ? 0 : c.elem == VType::kString ? 16 : 8;
  c.buf.assign(std::size_t(cap), 0);
  c.full.assign(std::size_t(cap), 0);
  m_s.chans[std::size_t(ch)] = std::move(c);
  Emit({.kind = EventKind::kMakeChan, .ch = ch, .g = g, .n = cap});
  return OpEnd::kContinue;
}

bool Sim::Dequeue(std::vector<Sudog>& q, std::int16_t ch, Sudog* out) {
  while (!q.empty()) {
    Sudog sg = q.front();
    q.erase(q.begin());
    if (sg.is_select) {
      // dequeue: if another case of that select won already (selectDone set), drop this
      // sudog and look at the next; otherwise claim the select.
      G& gg = m_s.MutG(sg.g);
      if (gg.select_done) {
        Emit({.kind = EventKind::kStaleSudog, .ch = ch, .g = sg.g, .cas = sg.select_case});
        continue;
      }
      gg.select_done = true;
    }
    *out = sg;
    return true;
  }
  return false;
}

void Sim::ReadyFromChan(std::int32_t g, std::int32_t p, std::int32_t by) {
  G& gg = m_s.MutG(g);
  gg.wake_pending = true;
  gg.served = ++m_s.served_seq;
  Goready(g, p, by);
}

void Sim::Panic(std::int32_t g, PanicKind why) {
  // gopanic with no recover: the runtime prints "panic: <msg>" and the goroutine's stack,
  // then exits with status 2.
  m_s.panic = why;
  m_s.panic_g = g;
  m_s.ended = true;
  Emit({.kind = EventKind::kPanic, .g = g, .n = std::int64_t(why), .n2 = m_s.panic_value});
}

Sim::OpEnd Sim::Chansend(std::int32_t g, std::int32_t p, std::int16_t ch, Value v, bool block,
                         std::int8_t cas) {
  Chan& c = m_s.MutChan(std::size_t(ch));
  if (!c.made) {
    // chansend: c == nil: a non-blocking send fails; a blocking one parks forever.
    if (!block) return OpEnd::kWouldBlock;
    Emit({.kind = EventKind::kChanSend,
          .ch = ch,
          .g = g,
          .n = std::int64_t(ChanPath::kNilBlock),
          .n2 = v,
          .cas = cas});
    Gopark(g, WaitReason::kChanSendNil);
    return OpEnd::kParked;
  }
  if (c.closed) {
    Panic(g, PanicKind::kSendOnClosed);  // chansend: panic(plainError("send on closed channel"))
    return OpEnd::kEnded;
  }
  if (Sudog sg; Dequeue(c.recvq, ch, &sg)) {
    // send: a receiver is parked: sendDirect copies the value onto its stack (the buffer is
    // not touched), then goready.
    G& r = m_s.MutG(sg.g);
    if (sg.elem != kNone) r.locals[std::size_t(sg.elem)] = v;
    if (sg.ok != kNone) r.locals[std::size_t(sg.ok)] = 1;
    r.wake_success = true;
    r.select_case = sg.select_case;
    ++c.sends;
    ++c.recvs;
    Emit({.kind = EventKind::kChanSend,
          .ch = ch,
          .g = g,
          .g2 = sg.g,
          .n = std::int64_t(ChanPath::kDirect),
          .n2 = v,
          .cas = cas});
    ReadyFromChan(sg.g, p, g);
    return OpEnd::kContinue;
  }
  if (c.qcount < c.dataqsiz) {
    // Room in the buffer: the value goes to buf[sendx]; sendx wraps at dataqsiz.
    std::uint32_t slot = c.sendx;
    c.buf[slot] = v;
    c.full[slot] = 1;
    if (++c.sendx == std::uint32_t(c.dataqsiz)) c.sendx = 0;
    ++c.qcount;
    ++c.sends;
    Emit({.kind = EventKind::kChanSend,
          .ch = ch,
          .g = g,
          .p2 = std::int32_t(slot),
          .n = std::int64_t(ChanPath::kBuffer),
          .n2 = v,
          .cas = cas});
    return OpEnd::kContinue;
  }
  if (!block) return OpEnd::kWouldBlock;
  // Block: a sudog carrying the value joins sendq; gopark(chanparkcommit, "chan send").
  c.sendq.push_back({.g = g, .value = v, .select_case = cas});
  Emit({.kind = EventKind::kChanSend,
        .ch = ch,
        .g = g,
        .n = std::int64_t(ChanPath::kPark),
        .n2 = v,
        .cas = cas});
  Gopark(g, WaitReason::kChanSend);
  return OpEnd::kParked;
}

Sim::OpEnd Sim::Chanrecv(std::int32_t g, std::int32_t p, std::int16_t ch, std::int8_t into,
                         std::int8_t ok, bool block, std::int8_t cas, bool range) {
  Chan& c = m_s.MutChan(std::size_t(ch));
  auto set = [&](Value v, bool okv) {
    G& gg = m_s.MutG(g);
    if (into != kNone) gg.locals[std::size_t(into)] = v;
    if (ok != kNone) gg.locals[std::size_t(ok)] = okv ? 1 : 0;
  };
  auto emit = [&](ChanPath path, Value v, std::int32_t partner, std::int32_t slot) {
    Emit({.kind = EventKind::kChanRecv,
          .ch = ch,
          .g = g,
          .g2 = partner,
          .p2 = slot,
          .n = std::int64_t(path),
          .n2 = v,
          .cas = cas,
          .range = range});
  };
  if (!c.made) {
    if (!block) return OpEnd::kWouldBlock;
    emit(ChanPath::kNilBlock, 0, kNone, kNone);
    Gopark(g, WaitReason::kChanReceiveNil);
    return OpEnd::kParked;
  }
  if (c.closed && c.qcount == 0) {
    // chanrecv: closed and drained: the zero value (typedmemclr) and ok = false.
    set(0, false);
    emit(ChanPath::kClosed, 0, kNone, kNone);
    return OpEnd::kContinue;
  }
  if (Sudog sg; Dequeue(c.sendq, ch, &sg)) {
    // recv: a sender is parked, so the buffer (if any) is full.
    Value v = 0;
    std::int32_t slot = kNone;
    ChanPath path = ChanPath::kDirect;
    if (c.dataqsiz == 0) {
      v = sg.value;  // recvDirect: straight from the sender's stack
    } else {
      // Take the head of the queue, put the sender's value in the slot just freed: the ring
      // stays full, and sendx = recvx.
      slot = std::int32_t(c.recvx);
      v = c.buf[c.recvx];
      c.buf[c.recvx] = sg.value;
      if (++c.recvx == std::uint32_t(c.dataqsiz)) c.recvx = 0;
      c.sendx = c.recvx;
      path = ChanPath::kSlotReuse;
    }
    set(v, true);
    G& snd = m_s.MutG(sg.g);
    snd.wake_success = true;
    snd.select_case = sg.select_case;
    ++c.sends;
    ++c.recvs;
    emit(path, v, sg.g, slot);
    ReadyFromChan(sg.g, p, g);
    return OpEnd::kContinue;
  }
  if (c.qcount > 0) {
    // From the buffer: buf[recvx] out, the slot zeroed (typedmemclr), recvx wraps.
    std::uint32_t slot = c.recvx;
    Value v = c.buf[slot];
    c.buf[slot] = 0;
    c.full[slot] = 0;
    if (++c.recvx == std::uint32_t(c.dataqsiz)) c.recvx = 0;
    --c.qcount;
    ++c.recvs;
    set(v, true);
    emit(ChanPath::kBuffer, v, kNone, std::int32_t(slot));
    return OpEnd::kContinue;
  }
  if (!block) return OpEnd::kWouldBlock;
  c.recvq.push_back({.g = g, .elem = into, .ok = ok, .select_case = cas});
  emit(ChanPath::kPark, 0, kNone, kNone);
  Gopark(g, WaitReason::kChanReceive);
  return OpEnd::kParked;
}

Sim::OpEnd Sim::Closechan(std::int32_t g, std::int32_t p, std::int16_t ch) {
  Chan& c = m_s.MutChan(std::size_t(ch));
  if (!c.made) {
    Panic(g, PanicKind::kCloseNil);
    return OpEnd::kEnded;
  }
  if (c.closed) {
    Panic(g, PanicKind::kCloseClosed);
    return OpEnd::kEnded;
  }
  c.closed = true;
  // closechan: every reader gets the zero value and success = false, every writer success =
  // false (it panics when it runs); all are pushed on a gList...
  std::vector<std::int32_t> glist;
  std::int64_t readers = 0, writers = 0;
  for (Sudog sg; Dequeue(c.recvq, ch, &sg);) {
    G& r = m_s.MutG(sg.g);
    if (sg.elem != kNone) r.locals[std::size_t(sg.elem)] = 0;
    if (sg.ok != kNone) r.locals[std::size_t(sg.ok)] = 0;
    r.wake_success = false;
    r.select_case = sg.select_case;
    glist.push_back(sg.g);
    ++readers;
  }
  for (Sudog sg; Dequeue(c.sendq, ch, &sg);) {
    G& w = m_s.MutG(sg.g);
    w.wake_success = false;
    w.select_case = sg.select_case;
    glist.push_back(sg.g);
    ++writers;
  }
  Emit({.kind = EventKind::kClose, .ch = ch, .g = g, .n = readers, .n2 = writers});
  // ...and gList.push puts each at the head, so glist.pop readies them in reverse: the last
  // reader queued is readied first (and, with runnext, each ready kicks the one before).
  for (auto it = glist.rbegin(); it != glist.rend(); ++it) ReadyFromChan(*it, p, g);
  return OpEnd::kContinue;
}

Sim::OpEnd Sim::FinishWake(std::int32_t g, const GInstr& in, std::int32_t* jump, bool* visible) {
  G& gg = m_s.MutG(g);
  gg.wake_pending = false;
  const bool success = gg.wake_success;
  *jump = 1;
  *visible = false;
  switch (in.op) {
    case GOp::kChanSend:
      // chansend after gopark: closed := !mysg.success; a sender woken by close panics.
      if (!success) {
        *visible = true;
        Panic(g, PanicKind::kSendOnClosed);
        return OpEnd::kEnded;
      }
      return OpEnd::kContinue;
    case GOp::kRangeRecv:
      // for range: ok == false (closed and drained) ends the loop.
      if (!success) {
        *jump = in.jump;
        *visible = true;
        Emit({.kind = EventKind::kChanRecv,
              .ch = in.ch,
              .g = g,
              .n = std::int64_t(ChanPath::kWoken),
              .range = true});
      }
      return OpEnd::kContinue;
    case GOp::kSelect:
      return FinishSelect(g, m_prog.selects[std::size_t(in.sel)], jump, visible);
    default:
      return OpEnd::kContinue;
  }
}

}  // namespace gs::sched
