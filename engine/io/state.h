// The value-type state of the io topic: per lane (one IO model) the kernel's socket receive
// buffers, the epoll ready list, queued signals and completions, the application threads
// and the cost counters; one simulated clock for all lanes, so compared models step together.
#pragma once

#include <cstdint>
#include <vector>

namespace gs::io {

inline constexpr std::int32_t kNone = -1;

/// What a thread is doing (the swimlane colour).
enum class ThreadState : std::uint8_t {
  kRunning,  ///< user code (rebuilding an fd set, scanning results, processing a message)
  kBlocked,  ///< asleep in a syscall waiting for data: phase 1, data preparation
  kCopying,  ///< in recvfrom while the kernel copies data to user space: phase 2
  kPolling,  ///< in a syscall that checks readiness or returns EAGAIN (burns CPU)
  kHandler,  ///< running a signal handler / a completion
  kWork,     ///< doing other work: nothing is waited for
  kDone,     ///< every byte of its connections has been read
};

/// The syscall a thread is in (kNoCall: none).
enum class Call : std::uint8_t {
  kNoCall,
  kRecvfrom,
  kSelect,
  kPoll,
  kEpollCreate,
  kEpollCtl,
  kEpollWait,
  kSigaction,
  kFcntl,
  kAioRead,
  kAioReturn,
  kSigreturn,
};

struct Thread {
  ThreadState state = ThreadState::kRunning;
  Call call = Call::kNoCall;
  std::int32_t fd = kNone;          ///< the connection it reads (bio) or is reading now
  std::int64_t since = 0;           ///< when the current state began (µs)
  std::int64_t until = 0;           ///< when the current action ends; -1: until the kernel wakes it
  std::int32_t stage = 0;           ///< where the model's loop is (see threads.cpp)
  std::int32_t cursor = 0;          ///< index into `ready` (multiplex) or the fds (nio)
  std::int64_t copying = 0;         ///< bytes of the phase-2 copy in progress
  bool read_this_round = false;     ///< nio: a round that read nothing pauses before the next
  std::vector<std::int32_t> ready;  ///< fds the last select/poll/epoll_wait reported
  // User programs only (program.h): the instruction, loop counters, the signal or
  // completion handler in progress, and work left when the handler interrupted it.
  std::int32_t pc = 0;
  std::vector<std::int32_t> loops;
  std::int32_t hstage = 0;     ///< 0: no handler; else where the handler is
  std::int64_t work_end = -1;  ///< when the work op ends (-2: never), -1: not working
};

struct FdState {
  std::int64_t rcvbuf = 0;        ///< bytes waiting in the kernel's socket receive buffer
  std::int64_t arrived = 0;       ///< bytes that have arrived so far
  std::int64_t read = 0;          ///< bytes copied to user space so far (the read offset)
  std::int64_t expected = 0;      ///< bytes that will arrive in all (scheduled + sandbox)
  std::uint32_t next = 0;         ///< the next scheduled arrival
  bool on_ready_list = false;     ///< epoll: on the ready list (rdllist)
  bool aio_pending = false;       ///< async: a read request is queued in the kernel
  bool sig_queued = false;        ///< signal-driven: a SIGIO for this fd is queued
  std::int64_t kcopy_until = -1;  ///< async: the kernel's phase-2 copy ends then
  std::int64_t kcopy_bytes = 0;
  // User programs only: what the program has set on the fd.
  bool nonblock = false;       ///< fcntl O_NONBLOCK
  bool interest = false;       ///< on the epoll interest list
  bool edge = false;           ///< registered EPOLLET
  std::int32_t owner = kNone;  ///< O_ASYNC: the thread SIGIO goes to
  std::int32_t aio_owner = 0;  ///< the thread whose aio_read it is
};

struct Counters {
  std::int64_t syscalls = 0;
  std::int64_t setup = 0;           ///< of them, one-time set-up calls (fcntl, epoll_ctl, ...)
  std::int64_t eagain = 0;          ///< recvfrom calls that found nothing (wasted)
  std::int64_t kernel_scanned = 0;  ///< fds the kernel checked in select/poll/epoll_wait
  std::int64_t user_scanned = 0;    ///< fds the application checked after the call returned
  std::int64_t data_bytes = 0;      ///< payload copied kernel -> user (phase 2)
  std::int64_t meta_bytes = 0;      ///< fd_set / pollfd / epoll_event bytes copied either way
  std::int64_t signals = 0;
  std::int64_t polling_us = 0;      ///< CPU time in EAGAIN calls and fd scans
  std::int64_t first_byte_us = -1;  ///< first payload byte in user space, after the first arrival
  std::int64_t done_us = -1;        ///< when the last byte was read
  std::int64_t threads = 0;
};

enum class LaneError : std::uint8_t { kOk, kFdSetSize };

struct World {
  std::vector<FdState> fds;  ///< the named connections (idle ones have no state)
  std::vector<Thread> threads;
  std::vector<std::int32_t> rdllist;  ///< epoll's ready list, in the order fds were added
  std::vector<std::int32_t> sigq;     ///< signal-driven: queued SIGIOs (one per fd)
  std::vector<std::int32_t> cq;       ///< async: completed reads not yet reaped
  Counters c;
  LaneError error = LaneError::kOk;
  bool finished = false;
  bool stalled = false;  ///< finished with bytes left unread (a missed edge-triggered wake-up)
  std::int64_t first_arrival = -1;  ///< when the first packet arrived (µs)
};

struct State {
  std::int64_t now = 0;
  std::size_t op = 0;         ///< the script op being run
  std::vector<World> worlds;  ///< one per lane
};

}  // namespace gs::io
