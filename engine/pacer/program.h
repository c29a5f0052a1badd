// A checked pacer scenario: the collector's settings and the mutator's allocation script.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace gs::pacer {

inline constexpr std::uint64_t kNoLimit = std::numeric_limits<std::uint64_t>::max();

enum class OpCode : std::uint8_t {
  kRun,             ///< the mutator runs `ticks` ticks, allocating each tick
  kDrop,            ///< the program lets go of `bytes` of live data
  kSetGcPercent,    ///< debug.SetGCPercent(gogc), then commit
  kSetMemoryLimit,  ///< debug.SetMemoryLimit(limit), then commit
  kGc,              ///< runtime.GC(): a forced, complete cycle
};

struct Op {
  OpCode code = OpCode::kRun;
  std::int32_t source = 0;         ///< index in the scenario's script
  std::uint32_t ticks = 1;         ///< kRun
  std::uint64_t alloc = 0;         ///< kRun: heap bytes allocated per tick
  std::uint64_t keep = 0;          ///< kRun: of those, bytes that stay reachable
  std::uint64_t stack_alloc = 0;   ///< kRun: bytes per tick that escape analysis kept on the stack
  std::uint64_t bytes = 0;         ///< kDrop
  std::int64_t gogc = 100;         ///< kSetGcPercent (-1: off)
  std::uint64_t limit = kNoLimit;  ///< kSetMemoryLimit
};

struct Config {
  std::int64_t gogc = 100;                ///< GOGC (-1: off)
  std::uint64_t memory_limit = kNoLimit;  ///< GOMEMLIMIT in bytes
  std::uint64_t initial_live = 0;         ///< reachable heap at the start (bytes)
  std::uint64_t stacks = 0;               ///< scannable stack bytes (lastStackScan)
  std::uint64_t globals = 0;              ///< data + bss bytes (globalsScan)
  std::uint64_t non_heap = 0;             ///< mapped memory that holds no heap objects
  std::uint64_t mark_rate = 1 << 20;      ///< bytes the background worker scans per tick
  std::uint64_t cons_mark_percent = 100;  ///< consMark × 100 (allocation per scan byte)
  std::uint32_t procs = 1;                ///< GOMAXPROCS, for the gctrace line
  std::uint32_t tick_us = 1000;           ///< simulated microseconds per tick
};

struct Program {
  Config config;
  std::vector<Op> ops;
};

}  // namespace gs::pacer
