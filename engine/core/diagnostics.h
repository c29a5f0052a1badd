// Errors and warnings about a scenario, each anchored to file:line:col and a JSON pointer.
#pragma once

#include <string>
#include <vector>

namespace gs {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;         ///< 1-based; 0 when the position is unknown (e.g. a --set override)
  int col = 0;          ///< 1-based, in characters (UTF-8 code points)
  std::string pointer;  ///< JSON pointer such as /script/3/to; empty for the whole file
  std::string message;

  /// "file:line:col: /pointer: message" (warnings add "warning: " before the pointer).
  std::string Format() const;
};

class Diagnostics {
 public:
  void Add(Diagnostic d) { m_items.push_back(std::move(d)); }
  const std::vector<Diagnostic>& Items() const { return m_items; }
  bool HasErrors() const;
  std::size_t ErrorCount() const;
  /// All diagnostics, one per line, errors and warnings in the order found.
  std::string FormatAll() const;

 private:
  std::vector<Diagnostic> m_items;
};

}  // namespace gs
