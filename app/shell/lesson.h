// Lessons: a teacher's playlist of scenarios for one class, a JSON file ending in
// ".lesson.json":
//   {"format": 1, "title": {"en": "...", "zh": "..."},
//    "scenarios": ["gc/chain.json", {"file": "sched/steal.json", "from": 3, "to": 12}, ...]}
// Entries are paths relative to the lesson file, or else to the built-in scenario folder; an
// entry may give the steps to play (`from`, `to`): it opens at `from`, and a clicker moves on
// past `to`.
// Opening a lesson opens its first scenario; ] and [ (or a clicker's PageDown at the last step
// and PageUp at the first) move through it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/text.h"

namespace gs::app {

struct Lesson {
  std::string file;
  LocalizedText title;
  std::vector<std::string> scenarios;  ///< resolved paths
  std::vector<std::size_t> from;       ///< per entry: the step it opens at
  std::vector<std::size_t> to;         ///< per entry: the last step played (SIZE_MAX: the end)
};

/// True when `path` names a lesson (by its ".lesson.json" ending).
bool IsLessonPath(const std::string& path);

/// Reads a lesson; on failure returns false with what is wrong in `error` (file:line:col
/// where the JSON itself is broken, the JSON path otherwise).
bool LoadLesson(const std::string& path, const std::string& scenario_dir, Lesson* out,
                std::string* error);

}  // namespace gs::app
