// Narration and event lines of actor events (spawn, tell, ask, receive, reply, crash,
// restart): actors have no Go runtime counterpart, so the text names the actor model's idea
// (mailbox, let it crash, supervisor) rather than a runtime function.
#pragma once

#include <string>

#include "engine/sched/chan_narration.h"

namespace gs::sched {

/// True for the events this file narrates.
bool IsActorEvent(EventKind k);
/// Narration of an actor event; `before` / `after`: the states around the step (a crash names
/// the messages it lost from them; null: not known).
Said NarrateActor(const SchedRun& r, const Event& e, const State* before, const State* after);
/// The short line of an actor event.
std::string ActorEventLine(const SchedRun& r, const Event& e, Lang lang);
/// The messages lost in the step from `before` to `after` as "3, 4 and 5" ("3、4 和 5").
std::string LostList(const Program& pr, const State& before, const State& after, bool zh);

}  // namespace gs::sched
