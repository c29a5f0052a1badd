// Narration and event lines of channel and select events (chan.go, select.go), and the text
// the runtime prints when a program dies (panic, deadlock).
#pragma once

#include <string>
#include <vector>

#include "engine/sched/sched_run.h"

namespace gs::sched {

/// What one event says, in both languages, and the runtime function it comes from.
struct Said {
  std::string en, zh;
  const char* func = nullptr;
};

/// True for the events this file narrates.
bool IsChanEvent(EventKind k);
/// Narration of a channel event; `after` is the state after the step (null: not known, the
/// text leaves out the buffer's indexes).
Said NarrateChan(const SchedRun& r, const Event& e, const State* after);
/// The short line of a channel event.
std::string ChanEventLine(const SchedRun& r, const Event& e, Lang lang);
/// A value as Go prints it: 3, "a", true, {}.
std::string FormatValue(const Program& pr, VType t, Value v);
/// What the runtime prints when the program dies in `s` (empty when it did not): the panic
/// or fatal error line, then a header per goroutine, e.g. "goroutine 1 [chan receive]:".
std::vector<std::string> CrashReport(const SchedRun& r, const State& s, bool deadlock);
/// When a G runs that a channel op readied after another G still waiting to run: the
/// sentence that says so (served order vs run order), else empty.
Said ServedOrderNote(const SchedRun& r, const State& before, std::int32_t g);

}  // namespace gs::sched
