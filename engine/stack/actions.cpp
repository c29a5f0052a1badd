#include "engine/stack/actions.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "engine/stack/model.h"

namespace gs::stack {
namespace {

constexpr const char* kPrintln = "fmt.Println";

// Type texts compare without spaces, as the loader's assignment check does.
bool SameType(const std::string& a, const std::string& b) {
  auto ia = a.begin(), ib = b.begin();
  while (true) {
    while (ia != a.end() && *ia == ' ') ++ia;
    while (ib != b.end() && *ib == ' ') ++ib;
    if (ia == a.end() || ib == b.end()) return ia == a.end() && ib == b.end();
    if (*ia++ != *ib++) return false;
  }
}

bool HasNilLiteral(TypeClass c) {
  return c == TypeClass::kPtr || c == TypeClass::kSlice || c == TypeClass::kMap ||
         c == TypeClass::kChan || c == TypeClass::kFunc || c == TypeClass::kIface;
}

// The first word of variable v of frame fr: for a moved variable, the word on the heap its
// slot points to (as the running code reaches it).
const Word* VarWord(const Program& p, const State& s, const Frame& fr, std::int32_t v) {
  const Var& var = p.F(fr.func).vars[std::size_t(v)];
  const Word* w = ReadWord(s, fr.entry_sp + std::uint64_t(var.offset));
  if (!w || var.param || !var.escapes) return w;
  return w->bits != 0 ? ReadWord(s, w->bits) : nullptr;
}

// The function whose closure a func value points at (kNone for nil or anything else).
std::int32_t ClosureFunc(const Program& p, const State& s, const Word* value) {
  if (!value || value->kind != WordKind::kPtr || value->bits == 0) return kNone;
  const Word* code = ReadWord(s, value->bits);
  if (!code || code->kind != WordKind::kFuncPC) return kNone;
  for (std::size_t f = 0; f < p.funcs.size(); ++f) {
    if (p.funcs[f].closure_of != kNone && p.funcs[f].code == code->bits) return std::int32_t(f);
  }
  return kNone;
}

bool Declared(const Frame& fr, std::size_t v) {
  return v < fr.declared.size() && fr.declared[v] != 0;
}

}  // namespace

Actions AvailableActions(const Program& p, const State& s) {
  Actions a;
  if (s.crashed) {
    a.where = Where::kCrashed;
    return a;
  }
  if (s.frames.empty()) {
    a.where = s.pc == 0 ? Where::kNotStarted : Where::kFinished;
    if (a.where == Where::kFinished) return a;
    // The first call starts the goroutine: a function of ours without parameters, as newproc
    // takes (the compiler wraps a go statement's arguments in a closure).
    for (std::size_t f = 0; f < p.funcs.size(); ++f) {
      const Func& fn = p.funcs[f];
      if (fn.is_extern || fn.closure_of != kNone || fn.nparams > 0) continue;
      a.calls.push_back({fn.name, std::int32_t(f), "", false});
    }
    return a;
  }
  a.where = Where::kRunning;
  const Frame& fr = s.frames.back();
  a.func = fr.func;
  a.bottom = s.frames.size() == 1;
  const Func& fn = p.F(fr.func);
  // Direct calls of our functions; a func literal is called through a func value holding it.
  std::int32_t println = kNone;
  for (std::size_t f = 0; f < p.funcs.size(); ++f) {
    const Func& callee = p.funcs[f];
    if (callee.is_extern) {
      println = std::int32_t(f);
      continue;
    }
    if (callee.closure_of == kNone) a.calls.push_back({callee.name, std::int32_t(f), "", false});
  }
  // Func values the running function can name: its declared variables, then globals.
  for (std::size_t v = 0; v < fn.vars.size(); ++v) {
    if (fn.vars[v].type.cls != TypeClass::kFunc || !Declared(fr, v)) continue;
    std::int32_t clo = ClosureFunc(p, s, VarWord(p, s, fr, std::int32_t(v)));
    if (clo != kNone) a.calls.push_back({p.F(clo).name, clo, fn.vars[v].name, false});
  }
  for (std::size_t g = 0; g < p.globals.size(); ++g) {
    if (p.globals[g].type.cls != TypeClass::kFunc) continue;
    std::int32_t clo = ClosureFunc(p, s, ReadWord(s, GlobalAddr(std::int32_t(g))));
    if (clo != kNone) a.calls.push_back({p.F(clo).name, clo, p.globals[g].name, false});
  }
  a.calls.push_back({kPrintln, println, "", true});
  // The frame was laid out before the function ran (ssagen's AllocFrame): only the locals it
  // was laid out with can be declared.
  for (std::size_t v = std::size_t(fn.nparams); v < fn.vars.size(); ++v) {
    if (!Declared(fr, v)) a.undeclared.push_back(std::int32_t(v));
  }
  return a;
}

std::vector<std::string> IntoChoices(const Program& p, const State& s, const CallChoice& choice) {
  std::vector<std::string> out;
  if (s.frames.empty() || choice.println || choice.callee == kNone) return out;
  const Func& callee = p.F(choice.callee);
  if (!callee.has_result) return out;
  const Func& fn = p.F(s.frames.back().func);
  for (const Var& v : fn.vars) {
    if (SameType(v.type.text, callee.result.text)) out.push_back(v.name);
  }
  for (const Global& g : p.globals) {
    if (SameType(g.type.text, callee.result.text)) out.push_back(g.name);
  }
  return out;
}

std::string DefaultValueText(const Program& p, const State& s, const Type& t) {
  if (t.cls == TypeClass::kInt) return "0";
  if (HasNilLiteral(t.cls)) return "nil";
  if (!s.frames.empty()) {
    const Frame& fr = s.frames.back();
    const Func& fn = p.F(fr.func);
    for (std::size_t v = 0; v < fn.vars.size(); ++v) {
      if (Declared(fr, v) && SameType(fn.vars[v].type.text, t.text)) return fn.vars[v].name;
    }
  }
  for (const Global& g : p.globals) {
    if (SameType(g.type.text, t.text)) return g.name;
  }
  return "";
}

Json ValueFromText(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.empty()) return nullptr;
  std::int64_t n = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (ec == std::errc() && ptr == end) return n;
  return std::string(text);
}

Json CallOp(const CallChoice& c, const std::vector<Json>& args, const std::string& into) {
  Json op{{"op", "call"}, {"func", c.func}};
  if (!args.empty()) op["args"] = args;
  if (!into.empty()) op["into"] = into;
  if (!c.via.empty()) op["via"] = c.via;
  return op;
}

Json ReturnOp(const Json& value) {
  Json op{{"op", "return"}};
  if (!value.is_null()) op["value"] = value;
  return op;
}

Json DeclareOp(const std::string& var, const Json& value) {
  Json op{{"op", "declare"}, {"var", var}};
  if (!value.is_null()) op["value"] = value;
  return op;
}

}  // namespace gs::stack
