// Limits that stop a hostile or mistaken scenario from exhausting memory or time.
// Each one is named in the error that reports it.
#pragma once

#include <cstddef>

namespace gs::limits {

inline constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;  ///< scenario file size
inline constexpr std::size_t kMaxJsonDepth = 64;               ///< nesting of arrays/objects
inline constexpr std::size_t kMaxStringBytes = 4096;           ///< any one JSON string
inline constexpr std::size_t kMaxIdBytes = 64;                 ///< an object / root id
inline constexpr std::size_t kMaxObjects = 16384;              ///< heap objects, incl. allocs
inline constexpr std::size_t kMaxFieldsPerObject = 64;         ///< pointer fields of one object
inline constexpr std::size_t kMaxPointers = 65536;             ///< edges + root refs in total
inline constexpr std::size_t kMaxRoots = 256;                  ///< globals + goroutine stacks
inline constexpr std::size_t kMaxScriptOps = 20000;            ///< entries in "script"
inline constexpr std::size_t kMaxSteps = 2000000;              ///< steps in one timeline
inline constexpr std::size_t kMaxTags = 32;                    ///< entries in "tags"
inline constexpr std::size_t kMaxQuiz = 64;                    ///< entries in "quiz"
inline constexpr std::size_t kMaxQuizChoices = 8;              ///< choices of one quiz item

}  // namespace gs::limits
