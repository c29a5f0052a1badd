// GMP scheduler: the value-type state of Gs, Ms, Ps, the global run queue, timers, the network
// poller and sysmon (runtime2.go, proc.go). Simulated time is in microseconds.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/core/rng.h"
#include "engine/sched/cow.h"

namespace gs::sched {

inline constexpr std::int32_t kNone = -1;

/// g.atomicstatus (runtime2.go).
enum class GStatus : std::uint8_t { kIdle, kRunnable, kRunning, kSyscall, kWaiting, kDead };

/// g.waitreason for _Gwaiting (runtime2.go waitReasonStrings, Go 1.19 names).
enum class WaitReason : std::uint8_t {
  kNoReason,
  kChanSend,        ///< "chan send"
  kChanReceive,     ///< "chan receive"
  kSleep,           ///< "sleep"
  kIOWait,          ///< "IO wait" (netpollblock)
  kSemacquire,      ///< "semacquire" (sync.WaitGroup.Wait)
  kForceGCIdle,     ///< "force gc (idle)" (forcegchelper)
  kGCSweepWait,     ///< "GC sweep wait" (bgsweep)
  kGCScavengeWait,  ///< "GC scavenge wait" (bgscavenge)
  kFinalizerWait,   ///< "finalizer wait" (runfinq)
  kSelect,          ///< "select"
  kChanReceiveNil,  ///< "chan receive (nil chan)"
  kChanSendNil,     ///< "chan send (nil chan)"
  kSelectNoCases,   ///< "select (no cases)"
  // Actors have no Go runtime counterpart: a mailbox goroutine waits in the simulation's own
  // states (a Go program would block in a channel receive or on a sync.Cond).
  kActorReceive,  ///< "actor receive": the mailbox is empty
  kActorAsk,      ///< "actor ask": waiting for the reply to an ask
};

/// A value as a goroutine program holds it: an int, a bool (0/1), a string (an index into
/// Program::strings, 0 = ""), or struct{} (always 0). The zero value of every type is 0.
using Value = std::int64_t;

/// Element and local types (the zero value a closed channel or a zeroed slot gives).
enum class VType : std::uint8_t { kInt, kString, kBool, kStruct };

/// How many locals one goroutine may hold (var, recv's into/ok).
inline constexpr std::size_t kMaxLocals = 8;
/// How many cases one select may have.
inline constexpr std::size_t kMaxSelectCases = 8;

/// p.status (runtime2.go).
enum class PStatus : std::uint8_t { kIdle, kRunning, kSyscall, kGcStop, kDead };

/// What an M is doing (the runtime keeps this implicit in m.curg, m.p, m.spinning, ...).
enum class MState : std::uint8_t {
  kIdle,      ///< stopm: parked on sched.midle
  kRunning,   ///< has a P and runs m.curg
  kSchedule,  ///< has a P, in schedule()/findRunnable (spinning or not)
  kSyscall,   ///< in a syscall with its G; m.oldp remembers the P
  kNetpoll,   ///< holds no P, blocked in netpoll (sched.lastpoll == 0)
  kSysmon,    ///< runs sysmon without a P
};

std::string_view GStatusName(GStatus s);
std::string_view WaitReasonName(WaitReason w);
std::string_view PStatusName(PStatus s);
std::string_view MStateName(MState s);

struct G {
  std::int32_t goid = 0;
  std::int16_t func = 0;
  std::int16_t group = kNone;  ///< the "name" it was spawned with (wait targets a group)
  std::int32_t index = 0;      ///< its place in the group (the loop variable of a repeat)
  GStatus status = GStatus::kIdle;
  WaitReason wait = WaitReason::kNoReason;
  bool system = false;     ///< a runtime goroutine: ignored by checkdead
  bool is_main = false;    ///< main.main: when it returns, the program exits
  std::int32_t pc = 0;     ///< next op of its func body
  std::int32_t rep = 0;    ///< progress through a "go" with repeat
  std::int32_t m = kNone;  ///< the M running it (running or in a syscall)
  std::int64_t left = -1;  ///< µs left of a started "run" (-1: the op has not started)
  std::int64_t until = 0;  ///< running: when the current op finishes; syscall: when it returns
  std::int32_t created_by = kNone;  ///< goid of the creator (kNone: initial)
  std::int32_t created_pc = 0;      ///< the creator's op index
  std::int32_t runs = 0;            ///< how many times execute() started it
  /// The goroutine's locals (var, recv into / ok, for range), by the func's local index.
  std::array<Value, kMaxLocals> locals{};
  /// g.selectDone: a case of the select it is parked in has won; its other sudogs are stale.
  bool select_done = false;
  /// After a wake from a channel: the case that won (select) and sudog.success (false: woken
  /// by close). select_case -1: not woken by a select case.
  std::int8_t select_case = -1;
  bool wake_success = false;
  /// Parked in a channel op and woken: when it runs, the op finishes (selectgo's pass 3, the
  /// woken sender's closed check, a range loop's end) before the next op.
  bool wake_pending = false;
  /// Order in which channel operations served (readied) this G: 0 = not readied by one since
  /// it last ran. The narration compares this with the order Gs then run in.
  std::int64_t served = 0;
  /// When it last parked (gopark): senders' blocked time is counted from here.
  std::int64_t parked_at = 0;
  /// Parked in a send or an ask and not yet running again (counted in State::blocked_us).
  bool blocked = false;
  /// The actor whose mailbox this G serves (kNone: a plain goroutine).
  std::int16_t actor = kNone;
  /// A deferred recover() is armed: a panic ends only this goroutine (its function returns).
  bool recover = false;
  /// An ask in progress: 1 waiting for the reply, 2 replied, 3 the message was lost (crash).
  std::int8_t ask_state = 0;
};

/// sysmon's per-P record (sysmontick in proc.go).
struct SysmonTick {
  std::uint32_t schedtick = 0;
  std::int64_t schedwhen = 0;
  std::uint32_t syscalltick = 0;
  std::int64_t syscallwhen = 0;
};

struct P {
  PStatus status = PStatus::kIdle;
  std::int32_t m = kNone;
  std::vector<std::int32_t> runq;  ///< the ring; capacity = config runq_size (256)
  std::uint32_t runqhead = 0, runqtail = 0;
  std::int32_t runnext = kNone;
  std::uint32_t schedtick = 0;    ///< incremented by execute unless inheritTime
  std::uint32_t syscalltick = 0;  ///< incremented when a syscall ends or the P is retaken
  SysmonTick sysmon;
  std::uint32_t RunqSize() const { return runqtail - runqhead; }
  std::int32_t RunqAt(std::uint32_t i) const {
    return runq[(runqhead + i) % static_cast<std::uint32_t>(runq.size())];
  }
  bool RunqEmpty() const { return RunqSize() == 0 && runnext == kNone; }
};

struct M {
  MState state = MState::kIdle;
  std::int32_t p = kNone;
  std::int32_t curg = kNone;
  std::int32_t oldp = kNone;  ///< the P held before a syscall (entersyscall)
  bool spinning = false;
  std::int64_t ready_at = 0;  ///< kSchedule: when the woken M starts looking (futex wake)
};

/// A parked goroutine on a channel's wait queue (runtime2.go sudog).
struct Sudog {
  std::int32_t g = kNone;
  /// recv: the local the value is copied into (sudog.elem; kNone: the value is dropped);
  /// send: unused (the value travels in `value`).
  std::int8_t elem = kNone;
  std::int8_t ok = kNone;  ///< recv: the local that gets `ok` (kNone: none)
  Value value = 0;         ///< send: the value the sender carries
  bool is_select = false;
  std::int8_t select_case = -1;  ///< the select's case this sudog stands for
  bool success = false;          ///< set by the waker: true = a partner, false = close
};

/// hchan (chan.go). A channel variable that was never made is nil (made = false).
struct Chan {
  bool made = false;
  std::int32_t qcount = 0;    ///< values in the buffer
  std::int32_t dataqsiz = 0;  ///< cap
  std::int32_t elemsize = 8;
  VType elem = VType::kInt;
  std::vector<Value> buf;          ///< the ring's raw slots (dataqsiz of them)
  std::vector<std::uint8_t> full;  ///< per slot: holds a value (0: zeroed)
  std::uint32_t sendx = 0, recvx = 0;
  bool closed = false;
  std::vector<Sudog> recvq, sendq;    ///< waitq: FIFO
  std::int64_t sends = 0, recvs = 0;  ///< completed operations (for the view's counters)
  /// The hash of this channel's fields, kept until a write (State::MutChan) invalidates it:
  /// 5,000 parked sudogs made hashing every step dominate the build.
  mutable std::uint64_t digest = 0;
  mutable bool digest_ok = false;
};

/// A select a goroutine is running or parked in: its cases' orders (selectgo), kept so the
/// view can show pollorder and lockorder.
struct SelectRecord {
  std::int32_t g = kNone;
  std::int8_t ncases = 0;
  std::int8_t npoll = 0;  ///< cases with a non-nil channel (the length of both orders)
  std::array<std::int8_t, kMaxSelectCases> pollorder{};
  std::array<std::int8_t, kMaxSelectCases> lockorder{};
};

/// How the program ended, when it did not return from main.
enum class PanicKind : std::uint8_t {
  kNoPanic,
  kSendOnClosed,  ///< "send on closed channel"
  kCloseNil,      ///< "close of nil channel"
  kCloseClosed,   ///< "close of closed channel"
  kUser,          ///< panic(value) by the program (State::panic_value says what)
};

/// A message in an actor's mailbox: who sent it, in which order, and whether the sender
/// waits for a reply (ask).
struct Message {
  Value value = 0;
  VType type = VType::kInt;
  std::int32_t from = kNone;  ///< goid of the sender
  std::int64_t seq = 0;       ///< global send order (State::msg_seq)
  bool ask = false;
};

/// Why a message never reached a behaviour that finished handling it.
enum class LostWhy : std::uint8_t {
  kInHand,      ///< being handled when the actor crashed
  kQueued,      ///< still in the mailbox when the actor crashed (the mailbox dies with it)
  kDeadLetter,  ///< told to an actor that is down for good (its supervisor gave up)
};

struct LostMsg {
  Message msg;
  std::int16_t actor = kNone;
  LostWhy why = LostWhy::kQueued;
};

/// An actor: its current incarnation (a goroutine), its unbounded FIFO mailbox, the message
/// its behaviour is handling, and its supervisor's restart count.
struct Mailbox {
  std::int32_t g = kNone;  ///< the goroutine running its behaviour (kNone: not spawned / down)
  std::vector<Message> queue;
  std::size_t head = 0;  ///< queue[head..] are waiting (taken ones stay until compacted)
  Message in_hand{};
  bool holding = false;  ///< in_hand is being handled
  bool down = false;     ///< crashed and not restarted (no supervisor, or it gave up)
  std::int32_t restarts = 0;
  std::int64_t received = 0;  ///< messages taken by receive
  std::size_t Length() const { return queue.size() - head; }
};

struct Timer {
  std::int64_t when = 0;
  std::int32_t g = kNone;
  std::int32_t p = kNone;  ///< the P whose timer heap holds it
};

struct PollWait {
  std::int32_t g = kNone;
  std::int64_t ready_at = 0;
  bool ready = false;  ///< pollDesc.rg == pdReady: the fd is readable, G not yet taken
};

struct Sysmon {
  std::int64_t next = 0;    ///< when the next round runs
  std::int64_t delay = 20;  ///< µs: 20 µs, doubling after 50 idle rounds, up to 10 ms
  std::int32_t idle = 0;
  std::int32_t m = kNone;
};

struct State {
  std::int64_t now = 0;  ///< µs
  std::int32_t gomaxprocs = 1;
  CowVector<G, 16> gs;  ///< index = goid - 1
  std::vector<M> ms;
  std::vector<P> ps;                ///< allp; entries >= gomaxprocs are _Pdead
  CowQueue runq;                    ///< sched.runq, the global run queue
  std::vector<std::int32_t> pidle;  ///< sched.pidle, a LIFO list (back = head)
  std::vector<std::int32_t> midle;  ///< sched.midle, LIFO
  std::int32_t nmspinning = 0;
  std::vector<Chan> chans;
  std::vector<SelectRecord> selects;  ///< selects in progress (parked), by goroutine
  SelectRecord last_select;           ///< the select the last step ran (g = kNone: none)
  std::int64_t served_seq = 0;        ///< counter behind G::served
  PanicKind panic = PanicKind::kNoPanic;
  std::int32_t panic_g = kNone;
  Value panic_value = 0;           ///< kUser: the string panic() was given (an index into strings)
  std::vector<Mailbox> mailboxes;  ///< by actor (Program::actors)
  std::int64_t msg_seq = 0;        ///< counter behind Message::seq
  std::vector<LostMsg> lost;       ///< every message lost so far, in the order it was lost
  /// Senders' blocked time: finished intervals, plus the ones still open (blocked_now
  /// goroutines parked since, in sum, blocked_since): now * blocked_now - blocked_since.
  std::int64_t blocked_us = 0;
  std::int32_t blocked_now = 0;
  std::int64_t blocked_since = 0;
  std::int64_t BlockedUs() const { return blocked_us + now * blocked_now - blocked_since; }
  std::vector<std::int32_t> group_alive;                 ///< per group: Gs not yet exited
  std::vector<std::int32_t> group_total;                 ///< per group: Gs ever spawned
  std::vector<std::vector<std::int32_t>> group_waiters;  ///< per group: Gs parked in Wait
  std::vector<Timer> timers;                             ///< kept sorted by (when, insertion)
  std::vector<PollWait> poller;                          ///< netpollWaiters = size
  std::int32_t netpoll_m = kNone;  ///< the M blocked in netpoll (sched.lastpoll == 0)
  std::int64_t lastpoll = 0;       ///< time of the last netpoll
  Sysmon sysmon;
  Rng rng;
  bool ended = false;   ///< main returned, or checkdead found a deadlock
  std::int32_t pc = 0;  ///< next script op
  bool op_started = false;
  std::int64_t op_steps = 0;  ///< steps the current script op has made (run's "events")

  std::int32_t Npidle() const { return static_cast<std::int32_t>(pidle.size()); }
  const G& Gor(std::int32_t goid) const { return gs[std::size_t(goid - 1)]; }
  G& MutG(std::int32_t goid) { return gs.Mut(std::size_t(goid - 1)); }
  /// A channel about to be written: its cached hash is dropped.
  Chan& MutChan(std::size_t i) {
    chans[i].digest_ok = false;
    return chans[i];
  }
};

}  // namespace gs::sched
