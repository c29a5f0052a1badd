// Text and JSON-lines traces of a timeline: the engine's golden output.
#pragma once

#include <ostream>

#include "engine/core/run.h"

namespace gs {

/// One line per step: "step N: event; event | narration".
void WriteTextTrace(const Run& run, Lang lang, std::ostream& out);
/// One JSON object per line: {"step", "func", "events", "say", "state", "hash"}.
void WriteJsonTrace(const Run& run, Lang lang, std::ostream& out);

}  // namespace gs
