#include "app/shell/document.h"

#include "engine/core/file_read.h"
#include "engine/core/limits.h"

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

std::uint64_t Document::ContentHash(const std::string& bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h ^ bytes.size();
}

Document::DiskVersion Document::ReadVersion(const ReloadJob& job) {
  DiskVersion v;
  v.path = job.path;
  std::string error;
  if (job.path.empty() || !ReadRegularFile(job.path, limits::kMaxFileBytes, &v.text, &error)) {
    return v;
  }
  v.readable = true;
  v.hash = ContentHash(v.text);
  v.changed = v.hash != job.known_hash;
  if (v.changed) v.loaded = LoadScenarioText(job.path, v.text, job.options);
  return v;
}

bool Document::Adopt(DiskVersion version) {
  if (!IsNewVersion(version)) return false;
  ++m_epoch;
  m_hash = version.hash;
  m_diags = std::move(version.loaded.diags);
  if (!version.loaded.run) return false;
  m_run = std::move(version.loaded.run);
  m_applied_text.reset();
  ++m_generation;
  return true;
}

bool Document::LoadCurrent() {
  ++m_epoch;
  // The bytes loaded are the bytes remembered: a change is any other content, whatever the
  // clock or the size say (a rewrite in the same second with the same length is one).
  std::string text, error;
  if (!ReadRegularFile(m_path, limits::kMaxFileBytes, &text, &error)) {
    m_diags = Diagnostics();
    m_diags.Add({Severity::kError, m_path, 0, 0, "", error});
    m_hash = 0;
    return false;
  }
  m_hash = ContentHash(text);
  LoadResult r = LoadScenarioText(m_path, std::move(text), m_options);
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
  std::string text, error;
  // A file that cannot be read right now (mid-rename, deleted) is not a change yet.
  if (!ReadRegularFile(m_path, limits::kMaxFileBytes, &text, &error)) return false;
  return ContentHash(text) != m_hash;
}

bool Document::SetConfigOverride(const std::string& key, const std::string& value) {
  ++m_epoch;  // a reload under way was read with the old overrides
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
    ++m_epoch;
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
  ++m_epoch;
  std::string text, error;
  m_hash = ReadRegularFile(m_path, limits::kMaxFileBytes, &text, &error) ? ContentHash(text) : 0;
}

std::string Document::ConfigOverride(const std::string& key) const {
  for (const auto& [k, v] : m_options.sets) {
    if (k == "config." + key) return v;
  }
  return "";
}

}  // namespace gs::app
