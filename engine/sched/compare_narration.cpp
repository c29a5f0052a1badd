// The compare's words: each side's own narration, prefixed by the trade-off the step shows
// (mailbox build-up vs back-pressure, a crash restarted vs a panic that ends the program).
#include "engine/sched/actor_narration.h"
#include "engine/sched/compare_run.h"

namespace gs::sched {
namespace {

std::string Num(std::int64_t n) {
  return std::to_string(n);
}

void Add(LocalizedText& t, const std::string& en, const std::string& zh) {
  if (!t.en.empty()) t.en += " ";
  t.en += en;
  t.zh += zh;
}

}  // namespace

std::uint32_t ConcurrencyRun::Classify(Side s, std::size_t i) const {
  const SchedRun& r = SideRun(s);
  std::uint32_t t = kTradeNone;
  const auto events = r.GetTimeline().Events(i);
  const std::vector<SideCounters>& counters = s == Side::kActors ? m_counters_a : m_counters_c;
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Event& e = events[k];
    switch (e.kind) {
      case EventKind::kCrash: {
        bool restarted = false;
        for (std::size_t j = k + 1; j < events.size(); ++j) {
          restarted = restarted || events[j].kind == EventKind::kRestart;
        }
        t |= restarted ? kCrashRestarted : kCrashDown;
        break;
      }
      case EventKind::kDeadLetter:
        t |= kDeadLetter;
        break;
      case EventKind::kTell:
        // A new longest mailbox (from three messages on): the build-up a slow actor suffers.
        if (e.n >= 3 && i > 0 && e.n > counters[i - 1].max_queue) t |= kBuildUp;
        break;
      case EventKind::kChanSend:
        if (e.n == std::int64_t(ChanPath::kPark)) t |= kBackPressure;
        break;
      case EventKind::kPanic:
        t |= kPanicEnds;
        break;
      case EventKind::kRecover:
        t |= kRecovered;
        break;
      default:
        break;
    }
  }
  return t;
}

LocalizedText ConcurrencyRun::TradeText(std::size_t step) const {
  LocalizedText t;
  const std::uint32_t trade = m_steps[step].trade;
  if (trade == kTradeNone) return t;
  const Program& pa = m_actors->Prog();
  const Program& pc = m_csp->Prog();
  if ((trade & kBuildUp) && Advanced(Side::kActors, step)) {
    for (const Event& e : m_actors->GetTimeline().Events(m_steps[step].a)) {
      if (e.kind != EventKind::kTell) continue;
      const std::string& a = pa.actors[std::size_t(e.ch)].name;
      Add(t,
          "Mailbox build-up: " + a + " now holds " + Num(e.n) +
              " messages. A tell never blocks, so senders run ahead of a slow actor and its "
              "mailbox grows without bound; nothing tells them to slow down.",
          "邮箱堆积：" + a + " 现在有 " + Num(e.n) +
              " 条消息。tell 从不阻塞，发送者跑在慢 actor 前面，邮箱无限增长；没有任何东西让它们"
              "放慢。");
      break;
    }
  }
  if ((trade & kBackPressure) && Advanced(Side::kCsp, step)) {
    for (const Event& e : m_csp->GetTimeline().Events(m_steps[step].c)) {
      if (e.kind != EventKind::kChanSend || e.n != std::int64_t(ChanPath::kPark)) continue;
      const std::string& ch = pc.chan_names[std::size_t(e.ch)];
      const std::int32_t cap =
          m_csp->GetTimeline().StateRef(m_steps[step].c).chans[std::size_t(e.ch)].dataqsiz;
      const std::string who = m_csp->Label(e.g);
      const std::string why_en = cap == 0 ? ch + " is unbuffered and no receiver is ready"
                                          : ch + " is full (" + Num(cap) + " of " + Num(cap) + ")";
      const std::string why_zh = cap == 0 ? ch + " 无缓冲，且没有准备好的接收者"
                                          : ch + " 已满（" + Num(cap) + "/" + Num(cap) + "）";
      Add(t,
          "Back-pressure: " + why_en + ", so " + who +
              " blocks in its send until the consumer takes a value. The slow consumer slows "
              "the producer down, and memory stays bounded.",
          "背压：" + why_zh + "，所以 " + who +
              " 阻塞在发送上，直到消费者取走一个值。慢消费者让生产者也慢下来，内存占用有上限。");
      break;
    }
  }
  if (trade & (kCrashRestarted | kCrashDown)) {
    const std::size_t a = m_steps[step].a;
    const State before = m_actors->GetTimeline().StateAt(a - 1);
    const State after = m_actors->GetTimeline().StateAt(a);
    const std::size_t n = after.lost.size() - before.lost.size();
    const std::string list_en = n ? " (" + LostList(pa, before, after, false) + ")" : "";
    const std::string list_zh = n ? "（" + LostList(pa, before, after, true) + "）" : "";
    if (trade & kCrashRestarted) {
      Add(t,
          "Crash restarted: the actor side loses " + Num(std::int64_t(n)) + " message(s)" +
              list_en +
              " and goes on with a fresh actor; in Go, a panic nobody recovers ends the whole "
              "program.",
          "崩溃后重启：actor 一侧丢失 " + Num(std::int64_t(n)) + " 条消息" + list_zh +
              "，然后由全新的 actor 继续；在 Go 里，没有被 recover 的 panic 会结束整个程序。");
    } else {
      Add(t,
          "Crash, no restart: the actor stays down with " + Num(std::int64_t(n)) +
              " message(s) lost" + list_en + "; what is told to it from now on is a dead letter.",
          "崩溃且不再重启：actor 停止，丢失 " + Num(std::int64_t(n)) + " 条消息" + list_zh +
              "；此后发给它的消息都是死信。");
    }
  }
  if (trade & kPanicEnds) {
    const Side s = Advanced(Side::kCsp, step) && Counters(Side::kCsp, step).panicked
                       ? Side::kCsp
                       : Side::kActors;
    const SideCounters& c = Counters(s, step);
    Add(t,
        "Panic ends the program: no supervisor restarts the goroutine, and the " +
            Num(c.in_flight) +
            " value(s) still in channels or carried by blocked senders are lost with it. Go's "
            "answer is a deferred recover in that goroutine, or a process supervisor outside.",
        "panic 结束整个程序：没有监督者重启这个 goroutine，仍在通道中或由阻塞发送者携带的 " +
            Num(c.in_flight) +
            " 个值随之丢失。Go 的办法是在那个 goroutine 里延迟调用 recover，或者在进程外做监督。");
  }
  if (trade & kRecovered) {
    Add(t,
        "Recovered: recover keeps the program alive and only that goroutine ends; the value it "
        "was handling is gone, and nothing restarts it unless the program does.",
        "已恢复：recover 让程序继续运行，只有那个 goroutine 结束；它正在处理的值没了，除非程序"
        "自己重启它，否则不会有人接手。");
  }
  if ((trade & kDeadLetter) && !(trade & (kCrashRestarted | kCrashDown))) {
    Add(t,
        "Dead letter: the actor is down, so the message is lost and the sender is not told "
        "(a channel send would block or panic instead).",
        "死信：actor 已经停止，消息丢失，发送者并不知道（通道发送则会阻塞或 panic）。");
  }
  return t;
}

std::vector<std::string> ConcurrencyRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  for (Side s : {Side::kActors, Side::kCsp}) {
    if (step > 0 && !Advanced(s, step)) continue;
    const char* name = s == Side::kActors ? "actors " : "csp ";
    std::vector<std::string> lines = SideRun(s).EventLines(SideStep(s, step), lang);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      // The first line is the side's clock: "actors t=40us".
      out.push_back(i == 0 ? name + lines[i] : std::move(lines[i]));
    }
  }
  return out;
}

Json ConcurrencyRun::EventsJson(std::size_t step) const {
  // The English event lines, each side's clock first (as the sched topic's --json has them).
  Json arr = Json::array();
  for (std::string& line : EventLines(step, Lang::kEn)) arr.push_back(std::move(line));
  return arr;
}

Narration ConcurrencyRun::Narrate(std::size_t step) const {
  Narration n;
  if (step == 0) {
    n.text.en = m_workload.Get(Lang::kEn) +
                " Left: actors, each a goroutine with an unbounded FIFO mailbox (Go's runtime has "
                "no actors; this is a simplification, not runtime code). Right: the same roles "
                "in CSP style with channels, as a real Go program. Both run on the same "
                "scheduler with GOMAXPROCS=" +
                Num(m_csp->Prog().config.gomaxprocs) + " and step together in simulated time.";
    n.text.zh =
        m_workload.Get(Lang::kZh) +
        " 左边：actor，每个都是带无界先进先出邮箱的 goroutine（Go 运行时没有 actor，"
        "这是简化模型，不是运行时代码）。右边：用通道以 CSP 风格写的同样角色，是一个真实的 Go "
        "程序。两边在同一个调度器上运行（GOMAXPROCS=" +
        Num(m_csp->Prog().config.gomaxprocs) + "），按模拟时间一起前进。";
  } else {
    LocalizedText t = TradeText(step);
    for (Side s : {Side::kActors, Side::kCsp}) {
      if (!Advanced(s, step)) continue;
      Narration side = SideRun(s).Narrate(SideStep(s, step));
      if (n.func.empty()) n.func = side.func;
      if (side.text.Empty()) {
        // A step with nothing to narrate (quiet bookkeeping): its event lines say what it did.
        for (const std::string& line : SideRun(s).EventLines(SideStep(s, step), Lang::kEn)) {
          side.text.en += side.text.en.empty() ? line : "; " + line;
        }
        side.text.zh = side.text.en;
      }
      if (side.text.Empty()) continue;
      Add(t, std::string(s == Side::kActors ? "Actors: " : "CSP: ") + side.text.en,
          std::string(s == Side::kActors ? "Actor：" : "CSP：") + side.text.zh);
    }
    n.text = t;
  }
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + (n.text.en.empty() ? "" : "\n") + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + (n.text.zh.empty() ? "" : "\n") + n.text.zh;
  }
  return n;
}

}  // namespace gs::sched
