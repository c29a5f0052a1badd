#include "engine/syncmap/load.h"

#include <algorithm>

#include "engine/core/build_run.h"
#include "engine/core/limits.h"
#include "engine/maps/go_version.h"
#include "engine/syncmap/syncmap_run.h"

namespace gs::syncmap {

const std::vector<std::string>& OpNames() {
  static const std::vector<std::string> k = {"load", "store", "load_or_store", "delete", "range"};
  return k;
}

namespace {

class SyncMapLoader {
 public:
  explicit SyncMapLoader(Checker& c) : m_c(c) {}

  std::shared_ptr<Program> Load(const Envelope& env, const Json& root) {
    auto prog = std::make_shared<Program>();
    m_p = prog.get();
    m_c.CheckKeys(env.config, "/config", std::vector<std::string>{});
    ReadGoroutines(root);
    const Json* script = root.is_object() && root.contains("script") ? &root["script"] : nullptr;
    if (script && script->is_array() && script->size() <= limits::kMaxScriptOps) {
      for (std::size_t i = 0; i < script->size(); ++i) ReadOp((*script)[i], i);
    }
    return prog;
  }

 private:
  void ReadGoroutines(const Json& root) {
    const Json* gs = m_c.Member(root, "", "goroutines", true);
    if (!gs || !m_c.ExpectArray(*gs, "/goroutines", kMaxGoroutines, "kMaxGoroutines")) return;
    for (std::size_t i = 0; i < gs->size(); ++i) {
      std::string ptr = Checker::Child("/goroutines", i);
      const Json& g = (*gs)[i];
      if (!g.is_string()) {
        m_c.Error(ptr, "expected a goroutine name such as \"g1\", got " + std::string(TypeName(g)));
        continue;
      }
      const std::string& name = g.get_ref<const std::string&>();
      if (!m_c.ValidId(name, ptr)) continue;
      if (std::find(m_p->goroutines.begin(), m_p->goroutines.end(), name) !=
          m_p->goroutines.end()) {
        m_c.Error(ptr, "goroutine \"" + name + "\" is listed twice");
        continue;
      }
      m_p->goroutines.push_back(name);
    }
    if (m_p->goroutines.empty() && !m_c.Failed()) {
      m_c.Error("/goroutines", "name at least one goroutine, e.g. [\"g1\", \"g2\"]");
    }
  }

  std::int32_t Key(const std::string& s, const std::string& ptr) {
    auto it = std::find(m_p->keys.begin(), m_p->keys.end(), s);
    if (it != m_p->keys.end()) return std::int32_t(it - m_p->keys.begin());
    if (m_p->keys.size() >= kMaxKeys) {
      m_c.Error(ptr,
                "more than the limit kMaxKeys = " + std::to_string(kMaxKeys) + " distinct keys");
      return -1;
    }
    m_p->keys.push_back(s);
    return std::int32_t(m_p->keys.size() - 1);
  }

  void ReadOp(const Json& op, std::size_t i) {
    std::string ptr = Checker::Child("/script", i);
    if (!m_c.ExpectObject(op, ptr)) return;
    auto name = m_c.Enum(op, ptr, "op", true, OpNames());
    if (!name) return;
    Op o;
    o.source = std::int32_t(i);
    const std::string& n = *name;
    const bool valued = n == "store" || n == "load_or_store";
    if (n == "range") {
      m_c.CheckKeys(op, ptr, {"op", "g", "say", "notes"});
      o.code = OpCode::kRange;
    } else if (valued) {
      m_c.CheckKeys(op, ptr, {"op", "g", "key", "value", "say", "notes"});
      o.code = n == "store" ? OpCode::kStore : OpCode::kLoadOrStore;
    } else {
      m_c.CheckKeys(op, ptr, {"op", "g", "key", "say", "notes"});
      o.code = n == "load" ? OpCode::kLoad : OpCode::kDelete;
    }
    bool ok = true;
    if (auto g = m_c.Enum(op, ptr, "g", true, m_p->goroutines)) {
      o.g = std::int32_t(std::find(m_p->goroutines.begin(), m_p->goroutines.end(), *g) -
                         m_p->goroutines.begin());
    } else {
      ok = false;
    }
    if (o.code != OpCode::kRange) {
      auto k = m_c.String(op, ptr, "key", true, kMaxKeyBytes);
      if (k) o.key = Key(*k, Checker::Child(ptr, "key"));
      if (!k || o.key < 0) ok = false;
    }
    if (valued) {
      auto v = m_c.Int(op, ptr, "value", true, -(std::int64_t(1) << 53), std::int64_t(1) << 53);
      if (v)
        o.value = *v;
      else
        ok = false;
    }
    if (ok) m_p->ops.push_back(o);
  }

  Checker& m_c;
  Program* m_p = nullptr;
};

bool SupportedVersion(const Envelope& env, Checker& checker) {
  if (env.go_version.empty()) return true;
  std::optional<maps::GoVersion> v = maps::ParseGoVersion(env.go_version);
  if (v && v->major == 1 && v->minor >= 9 && v->minor <= 23) return true;
  std::string why = v && v->major == 1 && v->minor >= 24
                        ? "; Go 1.24+ rebuilt sync.Map on internal/sync.HashTrieMap, which "
                          "this model does not draw yet"
                        : "";
  checker.Error("/go_version", "the syncmap model has no rules for Go \"" + env.go_version +
                                   "\"; supported: " + kSupportedSyncMapVersions + why);
  return false;
}

}  // namespace

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker) {
  SyncMapLoader loader(checker);
  std::shared_ptr<Program> prog = loader.Load(env, root);
  bool version_ok = SupportedVersion(env, checker);
  if (checker.Failed() || !version_ok) return nullptr;
  auto run = std::make_shared<SyncMapRun>(std::move(env), std::move(prog));
  if (!BuildTimeline(*run, checker)) return nullptr;
  return run;
}

}  // namespace gs::syncmap
