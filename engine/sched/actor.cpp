// Actors on the GMP engine: an actor is a goroutine whose behaviour takes one message at a
// time from an unbounded FIFO mailbox. Go's runtime has no actors; this is the usual way to
// build one in Go (a goroutine looping over its own queue), with the queue unbounded as in
// Erlang and Akka, so a tell never blocks. Supervision follows Erlang/OTP's one_for_one
// strategy: only the crashed child is restarted, with fresh state and an empty mailbox.
#include "engine/sched/limits.h"
#include "engine/sched/sim.h"

namespace gs::sched {

void Sim::DeadLetter(std::int32_t g, std::int16_t actor, const Message& msg) {
  m_s.lost.push_back({.msg = msg, .actor = actor, .why = LostWhy::kDeadLetter});
  Emit({.kind = EventKind::kDeadLetter, .ch = actor, .g = g, .n2 = msg.value});
}

bool Sim::ActorOp(std::int32_t p, std::int32_t m, std::int32_t g, const GInstr& in) {
  const G& cur = m_s.Gor(g);
  switch (in.op) {
    case GOp::kSpawn: {
      const ActorDecl& d = m_prog.actors[std::size_t(in.actor)];
      Mailbox& mb = m_s.mailboxes[std::size_t(in.actor)];
      if (mb.g != kNone || mb.down) {
        m_error = "actor \"" + d.name + "\" is spawned twice (an actor has one name)";
        return true;
      }
      ++m_s.MutG(g).pc;
      m_s.MutG(g).until = m_s.now;
      const std::int32_t goid =
          Newproc(p, g, d.func, d.group, m_s.group_total[std::size_t(d.group)]++);
      if (goid == kNone) return true;
      m_s.MutG(goid).actor = in.actor;
      m_s.mailboxes[std::size_t(in.actor)].g = goid;
      Emit({.kind = EventKind::kSpawn, .ch = in.actor, .g = goid, .g2 = g});
      return true;
    }
    case GOp::kTell:
    case GOp::kAsk: {
      if (in.op == GOp::kAsk && cur.ask_state >= 2) {
        // The reply arrived (2) or the message was lost (3): the ask returns.
        G& gg = m_s.MutG(g);
        const bool ok = gg.ask_state == 2;
        if (!ok && in.into != kNone) gg.locals[std::size_t(in.into)] = 0;
        if (in.ok != kNone) gg.locals[std::size_t(in.ok)] = ok ? 1 : 0;
        gg.ask_state = 0;
        ++gg.pc;
        gg.until = m_s.now;
        const VType t = in.into == kNone
                            ? VType::kInt
                            : m_prog.funcs[std::size_t(gg.func)].locals[std::size_t(in.into)].type;
        Emit({.kind = EventKind::kAskDone,
              .flag = ok,
              .ch = in.actor,
              .g = g,
              .p2 = std::int32_t(t),
              .n2 = in.into == kNone ? 0 : gg.locals[std::size_t(in.into)]});
        return true;
      }
      const ActorDecl& d = m_prog.actors[std::size_t(in.actor)];
      Message msg{.value = Eval(g, in.value),
                  .type = d.msg,
                  .from = g,
                  .seq = ++m_s.msg_seq,
                  .ask = in.op == GOp::kAsk};
      Mailbox& mb = m_s.mailboxes[std::size_t(in.actor)];
      if (mb.g == kNone) {
        // Down (or never spawned): nobody will read it.
        DeadLetter(g, in.actor, msg);
        if (msg.ask)
          m_s.MutG(g).ask_state = 3;
        else
          ++m_s.MutG(g).pc;
        m_s.MutG(g).until = m_s.now;
        return true;
      }
      if (mb.Length() >= limits::kMaxMailbox) {
        m_error =
            "the mailbox of actor \"" + d.name +
            "\" holds more than the limit kMaxMailbox = " + std::to_string(limits::kMaxMailbox) +
            " messages (a mailbox flood: nothing pushes back on its senders)";
        return true;
      }
      if (mb.head > 1024 && mb.head * 2 > mb.queue.size()) {
        mb.queue.erase(mb.queue.begin(), mb.queue.begin() + std::ptrdiff_t(mb.head));
        mb.head = 0;
      }
      mb.queue.push_back(msg);
      const std::int32_t actor_g = mb.g;
      Emit({.kind = EventKind::kTell,
            .flag = msg.ask,
            .ch = in.actor,
            .g = g,
            .g2 = actor_g,
            .p2 = std::int32_t(msg.type),
            .n = std::int64_t(mb.Length()),
            .n2 = msg.value});
      // An idle actor is parked on its empty mailbox: the tell readies it, as a send readies a
      // parked receiver (goready puts it in runnext).
      if (m_s.Gor(actor_g).status == GStatus::kWaiting &&
          m_s.Gor(actor_g).wait == WaitReason::kActorReceive) {
        Goready(actor_g, p, g);
      }
      G& gg = m_s.MutG(g);
      gg.until = m_s.now;
      if (!msg.ask) {
        ++gg.pc;
        return true;
      }
      gg.ask_state = 1;
      Emit({.kind = EventKind::kAskPark, .ch = in.actor, .g = g});
      Gopark(g, WaitReason::kActorAsk);
      ToSchedule(m);
      return true;
    }
    case GOp::kReceive: {
      if (cur.actor == kNone) {
        m_error = "goroutine " + std::to_string(g) +
                  " runs receive but is no actor: only an actor's behaviour has a mailbox";
        return true;
      }
      Mailbox& mb = m_s.mailboxes[std::size_t(cur.actor)];
      mb.holding = false;  // the message handled before is done
      if (mb.Length() == 0) {
        Emit({.kind = EventKind::kReceivePark, .ch = cur.actor, .g = g});
        Gopark(g, WaitReason::kActorReceive);
        ToSchedule(m);
        return true;
      }
      Message msg = mb.queue[mb.head++];
      mb.in_hand = msg;
      mb.holding = true;
      ++mb.received;
      G& gg = m_s.MutG(g);
      if (in.into != kNone) gg.locals[std::size_t(in.into)] = msg.value;
      ++gg.pc;
      gg.until = m_s.now;
      Emit({.kind = EventKind::kReceive,
            .ch = gg.actor,
            .g = g,
            .g2 = msg.from,
            .p2 = std::int32_t(msg.type),
            .n = std::int64_t(mb.Length()),
            .n2 = msg.value});
      return true;
    }
    default: {  // kReply
      const std::int16_t actor = cur.actor;
      ++m_s.MutG(g).pc;
      if (actor == kNone) return false;
      Mailbox& mb = m_s.mailboxes[std::size_t(actor)];
      // After a tell nobody waits: reply does nothing (and shows no step).
      if (!mb.holding || !mb.in_hand.ask) return false;
      mb.in_hand.ask = false;
      const std::int32_t asker = mb.in_hand.from;
      const Value v = Eval(g, in.value);
      G& a = m_s.MutG(asker);
      if (a.ask_state != 1) return false;
      const GInstr& ai = m_prog.funcs[std::size_t(a.func)].body[std::size_t(a.pc)];
      if (ai.into != kNone) a.locals[std::size_t(ai.into)] = v;
      a.ask_state = 2;
      m_s.MutG(g).until = m_s.now;
      Emit({.kind = EventKind::kReply,
            .ch = actor,
            .g = g,
            .g2 = asker,
            .p2 = std::int32_t(in.value.type),
            .n2 = v});
      Goready(asker, p, g);
      return true;
    }
  }
}

void Sim::UserPanic(std::int32_t g, Value msg) {
  G& gg = m_s.MutG(g);
  if (gg.recover) {
    // gopanic runs the deferred call; recover() stops the panic and the function returns
    // normally (recovery), so only this goroutine ends.
    Emit({.kind = EventKind::kRecover, .g = g, .n2 = msg});
    Goexit(g);
    return;
  }
  if (gg.actor != kNone) {
    Emit({.kind = EventKind::kCrash, .ch = gg.actor, .g = g, .n2 = msg});
    Goexit(g, true);
    return;
  }
  m_s.panic_value = msg;
  Panic(g, PanicKind::kUser);
}

void Sim::ActorGone(std::int32_t g, std::int32_t p, bool crashed) {
  const std::int16_t actor = m_s.Gor(g).actor;
  Mailbox& mb = m_s.mailboxes[std::size_t(actor)];
  if (mb.g != g) return;
  // The mailbox belongs to the process: what it held dies with it (Erlang), the message in
  // hand first, then the queue in order.
  std::vector<Message> gone;
  if (mb.holding) {
    m_s.lost.push_back({.msg = mb.in_hand, .actor = actor, .why = LostWhy::kInHand});
    gone.push_back(mb.in_hand);
  }
  for (std::size_t i = mb.head; i < mb.queue.size(); ++i) {
    m_s.lost.push_back({.msg = mb.queue[i], .actor = actor, .why = LostWhy::kQueued});
    gone.push_back(mb.queue[i]);
  }
  mb.queue.clear();
  mb.head = 0;
  mb.holding = false;
  mb.g = kNone;
  // An asker whose message was lost would wait forever; like a caller monitoring the server
  // (gen_server:call), it learns the server went down: its ask returns ok = false.
  for (const Message& msg : gone) {
    if (!msg.ask || msg.from == kNone) continue;
    G& a = m_s.MutG(msg.from);
    if (a.status != GStatus::kWaiting || a.ask_state != 1) continue;
    a.ask_state = 3;
    Goready(msg.from, p, g);
  }
  const ActorDecl& d = m_prog.actors[std::size_t(actor)];
  if (!crashed || d.supervisor == kNone) {
    mb.down = true;
    return;
  }
  const Supervisor& sup = m_prog.supervisors[std::size_t(d.supervisor)];
  if (mb.restarts >= sup.max_restarts) {
    // The restart limit (OTP's intensity, here over the whole run): the supervisor stops
    // restarting; the actor stays down and later messages to it are dead letters.
    mb.down = true;
    Emit({.kind = EventKind::kGiveUp, .ch = actor, .n = mb.restarts, .n2 = d.supervisor});
    return;
  }
  ++mb.restarts;
  // Each incarnation gets the next index of the actor's group: "acct0", then "acct1".
  const std::int32_t goid =
      Newproc(p, kNone, d.func, d.group, m_s.group_total[std::size_t(d.group)]++);
  if (goid == kNone) return;
  m_s.MutG(goid).actor = actor;
  m_s.mailboxes[std::size_t(actor)].g = goid;
  Emit({.kind = EventKind::kRestart,
        .ch = actor,
        .g = goid,
        .g2 = g,
        .n = m_s.mailboxes[std::size_t(actor)].restarts,
        .n2 = d.supervisor});
}

}  // namespace gs::sched
