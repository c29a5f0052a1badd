// A JSON document parsed with the byte offset of every value and key kept from the parse,
// so any diagnostic can name file:line:col without searching the text again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/diagnostics.h"

namespace gs {

using Json = nlohmann::json;

struct SourceLocation {
  int line = 0;  ///< 1-based; 0 = unknown
  int col = 0;   ///< 1-based code points
};

class JsonSource {
 public:
  /// Parses `text`. Syntax errors, duplicate keys, nesting deeper than kMaxJsonDepth and
  /// over-long strings are added to `diags`; Ok() is false when any of them occurred.
  static JsonSource Parse(std::string file, std::string text, Diagnostics& diags);

  bool Ok() const { return m_ok; }
  const Json& Root() const { return m_root; }
  Json& MutableRoot() { return m_root; }
  const std::string& File() const { return m_file; }
  const std::string& Text() const { return m_text; }

  /// Where the value at `pointer` starts (or its key, when `at_key`). A pointer that was not
  /// in the parsed text (e.g. added by a --set override) falls back to its nearest ancestor.
  SourceLocation Locate(std::string_view pointer, bool at_key = false) const;
  SourceLocation LocateOffset(std::size_t offset) const;

  /// Escapes one reference token for a JSON pointer ("~" -> "~0", "/" -> "~1").
  static std::string EscapeToken(std::string_view token);

 private:
  struct Offsets {
    std::size_t value = std::string::npos;
    std::size_t key = std::string::npos;
  };
  friend class PositionedSaxBuilder;

  std::string m_file;
  std::string m_text;
  Json m_root;
  bool m_ok = false;
  std::unordered_map<std::string, Offsets> m_offsets;
  std::vector<std::size_t> m_line_starts;
  /// Code points before each kColumnBlock-byte block of the text: a column on a very long
  /// line (a generated one-line scenario) is found by counting within one block, not from
  /// the line's start, so thousands of diagnostics on one line stay linear.
  static constexpr std::size_t kColumnBlock = 4096;
  std::vector<std::size_t> m_block_code_points;
  std::size_t CodePointsBefore(std::size_t offset) const;
};

}  // namespace gs
