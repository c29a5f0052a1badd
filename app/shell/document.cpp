#include "app/shell/document.h"

namespace gs::app {

bool Document::Open(const std::string& path) {
  if (path != m_path) {
    // A different file starts without the previous file's overrides.
    LoadOptions saved = m_options;
    std::string saved_path = m_path;
    m_options = {};
    m_path = path;
    if (LoadCurrent()) return true;
    // Keep showing the old file's run; its path and overrides stay for reloads.
    if (m_run) {
      m_path = saved_path;
      m_options = saved;
    }
    return false;
  }
  return LoadCurrent();
}

bool Document::Reload() {
  return !m_path.empty() && LoadCurrent();
}

bool Document::LoadCurrent() {
  std::error_code ec;
  m_mtime = std::filesystem::last_write_time(m_path, ec);
  m_size = std::filesystem::file_size(m_path, ec);
  LoadResult r = LoadScenarioFile(m_path, m_options);
  m_diags = std::move(r.diags);
  if (!r.run) return false;
  m_run = std::move(r.run);
  m_applied_text.reset();
  ++m_generation;
  return true;
}

bool Document::LoadText(const std::string& text) {
  LoadResult r = LoadScenarioText(m_path, text, m_options);
  m_diags = std::move(r.diags);
  if (!r.run) return false;
  m_run = std::move(r.run);
  ++m_generation;
  return true;
}

bool Document::ChangedOnDisk() const {
  if (m_path.empty()) return false;
  std::error_code ec;
  auto t = std::filesystem::last_write_time(m_path, ec);
  if (ec) return false;
  auto size = std::filesystem::file_size(m_path, ec);
  return t != m_mtime || size != m_size;
}

bool Document::SetConfigOverride(const std::string& key, const std::string& value) {
  std::string full = "config." + key;
  auto& sets = m_options.sets;
  sets.erase(std::remove_if(sets.begin(), sets.end(), [&](auto& kv) { return kv.first == full; }),
             sets.end());
  if (!value.empty()) sets.emplace_back(full, value);
  // Text applied from the editor and not yet saved is what the author is looking at.
  if (m_applied_text) return LoadText(*m_applied_text);
  return LoadCurrent();
}

bool Document::ApplyText(const std::string& path, const std::string& text) {
  LoadOptions options = path == m_path ? m_options : LoadOptions{};
  LoadResult r = LoadScenarioText(path, text, options);
  m_diags = std::move(r.diags);
  if (!r.run) return false;
  if (path != m_path) {
    m_path = path;
    m_options = std::move(options);
    NoteDiskState();
  }
  m_run = std::move(r.run);
  m_applied_text = text;
  ++m_generation;
  return true;
}

void Document::NoteDiskState() {
  std::error_code ec;
  m_mtime = std::filesystem::last_write_time(m_path, ec);
  m_size = std::filesystem::file_size(m_path, ec);
}

std::string Document::ConfigOverride(const std::string& key) const {
  for (const auto& [k, v] : m_options.sets) {
    if (k == "config." + key) return v;
  }
  return "";
}

}  // namespace gs::app
