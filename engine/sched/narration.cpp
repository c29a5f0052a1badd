// Bilingual narration of scheduler steps: what happened, why, and which runtime function
// (proc.go, chan.go, netpoll.go, time.go) did it.
#include <string>

#include "engine/sched/actor_narration.h"
#include "engine/sched/chan_narration.h"
#include "engine/sched/sched_run.h"

namespace gs::sched {
namespace {

// Built with += (GCC 12 gives a false -Wrestrict on "P" + std::to_string(...)).
std::string Ps(std::int32_t p) {
  std::string s = "P";
  s += std::to_string(p);
  return s;
}
std::string Ms(std::int32_t m) {
  std::string s = "M";
  s += std::to_string(m);
  return s;
}
std::string N(std::int64_t n) {
  return std::to_string(n);
}

const char* SourceEn(FindSource s) {
  switch (s) {
    case FindSource::kRunnext:
      return "runnext";
    case FindSource::kRunq:
      return "local runq";
    case FindSource::kGlobal61:
      return "global runq, schedtick%61";
    case FindSource::kGlobal:
      return "global runq";
    case FindSource::kNetpoll:
      return "netpoll";
    case FindSource::kSteal:
      return "stolen";
    case FindSource::kSyscallExit:
      return "syscall exit";
    case FindSource::kDirect:
      return "direct";
  }
  return "?";
}

struct Builder {
  std::string en, zh, func;
  void Say(const std::string& e, const std::string& z) {
    if (!en.empty()) en += " ";
    en += e;
    zh += z;
  }
  void Func(const char* f) {
    if (func.empty()) func = f;
  }
};

const char* SourceZh(FindSource s) {
  switch (s) {
    case FindSource::kRunnext:
      return "来自 runnext";
    case FindSource::kRunq:
      return "来自本地 runq";
    case FindSource::kGlobal61:
      return "来自全局 runq，schedtick%61";
    case FindSource::kGlobal:
      return "来自全局 runq";
    case FindSource::kNetpoll:
      return "来自 netpoll";
    case FindSource::kSteal:
      return "偷来的";
    case FindSource::kSyscallExit:
      return "系统调用返回";
    case FindSource::kDirect:
      return "直接交接";
  }
  return "?";
}

std::string EventLineZh(const SchedRun& r, const Event& e) {
  auto L = [&r](std::int32_t g) { return r.Label(g); };
  const Program& pr = r.Prog();
  switch (e.kind) {
    case EventKind::kNewproc:
      return "newproc " + L(e.g) + "（由 " + (e.g2 == kNone ? "-" : L(e.g2)) + " 创建）→ " +
             Ps(e.p) + ".runnext";
    case EventKind::kRunnextKick:
      return "挤出 " + L(e.g) + " → " + Ps(e.p) + ".runq 队尾";
    case EventKind::kRunqputSlow:
      return "runqputslow " + Ps(e.p) + "：" + N(e.n) + " 个 G → 全局队列";
    case EventKind::kRunqPut:
      return L(e.g) + " → " + Ps(e.p) + ".runq 队尾";
    case EventKind::kGlobalPut:
      return L(e.g) + " → 全局队列";
    case EventKind::kExecute:
      return Ps(e.p) + "/" + Ms(e.m) + " 运行 " + L(e.g) + "（" + SourceZh(FindSource(e.n)) +
             (e.flag ? "，继承时间片" : "") + "，schedtick " + N(e.n2) + "）";
    case EventKind::kGlobrunqget:
      return "globrunqget " + Ps(e.p) + "：" + N(e.n) + " 个 G" +
             (e.n2 > 0 ? "（最多 " + N(e.n2) + " 个）" : "");
    case EventKind::kSteal:
      return Ps(e.p) + " 从 " + Ps(e.p2) + " 偷取 " + N(e.n) + " 个" +
             (e.flag ? "（runnext）" : "") + "，第 " + N(e.n2 + 1) + " 轮，运行 " + L(e.g);
    case EventKind::kStealFail:
      return Ps(e.p) + " 没偷到（" + N(e.n) + " 轮）";
    case EventKind::kNetpollFound:
      return "netpoll：" + N(e.n) + " 个就绪";
    case EventKind::kInject:
      return "injectglist：" + N(e.n) + " 个 → 全局队列，" + N(e.n2) + " 个 → " +
             (e.p == kNone ? std::string("-") : Ps(e.p));
    case EventKind::kSpinStart:
      return Ms(e.m) + " 带着 " + Ps(e.p) + " 自旋";
    case EventKind::kSpinStop:
      return Ms(e.m) + " 停止自旋";
    case EventKind::kStartM:
      return "startm " + Ms(e.m) + "，带上 " + Ps(e.p);
    case EventKind::kNewM:
      return "newm " + Ms(e.m) + "（新线程）";
    case EventKind::kReleaseP:
      return Ms(e.m) + " 交出 " + Ps(e.p) + " → " + (e.flag ? "netpoll" : "stopm");
    case EventKind::kPark:
      return "gopark " + L(e.g) + "（等待原因 \"" + std::string(WaitReasonName(e.wait)) + "\"）";
    case EventKind::kReady:
      return "goready " + L(e.g) + "（由 " + (e.g2 == kNone ? "-" : L(e.g2)) + " 唤醒）→ " +
             Ps(e.p) + ".runnext";
    case EventKind::kGosched:
      return "Gosched " + L(e.g) + " → 全局队列";
    case EventKind::kPreempt:
      return "抢占 " + Ps(e.p) + " 上的 " + L(e.g) + "（已运行 " + N(e.n) + "us）";
    case EventKind::kEnterSyscall:
      return "entersyscall " + L(e.g) + " " + N(e.n) + "us（" + Ps(e.p) + " _Psyscall）";
    case EventKind::kRetake:
      return "retake " + Ps(e.p) + "（syscalltick 未变）";
    case EventKind::kHandoff:
      return "handoffp " + Ps(e.p) + (e.flag ? " → 启动 M" : " → 空闲");
    case EventKind::kExitSyscall: {
      const char* how[] = {"拿回原来的 P", "拿到空闲 P", "没有 P：进全局队列，M 休眠"};
      return "exitsyscall " + L(e.g) + "：" + how[e.n] + (e.n < 2 ? " " + Ps(e.p) : "");
    }
    case EventKind::kTimerSet:
      return "睡眠 " + L(e.g) + " " + N(e.n) + "us（定时器在 " + Ps(e.p) + " 上）";
    case EventKind::kTimerFire:
      return "定时器到期：" + L(e.g) + " → " + Ps(e.p);
    case EventKind::kNetBlock:
      return "netpollblock " + L(e.g) + "（" + N(e.n) + "us）";
    case EventKind::kFdReady:
      return "fd 就绪：" + L(e.g) +
             (e.flag ? "（唤醒在 netpoll 中的 " + Ms(e.m) + "）" : "（pdReady）");
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
      return ChanEventLine(r, e, Lang::kZh);
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
      return ActorEventLine(r, e, Lang::kZh);
    case EventKind::kWaitDone:
      return L(e.g) + " 等待 " + pr.groups[std::size_t(e.ch)] + "：完成";
    case EventKind::kExit:
      return "goexit " + L(e.g);
    case EventKind::kMainExit:
      return "main 返回：exit(0)";
    case EventKind::kDeadlock:
      return "checkdead：死锁";
    case EventKind::kStopTheWorld:
      return "停止世界（抢占了 " + N(e.n) + " 个）";
    case EventKind::kProcresize:
      return "procresize " + N(e.n2) + " → " + N(e.n) + "（" + N(e.g) + " 个 G 移到全局队列）";
    case EventKind::kStartTheWorld:
      return "恢复世界";
    case EventKind::kSysmonRound:
      return "sysmon 醒来（睡了 " + N(e.n) + "us）";
    case EventKind::kScriptGo:
      return "脚本：" + Ps(e.p) + " 上的 " + L(e.g) + " 执行 go " +
             pr.funcs[std::size_t(e.n)].name + "()";
    case EventKind::kScriptSyscall:
      return "脚本：" + Ps(e.p) + " 上的 " + L(e.g) + " 进入 " + N(e.n) + "us 的系统调用" +
             (e.n2 >= 0 ? "（还剩 " + N(e.n2) + "us 的 CPU 工作）" : "");
    case EventKind::kWake: {
      const char* how[] = {"定时器立即到期", "系统调用立即返回", "fd 立即就绪"};
      return "脚本：唤醒 " + L(e.g) + "（" + how[e.n < 3 ? e.n : 0] + "，提前 " + N(e.n2) + "us）";
    }
  }
  return "?";
}

}  // namespace

std::string EventLine(const SchedRun& r, const Event& e, Lang lang) {
  if (lang == Lang::kZh) return EventLineZh(r, e);
  auto L = [&r](std::int32_t g) { return r.Label(g); };
  const Program& pr = r.Prog();
  switch (e.kind) {
    case EventKind::kNewproc:
      return "newproc " + L(e.g) + " (by " + (e.g2 == kNone ? "-" : L(e.g2)) + ") -> " + Ps(e.p) +
             ".runnext";
    case EventKind::kRunnextKick:
      return "kick " + L(e.g) + " -> " + Ps(e.p) + ".runq tail";
    case EventKind::kRunqputSlow:
      return "runqputslow " + Ps(e.p) + ": " + N(e.n) + " Gs -> global";
    case EventKind::kRunqPut:
      return L(e.g) + " -> " + Ps(e.p) + ".runq tail";
    case EventKind::kGlobalPut:
      return L(e.g) + " -> global";
    case EventKind::kExecute:
      return Ps(e.p) + "/" + Ms(e.m) + " runs " + L(e.g) + " (" + SourceEn(FindSource(e.n)) +
             (e.flag ? ", inherits slice" : "") + ", schedtick " + N(e.n2) + ")";
    case EventKind::kGlobrunqget:
      return "globrunqget " + Ps(e.p) + ": " + N(e.n) + " G" +
             (e.n2 > 0 ? " (max " + N(e.n2) + ")" : "");
    case EventKind::kSteal:
      return Ps(e.p) + " steals " + N(e.n) + " from " + Ps(e.p2) + (e.flag ? " (runnext)" : "") +
             " round " + N(e.n2 + 1) + ", runs " + L(e.g);
    case EventKind::kStealFail:
      return Ps(e.p) + " steals nothing (" + N(e.n) + " rounds)";
    case EventKind::kNetpollFound:
      return "netpoll: " + N(e.n) + " ready";
    case EventKind::kInject:
      return "injectglist: " + N(e.n) + " -> global, " + N(e.n2) + " -> " +
             (e.p == kNone ? std::string("-") : Ps(e.p));
    case EventKind::kSpinStart:
      return Ms(e.m) + " spinning with " + Ps(e.p);
    case EventKind::kSpinStop:
      return Ms(e.m) + " stops spinning";
    case EventKind::kStartM:
      return "startm " + Ms(e.m) + " with " + Ps(e.p);
    case EventKind::kNewM:
      return "newm " + Ms(e.m);
    case EventKind::kReleaseP:
      return Ms(e.m) + " drops " + Ps(e.p) + " -> " + (e.flag ? "netpoll" : "stopm");
    case EventKind::kPark:
      return "gopark " + L(e.g) + " (" + std::string(WaitReasonName(e.wait)) + ")";
    case EventKind::kReady:
      return "goready " + L(e.g) + " by " + (e.g2 == kNone ? "-" : L(e.g2)) + " -> " + Ps(e.p) +
             ".runnext";
    case EventKind::kGosched:
      return "Gosched " + L(e.g) + " -> global";
    case EventKind::kPreempt:
      return "preempt " + L(e.g) + " on " + Ps(e.p) + " after " + N(e.n) + "us";
    case EventKind::kEnterSyscall:
      return "entersyscall " + L(e.g) + " " + N(e.n) + "us (" + Ps(e.p) + " _Psyscall)";
    case EventKind::kRetake:
      return "retake " + Ps(e.p) + " (syscalltick unchanged)";
    case EventKind::kHandoff:
      return "handoffp " + Ps(e.p) + (e.flag ? " -> start M" : " -> idle");
    case EventKind::kExitSyscall: {
      const char* how[] = {"old P", "idle P", "no P: global, M stops"};
      return "exitsyscall " + L(e.g) + ": " + how[e.n] + (e.n < 2 ? " " + Ps(e.p) : "");
    }
    case EventKind::kTimerSet:
      return "sleep " + L(e.g) + " " + N(e.n) + "us (timer on " + Ps(e.p) + ")";
    case EventKind::kTimerFire:
      return "timer fires: " + L(e.g) + " -> " + Ps(e.p);
    case EventKind::kNetBlock:
      return "netpollblock " + L(e.g) + " (" + N(e.n) + "us)";
    case EventKind::kFdReady:
      return "fd ready: " + L(e.g) +
             (e.flag ? " (wakes " + Ms(e.m) + " in netpoll)" : " (pdReady)");
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
      return ChanEventLine(r, e, Lang::kEn);
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
      return ActorEventLine(r, e, Lang::kEn);
    case EventKind::kWaitDone:
      return L(e.g) + " wait " + pr.groups[std::size_t(e.ch)] + ": done";
    case EventKind::kExit:
      return "goexit " + L(e.g);
    case EventKind::kMainExit:
      return "main returns: exit(0)";
    case EventKind::kDeadlock:
      return "checkdead: deadlock";
    case EventKind::kStopTheWorld:
      return "stop the world (" + N(e.n) + " preempted)";
    case EventKind::kProcresize:
      return "procresize " + N(e.n2) + " -> " + N(e.n) + " (" + N(e.g) + " Gs moved to global)";
    case EventKind::kStartTheWorld:
      return "start the world";
    case EventKind::kSysmonRound:
      return "sysmon wakes (slept " + N(e.n) + "us)";
    case EventKind::kScriptGo:
      return "script: " + L(e.g) + " on " + Ps(e.p) + " runs go " +
             pr.funcs[std::size_t(e.n)].name + "()";
    case EventKind::kScriptSyscall:
      return "script: " + L(e.g) + " on " + Ps(e.p) + " enters a " + N(e.n) + "us syscall" +
             (e.n2 >= 0 ? " (" + N(e.n2) + "us of CPU work left)" : "");
    case EventKind::kWake: {
      const char* how[] = {"timer fires now", "syscall returns now", "fd ready now"};
      return "script: wake " + L(e.g) + " (" + how[e.n < 3 ? e.n : 0] + ", " + N(e.n2) +
             "us early)";
    }
  }
  return "?";
}

Narration NarrateEvents(const SchedRun& r, std::span<const Event> events, const State* before,
                        const State* after) {
  auto L = [&r](std::int32_t g) { return r.Label(g); };
  const Program& pr = r.Prog();
  Builder b;
  bool main_exit = false;
  bool actor_died = false;  // a crash or recover says why the goroutine ends
  for (const Event& e : events) {
    main_exit = main_exit || e.kind == EventKind::kMainExit;
    actor_died = actor_died || e.kind == EventKind::kCrash || e.kind == EventKind::kRecover;
  }
  for (const Event& e : events) {
    switch (e.kind) {
      case EventKind::kNewproc:
        if (actor_died) break;  // a supervisor's restart: its own sentence says it
        b.Func("newproc");
        b.Say(L(e.g2) + " runs a go statement: newproc creates " + L(e.g) + " and puts it in " +
                  Ps(e.p) + "'s runnext, so the newest goroutine is the next to run on this P.",
              L(e.g2) + " 执行 go 语句：newproc 创建 " + L(e.g) + " 并放进 " + Ps(e.p) +
                  " 的 runnext，所以最新创建的 goroutine 会是这个 P 上下一个运行的。");
        break;
      case EventKind::kRunnextKick:
        b.Func("runqput");
        b.Say("The previous runnext, " + L(e.g) + ", is kicked to the tail of " + Ps(e.p) +
                  "'s local queue.",
              "原来的 runnext " + L(e.g) + " 被挤到 " + Ps(e.p) + " 本地队列的队尾。");
        break;
      case EventKind::kRunqputSlow:
        b.Func("runqputslow");
        b.Say(Ps(e.p) + "'s local ring is full, so runqputslow moves the older half of it plus " +
                  L(e.g) + " (" + N(e.n) +
                  " goroutines) to the global queue in one batch, "
                  "under one lock.",
              Ps(e.p) + " 的本地环形队列已满，runqputslow 把前一半连同 " + L(e.g) + "（共 " +
                  N(e.n) + " 个 goroutine）一次性移到全局队列，只加一次锁。");
        break;
      case EventKind::kRunqPut:
        b.Func("runqput");
        b.Say(L(e.g) + " goes to the tail of " + Ps(e.p) + "'s local queue.",
              L(e.g) + " 放到 " + Ps(e.p) + " 本地队列的队尾。");
        break;
      case EventKind::kGlobalPut:
        b.Func("globrunqput");
        b.Say(L(e.g) + " goes to the global queue.", L(e.g) + " 进入全局队列。");
        break;
      case EventKind::kGlobrunqget:
        b.Func("globrunqget");
        if (e.n2 == 1) {
          b.Say("findRunnable checks the global queue first because schedtick is a multiple of " +
                    N(pr.config.global_check) +
                    " (0 counts too, so a fresh P looks there first; the check keeps the global "
                    "queue "
                    "from starving behind busy local queues); globrunqget(pp, 1) "
                    "takes exactly one goroutine.",
                "由于 schedtick 是 " + N(pr.config.global_check) +
                    " 的倍数（0 也算，所以新的 P 会先看全局队列），findRunnable "
                    "先看全局队列（防止繁忙的本地队列让全局队列饿死）；"
                    "globrunqget(pp, 1) 只取一个 goroutine。");
        } else {
          b.Say(
              "The local queue is empty, so findRunnable turns to the global queue: globrunqget "
              "takes " +
                  N(e.n) +
                  " goroutine(s) (queue length / GOMAXPROCS + 1, at most half a "
                  "ring): one runs, the rest go to " +
                  Ps(e.p) + "'s local queue.",
              "本地队列为空，findRunnable 转向全局队列：globrunqget 取 " + N(e.n) +
                  " 个（全局队列长度 / GOMAXPROCS + 1，最多半个环）：一个立即运行，其余放进 " +
                  Ps(e.p) + " 的本地队列。");
        }
        break;
      case EventKind::kExecute: {
        FindSource src = FindSource(e.n);
        if (src == FindSource::kRunnext) {
          b.Func("runqget");
          b.Say(
              Ps(e.p) + " (" + Ms(e.m) + ") runs " + L(e.g) +
                  " from runnext. A runnext G "
                  "inherits the current time slice: execute does not bump schedtick (still " +
                  N(e.n2) +
                  "). Why runnext first: the G the running one just made runnable "
                  "is likely to talk to it next, so goroutines that hand work back and forth "
                  "run as a unit on one P instead of waiting behind the whole queue; sharing "
                  "one slice keeps such a pair from starving the others (runqget, proc.go).",
              Ps(e.p) + "（" + Ms(e.m) + "）运行 runnext 中的 " + L(e.g) +
                  "。runnext 里的 G 继承当前时间片：execute 不增加 schedtick（仍是 " + N(e.n2) +
                  "）。为什么先看 runnext：刚被当前 G 变为可运行的 G 很可能马上要和它通信，"
                  "这样来回交接工作的几个 goroutine 就作为一个整体在同一个 P 上运行，不必排在整个"
                  "队列后面；共用一个时间片，又使这样的一对不会饿死其他 G（proc.go 的 runqget）。");
        } else if (src == FindSource::kRunq) {
          b.Func("runqget");
          b.Say(Ps(e.p) + " (" + Ms(e.m) + ") has no runnext, so it pops " + L(e.g) +
                    " from the head of its local queue; execute starts a new time slice: "
                    "schedtick becomes " +
                    N(e.n2) + ".",
                Ps(e.p) + "（" + Ms(e.m) + "）的 runnext 为空，于是从本地队列队头取出 " + L(e.g) +
                    "；execute 开启新的时间片：schedtick 变为 " + N(e.n2) + "。");
        } else {
          b.Func(src == FindSource::kSteal     ? "stealWork"
                 : src == FindSource::kNetpoll ? "netpoll"
                                               : "findRunnable");
          b.Say(L(e.g) + " now runs on " + Ps(e.p) + " (" + Ms(e.m) + "); schedtick becomes " +
                    N(e.n2) + ".",
                L(e.g) + " 现在在 " + Ps(e.p) + "（" + Ms(e.m) + "）上运行；schedtick 变为 " +
                    N(e.n2) + "。");
        }
        if (before) {
          Said note = ServedOrderNote(r, *before, e.g);
          if (!note.en.empty()) b.Say(note.en, note.zh);
        }
        break;
      }
      case EventKind::kSteal:
        b.Func("stealWork");
        if (e.flag) {
          b.Say(Ps(e.p) + " found every run queue empty, and in the last of " +
                    N(pr.config.steal_tries) + " rounds it may take a victim's runnext: it takes " +
                    L(e.g) + " from " + Ps(e.p2) +
                    " (the runtime first sleeps about 3 µs so the victim can run it itself; "
                    "simplified here).",
                Ps(e.p) + " 发现各个本地队列都为空；在 " + N(pr.config.steal_tries) +
                    " 轮中的最后一轮可以偷别人的 runnext：它从 " + Ps(e.p2) + " 拿走 " + L(e.g) +
                    "（运行时会先睡约 3 微秒，让对方自己运行它；这里做了简化）。");
        } else {
          b.Say(Ps(e.p) + " has nothing of its own, so it steals from " + Ps(e.p2) +
                    " (victims are visited in a random order, round " + N(e.n2 + 1) +
                    "): runqgrab takes half of the victim's queue, rounded up (" + N(e.n) +
                    "), runqsteal runs the last one taken, " + L(e.g) +
                    ", and keeps the rest in its own queue.",
                Ps(e.p) + " 自己没有工作，于是从 " + Ps(e.p2) + " 偷取（按随机顺序访问受害者，第 " +
                    N(e.n2 + 1) + " 轮）：runqgrab 拿走对方队列的一半（向上取整，" + N(e.n) +
                    " 个），runqsteal 运行最后拿到的 " + L(e.g) + "，其余留在自己的队列里。");
        }
        break;
      case EventKind::kStealFail:
        b.Func("stealWork");
        b.Say(Ps(e.p) + " tried " + N(e.n) + " rounds over all Ps and found nothing to steal.",
              Ps(e.p) + " 在所有 P 上尝试了 " + N(e.n) + " 轮，没有偷到任何东西。");
        break;
      case EventKind::kNetpollFound:
        b.Func("netpoll");
        if (e.p != kNone) {
          b.Say(
              "Local and global queues are empty, so findRunnable calls netpoll(0) "
              "(non-blocking) before stealing: " +
                  N(e.n) + " goroutine(s) have readable fds.",
              "本地和全局队列都为空，findRunnable 在偷取之前调用 netpoll(0)（非阻塞）：有 " +
                  N(e.n) + " 个 goroutine 的 fd 已就绪。");
        } else if (e.m != kNone) {
          b.Say("netpoll returns " + N(e.n) + " ready goroutine(s) to " + Ms(e.m) + ".",
                "netpoll 向 " + Ms(e.m) + " 返回 " + N(e.n) + " 个就绪的 goroutine。");
        } else {
          b.Say("Nobody has polled the network for 10 ms, so sysmon calls netpoll(0): " + N(e.n) +
                    " goroutine(s) are ready.",
                "已经 10 毫秒没有人轮询网络，sysmon 调用 netpoll(0)：有 " + N(e.n) +
                    " 个 goroutine 就绪。");
        }
        break;
      case EventKind::kInject:
        b.Func("injectglist");
        b.Say("injectglist puts " + N(e.n) +
                  " on the global queue (one per idle P, and starts an M "
                  "for each) and " +
                  N(e.n2) + " on the local queue.",
              "injectglist 把 " + N(e.n) +
                  " 个放进全局队列（每个空闲 P 一个，并为每个启动一个 M），" + N(e.n2) +
                  " 个放进本地队列。");
        break;
      case EventKind::kSpinStart:
        b.Func("wakep");
        b.Say("There is an idle P and no spinning M, so " + Ms(e.m) + " is woken with " + Ps(e.p) +
                  " and spins looking for work (wakep → startm; at most one M is woken this way "
                  "at a time).",
              "有空闲的 P 且没有自旋的 M，于是唤醒 " + Ms(e.m) + " 带着 " + Ps(e.p) +
                  " 自旋寻找工作（wakep → startm；这样一次最多唤醒一个 M）。");
        break;
      case EventKind::kSpinStop:
        b.Func("resetspinning");
        b.Say(Ms(e.m) +
                  " found work and stops spinning; as the last spinning M it calls wakep so "
                  "another M looks for the remaining work.",
              Ms(e.m) +
                  " 找到了工作，停止自旋；它是最后一个自旋的 M，所以调用 wakep，让另一个 M "
                  "去找剩下的工作。");
        break;
      case EventKind::kStartM:
        b.Func("startm");
        b.Say("startm gives " + Ps(e.p) + " to " + Ms(e.m) + " to run the work waiting there.",
              "startm 把 " + Ps(e.p) + " 交给 " + Ms(e.m) + "，去运行那里等待的工作。");
        break;
      case EventKind::kNewM:
        b.Func("newm");
        b.Say("No idle M is parked, so newm creates " + Ms(e.m) + " (a new OS thread).",
              "没有空闲的 M，newm 创建 " + Ms(e.m) + "（一个新的操作系统线程）。");
        break;
      case EventKind::kReleaseP:
        b.Func("findRunnable");
        if (e.flag) {
          b.Say(
              "Nothing to run anywhere: " + Ms(e.m) + (e.n ? " stops spinning," : "") + " puts " +
                  Ps(e.p) +
                  " on the idle list and, since goroutines wait on the "
                  "poller or on timers and no other M polls, blocks in netpoll until one is ready.",
              "到处都没有可运行的：" + Ms(e.m) + (e.n ? " 停止自旋，" : "") + "把 " + Ps(e.p) +
                  " 放回空闲列表；由于有 goroutine 在等待网络或定时器且没有别的 M 在轮询，它阻塞在 "
                  "netpoll 中直到有就绪事件。");
        } else {
          b.Say("Nothing to run anywhere: " + Ms(e.m) + (e.n ? " stops spinning," : "") + " puts " +
                    Ps(e.p) + " on the idle list and sleeps (stopm).",
                "到处都没有可运行的：" + Ms(e.m) + (e.n ? " 停止自旋，" : "") + "把 " + Ps(e.p) +
                    " 放回空闲列表并休眠（stopm）。");
        }
        break;
      case EventKind::kPark:
        b.Func("gopark");
        b.Say(L(e.g) + " parks (gopark): _Gwaiting, wait reason \"" +
                  std::string(WaitReasonName(e.wait)) +
                  "\"; its M calls schedule. It cannot go on until someone readies it, so "
                  "rather than hold the thread it leaves every run queue and frees its M and P "
                  "for other goroutines.",
              L(e.g) + " 挂起（gopark）：状态 _Gwaiting，等待原因 \"" +
                  std::string(WaitReasonName(e.wait)) +
                  "\"；它的 M 调用 schedule。在被别人唤醒之前它无法继续，所以它不占着线程，"
                  "而是离开所有运行队列，把 M 和 P 让给其他 goroutine。");
        break;
      case EventKind::kReady:
        b.Func("goready");
        b.Say((e.g2 == kNone ? std::string("The runtime") : L(e.g2)) + " readies " + L(e.g) +
                  " (goready): it goes into " + Ps(e.p) +
                  "'s runnext, so it runs next here and shares the current time slice.",
              (e.g2 == kNone ? std::string("运行时") : L(e.g2)) + " 唤醒 " + L(e.g) +
                  "（goready）：它进入 " + Ps(e.p) +
                  " 的 runnext，因此接下来就在这里运行，并共享当前时间片。");
        break;
      case EventKind::kGosched:
        b.Func("goschedImpl");
        b.Say(L(e.g) +
                  " calls runtime.Gosched: goschedImpl makes it _Grunnable and puts it on the "
                  "global queue (not the local one), then calls schedule.",
              L(e.g) +
                  " 调用 runtime.Gosched：goschedImpl 把它设为 _Grunnable 并放进全局队列"
                  "（而不是本地队列），然后调用 schedule。");
        break;
      case EventKind::kPreempt:
        b.Func("preemptone");
        b.Say("sysmon sees " + Ps(e.p) + "'s schedtick unchanged for " + N(e.n) +
                  " µs (≥ forcePreemptNS = 10 ms): preemptone sets gp.preempt and sends SIGURG; " +
                  L(e.g) +
                  " stops at once (async preemption) and gopreempt_m puts it on the "
                  "global queue.",
              "sysmon 发现 " + Ps(e.p) + " 的 schedtick 已有 " + N(e.n) +
                  " 微秒没有变化（≥ forcePreemptNS = 10 毫秒）：preemptone 设置 gp.preempt 并发送 "
                  "SIGURG；" +
                  L(e.g) + " 立即停下（异步抢占），gopreempt_m 把它放进全局队列。");
        break;
      case EventKind::kEnterSyscall:
        b.Func("entersyscall");
        b.Say(L(e.g) + " makes a blocking system call (" + N(e.n) +
                  " µs): entersyscall sets it _Gsyscall and " + Ps(e.p) + " _Psyscall; " + Ms(e.m) +
                  " remembers " + Ps(e.p) + " as oldp. No handoff yet: most syscalls are short.",
              L(e.g) + " 发起阻塞的系统调用（" + N(e.n) +
                  " 微秒）：entersyscall 把它设为 _Gsyscall，" + Ps(e.p) + " 设为 _Psyscall；" +
                  Ms(e.m) + " 把 " + Ps(e.p) + " 记为 oldp。此时还不移交：大多数系统调用都很短。");
        break;
      case EventKind::kRetake:
        b.Func("retake");
        b.Say("sysmon: " + Ps(e.p) +
                  " is in a syscall and its syscalltick equals the one sysmon "
                  "recorded earlier (recorded " +
                  N(e.n) +
                  " µs ago), so the call has lasted at least a "
                  "sysmon tick; the P has work waiting, or no other M spins and no P is idle, or "
                  "10 ms "
                  "have passed: retake CASes it to _Pidle and hands it off.",
              "sysmon：" + Ps(e.p) +
                  " 正在系统调用中，且 syscalltick 与 sysmon 之前记录的相同（记录于 " + N(e.n) +
                  " 微秒前），说明调用至少持续了一个 sysmon 周期；该 P "
                  "有待运行的工作，或没有其他自旋的 M "
                  "且没有空闲的 P，或已超过 10 毫秒：retake 用 CAS 把它改为 _Pidle 并移交出去。");
        break;
      case EventKind::kHandoff:
        b.Func("handoffp");
        if (!e.flag) {
          b.Say("handoffp finds no work for " + Ps(e.p) + ": it goes on the idle list.",
                "handoffp 发现 " + Ps(e.p) + " 没有工作：它进入空闲列表。");
        } else if (e.n == 0) {
          b.Say("handoffp: " + Ps(e.p) +
                    " has runnable goroutines, so it starts an M for it "
                    "right away.",
                "handoffp：" + Ps(e.p) + " 有可运行的 goroutine，所以立即为它启动一个 M。");
        } else if (e.n == 1) {
          b.Say("handoffp: no M is spinning and no P is idle, so it starts a spinning M with " +
                    Ps(e.p) + " to look for work.",
                "handoffp：没有自旋的 M 也没有空闲的 P，于是带着 " + Ps(e.p) +
                    " 启动一个自旋的 M 去找工作。");
        } else {
          b.Say("handoffp: " + Ps(e.p) +
                    " would be the last P in use and no M is blocked in "
                    "netpoll, so an M keeps it (someone must poll the network).",
                "handoffp：" + Ps(e.p) +
                    " 是最后一个在用的 P，且没有 M 阻塞在 netpoll 中，"
                    "所以要有一个 M 接手它（总得有人轮询网络）。");
        }
        break;
      case EventKind::kExitSyscall:
        b.Func("exitsyscall");
        if (e.n == 0) {
          b.Say(L(e.g) + "'s syscall returns; its old " + Ps(e.p) +
                    " is still _Psyscall, so "
                    "exitsyscall takes it back and the goroutine keeps running (no schedule, "
                    "syscalltick++).",
                L(e.g) + " 的系统调用返回；原来的 " + Ps(e.p) +
                    " 仍是 _Psyscall，exitsyscall 直接拿回它，goroutine 继续运行（不经过 schedule，"
                    "syscalltick 加一）。");
        } else if (e.n == 1) {
          b.Say(L(e.g) + "'s syscall returns, but its old P was retaken; exitsyscall grabs idle " +
                    Ps(e.p) + " instead and keeps running.",
                L(e.g) + " 的系统调用返回，但原来的 P 已被夺走；exitsyscall 改为拿到空闲的 " +
                    Ps(e.p) + " 并继续运行。");
        } else {
          b.Say(L(e.g) +
                    "'s syscall returns, but there is no P for it: exitsyscall0 puts it on the "
                    "global queue and " +
                    Ms(e.m) + " stops (stopm).",
                L(e.g) + " 的系统调用返回，但没有可用的 P：exitsyscall0 把它放进全局队列，" +
                    Ms(e.m) + " 休眠（stopm）。");
        }
        break;
      case EventKind::kTimerSet:
        b.Func("timeSleep");
        b.Say(
            L(e.g) + " calls time.Sleep(" + N(e.n) + " µs): a timer is added on " + Ps(e.p) + ".",
            L(e.g) + " 调用 time.Sleep(" + N(e.n) + " 微秒)：在 " + Ps(e.p) + " 上加一个定时器。");
        break;
      case EventKind::kTimerFire:
        b.Func("goready");
        if (e.flag) {
          b.Say(L(e.g) + "'s timer fires: goready puts it in " + Ps(e.p) + "'s runnext.",
                L(e.g) + " 的定时器触发：goready 把它放进 " + Ps(e.p) + " 的 runnext。");
          break;
        }
        b.Say(L(e.g) + "'s timer fires: goready puts it in " + Ps(e.p) +
                  "'s runnext. Simplified: no timer heap checked by checkTimers; the timer fires "
                  "exactly on time.",
              L(e.g) + " 的定时器到期：goready 把它放进 " + Ps(e.p) +
                  " 的 runnext。简化：没有由 checkTimers 检查的定时器堆，定时器准时触发。");
        break;
      case EventKind::kNetBlock:
        b.Func("netpollblock");
        b.Say(
            L(e.g) +
                " reads from a socket with no data yet (EAGAIN): netpollblock parks it on the "
                "fd's pollDesc; the data will arrive in " +
                N(e.n) + " µs.",
            L(e.g) +
                " 读取一个还没有数据的套接字（EAGAIN）：netpollblock 把它挂在该 fd 的 pollDesc 上；"
                "数据将在 " +
                N(e.n) + " 微秒后到达。");
        break;
      case EventKind::kFdReady:
        b.Func("netpoll");
        if (e.flag) {
          b.Say(L(e.g) + "'s data arrives: epoll_wait returns in " + Ms(e.m) +
                    ", which was blocked in netpoll; it takes an idle P and runs the ready G.",
                L(e.g) + " 的数据到达：阻塞在 netpoll 中的 " + Ms(e.m) +
                    " 从 epoll_wait 返回；它拿到一个空闲的 P 并运行就绪的 G。");
        } else {
          b.Say(L(e.g) + "'s data arrives (pdReady), but no M is blocked in netpoll: " + L(e.g) +
                    " stays parked until findRunnable's netpoll(0) or sysmon (every 10 ms) polls.",
                L(e.g) + " 的数据到达（pdReady），但没有 M 阻塞在 netpoll 中：" + L(e.g) +
                    " 继续挂起，直到 findRunnable 的 netpoll(0) 或 sysmon（每 10 毫秒）来轮询。");
        }
        break;
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
      case EventKind::kScriptChan: {
        Said said = NarrateChan(r, e, after);
        if (said.func) b.Func(said.func);
        b.Say(said.en, said.zh);
        break;
      }
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
      case EventKind::kRecover: {
        Said said = NarrateActor(r, e, before, after);
        if (said.func) b.Func(said.func);
        if (!said.en.empty()) b.Say(said.en, said.zh);
        break;
      }
      case EventKind::kWaitDone:
        b.Func("semacquire");
        b.Say(L(e.g) + " waits for \"" + pr.groups[std::size_t(e.ch)] +
                  "\": every one has already exited, so Wait returns at once.",
              L(e.g) + " 等待 \"" + pr.groups[std::size_t(e.ch)] +
                  "\"：它们都已退出，Wait 立即返回。");
        break;
      case EventKind::kExit:
        if (main_exit || actor_died) break;
        b.Func("goexit0");
        b.Say(L(e.g) + " returns: goexit0 marks it _Gdead and " + Ms(e.m) +
                  " calls schedule. The runtime keeps the dead G on the P's free list (gfput, "
                  "with its stack if that is still the starting size) for the next go statement, "
                  "one reason a goroutine is cheap to "
                  "start; the model gives every goroutine a new name instead.",
              L(e.g) + " 返回：goexit0 把它标为 _Gdead，" + Ms(e.m) +
                  " 调用 schedule。运行时把死去的 G 放进 P "
                  "的空闲列表（gfput；栈仍是初始大小时连栈一起保留），"
                  "留给下一个 go 语句复用，这是创建 goroutine 很便宜的原因之一；模型则给每个 "
                  "goroutine 一个新名字。");
        break;
      case EventKind::kMainExit:
        b.Func("main");
        b.Say(
            "main.main returned, so runtime.main calls exit(0): goroutines still alive are not "
            "waited for.",
            "main.main 返回，runtime.main 调用 exit(0)：仍然存活的 goroutine 不会被等待。");
        break;
      case EventKind::kDeadlock:
        b.Func("checkdead");
        b.Say(
            "No goroutine can run and none can become runnable: checkdead reports \"fatal error: "
            "all goroutines are asleep - deadlock!\"",
            "没有 goroutine 能运行，也不会再有 goroutine 变为可运行：checkdead 报告 \"fatal error: "
            "all goroutines are asleep - deadlock!\"");
        break;
      case EventKind::kStopTheWorld:
        b.Func("stopTheWorldGC");
        b.Say("runtime.GOMAXPROCS stops the world: every P stops and " + N(e.n) +
                  " running goroutine(s) are preempted to the global queue. Simplified: the "
                  "calling goroutine is not modelled.",
              "runtime.GOMAXPROCS 停止世界：所有 P 停下，" + N(e.n) +
                  " 个正在运行的 goroutine 被抢占到全局队列。简化：未模拟调用者 goroutine。");
        break;
      case EventKind::kProcresize:
        b.Func("procresize");
        b.Say("procresize changes GOMAXPROCS from " + N(e.n2) + " to " + N(e.n) + "; " + N(e.g) +
                  " goroutine(s) from destroyed Ps move to the head of the global queue.",
              "procresize 把 GOMAXPROCS 从 " + N(e.n2) + " 改为 " + N(e.n) + "；被销毁的 P 上的 " +
                  N(e.g) + " 个 goroutine 移到全局队列的队头。");
        break;
      case EventKind::kStartTheWorld:
        b.Func("startTheWorld");
        b.Say(
            "startTheWorld: Ps with local work get an M, the others go idle, and wakep starts a "
            "spinning M if there is work elsewhere.",
            "startTheWorld：有本地工作的 P 分到 M，其余进入空闲列表；wakep "
            "在有其他工作时启动一个自旋的 M。");
        break;
      case EventKind::kScriptGo:
        b.Func("newproc");
        b.Say("Sandbox: the script makes " + L(e.g) + ", running on " + Ps(e.p) + ", execute go " +
                  pr.funcs[std::size_t(e.n)].name +
                  "() right now, in the middle of its work; afterwards it goes on with what it "
                  "was doing.",
              "沙盒：脚本让正在 " + Ps(e.p) + " 上运行的 " + L(e.g) + " 此刻执行 go " +
                  pr.funcs[std::size_t(e.n)].name + "()，打断手头的工作；之后它继续原来的事。");
        break;
      case EventKind::kScriptSyscall:
        b.Func("entersyscall");
        if (e.n2 >= 0) {
          b.Say("Sandbox: the script makes " + L(e.g) +
                    " stop its CPU work and make a blocking system call now; the " + N(e.n2) +
                    " µs of work it had left wait until the call returns.",
                "沙盒：脚本让 " + L(e.g) + " 停下 CPU 工作，此刻发起阻塞的系统调用；剩下的 " +
                    N(e.n2) + " 微秒工作要等调用返回后再继续。");
        } else {
          b.Say("Sandbox: the script makes " + L(e.g) + " make a blocking system call now.",
                "沙盒：脚本让 " + L(e.g) + " 此刻发起阻塞的系统调用。");
        }
        break;
      case EventKind::kWake:
        if (e.n == 0) {
          b.Func("runOneTimer");
          b.Say("Sandbox: " + L(e.g) + "'s sleep is cut short, " + N(e.n2) +
                    " µs early: its timer fires now and takes the path of an expiring timer "
                    "(runOneTimer → goroutineReady → goready).",
                "沙盒：" + L(e.g) + " 的睡眠提前 " + N(e.n2) +
                    " 微秒结束：它的定时器此刻触发，走的是定时器到期的同一条路径（runOneTimer → "
                    "goroutineReady → goready）。");
        } else if (e.n == 1) {
          b.Func("exitsyscall");
          b.Say("Sandbox: " + L(e.g) + "'s system call returns now, " + N(e.n2) +
                    " µs early; exitsyscall decides where it runs next (its old P, an idle P, "
                    "or the global queue).",
                "沙盒：" + L(e.g) + " 的系统调用提前 " + N(e.n2) +
                    " 微秒返回；exitsyscall 决定它接下来在哪里运行（原来的 P、空闲的 P，"
                    "或全局队列）。");
        } else {
          b.Func("netpollready");
          b.Say("Sandbox: data reaches " + L(e.g) + "'s socket now, " + N(e.n2) +
                    " µs early: netpollready marks its pollDesc ready (pdReady).",
                "沙盒：数据提前 " + N(e.n2) + " 微秒到达 " + L(e.g) +
                    " 的套接字：netpollready 把它的 pollDesc 标为就绪（pdReady）。");
        }
        break;
      case EventKind::kSysmonRound:
        b.Func("sysmon");
        b.Say("sysmon wakes after sleeping " + N(e.n) +
                  " µs (20 µs while busy, doubling after 50 "
                  "idle rounds up to 10 ms).",
              "sysmon 睡了 " + N(e.n) +
                  " 微秒后醒来（忙时 20 微秒，连续 50 轮空闲后逐次加倍，最长 10 毫秒）。");
        break;
    }
  }
  return {{b.en, b.zh}, b.func};
}

}  // namespace gs::sched
