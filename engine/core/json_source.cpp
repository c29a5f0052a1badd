#include "engine/core/json_source.h"

#include "engine/core/file_read.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "engine/core/limits.h"

namespace gs {
namespace {

// Counts how many bytes the parser has pulled from the input. Each SAX callback fires right
// after its token is scanned, so the count there marks the token's end (numbers read one
// character of lookahead).
struct CountingIter {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  const char* base = nullptr;
  std::size_t* consumed = nullptr;

  reference operator*() const { return *p; }
  CountingIter& operator++() {
    ++p;
    *consumed = static_cast<std::size_t>(p - base);
    return *this;
  }
  CountingIter operator++(int) {
    CountingIter old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIter& o) const { return p == o.p; }
  bool operator!=(const CountingIter& o) const { return p != o.p; }
};

bool IsNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Turns nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 5: msg"
// into "msg"; we print our own line and column.
std::string CleanParseMessage(std::string_view what) {
  auto col = what.find("column ");
  if (col != std::string_view::npos) {
    auto colon = what.find(": ", col);
    if (colon != std::string_view::npos) return std::string(what.substr(colon + 2));
  }
  auto bracket = what.find("] ");
  if (bracket != std::string_view::npos) return std::string(what.substr(bracket + 2));
  return std::string(what);
}

}  // namespace

std::string JsonSource::EscapeToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// Builds the DOM like nlohmann's json_sax_dom_parser, and records where each value starts.
class PositionedSaxBuilder {
 public:
  PositionedSaxBuilder(JsonSource& src, Diagnostics& diags, const std::size_t& consumed)
      : m_src(src), m_diags(diags), m_consumed(consumed) {}

  bool null() { return Value(nullptr, m_consumed - 4); }
  bool boolean(bool v) { return Value(v, m_consumed - (v ? 4 : 5)); }
  bool number_integer(Json::number_integer_t v) { return Value(v, NumberStart()); }
  bool number_unsigned(Json::number_unsigned_t v) { return Value(v, NumberStart()); }
  bool number_float(Json::number_float_t v, const std::string&) { return Value(v, NumberStart()); }
  bool binary(Json::binary_t&) { return false; }
  bool string(std::string& v) {
    std::size_t start = StringStart();
    if (v.size() > limits::kMaxStringBytes) {
      ErrorAt(start, Pointer(),
              "string is " + std::to_string(v.size()) +
                  " bytes, over the limit kMaxStringBytes = " +
                  std::to_string(limits::kMaxStringBytes));
    }
    return Value(std::move(v), start);
  }

  bool start_object(std::size_t) { return Open(Json::object()); }
  bool start_array(std::size_t) { return Open(Json::array()); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }

  bool key(std::string& k) {
    std::size_t start = StringStart();
    Frame& top = m_stack.back();
    std::string ptr = top.pointer + "/" + JsonSource::EscapeToken(k);
    if (top.node->contains(k)) {
      ErrorAt(start, ptr, "duplicate key \"" + k + "\"");
    }
    m_src.m_offsets[ptr].key = start;
    top.pending_key = std::move(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) {
    // `position` counts the bytes read, through the character that failed. Point at the
    // start of the offending token instead: the opening quote of a string (unterminated, or
    // one where a comma was expected), the first letter of a bad literal, else that byte.
    const std::string& t = m_src.m_text;
    std::size_t o = std::min(position > 0 ? position - 1 : 0, t.empty() ? 0 : t.size() - 1);
    auto is_word = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    };
    auto opening_quote = [&](std::size_t from) {
      for (std::size_t i = from; i-- > 0;) {
        if (t[i] == '\n') break;
        if (t[i] != '"') continue;
        std::size_t slashes = 0;
        while (i >= slashes + 1 && t[i - slashes - 1] == '\\') ++slashes;
        if (slashes % 2 == 0) return i;
      }
      return from;
    };
    if (!t.empty()) {
      const char c = t[o];
      if (c == '"') {
        o = opening_quote(o);
      } else if (static_cast<unsigned char>(c) < 0x20) {
        o = opening_quote(o);
      } else if (is_word(c) || (o > 0 && std::isalpha(static_cast<unsigned char>(t[o - 1])))) {
        if (!is_word(c)) --o;
        while (o > 0 && is_word(t[o - 1])) --o;
      }
    }
    ErrorAt(o, "", CleanParseMessage(ex.what()));
    return false;
  }

  bool failed() const { return m_failed; }

 private:
  struct Frame {
    Json* node;
    std::string pointer;
    std::string pending_key;
  };

  std::string Pointer() const {
    if (m_stack.empty()) return "";
    const Frame& top = m_stack.back();
    if (top.node->is_object()) return top.pointer + "/" + JsonSource::EscapeToken(top.pending_key);
    return top.pointer + "/" + std::to_string(top.node->size());
  }

  std::size_t StringStart() const {
    // The closing quote was the last byte read; walk back to the unescaped opening quote.
    const std::string& t = m_src.m_text;
    if (m_consumed < 2) return 0;
    std::size_t i = m_consumed - 2;
    while (i > 0) {
      if (t[i] == '"') {
        std::size_t slashes = 0;
        while (i >= slashes + 1 && t[i - slashes - 1] == '\\') ++slashes;
        if (slashes % 2 == 0) return i;
      }
      --i;
    }
    return 0;
  }

  std::size_t NumberStart() const {
    const std::string& t = m_src.m_text;
    std::size_t end = std::min(m_consumed, t.size());
    while (end > 0 && !IsNumberChar(t[end - 1])) --end;
    std::size_t start = end;
    while (start > 0 && IsNumberChar(t[start - 1])) --start;
    return start;
  }

  template <class V>
  bool Value(V&& v, std::size_t start) {
    std::string ptr = Pointer();
    m_src.m_offsets[ptr].value = start;
    if (m_stack.empty()) {
      m_src.m_root = Json(std::forward<V>(v));
      return true;
    }
    Frame& top = m_stack.back();
    if (top.node->is_object()) {
      (*top.node)[top.pending_key] = Json(std::forward<V>(v));
    } else {
      top.node->push_back(Json(std::forward<V>(v)));
    }
    return true;
  }

  bool Open(Json empty) {
    std::size_t start = m_consumed > 0 ? m_consumed - 1 : 0;
    std::string ptr = Pointer();
    if (m_stack.size() >= limits::kMaxJsonDepth) {
      ErrorAt(start, ptr,
              "nesting is deeper than the limit kMaxJsonDepth = " +
                  std::to_string(limits::kMaxJsonDepth));
      return false;
    }
    m_src.m_offsets[ptr].value = start;
    Json* node = nullptr;
    if (m_stack.empty()) {
      m_src.m_root = std::move(empty);
      node = &m_src.m_root;
    } else {
      Frame& top = m_stack.back();
      if (top.node->is_object()) {
        (*top.node)[top.pending_key] = std::move(empty);
        node = &(*top.node)[top.pending_key];
      } else {
        top.node->push_back(std::move(empty));
        node = &top.node->back();
      }
    }
    m_stack.push_back(Frame{node, ptr, {}});
    return true;
  }

  bool Close() {
    m_stack.pop_back();
    return true;
  }

  void ErrorAt(std::size_t offset, std::string pointer, std::string message) {
    m_failed = true;
    SourceLocation loc = m_src.LocateOffset(offset);
    m_diags.Add(Diagnostic{Severity::kError, m_src.m_file, loc.line, loc.col, std::move(pointer),
                           std::move(message)});
  }

  JsonSource& m_src;
  Diagnostics& m_diags;
  const std::size_t& m_consumed;
  std::vector<Frame> m_stack;
  bool m_failed = false;
};

JsonSource JsonSource::Parse(std::string file, std::string text, Diagnostics& diags) {
  JsonSource src;
  src.m_file = std::move(file);
  src.m_text = std::move(text);
  if (std::string why; !CheckUtf8Encoding(&src.m_text, &why)) {
    diags.Add(Diagnostic{Severity::kError, src.m_file, 0, 0, "", why});
    src.m_line_starts.push_back(0);
    return src;
  }
  src.m_line_starts.push_back(0);
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < src.m_text.size(); ++i) {
    if (i % kColumnBlock == 0) src.m_block_code_points.push_back(code_points);
    if (src.m_text[i] == '\n') src.m_line_starts.push_back(i + 1);
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(src.m_text[i]) & 0xC0) != 0x80) ++code_points;
  }
  if (src.m_text.size() > limits::kMaxFileBytes) {
    diags.Add(Diagnostic{
        Severity::kError, src.m_file, 0, 0, "",
        "file is " + std::to_string(src.m_text.size()) +
            " bytes, over the limit kMaxFileBytes = " + std::to_string(limits::kMaxFileBytes)});
    return src;
  }
  std::size_t consumed = 0;
  const char* base = src.m_text.data();
  CountingIter first{base, base, &consumed};
  CountingIter last{base + src.m_text.size(), base, &consumed};
  PositionedSaxBuilder builder(src, diags, consumed);
  bool parsed = Json::sax_parse(first, last, &builder);
  src.m_ok = parsed && !builder.failed();
  if (!src.m_ok && parsed) {
    // Keep the tree (for further checks) but mark the source unusable.
  }
  return src;
}

SourceLocation JsonSource::LocateOffset(std::size_t offset) const {
  if (m_line_starts.empty()) return {1, 1};
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - m_line_starts.begin()) - 1;
  std::size_t line_start = m_line_starts[line_index];
  const int col = static_cast<int>(CodePointsBefore(offset) - CodePointsBefore(line_start)) + 1;
  return {static_cast<int>(line_index) + 1, col};
}

std::size_t JsonSource::CodePointsBefore(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  if (m_block_code_points.empty()) return 0;  // empty text
  // The end of a text whose size is a multiple of the block has no block of its own.
  const std::size_t block = std::min(offset / kColumnBlock, m_block_code_points.size() - 1);
  std::size_t n = m_block_code_points[block];
  for (std::size_t i = block * kColumnBlock; i < offset; ++i) {
    if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

SourceLocation JsonSource::Locate(std::string_view pointer, bool at_key) const {
  std::string p(pointer);
  while (true) {
    auto it = m_offsets.find(p);
    if (it != m_offsets.end()) {
      std::size_t off =
          (at_key && it->second.key != std::string::npos) ? it->second.key : it->second.value;
      if (off != std::string::npos) return LocateOffset(off);
    }
    if (p.empty()) return {};
    auto slash = p.rfind('/');
    p = slash == std::string::npos ? std::string() : p.substr(0, slash);
    at_key = false;
  }
}

}  // namespace gs
