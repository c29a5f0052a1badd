#include "engine/core/checker.h"

#include <algorithm>

#include "engine/core/limits.h"

namespace gs {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  // Allow about one edit per three letters; a one-letter id is never "almost" another.
  std::size_t best_d = std::min(std::max<std::size_t>(2, word.size() / 3), word.size() - 1) + 1;
  if (word.size() <= 1) return best;
  for (const auto& c : candidates) {
    std::size_t d = EditDistance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string JoinList(const std::vector<std::string>& items, std::size_t max_items) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max_items; ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  if (items.size() > max_items) out += ", ...";
  return out;
}

std::string_view TypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "object";
    case Json::value_t::array:
      return "array";
    case Json::value_t::string:
      return "string";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "integer";
    case Json::value_t::number_float:
      return "number";
    default:
      return "value";
  }
}

std::string Checker::Child(std::string_view pointer, std::string_view key) {
  return std::string(pointer) + "/" + JsonSource::EscapeToken(key);
}

std::string Checker::Child(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + "/" + std::to_string(index);
}

void Checker::Add(Severity sev, std::string_view pointer, std::string message, bool at_key) {
  const std::string full = m_prefix + std::string(pointer);
  SourceLocation loc = m_src.Locate(full, at_key);
  if (sev == Severity::kError) ++m_errors;
  m_diags.Add(Diagnostic{sev, m_src.File(), loc.line, loc.col, full, std::move(message)});
}

void Checker::Error(std::string_view pointer, std::string message, bool at_key) {
  Add(Severity::kError, pointer, std::move(message), at_key);
}

void Checker::Warn(std::string_view pointer, std::string message, bool at_key) {
  Add(Severity::kWarning, pointer, std::move(message), at_key);
}

bool Checker::ExpectObject(const Json& v, std::string_view pointer) {
  if (v.is_object()) return true;
  Error(pointer, "expected an object, got " + std::string(TypeName(v)));
  return false;
}

bool Checker::ExpectArray(const Json& v, std::string_view pointer, std::size_t max_items,
                          std::string_view limit_name) {
  if (!v.is_array()) {
    Error(pointer, "expected an array, got " + std::string(TypeName(v)));
    return false;
  }
  if (v.size() > max_items) {
    Error(pointer, "has " + std::to_string(v.size()) + " entries, over the limit " +
                       std::string(limit_name) + " = " + std::to_string(max_items));
    return false;
  }
  return true;
}

void Checker::CheckKeys(const Json& obj, std::string_view pointer,
                        std::initializer_list<std::string_view> allowed) {
  std::vector<std::string> list(allowed.begin(), allowed.end());
  CheckKeys(obj, pointer, list);
}

void Checker::CheckKeys(const Json& obj, std::string_view pointer,
                        const std::vector<std::string>& allowed) {
  if (!obj.is_object()) return;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    if (key == "$schema" || key == "$comment") continue;
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string msg = "unknown field \"" + key + "\"";
    std::string hint = DidYouMean(key, allowed);
    if (!hint.empty()) {
      msg += " (did you mean \"" + hint + "\"?)";
    } else {
      msg += " (expected one of: " + JoinList(allowed) + ")";
    }
    Error(Child(pointer, key), msg, /*at_key=*/true);
  }
}

const Json* Checker::Member(const Json& obj, std::string_view pointer, std::string_view key,
                            bool required) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(std::string(key));
  if (it == obj.end()) {
    if (required) Error(pointer, "missing required field \"" + std::string(key) + "\"");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> Checker::String(const Json& obj, std::string_view pointer,
                                           std::string_view key, bool required,
                                           std::size_t max_bytes) {
  const Json* v = Member(obj, pointer, key, required);
  if (!v) return std::nullopt;
  std::string ptr = Child(pointer, key);
  if (!v->is_string()) {
    Error(ptr, "expected a string, got " + std::string(TypeName(*v)));
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes) {
    Error(ptr, "is " + std::to_string(s.size()) + " bytes, over the limit of " +
                   std::to_string(max_bytes));
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> Checker::Int(const Json& obj, std::string_view pointer,
                                         std::string_view key, bool required, std::int64_t min,
                                         std::int64_t max) {
  const Json* v = Member(obj, pointer, key, required);
  if (!v) return std::nullopt;
  std::string ptr = Child(pointer, key);
  if (!v->is_number_integer()) {
    Error(ptr, "expected an integer, got " + std::string(TypeName(*v)));
    return std::nullopt;
  }
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    Error(ptr, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                   std::to_string(v->get<std::uint64_t>()));
    return std::nullopt;
  }
  std::int64_t n = v->get<std::int64_t>();
  if (n < min || n > max) {
    Error(ptr, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                   std::to_string(n));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> Checker::Bool(const Json& obj, std::string_view pointer, std::string_view key,
                                  bool required) {
  const Json* v = Member(obj, pointer, key, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    Error(Child(pointer, key), "expected true or false, got " + std::string(TypeName(*v)));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<LocalizedText> Checker::Text(const Json& obj, std::string_view pointer,
                                           std::string_view key, bool required) {
  const Json* v = Member(obj, pointer, key, required);
  if (!v) return std::nullopt;
  std::string ptr = Child(pointer, key);
  if (v->is_string()) {
    Error(ptr, "expected {\"en\": ..., \"zh\": ...}, got a plain string");
    return std::nullopt;
  }
  if (!ExpectObject(*v, ptr)) return std::nullopt;
  CheckKeys(*v, ptr, {"en", "zh"});
  LocalizedText t;
  if (auto en = String(*v, ptr, "en", false)) t.en = *en;
  if (auto zh = String(*v, ptr, "zh", false)) t.zh = *zh;
  if (t.Empty()) {
    Error(ptr, "needs at least one of \"en\" or \"zh\"");
    return std::nullopt;
  }
  return t;
}

std::optional<std::string> Checker::Enum(const Json& obj, std::string_view pointer,
                                         std::string_view key, bool required,
                                         const std::vector<std::string>& choices) {
  auto s = String(obj, pointer, key, required);
  if (!s) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *s) == choices.end()) {
    std::string msg = "unknown value \"" + *s + "\"";
    std::string hint = DidYouMean(*s, choices);
    if (!hint.empty()) msg += " (did you mean \"" + hint + "\"?)";
    msg += "; expected one of: " + JoinList(choices);
    Error(Child(pointer, key), msg);
    return std::nullopt;
  }
  return s;
}

bool Checker::ValidId(const std::string& id, std::string_view pointer) {
  if (id.empty()) {
    Error(pointer, "an id must not be empty");
    return false;
  }
  if (id.size() > limits::kMaxIdBytes) {
    Error(pointer, "id is " + std::to_string(id.size()) + " bytes, over the limit kMaxIdBytes = " +
                       std::to_string(limits::kMaxIdBytes));
    return false;
  }
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == ':' || c == '.' || c == '-';
    if (!ok) {
      Error(pointer, "id \"" + id + "\" may use only letters, digits and _ : . -");
      return false;
    }
  }
  return true;
}

}  // namespace gs
