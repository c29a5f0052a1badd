// LaneSim: one lane (one IO model) at one instant. The kernel side (arrivals, wake-ups,
// epoll's ready list, SIGIO, asynchronous copies) is in kernel.cpp; each model's thread loop
// is in its own file (bio_nio.cpp, multiplex.cpp, signal_async.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/io/events.h"
#include "engine/io/program.h"
#include "engine/io/state.h"

namespace gs::io {

class LaneSim {
 public:
  LaneSim(const Program& p, std::uint8_t lane, World& w, std::int64_t now, std::vector<Event>& out)
      : m_p(p), m_lane(p.lanes[lane]), m_index(lane), m_w(w), m_now(now), m_out(out) {}

  /// Everything due at `now`: scheduled arrivals, kernel copies, then the threads.
  void RunInstant();
  /// A packet arriving now outside the schedule (sandbox); the threads react in RunInstant.
  void ArriveNow(std::int32_t fd, std::int64_t bytes);

 private:
  // kernel.cpp
  void Arrive(std::int32_t fd, std::int64_t bytes, bool sandbox);
  void KernelCopyDone(std::int32_t fd);
  void StartKernelCopy(std::int32_t fd);
  void CheckFinished();
  // threads
  void Advance(std::int32_t t);
  void AdvanceBio(std::int32_t t, Thread& th);
  void AdvanceNio(std::int32_t t, Thread& th);
  void AdvanceMultiplex(std::int32_t t, Thread& th);
  void AdvanceSelectPoll(std::int32_t t, Thread& th);
  void AdvanceEpoll(std::int32_t t, Thread& th);
  void ReadReady(std::int32_t t, Thread& th);
  void AdvanceSignal(std::int32_t t, Thread& th);
  void AdvanceAsync(std::int32_t t, Thread& th);
  // user-written programs (user_program.cpp, user_ops.cpp)
  void AdvanceProgram(std::int32_t t, Thread& th);
  void ArriveProgram(std::int32_t fd);
  void NextOp(Thread& th);
  bool Watches(const Thread& th, std::int32_t t, std::int32_t fd) const;
  std::int32_t Notice(std::int32_t t) const;
  void StartHandler(std::int32_t t, Thread& th, std::int32_t notice);
  void Handler(std::int32_t t, Thread& th);
  void ProgLoop(Thread& th, const PInstr& in);
  void ProgRecvfrom(std::int32_t t, Thread& th, const PInstr& in);
  void ProgSelectPoll(std::int32_t t, Thread& th, const PInstr& in);
  void ProgEpollWait(std::int32_t t, Thread& th);
  void ProgSetup(std::int32_t t, Thread& th, const PInstr& in);
  void ProgWork(std::int32_t t, Thread& th, const PInstr& in);
  // shared by the models (threads.cpp)
  /// recvfrom on fd: starts a phase-2 copy (returns true) or returns EAGAIN now.
  bool Recvfrom(std::int32_t t, Thread& th, std::int32_t fd, bool count_syscall = true);
  void FinishRead(std::int32_t t, Thread& th, ThreadState after = ThreadState::kRunning);
  void Eagain(std::int32_t t, Thread& th, std::int32_t fd, std::int64_t calls);
  void Set(Thread& th, ThreadState st, Call call, std::int64_t until);
  void Block(std::int32_t t, Thread& th, Call call, bool new_call, std::int64_t watched = 0);
  std::int64_t CollectEpoll(Thread& th);
  void Done(std::int32_t t, Thread& th);
  void GoToWork(std::int32_t t, Thread& th);
  bool FdFinished(std::int32_t fd) const;
  bool AllFinished() const;
  std::int64_t CopyUs(std::int64_t bytes) const;
  std::int64_t ScanUs(std::int64_t fds) const;
  std::int64_t TotalFds() const { return std::int64_t(m_p.fds.size()); }
  std::int64_t NamedFds() const { return std::int64_t(m_p.named_fds); }
  void Emit(Event e) {
    e.lane = m_index;
    m_out.push_back(e);
  }

  const Program& m_p;
  const Lane& m_lane;
  std::uint8_t m_index;
  World& m_w;
  std::int64_t m_now;
  std::vector<Event>& m_out;
};

}  // namespace gs::io
