// Limits of the io topic: a hostile scenario (100,000 fds, floods of packets) stops here with
// an error that names the limit.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gs::io {

inline constexpr std::size_t kMaxFds = 20000;             ///< named fds + idle_fds
inline constexpr std::size_t kMaxArrivals = 10000;        ///< packets in all arrival schedules
inline constexpr std::size_t kMaxLanes = 8;               ///< models compared side by side
inline constexpr std::int64_t kMaxTimeUs = 100000000;     ///< 100 s of simulated time
inline constexpr std::int64_t kMaxPacketBytes = 1 << 20;  ///< one packet (1 MiB)
inline constexpr std::size_t kMaxThreads = 64;            ///< threads with user programs
inline constexpr std::size_t kMaxProgramOps = 2000;       ///< ops in all thread programs
inline constexpr std::size_t kMaxLoopDepth = 4;           ///< loops inside loops
inline constexpr std::int64_t kMaxLoopTimes = 1000000;
/// select(2): an fd_set holds descriptors 0..FD_SETSIZE-1 only.
inline constexpr std::int64_t kFdSetSize = 1024;
/// The first fd number a connection gets (0, 1, 2 are stdin, stdout, stderr).
inline constexpr std::int64_t kFirstFd = 3;

}  // namespace gs::io
