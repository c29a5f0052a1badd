// GMP scheduler: the value-type state of Gs, Ms, Ps, the global run queue, timers, the network
// poller and sysmon (runtime2.go, proc.go). Simulated time is in microseconds.
#pragma once

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
};

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

struct Chan {
  std::int32_t count = 0;                  ///< values in the buffer
  std::vector<std::int32_t> recvq, sendq;  ///< parked goids, FIFO (waitq)
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
};

}  // namespace gs::sched
