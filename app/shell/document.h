// Document: the open scenario file, its last good Run, and the errors of its latest version.
// A load that fails keeps the last good Run on screen; the author's file is only read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "engine/core/scenario.h"

namespace gs::app {

class Document {
 public:
  /// Loads `path`. On errors the previous Run stays (if it was the same file) and the
  /// diagnostics are kept for the errors panel. Returns true on success.
  bool Open(const std::string& path);
  /// Re-reads the current file (hot reload). Returns true when a new Run replaced the old.
  bool Reload();
  /// True when the file's content differs from what was last loaded or noted (compared by
  /// a hash of its bytes, so a same-second, same-size rewrite counts).
  bool ChangedOnDisk() const;
  /// Sets a config override (e.g. "barrier" → "none") and re-runs; "" value removes it.
  bool SetConfigOverride(const std::string& key, const std::string& value);
  std::string ConfigOverride(const std::string& key) const;
  /// Loads `text` as the contents of `path` without reading the disk (the editor's Apply).
  /// Like Open: on errors the last good Run stays and the errors are kept. A different
  /// `path` becomes the document's file only when its text loads.
  bool ApplyText(const std::string& path, const std::string& text);
  /// Takes the file's current content as already seen (the app just wrote it), so
  /// hot reload does not read it back.
  void NoteDiskState();

  /// Hot reload in two halves, so the reading and loading can run off the UI thread:
  /// PrepareReload() copies what a reload needs, ReadVersion() (thread-safe, touches no
  /// Document) reads the file and loads it only when its bytes differ from the ones last
  /// seen, and Adopt() takes the result on the UI thread.
  struct ReloadJob {
    std::string path;
    LoadOptions options;
    std::uint64_t known_hash = 0;
  };
  struct DiskVersion {
    std::string path;
    bool readable = false;  ///< false mid-rename or deleted: not a change yet
    bool changed = false;   ///< the bytes differ from the ones last seen
    std::uint64_t hash = 0;
    std::string text;
    LoadResult loaded;  ///< set when changed
  };
  ReloadJob PrepareReload() const { return {m_path, m_options, m_hash}; }
  static DiskVersion ReadVersion(const ReloadJob& job);
  /// Takes a version read from disk (for the current file; any other is ignored). Returns
  /// true when its run replaced the old one; a broken version keeps the old run and lists
  /// its errors. Either way its bytes count as seen.
  bool Adopt(DiskVersion version);
  /// Counts `version`'s bytes as seen without taking its run (the editor holds unsaved
  /// text over this file).
  void NoteSeen(const DiskVersion& version) {
    m_hash = version.hash;
    ++m_epoch;
  }
  /// True when `version` is of the current file and holds bytes other than those last seen.
  bool IsNewVersion(const DiskVersion& version) const {
    return version.path == m_path && version.readable && version.changed && version.hash != m_hash;
  }

  const std::shared_ptr<const Run>& GetRun() const { return m_run; }
  const Diagnostics& Errors() const { return m_diags; }
  const std::string& Path() const { return m_path; }
  /// Increases whenever a new Run replaces the old one.
  int Generation() const { return m_generation; }
  /// Increases whenever what a reload compares against changes (the bytes seen, the file,
  /// the overrides): a version read before that is stale.
  int Epoch() const { return m_epoch; }

 private:
  bool LoadCurrent();
  /// Loads `text` as the current file's contents with the current overrides.
  bool LoadText(const std::string& text);

  std::string m_path;
  std::shared_ptr<const Run> m_run;
  Diagnostics m_diags;
  LoadOptions m_options;
  static std::uint64_t ContentHash(const std::string& bytes);
  std::uint64_t m_hash = 0;  ///< of the bytes last loaded or noted
  int m_generation = 0;
  int m_epoch = 0;
  /// The editor's text behind the current Run, until the file is read from disk again.
  std::optional<std::string> m_applied_text;
};

}  // namespace gs::app
