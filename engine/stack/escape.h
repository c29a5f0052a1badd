// Escape analysis over a loaded stack program, modelled on cmd/compile/internal/escape
// (Go 1.19): a flow graph of locations per batch of functions (callees first, as
// ir.VisitFuncsBottomUp orders them), walkAll/walkOne from every root, param tags for calls
// across batches. Then the frame layout each function gets.
#pragma once

#include "engine/stack/program.h"

namespace gs::stack {

/// Decides Site::escapes / Var::escapes with reasons and -m messages, and the ParamTags.
void AnalyzeEscapes(Program& p);
/// Frame layouts (after AnalyzeEscapes): offsets, frame sizes, NOSPLIT leaves, labels.
void LayoutFrames(Program& p);

}  // namespace gs::stack
