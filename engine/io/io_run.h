// IoRun: a loaded io scenario with its timeline, plus the tables its view reads: the time of
// every step and each thread's states as segments of simulated time (the swimlanes).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/core/topic_run.h"
#include "engine/io/model.h"

namespace gs::io {

/// One stretch of a thread's swimlane: [from_us, to_us) in one state (to_us = -1: still on).
struct Segment {
  std::int64_t from_us = 0;
  std::int64_t to_us = -1;
  std::size_t step = 0;  ///< the step it began at
  ThreadState state = ThreadState::kRunning;
  Call call = Call::kNoCall;
  std::int32_t fd = kNone;
};

/// A packet's arrival, for the time axis (the same for every lane).
struct ArrivalMark {
  std::int64_t at_us = 0;
  std::size_t step = 0;
  std::int32_t fd = kNone;
  std::int64_t bytes = 0;
};

class IoRun final : public TopicRun<IoModel, Program, SizedKeyframes<IoModel>> {
 public:
  using TopicRun::TopicRun;

  /// Builds the timeline, then the step times, swimlane segments and arrival marks.
  StepResult Build();

  std::vector<std::string> EventLines(std::size_t step, Lang lang) const override;
  Narration Narrate(std::size_t step) const override;
  Json EventsJson(std::size_t step) const override;
  Json StateSummary(std::size_t step) const override;
  bool Notable(std::size_t step) const override;
  /// A run or until op stops after `step` as {"op": "until", "us": the step's time}: one step
  /// is one instant, so nothing after it happens by then.
  Json CutOpAt(const Json& op, std::size_t step) const override;

  std::int64_t TimeAt(std::size_t step) const { return m_times[step]; }
  std::int64_t EndTime() const { return m_times.empty() ? 0 : m_times.back(); }
  /// Segments of thread `t` of lane `lane`, in time order.
  const std::vector<Segment>& Segments(std::size_t lane, std::size_t t) const {
    return m_segments[lane][t];
  }
  const std::vector<ArrivalMark>& Arrivals() const { return m_arrivals; }
  /// Asynchronous IO: the kernel's own phase-2 copies in lane `lane` (state kCopying).
  const std::vector<Segment>& KernelCopies(std::size_t lane) const { return m_kcopies[lane]; }
  /// "a (fd 3)" style name of a named fd.
  const std::string& FdName(std::int32_t fd) const { return m_program->fds[std::size_t(fd)].id; }

 private:
  std::vector<std::int64_t> m_times;
  std::vector<std::vector<std::vector<Segment>>> m_segments;  // [lane][thread]
  std::vector<ArrivalMark> m_arrivals;
  std::vector<std::vector<Segment>> m_kcopies;  // [lane]
};

/// One terse line per event in `lang` (en is also the machine form of --json).
std::string EventLine(const Program& p, const Event& e, Lang lang);
/// What the step's events did and why, naming the syscall or kernel function.
Narration NarrateEvents(const Program& p, std::span<const Event> events);
/// The call's name as in the man pages ("epoll_wait").
const char* CallName(Call c);
/// The lane's own English and Chinese title, e.g. "epoll (edge-triggered)".
std::string LaneTitle(const Lane& l, Lang lang);

}  // namespace gs::io
