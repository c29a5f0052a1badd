// Actor narration in English and Chinese: what a tell, receive, ask, crash or restart did, and
// the actor-model idea behind it.
#include "engine/sched/actor_narration.h"

namespace gs::sched {
namespace {

std::string Num(std::int64_t n) {
  return std::to_string(n);
}

std::string Messages(std::int64_t n, bool zh) {
  if (zh) return Num(n) + " 条消息";
  return Num(n) + (n == 1 ? " message" : " messages");
}

}  // namespace

bool IsActorEvent(EventKind k) {
  switch (k) {
    case EventKind::kSpawn:
    case EventKind::kTell:
    case EventKind::kReceive:
    case EventKind::kReceivePark:
    case EventKind::kAskPark:
    case EventKind::kAskDone:
    case EventKind::kReply:
    case EventKind::kCrash:
    case EventKind::kRestart:
    case EventKind::kGiveUp:
    case EventKind::kDeadLetter:
    case EventKind::kRecover:
      return true;
    default:
      return false;
  }
}

std::string LostList(const Program& pr, const State& before, const State& after, bool zh) {
  std::string out;
  const std::size_t from = before.lost.size(), to = after.lost.size();
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out += i + 1 == to ? (zh ? " 和 " : " and ") : (zh ? "、" : ", ");
    const Message& m = after.lost[i].msg;
    out += FormatValue(pr, m.type, m.value);
  }
  return out;
}

std::string ActorEventLine(const SchedRun& r, const Event& e, Lang lang) {
  const Program& pr = r.Prog();
  const bool zh = lang == Lang::kZh;
  auto L = [&r](std::int32_t g) { return r.Label(g); };
  const std::string a = e.ch == kNone ? std::string("-") : pr.actors[std::size_t(e.ch)].name;
  const VType t = VType(e.p2 < 0 ? 0 : e.p2);
  const std::string v = FormatValue(pr, t, e.n2);
  switch (e.kind) {
    case EventKind::kSpawn:
      return L(e.g2) + (zh ? " 启动 actor " : " spawns actor ") + a + " = " + L(e.g);
    case EventKind::kTell:
      return L(e.g) + " " + a + (e.flag ? " ? " : " ! ") + v + (zh ? "（邮箱 " : " (mailbox ") +
             Num(e.n) + ")";
    case EventKind::kReceive:
      return L(e.g) + (zh ? " 从邮箱取出 " : " receive ") + v + (zh ? "（剩 " : " (") + Num(e.n) +
             (zh ? "）" : " left)");
    case EventKind::kReceivePark:
      return L(e.g) + (zh ? " 邮箱为空：等待" : " mailbox empty: waits");
    case EventKind::kAskPark:
      return L(e.g) + (zh ? " 等待 " : " waits for ") + a + (zh ? " 的回复" : "'s reply");
    case EventKind::kAskDone:
      return L(e.g) + (zh ? " ask 返回 " : " ask returns ") + (e.flag ? v : "ok=false");
    case EventKind::kReply:
      return L(e.g) + (zh ? " 回复 " : " replies ") + v + " -> " + L(e.g2);
    case EventKind::kCrash:
      return L(e.g) + " panic(\"" + pr.strings[std::size_t(e.n2)] + "\")" +
             (zh ? "：actor " : ": actor ") + a + (zh ? " 崩溃" : " crashes");
    case EventKind::kRestart:
      return pr.supervisors[std::size_t(e.n2)].name + (zh ? " 重启 " : " restarts ") + a + " = " +
             L(e.g) + " (" + Num(e.n) + "/" + Num(pr.supervisors[std::size_t(e.n2)].max_restarts) +
             ")";
    case EventKind::kGiveUp:
      return pr.supervisors[std::size_t(e.n2)].name + (zh ? " 放弃 " : " gives up on ") + a;
    case EventKind::kDeadLetter:
      return L(e.g) + " " + a + " ! " + FormatValue(pr, pr.actors[std::size_t(e.ch)].msg, e.n2) +
             (zh ? "：死信（丢失）" : ": dead letter (lost)");
    case EventKind::kRecover:
      return L(e.g) + " recover() = \"" + pr.strings[std::size_t(e.n2)] + "\"";
    default:
      break;
  }
  return "?";
}

Said NarrateActor(const SchedRun& r, const Event& e, const State* before, const State* after) {
  const Program& pr = r.Prog();
  auto L = [&r](std::int32_t g) { return r.Label(g); };
  const std::string a = e.ch == kNone ? std::string("-") : pr.actors[std::size_t(e.ch)].name;
  const VType t = VType(e.p2 < 0 ? 0 : e.p2);
  const std::string v = FormatValue(pr, t, e.n2);
  Said s;
  // No runtime function does this (Go has no actors): the model's own step is named.
  s.func = e.kind == EventKind::kRestart || e.kind == EventKind::kGiveUp ? "supervisor (model)"
           : e.kind == EventKind::kCrash                                 ? "gopanic"
                                                                         : "mailbox (model)";
  switch (e.kind) {
    case EventKind::kSpawn:
      s.en = L(e.g2) + " spawns actor " + a + ": its behaviour, " +
             pr.funcs[std::size_t(pr.actors[std::size_t(e.ch)].func)].name +
             ", runs in the new goroutine " + L(e.g) +
             " with an empty mailbox. Others address it by its name, not by a channel.";
      s.zh = L(e.g2) + " 启动 actor " + a + "：它的行为 " +
             pr.funcs[std::size_t(pr.actors[std::size_t(e.ch)].func)].name + " 在新的 goroutine " +
             L(e.g) + " 中运行，邮箱为空。别人用名字找到它，而不是通过通道。";
      break;
    case EventKind::kTell:
      if (e.flag) {
        s.en = L(e.g) + " asks " + a + " " + v + ": the message joins the mailbox (" +
               Messages(e.n, false) + " now) and " + L(e.g) + " waits for the reply.";
        s.zh = L(e.g) + " 向 " + a + " 发出 ask " + v + "：消息进入邮箱（现在 " +
               Messages(e.n, true) + "），" + L(e.g) + " 等待回复。";
      } else {
        s.en = L(e.g) + " tells " + a + " " + v + ": the message is appended to " + a +
               "'s mailbox, which now holds " + Messages(e.n, false) +
               ". A tell never blocks: the mailbox has no bound.";
        s.zh = L(e.g) + " 向 " + a + " 发送（tell）" + v + "：消息追加到 " + a +
               " 的邮箱末尾，邮箱现在有 " + Messages(e.n, true) + "。tell 从不阻塞：邮箱没有上限。";
      }
      break;
    case EventKind::kReceive:
      // "acct (acct1) takes ...": the goroutine is named when it differs from the actor.
      s.en = (L(e.g) == a ? a : a + " (" + L(e.g) + ")") + " takes " + v +
             " from the head of its mailbox (sent by " + L(e.g2) +
             "); still waiting: " + Messages(e.n, false) +
             ". The behaviour handles one message at a time, so its state needs no lock.";
      s.zh = (L(e.g) == a ? a : a + "（" + L(e.g) + "）") + "从邮箱头部取出 " + v + "（由 " +
             L(e.g2) + " 发送）；还有 " + Messages(e.n, true) +
             " 在等待。行为一次只处理一条消息，所以它的状态不需要锁。";
      break;
    case EventKind::kReceivePark:
      s.en = a + "'s mailbox is empty, so " + L(e.g) + " parks until a message arrives.";
      s.zh = a + " 的邮箱为空，" + L(e.g) + " 挂起，直到有消息到达。";
      break;
    case EventKind::kAskPark:
      break;  // the tell's sentence says it
    case EventKind::kAskDone:
      if (e.flag) {
        s.en = L(e.g) + "'s ask of " + a + " returns the reply " + v + ".";
        s.zh = L(e.g) + " 对 " + a + " 的 ask 返回回复 " + v + "。";
      } else {
        s.en = L(e.g) + "'s ask of " + a +
               " returns ok = false: its message was lost, so no reply will come (as a caller "
               "monitoring the server learns it went down).";
        s.zh = L(e.g) + " 对 " + a +
               " 的 ask 返回 ok = false：它的消息丢失了，不会有回复（就像监视服务者的调用方得知它已"
               "倒下）。";
      }
      break;
    case EventKind::kReply:
      s.en = a + " replies " + v + " to " + L(e.g2) + ", which was waiting in its ask.";
      s.zh = a + " 把 " + v + " 回复给在 ask 中等待的 " + L(e.g2) + "。";
      break;
    case EventKind::kCrash: {
      const std::string& why = pr.strings[std::size_t(e.n2)];
      std::string lost_en = "nothing", lost_zh = "没有";
      if (before && after && after->lost.size() > before->lost.size()) {
        const std::size_t n = after->lost.size() - before->lost.size();
        lost_en =
            Messages(std::int64_t(n), false) + " (" + LostList(pr, *before, *after, false) + ")";
        lost_zh =
            Messages(std::int64_t(n), true) + "（" + LostList(pr, *before, *after, true) + "）";
      }
      s.en = "Actor " + a + " crashes: " + L(e.g) + " calls panic(\"" + why +
             "\"). Let it crash: only this actor dies, the others go on. Lost with it: " + lost_en +
             " — the message it was handling and its mailbox.";
      s.zh = "actor " + a + " 崩溃：" + L(e.g) + " 调用 panic(\"" + why +
             "\")。任其崩溃：只有这个 actor 死去，其他照常运行。随它丢失的：" + lost_zh +
             "——正在处理的消息和它的邮箱。";
      break;
    }
    case EventKind::kRestart: {
      const Supervisor& sup = pr.supervisors[std::size_t(e.n2)];
      s.en = "Supervisor " + sup.name + " (one-for-one) restarts " + a + " as " + L(e.g) +
             " with fresh state and an empty mailbox: restart " + Num(e.n) + " of at most " +
             Num(sup.max_restarts) + ". Messages told from now on reach the new incarnation.";
      s.zh = "监督者 " + sup.name + "（one-for-one）把 " + a + " 重启为 " + L(e.g) +
             "，状态全新、邮箱为空：第 " + Num(e.n) + " 次重启，最多 " + Num(sup.max_restarts) +
             " 次。此后发送的消息由新的实例接收。";
      break;
    }
    case EventKind::kGiveUp: {
      const Supervisor& sup = pr.supervisors[std::size_t(e.n2)];
      s.en = "Supervisor " + sup.name + " has restarted " + a + " " + Num(e.n) +
             " times, its limit: it gives up, and " + a +
             " stays down. Simplified: an OTP supervisor would now stop itself and let its own "
             "supervisor decide.";
      s.zh = "监督者 " + sup.name + " 已经重启 " + a + " " + Num(e.n) + " 次，达到上限：它放弃，" +
             a + " 不再运行。简化：OTP 的监督者此时会自己退出，交给上一级监督者处理。";
      break;
    }
    case EventKind::kDeadLetter: {
      const std::string dv = FormatValue(pr, pr.actors[std::size_t(e.ch)].msg, e.n2);
      s.en = L(e.g) + " tells " + a + " " + dv + ", but " + a +
             " is down: the message is a dead letter, lost, and the sender is not told.";
      s.zh = L(e.g) + " 向 " + a + " 发送 " + dv + "，但 " + a +
             " 已经停止：这条消息成了死信，丢失了，发送者并不知道。";
      break;
    }
    case EventKind::kRecover: {
      const std::string& why = pr.strings[std::size_t(e.n2)];
      s.func = "gorecover";
      s.en = L(e.g) + " panics with \"" + why +
             "\", and its deferred recover() stops the panic: the function returns normally, "
             "so only " +
             L(e.g) + " ends; the program goes on.";
      s.zh = L(e.g) + " 以 \"" + why +
             "\" panic，它延迟执行的 recover() 拦住了 panic：函数正常返回，" + "只有 " + L(e.g) +
             " 结束，程序继续运行。";
      break;
    }
    default:
      break;
  }
  return s;
}

}  // namespace gs::sched
