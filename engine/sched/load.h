// Loading a "sched" (GMP scheduler) scenario: config, funcs, chans, initial state, script.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/core/run.h"

namespace gs::sched {

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker);

const std::vector<std::string>& ConfigKeys();
const std::vector<std::string>& GoOpNames();
const std::vector<std::string>& ScriptOpNames();
/// A small valid scenario with @SCHEMA@ and @ID@ placeholders (gopherscope new).
const char* StarterScenario();
/// The same for kind "chan".
const char* ChanStarterScenario();

}  // namespace gs::sched
