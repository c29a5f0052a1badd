// EditorBuffer: the scenario text the author is editing in the app, with the text last
// read from or written to disk, so unsaved changes are known and never dropped silently.
// No ImGui in here: the editor panel draws it, App decides when to load and save it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gs::app {

class EditorBuffer {
 public:
  /// Replaces the text with `text` as read from `path` (not dirty afterwards).
  void Load(std::string path, std::string text);
  /// Reads `path` from disk; an unreadable file gives an empty text. Returns false then.
  bool LoadFromDisk(const std::string& path);
  /// Puts the last saved text back (Discard).
  void Revert();
  /// Call after the widget changed the text.
  void Edited() {
    m_dirty = m_text != m_saved;
    ++m_edits;
  }
  /// Call after the text was written to disk.
  void Saved() {
    m_saved = m_text;
    m_dirty = false;
  }
  /// Replaces the whole text as an edit (unsaved until saved); the text box restarts.
  void SetText(std::string text) {
    m_text = std::move(text);
    Edited();
    ++m_generation;
  }

  std::string& Text() { return m_text; }
  const std::string& Text() const { return m_text; }
  const std::string& SavedText() const { return m_saved; }
  const std::string& Path() const { return m_path; }
  bool Dirty() const { return m_dirty; }
  /// Increases whenever the text is replaced from outside the widget (load, revert): the
  /// panel gives the widget a new id then, so ImGui drops its copy of the old text.
  int Generation() const { return m_generation; }
  /// Increases on every change of the text, typed or loaded (the app checks glyphs then).
  int Edits() const { return m_edits + m_generation; }

  /// A cursor move the panel applies on its next frame (byte offset into Text()).
  std::optional<std::size_t> pending_cursor;
  /// Ask the panel to give the text box keyboard focus on its next frame.
  bool want_focus = false;

 private:
  std::string m_path;
  std::string m_text;
  std::string m_saved;
  bool m_dirty = false;
  int m_generation = 0;
  int m_edits = 0;
};

/// The byte offset of `line`:`col` in `text`, both 1-based, `col` counting UTF-8 code points
/// as the loader's diagnostics do. Positions past the end of a line stop at its end; past
/// the last line, at the end of the text; line or col 0 (unknown) count as 1.
std::size_t ByteOffsetOfLineCol(std::string_view text, int line, int col);

/// Writes `text` to `path` atomically, first keeping the file's previous contents as
/// `path~` (also atomically). Returns false and leaves `path` untouched on any failure.
bool SaveWithBackup(const std::string& path, const std::string& text, std::string* error = nullptr);

}  // namespace gs::app
