#include "engine/pacer/load.h"

#include <cmath>

#include "engine/core/build_run.h"
#include "engine/core/limits.h"
#include "engine/pacer/pacer_math.h"
#include "engine/pacer/pacer_run.h"

namespace gs::pacer {

const std::vector<std::string>& ConfigKeys() {
  static const std::vector<std::string> k = {
      "gogc",         "memory_limit_mib",  "live_kib",  "stacks_kib", "globals_kib",
      "non_heap_kib", "mark_kib_per_tick", "cons_mark", "gomaxprocs", "tick_us"};
  return k;
}

const std::vector<std::string>& OpNames() {
  static const std::vector<std::string> k = {"run", "drop", "set_gogc", "set_memory_limit", "gc"};
  return k;
}

namespace {

// KiB counts in a scenario: a heap of at most kMaxHeapBytes.
constexpr std::int64_t kMaxKib = std::int64_t(kMaxHeapBytes >> 10);
constexpr std::int64_t kMaxMib = std::int64_t(kMaxHeapBytes >> 20);
constexpr std::int64_t kMaxTicksPerOp = 100000;

class PacerLoader {
 public:
  explicit PacerLoader(Checker& c) : m_c(c) {}

  std::shared_ptr<Program> Load(const Envelope& env, const Json& root) {
    auto prog = std::make_shared<Program>();
    m_prog = prog.get();
    ReadConfig(env.config);
    const Json* script = root.is_object() && root.contains("script") ? &root["script"] : nullptr;
    if (script && script->is_array() && script->size() <= limits::kMaxScriptOps) {
      ReadScript(*script);
    }
    return prog;
  }

 private:
  std::optional<std::int64_t> Gogc(const Json& obj, const std::string& ptr, const char* key,
                                   bool required) {
    if (obj.is_object() && obj.contains(key) && obj[key] == "off") return kGogcOff;
    if (obj.is_object() && obj.contains(key) && obj[key].is_string()) {
      m_c.Error(Checker::Child(ptr, key), "expected an integer percentage or \"off\"");
      return std::nullopt;
    }
    return m_c.Int(obj, ptr, key, required, 0, 100000);
  }

  std::uint64_t Kib(const Json& obj, const std::string& ptr, const char* key, std::uint64_t dflt,
                    bool required = false) {
    auto v = m_c.Int(obj, ptr, key, required, 0, kMaxKib);
    return v ? std::uint64_t(*v) << 10 : dflt;
  }

  void ReadConfig(const Json& cfg) {
    m_c.CheckKeys(cfg, "/config", ConfigKeys());
    Config& c = m_prog->config;
    if (auto g = Gogc(cfg, "/config", "gogc", false)) c.gogc = *g;
    if (auto m = m_c.Int(cfg, "/config", "memory_limit_mib", false, 1, kMaxMib)) {
      c.memory_limit = std::uint64_t(*m) << 20;
    }
    c.initial_live = Kib(cfg, "/config", "live_kib", 0);
    c.stacks = Kib(cfg, "/config", "stacks_kib", 0);
    c.globals = Kib(cfg, "/config", "globals_kib", 0);
    c.non_heap = Kib(cfg, "/config", "non_heap_kib", 0);
    if (auto m = m_c.Int(cfg, "/config", "mark_kib_per_tick", false, 1, kMaxKib)) {
      c.mark_rate = std::uint64_t(*m) << 10;
    }
    if (cfg.contains("cons_mark")) {
      const Json& v = cfg["cons_mark"];
      const double max = double(kMaxConsMarkPercent) / 100;
      if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > max) {
        m_c.Error("/config/cons_mark",
                  "expected a number from 0 to 100 (bytes allocated per "
                  "byte scanned)");
      } else {
        c.cons_mark_percent = std::uint64_t(std::llround(v.get<double>() * 100));
      }
    }
    if (auto p = m_c.Int(cfg, "/config", "gomaxprocs", false, 1, 256)) c.procs = std::uint32_t(*p);
    if (auto t = m_c.Int(cfg, "/config", "tick_us", false, 1, 1000000)) {
      c.tick_us = std::uint32_t(*t);
    }
  }

  void ReadScript(const Json& script) {
    for (std::size_t i = 0; i < script.size(); ++i) {
      const std::string ptr = Checker::Child("/script", i);
      const Json& op = script[i];
      if (!m_c.ExpectObject(op, ptr)) continue;
      auto name = m_c.Enum(op, ptr, "op", true, OpNames());
      if (!name) continue;
      Op o;
      o.source = std::int32_t(i);
      const std::string& n = *name;
      if (n == "run") {
        m_c.CheckKeys(op, ptr,
                      {"op", "ticks", "alloc_kib", "keep_kib", "stack_kib", "say", "notes"});
        o.code = OpCode::kRun;
        if (auto t = m_c.Int(op, ptr, "ticks", true, 1, kMaxTicksPerOp))
          o.ticks = std::uint32_t(*t);
        o.alloc = Kib(op, ptr, "alloc_kib", 0, true);
        o.keep = Kib(op, ptr, "keep_kib", 0);
        o.stack_alloc = Kib(op, ptr, "stack_kib", 0);
        if (o.keep > o.alloc) {
          m_c.Error(Checker::Child(ptr, "keep_kib"),
                    "keep_kib is part of what is allocated: at most alloc_kib (" +
                        std::to_string(o.alloc >> 10) + ")");
        }
      } else if (n == "drop") {
        m_c.CheckKeys(op, ptr, {"op", "kib", "say", "notes"});
        o.code = OpCode::kDrop;
        o.bytes = Kib(op, ptr, "kib", 0, true);
      } else if (n == "set_gogc") {
        m_c.CheckKeys(op, ptr, {"op", "gogc", "say", "notes"});
        o.code = OpCode::kSetGcPercent;
        if (auto g = Gogc(op, ptr, "gogc", true)) o.gogc = *g;
      } else if (n == "set_memory_limit") {
        m_c.CheckKeys(op, ptr, {"op", "mib", "say", "notes"});
        o.code = OpCode::kSetMemoryLimit;
        if (op.contains("mib") && op["mib"] == "off") {
          o.limit = kNoLimit;
        } else if (auto m = m_c.Int(op, ptr, "mib", true, 1, kMaxMib)) {
          o.limit = std::uint64_t(*m) << 20;
        }
      } else {
        m_c.CheckKeys(op, ptr, {"op", "say", "notes"});
        o.code = OpCode::kGc;
      }
      m_prog->ops.push_back(o);
    }
  }

  Checker& m_c;
  Program* m_prog = nullptr;
};

}  // namespace

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker) {
  PacerLoader loader(checker);
  std::shared_ptr<Program> prog = loader.Load(env, root);
  if (checker.Failed()) return nullptr;
  auto run = std::make_shared<PacerRun>(std::move(env), std::move(prog));
  if (!BuildTimeline(*run, checker)) return nullptr;
  return run;
}

}  // namespace gs::pacer
