// The script's direct actions on one goroutine (record by demonstration): "go", "syscall" and
// "wake". Each one enters the runtime path the program itself would take: newproc for go,
// entersyscall for syscall, and for wake the expiring timer (runOneTimer -> goready), the
// returning call (exitsyscall) or the readable fd (netpollready, then netpoll).
#include "engine/sched/script_ops.h"

#include <algorithm>
#include <vector>

#include "engine/core/checker.h"
#include "engine/sched/sim.h"

namespace gs::sched {
namespace {

// "17" == 17; no sign, no leading zero ("w01" is nobody's label).
bool DigitsEqual(std::string_view digits, std::int64_t v) {
  if (digits.empty() || digits.size() > 18) return false;
  if (digits.size() > 1 && digits[0] == '0') return false;
  std::int64_t x = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + (c - '0');
  }
  return x == v;
}

bool LabelIs(const Program& pr, const State& s, const G& g, std::string_view label) {
  if (g.group == kNone)
    return label.size() > 1 && label[0] == 'g' && DigitsEqual(label.substr(1), g.goid);
  const std::string& name = pr.groups[std::size_t(g.group)];
  if (label.size() < name.size() || label.substr(0, name.size()) != name) return false;
  std::string_view rest = label.substr(name.size());
  if (rest.empty()) return s.group_total[std::size_t(g.group)] == 1;
  return DigitsEqual(rest, g.index);
}

std::string WakeRefusal(WakePath how, const std::string& label, const G& g) {
  const std::string why(WaitReasonName(g.wait));
  switch (how) {
    case WakePath::kFdReady:
      return "\"" + label +
             "\"'s fd is readable already: it waits for the next netpoll to find it, so there "
             "is nothing left to wake";
    case WakePath::kChannel:
      return "\"" + label + "\" is blocked on a channel (" + why +
             "): only its partner can wake it, by a send or a receive on that channel, not the "
             "script";
    case WakePath::kWaitGroup:
      return "\"" + label +
             "\" waits in WaitGroup.Wait (semacquire): only the last Done of its group wakes it, "
             "not the script";
    case WakePath::kUnmodelled:
      return "\"" + label + "\" waits (" + why +
             ") for something this simulation does not model, so it cannot be woken by hand";
    case WakePath::kNotWaiting:
      return "\"" + label + "\" is not waiting (it is " + std::string(GStatusName(g.status)) +
             "): only a sleeping G, a G in a syscall or a G in net_read can be woken";
    default:
      return {};
  }
}

}  // namespace

std::int32_t FindLabel(const Program& pr, const State& s, std::string_view label) {
  // "g<goid>" names an unnamed G first, even if a group happens to be called "g1" ("g10").
  if (label.size() > 1 && label[0] == 'g') {
    for (std::size_t i = 0; i < s.gs.size(); ++i) {
      const G& g = s.gs[i];
      if (g.group == kNone && DigitsEqual(label.substr(1), g.goid)) return g.goid;
    }
  }
  for (std::size_t i = 0; i < s.gs.size(); ++i) {
    if (LabelIs(pr, s, s.gs[i], label)) return s.gs[i].goid;
  }
  return kNone;
}

std::string CurrentLabel(const Program& pr, const State& s, std::int32_t goid) {
  const G& g = s.Gor(goid);
  if (g.group == kNone) {
    std::string label = "g";  // (not "g" + ...: GCC 12 warns falsely with -Wrestrict)
    label += std::to_string(goid);
    return label;
  }
  const std::string& name = pr.groups[std::size_t(g.group)];
  return s.group_total[std::size_t(g.group)] > 1 ? name + std::to_string(g.index) : name;
}

WakePath HowToWake(const State& s, std::int32_t goid) {
  const G& g = s.Gor(goid);
  if (g.status == GStatus::kSyscall) return WakePath::kSyscall;
  if (g.status != GStatus::kWaiting) return WakePath::kNotWaiting;
  switch (g.wait) {
    case WaitReason::kSleep:
      for (const Timer& t : s.timers) {
        if (t.g == goid) return WakePath::kTimer;
      }
      return WakePath::kUnmodelled;  // declared asleep in "initial": no timer was ever set
    case WaitReason::kIOWait:
      for (const PollWait& w : s.poller) {
        if (w.g == goid) return w.ready ? WakePath::kFdReady : WakePath::kFd;
      }
      return WakePath::kUnmodelled;
    case WaitReason::kChanSend:
    case WaitReason::kChanReceive:
    case WaitReason::kSelect:
    case WaitReason::kChanSendNil:
    case WaitReason::kChanReceiveNil:
    case WaitReason::kSelectNoCases:
      return WakePath::kChannel;
    case WaitReason::kSemacquire:
      return WakePath::kWaitGroup;
    default:
      return WakePath::kUnmodelled;
  }
}

bool IsRunning(const State& s, std::int32_t goid) {
  return !s.ended && s.Gor(goid).status == GStatus::kRunning;
}

std::int32_t Sim::ScriptTarget(const std::string& label, const char* action) {
  if (m_s.ended) {
    m_error =
        "the program has already exited (main returned, or checkdead stopped it): "
        "nothing can " +
        std::string(action) + " any more";
    return kNone;
  }
  std::int32_t g = FindLabel(m_prog, m_s, label);
  if (g != kNone) return g;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < m_s.gs.size() && names.size() < 4096; ++i) {
    if (m_s.gs[i].status != GStatus::kDead)
      names.push_back(CurrentLabel(m_prog, m_s, m_s.gs[i].goid));
  }
  std::string hint = DidYouMean(label, names);
  m_error = "no goroutine is labelled \"" + label + "\" at this point of the run" +
            (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)");
  return kNone;
}

bool Sim::ScriptNeedsRunning(std::int32_t g, const std::string& label, const char* action) {
  const G& gg = m_s.Gor(g);
  if (gg.status == GStatus::kRunning) return true;
  std::string why(WaitReasonName(gg.wait));
  m_error = "\"" + label + "\" is not running here (it is " + std::string(GStatusName(gg.status)) +
            (why.empty() ? "" : ", " + why) + "), so it cannot " + action +
            ": pick a G that runs on a P at this step";
  return false;
}

void Sim::ScriptGo(const ScriptOp& op) {
  std::int32_t g = ScriptTarget(op.g, "start a goroutine");
  if (g == kNone || !ScriptNeedsRunning(g, op.g, "execute a go statement")) return;
  const std::int32_t p = m_s.ms[std::size_t(m_s.Gor(g).m)].p;
  Emit({.kind = EventKind::kScriptGo, .g = g, .p = p, .n = op.func});
  std::int32_t index = op.group == kNone ? 0 : m_s.group_total[std::size_t(op.group)]++;
  // newproc on the creator's P: runqput(pp, newg, next=true) kicks the old runnext to the
  // ring's tail (runqputslow when the ring is full), then wakep. The creator's own work is
  // not touched: it goes on running after the go statement.
  Newproc(p, g, op.func, op.group, index);
}

void Sim::ScriptSyscall(const ScriptOp& op) {
  std::int32_t g = ScriptTarget(op.g, "enter a system call");
  if (g == kNone || !ScriptNeedsRunning(g, op.g, "enter a system call")) return;
  const std::int32_t p = m_s.ms[std::size_t(m_s.Gor(g).m)].p;
  G& gg = m_s.MutG(g);
  // The CPU work under way is interrupted, not finished: what is left of it runs after the
  // call returns (exitsyscall resumes the G with it, as execute does after a preemption).
  std::int64_t left = -1;
  if (gg.left >= 0) {
    gg.left = std::max<std::int64_t>(gg.until - m_s.now, 0);
    left = gg.left;
  }
  Emit({.kind = EventKind::kScriptSyscall, .g = g, .p = p, .n = op.us, .n2 = left});
  Entersyscall(g, op.us);
}

void Sim::ScriptWake(const ScriptOp& op) {
  std::int32_t g = ScriptTarget(op.g, "be woken");
  if (g == kNone) return;
  const WakePath how = HowToWake(m_s, g);
  const G& gg = m_s.Gor(g);
  switch (how) {
    case WakePath::kTimer: {
      // The timer fires now, through the path of an expiring one (runOneTimer ->
      // goroutineReady -> goready into the timer's P's runnext).
      std::size_t i = 0;
      while (m_s.timers[i].g != g) ++i;
      const std::int64_t early = std::max<std::int64_t>(m_s.timers[i].when - m_s.now, 0);
      Emit({.kind = EventKind::kWake, .g = g, .n = std::int64_t(how), .n2 = early});
      TimerFire(i, true);
      return;
    }
    case WakePath::kSyscall: {
      // The call returns now: exitsyscall with its old-P / idle-P / global-queue rules.
      const std::int64_t early = std::max<std::int64_t>(gg.until - m_s.now, 0);
      const std::int32_t m = gg.m;
      Emit({.kind = EventKind::kWake, .g = g, .n = std::int64_t(how), .n2 = early});
      Exitsyscall(m);
      return;
    }
    case WakePath::kFd: {
      // The data arrives now: netpollready marks the pollDesc pdReady; an M blocked in netpoll
      // returns with it, otherwise the next netpoll(0) (findRunnable or sysmon) finds it.
      std::size_t i = 0;
      while (m_s.poller[i].g != g) ++i;
      const std::int64_t early = std::max<std::int64_t>(m_s.poller[i].ready_at - m_s.now, 0);
      Emit({.kind = EventKind::kWake, .g = g, .n = std::int64_t(how), .n2 = early});
      FdReady(i);
      return;
    }
    default:
      m_error = WakeRefusal(how, op.g, gg);
      return;
  }
}

void Sim::ScriptChan(const ScriptOp& op) {
  if (m_s.ended) {
    m_error =
        "the program has already exited (main returned, a panic, or checkdead stopped it): "
        "nothing can act on a channel any more";
    return;
  }
  // The new G goes to a running P (the first), else to P0 whose idle M wakep then starts.
  std::int32_t p = 0;
  for (std::int32_t i = 0; i < m_s.gomaxprocs; ++i) {
    if (m_s.ps[std::size_t(i)].status == PStatus::kRunning) {
      p = i;
      break;
    }
  }
  const GInstr& in = m_prog.funcs[std::size_t(op.func)].body[0];
  const std::int32_t goid = std::int32_t(m_s.gs.size() + 1);
  Emit({.kind = EventKind::kScriptChan,
        .ch = in.ch,
        .g = goid,
        .p = p,
        .n = std::int64_t(in.op),
        .n2 = in.value.literal});
  std::int32_t index = m_s.group_total[std::size_t(op.group)]++;
  Newproc(p, kNone, op.func, op.group, index);
}

}  // namespace gs::sched
