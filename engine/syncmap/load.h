// Loading a "syncmap" scenario: the goroutines and the script of sync.Map calls.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/core/run.h"

namespace gs::syncmap {

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker);

const std::vector<std::string>& OpNames();
/// For error messages and docs.
inline constexpr const char* kSupportedSyncMapVersions =
    "1.9 to 1.23 (read/dirty/misses, rules read in Go 1.19's src/sync/map.go) and 1.24 to "
    "1.26 (internal/sync.HashTrieMap, rules read in src/internal/sync/hashtriemap.go)";
/// The scenario `gopherscope new syncmap FILE` writes (@SCHEMA@ and @ID@ placeholders).
const char* StarterScenario();

}  // namespace gs::syncmap
