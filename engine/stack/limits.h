// Limits of the stack topic: they bound what the simulation materializes, not what Go allows.
// Each one is named in the error that reports it.
#pragma once

#include <cstdint>

namespace gs::stack::limits {

inline constexpr std::int64_t kMaxFuncs = 64;         ///< functions in "funcs"
inline constexpr std::int64_t kMaxVarsPerFunc = 64;   ///< params + locals of one function
inline constexpr std::int64_t kMaxGlobals = 32;       ///< entries in "globals"
inline constexpr std::int64_t kMaxTypes = 32;         ///< entries in "types"
inline constexpr std::int64_t kMaxSourceLines = 400;  ///< lines of "go_source"
inline constexpr std::int64_t kMaxArgs = 8;           ///< arguments of one call
inline constexpr std::int64_t kMaxCaptures = 8;       ///< variables one closure captures
inline constexpr std::int64_t kMaxDepth = 20000;      ///< frames live at once ("depth" calls)
/// One frame. A frame's words are kept once its function writes them, so this bounds the
/// memory one declaration can touch (a stack itself may grow to config.max_stack, 1 GB).
inline constexpr std::int64_t kMaxFrameBytes = 1 << 20;
/// Stack the frames may cover at once (hi down to the lowest SP): every word in it may be
/// written and kept (16 bytes each), so this bounds a state's memory, not the stack's size.
inline constexpr std::int64_t kMaxLiveStackBytes = 16 << 20;
inline constexpr std::int64_t kMaxHeapObjects = 4096;  ///< heap objects in one run
inline constexpr std::int64_t kMaxShownWords = 64;     ///< words kept per heap object
inline constexpr std::int64_t kMaxTypeBytes = std::int64_t(1) << 40;  ///< any one type's size

}  // namespace gs::stack::limits
