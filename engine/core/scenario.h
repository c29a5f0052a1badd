// Scenario loading: the common envelope, the per-kind payload, and the finished Run.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/diagnostics.h"
#include "engine/core/json_source.h"
#include "engine/core/run.h"

namespace gs {

struct LoadOptions {
  /// --set overrides: ("config.barrier", "none"). The value is parsed as JSON when it is
  /// valid JSON (true, 3, "x"), else taken as a string.
  std::vector<std::pair<std::string, std::string>> sets;
};

struct LoadResult {
  std::shared_ptr<const Run> run;  ///< null when there were errors
  Diagnostics diags;
};

/// Reads and loads a scenario file. Never throws; every problem is a diagnostic.
LoadResult LoadScenarioFile(const std::string& path, const LoadOptions& options = {});
/// Loads scenario text; `file` names it in diagnostics.
LoadResult LoadScenarioText(const std::string& file, std::string text,
                            const LoadOptions& options = {});

/// The topic kinds this build knows ("gc", ...).
std::vector<std::string> KnownKinds();

}  // namespace gs
