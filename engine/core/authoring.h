// Authoring helpers shared by the editor, record-by-demonstration and `gopherscope new`:
// branching a script at a step and writing scenarios as readable, stable text.
#pragma once

#include <string>

#include "engine/core/json_source.h"
#include "engine/core/run.h"

namespace gs {

/// The scenario with its script cut after op `keep_through` (inclusive; -1 keeps none) and
/// `op` appended: acting at a step replaces everything after it. `op` may be one op, an
/// array of ops (appended in order, one action), or null (nothing appended).
Json BranchScenario(const Json& scenario, int keep_through, const Json& op);

/// Where an action taken while step `step` is shown goes: after the op that step belongs to
/// (an op already under way finishes first). Returns the op index to keep through.
int BranchPoint(const Run& run, std::size_t step);

/// Acting while step `step` is shown: when the topic can stop the op under way right after
/// `step` (Run::CutOpAt), that op is replaced by its cut and `op` follows, so the timeline up
/// to `step` is unchanged; otherwise the op finishes first (BranchPoint). `op` as above.
Json BranchScenarioAt(const Json& scenario, const Run& run, std::size_t step, const Json& op);

/// Two-space indentation; envelope keys in the documented order ("$schema", "format",
/// "kind", "id", "title", ... "script", "quiz"), "op" first in ops, other keys alphabetical;
/// short arrays of scalars on one line. The same JSON always gives the same text.
std::string FormatScenario(const Json& scenario);

}  // namespace gs
