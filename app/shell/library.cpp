#include "app/shell/library.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace gs::app {

std::vector<LibraryEntry> ScanLibrary(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<LibraryEntry> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    if (p.extension() != ".json" || p.parent_path().filename() == "schema") continue;
    LibraryEntry e;
    e.path = p.string();
    e.kind = p.parent_path().filename().string();
    e.title.en = p.stem().string();
    std::ifstream in(p);
    std::stringstream buf;
    buf << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(buf.str(), nullptr, false);
    if (j.is_object()) {
      if (j.contains("kind") && j["kind"].is_string()) e.kind = j["kind"].get<std::string>();
      if (j.contains("id") && j["id"].is_string()) e.id = j["id"].get<std::string>();
      if (j.contains("title") && j["title"].is_object()) {
        const auto& t = j["title"];
        if (t.contains("en") && t["en"].is_string()) e.title.en = t["en"].get<std::string>();
        if (t.contains("zh") && t["zh"].is_string()) e.title.zh = t["zh"].get<std::string>();
      }
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
    return a.kind != b.kind ? a.kind < b.kind : a.path < b.path;
  });
  return out;
}

}  // namespace gs::app
