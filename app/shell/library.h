// The scenario library: built by scanning scenarios/, never a hand-kept list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/core/text.h"

namespace gs::app {

struct LibraryEntry {
  std::string path;
  std::string kind;
  std::string id;
  LocalizedText title;
  std::vector<std::string> tags;
  /// The library group: "" groups by topic (kind); "recent" and "mine" (the user's own
  /// scenarios folder) are groups of their own.
  std::string group;
};

/// The library search: every word of `query` (case-insensitive, ASCII) occurs in the title
/// (either language), a tag, the id, the file name or the topic. An empty query matches all.
bool LibraryMatches(const LibraryEntry& e, std::string_view query);

/// The text boxes of the library panel (kept by App between frames).
struct LibraryInput {
  char search[128] = {};
  char open[1024] = {};
};

/// Reads the envelope of every *.json under `dir` (skipping schema/), sorted by kind then
/// file name. Files that do not parse are still listed, titled by their file name.
std::vector<LibraryEntry> ScanLibrary(const std::string& dir);

}  // namespace gs::app
