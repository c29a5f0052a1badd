#include "engine/sched/load.h"
#include "engine/core/build_run.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/core/limits.h"
#include "engine/sched/compare_run.h"
#include "engine/sched/limits.h"
#include "engine/sched/sched_run.h"

namespace gs::sched {

const std::vector<std::string>& ConfigKeys() {
  static const std::vector<std::string> k = {
      "gomaxprocs",       "seed",        "runq_size", "global_check",
      "force_preempt_us", "steal_tries", "sysmon",    "m_wake_us"};
  return k;
}

const std::vector<std::string>& GoOpNames() {
  static const std::vector<std::string> k = {
      "run",       "go",       "gosched", "syscall",   "sleep",        "chan_send",
      "chan_recv", "net_read", "wait",    "exit",      "repeat",       "send",
      "recv",      "close",    "select",  "for_range", "make_chan",    "var",
      "set",       "add",      "print",   "forever",   "spawn",        "tell",
      "ask",       "receive",  "reply",   "panic",     "defer_recover"};
  return k;
}

const std::vector<std::string>& ScriptOpNames() {
  static const std::vector<std::string> k = {"run", "gomaxprocs", "go", "syscall", "wake", "chan"};
  return k;
}

namespace {

const std::vector<std::string>& WaitReasonNames() {
  static const std::vector<std::string> k = {"chan send",     "chan receive",     "sleep",
                                             "IO wait",       "semacquire",       "force gc (idle)",
                                             "GC sweep wait", "GC scavenge wait", "finalizer wait",
                                             "select"};
  return k;
}

class SchedLoader {
 public:
  explicit SchedLoader(Checker& c) : m_c(c) {}

  std::shared_ptr<Program> Load(const Envelope& env, const Json& root) {
    return LoadPart(env, root, root, "");
  }

  /// One program read from `part` (at JSON pointer `prefix` in the file: "" for a whole
  /// sched or chan scenario, "/actors" or "/csp" for a half of a concurrency compare), with
  /// the script of `script_root`.
  std::shared_ptr<Program> LoadPart(const Envelope& env, const Json& part, const Json& script_root,
                                    const std::string& prefix) {
    auto prog = std::make_shared<Program>();
    m_p = prog.get();
    ReadConfig(env.config);
    if (!part.is_object()) return prog;
    m_c.SetPrefix(prefix);
    ReadChans(part);
    DeclareFuncs(part);
    ReadActors(part);
    ReadFuncs(part);
    ReadInitial(part);
    for (const auto& [group, ptr] : m_waits) {
      if (!m_spawned.count(group)) {
        m_c.Error(ptr, "no goroutine is started with the name \"" +
                           m_p->groups[std::size_t(group)] + "\", so this wait could never return" +
                           Hint(m_p->groups[std::size_t(group)], SpawnedNames()));
      }
    }
    m_c.SetPrefix("");
    ReadScript(script_root);
    return prog;
  }

 private:
  static std::string Hint(const std::string& word, const std::vector<std::string>& names) {
    std::string d = DidYouMean(word, names);
    return d.empty() ? "" : " (did you mean \"" + d + "\"?)";
  }
  std::vector<std::string> SpawnedNames() const {
    std::vector<std::string> out;
    for (auto g : m_spawned) out.push_back(m_p->groups[std::size_t(g)]);
    return out;
  }

  void ReadConfig(const Json& cfg) {
    Config& c = m_p->config;
    m_c.CheckKeys(cfg, "/config", ConfigKeys());
    if (auto v = m_c.Int(cfg, "/config", "gomaxprocs", false, 1, limits::kMaxProcs)) {
      c.gomaxprocs = std::int32_t(*v);
    }
    if (auto v = m_c.Int(cfg, "/config", "seed", false, 0, std::int64_t(1) << 53)) {
      c.seed = std::uint64_t(*v);
    }
    if (auto v = m_c.Int(cfg, "/config", "runq_size", false, 2, 256))
      c.runq_size = std::int32_t(*v);
    if (auto v = m_c.Int(cfg, "/config", "global_check", false, 1, 100000)) {
      c.global_check = std::int32_t(*v);
    }
    if (auto v = m_c.Int(cfg, "/config", "force_preempt_us", false, 1, limits::kMaxDurationUs)) {
      c.force_preempt_us = *v;
    }
    if (auto v = m_c.Int(cfg, "/config", "steal_tries", false, 1, 16))
      c.steal_tries = std::int32_t(*v);
    if (auto v = m_c.Bool(cfg, "/config", "sysmon", false)) c.sysmon = *v;
    if (auto v = m_c.Int(cfg, "/config", "m_wake_us", false, 0, 1000000)) c.m_wake_us = *v;
  }

  void ReadChans(const Json& root) {
    const Json* chans = m_c.Member(root, "", "chans", false);
    if (!chans || !m_c.ExpectObject(*chans, "/chans")) return;
    if (chans->size() > limits::kMaxChans) {
      m_c.Error("/chans", "more than the limit kMaxChans = " + std::to_string(limits::kMaxChans));
      return;
    }
    for (const auto& [name, decl] : chans->items()) {
      std::string ptr = Checker::Child("/chans", name);
      if (!m_c.ValidId(name, ptr) || !m_c.ExpectObject(decl, ptr)) continue;
      m_c.CheckKeys(decl, ptr, {"cap", "elem", "nil"});
      std::int32_t cap = 0;
      if (auto v = m_c.Int(decl, ptr, "cap", false, 0, limits::kMaxChanCap)) cap = std::int32_t(*v);
      VType elem = VType::kInt;
      if (auto e = m_c.Enum(decl, ptr, "elem", false, TypeNames())) elem = TypeOf(*e);
      bool nil = false;
      if (auto n = m_c.Bool(decl, ptr, "nil", false)) nil = *n;
      if (nil && decl.contains("cap")) {
        m_c.Error(Checker::Child(ptr, "cap"),
                  "a nil channel has no buffer: give the cap to the make_chan op that makes it");
      }
      m_p->chan_names.push_back(name);
      m_p->chan_caps.push_back(cap);
      m_p->chan_elems.push_back(elem);
      m_p->chan_made.push_back(!nil);
    }
  }

  /// "supervisors" (name -> strategy and restart limit), then "actors" (name -> behaviour
  /// func, message type, supervisor).
  void ReadActors(const Json& root) {
    if (const Json* sups = m_c.Member(root, "", "supervisors", false)) {
      if (m_c.ExpectObject(*sups, "/supervisors")) {
        for (const auto& [name, decl] : sups->items()) {
          std::string ptr = Checker::Child("/supervisors", name);
          if (!m_c.ValidId(name, ptr) || !m_c.ExpectObject(decl, ptr)) continue;
          m_c.CheckKeys(decl, ptr, {"strategy", "max_restarts"});
          m_c.Enum(decl, ptr, "strategy", false, {"one_for_one"});
          Supervisor sup{.name = name};
          if (auto v = m_c.Int(decl, ptr, "max_restarts", false, 0, limits::kMaxRestarts)) {
            sup.max_restarts = std::int32_t(*v);
          }
          m_p->supervisors.push_back(sup);
        }
      }
    }
    const Json* actors = m_c.Member(root, "", "actors", false);
    if (!actors || !m_c.ExpectObject(*actors, "/actors")) return;
    if (actors->size() > limits::kMaxActors) {
      m_c.Error("/actors",
                "more than the limit kMaxActors = " + std::to_string(limits::kMaxActors));
      return;
    }
    for (const auto& [name, decl] : actors->items()) {
      std::string ptr = Checker::Child("/actors", name);
      if (!m_c.ValidId(name, ptr) || !m_c.ExpectObject(decl, ptr)) continue;
      m_c.CheckKeys(decl, ptr, {"func", "msg", "supervisor"});
      auto f = FuncRef(decl, ptr);
      if (!f) continue;
      ActorDecl d{.name = name, .func = *f};
      if (auto t = m_c.Enum(decl, ptr, "msg", false, {"int", "string"})) d.msg = TypeOf(*t);
      if (auto sv = m_c.String(decl, ptr, "supervisor", false)) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < m_p->supervisors.size(); ++i) {
          if (m_p->supervisors[i].name == *sv) d.supervisor = std::int16_t(i);
          names.push_back(m_p->supervisors[i].name);
        }
        if (d.supervisor == kNone) {
          m_c.Error(Checker::Child(ptr, "supervisor"), "unknown supervisor \"" + *sv +
                                                           "\": declare it in \"supervisors\"" +
                                                           Hint(*sv, names));
          continue;
        }
      }
      d.group = Group(name);
      m_spawned.insert(d.group);
      m_p->actors.push_back(d);
    }
  }

  std::optional<std::int16_t> ActorRef(const Json& op, const std::string& ptr, const char* key) {
    auto name = m_c.String(op, ptr, key, true);
    if (!name) return std::nullopt;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < m_p->actors.size(); ++i) {
      if (m_p->actors[i].name == *name) return std::int16_t(i);
      names.push_back(m_p->actors[i].name);
    }
    m_c.Error(Checker::Child(ptr, key),
              "unknown actor \"" + *name + "\": declare it in \"actors\"" + Hint(*name, names));
    return std::nullopt;
  }

  /// The actors whose behaviour is the func being read (receive and reply need one).
  std::vector<const ActorDecl*> ActorsOfFunc() const {
    std::vector<const ActorDecl*> out;
    for (const ActorDecl& d : m_p->actors) {
      if (&m_p->funcs[std::size_t(d.func)] == m_func) out.push_back(&d);
    }
    return out;
  }

  bool InBehaviour(const std::string& optr, const char* what) {
    if (!ActorsOfFunc().empty()) return true;
    m_c.Error(optr, std::string(what) +
                        " is for an actor's behaviour: no actor in \"actors\" has "
                        "func " +
                        m_func->name + " (only an actor has a mailbox)");
    return false;
  }

  /// An op that lets a loop go round without a step (the body of a forever must block, take
  /// time or show something, or the loop would spin without end).
  static bool Quiet(const GInstr& in) {
    return in.op == GOp::kSet || in.op == GOp::kAdd || in.op == GOp::kJump ||
           in.op == GOp::kReply || in.op == GOp::kDeferRecover || in.op == GOp::kPanic ||
           (in.op == GOp::kRun && in.us == 0);
  }

  /// The actor ops and forever; false when `w` is none of them.
  bool ReadActorOp(const std::string& w, const Json& op, const std::string& optr,
                   std::vector<GInstr>& out, int depth, bool* push, GInstr& in) {
    *push = true;
    if (w == "forever") {
      *push = false;
      m_c.CheckKeys(op, optr, {"do", "body"});
      const Json* inner = m_c.Member(op, optr, "body", true);
      if (!inner) return true;
      const std::size_t i0 = out.size();
      ReadBody(*inner, Checker::Child(optr, "body"), out, depth + 1);
      bool loud = false;
      for (std::size_t k = i0; k < out.size(); ++k) loud = loud || !Quiet(out[k]);
      if (!loud) {
        m_c.Error(Checker::Child(optr, "body"),
                  "a forever loop needs an op that blocks, takes time or shows a step (receive, "
                  "recv, send, run with us > 0, print, ...), or it would spin without end");
        return true;
      }
      out.push_back({.op = GOp::kJump, .jump = std::int32_t(i0) - std::int32_t(out.size())});
      CheckBodySize(out, optr);
      return true;
    }
    if (w == "spawn") {
      m_c.CheckKeys(op, optr, {"do", "actor"});
      in.op = GOp::kSpawn;
      auto a = ActorRef(op, optr, "actor");
      if (!a)
        *push = false;
      else
        in.actor = *a;
      return true;
    }
    if (w == "tell" || w == "ask") {
      in.op = w == "tell" ? GOp::kTell : GOp::kAsk;
      if (w == "tell") {
        m_c.CheckKeys(op, optr, {"do", "to", "value", "value_of"});
      } else {
        m_c.CheckKeys(op, optr, {"do", "to", "value", "value_of", "into", "ok"});
      }
      auto a = ActorRef(op, optr, "to");
      if (!a) {
        *push = false;
        return true;
      }
      in.actor = *a;
      auto v = ReadValue(op, optr, m_p->actors[std::size_t(*a)].msg, true);
      if (!v) {
        *push = false;
        return true;
      }
      in.value = *v;
      if (w == "ask") {
        if (op.contains("into")) {
          auto li = LocalRef(op, optr, "into", true);
          if (!li)
            *push = false;
          else
            in.into = *li;
        }
        if (op.contains("ok")) {
          auto li = LocalRef(op, optr, "ok", true);
          if (!li) {
            *push = false;
          } else if (m_func->locals[std::size_t(*li)].type != VType::kBool) {
            m_c.Error(Checker::Child(optr, "ok"), "ok must be a bool local");
            *push = false;
          } else {
            in.ok = *li;
          }
        }
      }
      return true;
    }
    if (w == "receive") {
      m_c.CheckKeys(op, optr, {"do", "into"});
      in.op = GOp::kReceive;
      if (!InBehaviour(optr, "receive")) {
        *push = false;
        return true;
      }
      if (op.contains("into")) {
        auto li = LocalRef(op, optr, "into", true);
        if (!li) {
          *push = false;
          return true;
        }
        const VType t = m_func->locals[std::size_t(*li)].type;
        for (const ActorDecl* d : ActorsOfFunc()) {
          if (d->msg != t) {
            m_c.Error(Checker::Child(optr, "into"),
                      "local \"" + m_func->locals[std::size_t(*li)].name + "\" is " + TypeName(t) +
                          " but actor " + d->name + " takes " + TypeName(d->msg) + " messages");
            *push = false;
            return true;
          }
        }
        in.into = *li;
      }
      return true;
    }
    if (w == "reply") {
      m_c.CheckKeys(op, optr, {"do", "value", "value_of"});
      in.op = GOp::kReply;
      auto v = ReadValue(op, optr, std::nullopt, true);
      if (!v || !InBehaviour(optr, "reply"))
        *push = false;
      else
        in.value = *v;
      return true;
    }
    if (w == "panic") {
      m_c.CheckKeys(op, optr, {"do", "value", "when"});
      in.op = GOp::kPanic;
      if (op.contains("value_of")) {
        *push = false;
        return true;
      }
      auto v = ReadValue(op, optr, VType::kString, true);
      if (!v) {
        *push = false;
        return true;
      }
      in.value = *v;
      if (const Json* when = m_c.Member(op, optr, "when", false)) {
        const std::string wptr = Checker::Child(optr, "when");
        if (!m_c.ExpectObject(*when, wptr)) {
          *push = false;
          return true;
        }
        m_c.CheckKeys(*when, wptr, {"local", "equals"});
        auto li = LocalRef(*when, wptr, "local", true);
        if (!li) {
          *push = false;
          return true;
        }
        in.when_local = *li;
        const VType t = m_func->locals[std::size_t(*li)].type;
        if (!when->contains("equals")) {
          m_c.Error(wptr, "needs \"equals\": the value that makes it panic", true);
          *push = false;
          return true;
        }
        Json eq = Json::object();
        eq["value"] = (*when)["equals"];
        // Read like a "value" of the local's type (the error points at "when").
        auto ev = ReadValue(eq, wptr, t, true);
        if (!ev) {
          *push = false;
          return true;
        }
        in.when_value = ev->literal;
      }
      return true;
    }
    if (w == "defer_recover") {
      m_c.CheckKeys(op, optr, {"do"});
      in.op = GOp::kDeferRecover;
      return true;
    }
    return false;
  }

  void DeclareFuncs(const Json& root) {
    const Json* funcs = m_c.Member(root, "", "funcs", true);
    if (!funcs || !m_c.ExpectObject(*funcs, "/funcs")) return;
    if (funcs->size() > limits::kMaxFuncs) {
      m_c.Error("/funcs", "more than the limit kMaxFuncs = " + std::to_string(limits::kMaxFuncs));
      return;
    }
    for (const auto& [name, body] : funcs->items()) {
      (void)body;
      if (!m_c.ValidId(name, Checker::Child("/funcs", name))) continue;
      m_func_index[name] = std::int16_t(m_p->funcs.size());
      m_p->funcs.push_back({name, {}});
    }
  }

  void ReadFuncs(const Json& root) {
    if (!root.contains("funcs") || !root["funcs"].is_object()) return;
    for (const auto& [name, body] : root["funcs"].items()) {
      auto it = m_func_index.find(name);
      if (it == m_func_index.end()) continue;
      std::string ptr = Checker::Child("/funcs", name);
      Func& f = m_p->funcs[std::size_t(it->second)];
      m_func = &f;
      ReadBody(body, ptr, f.body, 0);
      if (f.body.size() >= limits::kMaxBodyOps) continue;
      f.body.push_back({.op = GOp::kExit});
    }
  }

  std::int16_t Group(const std::string& name) {
    for (std::size_t i = 0; i < m_p->groups.size(); ++i) {
      if (m_p->groups[i] == name) return std::int16_t(i);
    }
    m_p->groups.push_back(name);
    return std::int16_t(m_p->groups.size() - 1);
  }

  std::optional<std::int16_t> FuncRef(const Json& op, const std::string& ptr) {
    auto fn = m_c.String(op, ptr, "func", true);
    if (!fn) return std::nullopt;
    auto it = m_func_index.find(*fn);
    if (it == m_func_index.end()) {
      std::vector<std::string> names;
      for (const auto& f : m_p->funcs) names.push_back(f.name);
      m_c.Error(Checker::Child(ptr, "func"), "unknown func \"" + *fn + "\"" + Hint(*fn, names));
      return std::nullopt;
    }
    return it->second;
  }

  std::optional<std::int16_t> ChanRef(const Json& op, const std::string& ptr) {
    auto ch = m_c.String(op, ptr, "ch", true);
    if (!ch) return std::nullopt;
    return ChanRefNamed(*ch, Checker::Child(ptr, "ch"));
  }
  std::optional<std::int16_t> ChanRefNamed(const std::string& ch, const std::string& ptr) {
    for (std::size_t i = 0; i < m_p->chan_names.size(); ++i) {
      if (m_p->chan_names[i] == ch) return std::int16_t(i);
    }
    m_c.Error(
        ptr, "unknown channel \"" + ch + "\": declare it in \"chans\"" + Hint(ch, m_p->chan_names));
    return std::nullopt;
  }

  static const std::vector<std::string>& TypeNames() {
    static const std::vector<std::string> k = {"int", "string", "bool", "struct{}"};
    return k;
  }
  static VType TypeOf(const std::string& t) {
    return t == "string"     ? VType::kString
           : t == "bool"     ? VType::kBool
           : t == "struct{}" ? VType::kStruct
                             : VType::kInt;
  }
  static const char* TypeName(VType t) {
    return t == VType::kString   ? "string"
           : t == VType::kBool   ? "bool"
           : t == VType::kStruct ? "struct{}"
                                 : "int";
  }

  bool CheckBodySize(const std::vector<GInstr>& out, const std::string& optr) {
    if (out.size() <= limits::kMaxBodyOps) return true;
    m_c.Error(optr, "more than the limit kMaxBodyOps = " + std::to_string(limits::kMaxBodyOps) +
                        " ops in one func");
    return false;
  }

  std::optional<std::int8_t> DeclareLocal(const std::string& name, VType t,
                                          const std::string& ptr) {
    if (name == "index") {
      m_c.Error(ptr, "\"index\" is the goroutine's index in its group; pick another name");
      return std::nullopt;
    }
    for (std::size_t i = 0; i < m_func->locals.size(); ++i) {
      if (m_func->locals[i].name == name) {
        m_c.Error(ptr, "local \"" + name + "\" is declared twice in func " + m_func->name);
        return std::nullopt;
      }
    }
    if (m_func->locals.size() >= kMaxLocals) {
      m_c.Error(ptr, "more than the limit kMaxLocals = " + std::to_string(kMaxLocals) +
                         " locals in one func");
      return std::nullopt;
    }
    m_func->locals.push_back({name, t});
    return std::int8_t(m_func->locals.size() - 1);
  }

  std::optional<std::int8_t> LocalRef(const Json& op, const std::string& ptr, const char* key,
                                      bool required) {
    auto name = m_c.String(op, ptr, key, required);
    if (!name) return std::nullopt;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < m_func->locals.size(); ++i) {
      if (m_func->locals[i].name == *name) return std::int8_t(i);
      names.push_back(m_func->locals[i].name);
    }
    m_c.Error(Checker::Child(ptr, key),
              "undeclared local \"" + *name + "\" in func " + m_func->name +
                  ": declare it first with {\"do\": \"var\", \"name\": \"" + *name +
                  "\", \"type\": ...}" + Hint(*name, names));
    return std::nullopt;
  }

  /// "into" (a local of the channel's element type) and "ok" (a bool local), both optional.
  bool RecvTargets(const Json& op, const std::string& ptr, std::int16_t ch, std::int8_t* into,
                   std::int8_t* ok) {
    const VType elem = m_p->chan_elems[std::size_t(ch)];
    if (op.contains("into")) {
      auto li = LocalRef(op, ptr, "into", true);
      if (!li) return false;
      VType t = m_func->locals[std::size_t(*li)].type;
      if (t != elem) {
        m_c.Error(Checker::Child(ptr, "into"), "local \"" + m_func->locals[std::size_t(*li)].name +
                                                   "\" is " + TypeName(t) +
                                                   " but the channel carries " + TypeName(elem));
        return false;
      }
      *into = *li;
    }
    if (op.contains("ok")) {
      auto li = LocalRef(op, ptr, "ok", true);
      if (!li) return false;
      if (m_func->locals[std::size_t(*li)].type != VType::kBool) {
        m_c.Error(Checker::Child(ptr, "ok"), "ok must be a bool local; \"" +
                                                 m_func->locals[std::size_t(*li)].name + "\" is " +
                                                 TypeName(m_func->locals[std::size_t(*li)].type));
        return false;
      }
      *ok = *li;
    }
    return true;
  }

  /// "value" (a literal of type `want`) or "value_of" (a local, or "index"); neither: the
  /// zero value, unless `required`. No `want`: any type (print).
  std::optional<ValueSrc> ReadValue(const Json& op, const std::string& ptr,
                                    std::optional<VType> want, bool required) {
    ValueSrc v;
    v.type = want.value_or(VType::kInt);
    if (op.contains("value") && op.contains("value_of")) {
      m_c.Error(ptr, "give either \"value\" or \"value_of\", not both");
      return std::nullopt;
    }
    if (op.contains("value_of")) {
      auto name = m_c.String(op, ptr, "value_of", true);
      if (!name) return std::nullopt;
      VType t = VType::kInt;
      if (*name == "index") {
        v.kind = ValueSrc::Kind::kIndex;
      } else {
        auto li = LocalRef(op, ptr, "value_of", true);
        if (!li) return std::nullopt;
        v.kind = ValueSrc::Kind::kLocal;
        v.local = *li;
        t = m_func->locals[std::size_t(*li)].type;
      }
      if (want && t != *want) {
        m_c.Error(
            Checker::Child(ptr, "value_of"),
            std::string("\"") + *name + "\" is " + TypeName(t) + ", expected " + TypeName(*want));
        return std::nullopt;
      }
      v.type = t;
      return v;
    }
    if (!op.contains("value")) {
      if (required) {
        m_c.Error(ptr, "needs \"value\" or \"value_of\"", true);
        return std::nullopt;
      }
      return v;
    }
    const Json& j = op["value"];
    std::string vptr = Checker::Child(ptr, "value");
    VType t = j.is_boolean()               ? VType::kBool
              : j.is_string()              ? VType::kString
              : j.is_object() && j.empty() ? VType::kStruct
                                           : VType::kInt;
    if (!j.is_boolean() && !j.is_string() && !j.is_number_integer() &&
        !(j.is_object() && j.empty())) {
      m_c.Error(vptr, "expected an int, a string, a bool or {} (struct{}{})");
      return std::nullopt;
    }
    if (want && t != *want) {
      m_c.Error(vptr, std::string(t == VType::kInt ? "an " : "a ") + TypeName(t) +
                          " value, expected " + TypeName(*want));
      return std::nullopt;
    }
    v.type = t;
    if (t == VType::kBool) v.literal = j.get<bool>() ? 1 : 0;
    if (t == VType::kInt) {
      if (!j.is_number_integer() ||
          (j.is_number_unsigned() && j.get<std::uint64_t>() > (1ULL << 53))) {
        m_c.Error(vptr, "an int out of range");
        return std::nullopt;
      }
      v.literal = j.get<std::int64_t>();
    }
    if (t == VType::kString) {
      const std::string str = j.get<std::string>();
      if (str.size() > 64) {
        m_c.Error(vptr, "a string value longer than 64 bytes");
        return std::nullopt;
      }
      auto it = std::find(m_p->strings.begin(), m_p->strings.end(), str);
      if (it == m_p->strings.end()) {
        if (m_p->strings.size() >= 4096) {
          m_c.Error(vptr, "more than 4096 different string values");
          return std::nullopt;
        }
        m_p->strings.push_back(str);
        it = m_p->strings.end() - 1;
      }
      v.literal = Value(it - m_p->strings.begin());
    }
    return v;
  }

  /// A select: the op, then each case's body ending with a jump past the select, then the
  /// default body.
  bool ReadSelect(const Json& op, const std::string& optr, std::vector<GInstr>& out, int depth) {
    m_c.CheckKeys(op, optr, {"do", "cases", "default"});
    const Json* cases = m_c.Member(op, optr, "cases", true);
    if (!cases) return true;
    std::string cptr = Checker::Child(optr, "cases");
    if (!m_c.ExpectArray(*cases, cptr, kMaxSelectCases, "kMaxSelectCases")) return true;
    if (m_p->selects.size() >= limits::kMaxBodyOps) {
      m_c.Error(optr, "more than the limit kMaxBodyOps = " + std::to_string(limits::kMaxBodyOps) +
                          " selects");
      return false;
    }
    SelectSpec sp;
    const std::size_t i0 = out.size();
    out.push_back({.op = GOp::kSelect, .sel = std::int32_t(m_p->selects.size())});
    m_p->selects.emplace_back();
    std::vector<std::size_t> jumps;
    for (std::size_t k = 0; k < cases->size(); ++k) {
      std::string kp = Checker::Child(cptr, k);
      const Json& cj = (*cases)[k];
      if (!m_c.ExpectObject(cj, kp)) continue;
      m_c.CheckKeys(cj, kp, {"send", "recv", "value", "value_of", "into", "ok", "body"});
      SelectCase sc;
      sc.send = cj.contains("send");
      if (sc.send == cj.contains("recv")) {
        m_c.Error(kp, "a case has either \"send\" or \"recv\" (the channel's name)");
        continue;
      }
      const char* key = sc.send ? "send" : "recv";
      auto name = m_c.String(cj, kp, key, true);
      if (!name) continue;
      auto ch = ChanRefNamed(*name, Checker::Child(kp, key));
      if (!ch) continue;
      sc.ch = *ch;
      if (sc.send) {
        if (cj.contains("into") || cj.contains("ok")) {
          m_c.Error(kp, "a send case has no \"into\" or \"ok\"");
          continue;
        }
        auto v = ReadValue(cj, kp, m_p->chan_elems[std::size_t(*ch)], false);
        if (!v) continue;
        sc.value = *v;
      } else {
        if (cj.contains("value") || cj.contains("value_of")) {
          m_c.Error(kp, "a receive case has no value; did you mean \"into\"?");
          continue;
        }
        if (!RecvTargets(cj, kp, *ch, &sc.into, &sc.ok)) continue;
      }
      sc.body = std::int32_t(out.size() - i0);
      if (const Json* b = m_c.Member(cj, kp, "body", false)) {
        ReadBody(*b, Checker::Child(kp, "body"), out, depth + 1);
      }
      jumps.push_back(out.size());
      out.push_back({.op = GOp::kJump});
      sp.cases.push_back(sc);
    }
    if (const Json* d = m_c.Member(op, optr, "default", false)) {
      sp.has_default = true;
      sp.default_body = std::int32_t(out.size() - i0);
      ReadBody(*d, Checker::Child(optr, "default"), out, depth + 1);
    }
    const std::size_t end = out.size();
    for (std::size_t j : jumps) out[j].jump = std::int32_t(end - j);
    sp.end = std::int32_t(end - i0);
    m_p->selects[std::size_t(out[i0].sel)] = std::move(sp);
    return CheckBodySize(out, optr);
  }

  void ReadBody(const Json& body, const std::string& ptr, std::vector<GInstr>& out, int depth) {
    if (!m_c.ExpectArray(body, ptr, limits::kMaxBodyOps, "kMaxBodyOps")) return;
    for (std::size_t i = 0; i < body.size(); ++i) {
      std::string optr = Checker::Child(ptr, i);
      const Json& op = body[i];
      if (!m_c.ExpectObject(op, optr)) continue;
      auto what = m_c.Enum(op, optr, "do", true, GoOpNames());
      if (!what) continue;
      GInstr in;
      const std::string& w = *what;
      auto us = [&](void) -> bool {
        auto v = m_c.Int(op, optr, "us", true, 0, limits::kMaxDurationUs);
        if (v) in.us = *v;
        return bool(v);
      };
      if (w == "run" || w == "syscall" || w == "sleep" || w == "net_read") {
        m_c.CheckKeys(op, optr, {"do", "us"});
        if (!us()) continue;
        in.op = w == "run"       ? GOp::kRun
                : w == "syscall" ? GOp::kSyscall
                : w == "sleep"   ? GOp::kSleep
                                 : GOp::kNetRead;
      } else if (w == "go") {
        m_c.CheckKeys(op, optr, {"do", "func", "name", "repeat"});
        in.op = GOp::kGo;
        auto f = FuncRef(op, optr);
        if (!f) continue;
        in.func = *f;
        if (auto n = m_c.String(op, optr, "name", false)) {
          if (!m_c.ValidId(*n, Checker::Child(optr, "name"))) continue;
          in.group = Group(*n);
          m_spawned.insert(in.group);
        }
        if (auto r = m_c.Int(op, optr, "repeat", false, 1, limits::kMaxRepeat)) {
          in.repeat = std::int32_t(*r);
        }
      } else if (w == "gosched" || w == "exit") {
        m_c.CheckKeys(op, optr, {"do"});
        in.op = w == "gosched" ? GOp::kGosched : GOp::kExit;
      } else if (w == "chan_send" || w == "send") {
        m_c.CheckKeys(op, optr, {"do", "ch", "value", "value_of"});
        in.op = GOp::kChanSend;
        auto ch = ChanRef(op, optr);
        if (!ch) continue;
        in.ch = *ch;
        auto v = ReadValue(op, optr, m_p->chan_elems[std::size_t(*ch)], false);
        if (!v) continue;
        in.value = *v;
      } else if (w == "chan_recv" || w == "recv") {
        m_c.CheckKeys(op, optr, {"do", "ch", "into", "ok"});
        in.op = GOp::kChanRecv;
        auto ch = ChanRef(op, optr);
        if (!ch) continue;
        in.ch = *ch;
        if (!RecvTargets(op, optr, *ch, &in.into, &in.ok)) continue;
      } else if (w == "close" || w == "make_chan") {
        in.op = w == "close" ? GOp::kClose : GOp::kMakeChan;
        if (w == "close") {
          m_c.CheckKeys(op, optr, {"do", "ch"});
        } else {
          m_c.CheckKeys(op, optr, {"do", "ch", "cap"});
          if (auto v = m_c.Int(op, optr, "cap", false, 0, limits::kMaxChanCap)) {
            in.cap = std::int32_t(*v);
          } else if (op.contains("cap")) {
            continue;
          }
        }
        auto ch = ChanRef(op, optr);
        if (!ch) continue;
        in.ch = *ch;
      } else if (w == "var" || w == "set" || w == "add") {
        if (w == "var") {
          m_c.CheckKeys(op, optr, {"do", "name", "type", "value"});
          auto name = m_c.String(op, optr, "name", true);
          auto type = m_c.Enum(op, optr, "type", true, TypeNames());
          if (!name || !type || !m_c.ValidId(*name, Checker::Child(optr, "name"))) continue;
          auto li = DeclareLocal(*name, TypeOf(*type), Checker::Child(optr, "name"));
          if (!li) continue;
          in.into = *li;
        } else {
          m_c.CheckKeys(op, optr, {"do", "local", "value", "value_of"});
          auto li = LocalRef(op, optr, "local", true);
          if (!li) continue;
          in.into = *li;
        }
        in.op = w == "add" ? GOp::kAdd : GOp::kSet;
        VType t = m_func->locals[std::size_t(in.into)].type;
        if (w == "add" && t != VType::kInt) {
          m_c.Error(Checker::Child(optr, "local"), "add needs an int local");
          continue;
        }
        auto v = ReadValue(op, optr, t, w != "var");
        if (!v) continue;
        in.value = *v;
      } else if (w == "print") {
        m_c.CheckKeys(op, optr, {"do", "value", "value_of"});
        in.op = GOp::kPrint;
        auto v = ReadValue(op, optr, std::nullopt, true);
        if (!v) continue;
        in.value = *v;
      } else if (w == "for_range") {
        m_c.CheckKeys(op, optr, {"do", "ch", "into", "body"});
        auto ch = ChanRef(op, optr);
        const Json* inner = m_c.Member(op, optr, "body", true);
        if (!ch || !inner) continue;
        GInstr head{.op = GOp::kRangeRecv, .ch = *ch};
        std::int8_t ok = kNone;
        if (!RecvTargets(op, optr, *ch, &head.into, &ok)) continue;
        const std::size_t i0 = out.size();
        out.push_back(head);
        ReadBody(*inner, Checker::Child(optr, "body"), out, depth + 1);
        out.push_back({.op = GOp::kJump, .jump = std::int32_t(i0) - std::int32_t(out.size())});
        out[i0].jump = std::int32_t(out.size() - i0);
        if (!CheckBodySize(out, optr)) return;
        continue;
      } else if (w == "select") {
        if (!ReadSelect(op, optr, out, depth)) return;
        continue;
      } else if (bool push = true; ReadActorOp(w, op, optr, out, depth, &push, in)) {
        if (!push) continue;
      } else if (w == "wait") {
        m_c.CheckKeys(op, optr, {"do", "for"});
        in.op = GOp::kWait;
        auto g = m_c.String(op, optr, "for", true);
        if (!g || !m_c.ValidId(*g, Checker::Child(optr, "for"))) continue;
        in.group = Group(*g);
        m_waits.emplace_back(in.group, Checker::Child(optr, "for"));
      } else if (w == "repeat") {
        m_c.CheckKeys(op, optr, {"do", "times", "body"});
        auto times = m_c.Int(op, optr, "times", true, 0, limits::kMaxRepeat);
        const Json* inner = m_c.Member(op, optr, "body", true);
        if (!times || !inner) continue;
        std::vector<GInstr> block;
        ReadBody(*inner, Checker::Child(optr, "body"), block, depth + 1);
        if (std::size_t(*times) * block.size() + out.size() > limits::kMaxBodyOps) {
          m_c.Error(optr, "expanding this repeat gives more than the limit kMaxBodyOps = " +
                              std::to_string(limits::kMaxBodyOps) + " ops in one func");
          return;
        }
        for (std::int64_t t = 0; t < *times; ++t) out.insert(out.end(), block.begin(), block.end());
        continue;
      }
      if (out.size() >= limits::kMaxBodyOps) {
        m_c.Error(optr, "more than the limit kMaxBodyOps = " + std::to_string(limits::kMaxBodyOps) +
                            " ops in one func");
        return;
      }
      out.push_back(in);
    }
  }

  void ReadInitial(const Json& root) {
    const Json* init = m_c.Member(root, "", "initial", false);
    if (!init) {
      // The default start: main.main running on P0 with M0 (schedtick: see below).
      auto it = m_func_index.find("main");
      if (it == m_func_index.end()) {
        if (root.contains("funcs") && root["funcs"].is_object()) {
          m_c.Error("/funcs", "needs a func named \"main\" (or an \"initial\" state)");
        }
        return;
      }
      m_p->initial.push_back(
          {.func = it->second, .group = Group("main"), .status = GStatus::kRunning, .p = 0});
      m_spawned.insert(Group("main"));
      InitialP p0;
      // Real Go 1.19 with one P: runtime.main and the runtime goroutines it runs before
      // main.main (forcegchelper, bgsweep, bgscavenge, handing off over channels) leave P0 at
      // schedtick 4, so the 61-tick global check comes when real Go's does (checked with
      // tests/realgo/chan/differs/runq-overflow-61.go: 300 goroutines print the same order).
      p0.schedtick = 4;
      m_p->initial_ps.push_back(p0);
      return;
    }
    if (!m_c.ExpectObject(*init, "/initial")) return;
    m_c.CheckKeys(*init, "/initial", {"goroutines", "procs", "global_runq"});
    std::map<std::string, std::int32_t> names;
    std::vector<int> placed;
    std::vector<bool> running_on(std::size_t(m_p->config.gomaxprocs), false);
    if (const Json* gs = m_c.Member(*init, "/initial", "goroutines", true)) {
      if (m_c.ExpectArray(*gs, "/initial/goroutines", limits::kMaxInitialGoroutines,
                          "kMaxInitialGoroutines")) {
        for (std::size_t i = 0; i < gs->size(); ++i) {
          std::string ptr = Checker::Child("/initial/goroutines", i);
          const Json& g = (*gs)[i];
          if (!m_c.ExpectObject(g, ptr)) continue;
          m_c.CheckKeys(g, ptr, {"name", "func", "state", "wait_reason", "system", "p", "ch"});
          InitialG ig;
          auto name = m_c.String(g, ptr, "name", true);
          auto f = FuncRef(g, ptr);
          auto st = m_c.Enum(g, ptr, "state", true, {"running", "runnable", "waiting"});
          if (!name || !f || !st || !m_c.ValidId(*name, Checker::Child(ptr, "name"))) continue;
          if (names.count(*name)) {
            m_c.Error(Checker::Child(ptr, "name"), "duplicate goroutine name \"" + *name + "\"");
            continue;
          }
          // Keys that belong to another state would be ignored silently: say so instead.
          if (*st != "running" && g.contains("p")) {
            m_c.Error(Checker::Child(ptr, "p"),
                      "only a running goroutine sits on a P; a " + *st + " one has no \"p\"");
          }
          for (const char* key : {"wait_reason", "ch"}) {
            if (*st != "waiting" && g.contains(key)) {
              m_c.Error(Checker::Child(ptr, key), std::string("only a waiting goroutine has \"") +
                                                      key + "\"; this one is " + *st);
            }
          }
          ig.func = *f;
          ig.group = Group(*name);
          m_spawned.insert(ig.group);
          if (auto sys = m_c.Bool(g, ptr, "system", false)) ig.system = *sys;
          if (*st == "running") {
            ig.status = GStatus::kRunning;
            auto p = m_c.Int(g, ptr, "p", true, 0, m_p->config.gomaxprocs - 1);
            if (!p) continue;
            if (running_on[std::size_t(*p)]) {
              m_c.Error(Checker::Child(ptr, "p"),
                        "P" + std::to_string(*p) + " already runs another goroutine");
              continue;
            }
            running_on[std::size_t(*p)] = true;
            ig.p = std::int32_t(*p);
          } else if (*st == "waiting") {
            ig.status = GStatus::kWaiting;
            auto why = m_c.Enum(g, ptr, "wait_reason", true, WaitReasonNames());
            if (!why) continue;
            for (std::size_t k = 0; k < WaitReasonNames().size(); ++k) {
              if (WaitReasonNames()[k] == *why) ig.wait = WaitReason(k + 1);
            }
            if (g.contains("ch")) {
              auto ch = ChanRef(g, ptr);
              if (!ch) continue;
              if (ig.wait != WaitReason::kChanReceive) {
                m_c.Error(Checker::Child(ptr, "ch"),
                          "a goroutine parked on a channel here must have wait_reason "
                          "\"chan receive\"");
                continue;
              }
              ig.ch = *ch;
            }
          } else {
            ig.status = GStatus::kRunnable;
          }
          names[*name] = std::int32_t(m_p->initial.size());
          placed.push_back(0);
          m_p->initial.push_back(ig);
        }
      }
    }
    auto ref = [&](const Json& v, const std::string& ptr) -> std::int32_t {
      if (!v.is_string()) {
        m_c.Error(ptr, "expected a goroutine name (string)");
        return kNone;
      }
      auto it = names.find(v.get<std::string>());
      if (it == names.end()) {
        std::vector<std::string> all;
        for (const auto& [n, idx] : names) all.push_back(n);
        m_c.Error(ptr, "unknown goroutine \"" + v.get<std::string>() + "\"" +
                           Hint(v.get<std::string>(), all));
        return kNone;
      }
      const InitialG& ig = m_p->initial[std::size_t(it->second)];
      if (ig.status != GStatus::kRunnable) {
        m_c.Error(ptr, "\"" + it->first + "\" is not runnable, so it cannot sit in a run queue");
        return kNone;
      }
      if (placed[std::size_t(it->second)]++) {
        m_c.Error(ptr, "\"" + it->first + "\" is already in a run queue");
        return kNone;
      }
      return it->second;
    };
    if (const Json* procs = m_c.Member(*init, "/initial", "procs", false)) {
      if (m_c.ExpectArray(*procs, "/initial/procs", std::size_t(m_p->config.gomaxprocs),
                          "config.gomaxprocs")) {
        for (std::size_t i = 0; i < procs->size(); ++i) {
          std::string ptr = Checker::Child("/initial/procs", i);
          const Json& pj = (*procs)[i];
          InitialP ip;
          if (m_c.ExpectObject(pj, ptr)) {
            m_c.CheckKeys(pj, ptr, {"schedtick", "runnext", "runq"});
            if (auto t = m_c.Int(pj, ptr, "schedtick", false, 0, 0xffffffffLL)) {
              ip.schedtick = std::uint32_t(*t);
            }
            if (pj.contains("runnext"))
              ip.runnext = ref(pj["runnext"], Checker::Child(ptr, "runnext"));
            if (const Json* rq = m_c.Member(pj, ptr, "runq", false)) {
              std::string rptr = Checker::Child(ptr, "runq");
              if (m_c.ExpectArray(*rq, rptr, std::size_t(m_p->config.runq_size),
                                  "config.runq_size")) {
                for (std::size_t k = 0; k < rq->size(); ++k) {
                  std::int32_t x = ref((*rq)[k], Checker::Child(rptr, k));
                  if (x != kNone) ip.runq.push_back(x);
                }
              }
            }
          }
          m_p->initial_ps.push_back(ip);
        }
      }
    }
    if (const Json* gq = m_c.Member(*init, "/initial", "global_runq", false)) {
      if (m_c.ExpectArray(*gq, "/initial/global_runq", limits::kMaxInitialGoroutines,
                          "kMaxInitialGoroutines")) {
        for (std::size_t k = 0; k < gq->size(); ++k) {
          std::int32_t x = ref((*gq)[k], Checker::Child("/initial/global_runq", k));
          if (x != kNone) m_p->initial_global.push_back(x);
        }
      }
    }
    if (!m_c.Failed()) {
      for (const auto& [n, idx] : names) {
        if (m_p->initial[std::size_t(idx)].status == GStatus::kRunnable &&
            !placed[std::size_t(idx)]) {
          m_c.Error("/initial/goroutines", "runnable goroutine \"" + n +
                                               "\" is in no run queue: put it in a P's runnext "
                                               "or runq, or in global_runq");
        }
      }
    }
  }

  /// The sandbox's action on a channel: a one-op func ("ch <- v", "<-ch", "close(ch)") that a
  /// new goroutine runs (named "sandbox" so its label says where it came from).
  bool ReadSandboxChanOp(const Json& op, const std::string& ptr, ScriptOp* so) {
    auto what = m_c.Enum(op, ptr, "do", true, {"send", "recv", "close"});
    auto ch = ChanRef(op, ptr);
    if (!what || !ch) return false;
    if (m_p->funcs.size() >= limits::kMaxFuncs) {
      m_c.Error(ptr, "more than the limit kMaxFuncs = " + std::to_string(limits::kMaxFuncs) +
                         " funcs (each sandbox channel action adds one)");
      return false;
    }
    Func f;
    f.name = "sandbox";
    GInstr in{.ch = *ch};
    if (*what == "send") {
      in.op = GOp::kChanSend;
      m_func = &f;
      auto v = ReadValue(op, ptr, m_p->chan_elems[std::size_t(*ch)], false);
      m_func = nullptr;
      if (!v) return false;
      in.value = *v;
    } else {
      if (op.contains("value")) {
        m_c.Error(Checker::Child(ptr, "value"), "only a send carries a value");
        return false;
      }
      in.op = *what == "recv" ? GOp::kChanRecv : GOp::kClose;
    }
    f.body = {in, GInstr{.op = GOp::kExit}};
    so->func = std::int16_t(m_p->funcs.size());
    m_p->funcs.push_back(std::move(f));
    so->group = Group("sandbox");
    m_spawned.insert(so->group);
    return true;
  }

  void ReadScript(const Json& root) {
    if (!root.contains("script") || !root["script"].is_array()) return;
    const Json& script = root["script"];
    for (std::size_t i = 0; i < script.size(); ++i) {
      std::string ptr = Checker::Child("/script", i);
      const Json& op = script[i];
      if (!m_c.ExpectObject(op, ptr)) continue;
      auto what = m_c.Enum(op, ptr, "op", true, ScriptOpNames());
      ScriptOp so;
      // A goroutine named by its label; which G that is, and whether it can do what the op
      // asks, is known only when the op runs (a script error at the op then).
      auto label = [&](const char* key) {
        auto g = m_c.String(op, ptr, key, true);
        if (g && m_c.ValidId(*g, Checker::Child(ptr, key))) so.g = *g;
      };
      if (what && *what == "run") {
        m_c.CheckKeys(op, ptr, {"op", "until_us", "events", "say", "notes"});
        so.code = ScriptCode::kRun;
        if (auto u = m_c.Int(op, ptr, "until_us", false, 0, limits::kMaxDurationUs)) so.until = *u;
        if (auto e = m_c.Int(op, ptr, "events", false, 1, std::int64_t(gs::limits::kMaxSteps))) {
          so.events = *e;
        }
      } else if (what && *what == "gomaxprocs") {
        m_c.CheckKeys(op, ptr, {"op", "n", "say", "notes"});
        so.code = ScriptCode::kGomaxprocs;
        if (auto n = m_c.Int(op, ptr, "n", true, 1, limits::kMaxProcs)) so.n = std::int32_t(*n);
      } else if (what && *what == "go") {
        m_c.CheckKeys(op, ptr, {"op", "from", "func", "name", "say", "notes"});
        so.code = ScriptCode::kGo;
        label("from");
        if (auto f = FuncRef(op, ptr)) so.func = *f;
        if (auto n = m_c.String(op, ptr, "name", false)) {
          if (m_c.ValidId(*n, Checker::Child(ptr, "name"))) {
            so.group = Group(*n);
            m_spawned.insert(so.group);
          }
        }
      } else if (what && *what == "syscall") {
        m_c.CheckKeys(op, ptr, {"op", "g", "us", "say", "notes"});
        so.code = ScriptCode::kSyscall;
        label("g");
        if (auto us = m_c.Int(op, ptr, "us", true, 0, limits::kMaxDurationUs)) so.us = *us;
      } else if (what && *what == "chan") {
        m_c.CheckKeys(op, ptr, {"op", "do", "ch", "value", "say", "notes"});
        so.code = ScriptCode::kChan;
        if (!ReadSandboxChanOp(op, ptr, &so)) continue;
      } else if (what) {
        m_c.CheckKeys(op, ptr, {"op", "g", "say", "notes"});
        so.code = ScriptCode::kWake;
        label("g");
      }
      m_p->ops.push_back(so);
    }
  }

  Checker& m_c;
  Program* m_p = nullptr;
  Func* m_func = nullptr;  ///< the func whose body is being read (its locals)
  std::map<std::string, std::int16_t> m_func_index;
  std::set<std::int16_t> m_spawned;
  std::vector<std::pair<std::int16_t, std::string>> m_waits;
};

}  // namespace

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker) {
  SchedLoader loader(checker);
  std::shared_ptr<Program> prog = loader.Load(env, root);
  if (checker.Failed()) return nullptr;
  auto run = std::make_shared<SchedRun>(std::move(env), prog);
  if (!BuildTimeline(*run, checker)) return nullptr;
  return run;
}

std::shared_ptr<const Run> LoadConcurrency(Envelope env, const Json& root, Checker& checker) {
  if (!root.is_object()) return nullptr;
  LocalizedText workload;
  if (auto w = checker.Text(root, "", "workload", true)) workload = *w;
  const Json* actors = checker.Member(root, "", "actors", true);
  const Json* csp = checker.Member(root, "", "csp", true);
  // Both sides run the one script, so it may only run the clock: a go, syscall or wake op
  // names a goroutine of one side, and "events" counts steps that differ between them.
  if (root.contains("script") && root["script"].is_array()) {
    for (std::size_t i = 0; i < root["script"].size(); ++i) {
      const Json& op = root["script"][i];
      const std::string ptr = Checker::Child("/script", i);
      if (!op.is_object()) continue;
      if (op.contains("op") && op["op"] != "run") {
        checker.Error(Checker::Child(ptr, "op"),
                      "a concurrency compare runs both sides with one script: only \"run\" ops "
                      "(with \"until_us\") are allowed");
      }
      if (op.contains("events")) {
        checker.Error(Checker::Child(ptr, "events"),
                      "\"events\" would count different steps on each side; use \"until_us\"");
      }
    }
  }
  if (!actors || !csp) return nullptr;
  for (const auto& [part, name] : {std::pair{actors, "/actors"}, std::pair{csp, "/csp"}}) {
    if (!checker.ExpectObject(*part, name)) return nullptr;
    checker.CheckKeys(*part, name,
                      std::string(name) == "/actors"
                          ? std::vector<std::string>{"funcs", "chans", "actors", "supervisors"}
                          : std::vector<std::string>{"funcs", "chans"});
  }
  if (checker.Failed()) return nullptr;
  SchedLoader la(checker), lc(checker);
  std::shared_ptr<Program> pa = la.LoadPart(env, *actors, root, "/actors");
  std::shared_ptr<Program> pc = lc.LoadPart(env, *csp, root, "/csp");
  if (checker.Failed()) return nullptr;
  auto run = std::make_shared<ConcurrencyRun>(std::move(env), pa, pc, std::move(workload));
  if (!BuildTimeline(*run, checker)) return nullptr;
  return run;
}

}  // namespace gs::sched
