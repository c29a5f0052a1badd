// Loading a "pacer" scenario: config (GOGC, GOMEMLIMIT, the heap's fixed parts) and the
// mutator's allocation script.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/core/run.h"

namespace gs::pacer {

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker);

/// The config keys and op names, for docs and the schema test.
const std::vector<std::string>& ConfigKeys();
const std::vector<std::string>& OpNames();
/// A small valid scenario with @SCHEMA@ and @ID@ placeholders (for `gopherscope new`).
const char* StarterScenario();

}  // namespace gs::pacer
