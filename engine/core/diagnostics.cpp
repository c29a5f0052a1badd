#include "engine/core/diagnostics.h"

#include <algorithm>

namespace gs {

std::string Diagnostic::Format() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
    out += ':';
    out += std::to_string(col);
  }
  out += ": ";
  if (severity == Severity::kWarning) out += "warning: ";
  if (!pointer.empty()) out += pointer + ": ";
  out += message;
  return out;
}

bool Diagnostics::HasErrors() const {
  return ErrorCount() > 0;
}

std::size_t Diagnostics::ErrorCount() const {
  return static_cast<std::size_t>(std::count_if(
      m_items.begin(), m_items.end(), [](auto& d) { return d.severity == Severity::kError; }));
}

std::string Diagnostics::FormatAll() const {
  std::string out;
  for (const auto& d : m_items) out += d.Format() + "\n";
  return out;
}

}  // namespace gs
