// The scenario library: built by scanning scenarios/, never a hand-kept list.
#pragma once

#include <string>
#include <vector>

#include "engine/core/text.h"

namespace gs::app {

struct LibraryEntry {
  std::string path;
  std::string kind;
  std::string id;
  LocalizedText title;
};

/// Reads the envelope of every *.json under `dir` (skipping schema/), sorted by kind then
/// file name. Files that do not parse are still listed, titled by their file name.
std::vector<LibraryEntry> ScanLibrary(const std::string& dir);

}  // namespace gs::app
