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
  kExit,
  kMakeChan,   ///< ch = make(chan T, cap)
  kClose,      ///< close(ch)
  kSelect,     ///< select: Program::selects[sel]
  kRangeRecv,  ///< for v := range ch: receive; when closed and drained, jump by `jump`
  kJump,       ///< goto pc + jump (the end of a loop body or of a select case)
  kSet,        ///< local = value
  kAdd,        ///< local += value (ints)
  kPrint,      ///< println(value): the program's output
  // Actors (no Go runtime counterpart: see docs/concurrency.md).
  kSpawn,         ///< start actor `actor` (its behaviour runs in a new goroutine)
  kTell,          ///< actor ! value: append to its mailbox, never block
  kAsk,           ///< reply := actor ? value: tell, then wait for the reply into `into`
  kReceive,       ///< take the head of the own mailbox into `into`; park while it is empty
  kReply,         ///< answer the ask being handled (after a tell: nothing happens)
  kPanic,         ///< panic(value); with `when_local`, only when that local == when_value
  kDeferRecover,  ///< defer func() { recover() }(): a later panic ends only this goroutine
};

/// Where an op's value comes from: a literal, one of the goroutine's locals, or its index in
/// the group it was started with ("go" with a name and repeat).
struct ValueSrc {
  enum class Kind : std::uint8_t { kLiteral, kLocal, kIndex } kind = Kind::kLiteral;
  Value literal = 0;
  std::int8_t local = kNone;
  VType type = VType::kInt;  ///< the value's type (print shows strings quoted by type)
};

struct GInstr {
  GOp op = GOp::kRun;
  std::int64_t us = 0;
  std::int16_t func = 0;       ///< kGo: the function started
  std::int16_t group = kNone;  ///< kGo: the name given to the new Gs; kWait: the group awaited
  std::int32_t repeat = 1;     ///< kGo
  std::int16_t ch = kNone;
  std::int8_t into = kNone;        ///< recv, range, set, add: the local written
  std::int8_t ok = kNone;          ///< recv: the local that gets ok
  ValueSrc value{};                ///< send, set, add, print
  std::int32_t jump = 0;           ///< kRangeRecv, kJump: pc-relative target
  std::int32_t sel = kNone;        ///< kSelect: index into Program::selects
  std::int32_t cap = 0;            ///< kMakeChan
  std::int16_t actor = kNone;      ///< kSpawn, kTell, kAsk: the actor
  std::int8_t when_local = kNone;  ///< kPanic: panic only when this local == when_value
  Value when_value = 0;
};

/// A supervisor: restarts a crashed child with fresh state (one-for-one: only that child),
/// at most max_restarts times in the whole run, then gives up (the child stays down).
struct Supervisor {
  std::string name;
  std::int32_t max_restarts = 3;
};

/// An actor: a name other goroutines address it by, the func that is its behaviour, and its
/// supervisor (kNone: a crash leaves it down).
struct ActorDecl {
  std::string name;
  std::int16_t func = 0;
  std::int16_t supervisor = kNone;
  std::int16_t group = kNone;  ///< its goroutines' group (labels: the actor's name)
  VType msg = VType::kInt;     ///< the type of the messages it takes
};

/// One case of a select, in source order. Its body follows the select op in the func; the
/// case jumps there (pc-relative `body`) and the body ends with a jump past the select.
struct SelectCase {
  bool send = false;
  std::int16_t ch = kNone;
  ValueSrc value{};          ///< send
  std::int8_t into = kNone;  ///< recv
  std::int8_t ok = kNone;    ///< recv
  std::int32_t body = 0;
};

struct SelectSpec {
  std::vector<SelectCase> cases;
  bool has_default = false;
  std::int32_t default_body = 0;  ///< pc-relative, like a case's body
  std::int32_t end = 0;           ///< pc-relative: the op after the whole select
};

struct Local {
  std::string name;
  VType type = VType::kInt;
};

struct Func {
  std::string name;
  std::vector<GInstr> body;  ///< flattened (repeat blocks expanded); ends with kExit
  std::vector<Local> locals{};
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
enum class ScriptCode : std::uint8_t { kRun, kGomaxprocs, kGo, kSyscall, kWake, kChan };

struct ScriptOp {
  ScriptCode code = ScriptCode::kRun;
  std::int64_t until = -1;     ///< kRun: stop at this time (-1: until the program ends)
  std::int64_t events = -1;    ///< kRun: stop after this many steps (-1: no limit)
  std::int32_t n = 1;          ///< kGomaxprocs
  std::string g;               ///< kGo: the running G ("from"); kSyscall, kWake: the G (a label)
  std::int16_t func = 0;       ///< kGo: the function started
  std::int16_t group = kNone;  ///< kGo: the name given to the new G
  std::int64_t us = 0;         ///< kSyscall: how long the call blocks
  // kChan (the sandbox acting on a channel): a new goroutine runs `func`, a one-op func the
  // loader made for the send, receive or close; `group` is "sandbox".
};

struct Program {
  Config config;
  std::vector<Func> funcs;
  std::vector<std::string> chan_names;
  std::vector<std::int32_t> chan_caps;
  std::vector<VType> chan_elems;
  /// Made before main starts (a package-level make); false: nil until a make_chan op.
  std::vector<bool> chan_made;
  std::vector<SelectSpec> selects;
  std::vector<ActorDecl> actors;
  std::vector<Supervisor> supervisors;
  std::vector<std::string> strings = {""};  ///< string values (0 = "")
  std::vector<std::string> groups;
  std::vector<InitialG> initial;
  std::vector<InitialP> initial_ps;
  std::vector<std::int32_t> initial_global;
  std::vector<ScriptOp> ops;
};

}  // namespace gs::sched
