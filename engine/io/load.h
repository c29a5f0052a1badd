// Loading an "io" scenario (the five IO models, select/poll/epoll): connections with their
// arrival schedules, the model or the models to compare, cost constants, the script.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/core/run.h"

namespace gs::io {

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker);

/// Config keys, script op names and lane names, for docs and the app.
const std::vector<std::string>& ConfigKeys();
const std::vector<std::string>& OpNames();
const std::vector<std::string>& LaneNames();
/// The scenario `gopherscope new io FILE` writes (@SCHEMA@ and @ID@ placeholders).
const char* StarterScenario();

}  // namespace gs::io
