// Loading a "maps" (classic Go map) scenario: the map payload, config and script.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/core/run.h"

namespace gs::maps {

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker);

/// Config keys, op names and key types, for docs and the app.
const std::vector<std::string>& ConfigKeys();
const std::vector<std::string>& OpNames();
/// The scenario `gopherscope new maps FILE` writes (@SCHEMA@ and @ID@ placeholders).
const char* StarterScenario();

}  // namespace gs::maps
