// The tri-color invariants, evaluated on any state.
//   strong: no black object points to a white object;
//   weak:   every white object pointed to by a black object is grey-protected — reachable
//           from some grey object through a chain of white objects.
// Scanned roots count as black, roots still waiting for markroot as grey (proposal 17503
// treats stacks the same way), and pointers waiting in the write-barrier buffer as grey.
#pragma once

#include <vector>

#include "engine/gc/program.h"
#include "engine/gc/state.h"

namespace gs::gc {

struct InvariantReport {
  std::vector<EdgeRef> strong;  ///< black → white edges
  std::vector<EdgeRef> weak;    ///< the subset whose target no grey object protects
};

InvariantReport CheckInvariants(const State& s);

/// A path [root, obj, obj, ..., target] through allocated objects (live, or freed but still
/// pointed to), or empty if target is unreachable.
std::vector<std::int32_t> PathFromRoots(const State& s, std::int32_t target);

}  // namespace gs::gc
