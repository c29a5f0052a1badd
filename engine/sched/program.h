// A checked scheduler scenario: config, goroutine programs, channels, initial state, script.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/sched/state.h"

namespace gs::sched {

/// Constants of the runtime; a scenario may change them to show what they do.
struct Config {
  std::int32_t gomaxprocs = 1;
  std::uint64_t seed = 1;
  std::int32_t runq_size = 256;           ///< len(p.runq)
  std::int32_t global_check = 61;         ///< schedtick % 61 == 0: look at the global queue first
  std::int64_t force_preempt_us = 10000;  ///< forcePreemptNS = 10 ms
  std::int32_t steal_tries = 4;           ///< stealTries
  bool sysmon = true;
  std::int64_t m_wake_us = 5;  ///< simplification: how long a woken M takes to start looking
};

/// Ops of a goroutine's program.
enum class GOp : std::uint8_t {
  kRun,
  kGo,
  kGosched,
  kSyscall,
  kSleep,
  kChanSend,
  kChanRecv,
  kNetRead,
  kWait,
  kExit
};

struct GInstr {
  GOp op = GOp::kRun;
  std::int64_t us = 0;
  std::int16_t func = 0;       ///< kGo: the function started
  std::int16_t group = kNone;  ///< kGo: the name given to the new Gs; kWait: the group awaited
  std::int32_t repeat = 1;     ///< kGo
  std::int16_t ch = kNone;
};

struct Func {
  std::string name;
  std::vector<GInstr> body;  ///< flattened (repeat blocks expanded); ends with kExit
};

struct InitialG {
  std::int16_t func = 0;
  std::int16_t group = kNone;
  GStatus status = GStatus::kRunnable;
  WaitReason wait = WaitReason::kNoReason;
  bool system = false;
  std::int32_t p = kNone;   ///< running on this P
  std::int16_t ch = kNone;  ///< waiting on this channel (recv)
};

struct InitialP {
  std::uint32_t schedtick = 0;
  std::int32_t runnext = kNone;    ///< index into initial Gs
  std::vector<std::int32_t> runq;  ///< indexes into initial Gs
};

/// Script ops: run the scheduler, change GOMAXPROCS, or act directly on a goroutine (go,
/// syscall, wake: what record-by-demonstration writes).
enum class ScriptCode : std::uint8_t { kRun, kGomaxprocs, kGo, kSyscall, kWake };

struct ScriptOp {
  ScriptCode code = ScriptCode::kRun;
  std::int64_t until = -1;     ///< kRun: stop at this time (-1: until the program ends)
  std::int64_t events = -1;    ///< kRun: stop after this many steps (-1: no limit)
  std::int32_t n = 1;          ///< kGomaxprocs
  std::string g;               ///< kGo: the running G ("from"); kSyscall, kWake: the G (a label)
  std::int16_t func = 0;       ///< kGo: the function started
  std::int16_t group = kNone;  ///< kGo: the name given to the new G
  std::int64_t us = 0;         ///< kSyscall: how long the call blocks
};

struct Program {
  Config config;
  std::vector<Func> funcs;
  std::vector<std::string> chan_names;
  std::vector<std::int32_t> chan_caps;
  std::vector<std::string> groups;
  std::vector<InitialG> initial;
  std::vector<InitialP> initial_ps;
  std::vector<std::int32_t> initial_global;
  std::vector<ScriptOp> ops;
};

}  // namespace gs::sched
