#include "app/shell/lesson.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/core/diagnostics.h"
#include "engine/core/json_source.h"
#include "engine/core/limits.h"

namespace gs::app {
namespace {

constexpr std::size_t kMaxLessonScenarios = 200;

std::string At(const JsonSource& src, const std::string& pointer) {
  SourceLocation loc = src.Locate(pointer);
  std::string s = src.File();
  s += ":";
  s += std::to_string(loc.line);
  s += ":";
  s += std::to_string(loc.col);
  s += ": ";
  s += pointer.empty() ? std::string("/") : pointer;
  s += ": ";
  return s;
}

}  // namespace

bool IsLessonPath(const std::string& path) {
  const std::string tail = ".lesson.json";
  return path.size() > tail.size() &&
         path.compare(path.size() - tail.size(), tail.size(), tail) == 0;
}

bool LoadLesson(const std::string& path, const std::string& scenario_dir, Lesson* out,
                std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    *error = path + ": not a readable file";
    return false;
  }
  if (fs::file_size(path, ec) > limits::kMaxFileBytes) {
    *error = path + ": file is over the limit kMaxFileBytes";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Diagnostics diags;
  JsonSource src = JsonSource::Parse(path, ss.str(), diags);
  if (!src.Ok()) {
    *error = diags.FormatAll();
    return false;
  }
  const Json& root = src.Root();
  if (!root.is_object() || !root.contains("scenarios") || !root["scenarios"].is_array()) {
    *error = At(src, "") + "a lesson needs \"scenarios\": a list of scenario files";
    return false;
  }
  Lesson l;
  l.file = path;
  if (root.contains("title") && root["title"].is_object()) {
    const Json& t = root["title"];
    if (t.contains("en") && t["en"].is_string()) l.title.en = t["en"].get<std::string>();
    if (t.contains("zh") && t["zh"].is_string()) l.title.zh = t["zh"].get<std::string>();
  }
  const Json& list = root["scenarios"];
  if (list.empty() || list.size() > kMaxLessonScenarios) {
    *error = At(src, "/scenarios") + "a lesson has 1 to " + std::to_string(kMaxLessonScenarios) +
             " scenarios";
    return false;
  }
  const fs::path here = fs::path(path).parent_path();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string ptr = "/scenarios/" + std::to_string(i);
    std::size_t from = 0, to = SIZE_MAX;
    const Json* entry = &list[i];
    if (entry->is_object()) {
      for (const auto& [k, v] : entry->items()) {
        if (k != "file" && k != "from" && k != "to") {
          *error = At(src, ptr + "/" + k) + "unknown key \"" + k +
                   "\" (a lesson entry has file, from, to)";
          return false;
        }
        if (k != "file" &&
            (!v.is_number_unsigned() || v.get<std::uint64_t>() > limits::kMaxSteps)) {
          *error = At(src, ptr + "/" + k) + "expected a step number";
          return false;
        }
      }
      if (entry->contains("from")) from = (*entry)["from"].get<std::size_t>();
      if (entry->contains("to")) to = (*entry)["to"].get<std::size_t>();
      if (from > to) {
        *error = At(src, ptr) + "\"from\" is after \"to\"";
        return false;
      }
      if (!entry->contains("file")) {
        *error = At(src, ptr) + "a lesson entry needs \"file\"";
        return false;
      }
      entry = &(*entry)["file"];
    }
    if (!entry->is_string()) {
      *error = At(src, ptr) + "expected a scenario file name (string) or {file, from, to}";
      return false;
    }
    const std::string name = entry->get<std::string>();
    fs::path p = here / name;
    if (!fs::is_regular_file(p, ec)) p = fs::path(scenario_dir) / name;
    if (!fs::is_regular_file(p, ec)) {
      *error = At(src, ptr) + "no scenario \"" + name +
               "\" next to the lesson or among the "
               "built-in scenarios";
      return false;
    }
    l.scenarios.push_back(p.string());
    l.from.push_back(from);
    l.to.push_back(to);
  }
  *out = std::move(l);
  return true;
}

}  // namespace gs::app
