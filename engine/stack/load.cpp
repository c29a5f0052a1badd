#include "engine/stack/load.h"

#include <algorithm>
#include <cctype>

#include "engine/core/build_run.h"
#include "engine/core/limits.h"
#include "engine/stack/escape.h"
#include "engine/stack/limits.h"
#include "engine/stack/stack_run.h"

namespace gs::stack {

const std::vector<std::string>& ConfigKeys() {
  static const std::vector<std::string> k = {"stack_size",  "max_stack",   "stack_guard",
                                             "stack_small", "stack_limit", "max_stack_var",
                                             "max_implicit"};
  return k;
}

const std::vector<std::string>& OpNames() {
  static const std::vector<std::string> k = {"call", "return", "declare", "assign", "addr",
                                             "new",  "make",   "closure", "gc"};
  return k;
}

namespace {

constexpr const char* kPrintln = "fmt.Println";

bool IsIdent(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0])) && s[0] != '_') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

std::string Strip(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += c;
  }
  return out;
}

class StackLoader {
 public:
  explicit StackLoader(Checker& c) : m_c(c) {}

  std::shared_ptr<Program> Load(const Envelope& env, const Json& root) {
    auto prog = std::make_shared<Program>();
    m_p = prog.get();
    ReadConfig(env.config);
    if (!root.is_object()) return prog;
    ReadSource(root);
    ReadTypes(root);
    ReadGlobals(root);
    ReadFuncs(root);
    if (m_c.Failed()) return prog;
    const Json* script = &root["script"];
    if (script->is_array() && script->size() <= gs::limits::kMaxScriptOps) ReadScript(*script);
    if (m_c.Failed()) return prog;
    AnalyzeEscapes(*m_p);
    LayoutFrames(*m_p);
    for (std::size_t i = 0; i < m_p->funcs.size(); ++i) {
      const Func& f = m_p->funcs[i];
      if (f.frame_size > limits::kMaxFrameBytes) {
        m_c.Error(Checker::Child("/funcs", i),
                  "the frame of " + f.name + " is " + std::to_string(f.frame_size) +
                      " bytes, over the simulation limit kMaxFrameBytes = " +
                      std::to_string(limits::kMaxFrameBytes));
      }
    }
    return prog;
  }

 private:
  void ReadConfig(const Json& cfg) {
    Config& k = m_p->config;
    m_c.CheckKeys(cfg, "/config", ConfigKeys());
    if (auto v = m_c.Int(cfg, "/config", "stack_size", false, 1024, std::int64_t(1) << 30)) {
      if ((*v & (*v - 1)) != 0) {
        m_c.Error("/config/stack_size", "stacks are a power of two bytes (stackalloc)");
      }
      k.stack_size = *v;
    }
    if (auto v = m_c.Int(cfg, "/config", "max_stack", false, 1024, 1000000000)) k.max_stack = *v;
    if (auto v = m_c.Int(cfg, "/config", "stack_guard", false, 0, 65536)) k.stack_guard = *v;
    if (auto v = m_c.Int(cfg, "/config", "stack_small", false, 0, 4096)) k.stack_small = *v;
    if (auto v = m_c.Int(cfg, "/config", "stack_limit", false, 0, 65536)) k.stack_limit = *v;
    if (auto v = m_c.Int(cfg, "/config", "max_stack_var", false, 0, std::int64_t(1) << 40)) {
      k.max_stack_var = *v;
    }
    if (auto v = m_c.Int(cfg, "/config", "max_implicit", false, 0, std::int64_t(1) << 40)) {
      k.max_implicit = *v;
    }
    if (k.stack_guard >= k.stack_size) {
      m_c.Error("/config", "stack_guard must be smaller than stack_size");
    }
  }

  void ReadSource(const Json& root) {
    const Json* src = m_c.Member(root, "", "go_source", false);
    if (!src || !m_c.ExpectArray(*src, "/go_source", limits::kMaxSourceLines, "kMaxSourceLines")) {
      return;
    }
    for (std::size_t i = 0; i < src->size(); ++i) {
      if (!(*src)[i].is_string()) {
        m_c.Error(Checker::Child("/go_source", i), "expected a string (one line of Go)");
        continue;
      }
      m_p->source.push_back((*src)[i].get<std::string>());
    }
  }

  void ReadTypes(const Json& root) {
    const Json* types = m_c.Member(root, "", "types", false);
    if (!types || !m_c.ExpectArray(*types, "/types", limits::kMaxTypes, "kMaxTypes")) return;
    for (std::size_t i = 0; i < types->size(); ++i) {
      std::string ptr = Checker::Child("/types", i);
      const Json& t = (*types)[i];
      if (!m_c.ExpectObject(t, ptr)) continue;
      m_c.CheckKeys(t, ptr, {"name", "size", "pointers"});
      NamedType nt;
      if (auto n = m_c.String(t, ptr, "name", true, 64)) nt.name = *n;
      if (auto s = m_c.Int(t, ptr, "size", true, 0, limits::kMaxTypeBytes)) nt.size = *s;
      if (auto b = m_c.Bool(t, ptr, "pointers", false)) nt.has_pointers = *b;
      if (!IsIdent(nt.name)) {
        m_c.Error(Checker::Child(ptr, "name"), "expected a Go identifier");
        continue;
      }
      m_named.push_back(nt);
    }
  }

  bool TypeAt(const Json& obj, const std::string& ptr, const char* key, bool required, Type* out) {
    auto text = m_c.String(obj, ptr, key, required, 128);
    if (!text) return false;
    std::string err;
    if (!ParseType(*text, m_named, out, &err)) {
      m_c.Error(Checker::Child(ptr, key), err);
      return false;
    }
    return true;
  }

  std::int32_t Line(const Json& obj, const std::string& ptr) {
    auto l = m_c.Int(obj, ptr, "line", false, 1, limits::kMaxSourceLines);
    if (!l) return 0;
    if (!m_p->source.empty() && *l > std::int64_t(m_p->source.size())) {
      m_c.Error(Checker::Child(ptr, "line"),
                "go_source has only " + std::to_string(m_p->source.size()) + " lines");
    }
    return std::int32_t(*l);
  }

  void ReadGlobals(const Json& root) {
    const Json* gl = m_c.Member(root, "", "globals", false);
    if (!gl || !m_c.ExpectArray(*gl, "/globals", limits::kMaxGlobals, "kMaxGlobals")) return;
    for (std::size_t i = 0; i < gl->size(); ++i) {
      std::string ptr = Checker::Child("/globals", i);
      const Json& g = (*gl)[i];
      if (!m_c.ExpectObject(g, ptr)) continue;
      m_c.CheckKeys(g, ptr, {"name", "type"});
      Global glob;
      auto name = m_c.String(g, ptr, "name", true, 64);
      if (!name) continue;
      if (!IsIdent(*name)) {
        m_c.Error(Checker::Child(ptr, "name"), "expected a Go identifier");
        continue;
      }
      glob.name = *name;
      if (!TypeAt(g, ptr, "type", true, &glob.type)) continue;
      if (glob.type.Words() != 1) {
        m_c.Error(Checker::Child(ptr, "type"), "globals here are one word (an int or a pointer)");
        continue;
      }
      m_p->globals.push_back(glob);
    }
  }

  void ReadVars(const Json& f, const std::string& ptr, const char* key, bool param, Func& fn) {
    const Json* vs = m_c.Member(f, ptr, key, false);
    std::string vptr = Checker::Child(ptr, key);
    if (!vs || !m_c.ExpectArray(*vs, vptr, limits::kMaxVarsPerFunc, "kMaxVarsPerFunc")) return;
    for (std::size_t i = 0; i < vs->size(); ++i) {
      std::string p = Checker::Child(vptr, i);
      const Json& v = (*vs)[i];
      if (!m_c.ExpectObject(v, p)) continue;
      m_c.CheckKeys(v, p, {"name", "type", "line"});
      Var var;
      var.param = param;
      auto name = m_c.String(v, p, "name", true, 64);
      if (!name) continue;
      if (!IsIdent(*name)) {
        m_c.Error(Checker::Child(p, "name"), "expected a Go identifier");
        continue;
      }
      var.name = *name;
      var.line = Line(v, p);
      if (!TypeAt(v, p, "type", true, &var.type)) continue;
      auto same = [&](const Var& o) { return o.name == var.name; };
      if (std::any_of(fn.vars.begin(), fn.vars.end(), same)) {
        m_c.Error(Checker::Child(p, "name"),
                  fn.name + " already has a variable \"" + var.name + "\"");
        continue;
      }
      if (fn.vars.size() >= std::size_t(limits::kMaxVarsPerFunc)) {
        m_c.Error(p, "more than the limit kMaxVarsPerFunc = " +
                         std::to_string(limits::kMaxVarsPerFunc) + " variables");
        return;
      }
      if (param && var.type.Words() * 8 > 64) {
        m_c.Error(Checker::Child(p, "type"), "parameters here are at most 64 bytes");
        continue;
      }
      fn.vars.push_back(var);
      if (param) ++fn.nparams;
    }
  }

  void ReadFuncs(const Json& root) {
    const Json* fs = m_c.Member(root, "", "funcs", true);
    if (!fs || !m_c.ExpectArray(*fs, "/funcs", limits::kMaxFuncs, "kMaxFuncs")) return;
    std::vector<std::string> closure_of(fs->size());
    for (std::size_t i = 0; i < fs->size(); ++i) {
      std::string ptr = Checker::Child("/funcs", i);
      const Json& f = (*fs)[i];
      Func fn;
      if (!m_c.ExpectObject(f, ptr)) {
        m_p->funcs.push_back(fn);
        continue;
      }
      m_c.CheckKeys(f, ptr,
                    {"name", "line", "params", "result", "locals", "closure_of", "captures"});
      if (auto n = m_c.String(f, ptr, "name", true, 64)) fn.name = *n;
      if (FindFunc(fn.name) != kNone || fn.name == kPrintln) {
        m_c.Error(Checker::Child(ptr, "name"), "duplicate function \"" + fn.name + "\"");
      }
      fn.line = Line(f, ptr);
      ReadVars(f, ptr, "params", true, fn);
      ReadVars(f, ptr, "locals", false, fn);
      if (f.contains("result")) {
        fn.has_result = TypeAt(f, ptr, "result", true, &fn.result);
        if (fn.has_result && fn.result.Words() > 3) {
          m_c.Error(Checker::Child(ptr, "result"), "results here are at most 3 words");
        }
      }
      if (auto c = m_c.String(f, ptr, "closure_of", false, 64)) closure_of[i] = *c;
      m_p->funcs.push_back(fn);
    }
    // Closures: resolve the enclosing function and the captured variables.
    for (std::size_t i = 0; i < fs->size(); ++i) {
      if (closure_of[i].empty()) continue;
      std::string ptr = Checker::Child("/funcs", i);
      Func& fn = m_p->funcs[i];
      std::int32_t outer = FuncRef(closure_of[i], Checker::Child(ptr, "closure_of"));
      if (outer == kNone) continue;
      if (outer == std::int32_t(i)) {
        m_c.Error(Checker::Child(ptr, "closure_of"), "a function cannot enclose itself");
        continue;
      }
      fn.closure_of = outer;
      const Json* caps = m_c.Member((*fs)[i], ptr, "captures", false);
      std::string cptr = Checker::Child(ptr, "captures");
      if (!caps || !m_c.ExpectArray(*caps, cptr, limits::kMaxCaptures, "kMaxCaptures")) continue;
      for (std::size_t k = 0; k < caps->size(); ++k) {
        const Json& c = (*caps)[k];
        std::int32_t v = c.is_string() ? FindVar(outer, c.get<std::string>()) : kNone;
        if (v == kNone || m_p->funcs[std::size_t(outer)].vars[std::size_t(v)].param) {
          m_c.Error(Checker::Child(cptr, k),
                    "expected a local variable of " + m_p->funcs[std::size_t(outer)].name);
          continue;
        }
        if (m_p->funcs[std::size_t(outer)].vars[std::size_t(v)].type.Words() != 1) {
          m_c.Error(Checker::Child(cptr, k), "captured variables here are one word");
          continue;
        }
        fn.captures.push_back({v, false});
      }
    }
    for (std::size_t i = 0; i < m_p->funcs.size(); ++i) {
      // Closures nest at most one level deep here.
      std::int32_t o = m_p->funcs[i].closure_of;
      if (o != kNone && m_p->funcs[std::size_t(o)].closure_of != kNone) {
        m_c.Error(Checker::Child(Checker::Child("/funcs", i), "closure_of"),
                  "closures inside closures are not modelled");
      }
    }
  }

  std::int32_t FindFunc(const std::string& name) const {
    for (std::size_t i = 0; i < m_p->funcs.size(); ++i) {
      if (m_p->funcs[i].name == name) return std::int32_t(i);
    }
    return kNone;
  }
  std::int32_t FindVar(std::int32_t f, const std::string& name) const {
    const Func& fn = m_p->funcs[std::size_t(f)];
    for (std::size_t i = 0; i < fn.vars.size(); ++i) {
      if (fn.vars[i].name == name) return std::int32_t(i);
    }
    return kNone;
  }

  std::int32_t FuncRef(const std::string& name, const std::string& ptr) {
    std::int32_t f = FindFunc(name);
    if (f != kNone) return f;
    if (name == kPrintln) {
      Func fn;
      fn.name = kPrintln;
      fn.is_extern = true;
      m_p->funcs.push_back(fn);
      return std::int32_t(m_p->funcs.size() - 1);
    }
    std::vector<std::string> names;
    for (const Func& fn : m_p->funcs) names.push_back(fn.name);
    names.push_back(kPrintln);
    std::string msg = "unknown function \"" + name + "\"";
    std::string hint = DidYouMean(name, names);
    if (!hint.empty()) msg += " (did you mean \"" + hint + "\"?)";
    msg += " (functions: " + JoinList(names) + ")";
    m_c.Error(ptr, msg);
    return kNone;
  }

  // A name as seen from function f: its variable, a captured variable, or a global.
  std::int32_t Resolve(std::int32_t f, const std::string& name, const std::string& ptr) {
    Ref r;
    if (std::int32_t v = FindVar(f, name); v != kNone) {
      r = {RefKind::kLocal, f, v, kNone};
    } else if (const Func& fn = m_p->F(f); fn.closure_of != kNone) {
      for (std::size_t k = 0; k < fn.captures.size(); ++k) {
        if (m_p->F(fn.closure_of).vars[std::size_t(fn.captures[k].var)].name == name) {
          r = {RefKind::kCaptured, fn.closure_of, fn.captures[k].var, std::int32_t(k)};
        }
      }
    }
    if (r.var == kNone) {
      for (std::size_t g = 0; g < m_p->globals.size(); ++g) {
        if (m_p->globals[g].name == name) r = {RefKind::kGlobal, kNone, std::int32_t(g), kNone};
      }
    }
    if (r.var == kNone) {
      std::vector<std::string> names;
      for (const Var& v : m_p->F(f).vars) names.push_back(v.name);
      for (const Global& g : m_p->globals) names.push_back(g.name);
      std::string msg = "unknown variable \"" + name + "\" in " + m_p->F(f).name;
      std::string hint = DidYouMean(name, names);
      if (!hint.empty()) msg += " (did you mean \"" + hint + "\"?)";
      if (!names.empty()) msg += " (names: " + JoinList(names) + ")";
      m_c.Error(ptr, msg + "; declare locals in \"funcs\"");
      return kNone;
    }
    m_p->refs.push_back(r);
    return std::int32_t(m_p->refs.size() - 1);
  }

  const Type& RefType(std::int32_t ref) const {
    const Ref& r = m_p->refs[std::size_t(ref)];
    if (r.kind == RefKind::kGlobal) return m_p->globals[std::size_t(r.var)].type;
    return m_p->VarOf(r).type;
  }
  Var* RefVar(std::int32_t ref) {
    const Ref& r = m_p->refs[std::size_t(ref)];
    if (r.kind == RefKind::kGlobal) return nullptr;
    return &m_p->funcs[std::size_t(r.func)].vars[std::size_t(r.var)];
  }

  // "42", "nil", "x", "&x", "*p", "n-1", "x+1".
  bool ParseExpr(const Json& v, std::int32_t f, const std::string& ptr, Expr* out) {
    Expr e;
    if (v.is_number_integer()) {
      e.kind = ExprKind::kInt;
      e.imm = v.get<std::int64_t>();
      e.text = std::to_string(e.imm);
      *out = e;
      return true;
    }
    if (v.is_null() || (v.is_string() && v.get<std::string>() == "nil")) {
      e.kind = ExprKind::kNil;
      e.text = "nil";
      *out = e;
      return true;
    }
    if (!v.is_string()) {
      m_c.Error(ptr, "expected a value: an integer, \"nil\", \"x\", \"&x\", \"*p\" or \"x+1\"");
      return false;
    }
    std::string s = Strip(v.get<std::string>());
    e.text = v.get<std::string>();
    std::string name = s;
    if (!s.empty() && s[0] == '&') {
      e.kind = ExprKind::kAddr;
      name = s.substr(1);
    } else if (!s.empty() && s[0] == '*') {
      e.kind = ExprKind::kDeref;
      name = s.substr(1);
    } else if (std::size_t op = s.find_first_of("+-", 1); op != std::string::npos) {
      e.kind = ExprKind::kPlus;
      name = s.substr(0, op);
      std::string num = s.substr(op + 1);
      if (num.empty() || num.size() > 9 || !std::all_of(num.begin(), num.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
          })) {
        m_c.Error(ptr, "expected x+N or x-N with a small number N");
        return false;
      }
      e.imm = std::stoll(num) * (s[op] == '-' ? -1 : 1);
    } else {
      e.kind = ExprKind::kVar;
    }
    if (!IsIdent(name)) {
      m_c.Error(ptr, "\"" + e.text +
                         "\" is not a value: use an integer, \"nil\", \"x\", \"&x\", "
                         "\"*p\" or \"x+1\"");
      return false;
    }
    e.ref = Resolve(f, name, ptr);
    if (e.ref == kNone) return false;
    const Ref& r = m_p->refs[std::size_t(e.ref)];
    const Type& t = RefType(e.ref);
    if (e.kind == ExprKind::kAddr) {
      if (r.kind != RefKind::kLocal || m_p->VarOf(r).param) {
        m_c.Error(ptr,
                  "only the address of a local variable is modelled (copy a parameter, "
                  "global or captured variable into a local first)");
        return false;
      }
      RefVar(e.ref)->addr_taken = true;
    }
    if (e.kind == ExprKind::kDeref && t.cls != TypeClass::kPtr) {
      m_c.Error(ptr, name + " is a " + t.text + ", not a pointer");
      return false;
    }
    if (e.kind == ExprKind::kDeref && t.elem_size > 8) {
      m_c.Error(ptr, "*" + name + ": loads through pointers are one word here");
      return false;
    }
    if (e.kind == ExprKind::kPlus && t.cls != TypeClass::kInt) {
      m_c.Error(ptr, name + " is a " + t.text + "; arithmetic needs an integer");
      return false;
    }
    *out = e;
    return true;
  }

  // The Go type text of an expression, for assignment checks ("" = untyped int / nil).
  std::string ExprType(const Expr& e) const {
    switch (e.kind) {
      case ExprKind::kInt:
        return "";
      case ExprKind::kNil:
        return "nil";
      case ExprKind::kPlus:
        return RefType(e.ref).text;
      case ExprKind::kVar:
        return RefType(e.ref).text;
      case ExprKind::kAddr:
        return "*" + RefType(e.ref).text;
      case ExprKind::kDeref:
        return RefType(e.ref).elem;
    }
    return "";
  }

  bool Assignable(const Type& dst, const Expr& e, const std::string& ptr) {
    std::string t = ExprType(e);
    bool ok = false;
    if (e.kind == ExprKind::kInt) {
      ok = dst.cls == TypeClass::kInt;
    } else if (e.kind == ExprKind::kNil) {
      ok = dst.cls == TypeClass::kPtr || dst.cls == TypeClass::kSlice ||
           dst.cls == TypeClass::kMap || dst.cls == TypeClass::kChan ||
           dst.cls == TypeClass::kFunc || dst.cls == TypeClass::kIface;
    } else {
      ok = Strip(t) == Strip(dst.text);
    }
    if (!ok) {
      m_c.Error(ptr, "cannot use " + e.text + (t.empty() || t == "nil" ? "" : " (" + t + ")") +
                         " as " + dst.text);
    }
    return ok;
  }

  // Static frames while the script is read: which function runs each op.
  struct SFrame {
    std::int32_t func;
    std::vector<std::uint8_t> declared;
    std::int32_t into;
  };

  // A target that an op declares (first time in this frame) or assigns.
  std::int32_t Into(const Json& op, const std::string& ptr, const char* key, bool required,
                    std::vector<SFrame>& frames) {
    auto name = m_c.String(op, ptr, key, required, 64);
    if (!name) return kNone;
    SFrame& fr = frames.back();
    std::int32_t ref = Resolve(fr.func, *name, Checker::Child(ptr, key));
    if (ref == kNone) return kNone;
    const Ref& r = m_p->refs[std::size_t(ref)];
    if (r.kind == RefKind::kLocal && !m_p->VarOf(r).param) {
      if (fr.declared[std::size_t(r.var)]) {
        RefVar(ref)->reassigned = true;
      } else {
        fr.declared[std::size_t(r.var)] = 1;
      }
    } else if (r.kind != RefKind::kGlobal) {
      RefVar(ref)->reassigned = true;
    }
    return ref;
  }

  bool Declared(const SFrame& fr, std::int32_t ref) const {
    const Ref& r = m_p->refs[std::size_t(ref)];
    if (r.kind != RefKind::kLocal || m_p->VarOf(r).param) return true;
    return fr.declared[std::size_t(r.var)] != 0;
  }

  bool UsesDeclared(const Expr& e, const SFrame& fr, const std::string& ptr) {
    if (e.ref == kNone || Declared(fr, e.ref)) return true;
    m_c.Error(ptr, m_p->VarOf(m_p->refs[std::size_t(e.ref)]).name +
                       " is used before it is declared in this call");
    return false;
  }

  std::int32_t AddSite(SiteKind k, std::int32_t f, std::int32_t op, std::int32_t line,
                       std::string expr, Type obj) {
    // The script replays execution: a construct met again (a function called twice) is the
    // same allocation site for the compiler.
    if (line > 0) {
      for (std::size_t i = 0; i < m_p->sites.size(); ++i) {
        const Site& o = m_p->sites[i];
        if (o.kind == k && o.func == f && o.line == line && o.expr == expr) return std::int32_t(i);
      }
    }
    Site s;
    s.kind = k;
    s.func = f;
    s.op = op;
    s.line = line;
    s.expr = std::move(expr);
    s.obj = std::move(obj);
    m_p->sites.push_back(std::move(s));
    return std::int32_t(m_p->sites.size() - 1);
  }

  void ReadScript(const Json& script) {
    std::vector<SFrame> frames;
    bool finished = false;
    auto push = [&](std::int32_t f, std::int32_t into) {
      frames.push_back({f, std::vector<std::uint8_t>(m_p->F(f).vars.size(), 0), into});
    };
    for (std::size_t i = 0; i < script.size(); ++i) {
      std::string ptr = Checker::Child("/script", i);
      const Json& j = script[i];
      if (!m_c.ExpectObject(j, ptr)) continue;
      auto name = m_c.Enum(j, ptr, "op", true, OpNames());
      if (!name) continue;
      Op op;
      op.source = std::int32_t(i);
      op.line = Line(j, ptr);
      const std::string& n = *name;
      if (finished) {
        m_c.Error(ptr, "the first function has returned: the goroutine is finished");
        return;
      }
      if (frames.empty() && n != "call") {
        m_c.Error(ptr, "the script starts with a call (of main): no frame is running yet");
        return;
      }
      if (!frames.empty()) op.func = frames.back().func;
      bool ok = true;
      if (n == "call") {
        m_c.CheckKeys(
            j, ptr, {"op", "func", "args", "into", "depth", "recurse_args", "via", "line", "say"});
        ok = ReadCall(j, ptr, op, frames, push);
      } else if (n == "return") {
        m_c.CheckKeys(j, ptr, {"op", "value", "depth", "line", "say"});
        op.code = OpCode::kReturn;
        if (!Depth(j, ptr, &op.depth)) return;
        if (op.depth > std::int32_t(frames.size())) {
          m_c.Error(Checker::Child(ptr, "depth"),
                    "only " + std::to_string(frames.size()) + " frame(s) are on the stack");
          return;
        }
        for (std::int32_t k = 1; k < op.depth; ++k) {
          if (frames[frames.size() - 1 - std::size_t(k)].func != op.func) {
            m_c.Error(Checker::Child(ptr, "depth"),
                      "a return with depth pops frames of one recursive function only");
            return;
          }
        }
        const Func& fn = m_p->F(op.func);
        if (j.contains("value")) {
          op.has_value = ParseExpr(j["value"], op.func, Checker::Child(ptr, "value"), &op.value);
          ok = op.has_value && UsesDeclared(op.value, frames.back(), Checker::Child(ptr, "value"));
          if (ok && !fn.has_result) {
            m_c.Error(Checker::Child(ptr, "value"), fn.name + " has no result");
            ok = false;
          }
          if (ok) ok = Assignable(fn.result, op.value, Checker::Child(ptr, "value"));
        } else if (fn.has_result) {
          m_c.Error(ptr, fn.name + " returns a " + fn.result.text + ": add \"value\"");
          ok = false;
        }
        std::int32_t into = kNone;
        for (std::int32_t k = 0; k < op.depth; ++k) {
          into = frames.back().into;
          frames.pop_back();
        }
        (void)into;
        if (frames.empty()) finished = true;
      } else if (n == "declare") {
        m_c.CheckKeys(j, ptr, {"op", "var", "value", "line", "say"});
        op.code = OpCode::kDeclare;
        auto vname = m_c.String(j, ptr, "var", true, 64);
        if (!vname) continue;
        std::int32_t v = FindVar(op.func, *vname);
        if (v == kNone || m_p->F(op.func).vars[std::size_t(v)].param) {
          Resolve(op.func, *vname, Checker::Child(ptr, "var"));  // reports unknown names
          if (v != kNone || !m_c.Failed()) {
            m_c.Error(Checker::Child(ptr, "var"),
                      "declare names a local of " + m_p->F(op.func).name);
          }
          continue;
        }
        if (frames.back().declared[std::size_t(v)]) {
          m_c.Error(Checker::Child(ptr, "var"),
                    *vname + " is already declared in this call; use assign");
          continue;
        }
        if (j.contains("value")) {
          op.has_value = ParseExpr(j["value"], op.func, Checker::Child(ptr, "value"), &op.value);
          ok = op.has_value &&
               UsesDeclared(op.value, frames.back(), Checker::Child(ptr, "value")) &&
               Assignable(m_p->F(op.func).vars[std::size_t(v)].type, op.value,
                          Checker::Child(ptr, "value"));
        }
        op.target = Into(j, ptr, "var", true, frames);
      } else if (n == "assign") {
        m_c.CheckKeys(j, ptr, {"op", "var", "value", "line", "say"});
        op.code = OpCode::kAssign;
        auto vname = m_c.String(j, ptr, "var", true, 64);
        if (!vname) continue;
        Type dst;
        if (!vname->empty() && (*vname)[0] == '*') {
          op.target_deref = true;
          op.target = Resolve(op.func, vname->substr(1), Checker::Child(ptr, "var"));
          if (op.target == kNone) continue;
          const Type& pt = RefType(op.target);
          if (pt.cls != TypeClass::kPtr || pt.elem_size > 8) {
            m_c.Error(Checker::Child(ptr, "var"),
                      vname->substr(1) + " must be a pointer to a one-word value");
            continue;
          }
          std::string err;
          ParseType(pt.elem, m_named, &dst, &err);
        } else {
          op.target = Resolve(op.func, *vname, Checker::Child(ptr, "var"));
          if (op.target == kNone) continue;
          if (!Declared(frames.back(), op.target)) {
            m_c.Error(Checker::Child(ptr, "var"), *vname + " is not declared yet in this call");
            continue;
          }
          Into(j, ptr, "var", true, frames);
          dst = RefType(op.target);
        }
        const Json* v = m_c.Member(j, ptr, "value", true);
        if (!v) continue;
        op.has_value = ParseExpr(*v, op.func, Checker::Child(ptr, "value"), &op.value);
        ok = op.has_value && UsesDeclared(op.value, frames.back(), Checker::Child(ptr, "value")) &&
             Assignable(dst, op.value, Checker::Child(ptr, "value"));
      } else if (n == "addr") {
        m_c.CheckKeys(j, ptr, {"op", "of", "into", "line", "say"});
        op.code = OpCode::kAddr;
        const Json* of = m_c.Member(j, ptr, "of", true);
        if (!of) continue;
        if (!of->is_string()) {
          m_c.Error(Checker::Child(ptr, "of"), "expected a variable name");
          continue;
        }
        ok = ParseExpr(Json("&" + of->get<std::string>()), op.func, Checker::Child(ptr, "of"),
                       &op.value) &&
             UsesDeclared(op.value, frames.back(), Checker::Child(ptr, "of"));
        op.has_value = ok;
        if (!ok) continue;
        op.target = Into(j, ptr, "into", true, frames);
        if (op.target != kNone)
          ok = Assignable(RefType(op.target), op.value, Checker::Child(ptr, "into"));
      } else if (n == "new") {
        m_c.CheckKeys(j, ptr, {"op", "type", "lit", "into", "line", "say"});
        op.code = OpCode::kNew;
        Type t;
        if (!TypeAt(j, ptr, "type", true, &t)) continue;
        bool lit = m_c.Bool(j, ptr, "lit", false).value_or(false);
        op.site = AddSite(SiteKind::kNew, op.func, std::int32_t(m_p->ops.size()), op.line,
                          lit ? "&" + t.text + "{...}" : "new(" + t.text + ")", t);
        op.target = Into(j, ptr, "into", true, frames);
        if (op.target != kNone && Strip(RefType(op.target).text) != "*" + Strip(t.text)) {
          m_c.Error(Checker::Child(ptr, "into"),
                    "new(" + t.text + ") is a *" + t.text + ", not a " + RefType(op.target).text);
          ok = false;
        }
      } else if (n == "make") {
        m_c.CheckKeys(j, ptr, {"op", "type", "len", "cap", "into", "line", "say"});
        ok = ReadMake(j, ptr, op, frames);
      } else if (n == "closure") {
        m_c.CheckKeys(j, ptr, {"op", "func", "into", "line", "say"});
        op.code = OpCode::kClosure;
        auto fname = m_c.String(j, ptr, "func", true, 64);
        if (!fname) continue;
        op.callee = FuncRef(*fname, Checker::Child(ptr, "func"));
        if (op.callee == kNone) continue;
        const Func& clo = m_p->F(op.callee);
        if (clo.closure_of != op.func) {
          m_c.Error(Checker::Child(ptr, "func"), *fname + " is not a func literal of " +
                                                     m_p->F(op.func).name +
                                                     " (set \"closure_of\")");
          continue;
        }
        for (const Capture& c : clo.captures) {
          if (!frames.back().declared[std::size_t(c.var)]) {
            m_c.Error(ptr, "the closure captures " + m_p->F(op.func).vars[std::size_t(c.var)].name +
                               " before it is declared");
            ok = false;
          }
        }
        Type obj;
        obj.text = "struct{F uintptr; ...}";
        obj.cls = TypeClass::kNamed;
        obj.size = 8 * (1 + std::int64_t(clo.captures.size()));
        obj.has_pointers = true;
        op.site = AddSite(SiteKind::kClosure, op.func, std::int32_t(m_p->ops.size()), op.line,
                          "func literal", obj);
        op.target = Into(j, ptr, "into", true, frames);
        if (op.target != kNone && RefType(op.target).cls != TypeClass::kFunc) {
          m_c.Error(Checker::Child(ptr, "into"), "a func literal goes into a func-typed variable");
          ok = false;
        }
      } else if (n == "gc") {
        m_c.CheckKeys(j, ptr, {"op", "line", "say"});
        op.code = OpCode::kGc;
      }
      if (!ok) continue;
      m_p->ops.push_back(std::move(op));
    }
    if (m_c.Failed()) return;
    // Capture by value needs a variable that is never reassigned and never has its address
    // taken, and is at most 128 bytes (escape.go flowClosure).
    for (Func& fn : m_p->funcs) {
      for (Capture& c : fn.captures) {
        const Var& v = m_p->funcs[std::size_t(fn.closure_of)].vars[std::size_t(c.var)];
        c.by_ref = v.addr_taken || v.reassigned || v.type.size > 128;
      }
    }
    // Every local gets a kVar site (moved to heap when its address escapes or it is too big).
    for (std::size_t f = 0; f < m_p->funcs.size(); ++f) {
      Func& fn = m_p->funcs[f];
      for (std::size_t v = 0; v < fn.vars.size(); ++v) {
        if (fn.vars[v].param) continue;
        fn.vars[v].site = AddSite(SiteKind::kVar, std::int32_t(f), kNone, fn.vars[v].line,
                                  fn.vars[v].name, fn.vars[v].type);
        m_p->sites.back().var = std::int32_t(v);
      }
    }
  }

  bool Depth(const Json& j, const std::string& ptr, std::int32_t* out) {
    auto d = m_c.Int(j, ptr, "depth", false, 1, std::int64_t(1) << 30);
    if (!d) return !j.contains("depth");
    if (*d > limits::kMaxDepth) {
      m_c.Error(Checker::Child(ptr, "depth"),
                "depth " + std::to_string(*d) +
                    " is over the limit kMaxDepth = " + std::to_string(limits::kMaxDepth));
      return false;
    }
    *out = std::int32_t(*d);
    return true;
  }

  template <class Push>
  bool ReadCall(const Json& j, const std::string& ptr, Op& op, std::vector<SFrame>& frames,
                Push&& push) {
    op.code = OpCode::kCall;
    auto fname = m_c.String(j, ptr, "func", true, 64);
    if (!fname) return false;
    op.callee = FuncRef(*fname, Checker::Child(ptr, "func"));
    if (op.callee == kNone) return false;
    const Func& callee = m_p->F(op.callee);
    if (frames.empty()) {
      if (callee.is_extern || callee.closure_of != kNone || callee.nparams > 0 ||
          j.contains("into")) {
        m_c.Error(ptr, "the first call starts the goroutine: a function without parameters");
        return false;
      }
      m_p->entry = op.callee;
    }
    if (!Depth(j, ptr, &op.depth)) return false;
    if (op.depth > 1 && callee.is_extern) {
      m_c.Error(Checker::Child(ptr, "depth"), "depth is for recursive calls of your own functions");
      return false;
    }
    if (auto via = m_c.String(j, ptr, "via", false, 64)) {
      op.via = Resolve(op.func, *via, Checker::Child(ptr, "via"));
      if (op.via == kNone) return false;
      if (RefType(op.via).cls != TypeClass::kFunc || callee.closure_of == kNone) {
        m_c.Error(Checker::Child(ptr, "via"),
                  "via names a func-typed variable holding a func literal "
                  "whose function is \"func\"");
        return false;
      }
      if (!UsesDeclared(Expr{ExprKind::kVar, 0, op.via, *via}, frames.back(),
                        Checker::Child(ptr, "via"))) {
        return false;
      }
      if (op.depth > 1) {
        m_c.Error(Checker::Child(ptr, "depth"), "depth is for direct recursive calls");
        return false;
      }
    } else if (callee.closure_of != kNone) {
      m_c.Error(ptr, *fname + " is a func literal: call it \"via\" the variable that holds it");
      return false;
    }
    if (const Json* args = m_c.Member(j, ptr, "args", false)) {
      std::string aptr = Checker::Child(ptr, "args");
      if (m_c.ExpectArray(*args, aptr, std::size_t(limits::kMaxArgs), "kMaxArgs")) {
        for (std::size_t k = 0; k < args->size(); ++k) {
          Expr e;
          std::string eptr = Checker::Child(aptr, k);
          if (!ParseExpr((*args)[k], op.func, eptr, &e) || !UsesDeclared(e, frames.back(), eptr)) {
            return false;
          }
          if (!callee.is_extern && std::int32_t(k) < callee.nparams &&
              !Assignable(callee.vars[k].type, e, eptr)) {
            return false;
          }
          op.args.push_back(e);
        }
      }
    }
    if (callee.is_extern) {
      for (std::size_t k = 0; k < op.args.size(); ++k) {
        const Expr& e = op.args[k];
        if (e.kind == ExprKind::kInt || e.kind == ExprKind::kNil) {
          m_c.Error(Checker::Child(Checker::Child(ptr, "args"), k),
                    "pass a variable to fmt.Println");
          return false;
        }
        std::string t = ExprType(e);
        Type ty;
        std::string err;
        ParseType(t, m_named, &ty, &err);
        bool pointer_shaped = ty.cls == TypeClass::kPtr || ty.cls == TypeClass::kMap ||
                              ty.cls == TypeClass::kChan || ty.cls == TypeClass::kFunc;
        // convT: a non-pointer value is copied into a new object the interface points to.
        op.box_sites.push_back(pointer_shaped
                                   ? kNone
                                   : AddSite(SiteKind::kBox, op.func, std::int32_t(m_p->ops.size()),
                                             op.line, e.text, ty));
      }
      Type dots;
      dots.text = "[" + std::to_string(op.args.size()) + "]any";
      dots.cls = TypeClass::kArray;
      dots.size = 16 * std::int64_t(op.args.size());
      op.dots_site =
          AddSite(SiteKind::kDots, op.func, std::int32_t(m_p->ops.size()), op.line, "...", dots);
      if (j.contains("into")) {
        m_c.Error(Checker::Child(ptr, "into"), "fmt.Println's results are not modelled");
        return false;
      }
      return true;
    }
    if (std::int32_t(op.args.size()) != callee.nparams) {
      m_c.Error(ptr, callee.name + " takes " + std::to_string(callee.nparams) +
                         " argument(s), got " + std::to_string(op.args.size()));
      return false;
    }
    if (j.contains("into")) {
      if (!callee.has_result) {
        m_c.Error(Checker::Child(ptr, "into"), callee.name + " has no result");
        return false;
      }
      op.target = Into(j, ptr, "into", true, frames);
      if (op.target == kNone) return false;
      if (Strip(RefType(op.target).text) != Strip(callee.result.text)) {
        m_c.Error(Checker::Child(ptr, "into"), callee.name + " returns a " + callee.result.text);
        return false;
      }
    }
    if (const Json* ra = m_c.Member(j, ptr, "recurse_args", false)) {
      std::string rptr = Checker::Child(ptr, "recurse_args");
      if (op.depth < 2) {
        m_c.Error(rptr, "recurse_args needs depth of 2 or more");
        return false;
      }
      if (!m_c.ExpectArray(*ra, rptr, std::size_t(limits::kMaxArgs), "kMaxArgs")) return false;
      if (std::int32_t(ra->size()) != callee.nparams) {
        m_c.Error(rptr, "one value per parameter of " + callee.name);
        return false;
      }
      for (std::size_t k = 0; k < ra->size(); ++k) {
        Expr e;
        std::string eptr = Checker::Child(rptr, k);
        if (!ParseExpr((*ra)[k], op.callee, eptr, &e)) return false;
        if (e.ref != kNone && m_p->refs[std::size_t(e.ref)].kind == RefKind::kLocal &&
            !m_p->VarOf(m_p->refs[std::size_t(e.ref)]).param) {
          m_c.Error(eptr, "recurse_args use the parameters of " + callee.name);
          return false;
        }
        if (!Assignable(callee.vars[k].type, e, eptr)) return false;
        op.recurse_args.push_back(e);
      }
    } else if (op.depth > 1) {
      // Default: each level passes its parameters on unchanged.
      for (std::int32_t k = 0; k < callee.nparams; ++k) {
        Expr e;
        e.kind = ExprKind::kVar;
        e.text = callee.vars[std::size_t(k)].name;
        m_p->refs.push_back({RefKind::kLocal, op.callee, k, kNone});
        e.ref = std::int32_t(m_p->refs.size() - 1);
        op.recurse_args.push_back(e);
      }
    }
    std::int32_t total = 0;
    for (const SFrame& fr : frames) total += fr.func >= 0 ? 1 : 0;
    if (total + op.depth > limits::kMaxDepth) {
      m_c.Error(ptr,
                "more than the limit kMaxDepth = " + std::to_string(limits::kMaxDepth) + " frames");
      return false;
    }
    for (std::int32_t k = 0; k < op.depth; ++k) {
      push(op.callee, k == 0 ? op.target : kNone);
      // With depth, every level declares its locals (zero values) before the next call.
      if (op.depth > 1) {
        for (std::size_t v = std::size_t(callee.nparams); v < callee.vars.size(); ++v)
          frames.back().declared[v] = 1;
      }
    }
    return true;
  }

  bool ReadMake(const Json& j, const std::string& ptr, Op& op, std::vector<SFrame>& frames) {
    op.code = OpCode::kMake;
    Type t;
    if (!TypeAt(j, ptr, "type", true, &t)) return false;
    auto size_expr = [&](const char* key, Expr* e) {
      if (!j.contains(key)) return true;
      std::string p = Checker::Child(ptr, key);
      if (!ParseExpr(j[key], op.func, p, e) || !UsesDeclared(*e, frames.back(), p)) return false;
      if (e->kind != ExprKind::kInt && (e->kind == ExprKind::kNil || e->kind == ExprKind::kAddr ||
                                        RefType(e->ref).cls != TypeClass::kInt)) {
        m_c.Error(p, "a size is an integer");
        return false;
      }
      if (e->kind == ExprKind::kInt && (e->imm < 0 || e->imm > (std::int64_t(1) << 32))) {
        m_c.Error(p, "a size between 0 and 2^32");
        return false;
      }
      return true;
    };
    op.has_cap = j.contains("cap");
    if (!size_expr("len", &op.len) || !size_expr("cap", &op.cap)) return false;
    Type obj;
    std::string text;
    bool always_heap = false;
    if (t.cls == TypeClass::kSlice) {
      if (!j.contains("len")) {
        m_c.Error(ptr, "make([]T, len) needs \"len\"");
        return false;
      }
      text = "make(" + t.text + ", " + op.len.text + (op.has_cap ? ", " + op.cap.text : "") + ")";
      const Expr& r = op.has_cap ? op.cap : op.len;
      obj.cls = TypeClass::kArray;
      obj.elem = t.elem;
      obj.elem_size = t.elem_size;
      obj.len = r.kind == ExprKind::kInt ? r.imm : 0;
      obj.size = obj.len * t.elem_size;
      obj.text = "[" + (r.kind == ExprKind::kInt ? std::to_string(obj.len) : r.text) + "]" + t.elem;
    } else if (t.cls == TypeClass::kMap) {
      if (op.has_cap) {
        m_c.Error(Checker::Child(ptr, "cap"), "make(map[K]V, hint) takes \"len\" as the hint");
        return false;
      }
      text = "make(" + t.text + (j.contains("len") ? ", " + op.len.text : "") + ")";
      obj.text = "hmap";
      obj.cls = TypeClass::kNamed;
      obj.size = 48;  // runtime.hmap on 64-bit
      obj.has_pointers = true;
    } else if (t.cls == TypeClass::kChan) {
      if (op.has_cap) {
        m_c.Error(Checker::Child(ptr, "cap"),
                  "make(chan T, size) takes \"len\" as the buffer size");
        return false;
      }
      text = "make(" + t.text + (j.contains("len") ? ", " + op.len.text : "") + ")";
      obj.text = "hchan";
      obj.cls = TypeClass::kNamed;
      obj.size = 96;  // runtime.hchan on 64-bit, buffer not counted
      obj.has_pointers = true;
      always_heap = true;
    } else {
      m_c.Error(Checker::Child(ptr, "type"), "make is only for slices, maps and channels");
      return false;
    }
    op.site = AddSite(SiteKind::kMake, op.func, std::int32_t(m_p->ops.size()), op.line, text, obj);
    m_p->sites[std::size_t(op.site)].always_heap = always_heap;
    op.target = Into(j, ptr, "into", true, frames);
    if (op.target != kNone && Strip(RefType(op.target).text) != Strip(t.text)) {
      m_c.Error(Checker::Child(ptr, "into"), text + " is a " + t.text);
      return false;
    }
    return op.target != kNone;
  }

  Checker& m_c;
  Program* m_p = nullptr;
  std::vector<NamedType> m_named;
};

}  // namespace

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker) {
  StackLoader loader(checker);
  std::shared_ptr<Program> prog = loader.Load(env, root);
  if (checker.Failed()) return nullptr;
  auto run = std::make_shared<StackRun>(std::move(env), std::move(prog));
  if (!BuildTimeline(*run, checker)) return nullptr;
  return run;
}

}  // namespace gs::stack
