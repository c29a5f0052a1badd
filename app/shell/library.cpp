#include "app/shell/library.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace gs::app {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

bool LibraryMatches(const LibraryEntry& e, std::string_view query) {
  // Appended piece by piece: `"\n" + std::string` trips a false -Wrestrict in GCC 12.
  std::string hay;
  for (const std::string& part : {Lower(e.title.en), e.title.zh, Lower(e.id), Lower(e.kind),
                                  Lower(std::filesystem::path(e.path).stem().string())}) {
    hay.append(part).push_back('\n');
  }
  for (const std::string& t : e.tags) hay.append(Lower(t)).push_back('\n');
  const std::string q = Lower(query);
  std::size_t at = 0;
  while (at < q.size()) {
    const std::size_t end = std::min(q.find(' ', at), q.size());
    if (end > at && hay.find(q.substr(at, end - at)) == std::string::npos) return false;
    at = end + 1;
  }
  return true;
}

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
      if (j.contains("tags") && j["tags"].is_array()) {
        for (const auto& tag : j["tags"]) {
          if (tag.is_string() && e.tags.size() < 32) e.tags.push_back(tag.get<std::string>());
        }
      }
    }
    // A scenario in the io folder that runs on the scheduler (Go's netpoller) is listed
    // with the IO models it belongs to.
    const std::string folder = p.parent_path().filename().string();
    if (folder == "io" && e.kind != "io") e.group = folder;
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
    const std::string& ga = a.group.empty() ? a.kind : a.group;
    const std::string& gb = b.group.empty() ? b.kind : b.group;
    return ga != gb ? ga < gb : a.path < b.path;
  });
  return out;
}

}  // namespace gs::app
