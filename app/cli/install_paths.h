// Where an installed Gopherscope finds its data: next to its own binary, so a prefix can be
// moved (bin/gopherscope finds ../share/gopherscope/scenarios), else the source tree's
// scenarios the build was configured with.
#pragma once

#include <string>

namespace gs::cli {

/// The built-in scenarios folder: <exe dir>/../share/gopherscope/scenarios when it exists,
/// else `built_in` (the source tree, for a program run from its build folder).
std::string ScenarioDir(const std::string& built_in);

}  // namespace gs::cli
