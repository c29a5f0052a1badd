// Sim: the runtime's scheduler functions acting on one State, split by job across files:
// runq.cpp (runqput, runqget, global queue), schedule.cpp (findRunnable, execute, wakep,
// startm), steal.cpp (stealWork), goroutine.cpp (the ops a G runs: newproc, gopark, goready,
// channels, exit), syscall.cpp (entersyscall, exitsyscall, handoffp), sysmon.cpp (sysmon,
// retake, preemptone), netpoll.cpp (poller, timers, injectglist), procresize.cpp,
// script_ops.cpp (the script's go / syscall / wake on one goroutine).
#pragma once

#include <vector>

#include "engine/sched/events.h"
#include "engine/sched/program.h"

namespace gs::sched {

class Sim {
 public:
  Sim(const Program& prog, State& s, std::vector<Event>& out) : m_prog(prog), m_s(s), m_out(out) {}

  // runq.cpp
  void Runqput(std::int32_t p, std::int32_t g, bool next);
  void RunqputSlow(std::int32_t p, std::int32_t g);
  std::int32_t Runqget(std::int32_t p, bool* inherit);
  void Globrunqput(std::int32_t g);
  void GlobrunqputHead(std::int32_t g);
  std::int32_t Globrunqget(std::int32_t p, std::int32_t max);

  // schedule.cpp
  /// One schedule() on p by its M: findRunnable, then execute or drop the P.
  void Schedule(std::int32_t p);
  std::int32_t FindRunnable(std::int32_t p, bool* inherit, FindSource* src);
  void Execute(std::int32_t p, std::int32_t g, bool inherit, FindSource src);
  void Wakep();
  /// startm: p may be kNone (take an idle P). Returns the M started, or kNone.
  std::int32_t Startm(std::int32_t p, bool spinning, std::int64_t delay_us);
  std::int32_t Mget();
  std::int32_t Pidleget();
  void Pidleput(std::int32_t p);
  void PidleRemove(std::int32_t p);
  void ResetSpinning(std::int32_t m);
  /// The M of p stops running a G and will call schedule() now.
  void ToSchedule(std::int32_t m);

  // steal.cpp
  std::int32_t StealWork(std::int32_t p);

  // goroutine.cpp
  /// Runs g's next op(s); returns true when something visible happened.
  bool ResumeG(std::int32_t p);
  /// A channel op (send, recv, range, close, select, make) of g running on p by m; true when
  /// the step is visible.
  bool ChanOp(std::int32_t p, std::int32_t m, std::int32_t g, const GInstr& in);
  std::int32_t Newproc(std::int32_t p, std::int32_t parent, std::int16_t func, std::int16_t group,
                       std::int32_t index);
  void Goready(std::int32_t g, std::int32_t p, std::int32_t by);
  void Gopark(std::int32_t g, WaitReason why);
  /// goexit0; `crashed`: an actor's behaviour died of a panic (its supervisor decides).
  void Goexit(std::int32_t g, bool crashed = false);

  // actor.cpp: actors as goroutines with an unbounded mailbox (no Go runtime counterpart).
  /// spawn, tell, ask, receive, reply of g on p by m; true when the step is visible.
  bool ActorOp(std::int32_t p, std::int32_t m, std::int32_t g, const GInstr& in);
  /// panic(msg) in g: a deferred recover ends only g; in an actor, a crash its supervisor
  /// handles; otherwise the program ends (exit status 2).
  void UserPanic(std::int32_t g, Value msg);
  /// An actor's goroutine ended (returned or crashed): its mailbox dies with it, lost
  /// messages are recorded, a supervisor restarts it or gives up.
  void ActorGone(std::int32_t g, std::int32_t p, bool crashed);

  // chan.go / select.go (chan.cpp, select.cpp). An op either lets g go on, parks it, or
  // ends the program (a panic).
  enum class OpEnd : std::uint8_t { kContinue, kWouldBlock, kParked, kEnded };
  OpEnd MakeChan(std::int32_t g, std::int16_t ch, std::int32_t cap);
  /// chansend(c, ep, block); `cas` >= 0 inside a select (pass 1 never blocks).
  OpEnd Chansend(std::int32_t g, std::int32_t p, std::int16_t ch, Value v, bool block,
                 std::int8_t cas);
  /// chanrecv(c, ep, block): the value goes to local `into` and ok to `ok` (kNone: dropped).
  OpEnd Chanrecv(std::int32_t g, std::int32_t p, std::int16_t ch, std::int8_t into, std::int8_t ok,
                 bool block, std::int8_t cas, bool range);
  OpEnd Closechan(std::int32_t g, std::int32_t p, std::int16_t ch);
  /// selectgo (and the compiler's rewrites of small selects). *jump: where g goes on, pc-relative.
  OpEnd Select(std::int32_t g, std::int32_t p, const SelectSpec& sp, std::int32_t* jump);
  /// The end of a parked channel op after its wake (see G::wake_pending); *visible when a step
  /// is shown for it.
  OpEnd FinishWake(std::int32_t g, const GInstr& in, std::int32_t* jump, bool* visible);
  OpEnd FinishSelect(std::int32_t g, const SelectSpec& sp, std::int32_t* jump, bool* visible);
  void Panic(std::int32_t g, PanicKind why);
  Value Eval(std::int32_t g, const ValueSrc& v) const;

  // syscall.cpp
  void Entersyscall(std::int32_t g, std::int64_t us);
  void Exitsyscall(std::int32_t m);
  void Handoffp(std::int32_t p);

  // sysmon.cpp
  /// One sysmon round at s.sysmon.next; true when it did something visible.
  bool SysmonRound();
  std::int32_t Retake();
  bool Preemptone(std::int32_t p);

  // netpoll.cpp
  void NetBlock(std::int32_t g, std::int64_t us);
  void FdReady(std::size_t index);
  /// netpoll(0): takes the ready Gs off the poller, in readiness order.
  std::vector<std::int32_t> Netpoll();
  void Injectglist(std::vector<std::int32_t> list, std::int32_t p);
  void TimerSet(std::int32_t g, std::int32_t p, std::int64_t us);
  /// Fires s.timers[index] (the earliest one when the clock reaches it); `early`: a script
  /// "wake" fires it before its time.
  void TimerFire(std::size_t index = 0, bool early = false);

  // script_ops.cpp: the script acting on one goroutine (record by demonstration).
  void ScriptGo(const ScriptOp& op);
  void ScriptSyscall(const ScriptOp& op);
  void ScriptWake(const ScriptOp& op);
  /// The sandbox acts on a channel: a new goroutine (started by nobody, like one the
  /// runtime's own code would start) does the send, receive or close.
  void ScriptChan(const ScriptOp& op);

  // procresize.cpp
  void Gomaxprocs(std::int32_t n);

  const Program& Prog() const { return m_prog; }
  State& S() { return m_s; }
  void Emit(const Event& e) { m_out.push_back(e); }
  bool Failed() const { return !m_error.empty(); }
  const std::string& Error() const { return m_error; }

 private:
  std::int32_t Newm();
  /// The G a script op names by `label`; kNone with m_error set when there is none.
  std::int32_t ScriptTarget(const std::string& label, const char* action);
  bool ScriptNeedsRunning(std::int32_t g, const std::string& label, const char* action);
  /// waitq.dequeue: the first sudog whose G can still be woken; a select's sudog whose select
  /// another case already won is dropped (selectDone).
  bool Dequeue(std::vector<Sudog>& q, std::int16_t ch, Sudog* out);
  /// A channel op readies its partner: remembers the serve order, then goready.
  void ReadyFromChan(std::int32_t g, std::int32_t p, std::int32_t by);
  /// A message to `actor` that cannot be delivered (it is down): lost as a dead letter; an
  /// asker gets ok = false at once.
  void DeadLetter(std::int32_t g, std::int16_t actor, const Message& msg);
  const Program& m_prog;
  State& m_s;
  std::vector<Event>& m_out;
  std::string m_error;
};

/// Creates P i with an empty ring.
P MakeP(const Config& cfg);

}  // namespace gs::sched
