// The GODEBUG=gctrace=1 line of a finished cycle, in the layout gcMarkTermination prints.
#pragma once

#include <cstdint>
#include <string>

#include "engine/pacer/program.h"
#include "engine/pacer/state.h"

namespace gs::pacer {

/// fmtNSAsMS: whole milliseconds from 10 ms up, else two significant digits (at most three
/// decimals); e.g. 2400000 → "2.4", 15000 → "0.015".
std::string FmtNsAsMs(std::uint64_t ns);

/// "gc 4 @0.002s 17%: 0.010+3.0+0.005 ms clock, 0.010+0/0.75/0+0.005 ms cpu, 13->15->10 MB,
/// 16 MB goal, 0 MB stacks, 0 MB globals, 1 P"; sizes are bytes >> 20, as the runtime prints.
std::string GctraceLine(const CycleRecord& r, const Config& c);

}  // namespace gs::pacer
