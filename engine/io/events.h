// What happened in one step of the io topic (one simulated instant, all lanes).
#pragma once

#include <cstdint>

#include "engine/io/state.h"

namespace gs::io {

enum class EventKind : std::uint8_t {
  kArrive,       ///< a packet of n bytes reaches fd's receive buffer (now n2); flag: sandbox
  kSetup,        ///< thread makes n calls of `call` once (epoll_ctl ×n, fcntl ×n, ...)
  kCallBlocks,   ///< thread sleeps in `call`: phase 1, nothing to read yet
  kWake,         ///< the kernel wakes thread in `call` because fd got data
  kCopyStart,    ///< recvfrom on fd copies n bytes to user space: phase 2 begins
  kReadDone,     ///< recvfrom returns n bytes of fd, bytes [n2, n2+n) of the stream
  kEagain,       ///< recvfrom on fd finds nothing: EAGAIN (n calls, for idle fds)
  kScan,         ///< the kernel checks n fds in `call` (n2 bytes copied in)
  kReturnReady,  ///< `call` returns n ready fds (n2 bytes copied out)
  kUserScan,     ///< the application checks n fds of the result
  kReadyAdd,     ///< epoll's callback puts fd on the ready list
  kReadyDrop,    ///< epoll_wait takes fd off the ready list (flag: kept, level-triggered)
  kFdSetSize,    ///< select cannot take fd n: it is >= FD_SETSIZE
  kSignal,       ///< SIGIO for fd interrupts thread: the handler runs
  kSigreturn,    ///< the handler returns
  kAioSubmit,    ///< aio_read on fd queued in the kernel
  kKernelCopy,   ///< async: the kernel copies n bytes of fd to the user buffer (phase 2)
  kAioComplete,  ///< async: the read of fd finished (n bytes at offset n2): completion queued
  kAioReturn,    ///< thread reaps fd's completion (aio_return)
  kPause,        ///< nio: thread pauses n µs before the next round
  kWork,         ///< thread goes on with other work until the kernel tells it something
  kThreadDone,   ///< thread has read everything it reads
  kLaneDone,     ///< every byte has been read (n = µs after the first arrival)
  kStalled,      ///< nothing more will happen but n bytes of fd were never read
};

struct Event {
  EventKind kind = EventKind::kArrive;
  bool flag = false;
  Call call = Call::kNoCall;
  std::uint8_t lane = 0;
  std::int32_t thread = kNone;
  std::int32_t fd = kNone;
  std::int64_t n = 0;
  std::int64_t n2 = 0;
};

}  // namespace gs::io
