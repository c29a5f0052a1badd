// The loaded io scenario: connections (fds) with arrival schedules, the IO model(s) to run
// on them, cost constants, and the script. Read-only once loaded; shared by every state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gs::io {

/// The five IO models of the study sheet (section 5).
enum class ModelKind : std::uint8_t { kBio, kNio, kMultiplex, kSignal, kAsync };
/// The readiness call a multiplexing thread blocks in.
enum class Poller : std::uint8_t { kSelect, kPoll, kEpoll };
/// epoll(7): level-triggered reports an fd while it is readable, edge-triggered only when
/// new data arrives.
enum class Trigger : std::uint8_t { kLevel, kEdge };

/// One model run on the scenario's arrivals (a lane of the compare view).
struct Lane {
  ModelKind model = ModelKind::kBio;
  Poller poller = Poller::kEpoll;
  Trigger trigger = Trigger::kLevel;
  std::string name;  ///< "bio", "nio", "select", "poll", "epoll", "epoll_et", "signal", "async"
};

struct Arrival {
  std::int64_t at_us = 0;
  std::int64_t bytes = 0;
};

struct FdDecl {
  std::string id;                 ///< the connection's name ("a", "idle17")
  std::int64_t number = 0;        ///< the fd number (3, 4, ...)
  std::vector<Arrival> arrivals;  ///< sorted by time
  std::int64_t total = 0;         ///< bytes that arrive in all
};

struct Config {
  std::int64_t syscall_us = 1;         ///< entering and leaving the kernel
  std::int64_t copy_us_per_kb = 1;     ///< phase 2: copying 1 KiB kernel -> user (rounded up)
  std::int64_t scan_fds_per_us = 100;  ///< select/poll: fds the kernel checks per µs
  std::int64_t read_bytes = 4096;      ///< the user buffer one recvfrom fills at most
  std::int64_t retry_us = 20;          ///< NIO: pause between two rounds of EAGAIN
  std::int64_t work_us = 0;            ///< user work after each message read
  std::int64_t maxevents = 64;         ///< epoll_wait's maxevents
  /// After readiness, read until EAGAIN (1) or once (0); -1: as epoll(7) advises, only
  /// edge-triggered lanes read until EAGAIN.
  std::int8_t read_until_eagain = -1;
};

enum class OpCode : std::uint8_t {
  kRun,     ///< run until every lane is finished
  kUntil,   ///< run until simulated time `us`
  kArrive,  ///< a packet of `bytes` arrives on `fd` now (sandbox)
};

struct Op {
  OpCode code = OpCode::kRun;
  std::int64_t us = 0;
  std::int32_t fd = -1;
  std::int64_t bytes = 0;
};

/// One instruction of a user-written thread program (the scenario's "threads"). Loops are
/// flattened at load time: kLoopTop tests the loop's counter and jumps past kLoopEnd when it
/// is over; kLoopEnd jumps back to kLoopTop.
enum class PCode : std::uint8_t {
  kRecvfrom,     ///< recvfrom(2) on one fd, on "ready" (the last readiness result) or "all"
  kSetNonblock,  ///< fcntl(2) F_SETFL O_NONBLOCK, one call per fd
  kSelect,       ///< select(2) on a set of fds
  kPoll,         ///< poll(2) on an array of fds
  kEpollCreate,  ///< epoll_create1(2)
  kEpollCtl,     ///< epoll_ctl(2) EPOLL_CTL_ADD, one call per fd
  kEpollWait,    ///< epoll_wait(2)
  kSigaction,    ///< sigaction(2) + fcntl F_SETOWN, F_SETSIG, F_SETFL O_ASYNC|O_NONBLOCK per fd
  kAioRead,      ///< aio_read(3), one request per fd
  kWork,         ///< user work for `us` µs (-1: for ever, until the kernel interrupts it)
  kPause,        ///< usleep(us) when nothing was read since the last pause (nio back-off)
  kLoopTop,
  kLoopEnd,
};

/// kLoopTop's `times`: a count, or one of these.
inline constexpr std::int64_t kForever = -1;
inline constexpr std::int64_t kUntilAllRead = -2;

struct PInstr {
  PCode code = PCode::kWork;
  bool all = false;               ///< the op names every connection ("fd": "all")
  bool ready = false;             ///< recvfrom on the fds the last readiness call returned
  bool until_eagain = false;      ///< recvfrom: read each fd again until EAGAIN
  bool edge = false;              ///< epoll_ctl: EPOLLIN|EPOLLET
  std::vector<std::int32_t> fds;  ///< named fds (indices into Program::fds) the op names
  std::int64_t nfds = 0;          ///< how many fds the op passes (idle ones included)
  std::int64_t maxfd = 0;         ///< select: the highest fd number in the set
  std::int64_t us = 0;            ///< work / pause length
  std::int64_t times = 0;         ///< kLoopTop: count, kForever or kUntilAllRead
  std::int32_t jump = 0;          ///< kLoopTop: index after kLoopEnd; kLoopEnd: its kLoopTop
  std::int32_t slot = 0;          ///< kLoopTop/kLoopEnd: the thread's loop counter
};

/// A thread's program: its flattened instructions and how many loop counters it needs.
struct ThreadProgram {
  std::vector<PInstr> code;
  std::int32_t loops = 0;
};

struct Program {
  Config config;
  std::vector<Lane> lanes;  ///< one, or 2..kMaxLanes in compare mode
  std::vector<FdDecl> fds;  ///< named connections first, then the idle ones
  std::size_t named_fds = 0;
  std::vector<Op> ops;
  /// User-written thread programs; empty: the model's canonical loop runs instead.
  std::vector<ThreadProgram> threads;
  bool HasPrograms() const { return !threads.empty(); }
};

const char* ModelName(ModelKind m);
const char* PollerName(Poller p);

}  // namespace gs::io
