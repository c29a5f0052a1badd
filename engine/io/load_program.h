// Loading the user-written thread programs of an io scenario ("threads": [{"program": [...]}]):
// each op checked against the model, the fds and what came before it in the program.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/core/checker.h"
#include "engine/io/program.h"

namespace gs::io {

/// Reads root["threads"] (if any) into p.threads and names p.lanes[0] after the programs'
/// readiness calls. `ids` maps fd ids to indices into p.fds.
void ReadThreads(Checker& c, const Json& root, const Json& cfg,
                 const std::map<std::string, std::int32_t>& ids, Program& p);

/// The program op names, for docs and the editor.
const std::vector<std::string>& ProgramOpNames();

}  // namespace gs::io
