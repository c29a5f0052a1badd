// Lessons: a teacher's playlist of scenarios for one class, a JSON file ending in
// ".lesson.json":
//   {"format": 1, "title": {"en": "...", "zh": "..."}, "scenarios": ["gc/chain.json", ...]}
// Entries are paths relative to the lesson file, or else to the built-in scenario folder.
// Opening a lesson opens its first scenario; ] and [ (or a clicker's PageDown at the last step
// and PageUp at the first) move through it.
#pragma once

#include <string>
#include <vector>

#include "engine/core/text.h"

namespace gs::app {

struct Lesson {
  std::string file;
  LocalizedText title;
  std::vector<std::string> scenarios;  ///< resolved paths
};

/// True when `path` names a lesson (by its ".lesson.json" ending).
bool IsLessonPath(const std::string& path);

/// Reads a lesson; on failure returns false with what is wrong in `error` (file:line:col
/// where the JSON itself is broken, the JSON path otherwise).
bool LoadLesson(const std::string& path, const std::string& scenario_dir, Lesson* out,
                std::string* error);

}  // namespace gs::app
