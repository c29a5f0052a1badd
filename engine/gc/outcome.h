// A one-line outcome of a whole tri-color run, for the compare view and the trace footer:
// "C freed while reachable (step 12)" / "C survives, shaded at step 7 by the deletion half".
#pragma once

#include <string>
#include <vector>

#include "engine/core/text.h"
#include "engine/gc/gc_run.h"

namespace gs::gc {

struct RunOutcome {
  bool lost_object = false;  ///< some object was freed while reachable
  std::size_t first_loss_step = 0;
  std::size_t first_weak_violation_step = 0;  ///< 0: none
  std::vector<std::int32_t> lost;             ///< objects freed while reachable
  std::vector<std::int32_t> freed;            ///< every object freed
  std::uint32_t stw_rescan_work = 0;  ///< objects scanned with the world stopped (max per cycle)
  LocalizedText line;
};

RunOutcome SummarizeOutcome(const GcRun& run);

}  // namespace gs::gc
