// What a scheduler step did. Narration, the trace and the view are generated from these.
#pragma once

#include <cstdint>

#include "engine/sched/state.h"

namespace gs::sched {

enum class EventKind : std::uint8_t {
  kNewproc,        ///< g created by g2 on p; put in runnext
  kRunnextKick,    ///< g (the old runnext) moved to the tail of p's ring
  kRunqputSlow,    ///< p's ring full: n Gs (half + g) moved to the global queue
  kRunqPut,        ///< g to the tail of p's ring
  kGlobalPut,      ///< g to the global queue (tail)
  kExecute,        ///< g runs on p by m; flag = inheritTime; n = source (FindSource)
  kGlobrunqget,    ///< p took n Gs from the global queue (one runs, n-1 to its ring); n2 = max
  kSteal,          ///< p (thief) took n Gs from p2; flag = runnext stolen; g = the one it runs
  kStealFail,      ///< p found nothing in n rounds
  kNetpollFound,   ///< n Gs found ready by netpoll(0) (by p, or p = kNone for sysmon)
  kInject,         ///< injectglist: n to global, n2 to p's ring
  kSpinStart,      ///< m starts spinning with p (wakep / startm(spinning))
  kSpinStop,       ///< m stops spinning (found work: resetspinning; or gave up)
  kStartM,         ///< m (non-spinning) gets p to run its work (startm / handoffp)
  kNewM,           ///< m created (newm)
  kReleaseP,       ///< m drops p (idle), then stopm / netpoll block (flag = netpoll)
  kPark,           ///< g parks (gopark) with a wait reason
  kReady,          ///< g readied by g2 into p's runnext (goready / ready)
  kGosched,        ///< g yields: to the global queue
  kPreempt,        ///< sysmon preempts g on p after n µs
  kEnterSyscall,   ///< g on p enters a syscall for n µs (p -> _Psyscall, m keeps oldp)
  kRetake,         ///< sysmon retakes p from a syscall (n µs in)
  kHandoff,        ///< handoffp(p): flag = an M was started (m), else p goes idle
  kExitSyscall,    ///< n = 0 old P, 1 idle P, 2 no P: global queue (and m stops)
  kTimerSet,       ///< g sleeps n µs (timer on p)
  kTimerFire,      ///< g's timer fired: readied on p (flag: early, by a script "wake")
  kNetBlock,       ///< g parks on the poller for n µs
  kFdReady,        ///< g's fd is ready (flag: an M blocked in netpoll wakes = m)
  kChanSend,       ///< g sends on ch: n = ChanPath, n2 = the value, p2 = the slot, g2 = partner
  kChanRecv,       ///< g receives on ch: n = ChanPath, n2 = the value, p2 = the slot, g2 = partner
  kMakeChan,       ///< g makes ch with cap n
  kClose,          ///< g closes ch: n receivers and n2 senders woken
  kPanic,          ///< g panics: n = PanicKind; the program ends (exit status 2)
  kSelectStart,    ///< g runs a select of n cases (n2: has default; flag: the compiler rewrote it)
  kSelectDefault,  ///< no case was ready: g takes the default
  kSelectPark,     ///< pass 2: g enqueues n sudogs and parks
  kSelectWake,     ///< pass 3: g resumes with case cas; n stale sudogs dequeued
  kStaleSudog,     ///< a waker on ch skipped g's sudog: g's select was already won (selectDone)
  kPrint,          ///< g prints value n2 of type n (VType)
  kWaitDone,       ///< g's wait on group ch returns at once (count 0)
  kExit,           ///< g exits (goexit0)
  kMainExit,       ///< main.main returned: exit(0)
  kDeadlock,       ///< checkdead: all goroutines are asleep
  kStopTheWorld,   ///< n Gs preempted to the global queue
  kProcresize,     ///< GOMAXPROCS n2 -> n; n moved... (g = Gs moved off dead Ps)
  kStartTheWorld,
  kSysmonRound,  ///< sysmon ran a round that did something (n = delay before it)
  // Script ops acting on a goroutine (record by demonstration); the runtime's own events
  // (newproc, entersyscall, the timer, exitsyscall, the poller) follow them in the step.
  kScriptGo,       ///< script: g (running on p) executes a go statement of func n
  kScriptSyscall,  ///< script: g on p enters a syscall of n µs; n2 = CPU µs still to run (-1)
  kWake,           ///< script: wakes g by path n (WakePath); n2 = µs earlier than planned
  kScriptChan,     ///< script (sandbox): new goroutine g will do op n (GOp) on ch, value n2
  // Actors (ch = the actor's index in Program::actors).
  kSpawn,        ///< g2 spawns actor ch: its behaviour runs in new goroutine g
  kTell,         ///< g tells actor ch value n2 (type p2); n = its mailbox length after; flag: ask
  kReceive,      ///< g (actor ch) takes n2 (type p2) from its mailbox, sent by g2; n = left
  kReceivePark,  ///< g (actor ch): the mailbox is empty, so it parks
  kAskPark,      ///< g waits for actor ch's reply
  kAskDone,      ///< g's ask returns n2 (flag: ok; false: the message was lost in a crash)
  kReply,        ///< g (actor ch) replies n2 to asker g2
  kCrash,        ///< actor ch's goroutine g panics with string n2; n = messages lost with it
  kRestart,      ///< supervisor n2 restarts actor ch as goroutine g (fresh state); n = restarts
  kGiveUp,       ///< supervisor n2 stops restarting actor ch after n restarts: it stays down
  kDeadLetter,   ///< g tells actor ch, which is down: value n2 is lost
  kRecover,      ///< g's deferred recover stops its panic (string n2): only g ends
};

/// What a channel operation did (kChanSend / kChanRecv's n).
enum class ChanPath : std::uint8_t {
  kDirect = 0,     ///< send: straight to a parked receiver; recv: from a parked sender (unbuffered)
  kBuffer = 1,     ///< into / out of the ring buffer
  kPark = 2,       ///< no partner and no room: joins the wait queue
  kSlotReuse = 3,  ///< recv on a full buffer with a parked sender: buf[recvx] out, its value in
  kClosed = 4,     ///< recv on a closed, drained channel: the zero value, ok = false
  kNilBlock = 5,   ///< nil channel: blocks forever
  kWouldBlock = 6,  ///< non-blocking (select with default): not ready
  kWoken = 7,       ///< a parked G resumes: its partner (or close) completed the operation
};

/// Where findRunnable found the G (kExecute's n).
enum class FindSource : std::uint8_t {
  kRunnext,
  kRunq,
  kGlobal61,
  kGlobal,
  kNetpoll,
  kSteal,
  kSyscallExit,
  kDirect
};

struct Event {
  EventKind kind = EventKind::kExecute;
  bool flag = false;
  std::int16_t ch = kNone;
  std::int32_t g = kNone;
  std::int32_t g2 = kNone;
  std::int32_t p = kNone;
  std::int32_t p2 = kNone;
  std::int32_t m = kNone;
  std::int64_t n = 0;
  std::int64_t n2 = 0;
  WaitReason wait = WaitReason::kNoReason;
  std::int8_t cas = -1;  ///< channel events inside a select: the case (source order)
  bool range = false;    ///< kChanRecv of a for-range loop
  /// kSelectStart: pollorder and lockorder, 4 bits per case (first case in the low bits);
  /// `cas` holds how many there are.
  std::uint32_t poll = 0, lock = 0;
};

}  // namespace gs::sched
