// Loading a "gc" (tri-color marking) scenario: the heap payload, config and script.
#pragma once

#include <memory>

#include "engine/core/checker.h"
#include "engine/core/run.h"

namespace gs::gc {

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker);

/// The config keys and barrier names, for docs, the schema test and the app's selector.
const std::vector<std::string>& ConfigKeys();
const std::vector<std::string>& BarrierNames();
const std::vector<std::string>& OpNames();
/// A small valid scenario with @SCHEMA@ and @ID@ placeholders (for `gopherscope new`).
const char* StarterScenario();

}  // namespace gs::gc
