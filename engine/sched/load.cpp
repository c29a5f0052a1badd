#include "engine/sched/load.h"
#include "engine/core/build_run.h"

#include <map>
#include <set>

#include "engine/core/limits.h"
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
  static const std::vector<std::string> k = {"run",   "go",        "gosched",   "syscall",
                                             "sleep", "chan_send", "chan_recv", "net_read",
                                             "wait",  "exit",      "repeat"};
  return k;
}

const std::vector<std::string>& ScriptOpNames() {
  static const std::vector<std::string> k = {"run", "gomaxprocs", "go", "syscall", "wake"};
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
    auto prog = std::make_shared<Program>();
    m_p = prog.get();
    ReadConfig(env.config);
    if (!root.is_object()) return prog;
    ReadChans(root);
    DeclareFuncs(root);
    ReadFuncs(root);
    ReadInitial(root);
    ReadScript(root);
    for (const auto& [group, ptr] : m_waits) {
      if (!m_spawned.count(group)) {
        m_c.Error(ptr, "no goroutine is started with the name \"" +
                           m_p->groups[std::size_t(group)] + "\", so this wait could never return" +
                           Hint(m_p->groups[std::size_t(group)], SpawnedNames()));
      }
    }
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
      m_c.CheckKeys(decl, ptr, {"cap"});
      std::int32_t cap = 0;
      if (auto v = m_c.Int(decl, ptr, "cap", false, 0, limits::kMaxChanCap)) cap = std::int32_t(*v);
      m_p->chan_names.push_back(name);
      m_p->chan_caps.push_back(cap);
    }
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
    for (std::size_t i = 0; i < m_p->chan_names.size(); ++i) {
      if (m_p->chan_names[i] == *ch) return std::int16_t(i);
    }
    m_c.Error(
        Checker::Child(ptr, "ch"),
        "unknown channel \"" + *ch + "\": declare it in \"chans\"" + Hint(*ch, m_p->chan_names));
    return std::nullopt;
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
      } else if (w == "chan_send" || w == "chan_recv") {
        m_c.CheckKeys(op, optr, {"do", "ch"});
        in.op = w == "chan_send" ? GOp::kChanSend : GOp::kChanRecv;
        auto ch = ChanRef(op, optr);
        if (!ch) continue;
        in.ch = *ch;
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
      // The default start: main.main running on P0 with M0; execute(main) counted one tick.
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
      p0.schedtick = 1;
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
        m_c.CheckKeys(op, ptr, {"op", "until_us", "events", "say"});
        so.code = ScriptCode::kRun;
        if (auto u = m_c.Int(op, ptr, "until_us", false, 0, limits::kMaxDurationUs)) so.until = *u;
        if (auto e = m_c.Int(op, ptr, "events", false, 1, std::int64_t(gs::limits::kMaxSteps))) {
          so.events = *e;
        }
      } else if (what && *what == "gomaxprocs") {
        m_c.CheckKeys(op, ptr, {"op", "n", "say"});
        so.code = ScriptCode::kGomaxprocs;
        if (auto n = m_c.Int(op, ptr, "n", true, 1, limits::kMaxProcs)) so.n = std::int32_t(*n);
      } else if (what && *what == "go") {
        m_c.CheckKeys(op, ptr, {"op", "from", "func", "name", "say"});
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
        m_c.CheckKeys(op, ptr, {"op", "g", "us", "say"});
        so.code = ScriptCode::kSyscall;
        label("g");
        if (auto us = m_c.Int(op, ptr, "us", true, 0, limits::kMaxDurationUs)) so.us = *us;
      } else if (what) {
        m_c.CheckKeys(op, ptr, {"op", "g", "say"});
        so.code = ScriptCode::kWake;
        label("g");
      }
      m_p->ops.push_back(so);
    }
  }

  Checker& m_c;
  Program* m_p = nullptr;
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

}  // namespace gs::sched
