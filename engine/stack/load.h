// Loading a "stack" scenario: go_source, types, globals, funcs and the script.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/core/run.h"

namespace gs::stack {

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker);

const std::vector<std::string>& ConfigKeys();
const std::vector<std::string>& OpNames();
/// A small valid scenario with @SCHEMA@ and @ID@ placeholders (gopherscope new stack FILE).
const char* StarterScenario();

}  // namespace gs::stack
