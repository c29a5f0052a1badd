// Scheduler limits; each is named in the error that reports it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gs::sched::limits {

inline constexpr std::int32_t kMaxProcs = 64;               ///< GOMAXPROCS in a scenario
inline constexpr std::size_t kMaxGoroutines = 100000;       ///< Gs created in one run
inline constexpr std::size_t kMaxFuncs = 256;               ///< entries in "funcs"
inline constexpr std::size_t kMaxBodyOps = 4096;            ///< ops of one func, loops expanded
inline constexpr std::int64_t kMaxRepeat = 100000;          ///< "repeat" of a go op, "times"
inline constexpr std::size_t kMaxChans = 256;               ///< entries in "chans"
inline constexpr std::int64_t kMaxChanCap = 65536;          ///< a channel's buffer
inline constexpr std::int64_t kMaxDurationUs = 1000000000;  ///< any duration: 1000 s
inline constexpr std::size_t kMaxInitialGoroutines = 4096;  ///< initial.goroutines
inline constexpr std::size_t kMaxActors = 64;               ///< entries in "actors"
inline constexpr std::size_t kMaxMailbox = 65536;           ///< messages waiting in one mailbox
inline constexpr std::int64_t kMaxRestarts = 1000;          ///< a supervisor's max_restarts

}  // namespace gs::sched::limits
