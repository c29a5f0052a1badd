// Go type sizes on linux/amd64 (types.Size), and the names of escape reasons.
#include <algorithm>
#include <cctype>

#include "engine/stack/limits.h"
#include "engine/stack/program.h"

namespace gs::stack {
namespace {

bool StartsWith(const std::string& s, std::string_view p) {
  return s.rfind(p, 0) == 0;
}

struct Scalar {
  std::string_view name;
  std::int64_t size;
};
constexpr Scalar kScalars[] = {
    {"int", 8},   {"uint", 8},   {"int64", 8}, {"uint64", 8},  {"uintptr", 8},     {"float64", 8},
    {"int32", 4}, {"uint32", 4}, {"rune", 4},  {"float32", 4}, {"int16", 2},       {"uint16", 2},
    {"int8", 1},  {"uint8", 1},  {"byte", 1},  {"bool", 1},    {"complex128", 16},
};

bool ParseDepth(const std::string& text, const std::vector<NamedType>& named, Type* out,
                std::string* error, int depth) {
  if (depth > 8) {
    *error = "type \"" + text + "\" nests too deeply";
    return false;
  }
  Type t;
  t.text = text;
  for (const Scalar& s : kScalars) {
    if (text == s.name) {
      t.cls = TypeClass::kInt;
      t.size = s.size;
      *out = t;
      return true;
    }
  }
  auto elem = [&](const std::string& e, Type* et) {
    return ParseDepth(e, named, et, error, depth + 1);
  };
  if (text == "string") {
    t.cls = TypeClass::kString;
    t.size = 16;
    t.has_pointers = true;
  } else if (text == "any" || text == "interface{}" || text == "error") {
    t.cls = TypeClass::kIface;
    t.size = 16;
    t.has_pointers = true;
  } else if (StartsWith(text, "*")) {
    Type et;
    if (!elem(text.substr(1), &et)) return false;
    t.cls = TypeClass::kPtr;
    t.elem = et.text;
    t.elem_size = et.size;
    t.has_pointers = true;
  } else if (StartsWith(text, "[]")) {
    Type et;
    if (!elem(text.substr(2), &et)) return false;
    t.cls = TypeClass::kSlice;
    t.size = 24;
    t.elem = et.text;
    t.elem_size = et.size;
    t.has_pointers = true;
  } else if (StartsWith(text, "map[")) {
    t.cls = TypeClass::kMap;
    t.has_pointers = true;
  } else if (StartsWith(text, "chan ")) {
    Type et;
    if (!elem(text.substr(5), &et)) return false;
    t.cls = TypeClass::kChan;
    t.elem = et.text;
    t.elem_size = et.size;
    t.has_pointers = true;
  } else if (StartsWith(text, "func(")) {
    t.cls = TypeClass::kFunc;
    t.has_pointers = true;
  } else if (StartsWith(text, "[")) {
    std::size_t close = text.find(']');
    if (close == std::string::npos || close == 1) {
      *error = "type \"" + text + "\": expected [N]T";
      return false;
    }
    std::int64_t n = 0;
    std::string num = text.substr(1, close - 1);
    // Accept N or A<<B (as in [11 << 20]byte).
    std::string compact;
    for (char c : num) {
      if (c != ' ') compact += c;
    }
    std::size_t shift = compact.find("<<");
    auto digits = [](const std::string& s, std::int64_t* v) {
      if (s.empty() || s.size() > 12) return false;
      *v = 0;
      for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        *v = *v * 10 + (c - '0');
      }
      return true;
    };
    bool ok = false;
    if (shift == std::string::npos) {
      ok = digits(compact, &n);
    } else {
      std::int64_t a = 0, b = 0;
      ok = digits(compact.substr(0, shift), &a) && digits(compact.substr(shift + 2), &b) && b < 40;
      if (ok) n = a << b;
    }
    if (!ok) {
      *error = "type \"" + text + "\": the length must be a number (or A << B)";
      return false;
    }
    Type et;
    if (!elem(text.substr(close + 1), &et)) return false;
    if (et.size > 0 && n > limits::kMaxTypeBytes / et.size) {
      *error = "type \"" + text + "\" is over the limit kMaxTypeBytes";
      return false;
    }
    t.cls = TypeClass::kArray;
    t.len = n;
    t.elem = et.text;
    t.elem_size = et.size;
    t.size = n * et.size;
    t.has_pointers = et.has_pointers && n > 0;
  } else {
    auto it = std::find_if(named.begin(), named.end(),
                           [&](const NamedType& nt) { return nt.name == text; });
    if (it == named.end()) {
      *error = "unknown type \"" + text +
               "\" (built in: int, uint, int8..int64, uint8..uint64, uintptr, byte, rune, bool, "
               "float32, float64, complex128, string, any, interface{}, error, *T, []T, [N]T, "
               "map[K]V, chan T, func(); name struct types in \"types\")";
      return false;
    }
    t.cls = TypeClass::kNamed;
    t.size = it->size;
    t.has_pointers = it->has_pointers;
  }
  *out = t;
  return true;
}

}  // namespace

bool ParseType(const std::string& text, const std::vector<NamedType>& named, Type* out,
               std::string* error) {
  return ParseDepth(text, named, out, error, 0);
}

std::string_view ReasonName(Reason r) {
  switch (r) {
    case Reason::kNoEscape:
      return "none";
    case Reason::kReturned:
      return "returned";
    case Reason::kGlobal:
      return "global";
    case Reason::kHeapStore:
      return "heap store";
    case Reason::kCaptured:
      return "captured";
    case Reason::kHeldByEscaped:
      return "held by escaped";
    case Reason::kTooLarge:
      return "too large";
    case Reason::kNonConstSize:
      return "non-constant size";
    case Reason::kInterface:
      return "interface";
    case Reason::kUnknownCall:
      return "unknown call";
    case Reason::kCalleeLeaks:
      return "callee leaks";
  }
  return "?";
}

LocalizedText ReasonText(Reason r) {
  switch (r) {
    case Reason::kNoEscape:
      return {"it stays in the frame", "它留在栈帧里"};
    case Reason::kReturned:
      return {"its address is returned, so it must outlive the frame",
              "它的地址被返回，必须比栈帧活得更久"};
    case Reason::kGlobal:
      return {"its address is stored in a global variable", "它的地址被存进了全局变量"};
    case Reason::kHeapStore:
      return {
          "its address is stored through a pointer (*p = ...), which escape analysis treats "
          "as a store into the heap",
          "它的地址通过指针写出（*p = ...），逃逸分析把这种写当作写入堆"};
    case Reason::kCaptured:
      return {"a closure that escapes captures it by reference", "一个逃逸的闭包按引用捕获了它"};
    case Reason::kHeldByEscaped:
      return {"its address is stored in something that is itself on the heap",
              "它的地址被存进了一个本身就在堆上的对象"};
    case Reason::kTooLarge:
      return {"it is too large for the stack", "它太大，放不进栈"};
    case Reason::kNonConstSize:
      return {"its size is not a compile-time constant", "它的大小不是编译期常量"};
    case Reason::kInterface:
      return {"it is converted to an interface that escapes (fmt.Println keeps its arguments)",
              "它被转换成一个会逃逸的接口（fmt.Println 的参数会逃逸）"};
    case Reason::kUnknownCall:
      return {"it is passed to a call through a func value, whose target the compiler cannot see",
              "它被传给一个通过函数值调用的函数，编译器看不到调用目标"};
    case Reason::kCalleeLeaks:
      return {"it is passed to a parameter that the callee leaks (\"leaking param\")",
              "它被传给一个会泄漏的参数（\"leaking param\"）"};
  }
  return {"?", "?"};
}

std::vector<std::string> Program::EscapeMessages() const {
  std::vector<std::string> out;
  auto at = [](std::int32_t line, const std::string& m) {
    return line > 0 ? std::to_string(line) + ": " + m : m;
  };
  for (const Site& s : sites) {
    if (!s.message.empty()) out.push_back(at(s.line, s.message));
  }
  for (const ParamTag& t : tags) {
    if (!t.message.empty())
      out.push_back(at(funcs[std::size_t(t.func)].vars[std::size_t(t.var)].line, t.message));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace gs::stack
