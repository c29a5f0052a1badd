#include "app/shell/recovery.h"

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "app/shell/config_store.h"
#include "engine/core/file_read.h"
#include "engine/core/limits.h"

namespace gs::app {

std::string RecoveryPath() {
  namespace fs = std::filesystem;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) {
    return (fs::path(state) / "gopherscope" / "recovery.json").string();
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return (fs::path(home) / ".local" / "state" / "gopherscope" / "recovery.json").string();
  }
  return "";
}

bool WriteRecovery(const std::string& file, const Recovered& r) {
  if (file.empty()) return false;
  nlohmann::json j = {{"format", 1}, {"path", r.path}, {"text", r.text}};
  return WriteFileAtomic(file, j.dump() + "\n");
}

std::optional<Recovered> ReadRecovery(const std::string& file) {
  if (file.empty()) return std::nullopt;
  std::string text, error;
  // The text may be as large as a scenario, plus JSON escaping.
  if (!ReadRegularFile(file, 2 * limits::kMaxFileBytes + 4096, &text, &error)) return std::nullopt;
  return ParseRecovery(text);
}

std::optional<Recovered> ParseRecovery(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("path") || !j["path"].is_string() || !j.contains("text") ||
      !j["text"].is_string()) {
    return std::nullopt;  // a broken recovery file is no recovery
  }
  return Recovered{j["path"].get<std::string>(), j["text"].get<std::string>()};
}

void ClearRecovery(const std::string& file) {
  if (file.empty()) return;
  std::error_code ec;
  std::filesystem::remove(file, ec);
}

}  // namespace gs::app
