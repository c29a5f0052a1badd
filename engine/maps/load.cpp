#include "engine/maps/load.h"

#include <charconv>
#include <unordered_map>

#include "engine/core/build_run.h"
#include "engine/core/limits.h"
#include "engine/maps/compare_run.h"
#include "engine/maps/go_version.h"
#include "engine/maps/hashing.h"
#include "engine/maps/maps_run.h"
#include "engine/maps/swiss_run.h"

namespace gs::maps {

const std::vector<std::string>& ConfigKeys() {
  static const std::vector<std::string> k = {"seed", "load_factor_num", "load_factor_den", "model",
                                             "compare"};
  return k;
}

const std::vector<std::string>& OpNames() {
  static const std::vector<std::string> k = {"make",   "insert",  "delete",
                                             "lookup", "iterate", "clear"};
  return k;
}

namespace {

class MapsLoader {
 public:
  explicit MapsLoader(Checker& c) : m_c(c) {}

  std::shared_ptr<Program> Load(const Envelope& env, const Json& root) {
    auto prog = std::make_shared<Program>();
    m_p = prog.get();
    ReadConfig(env.config);
    const Json* map = m_c.Member(root, "", "map", false);
    if (map && m_c.ExpectObject(*map, "/map")) {
      m_c.CheckKeys(*map, "/map", {"key", "hashes"});
      if (auto k = m_c.Enum(*map, "/map", "key", false, {"int", "string"})) {
        m_p->key_type = *k == "string" ? KeyType::kString : KeyType::kInt;
      }
      ReadHashes(*map);
    }
    const Json* script = root.is_object() && root.contains("script") ? &root["script"] : nullptr;
    if (script && script->is_array() && script->size() <= limits::kMaxScriptOps) {
      ReadScript(*script);
    }
    return prog;
  }

 private:
  void ReadConfig(const Json& cfg) {
    m_c.CheckKeys(cfg, "/config", ConfigKeys());
    if (const Json* s = m_c.Member(cfg, "/config", "seed", false)) {
      if (auto v = HashValue(*s, "/config/seed")) m_p->config.seed = *v;
    }
    if (auto n = m_c.Int(cfg, "/config", "load_factor_num", false, 1, 1024)) {
      m_p->config.lf_num = std::uint64_t(*n);
    }
    if (auto d = m_c.Int(cfg, "/config", "load_factor_den", false, 1, 1024)) {
      m_p->config.lf_den = std::uint64_t(*d);
    }
    if (auto m = m_c.Enum(cfg, "/config", "model", false, {"classic", "swiss"})) {
      m_p->model = *m;
    }
    if (const Json* c = m_c.Member(cfg, "/config", "compare", false)) ReadCompare(*c, cfg);
  }

  // config.compare: exactly ["classic", "swiss"] — both models, in this order (the view puts
  // the classic map on the left). It decides the models, so "model" may not be given with it.
  void ReadCompare(const Json& c, const Json& cfg) {
    const std::string ptr = "/config/compare";
    if (!c.is_array() || c.size() != 2) {
      m_c.Error(ptr, "compare must be the array [\"classic\", \"swiss\"]");
      return;
    }
    for (std::size_t i = 0; i < 2; ++i) {
      if (!c[i].is_string() || c[i].get<std::string>() != kCompareModels[i]) {
        m_c.Error(ptr + "/" + std::to_string(i), std::string("compare[") + std::to_string(i) +
                                                     "] must be \"" + kCompareModels[i] +
                                                     "\" (the array is [\"classic\", \"swiss\"])");
        return;
      }
    }
    if (cfg.contains("model")) {
      m_c.Error("/config/model", "model cannot be combined with compare, which runs both models");
      return;
    }
    m_p->compare = true;
  }

  // A 64-bit value: a non-negative integer or a "0x..." hex string.
  std::optional<std::uint64_t> HashValue(const Json& v, const std::string& ptr) {
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0) {
      return std::uint64_t(v.get<std::int64_t>());
    }
    if (v.is_string()) {
      const std::string& s = v.get_ref<const std::string&>();
      if (s.size() > 2 && s.size() <= 18 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        std::uint64_t out = 0;
        auto [end, ec] = std::from_chars(s.data() + 2, s.data() + s.size(), out, 16);
        if (ec == std::errc() && end == s.data() + s.size()) return out;
      }
    }
    m_c.Error(ptr,
              "expected a 64-bit value: a non-negative integer or a hex string such as "
              "\"0xa100000000000003\"");
    return std::nullopt;
  }

  std::int64_t Intern(const std::string& s) {
    auto it = m_interned.find(s);
    if (it != m_interned.end()) return it->second;
    auto idx = std::int64_t(m_p->strings.size());
    m_interned.emplace(s, idx);
    m_p->strings.push_back(s);
    m_p->string_base.push_back(Fnv1a64(s));
    m_p->string_has_explicit.push_back(0);
    m_p->string_explicit.push_back(0);
    return idx;
  }

  bool StringLimit(const std::string& ptr) {
    if (m_p->strings.size() < kMaxStringKeys) return true;
    if (!m_string_limit_reported) {
      m_c.Error(ptr, "more than the limit kMaxStringKeys = " + std::to_string(kMaxStringKeys) +
                         " distinct string keys");
      m_string_limit_reported = true;
    }
    return false;
  }

  void ReadHashes(const Json& map) {
    const Json* hashes = m_c.Member(map, "/map", "hashes", false);
    if (!hashes || !m_c.ExpectObject(*hashes, "/map/hashes")) return;
    if (hashes->size() > kMaxExplicitHashes) {
      m_c.Error("/map/hashes", "has " + std::to_string(hashes->size()) +
                                   " entries, over the limit kMaxExplicitHashes = " +
                                   std::to_string(kMaxExplicitHashes));
      return;
    }
    for (const auto& [name, value] : hashes->items()) {
      std::string ptr = Checker::Child("/map/hashes", name);
      auto h = HashValue(value, ptr);
      if (!h) continue;
      if (m_p->key_type == KeyType::kInt) {
        std::int64_t k = 0;
        auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), k);
        if (ec != std::errc() || end != name.data() + name.size()) {
          m_c.Error(ptr, "the map has int keys: \"" + name + "\" is not an integer", true);
          continue;
        }
        m_p->int_explicit[k] = *h;
      } else {
        if (name.size() > kMaxStringKeyBytes) {
          m_c.Error(
              ptr,
              "key is over the limit kMaxStringKeyBytes = " + std::to_string(kMaxStringKeyBytes),
              true);
          continue;
        }
        if (!StringLimit(ptr)) return;
        auto idx = std::size_t(Intern(name));
        m_p->string_has_explicit[idx] = 1;
        m_p->string_explicit[idx] = *h;
      }
    }
  }

  std::optional<std::int64_t> Key(const Json& op, const std::string& ptr) {
    const Json* v = m_c.Member(op, ptr, "key", true);
    if (!v) return std::nullopt;
    std::string kptr = Checker::Child(ptr, "key");
    if (m_p->key_type == KeyType::kInt) {
      if (!v->is_number_integer() ||
          (v->is_number_unsigned() && v->get<std::uint64_t>() > std::uint64_t(INT64_MAX))) {
        m_c.Error(kptr,
                  "the map has int keys (\"map\": {\"key\": \"int\"}): expected an "
                  "integer, got " +
                      std::string(TypeName(*v)));
        return std::nullopt;
      }
      return v->get<std::int64_t>();
    }
    if (!v->is_string()) {
      m_c.Error(kptr,
                "the map has string keys: expected a string, got " + std::string(TypeName(*v)));
      return std::nullopt;
    }
    const std::string& s = v->get_ref<const std::string&>();
    if (s.size() > kMaxStringKeyBytes) {
      m_c.Error(kptr,
                "key is over the limit kMaxStringKeyBytes = " + std::to_string(kMaxStringKeyBytes));
      return std::nullopt;
    }
    if (!StringLimit(kptr)) return std::nullopt;
    return Intern(s);
  }

  // {"from": 1, "count": 1000, "prefix": "k"}: keys from, from+1, ... (or "k1", "k2", ...).
  bool Range(const Json& r, const std::string& ptr, Op& o) {
    if (!m_c.ExpectObject(r, ptr)) return false;
    m_c.CheckKeys(r, ptr, {"from", "count", "prefix"});
    auto from = m_c.Int(r, ptr, "from", false, -(std::int64_t(1) << 60), std::int64_t(1) << 60);
    auto count = m_c.Int(r, ptr, "count", true, 1, INT64_MAX);
    o.from = from ? *from : 0;
    if (!count) return false;
    if (*count > kMaxRangeKeys) {
      m_c.Error(Checker::Child(ptr, "count"),
                std::to_string(*count) +
                    " keys is over the limit kMaxRangeKeys = " + std::to_string(kMaxRangeKeys));
      return false;
    }
    o.count = *count;
    if (m_p->key_type == KeyType::kInt) {
      if (r.contains("prefix")) {
        m_c.Error(Checker::Child(ptr, "prefix"),
                  "\"prefix\" is for string keys; this map has "
                  "int keys",
                  true);
      }
      return true;
    }
    auto prefix = m_c.String(r, ptr, "prefix", false, kMaxStringKeyBytes - 20);
    std::string pre = prefix ? *prefix : "k";
    o.range_keys = std::int64_t(m_p->range_string_keys.size());
    for (std::int64_t i = 0; i < o.count; ++i) {
      if (!StringLimit(ptr)) return false;
      m_p->range_string_keys.push_back(Intern(pre + std::to_string(o.from + i)));
    }
    return true;
  }

  void ReadScript(const Json& script) {
    for (std::size_t i = 0; i < script.size(); ++i) {
      std::string ptr = Checker::Child("/script", i);
      const Json& op = script[i];
      if (!m_c.ExpectObject(op, ptr)) continue;
      auto name = m_c.Enum(op, ptr, "op", true, OpNames());
      if (!name) continue;
      Op o;
      o.source = std::int32_t(i);
      const std::string& n = *name;
      if (n == "make") {
        m_c.CheckKeys(op, ptr, {"op", "hint", "say", "notes"});
        o.code = OpCode::kMake;
        if (auto h = m_c.Int(op, ptr, "hint", false, 0, INT64_MAX)) {
          if (*h > kMaxHint) {
            m_c.Error(Checker::Child(ptr, "hint"),
                      "hint " + std::to_string(*h) +
                          " is over the limit kMaxHint = " + std::to_string(kMaxHint));
          } else {
            o.hint = *h;
          }
        }
      } else if (n == "clear") {
        m_c.CheckKeys(op, ptr, {"op", "say", "notes"});
        o.code = OpCode::kClear;
      } else if (n == "iterate") {
        m_c.CheckKeys(op, ptr, {"op", "limit", "say", "notes"});
        o.code = OpCode::kIterate;
        if (auto l = m_c.Int(op, ptr, "limit", false, 0, std::int64_t(limits::kMaxSteps))) {
          o.limit = *l;
        }
      } else if (n == "insert" || n == "delete" || n == "lookup") {
        bool insert = n == "insert";
        if (insert) {
          m_c.CheckKeys(op, ptr, {"op", "key", "value", "range", "say", "notes"});
        } else if (n == "delete") {
          m_c.CheckKeys(op, ptr, {"op", "key", "range", "say", "notes"});
        } else {
          m_c.CheckKeys(op, ptr, {"op", "key", "say", "notes"});
        }
        if (op.contains("range") && n != "lookup") {
          if (op.contains("key") || op.contains("value")) {
            m_c.Error(ptr, "use either \"key\" or \"range\"");
            continue;
          }
          if (!Range(op["range"], Checker::Child(ptr, "range"), o)) continue;
          o.code = insert ? OpCode::kInsertRange : OpCode::kDeleteRange;
        } else {
          auto k = Key(op, ptr);
          if (!k) continue;
          o.key = *k;
          o.code = insert ? OpCode::kInsert : n == "delete" ? OpCode::kDelete : OpCode::kLookup;
          if (insert) {
            o.value = m_p->key_type == KeyType::kInt ? *k : 1;
            if (auto v = m_c.Int(op, ptr, "value", false, INT64_MIN, INT64_MAX)) o.value = *v;
          }
        }
      }
      m_p->ops.push_back(o);
    }
  }

  Checker& m_c;
  Program* m_p = nullptr;
  std::unordered_map<std::string, std::int64_t> m_interned;  // lookup only; order is in strings
  bool m_string_limit_reported = false;
};

}  // namespace

std::string Program::KeyText(std::int64_t key) const {
  if (key_type == KeyType::kInt) return std::to_string(key);
  if (key < 0 || std::size_t(key) >= strings.size()) return "\"\"";
  return "\"" + strings[std::size_t(key)] + "\"";
}

bool Program::HasExplicitHash(std::int64_t key) const {
  if (key_type == KeyType::kString) {
    return key >= 0 && std::size_t(key) < strings.size() && string_has_explicit[std::size_t(key)];
  }
  return int_explicit.count(key) > 0;
}

namespace {

std::optional<MapModelKind> ChooseModel(const Envelope& env, const Program& p, Checker& checker) {
  if (p.model == "swiss") return MapModelKind::kSwiss;
  if (p.model == "classic") return MapModelKind::kClassic;
  // A scenario without a go_version keeps the classic model it was written for.
  if (env.go_version.empty()) return MapModelKind::kClassic;
  std::optional<GoVersion> v = ParseGoVersion(env.go_version);
  std::optional<MapModelKind> kind = v ? MapModelFor(*v) : std::nullopt;
  if (!kind) {
    checker.Error("/go_version", "the maps model has no rules for Go \"" + env.go_version +
                                     "\"; supported: " + kSupportedMapVersions);
  }
  return kind;
}

}  // namespace

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker) {
  MapsLoader loader(checker);
  std::shared_ptr<Program> prog = loader.Load(env, root);
  if (prog->compare && !checker.Failed()) {
    // go_version is still checked (it must name a supported version), but both models run.
    if (!env.go_version.empty()) ChooseModel(env, *prog, checker);
    if (checker.Failed()) return nullptr;
    auto run = std::make_shared<MapsCompareRun>(std::move(env), std::move(prog));
    if (!BuildTimeline(*run, checker)) return nullptr;
    return run;
  }
  std::optional<MapModelKind> kind = ChooseModel(env, *prog, checker);
  if (checker.Failed() || !kind) return nullptr;
  if (*kind == MapModelKind::kSwiss) {
    auto run = std::make_shared<SwissRun>(std::move(env), std::move(prog));
    if (!BuildTimeline(*run, checker)) return nullptr;
    return run;
  }
  auto run = std::make_shared<MapsRun>(std::move(env), std::move(prog));
  if (!BuildTimeline(*run, checker)) return nullptr;
  return run;
}

}  // namespace gs::maps
