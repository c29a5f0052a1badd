// Property test: thousands of seeded random mutator programs interleaved with marking, each
// run under every barrier mode.
//
// The generator only writes programs a real Go program could run: a goroutine stores only
// pointers it holds in its locals (or reads from a global into a local), reaches objects
// only by loading fields of objects it holds, writes fields only of pointerful objects it
// holds, and never touches a freed object (the one cycle's sweep is the last op).
//
// Marking runs in two phases, both interleaved with the mutator. Phase 1 runs root jobs in
// random order (scan_root: workers claim jobs, goroutines reach safe points at different
// times) and blackens heap objects one at a time (mark obj), like several workers; the
// generator only names objects that are grey under every barrier mode (see Shaded). Phase 2
// runs gcDrain in small units (mark n).
//
// Keeping "mark n" valid: global:z heads a chain Z0 -> Z1 -> ... of kChain objects that the
// program never touches. global:z is the first root job and only mark units run it, so the
// first mark unit greys Z0; from then on one chain object is always grey until kChain
// objects have been scanned. The generator emits at most kChain mark units, so gcDrain
// always finds work.
//
// Properties (reference §2, proposal 17503):
//   hybrid, go: no reachable object is freed (no kDangling) and the weak invariant always
//               holds (no kWeakViolation), without any stack re-scan; with config.wb_buffer
//               a pointer waiting in wbBuf counts as grey, since wbBufFlush1 will grey it;
//   dijkstra:   no reachable object is freed (the STW stack re-scan repairs what the
//               missing stack barrier broke), though the weak invariant may break meanwhile;
//   yuasa:      no reachable object is freed when every stack is scanned before any heap
//               object is marked (snapshot at the beginning);
//   none:       some programs lose objects, and every loss is preceded by a weak-invariant
//               violation on an edge into the lost object's path.
// "Reachable" is computed independently from the generator's own copy of the mutator's
// pointer graph, not from the engine's events.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "engine/core/rng.h"
#include "tests/engine/gc_test_util.h"

namespace gs::gc {
namespace {

constexpr int kPrograms = 2000;
constexpr int kChain = 8;
constexpr int kMaxSlots = 4;
constexpr const char* kModes[] = {"none", "dijkstra", "yuasa", "hybrid", "go"};

struct GObj {
  std::string id;
  int fields = 1;  // 0 for noscan
  bool noscan = false;
  std::vector<int> f;  // object index or -1
};

struct GRoot {
  std::string id;
  bool stack = false;
  std::vector<int> slots;
};

struct Generated {
  std::string text;
  bool stacks_first = false;
  bool wb_buffer = false;
  std::set<std::string> reachable_at_end;  // from the mutator's own pointer graph
};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) { m_rng.state = seed; }

  Generated Make() {
    Generated g;
    Json script = Json::array();
    BuildHeap();
    // A few mutator ops before the cycle starts (barrier off, allocation white).
    for (int i = 0, n = int(Below(5)); i < n; ++i) MutatorOp(script);
    script.push_back({{"op", "gc_start"}});
    m_pending.clear();
    for (std::size_t r = 0; r < m_roots.size(); ++r) {
      if (!m_roots[r].stack) m_pending.push_back(int(r));  // global:z is roots[0]
    }
    for (std::size_t r = 0; r < m_roots.size(); ++r) {
      if (m_roots[r].stack) m_pending.push_back(int(r));
    }
    g.stacks_first = Below(3) == 0;
    if (g.stacks_first) {
      // Scan every stack, in random order, before any heap object is marked.
      std::vector<int> stacks;
      for (int r : m_pending) {
        if (m_roots[std::size_t(r)].stack) stacks.push_back(r);
      }
      while (!stacks.empty()) {
        std::size_t k = Below(std::uint32_t(stacks.size()));
        ScanRoot(script, stacks[k]);
        stacks.erase(stacks.begin() + std::ptrdiff_t(k));
      }
    }
    // Phase 1: root jobs in random order and heap objects blackened one by one (mark obj),
    // interleaved with the mutator, as several mark workers would do it.
    m_in_mark = true;
    for (int i = 0, n = 20 + int(Below(25)); i < n; ++i) {
      std::uint32_t pick = Below(100);
      std::vector<int> roots;
      for (int r : m_pending) {
        if (r != 0) roots.push_back(r);
      }
      std::vector<int> grey;
      for (std::size_t o = 0; o < m_surely_grey.size(); ++o) {
        if (m_surely_grey[o]) grey.push_back(int(o));
      }
      if (pick < 15 && !roots.empty()) {
        ScanRoot(script, Pick(roots));
      } else if (pick < 45 && !grey.empty()) {
        MarkObject(script, Pick(grey));
      } else {
        MutatorOp(script);
      }
    }
    // Phase 2: gcDrain in small units (root jobs first, then LIFO), still interleaved.
    int units_left = kChain;
    for (int i = 0, n = int(Below(8)); i < n; ++i) {
      if (Below(100) < 40 && units_left > 0) {
        int units = std::min(1 + int(Below(2)), units_left);
        units_left -= units;
        script.push_back({{"op", "mark"}, {"n", units}});
      } else {
        MutatorOp(script);
      }
    }
    script.push_back({{"op", "mark_termination"}});
    script.push_back({{"op", "sweep"}});

    g.wb_buffer = Below(4) == 0;
    Json doc = {
        {"format", 1}, {"kind", "gc"}, {"id", "prop"}, {"title", {{"en", "p"}, {"zh", "p"}}}};
    doc["config"] = {{"barrier", "go"}};
    if (g.wb_buffer) {
      doc["config"]["wb_buffer"] = true;
      doc["config"]["wb_buffer_size"] = 1 + int(Below(4));
    }
    Json objects = Json::array(), edges = Json::array(), roots = Json::array();
    for (std::size_t i = 0; i < m_initial_objects; ++i) {
      const GObj& o = m_objs[i];
      Json j = {{"id", o.id}};
      if (o.noscan) {
        j["noscan"] = true;
      } else {
        j["fields"] = o.fields;
      }
      objects.push_back(j);
      for (int f = 0; f < int(m_initial_fields[i].size()); ++f) {
        int t = m_initial_fields[i][std::size_t(f)];
        if (t >= 0) edges.push_back(Json::array({o.id, f, m_objs[std::size_t(t)].id}));
      }
    }
    for (std::size_t r = 0; r < m_roots.size(); ++r) {
      Json refs = Json::array();
      for (int t : m_initial_slots[r]) {
        refs.push_back(t < 0 ? Json(nullptr) : Json(m_objs[std::size_t(t)].id));
      }
      roots.push_back({{"id", m_roots[r].id}, {"refs", refs}});
    }
    doc["heap"] = {{"objects", objects}, {"roots", roots}, {"edges", edges}};
    doc["script"] = script;
    g.text = doc.dump();
    g.reachable_at_end = Reachable();
    return g;
  }

 private:
  std::uint32_t Below(std::uint32_t n) { return m_rng.Below(n); }

  void BuildHeap() {
    m_objs.clear();
    m_roots.clear();
    for (int i = 0; i < kChain; ++i) {
      GObj z{std::string("Z") + std::to_string(i), 1, false, {i + 1 < kChain ? i + 1 : -1}};
      m_objs.push_back(z);
    }
    m_first_normal = m_objs.size();
    int normal = 4 + int(Below(5));
    for (int i = 0; i < normal; ++i) {
      GObj o;
      o.id = std::string(1, char('A' + i));
      o.noscan = Below(6) == 0;
      o.fields = o.noscan ? 0 : 1 + int(Below(3));
      o.f.assign(std::size_t(o.fields), -1);
      m_objs.push_back(o);
    }
    for (std::size_t i = m_first_normal; i < m_objs.size(); ++i) {
      for (int& t : m_objs[i].f) t = Below(10) < 4 ? RandomNormal() : -1;
    }
    m_roots.push_back({"global:z", false, {0}});
    int globals = 1 + int(Below(2)), stacks = 2 + int(Below(2));
    for (int i = 0; i < globals; ++i) {
      GRoot r{std::string("global:g") + std::to_string(i), false, {}};
      for (int s = 0, n = 1 + int(Below(2)); s < n; ++s)
        r.slots.push_back(Below(10) < 5 ? RandomNormal() : -1);
      m_roots.push_back(r);
    }
    for (int i = 0; i < stacks; ++i) {
      GRoot r{std::string("stack:g") + std::to_string(i), true, {}};
      for (int s = 0, n = 1 + int(Below(3)); s < n; ++s)
        r.slots.push_back(Below(10) < 8 ? RandomNormal() : -1);
      m_roots.push_back(r);
    }
    m_initial_objects = m_objs.size();
    m_initial_fields.clear();
    for (const GObj& o : m_objs) m_initial_fields.push_back(o.f);
    m_initial_slots.clear();
    for (const GRoot& r : m_roots) m_initial_slots.push_back(r.slots);
    m_allocs = 0;
    m_in_mark = false;
    m_born_black.assign(m_objs.size(), 0);
    m_surely_grey.assign(m_objs.size(), 0);
    m_scanned.assign(m_objs.size(), 0);
  }

  // One of the program's own initial objects (never a chain object).
  int RandomNormal() {
    return int(m_first_normal + Below(std::uint32_t(m_objs.size() - m_first_normal)));
  }

  std::vector<int> Stacks() const {
    std::vector<int> out;
    for (std::size_t r = 0; r < m_roots.size(); ++r) {
      if (m_roots[r].stack) out.push_back(int(r));
    }
    return out;
  }
  std::vector<int> Globals() const {  // the program's own globals, not global:z
    std::vector<int> out;
    for (std::size_t r = 1; r < m_roots.size(); ++r) {
      if (!m_roots[r].stack) out.push_back(int(r));
    }
    return out;
  }
  // Pointers goroutine `g` holds in its locals.
  std::vector<int> Held(int g, bool pointerful_only) const {
    std::vector<int> out;
    for (int t : m_roots[std::size_t(g)].slots) {
      if (t < 0) continue;
      if (pointerful_only && m_objs[std::size_t(t)].noscan) continue;
      out.push_back(t);
    }
    return out;
  }
  int Pick(const std::vector<int>& v) { return v[Below(std::uint32_t(v.size()))]; }
  // A slot of g's stack to overwrite, or -1 to append a new local.
  int StackSlot(int g) {
    const auto& slots = m_roots[std::size_t(g)].slots;
    if (slots.empty() || (slots.size() < kMaxSlots && Below(3) == 0)) return -1;
    return int(Below(std::uint32_t(slots.size())));
  }
  void Store(std::vector<int>& slots, int slot, int value) {
    if (slot < 0) {
      slots.push_back(value);
    } else {
      slots[std::size_t(slot)] = value;
    }
  }
  Json Name(int t) const { return t < 0 ? Json(nullptr) : Json(m_objs[std::size_t(t)].id); }

  void ScanRoot(Json& script, int r) {
    script.push_back({{"op", "scan_root"}, {"root", m_roots[std::size_t(r)].id}});
    m_pending.erase(std::find(m_pending.begin(), m_pending.end(), r));
    for (int t : m_roots[std::size_t(r)].slots) Shaded(t);
  }

  // "mark obj X" is valid only if X is in the grey queue under every barrier mode. An object
  // greyed by a root scan or by an explicit scan of its parent is queued in every mode
  // (barrier shades only make more objects grey), unless it is noscan (black at once),
  // allocated during mark (born black), or already scanned. No mark unit (whose LIFO choice
  // depends on the mode) runs before phase 2.
  void Shaded(int t) {
    if (t < 0) return;
    const std::size_t i = std::size_t(t);
    if (m_objs[i].noscan || m_born_black[i] || m_scanned[i]) return;
    m_surely_grey[i] = 1;
  }

  void MarkObject(Json& script, int o) {
    script.push_back({{"op", "mark"}, {"obj", m_objs[std::size_t(o)].id}});
    m_surely_grey[std::size_t(o)] = 0;
    m_scanned[std::size_t(o)] = 1;
    for (int t : m_objs[std::size_t(o)].f) Shaded(t);
  }

  void MutatorOp(Json& script) {
    std::vector<int> stacks = Stacks();
    int g = Pick(stacks);
    const std::string gname = m_roots[std::size_t(g)].id;
    std::vector<int> held = Held(g, false), objs = Held(g, true);
    auto& locals = m_roots[std::size_t(g)].slots;
    switch (Below(14)) {
      case 11:
      case 12: {  // take: x := p.f; p.f = nil (unlink, keeping the pointer in a local)
        if (objs.empty()) break;
        int src = Pick(objs);
        int f = int(Below(std::uint32_t(m_objs[std::size_t(src)].fields)));
        int slot = StackSlot(g);
        Json op = {{"op", "load"},
                   {"root", gname},
                   {"from", m_objs[std::size_t(src)].id},
                   {"field", f},
                   {"g", gname}};
        if (slot >= 0) op["slot"] = slot;
        script.push_back(op);
        Store(locals, slot, m_objs[std::size_t(src)].f[std::size_t(f)]);
        script.push_back({{"op", "write"},
                          {"obj", m_objs[std::size_t(src)].id},
                          {"field", f},
                          {"to", nullptr},
                          {"g", gname}});
        m_objs[std::size_t(src)].f[std::size_t(f)] = -1;
        return;
      }
      case 13: {  // give: p.f = x; x = nil (hand the only pointer over to the heap)
        if (objs.empty() || locals.empty()) break;
        int dst = Pick(objs);
        int f = int(Below(std::uint32_t(m_objs[std::size_t(dst)].fields)));
        int slot = int(Below(std::uint32_t(locals.size())));
        int val = locals[std::size_t(slot)];
        script.push_back({{"op", "write"},
                          {"obj", m_objs[std::size_t(dst)].id},
                          {"field", f},
                          {"to", Name(val)},
                          {"g", gname}});
        m_objs[std::size_t(dst)].f[std::size_t(f)] = val;
        script.push_back(
            {{"op", "set_root"}, {"root", gname}, {"slot", slot}, {"to", nullptr}, {"g", gname}});
        locals[std::size_t(slot)] = -1;
        return;
      }
      case 0:
      case 1:
      case 2: {  // x := obj.f  (stack write, no barrier)
        if (objs.empty()) break;
        int src = Pick(objs);
        int f = int(Below(std::uint32_t(m_objs[std::size_t(src)].fields)));
        int slot = StackSlot(g);
        Json op = {{"op", "load"},
                   {"root", gname},
                   {"from", m_objs[std::size_t(src)].id},
                   {"field", f},
                   {"g", gname}};
        if (slot >= 0) op["slot"] = slot;
        script.push_back(op);
        Store(locals, slot, m_objs[std::size_t(src)].f[std::size_t(f)]);
        return;
      }
      case 3:
      case 4:
      case 5: {  // obj.f = x or nil (heap write)
        if (objs.empty()) break;
        int dst = Pick(objs);
        int f = int(Below(std::uint32_t(m_objs[std::size_t(dst)].fields)));
        int val = held.empty() || Below(4) == 0 ? -1 : Pick(held);
        script.push_back({{"op", "write"},
                          {"obj", m_objs[std::size_t(dst)].id},
                          {"field", f},
                          {"to", Name(val)},
                          {"g", gname}});
        m_objs[std::size_t(dst)].f[std::size_t(f)] = val;
        return;
      }
      case 6:
      case 7:
      case 8: {  // global = x or nil (barriered), or x := global (stack write)
        std::vector<int> globals = Globals();
        int gl = Pick(globals);
        auto& gslots = m_roots[std::size_t(gl)].slots;
        int gs = int(Below(std::uint32_t(gslots.size())));
        if (Below(3) == 0) {
          int val = held.empty() || Below(3) == 0 ? -1 : Pick(held);
          script.push_back({{"op", "set_root"},
                            {"root", m_roots[std::size_t(gl)].id},
                            {"slot", gs},
                            {"to", Name(val)},
                            {"g", gname}});
          gslots[std::size_t(gs)] = val;
        } else {
          int slot = StackSlot(g);
          int val = gslots[std::size_t(gs)];
          Json op = {{"op", "set_root"}, {"root", gname}, {"to", Name(val)}, {"g", gname}};
          if (slot >= 0) op["slot"] = slot;
          script.push_back(op);
          Store(locals, slot, val);
        }
        return;
      }
      case 9: {  // x = nil or x = y (stack write)
        if (locals.empty()) break;
        int slot = int(Below(std::uint32_t(locals.size())));
        int val = Below(2) == 0 || held.empty() ? -1 : Pick(held);
        script.push_back(
            {{"op", "set_root"}, {"root", gname}, {"slot", slot}, {"to", Name(val)}, {"g", gname}});
        locals[std::size_t(slot)] = val;
        return;
      }
      case 10: {  // x := new(T) (black during mark, white before)
        if (m_allocs >= 6) break;
        GObj o;
        o.id = std::string("N") + std::to_string(m_allocs++);
        o.noscan = Below(5) == 0;
        o.fields = o.noscan ? 0 : 1 + int(Below(2));
        o.f.assign(std::size_t(o.fields), -1);
        int slot = StackSlot(g);
        Json op = {{"op", "alloc"}, {"id", o.id}, {"root", gname}};
        if (o.noscan) {
          op["noscan"] = true;
        } else {
          op["fields"] = o.fields;
        }
        if (slot >= 0) op["slot"] = slot;
        script.push_back(op);
        m_objs.push_back(o);
        m_born_black.push_back(m_in_mark);
        m_surely_grey.push_back(0);
        m_scanned.push_back(0);
        Store(locals, slot, int(m_objs.size()) - 1);
        return;
      }
    }
    // The chosen op was not possible for this goroutine: drop a local instead (always valid
    // as an append of nil when the stack is empty).
    int slot = StackSlot(g);
    Json op = {{"op", "set_root"}, {"root", gname}, {"to", nullptr}, {"g", gname}};
    if (slot >= 0) op["slot"] = slot;
    script.push_back(op);
    Store(locals, slot, -1);
  }

  std::set<std::string> Reachable() const {
    std::vector<char> seen(m_objs.size(), 0);
    std::vector<int> work;
    for (const GRoot& r : m_roots) {
      for (int t : r.slots) {
        if (t >= 0 && !seen[std::size_t(t)]) {
          seen[std::size_t(t)] = 1;
          work.push_back(t);
        }
      }
    }
    while (!work.empty()) {
      int o = work.back();
      work.pop_back();
      for (int t : m_objs[std::size_t(o)].f) {
        if (t >= 0 && !seen[std::size_t(t)]) {
          seen[std::size_t(t)] = 1;
          work.push_back(t);
        }
      }
    }
    std::set<std::string> out;
    for (std::size_t i = 0; i < m_objs.size(); ++i) {
      if (seen[i]) out.insert(m_objs[i].id);
    }
    return out;
  }

  Rng m_rng;
  std::vector<GObj> m_objs;
  std::vector<GRoot> m_roots;
  std::size_t m_first_normal = 0;
  std::size_t m_initial_objects = 0;
  std::vector<std::vector<int>> m_initial_fields;
  std::vector<std::vector<int>> m_initial_slots;
  std::vector<int> m_pending;  // root jobs not yet run, in markroot order
  int m_allocs = 0;
  bool m_in_mark = false;
  std::vector<char> m_born_black, m_surely_grey, m_scanned;
};

struct Tally {
  int runs = 0;
  int programs_losing = 0;
  int lost_objects = 0;
  int weak_violations = 0;
};

TEST(BarrierProperty, RandomMutatorsUnderEveryMode) {
  const auto start = std::chrono::steady_clock::now();
  std::map<std::string, Tally> tally;
  int programs = 0, stacks_first_programs = 0, buffered_programs = 0;
  for (int p = 0; p < kPrograms; ++p) {
    Generated g = Generator(0x9e3779b97f4a7c15ULL * std::uint64_t(p + 1)).Make();
    ++programs;
    stacks_first_programs += g.stacks_first;
    buffered_programs += g.wb_buffer;
    for (const char* mode : kModes) {
      LoadOptions opts;
      opts.sets.emplace_back("config.barrier", mode);
      LoadResult r = LoadScenarioText("prop.json", g.text, opts);
      ASSERT_TRUE(r.run) << "program " << p << " is invalid:\n" << r.diags.FormatAll() << g.text;
      const auto& run = dynamic_cast<const GcRun&>(*r.run);
      Tally& t = tally[mode];
      ++t.runs;

      State end = test::FinalState(run);
      std::set<std::string> lost;  // reachable in the mutator's graph, yet freed
      for (std::size_t i = 0; i < end.objects.size(); ++i) {
        const std::string& id = run.Prog().objects[i].id;
        if (end.objects[i].freed && g.reachable_at_end.count(id)) lost.insert(id);
      }
      auto dangling = test::EventsOfKind(run, EventKind::kDangling);
      auto weak = test::EventsOfKind(run, EventKind::kWeakViolation);
      t.weak_violations += int(weak.size());
      if (!lost.empty()) {
        ++t.programs_losing;
        t.lost_objects += int(lost.size());
      }
      const std::string m = mode;
      const std::string where = "program " + std::to_string(p) + " under " + m + ":\n" + g.text;

      // The engine reports a loss exactly when one happened (the first lost object in sweep
      // order always still has a live path).
      EXPECT_EQ(lost.empty(), dangling.empty()) << where;
      for (const auto& d : dangling) {
        EXPECT_TRUE(g.reachable_at_end.count(run.Prog().ObjectName(d.event.obj))) << where;
      }

      if (m == "hybrid" || m == "go" || m == "dijkstra" || (m == "yuasa" && g.stacks_first)) {
        EXPECT_TRUE(lost.empty()) << "lost " << *lost.begin() << " in " << where;
      }
      if (m == "hybrid" || m == "go") {
        EXPECT_TRUE(weak.empty()) << "weak violation at step " << weak[0].step << " in " << where;
      }
      // Every loss follows a weak violation on an edge into the dangling path.
      for (const auto& d : dangling) {
        const auto& path = d.event.path;
        bool preceded = false;
        for (const auto& w : weak) {
          if (w.step < d.step &&
              std::find(path.begin() + 1, path.end(), w.event.edge.to) != path.end()) {
            preceded = true;
          }
        }
        EXPECT_TRUE(preceded) << "loss of " << run.Prog().ObjectName(d.event.obj)
                              << " without a weak violation first, " << where;
      }
      if (::testing::Test::HasFailure()) return;  // one failing program is enough to read
    }
  }
  // The broken baseline must actually break, or the program generator is too tame: with
  // these seeds about 1% of the programs lose an object without a barrier.
  EXPECT_GE(tally["none"].programs_losing, 10);
  // Yuasa with stacks scanned late loses objects too (S3), so the generator reaches that case.
  EXPECT_GT(tally["yuasa"].programs_losing, 0);

  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  std::cout << "[ property ] " << programs << " random programs (" << stacks_first_programs
            << " scan stacks first, " << buffered_programs
            << " with wbBuf) x 5 modes = " << programs * 5 << " runs in " << ms << " ms\n";
  for (const char* mode : kModes) {
    const Tally& t = tally[mode];
    std::cout << "[ property ]   " << mode << ": " << t.programs_losing
              << " programs lose objects (" << t.lost_objects << " objects), " << t.weak_violations
              << " weak-invariant violations\n";
  }
}

}  // namespace
}  // namespace gs::gc
