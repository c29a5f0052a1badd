#include "engine/gc/load.h"

#include <algorithm>
#include <map>

#include "engine/core/build_run.h"
#include "engine/core/limits.h"
#include "engine/gc/gc_run.h"

namespace gs::gc {

const std::vector<std::string>& ConfigKeys() {
  static const std::vector<std::string> k = {"barrier", "wb_buffer", "wb_buffer_size"};
  return k;
}

const std::vector<std::string>& BarrierNames() {
  static const std::vector<std::string> k = {"none", "dijkstra", "yuasa", "hybrid", "go"};
  return k;
}

const std::vector<std::string>& OpNames() {
  static const std::vector<std::string> k = {
      "gc_start", "mark",  "scan_root", "mark_all", "mark_termination", "sweep",
      "gc",       "alloc", "write",     "load",     "set_root"};
  return k;
}

namespace {

// Resolves ids while the scenario is checked; keeps declaration order for messages.
class Names {
 public:
  bool Add(const std::string& id) {
    if (m_index.count(id)) return false;
    m_index[id] = std::int32_t(m_order.size());
    m_order.push_back(id);
    return true;
  }
  std::int32_t Find(const std::string& id) const {
    auto it = m_index.find(id);
    return it == m_index.end() ? kNil : it->second;
  }
  const std::vector<std::string>& Order() const { return m_order; }

 private:
  std::map<std::string, std::int32_t> m_index;
  std::vector<std::string> m_order;
};

class GcLoader {
 public:
  GcLoader(Checker& c) : m_c(c) {}

  std::shared_ptr<Program> Load(const Envelope& env, const Json& root) {
    auto prog = std::make_shared<Program>();
    m_prog = prog.get();
    ReadConfig(env.config);
    const Json* heap = m_c.Member(root, "", "heap", true);
    if (heap && m_c.ExpectObject(*heap, "/heap")) {
      m_c.CheckKeys(*heap, "/heap", {"objects", "roots", "edges"});
      ReadObjects(*heap);
      ReadRoots(*heap);
    }
    const Json* script = root.is_object() && root.contains("script") ? &root["script"] : nullptr;
    if (script && script->is_array()) DeclareAllocs(*script);
    if (heap && heap->is_object()) ReadEdges(*heap);
    if (script && script->is_array() && script->size() <= limits::kMaxScriptOps) {
      ReadScript(*script);
    }
    FinishFields();
    return prog;
  }

 private:
  void ReadConfig(const Json& cfg) {
    m_c.CheckKeys(cfg, "/config", ConfigKeys());
    if (auto b = m_c.Enum(cfg, "/config", "barrier", false, BarrierNames())) {
      ParseBarrier(*b, &m_prog->config.barrier);
    }
    if (auto w = m_c.Bool(cfg, "/config", "wb_buffer", false)) m_prog->config.wb_buffer = *w;
    if (auto n = m_c.Int(cfg, "/config", "wb_buffer_size", false, 1, 256)) {
      m_prog->config.wb_buffer_size = std::int32_t(*n);
    }
  }

  void ReadObjects(const Json& heap) {
    const Json* objs = m_c.Member(heap, "/heap", "objects", true);
    if (!objs || !m_c.ExpectArray(*objs, "/heap/objects", limits::kMaxObjects, "kMaxObjects")) {
      return;
    }
    for (std::size_t i = 0; i < objs->size(); ++i) {
      std::string ptr = Checker::Child("/heap/objects", i);
      const Json& o = (*objs)[i];
      if (!m_c.ExpectObject(o, ptr)) continue;
      m_c.CheckKeys(o, ptr, {"id", "fields", "noscan", "pos"});
      ObjectDecl d;
      auto id = m_c.String(o, ptr, "id", true);
      if (!id || !m_c.ValidId(*id, Checker::Child(ptr, "id"))) continue;
      d.id = *id;
      ReadObjectShape(o, ptr, d);
      if (!m_objects.Add(d.id)) {
        m_c.Error(Checker::Child(ptr, "id"), "duplicate object id \"" + d.id + "\"");
        continue;
      }
      m_prog->objects.push_back(d);
    }
  }

  void ReadObjectShape(const Json& o, const std::string& ptr, ObjectDecl& d) {
    if (auto n = m_c.Int(o, ptr, "fields", false, 0, limits::kMaxFieldsPerObject)) {
      d.fields = std::int32_t(*n);
      m_declared_fields[d.id] = true;
    }
    if (auto ns = m_c.Bool(o, ptr, "noscan", false)) d.noscan = *ns;
    if (d.noscan && d.fields > 0) {
      m_c.Error(Checker::Child(ptr, "fields"),
                "a noscan (pointer-free) object has no pointer fields; drop \"fields\"");
    }
    if (d.noscan) m_declared_fields[d.id] = true;
    if (const Json* pos = m_c.Member(o, ptr, "pos", false)) {
      std::string pptr = Checker::Child(ptr, "pos");
      if (!pos->is_array() || pos->size() != 2 || !(*pos)[0].is_number() ||
          !(*pos)[1].is_number()) {
        m_c.Error(pptr, "expected [x, y] (two numbers)");
      } else {
        d.pinned = true;
        d.x = (*pos)[0].get<float>();
        d.y = (*pos)[1].get<float>();
      }
    }
  }

  void ReadRoots(const Json& heap) {
    const Json* roots = m_c.Member(heap, "/heap", "roots", true);
    if (!roots || !m_c.ExpectArray(*roots, "/heap/roots", limits::kMaxRoots, "kMaxRoots")) return;
    for (std::size_t i = 0; i < roots->size(); ++i) {
      std::string ptr = Checker::Child("/heap/roots", i);
      const Json& r = (*roots)[i];
      if (!m_c.ExpectObject(r, ptr)) continue;
      m_c.CheckKeys(r, ptr, {"id", "kind", "refs"});
      RootDecl d;
      auto id = m_c.String(r, ptr, "id", true);
      if (!id || !m_c.ValidId(*id, Checker::Child(ptr, "id"))) continue;
      d.id = *id;
      auto kind = m_c.Enum(r, ptr, "kind", false, {"global", "stack"});
      if (kind) {
        d.kind = *kind == "stack" ? RootKind::kStack : RootKind::kGlobal;
      } else if (d.id.rfind("stack:", 0) == 0) {
        d.kind = RootKind::kStack;
      } else if (d.id.rfind("global:", 0) == 0) {
        d.kind = RootKind::kGlobal;
      } else if (!r.contains("kind")) {
        m_c.Error(ptr, "root \"" + d.id +
                           "\" needs \"kind\": \"global\" or \"stack\" (or an id starting with "
                           "\"global:\" or \"stack:\")");
      }
      if (const Json* refs = m_c.Member(r, ptr, "refs", false)) {
        std::string rptr = Checker::Child(ptr, "refs");
        if (m_c.ExpectArray(*refs, rptr, limits::kMaxFieldsPerObject, "kMaxFieldsPerObject")) {
          for (std::size_t k = 0; k < refs->size(); ++k) {
            d.slots.push_back(ObjectOrNil((*refs)[k], Checker::Child(rptr, k)));
            CountPointer(Checker::Child(rptr, k));
          }
        }
      }
      if (!m_roots.Add(d.id)) {
        m_c.Error(Checker::Child(ptr, "id"), "duplicate root id \"" + d.id + "\"");
        continue;
      }
      m_prog->roots.push_back(std::move(d));
    }
  }

  // Objects created by "alloc" ops are part of the program from the start (not yet live), so
  // every op can name them and the layout is stable.
  void DeclareAllocs(const Json& script) {
    for (std::size_t i = 0; i < script.size() && i < limits::kMaxScriptOps; ++i) {
      const Json& op = script[i];
      if (!op.is_object() || !op.contains("op") || op["op"] != "alloc") continue;
      std::string ptr = Checker::Child("/script", i);
      if (!op.contains("id") || !op["id"].is_string()) continue;  // reported in ReadScript
      ObjectDecl d;
      d.id = op["id"].get<std::string>();
      if (!m_c.ValidId(d.id, Checker::Child(ptr, "id"))) continue;
      d.initially_live = false;
      ReadObjectShape(op, ptr, d);
      if (m_prog->objects.size() >= limits::kMaxObjects) {
        m_c.Error(ptr, "more than the limit kMaxObjects = " + std::to_string(limits::kMaxObjects) +
                           " objects");
        return;
      }
      if (!m_objects.Add(d.id)) {
        m_c.Error(Checker::Child(ptr, "id"),
                  "object id \"" + d.id + "\" is already used; alloc needs a new id");
        continue;
      }
      m_alloc_op[i] = std::int32_t(m_prog->objects.size());
      m_prog->objects.push_back(d);
    }
  }

  void ReadEdges(const Json& heap) {
    m_prog->initial_fields.assign(m_prog->objects.size(), {});
    const Json* edges = m_c.Member(heap, "/heap", "edges", false);
    if (!edges || !m_c.ExpectArray(*edges, "/heap/edges", limits::kMaxPointers, "kMaxPointers")) {
      return;
    }
    for (std::size_t i = 0; i < edges->size(); ++i) {
      std::string ptr = Checker::Child("/heap/edges", i);
      const Json& e = (*edges)[i];
      bool shape_ok = e.is_array() && (e.size() == 2 || e.size() == 3) && e[0].is_string();
      if (e.size() == 3) shape_ok = shape_ok && e[1].is_number_integer();
      if (!shape_ok) {
        m_c.Error(ptr, "an edge is [\"FROM\", \"TO\"] or [\"FROM\", FIELD, \"TO\"]");
        continue;
      }
      CountPointer(ptr);
      std::int32_t from = ObjectRef(e[0], Checker::Child(ptr, 0));
      std::int32_t to = ObjectOrNil(e[e.size() - 1], Checker::Child(ptr, e.size() - 1));
      if (from == kNil) continue;
      const ObjectDecl& d = m_prog->objects[std::size_t(from)];
      if (!d.initially_live) {
        m_c.Error(Checker::Child(ptr, 0), "\"" + d.id +
                                              "\" is created by an alloc op later; "
                                              "add its pointers with a write op");
        continue;
      }
      if (d.noscan) {
        m_c.Error(Checker::Child(ptr, 0), "\"" + d.id +
                                              "\" is noscan (pointer-free): it has no "
                                              "pointer fields");
        continue;
      }
      auto& fields = m_prog->initial_fields[std::size_t(from)];
      std::int64_t field = e.size() == 3 ? e[1].get<std::int64_t>() : std::int64_t(fields.size());
      if (e.size() == 2) {
        // Shorthand: the next field that is still nil.
        auto it = std::find(fields.begin(), fields.end(), kNil);
        field = it == fields.end() ? std::int64_t(fields.size()) : it - fields.begin();
      }
      if (field < 0 || field >= std::int64_t(limits::kMaxFieldsPerObject)) {
        m_c.Error(Checker::Child(ptr, 1),
                  "field must be between 0 and " + std::to_string(limits::kMaxFieldsPerObject - 1));
        continue;
      }
      if (!CheckField(from, field, Checker::Child(ptr, e.size() == 3 ? 1 : 0))) continue;
      if (std::size_t(field) >= fields.size()) fields.resize(std::size_t(field) + 1, kNil);
      if (fields[std::size_t(field)] != kNil) {
        m_c.Error(ptr, d.id + ".f" + std::to_string(field) + " is set twice");
        continue;
      }
      fields[std::size_t(field)] = to;
    }
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
      if (n == "gc_start" || n == "mark_all" || n == "mark_termination" || n == "sweep" ||
          n == "gc") {
        m_c.CheckKeys(op, ptr, {"op", "say", "notes"});
        if (n == "gc") {
          for (OpCode c :
               {OpCode::kGcStart, OpCode::kMarkAll, OpCode::kMarkTermination, OpCode::kSweep}) {
            o.code = c;
            m_prog->ops.push_back(o);
          }
          continue;
        }
        o.code = n == "gc_start"           ? OpCode::kGcStart
                 : n == "mark_all"         ? OpCode::kMarkAll
                 : n == "mark_termination" ? OpCode::kMarkTermination
                                           : OpCode::kSweep;
      } else if (n == "mark") {
        m_c.CheckKeys(op, ptr, {"op", "n", "obj", "say", "notes"});
        o.code = OpCode::kMark;
        if (auto k = m_c.Int(op, ptr, "n", false, 1, 100000)) o.n = std::int32_t(*k);
        if (op.contains("obj")) {
          o.code = OpCode::kMarkObject;
          o.obj = ObjectRef(op["obj"], Checker::Child(ptr, "obj"));
          if (op.contains("n")) m_c.Error(Checker::Child(ptr, "n"), "use either \"n\" or \"obj\"");
        }
      } else if (n == "scan_root") {
        m_c.CheckKeys(op, ptr, {"op", "root", "say", "notes"});
        o.code = OpCode::kScanRoot;
        o.root = RootRef(op, ptr, "root", true);
      } else if (n == "alloc") {
        m_c.CheckKeys(op, ptr, {"op", "id", "fields", "noscan", "pos", "root", "slot", "say", "notes"});
        o.code = OpCode::kAlloc;
        m_c.String(op, ptr, "id", true);
        auto it = m_alloc_op.find(i);
        o.obj = it == m_alloc_op.end() ? kNil : it->second;
        o.root = RootRef(op, ptr, "root", true);
        o.slot = Slot(op, ptr);
      } else if (n == "write") {
        m_c.CheckKeys(op, ptr, {"op", "obj", "field", "to", "g", "say", "notes"});
        o.code = OpCode::kWrite;
        o.obj = MemberObject(op, ptr, "obj");
        o.field = Field(op, ptr, o.obj);
        o.to = MemberObjectOrNil(op, ptr, "to");
        o.writer = RootRef(op, ptr, "g", false, RootKind::kStack);
        CountPointer(ptr);
      } else if (n == "load") {
        m_c.CheckKeys(op, ptr, {"op", "root", "slot", "from", "field", "g", "say", "notes"});
        o.code = OpCode::kLoad;
        o.root = RootRef(op, ptr, "root", true);
        o.slot = Slot(op, ptr);
        o.obj = MemberObject(op, ptr, "from");
        o.field = Field(op, ptr, o.obj);
        o.writer = RootRef(op, ptr, "g", false, RootKind::kStack);
        CountPointer(ptr);
      } else if (n == "set_root") {
        m_c.CheckKeys(op, ptr, {"op", "root", "slot", "to", "g", "say", "notes"});
        o.code = OpCode::kSetRoot;
        o.root = RootRef(op, ptr, "root", true);
        o.slot = Slot(op, ptr);
        o.to = MemberObjectOrNil(op, ptr, "to");
        o.writer = RootRef(op, ptr, "g", false, RootKind::kStack);
        CountPointer(ptr);
      }
      m_prog->ops.push_back(o);
    }
  }

  std::int32_t Slot(const Json& op, const std::string& ptr) {
    auto s = m_c.Int(op, ptr, "slot", false, 0, std::int64_t(limits::kMaxFieldsPerObject) - 1);
    return s ? std::int32_t(*s) : -1;  // -1: a new slot at the end
  }

  std::int32_t Field(const Json& op, const std::string& ptr, std::int32_t obj) {
    auto f = m_c.Int(op, ptr, "field", false, 0, std::int64_t(limits::kMaxFieldsPerObject) - 1);
    std::int64_t field = f ? *f : 0;
    if (obj != kNil) {
      std::string where = op.contains("field") ? Checker::Child(ptr, "field") : ptr;
      if (m_prog->objects[std::size_t(obj)].noscan) {
        m_c.Error(where, "\"" + m_prog->objects[std::size_t(obj)].id +
                             "\" is noscan (pointer-free): it has no pointer fields");
      } else {
        CheckField(obj, field, where);
      }
    }
    return std::int32_t(field);
  }

  bool CheckField(std::int32_t obj, std::int64_t field, const std::string& where) {
    ObjectDecl& d = m_prog->objects[std::size_t(obj)];
    if (m_declared_fields.count(d.id)) {
      if (field >= d.fields) {
        m_c.Error(where, "\"" + d.id + "\" has " + std::to_string(d.fields) +
                             " pointer field(s); field " + std::to_string(field) +
                             " is out of range");
        return false;
      }
    } else {
      d.fields = std::max<std::int32_t>(d.fields, std::int32_t(field) + 1);
    }
    return true;
  }

  void FinishFields() {
    m_prog->initial_fields.resize(m_prog->objects.size());
    for (std::size_t i = 0; i < m_prog->objects.size(); ++i) {
      ObjectDecl& d = m_prog->objects[i];
      if (!d.noscan && d.fields == 0 && !m_declared_fields.count(d.id)) d.fields = 1;
      auto& f = m_prog->initial_fields[i];
      if (!d.initially_live) {
        f.clear();
      } else {
        f.resize(std::size_t(d.fields), kNil);
      }
    }
  }

  void CountPointer(const std::string& ptr) {
    if (++m_pointers == limits::kMaxPointers + 1) {
      m_c.Error(ptr, "more than the limit kMaxPointers = " + std::to_string(limits::kMaxPointers) +
                         " pointers in the scenario");
    }
  }

  std::int32_t ObjectRef(const Json& v, const std::string& ptr) {
    if (!v.is_string()) {
      m_c.Error(ptr, "expected an object id (string), got " + std::string(TypeName(v)));
      return kNil;
    }
    const std::string id = v.get<std::string>();
    std::int32_t i = m_objects.Find(id);
    if (i != kNil) return i;
    std::string msg = "unknown object \"" + id + "\"";
    std::string hint = DidYouMean(id, m_objects.Order());
    if (!hint.empty()) msg += " (did you mean \"" + hint + "\"?)";
    msg += " (objects: " + JoinList(m_objects.Order()) + ")";
    m_c.Error(ptr, msg);
    return kNil;
  }

  std::int32_t ObjectOrNil(const Json& v, const std::string& ptr) {
    if (v.is_null()) return kNil;
    return ObjectRef(v, ptr);
  }

  std::int32_t MemberObject(const Json& op, const std::string& ptr, const char* key) {
    const Json* v = m_c.Member(op, ptr, key, true);
    return v ? ObjectRef(*v, Checker::Child(ptr, key)) : kNil;
  }

  std::int32_t MemberObjectOrNil(const Json& op, const std::string& ptr, const char* key) {
    const Json* v = m_c.Member(op, ptr, key, true);
    return v ? ObjectOrNil(*v, Checker::Child(ptr, key)) : kNil;
  }

  std::int32_t RootRef(const Json& op, const std::string& ptr, const char* key, bool required,
                       std::optional<RootKind> must_be = std::nullopt) {
    auto id = m_c.String(op, ptr, key, required);
    if (!id) return kNil;
    std::int32_t i = m_roots.Find(*id);
    std::string where = Checker::Child(ptr, key);
    if (i == kNil) {
      std::string msg = "unknown root \"" + *id + "\"";
      std::string hint = DidYouMean(*id, m_roots.Order());
      if (!hint.empty()) msg += " (did you mean \"" + hint + "\"?)";
      msg += " (roots: " + JoinList(m_roots.Order()) + ")";
      m_c.Error(where, msg);
      return kNil;
    }
    if (must_be && m_prog->roots[std::size_t(i)].kind != *must_be) {
      m_c.Error(where, "\"" + *id + "\" is not a goroutine stack");
      return kNil;
    }
    return i;
  }

  Checker& m_c;
  Program* m_prog = nullptr;
  Names m_objects;
  Names m_roots;
  std::map<std::string, bool> m_declared_fields;
  std::map<std::size_t, std::int32_t> m_alloc_op;  // script index → object
  std::size_t m_pointers = 0;
};

// Lint (warnings that do not block loading): objects that play no part, and mutator steps
// that change nothing.
void LintRun(const GcRun& run, const Json& root, Checker& c) {
  const Program& p = run.Prog();
  bool sweeps = false;
  for (const Op& op : p.ops) sweeps |= op.code == OpCode::kSweep;
  std::vector<bool> used(p.objects.size(), false);
  for (std::size_t i = 0; i < p.objects.size(); ++i) {
    for (auto t : p.initial_fields[i]) {
      if (t != kNil) used[std::size_t(t)] = used[i] = true;
    }
  }
  for (const RootDecl& r : p.roots) {
    for (auto t : r.slots) {
      if (t != kNil) used[std::size_t(t)] = true;
    }
  }
  for (const Op& op : p.ops) {
    for (auto t : {op.obj, op.to}) {
      if (t != kNil) used[std::size_t(t)] = true;
    }
  }
  // An unreferenced object is still a lesson when a sweep frees it; otherwise it is clutter.
  if (!sweeps && root.contains("heap") && root["heap"].contains("objects")) {
    const Json& objs = root["heap"]["objects"];
    for (std::size_t i = 0, k = 0; i < p.objects.size() && k < objs.size(); ++i) {
      if (!p.objects[i].initially_live) continue;
      if (!used[i]) {
        c.Warn(Checker::Child(Checker::Child("/heap/objects", k), "id"),
               "object \"" + p.objects[i].id + "\" is never referenced and no sweep frees it");
      }
      ++k;
    }
  }
  const auto& tl = run.GetTimeline();
  for (std::size_t s = 1; s < tl.StepCount(); ++s) {
    for (const Event& e : tl.Events(s)) {
      if ((e.kind == EventKind::kWrite || e.kind == EventKind::kRootWrite) &&
          e.old_value == e.new_value) {
        c.Warn(Checker::Child("/script", std::size_t(tl.OpIndex(s))),
               "this store changes nothing: the slot already holds " +
                   (e.new_value == kNil ? std::string("nil") : p.ObjectName(e.new_value)));
      }
    }
  }
}

}  // namespace

std::shared_ptr<const Run> Load(Envelope env, const Json& root, Checker& checker) {
  GcLoader loader(checker);
  std::shared_ptr<Program> prog = loader.Load(env, root);
  if (checker.Failed()) return nullptr;
  auto run = std::make_shared<GcRun>(std::move(env), std::move(prog));
  if (!BuildTimeline(*run, checker)) return nullptr;
  LintRun(*run, root, checker);
  return run;
}

}  // namespace gs::gc
