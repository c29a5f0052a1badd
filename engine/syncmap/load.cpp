#include "engine/syncmap/load.h"

#include <algorithm>
#include <charconv>

#include "engine/core/build_run.h"
#include "engine/core/limits.h"
#include "engine/maps/go_version.h"
#include "engine/syncmap/syncmap_run.h"
#include "engine/syncmap/trie_run.h"

namespace gs::syncmap {

const std::vector<std::string>& OpNames() {
  static const std::vector<std::string> k = {"load", "store", "load_or_store", "delete", "range"};
  return k;
}

namespace {

class SyncMapLoader {
 public:
  explicit SyncMapLoader(Checker& c) : m_c(c) {}

  std::shared_ptr<Program> Load(const Envelope& env, const Json& root, bool trie) {
    auto prog = std::make_shared<Program>();
    m_p = prog.get();
    m_p->trie = trie;
    m_c.CheckKeys(env.config, "/config", std::vector<std::string>{});
    ReadGoroutines(root);
    const Json* script = root.is_object() && root.contains("script") ? &root["script"] : nullptr;
    if (script && script->is_array() && script->size() <= limits::kMaxScriptOps) {
      for (std::size_t i = 0; i < script->size(); ++i) ReadOp((*script)[i], i);
    }
    ReadHashes(root);
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

  // "hashes": explicit 64-bit hashes for the Go 1.24+ trie, so a scenario can make two keys
  // share a prefix or collide fully. Keys without one get TrieDefaultHash (FNV-1a).
  void ReadHashes(const Json& root) {
    const std::size_t n = m_p->keys.size();
    m_p->hashes.resize(n);
    m_p->explicit_hash.assign(n, 0);
    for (std::size_t k = 0; k < n; ++k) m_p->hashes[k] = TrieDefaultHash(m_p->keys[k]);
    const Json* hs = root.is_object() ? m_c.Member(root, "", "hashes", false) : nullptr;
    if (!hs) return;
    if (!m_p->trie) {
      m_c.Error("/hashes",
                "explicit hashes only matter to the Go 1.24+ HashTrieMap model; set go_version "
                "to \"1.24\" or later, or remove \"hashes\"");
      return;
    }
    if (!m_c.ExpectObject(*hs, "/hashes")) return;
    if (hs->size() > kMaxExplicitHashes) {
      m_c.Error("/hashes", "has " + std::to_string(hs->size()) +
                               " entries, over the limit kMaxExplicitHashes = " +
                               std::to_string(kMaxExplicitHashes));
      return;
    }
    for (const auto& [name, value] : hs->items()) {
      std::string ptr = Checker::Child("/hashes", name);
      auto it = std::find(m_p->keys.begin(), m_p->keys.end(), name);
      if (it == m_p->keys.end()) {
        m_c.Error(ptr, "key \"" + name + "\" is not used by any op in the script", true);
        continue;
      }
      auto h = HashValue(value, ptr);
      if (!h) continue;
      const auto k = std::size_t(it - m_p->keys.begin());
      m_p->hashes[k] = *h;
      m_p->explicit_hash[k] = 1;
    }
  }

  // A 64-bit value: a non-negative integer or a "0x..." hex string (as maps' "hashes").
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
              "expected a 64-bit hash: a non-negative integer or a hex string such as "
              "\"0xa100000000000003\"");
    return std::nullopt;
  }

  Checker& m_c;
  Program* m_p = nullptr;
};

enum class Model { kReadDirty, kTrie, kUnsupported };

// go_version picks the model: 1.9 to 1.23 read/dirty (map.go), 1.24 to 1.26 HashTrieMap
// (Go 1.24 rebuilt sync.Map on internal/sync.HashTrieMap: src/sync/hashtriemap.go).
Model PickModel(const Envelope& env, Checker& checker) {
  if (env.go_version.empty()) return Model::kReadDirty;
  std::optional<maps::GoVersion> v = maps::ParseGoVersion(env.go_version);
  if (v && v->major == 1 && v->minor >= 9 && v->minor <= 23) return Model::kReadDirty;
  if (v && v->major == 1 && v->minor >= 24 && v->minor <= 26) return Model::kTrie;
  checker.Error("/go_version", "the syncmap model has no rules for Go \"" + env.go_version +
                                   "\"; supported: " + kSupportedSyncMapVersions);
  return Model::kUnsupported;
}

}  // namespace

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker) {
  const Model model = PickModel(env, checker);
  SyncMapLoader loader(checker);
  std::shared_ptr<Program> prog = loader.Load(env, root, model == Model::kTrie);
  if (checker.Failed() || model == Model::kUnsupported) return nullptr;
  if (model == Model::kTrie) {
    auto run = std::make_shared<TrieRun>(std::move(env), std::move(prog));
    if (!BuildTimeline(*run, checker)) return nullptr;
    return run;
  }
  auto run = std::make_shared<SyncMapRun>(std::move(env), std::move(prog));
  if (!BuildTimeline(*run, checker)) return nullptr;
  return run;
}

}  // namespace gs::syncmap
