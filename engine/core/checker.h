// Shape checks for scenario JSON: every problem becomes a Diagnostic at the exact source
// position; checking goes on after an error so one run reports every error in the file.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/json_source.h"
#include "engine/core/text.h"

namespace gs {

/// The closest candidate within a small edit distance, or "" when none is close.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);
/// "A, B, C" (at most `max_items`, then ", ...").
std::string JoinList(const std::vector<std::string>& items, std::size_t max_items = 12);
/// The JSON type name used in messages: "object", "array", "string", "integer", ...
std::string_view TypeName(const Json& v);

class Checker {
 public:
  Checker(const JsonSource& src, Diagnostics& diags) : m_src(src), m_diags(diags) {}

  void Error(std::string_view pointer, std::string message, bool at_key = false);
  void Warn(std::string_view pointer, std::string message, bool at_key = false);
  bool Failed() const { return m_errors > 0; }
  /// Pointers given from now on are relative to `prefix` (a loader reading a part of the file
  /// as if it were the whole, e.g. "/csp"); "" restores whole-file pointers.
  void SetPrefix(std::string prefix) { m_prefix = std::move(prefix); }
  const std::string& Prefix() const { return m_prefix; }
  const JsonSource& Source() const { return m_src; }

  /// Reports a type error unless `v` is an object / array.
  bool ExpectObject(const Json& v, std::string_view pointer);
  bool ExpectArray(const Json& v, std::string_view pointer, std::size_t max_items,
                   std::string_view limit_name);
  /// Every key must be in `allowed`; an unknown key is an error with a "did you mean" hint.
  void CheckKeys(const Json& obj, std::string_view pointer,
                 std::initializer_list<std::string_view> allowed);
  void CheckKeys(const Json& obj, std::string_view pointer,
                 const std::vector<std::string>& allowed);

  // Typed members of an object. A missing required member is an error at the object.
  const Json* Member(const Json& obj, std::string_view pointer, std::string_view key,
                     bool required);
  std::optional<std::string> String(const Json& obj, std::string_view pointer, std::string_view key,
                                    bool required, std::size_t max_bytes = 4096);
  std::optional<std::int64_t> Int(const Json& obj, std::string_view pointer, std::string_view key,
                                  bool required, std::int64_t min, std::int64_t max);
  std::optional<bool> Bool(const Json& obj, std::string_view pointer, std::string_view key,
                           bool required);
  /// {"en": ..., "zh": ...}; at least one language must be present.
  std::optional<LocalizedText> Text(const Json& obj, std::string_view pointer, std::string_view key,
                                    bool required);
  /// One of `choices` (strings); the error lists them.
  std::optional<std::string> Enum(const Json& obj, std::string_view pointer, std::string_view key,
                                  bool required, const std::vector<std::string>& choices);

  /// An identifier: non-empty, at most kMaxIdBytes, letters/digits/_:.- only.
  bool ValidId(const std::string& id, std::string_view pointer);

  static std::string Child(std::string_view pointer, std::string_view key);
  static std::string Child(std::string_view pointer, std::size_t index);

 private:
  void Add(Severity sev, std::string_view pointer, std::string message, bool at_key);

  const JsonSource& m_src;
  Diagnostics& m_diags;
  int m_errors = 0;
  std::string m_prefix;
};

}  // namespace gs
