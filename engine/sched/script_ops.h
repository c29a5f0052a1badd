// The script's direct actions on one goroutine ("go", "syscall", "wake"): which goroutine a
// label names at a point of the run, and whether (and how) a waiting goroutine can be woken.
// The view asks the same questions to offer only the actions the engine accepts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/sched/program.h"
#include "engine/sched/state.h"

namespace gs::sched {

/// What "wake" does to a goroutine, or why it cannot.
enum class WakePath : std::uint8_t {
  kTimer,       ///< asleep: its timer fires now
  kSyscall,     ///< in a system call: the call returns now (exitsyscall)
  kFd,          ///< in net_read: its fd becomes readable now (the next netpoll finds it)
  kFdReady,     ///< its fd is readable already; it waits for a netpoll to find it
  kChannel,     ///< parked on a channel or in select: only a partner's send/receive wakes it
  kWaitGroup,   ///< in WaitGroup.Wait (semacquire): only the group's last Done wakes it
  kUnmodelled,  ///< waits for something this simulation does not model (initial state)
  kNotWaiting,  ///< running, runnable or dead: there is nothing to wake
};

/// The goid that `label` names in state `s` (kNone when none): "g<goid>" for an unnamed G,
/// "<name><index>" for a G started with a name, and "<name>" alone while it is the only G
/// started with that name so far. An unnamed G wins over a named one ("g10" when a group is
/// called "g1"); otherwise the first match in goid order.
std::int32_t FindLabel(const Program& pr, const State& s, std::string_view label);

/// The label a G has at this point of the run (the run's final labels may add an index later).
std::string CurrentLabel(const Program& pr, const State& s, std::int32_t goid);

/// How "wake" would wake `goid` in `s` (1 <= goid <= s.gs.size()).
WakePath HowToWake(const State& s, std::int32_t goid);

/// True when `goid` runs on a P right now and the program has not ended ("go" and "syscall"
/// need that).
bool IsRunning(const State& s, std::int32_t goid);

}  // namespace gs::sched
