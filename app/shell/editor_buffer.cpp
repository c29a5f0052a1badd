#include "app/shell/editor_buffer.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

#include "app/shell/config_store.h"
#include "engine/core/file_read.h"
#include "engine/core/limits.h"

namespace gs::app {
namespace {

// Only a regular file within the scenario size limit: opening a FIFO or /dev/zero in the
// editor must not hang or fill memory.
bool ReadWholeFile(const std::string& path, std::string* out) {
  std::string error;
  return ReadRegularFile(path, limits::kMaxFileBytes, out, &error);
}

}  // namespace

void EditorBuffer::Load(std::string path, std::string text) {
  m_path = std::move(path);
  m_text = std::move(text);
  m_saved = m_text;
  m_dirty = false;
  pending_cursor.reset();
  ++m_generation;
}

bool EditorBuffer::LoadFromDisk(const std::string& path) {
  std::string text;
  const bool ok = ReadWholeFile(path, &text);
  Load(path, ok ? std::move(text) : std::string());
  return ok;
}

void EditorBuffer::Revert() {
  m_text = m_saved;
  m_dirty = false;
  pending_cursor.reset();
  ++m_generation;
}

std::size_t ByteOffsetOfLineCol(std::string_view text, int line, int col) {
  std::size_t i = 0;
  // Skip line-1 newlines.
  for (int l = 1; l < line && i < text.size(); ++i) {
    if (text[i] == '\n') ++l;
  }
  if (line > 1 && i == text.size()) return i;
  // Advance col-1 code points, not crossing the end of the line.
  for (int c = 1; c < col && i < text.size() && text[i] != '\n'; ++c) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

bool SaveWithBackup(const std::string& path, const std::string& text, std::string* error) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    std::string previous;
    if (!ReadWholeFile(path, &previous)) {
      if (error) *error = "cannot read the current file to back it up";
      return false;
    }
    if (!WriteFileAtomic(path + "~", previous, error)) return false;
  }
  return WriteFileAtomic(path, text, error);
}

}  // namespace gs::app
