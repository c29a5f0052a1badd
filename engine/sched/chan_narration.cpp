// Channel narration: what each path of chansend / chanrecv / closechan / selectgo did and why,
// in English and Chinese, with the runtime function named.
#include "engine/sched/chan_narration.h"

namespace gs::sched {
namespace {

std::string Num(std::int64_t n) {
  return std::to_string(n);
}

std::string Slot(std::int64_t i) {
  std::string s = "buf[";
  s += std::to_string(i);
  s += "]";
  return s;
}

const char* TypeName(VType t) {
  switch (t) {
    case VType::kString:
      return "string";
    case VType::kBool:
      return "bool";
    case VType::kStruct:
      return "struct{}";
    case VType::kInt:
      break;
  }
  return "int";
}

/// A select's pollorder or lockorder as carried by its kSelectStart event: "[2, 0, 1]".
std::string Order(const Event& e, bool lock) {
  std::string s = "[";
  const std::uint32_t bits = lock ? e.lock : e.poll;
  for (std::int8_t k = 0; k < e.cas; ++k) {
    if (k > 0) s += ", ";
    s += std::to_string((bits >> (4 * k)) & 0xf);
  }
  s += "]";
  return s;
}

const char* PanicText(PanicKind k) {
  switch (k) {
    case PanicKind::kSendOnClosed:
      return "send on closed channel";
    case PanicKind::kCloseNil:
      return "close of nil channel";
    case PanicKind::kCloseClosed:
      return "close of closed channel";
    case PanicKind::kUser:  // the program's own value (State::panic_value)
    case PanicKind::kNoPanic:
      break;
  }
  return "";
}

// The Go statement a sandbox goroutine runs: "c <- 5", "<-c", "close(c)".
std::string SandboxStmt(const Program& pr, const Event& e) {
  const std::string& ch = pr.chan_names[std::size_t(e.ch)];
  switch (GOp(e.n)) {
    case GOp::kChanSend: {
      std::string s = ch;
      s += " <- ";
      s += FormatValue(pr, pr.chan_elems[std::size_t(e.ch)], e.n2);
      return s;
    }
    case GOp::kChanRecv:
      return "<-" + ch;
    default:
      break;
  }
  return "close(" + ch + ")";
}

}  // namespace

bool IsChanEvent(EventKind k) {
  switch (k) {
    case EventKind::kChanSend:
    case EventKind::kChanRecv:
    case EventKind::kMakeChan:
    case EventKind::kClose:
    case EventKind::kPanic:
    case EventKind::kSelectStart:
    case EventKind::kSelectDefault:
    case EventKind::kSelectPark:
    case EventKind::kSelectWake:
    case EventKind::kStaleSudog:
    case EventKind::kPrint:
    case EventKind::kScriptChan:
      return true;
    default:
      return false;
  }
}

std::string FormatValue(const Program& pr, VType t, Value v) {
  switch (t) {
    case VType::kString: {
      std::string s = "\"";
      if (v >= 0 && std::size_t(v) < pr.strings.size()) s += pr.strings[std::size_t(v)];
      s += "\"";
      return s;
    }
    case VType::kBool:
      return v ? "true" : "false";
    case VType::kStruct:
      return "{}";
    case VType::kInt:
      break;
  }
  return std::to_string(v);
}

std::string ChanEventLine(const SchedRun& r, const Event& e, Lang lang) {
  const Program& pr = r.Prog();
  const bool zh = lang == Lang::kZh;
  auto L = [&r](std::int32_t g) { return r.Label(g); };
  const std::string ch = e.ch == kNone ? std::string() : pr.chan_names[std::size_t(e.ch)];
  const VType elem = e.ch == kNone ? VType::kInt : pr.chan_elems[std::size_t(e.ch)];
  const std::string v = FormatValue(pr, elem, e.n2);
  std::string cas =
      e.cas >= 0 ? (zh ? "［case " : "[case ") + Num(e.cas) + (zh ? "］" : "] ") : std::string();
  switch (e.kind) {
    case EventKind::kChanSend:
      switch (ChanPath(e.n)) {
        case ChanPath::kDirect:
          return cas + L(e.g) + " " + ch + " <- " + v + (zh ? "：直接交给 " : ": direct to ") +
                 L(e.g2) + (zh ? "（sendDirect）" : " (sendDirect)");
        case ChanPath::kBuffer:
          return cas + L(e.g) + " " + ch + " <- " + v + " -> " + Slot(e.p2);
        case ChanPath::kPark:
          return cas + L(e.g) + " " + ch + " <- " + v +
                 (zh ? "：进入 sendq 并挂起" : ": sendq, parks");
        case ChanPath::kNilBlock:
          return L(e.g) + " " + ch + " <- " + v +
                 (zh ? "：nil 通道，永久阻塞" : ": nil channel, blocks forever");
        default:
          break;
      }
      break;
    case EventKind::kChanRecv:
      switch (ChanPath(e.n)) {
        case ChanPath::kDirect:
          return cas + L(e.g) + " <-" + ch + " = " + v + (zh ? "：直接取自 " : ": direct from ") +
                 L(e.g2);
        case ChanPath::kSlotReuse:
          return cas + L(e.g) + " <-" + ch + " = " + v + " <- " + Slot(e.p2) + "; " + L(e.g2) +
                 (zh ? " 的值放入同一槽位" : "'s value into the same slot");
        case ChanPath::kBuffer:
          return cas + L(e.g) + " <-" + ch + " = " + v + " <- " + Slot(e.p2) +
                 (zh ? "（槽位清零）" : " (slot zeroed)");
        case ChanPath::kClosed:
          return cas + L(e.g) + " <-" + ch + " = " + FormatValue(pr, elem, 0) +
                 (zh ? ", ok=false（已关闭且为空）" : ", ok=false (closed, empty)") +
                 (e.range ? (zh ? "：range 结束" : ": range ends") : "");
        case ChanPath::kPark:
          return cas + L(e.g) + " <-" + ch + (zh ? "：进入 recvq 并挂起" : ": recvq, parks");
        case ChanPath::kNilBlock:
          return L(e.g) + " <-" + ch +
                 (zh ? "：nil 通道，永久阻塞" : ": nil channel, blocks forever");
        case ChanPath::kWoken:
          return L(e.g) + (zh ? " 醒来：" : " wakes: ") + ch +
                 (zh ? " 已关闭，range 结束" : " closed, range ends");
        default:
          break;
      }
      break;
    case EventKind::kMakeChan:
      return L(e.g) + " " + ch + " = make(chan " + TypeName(elem) + ", " + Num(e.n) + ")";
    case EventKind::kClose:
      return L(e.g) + " close(" + ch + ")" +
             (zh ? "：唤醒 " + Num(e.n) + " 个接收者、" + Num(e.n2) + " 个发送者"
                 : ": wakes " + Num(e.n) + " receiver(s), " + Num(e.n2) + " sender(s)");
    case EventKind::kPanic:
      return "gopanic " + L(e.g);  // the report lines that follow carry the text
    case EventKind::kSelectStart:
      if (e.flag) {
        return L(e.g) + (zh ? " select（编译器改写，" : " select (rewritten by the compiler, ") +
               Num(e.n) + (zh ? " 个 case" : " case") + (e.n2 ? " + default" : "") +
               (zh ? "）" : ")");
      }
      return L(e.g) + " select " + Num(e.n) + (zh ? " 个 case：pollorder " : " cases: pollorder ") +
             Order(e, false) + ", lockorder " + Order(e, true);
    case EventKind::kSelectDefault:
      return L(e.g) + (zh ? " select：走 default" : " select: default");
    case EventKind::kSelectPark:
      return L(e.g) + (zh ? " select：在 " : " select: sudogs on ") + Num(e.n) +
             (zh ? " 个通道上挂 sudog，挂起" : " channels, parks");
    case EventKind::kSelectWake:
      return L(e.g) + (zh ? " select 醒来：case " : " select wakes: case ") + Num(e.cas) +
             (zh ? " 胜出，移除 " : " won, dequeues ") + Num(e.n) +
             (zh         ? " 个其余 sudog"
              : e.n == 1 ? " other sudog"
                         : " other sudogs");
    case EventKind::kStaleSudog:
      return ch + (zh ? "：丢弃 " : ": drops ") + L(e.g) +
             (zh ? " 的过期 sudog（selectDone）" : "'s stale sudog (selectDone)");
    case EventKind::kPrint:
      return L(e.g) + " println(" + FormatValue(pr, VType(e.n), e.n2) + ")";
    case EventKind::kScriptChan:
      return (zh ? "沙盒：新 goroutine " : "sandbox: new goroutine ") + L(e.g) + ": " +
             SandboxStmt(pr, e);
    default:
      break;
  }
  return "?";
}

Said NarrateChan(const SchedRun& r, const Event& e, const State* after) {
  const Program& pr = r.Prog();
  auto L = [&r](std::int32_t g) { return r.Label(g); };
  Said s;
  const std::string ch = e.ch == kNone ? std::string() : pr.chan_names[std::size_t(e.ch)];
  const VType elem = e.ch == kNone ? VType::kInt : pr.chan_elems[std::size_t(e.ch)];
  const std::string v = FormatValue(pr, elem, e.n2);
  const Chan* c = e.ch == kNone || !after ? nullptr : &after->chans[std::size_t(e.ch)];
  std::string cas_en, cas_zh;
  if (e.cas >= 0) {
    cas_en = "Case " + Num(e.cas) + " of the select is ready: ";
    cas_zh = "select 的 case " + Num(e.cas) + " 已就绪：";
  }
  switch (e.kind) {
    case EventKind::kChanSend:
      s.func = "chansend";
      switch (ChanPath(e.n)) {
        case ChanPath::kDirect:
          s.func = "send";
          s.en = cas_en + L(e.g) + " sends " + v + " on " + ch + ". " + L(e.g2) +
                 " is already parked in recvq, so send() copies the value straight onto " +
                 L(e.g2) + "'s stack (sendDirect): the buffer is not touched. goready then puts " +
                 L(e.g2) + " in runnext.";
          s.zh = cas_zh + L(e.g) + " 向 " + ch + " 发送 " + v + "。" + L(e.g2) +
                 " 已经挂在 recvq 上，send() 直接把值拷贝到 " + L(e.g2) +
                 " 的栈上（sendDirect），不经过缓冲区。随后 goready 把 " + L(e.g2) +
                 " 放进 runnext。";
          break;
        case ChanPath::kBuffer:
          s.en = cas_en + L(e.g) + " sends " + v + " on " + ch +
                 ": no receiver waits and the buffer has room, so the value is copied into " +
                 Slot(e.p2) + " and sendx moves on to " + Num(c ? c->sendx : 0) +
                 (c && c->sendx == 0 && c->dataqsiz > 1 ? " (it wraps around the ring)" : "") +
                 "; qcount is now " + Num(c ? c->qcount : 0) + " of " + Num(c ? c->dataqsiz : 0) +
                 ".";
          s.zh = cas_zh + L(e.g) + " 向 " + ch + " 发送 " + v +
                 "：没有等待的接收者而缓冲区有空位，值拷贝进 " + Slot(e.p2) + "，sendx 前进到 " +
                 Num(c ? c->sendx : 0) +
                 (c && c->sendx == 0 && c->dataqsiz > 1 ? "（绕回环形缓冲区开头）" : "") +
                 "；qcount 现在是 " + Num(c ? c->qcount : 0) + "/" + Num(c ? c->dataqsiz : 0) +
                 "。";
          break;
        case ChanPath::kPark:
          s.en = L(e.g) + " sends " + v + " on " + ch + ": no receiver waits and " +
                 (c && c->dataqsiz == 0 ? std::string("the channel has no buffer")
                                        : "the buffer is full") +
                 ", so chansend puts a sudog carrying " + v + " on sendq and gopark parks " +
                 L(e.g) + " (wait reason \"chan send\").";
          s.zh = L(e.g) + " 向 " + ch + " 发送 " + v + "：没有等待的接收者，" +
                 (c && c->dataqsiz == 0 ? std::string("通道没有缓冲区") : "缓冲区已满") +
                 "，chansend 把携带 " + v + " 的 sudog 挂到 sendq 上，gopark 让 " + L(e.g) +
                 " 挂起（等待原因 \"chan send\"）。";
          break;
        case ChanPath::kNilBlock:
          s.en = L(e.g) + " sends on " + ch +
                 ", which is nil (never made): a send on a nil channel blocks forever (\"chan "
                 "send (nil chan)\").";
          s.zh = L(e.g) + " 向 " + ch +
                 " 发送，而它是 nil（从未 make）：向 nil 通道发送会永久阻塞"
                 "（\"chan send (nil chan)\"）。";
          break;
        default:
          break;
      }
      break;
    case EventKind::kChanRecv:
      s.func = "chanrecv";
      switch (ChanPath(e.n)) {
        case ChanPath::kDirect:
          s.func = "recv";
          s.en = cas_en + L(e.g) + " receives on " + ch + ": sender " + L(e.g2) +
                 " is parked in sendq and the channel has no buffer, so recv() copies " + v +
                 " straight from " + L(e.g2) + "'s sudog (recvDirect) and goready wakes " +
                 L(e.g2) + ".";
          s.zh = cas_zh + L(e.g) + " 从 " + ch + " 接收：发送者 " + L(e.g2) +
                 " 挂在 sendq 上，通道没有缓冲区，recv() 直接从 " + L(e.g2) + " 的 sudog 拷贝 " +
                 v + "（recvDirect），goready 唤醒 " + L(e.g2) + "。";
          break;
        case ChanPath::kSlotReuse:
          s.func = "recv";
          s.en = cas_en + L(e.g) + " receives on " + ch + ": the buffer is full and " + L(e.g2) +
                 " waits in sendq. recv() takes the oldest value, " + v + ", from " + Slot(e.p2) +
                 " and puts " + L(e.g2) +
                 "'s value into that same slot; recvx moves on and sendx = recvx, so the ring "
                 "stays full and FIFO order holds. " +
                 L(e.g2) + " is woken.";
          s.zh = cas_zh + L(e.g) + " 从 " + ch + " 接收：缓冲区已满，" + L(e.g2) +
                 " 在 sendq 中等待。recv() 从 " + Slot(e.p2) + " 取出最早的值 " + v + "，再把 " +
                 L(e.g2) +
                 " 的值放进同一个槽位；recvx 前进且 sendx = recvx，"
                 "环形缓冲区保持满，先进先出不变。" +
                 L(e.g2) + " 被唤醒。";
          break;
        case ChanPath::kBuffer:
          s.en = cas_en + L(e.g) + " receives " + v + " from " + Slot(e.p2) + " of " + ch +
                 "; the slot is zeroed (typedmemclr) and recvx moves on to " +
                 Num(c ? c->recvx : 0) + "; qcount is now " + Num(c ? c->qcount : 0) +
                 (c && c->closed ? ". The channel is closed, but buffered values are still "
                                   "delivered."
                                 : ".");
          s.zh = cas_zh + L(e.g) + " 从 " + ch + " 的 " + Slot(e.p2) + " 接收 " + v +
                 "；该槽位被清零（typedmemclr），recvx 前进到 " + Num(c ? c->recvx : 0) +
                 "；qcount 现在是 " + Num(c ? c->qcount : 0) +
                 (c && c->closed ? "。通道已关闭，但缓冲区里的值仍会被送达。" : "。");
          break;
        case ChanPath::kClosed:
          s.en = cas_en + L(e.g) + " receives on " + ch +
                 ": it is closed and drained, so chanrecv returns at once with the zero value " +
                 FormatValue(pr, elem, 0) + " and ok = false" +
                 (e.range ? "; the for-range loop ends." : ".");
          s.zh = cas_zh + L(e.g) + " 从 " + ch + " 接收：通道已关闭且为空，chanrecv 立即返回零值 " +
                 FormatValue(pr, elem, 0) + " 和 ok = false" +
                 (e.range ? "；for range 循环结束。" : "。");
          break;
        case ChanPath::kPark:
          s.en = L(e.g) + " receives on " + ch +
                 ": nothing is buffered and no sender waits, so a sudog for " + L(e.g) +
                 " joins recvq and gopark parks it (wait reason \"chan receive\").";
          s.zh = L(e.g) + " 从 " + ch + " 接收：缓冲区为空也没有等待的发送者，" + L(e.g) +
                 " 的 sudog 进入 recvq，gopark 让它挂起（等待原因 \"chan receive\"）。";
          break;
        case ChanPath::kNilBlock:
          s.en = L(e.g) + " receives from " + ch +
                 ", which is nil (never made): a receive from a nil channel blocks forever "
                 "(\"chan receive (nil chan)\").";
          s.zh = L(e.g) + " 从 " + ch +
                 " 接收，而它是 nil（从未 make）：从 nil 通道接收会永久阻塞"
                 "（\"chan receive (nil chan)\"）。";
          break;
        case ChanPath::kWoken:
          s.en = L(e.g) + " resumes: close(" + ch +
                 ") woke it with ok = false while it waited, so its for-range loop ends.";
          s.zh = L(e.g) + " 恢复运行：它等待时 close(" + ch +
                 ") 以 ok = false 唤醒了它，"
                 "所以 for range 循环结束。";
          break;
        default:
          break;
      }
      break;
    case EventKind::kMakeChan:
      s.func = "makechan";
      if (e.n == 0) {
        s.en = L(e.g) + " makes " + ch + " = make(chan " + TypeName(elem) +
               "): makechan allocates an hchan with no buffer, so every send waits for a "
               "receiver (a rendezvous).";
        s.zh = L(e.g) + " 创建 " + ch + " = make(chan " + TypeName(elem) +
               ")：makechan 分配一个没有缓冲区的 hchan，每次发送都要等接收者（同步交接）。";
      } else {
        s.en = L(e.g) + " makes " + ch + " = make(chan " + TypeName(elem) + ", " + Num(e.n) +
               "): makechan allocates the hchan and a ring of " + Num(e.n) +
               " slots; sendx and recvx start at 0.";
        s.zh = L(e.g) + " 创建 " + ch + " = make(chan " + TypeName(elem) + ", " + Num(e.n) +
               ")：makechan 分配 hchan 和 " + Num(e.n) +
               " 个槽位的环形缓冲区；sendx 与 recvx 从 0 开始。";
      }
      break;
    case EventKind::kClose:
      s.func = "closechan";
      s.en = L(e.g) + " closes " + ch + ": closechan sets closed = 1";
      s.zh = L(e.g) + " 关闭 " + ch + "：closechan 置 closed = 1";
      if (e.n + e.n2 == 1) {
        s.en += e.n ? ", and the parked receiver gets the zero value with ok = false and is "
                      "readied."
                    : ", and the parked sender is readied: it will panic when it runs.";
        s.zh += e.n ? "，挂起的接收者得到零值和 ok = false 并被唤醒。"
                    : "，挂起的发送者被唤醒：它运行时会 panic。";
      } else if (e.n + e.n2 > 1) {
        s.en += ", gives each of the " + Num(e.n) +
                " parked receivers the zero value with ok = false, marks the " + Num(e.n2) +
                " parked senders to panic, and collects them all on a gList. gList.pop readies "
                "them in reverse order, and each goready takes runnext and kicks the one "
                "before it to the run queue.";
        s.zh += "，给 " + Num(e.n) + " 个挂起的接收者零值和 ok = false，把 " + Num(e.n2) +
                " 个挂起的发送者标记为将要 panic，并把它们都放进一个 gList。gList.pop "
                "按相反的顺序唤醒它们，每次 goready 都占据 runnext，把前一个挤到运行队列。";
      } else {
        s.en += "; no goroutine was waiting.";
        s.zh += "；没有 goroutine 在等待。";
      }
      if (c && c->qcount > 0) {
        s.en += c->qcount == 1
                    ? std::string(" The buffered value will still be received.")
                    : " The " + Num(c->qcount) + " buffered values will still be received.";
        s.zh += " 缓冲区中的 " + Num(c->qcount) + " 个值仍然会被接收。";
      }
      break;
    case EventKind::kPanic: {
      if (PanicKind(e.n) == PanicKind::kUser) {
        s.func = "gopanic";
        const std::string& text = pr.strings[std::size_t(e.n2)];
        s.en = L(e.g) + " calls panic(\"" + text +
               "\"). No deferred recover stops it and Go has no supervisor: the whole program "
               "exits with status 2, every other goroutine with it.";
        s.zh = L(e.g) + " 调用 panic(\"" + text +
               "\")。没有被延迟的 recover 拦住它，Go 也没有监督者：整个程序以状态 2 退出，"
               "其他 goroutine 也一起结束。";
        break;
      }
      s.func = PanicKind(e.n) == PanicKind::kSendOnClosed ? "chansend" : "closechan";
      const std::string text = PanicText(PanicKind(e.n));
      const char* why_en = PanicKind(e.n) == PanicKind::kSendOnClosed
                               ? "a send on a closed channel always panics, even one that was "
                                 "parked before the close"
                           : PanicKind(e.n) == PanicKind::kCloseNil
                               ? "closing a nil channel panics"
                               : "a channel can be closed only once";
      const char* why_zh = PanicKind(e.n) == PanicKind::kSendOnClosed
                               ? "向已关闭的通道发送一定会 panic，即使发送者在关闭之前就已挂起"
                           : PanicKind(e.n) == PanicKind::kCloseNil ? "关闭 nil 通道会 panic"
                                                                    : "一个通道只能关闭一次";
      s.en = L(e.g) + " panics: \"" + text + "\" (" + why_en +
             "). Nothing recovers it, so the whole program exits with status 2.";
      s.zh = L(e.g) + " panic：\"" + text + "\"（" + why_zh +
             "）。没有 recover，整个程序以状态 2 退出。";
      break;
    }
    case EventKind::kSelectStart:
      s.func = "selectgo";
      if (e.flag) {
        s.func = "walkSelectCases";
        if (e.n == 0 && !e.n2) {
          s.en = L(e.g) +
                 " runs select {} with no cases: the compiler turns it into block(), "
                 "which parks forever (\"select (no cases)\").";
          s.zh = L(e.g) +
                 " 执行没有 case 的 select {}：编译器把它变成 block()，永久挂起"
                 "（\"select (no cases)\"）。";
        } else if (e.n == 0) {
          s.en =
              L(e.g) + " runs a select with only a default: the compiler keeps just the default.";
          s.zh = L(e.g) + " 执行只有 default 的 select：编译器只保留 default。";
        } else if (!e.n2) {
          s.en = L(e.g) +
                 " runs a select with one case: the compiler rewrites it into a plain "
                 "send or receive, so no selectgo, no shuffle and no select sudogs.";
          s.zh = L(e.g) +
                 " 执行只有一个 case 的 select：编译器把它改写成普通的发送或接收，"
                 "不调用 selectgo，没有打乱，也没有 select 的 sudog。";
        } else {
          s.en = L(e.g) +
                 " runs a select with one case and a default: the compiler rewrites it "
                 "into a non-blocking selectnbsend / selectnbrecv (chansend / chanrecv with "
                 "block = false).";
          s.zh = L(e.g) +
                 " 执行一个 case 加 default 的 select：编译器把它改写成非阻塞的 "
                 "selectnbsend / selectnbrecv（block = false 的 chansend / chanrecv）。";
        }
      } else {
        s.en = L(e.g) + " runs a select of " + Num(e.n) +
               " cases. selectgo shuffles the poll "
               "order with fastrandn (pollorder " +
               Order(e, false) + ", seed " + Num(std::int64_t(pr.config.seed)) +
               ") so no case is favoured, sorts the lock order by channel address (lockorder " +
               Order(e, true) +
               ") so two selects never deadlock on the locks, locks every channel, and pass 1 "
               "takes the first ready case in poll order.";
        s.zh =
            L(e.g) + " 执行有 " + Num(e.n) +
            " 个 case 的 select。selectgo 用 fastrandn 打乱轮询顺序"
            "（pollorder " +
            Order(e, false) + "，种子 " + Num(std::int64_t(pr.config.seed)) +
            "），使每个 case 机会均等；按通道地址排序加锁顺序"
            "（lockorder " +
            Order(e, true) +
            "），避免两个 select 互相死锁；锁住所有通道后，第一轮按轮询顺序取第一个就绪的 case。";
      }
      break;
    case EventKind::kSelectDefault:
      s.func = "selectgo";
      s.en = "No case is ready, so the select takes its default and " + L(e.g) + " does not block.";
      s.zh = "没有就绪的 case，select 走 default，" + L(e.g) + " 不会阻塞。";
      break;
    case EventKind::kSelectPark:
      s.func = "selectgo";
      s.en = "No case is ready and there is no default: pass 2 puts a sudog for " + L(e.g) +
             " (isSelect) on every one of the " + Num(e.n) +
             " channels' queues, in lock order, and gopark parks it (\"select\"). Whichever "
             "channel is ready first wakes it.";
      s.zh = "没有就绪的 case，也没有 default：第二轮按加锁顺序在 " + Num(e.n) +
             " 个通道的队列上都挂上 " + L(e.g) +
             " 的 sudog（isSelect），gopark 让它挂起（\"select\"）。哪个通道先就绪，就由它唤醒。";
      break;
    case EventKind::kSelectWake:
      s.func = "selectgo";
      s.en = L(e.g) + " resumes in selectgo: case " + Num(e.cas) + " won" +
             (e.n2 ? "" : " (its channel was closed)") +
             ". Pass 3 locks the channels again and "
             "removes its " +
             Num(e.n) + (e.n == 1 ? " other sudog" : " other sudogs") +
             " (dequeueSudoG), so no other channel can wake it.";
      s.zh = L(e.g) + " 在 selectgo 中恢复：case " + Num(e.cas) + " 胜出" +
             (e.n2 ? "" : "（它的通道被关闭）") + "。第三轮重新加锁，移除其余 " + Num(e.n) +
             " 个 sudog（dequeueSudoG），别的通道再也不会唤醒它。";
      break;
    case EventKind::kStaleSudog:
      s.func = "dequeue";
      s.en = ch + "'s wait queue still holds a sudog of " + L(e.g) +
             "'s select, but another case already won (selectDone = 1): dequeue drops it and "
             "looks at the next waiter.";
      s.zh = ch + " 的等待队列里还留着 " + L(e.g) +
             " 的 select 的 sudog，但另一个 case 已经胜出"
             "（selectDone = 1）：dequeue 丢弃它，看下一个等待者。";
      break;
    case EventKind::kScriptChan:
      s.func = "newproc";
      s.en = "Sandbox: a new goroutine, " + L(e.g) + ", is started to run `" + SandboxStmt(pr, e) +
             "`. newproc puts it in runnext; it does the operation when it runs, on the same "
             "paths as any goroutine.";
      s.zh =
          "沙盒：启动一个新的 goroutine " + L(e.g) + " 来执行 `" + SandboxStmt(pr, e) +
          "`。newproc 把它放进 runnext；它运行时执行这个操作，走的是和其他 goroutine 相同的路径。";
      break;
    case EventKind::kPrint:
      s.func = "println";
      s.en = L(e.g) + " prints " + FormatValue(pr, VType(e.n), e.n2) + ".";
      s.zh = L(e.g) + " 打印 " + FormatValue(pr, VType(e.n), e.n2) + "。";
      break;
    default:
      break;
  }
  return s;
}

std::vector<std::string> CrashReport(const SchedRun& r, const State& s, bool deadlock) {
  std::vector<std::string> out;
  const Program& pr = r.Prog();
  // "goroutine 1 [chan receive]:" then the function, as the traceback starts (the source
  // lines and addresses of a real traceback are left out).
  auto header = [&](const G& g, std::string_view state) {
    std::string line = "goroutine ";
    line += std::to_string(g.goid);
    line += " [";
    line += state;
    line += "]:";
    out.push_back(line);
    std::string fn = "main.";
    fn += pr.funcs[std::size_t(g.func)].name;
    fn += "()";
    out.push_back(fn);
  };
  if (s.panic != PanicKind::kNoPanic) {
    // panic(string) prints the string as it is (printpanicval).
    out.push_back(std::string("panic: ") + (s.panic == PanicKind::kUser
                                                ? pr.strings[std::size_t(s.panic_value)]
                                                : std::string(PanicText(s.panic))));
    header(s.Gor(s.panic_g), "running");
    out.push_back("exit status 2");
    return out;
  }
  if (!deadlock) return out;
  out.push_back("fatal error: all goroutines are asleep - deadlock!");
  for (std::size_t i = 0; i < s.gs.size(); ++i) {
    const G& g = s.gs[i];
    if (g.system || g.status == GStatus::kDead) continue;
    header(g, WaitReasonName(g.wait));
  }
  out.push_back("exit status 2");
  return out;
}

Said ServedOrderNote(const SchedRun& r, const State& before, std::int32_t g) {
  Said s;
  const G& me = before.Gor(g);
  if (me.served == 0) return s;
  std::int32_t earlier = kNone;
  std::int64_t best = me.served;
  for (std::size_t i = 0; i < before.gs.size(); ++i) {
    const G& o = before.gs[i];
    if (o.goid == g || o.status != GStatus::kRunnable || o.served == 0) continue;
    if (o.served < best) {
      best = o.served;
      earlier = o.goid;
    }
  }
  if (earlier == kNone) return s;
  s.func = "runqput";
  s.en = "Note the order: " + r.Label(earlier) + " was served before " + r.Label(g) + ", yet " +
         r.Label(g) +
         " runs first. Each goready puts the woken G in runnext and kicks the previous one to "
         "the tail of the run queue, so the last G woken runs first.";
  s.zh = "注意顺序：" + r.Label(earlier) + " 比 " + r.Label(g) + " 先被服务，却是 " + r.Label(g) +
         " 先运行。每次 goready 都把被唤醒的 G 放进 runnext，并把原来的 runnext 挤到运行队列队尾，"
         "所以最后被唤醒的 G 最先运行。";
  return s;
}

}  // namespace gs::sched
