#include "engine/stack/escape.h"

#include <algorithm>
#include <map>

namespace gs::stack {
namespace {

// A location: a variable, an allocation site, a function result, or the heap.
struct Loc {
  enum class Kind : std::uint8_t { kHeap, kVar, kSite, kResult } kind = Kind::kHeap;
  std::int32_t func = kNone;
  std::int32_t idx = kNone;  // var or site
  bool escapes = false;
  bool queued = false;
  Reason reason = Reason::kNoEscape;
  // walkOne scratch
  std::uint32_t walkgen = 0;
  std::int32_t derefs = 0;
  Reason why = Reason::kNoEscape;  // reason carried from the root along the path
  // param leaks (leaks.go): -1 = none
  std::int32_t leak_heap = -1;
  std::int32_t leak_result = -1;
  struct Edge {
    std::int32_t src;
    std::int32_t derefs;
    Reason reason;  // for edges into the heap: why the heap gets it
  };
  std::vector<Edge> in;  // flows src -> this
};

struct Hole {
  std::int32_t loc = kNone;  // kNone: discard
  std::int32_t derefs = 0;
  Reason reason = Reason::kNoEscape;
};

class Batch {
 public:
  Batch(Program& p, const std::vector<std::int32_t>& funcs) : m_p(p) {
    for (std::int32_t f : funcs) m_in.push_back(f);
    m_locs.push_back(Loc{});  // heap = 0
    m_locs[0].escapes = true;
    for (std::int32_t f : funcs) {
      Func& fn = p.funcs[std::size_t(f)];
      for (std::size_t v = 0; v < fn.vars.size(); ++v) {
        m_var[{f, std::int32_t(v)}] = NewLoc(Loc::Kind::kVar, f, std::int32_t(v));
      }
      m_result[f] = NewLoc(Loc::Kind::kResult, f, kNone);
    }
    for (std::size_t s = 0; s < p.sites.size(); ++s) {
      Site& site = p.sites[s];
      if (!InBatch(site.func) || site.kind == SiteKind::kVar || site.always_heap) continue;
      m_site[std::int32_t(s)] = NewLoc(Loc::Kind::kSite, site.func, std::int32_t(s));
    }
  }

  void Run() {
    for (const Op& op : m_p.ops) {
      if (InBatch(op.func)) FlowOp(op, op.func);
      // recurse_args run inside the callee.
      if (op.code == OpCode::kCall && op.callee != kNone && InBatch(op.callee)) {
        for (std::size_t i = 0; i < op.recurse_args.size(); ++i) {
          FlowExpr(ParamHole(op.callee, std::int32_t(i)), op.recurse_args[i]);
        }
      }
    }
    // HeapAllocReason: too large, or make with a non-constant size (escape.go, before walkAll).
    for (std::size_t i = 1; i < m_locs.size(); ++i) {
      Reason r = HeapAllocReason(m_locs[i]);
      if (r != Reason::kNoEscape) AddEdge(Hole{0, -1, r}, std::int32_t(i), 0);
    }
    WalkAll();
    Finish();
  }

 private:
  std::int32_t NewLoc(Loc::Kind k, std::int32_t f, std::int32_t idx) {
    Loc l;
    l.kind = k;
    l.func = f;
    l.idx = idx;
    m_locs.push_back(l);
    return std::int32_t(m_locs.size() - 1);
  }
  bool InBatch(std::int32_t f) const {
    return f != kNone && std::find(m_in.begin(), m_in.end(), f) != m_in.end();
  }

  Reason HeapAllocReason(const Loc& l) const {
    const Config& c = m_p.config;
    if (l.kind == Loc::Kind::kVar) {
      const Var& v = m_p.funcs[std::size_t(l.func)].vars[std::size_t(l.idx)];
      // Parameters are always passed via the stack.
      if (!v.param && v.type.size > c.max_stack_var) return Reason::kTooLarge;
    }
    if (l.kind == Loc::Kind::kSite) {
      const Site& s = m_p.sites[std::size_t(l.idx)];
      if (s.obj.size > c.max_stack_var) return Reason::kTooLarge;
      if (s.kind == SiteKind::kNew || s.kind == SiteKind::kClosure) {
        if (s.obj.size > c.max_implicit) return Reason::kTooLarge;
      }
      if (s.kind == SiteKind::kMake && s.obj.cls == TypeClass::kArray) {
        const Op& op = m_p.ops[std::size_t(s.op)];
        const Expr& r = op.has_cap ? op.cap : op.len;
        if (r.kind != ExprKind::kInt) return Reason::kNonConstSize;
        if (s.obj.elem_size != 0 && r.imm > c.max_implicit / s.obj.elem_size) {
          return Reason::kTooLarge;
        }
      }
    }
    return Reason::kNoEscape;
  }

  std::int32_t VarLoc(std::int32_t ref) const {
    const Ref& r = m_p.refs[std::size_t(ref)];
    if (r.kind == RefKind::kGlobal) return 0;
    auto it = m_var.find({r.func, r.var});
    return it == m_var.end() ? kNone : it->second;
  }
  Hole TargetHole(std::int32_t ref, bool deref) const {
    if (ref == kNone) return {};
    const Ref& r = m_p.refs[std::size_t(ref)];
    // A store through a pointer or into a global goes to the heap (escape/assign.go addr).
    if (deref) return {0, 0, Reason::kHeapStore};
    if (r.kind == RefKind::kGlobal) return {0, 0, Reason::kGlobal};
    return {VarLoc(ref), 0, Reason::kNoEscape};
  }
  Hole ParamHole(std::int32_t f, std::int32_t i) const {
    auto it = m_var.find({f, i});
    return it == m_var.end() ? Hole{} : Hole{it->second, 0, Reason::kNoEscape};
  }
  Hole SiteHole(std::int32_t site) const {
    auto it = m_site.find(site);
    return it == m_site.end() ? Hole{} : Hole{it->second, 0, Reason::kNoEscape};
  }

  void AddEdge(Hole dst, std::int32_t src, std::int32_t derefs) {
    if (dst.loc == kNone || src == kNone) return;
    m_locs[std::size_t(dst.loc)].in.push_back({src, dst.derefs + derefs, dst.reason});
  }
  // exprSkipInit: a value of a pointer-free type flows nowhere (k = discardHole).
  bool HasPointers(const Expr& e) const {
    switch (e.kind) {
      case ExprKind::kInt:
      case ExprKind::kNil:
      case ExprKind::kPlus:
        return false;
      case ExprKind::kAddr:
        return true;
      case ExprKind::kVar: {
        const Ref& r = m_p.refs[std::size_t(e.ref)];
        const Type& t =
            r.kind == RefKind::kGlobal ? m_p.globals[std::size_t(r.var)].type : m_p.VarOf(r).type;
        return t.has_pointers;
      }
      case ExprKind::kDeref: {
        const Ref& r = m_p.refs[std::size_t(e.ref)];
        const Type& t =
            r.kind == RefKind::kGlobal ? m_p.globals[std::size_t(r.var)].type : m_p.VarOf(r).type;
        // The pointee of a one-word pointer: a pointer type has pointers, an int has none.
        return !t.elem.empty() &&
               (t.elem[0] == '*' || t.elem.rfind("[]", 0) == 0 || t.elem.rfind("map[", 0) == 0 ||
                t.elem.rfind("chan ", 0) == 0 || t.elem.rfind("func(", 0) == 0);
      }
    }
    return true;
  }

  void FlowExpr(Hole dst, const Expr& e) {
    if (dst.derefs >= 0 && !HasPointers(e)) return;
    switch (e.kind) {
      case ExprKind::kInt:
      case ExprKind::kNil:
        return;
      case ExprKind::kVar:
      case ExprKind::kPlus:
        AddEdge(dst, VarLoc(e.ref), 0);
        return;
      case ExprKind::kAddr:
        AddEdge(dst, VarLoc(e.ref), -1);
        return;
      case ExprKind::kDeref:
        AddEdge(dst, VarLoc(e.ref), 1);
        return;
    }
  }

  void FlowOp(const Op& op, std::int32_t f) {
    Hole target = TargetHole(op.target, op.target_deref);
    switch (op.code) {
      case OpCode::kDeclare:
      case OpCode::kAssign:
        if (op.has_value) FlowExpr(target, op.value);
        break;
      case OpCode::kAddr:
        FlowExpr(target, op.value);
        break;
      case OpCode::kNew:
      case OpCode::kMake:
        if (m_p.sites[std::size_t(op.site)].always_heap) break;
        AddEdge(target, m_site.at(op.site), -1);
        break;
      case OpCode::kClosure: {
        std::int32_t loc = m_site.at(op.site);
        AddEdge(target, loc, -1);
        const Func& clo = m_p.F(op.callee);
        for (const Capture& c : clo.captures) {
          // flowClosure: by reference = the closure holds &x; by value = a copy of x.
          AddEdge(Hole{loc, 0, Reason::kNoEscape}, m_var.at({clo.closure_of, c.var}),
                  c.by_ref ? -1 : 0);
        }
        break;
      }
      case OpCode::kReturn:
        FlowExpr(Hole{m_result.at(f), 0, Reason::kNoEscape}, op.value);
        break;
      case OpCode::kCall:
        FlowCall(op, target);
        break;
      case OpCode::kGc:
        break;
    }
  }

  void FlowCall(const Op& op, Hole into) {
    if (op.via != kNone && !StaticClosureCall(op)) {
      // A call through a func value: the compiler cannot see the callee, so arguments
      // flow to the heap.
      for (const Expr& a : op.args) FlowExpr(Hole{0, 0, Reason::kUnknownCall}, a);
      return;
    }
    if (op.via != kNone) {
      // ir.StaticValue: f := func(...){...}; f(...) with f never reassigned is a direct call.
      for (std::size_t i = 0; i < op.args.size(); ++i) {
        FlowExpr(ParamHole(op.callee, std::int32_t(i)), op.args[i]);
      }
      AddEdge(into, m_result.at(op.callee), 0);
      return;
    }
    const Func& callee = m_p.F(op.callee);
    if (callee.is_extern) {
      // fmt.Println(a ...any): "leaking param content: a" — each interface's data escapes.
      for (std::size_t i = 0; i < op.args.size(); ++i) {
        std::int32_t box = op.box_sites[i];
        if (box == kNone) {
          FlowExpr(Hole{0, 0, Reason::kInterface}, op.args[i]);
        } else {
          std::int32_t loc = m_site.at(box);
          FlowExpr(Hole{loc, 0, Reason::kNoEscape}, op.args[i]);
          AddEdge(Hole{0, 0, Reason::kInterface}, loc, -1);
        }
      }
      return;
    }
    if (InBatch(op.callee)) {
      for (std::size_t i = 0; i < op.args.size(); ++i) {
        FlowExpr(ParamHole(op.callee, std::int32_t(i)), op.args[i]);
      }
      AddEdge(into, m_result.at(op.callee), 0);
      return;
    }
    // Across batches: the callee's param tags (escape/call.go tagHole).
    for (const ParamTag& t : m_p.tags) {
      if (t.func != op.callee || t.var >= std::int32_t(op.args.size())) continue;
      const Expr& arg = op.args[std::size_t(t.var)];
      if (t.heap >= 0) FlowExpr(Hole{0, t.heap, Reason::kCalleeLeaks}, arg);
      if (t.result >= 0 && into.loc != kNone) {
        FlowExpr(Hole{into.loc, into.derefs + t.result, into.reason}, arg);
      }
    }
  }

  bool StaticClosureCall(const Op& call) const {
    const Ref& v = m_p.refs[std::size_t(call.via)];
    if (v.kind != RefKind::kLocal || v.func != call.func || m_p.VarOf(v).reassigned) return false;
    for (const Op& op : m_p.ops) {
      if (op.code != OpCode::kClosure || op.func != call.func || op.callee != call.callee) continue;
      const Ref& t = m_p.refs[std::size_t(op.target)];
      if (t.kind == RefKind::kLocal && t.func == v.func && t.var == v.var)
        return InBatch(call.callee);
    }
    return false;
  }

  bool IsParam(const Loc& l) const {
    return l.kind == Loc::Kind::kVar &&
           m_p.funcs[std::size_t(l.func)].vars[std::size_t(l.idx)].param;
  }

  // solve.go outlives (no loops in a script, so loop depth never decides).
  bool Outlives(const Loc& root, const Loc& other) const {
    if (root.escapes) return true;
    if (root.kind == Loc::Kind::kResult) return true;
    // A variable of a function outlives what its closures allocate.
    if (root.kind != Loc::Kind::kHeap && other.func != root.func && other.func != kNone &&
        m_p.F(other.func).closure_of == root.func) {
      return true;
    }
    (void)other;
    return false;
  }

  void WalkAll() {
    std::vector<std::int32_t> todo;
    auto enqueue = [&](std::int32_t i) {
      if (!m_locs[std::size_t(i)].queued) {
        todo.push_back(i);
        m_locs[std::size_t(i)].queued = true;
      }
    };
    for (std::size_t i = 1; i < m_locs.size(); ++i) enqueue(std::int32_t(i));
    enqueue(0);
    std::uint32_t walkgen = 0;
    while (!todo.empty()) {
      std::int32_t root = todo.back();
      todo.pop_back();
      m_locs[std::size_t(root)].queued = false;
      WalkOne(root, ++walkgen, enqueue);
    }
  }

  template <class Enqueue>
  void WalkOne(std::int32_t root_i, std::uint32_t walkgen, Enqueue&& enqueue) {
    Loc& root = m_locs[std::size_t(root_i)];
    root.walkgen = walkgen;
    root.derefs = 0;
    root.why = Reason::kNoEscape;
    std::vector<std::int32_t> todo{root_i};
    while (!todo.empty()) {
      std::int32_t li = todo.back();
      todo.pop_back();
      Loc& l = m_locs[std::size_t(li)];
      std::int32_t derefs = l.derefs;
      // If l.derefs < 0, l's address flows to root.
      bool address_of = derefs < 0;
      if (address_of) derefs = 0;
      if (li != root_i && Outlives(m_locs[std::size_t(root_i)], l)) {
        const Loc& r = m_locs[std::size_t(root_i)];
        if (IsParam(l)) {
          // leakTo: to the function's own result, else to the heap.
          bool own_result = !r.escapes && r.kind == Loc::Kind::kResult && r.func == l.func;
          std::int32_t& slot = own_result ? l.leak_result : l.leak_heap;
          if (slot < 0 || derefs < slot) slot = derefs;
        }
        if (address_of && !l.escapes) {
          l.escapes = true;
          l.reason = Why(root_i, l);
          enqueue(li);
          continue;
        }
      }
      for (const Loc::Edge& e : l.in) {
        Loc& src = m_locs[std::size_t(e.src)];
        if (src.escapes) continue;
        std::int32_t d = derefs + e.derefs;
        if (src.walkgen != walkgen || src.derefs > d) {
          src.walkgen = walkgen;
          src.derefs = d;
          src.why = li == root_i ? e.reason : l.why;
          todo.push_back(e.src);
        }
      }
    }
  }

  Reason Why(std::int32_t root_i, const Loc& l) const {
    const Loc& root = m_locs[std::size_t(root_i)];
    if (root_i == 0) return l.why == Reason::kNoEscape ? Reason::kHeapStore : l.why;
    if (root.kind == Loc::Kind::kResult) return Reason::kReturned;
    if (root.kind == Loc::Kind::kSite &&
        m_p.sites[std::size_t(root.idx)].kind == SiteKind::kClosure) {
      return Reason::kCaptured;
    }
    return Reason::kHeldByEscaped;
  }

  void Finish() {
    for (const Loc& l : m_locs) {
      if (l.kind == Loc::Kind::kVar) {
        Var& v = m_p.funcs[std::size_t(l.func)].vars[std::size_t(l.idx)];
        if (v.param) {
          Tag(l, v);
          continue;
        }
        v.escapes = l.escapes;
        if (v.site != kNone) {
          Site& s = m_p.sites[std::size_t(v.site)];
          s.escapes = l.escapes;
          s.reason = l.escapes ? l.reason : Reason::kNoEscape;
          // finish: names print only when moved.
          s.message = l.escapes ? "moved to heap: " + v.name : "";
        }
      } else if (l.kind == Loc::Kind::kSite) {
        Site& s = m_p.sites[std::size_t(l.idx)];
        s.escapes = l.escapes;
        s.reason = l.escapes ? l.reason : Reason::kNoEscape;
        s.message = s.expr + (l.escapes ? " escapes to heap" : " does not escape");
      }
    }
  }

  // paramTag (escape.go) with leaks.Optimize: a heap leak hides equal or longer result leaks.
  void Tag(const Loc& l, const Var& v) {
    if (!v.type.has_pointers) return;
    ParamTag t;
    t.func = l.func;
    t.var = l.idx;
    t.heap = l.leak_heap;
    t.result = l.leak_result;
    if (t.heap >= 0 && t.result >= t.heap) t.result = -1;
    if (t.heap < 0 && t.result < 0) {
      t.message = v.name + " does not escape";
      m_p.tags.push_back(t);
      return;
    }
    if (t.heap >= 0) {
      ParamTag h = t;
      h.message = t.heap == 0 ? "leaking param: " + v.name : "leaking param content: " + v.name;
      m_p.tags.push_back(h);
    }
    if (t.result >= 0) {
      ParamTag r = t;
      r.message = "leaking param: " + v.name + " to result ~r0 level=" + std::to_string(t.result);
      m_p.tags.push_back(r);
    }
  }

  Program& m_p;
  std::vector<std::int32_t> m_in;
  std::vector<Loc> m_locs;
  std::map<std::pair<std::int32_t, std::int32_t>, std::int32_t> m_var;
  std::map<std::int32_t, std::int32_t> m_result;
  std::map<std::int32_t, std::int32_t> m_site;
};

// ir.VisitFuncsBottomUp: Tarjan's SCCs over the static call graph; a func literal belongs
// to its outermost enclosing function.
std::vector<std::vector<std::int32_t>> BottomUp(const Program& p) {
  std::size_t n = p.funcs.size();
  auto outer = [&](std::int32_t f) {
    while (p.F(f).closure_of != kNone) f = p.F(f).closure_of;
    return f;
  };
  std::vector<std::vector<std::int32_t>> succ(n);
  for (const Op& op : p.ops) {
    if (op.code != OpCode::kCall || op.func == kNone || op.callee == kNone || op.via != kNone)
      continue;
    if (p.F(op.callee).is_extern) continue;
    succ[std::size_t(outer(op.func))].push_back(outer(op.callee));
    if (op.depth > 1) succ[std::size_t(outer(op.callee))].push_back(outer(op.callee));
  }
  std::vector<std::int32_t> index(n, -1), low(n, 0), stack;
  std::vector<bool> on(n, false);
  std::vector<std::vector<std::int32_t>> out;
  std::int32_t counter = 0;
  // Iterative Tarjan (recursion depth is bounded anyway by kMaxFuncs, but keep it simple).
  struct Frame {
    std::int32_t v;
    std::size_t next;
  };
  for (std::size_t s = 0; s < n; ++s) {
    if (index[s] >= 0 || p.funcs[s].is_extern || p.funcs[s].closure_of != kNone) continue;
    std::vector<Frame> work{{std::int32_t(s), 0}};
    index[s] = low[s] = counter++;
    stack.push_back(std::int32_t(s));
    on[s] = true;
    while (!work.empty()) {
      Frame& fr = work.back();
      auto v = std::size_t(fr.v);
      if (fr.next < succ[v].size()) {
        auto w = std::size_t(succ[v][fr.next++]);
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push_back(std::int32_t(w));
          on[w] = true;
          work.push_back({std::int32_t(w), 0});
        } else if (on[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::vector<std::int32_t> scc;
        while (true) {
          std::int32_t w = stack.back();
          stack.pop_back();
          on[std::size_t(w)] = false;
          scc.push_back(w);
          if (std::size_t(w) == v) break;
        }
        // Closures join their enclosing function's batch.
        for (std::size_t c = 0; c < n; ++c) {
          if (p.funcs[c].closure_of != kNone &&
              std::find(scc.begin(), scc.end(), outer(std::int32_t(c))) != scc.end()) {
            scc.push_back(std::int32_t(c));
          }
        }
        std::sort(scc.begin(), scc.end());
        out.push_back(scc);
      }
      std::int32_t done = fr.v;
      work.pop_back();
      if (!work.empty()) {
        auto parent = std::size_t(work.back().v);
        low[parent] = std::min(low[parent], low[std::size_t(done)]);
      }
    }
  }
  return out;
}

std::int32_t AddLabel(Program& p, std::string text) {
  p.labels.push_back(std::move(text));
  return std::int32_t(p.labels.size() - 1);
}

}  // namespace

void AnalyzeEscapes(Program& p) {
  p.tags.clear();
  for (const auto& batch : BottomUp(p)) {
    Batch b(p, batch);
    b.Run();
  }
  for (Site& s : p.sites) {
    if (s.always_heap) {
      s.escapes = true;
      s.message.clear();  // makechan: -m prints nothing, the channel is always on the heap
    }
    if (s.kind == SiteKind::kDots) {
      s.escapes = false;
      s.message = "... argument does not escape";
    }
  }
}

void LayoutFrames(Program& p) {
  p.labels.clear();
  for (Global& g : p.globals) g.label = AddLabel(p, g.name);
  for (Site& s : p.sites) {
    if (s.kind == SiteKind::kVar) {
      s.label = AddLabel(p, p.F(s.func).name + "." + p.F(s.func).vars[std::size_t(s.var)].name);
    } else {
      s.label = AddLabel(p, s.expr);
    }
  }
  for (std::size_t fi = 0; fi < p.funcs.size(); ++fi) {
    Func& f = p.funcs[fi];
    f.code = 0x457000 + 0x200 * fi;
    f.items.clear();
    if (f.is_extern) continue;
    // Params live in the spill slots the caller reserved above the return PC (ABIInternal).
    std::int64_t up = 8;
    for (std::int32_t i = 0; i < f.nparams; ++i) {
      Var& v = f.vars[std::size_t(i)];
      v.offset = up;
      v.label = AddLabel(p, f.name + "." + v.name);
      up += 8 * v.type.Words();
    }
    std::vector<LayoutItem> below;
    std::int64_t cursor = 0;
    auto place = [&](LayoutItem it) {
      cursor -= 8 * it.words;
      it.offset = cursor;
      below.push_back(it);
    };
    if (f.closure_of != kNone) {
      place({ItemKind::kCtx, 0, 1, kNone, kNone, AddLabel(p, f.name + ": closure context")});
    }
    for (std::size_t i = std::size_t(f.nparams); i < f.vars.size(); ++i) {
      Var& v = f.vars[i];
      std::string name = f.name + "." + (v.escapes ? "&" : "") + v.name;
      v.label = AddLabel(p, name);
      place({ItemKind::kLocal, 0, v.escapes ? 1 : v.type.Words(), std::int32_t(i), kNone, v.label});
      v.offset = below.back().offset;
    }
    for (std::size_t s = 0; s < p.sites.size(); ++s) {
      const Site& site = p.sites[s];
      if (site.func != std::int32_t(fi) || site.escapes || site.kind == SiteKind::kVar ||
          site.kind == SiteKind::kBox || site.kind == SiteKind::kDots) {
        continue;
      }
      place({ItemKind::kAutotmp, 0, site.obj.Words(), kNone, std::int32_t(s), site.label});
    }
    f.out_args = 0;
    f.leaf = true;
    for (const Op& op : p.ops) {
      if (op.func != std::int32_t(fi) || op.code != OpCode::kCall) continue;
      f.leaf = false;
      if (op.callee == kNone || op.via != kNone) continue;
      const Func& c = p.F(op.callee);
      if (c.is_extern) continue;
      std::int64_t bytes = 0;
      for (std::int32_t i = 0; i < c.nparams; ++i) bytes += 8 * c.vars[std::size_t(i)].type.Words();
      f.out_args = std::max(f.out_args, bytes);
    }
    // Depth calls: the callee calls itself, so it reserves spill space for its own params.
    for (const Op& op : p.ops) {
      if (op.code == OpCode::kCall && op.callee == std::int32_t(fi) && op.depth > 1) {
        f.leaf = false;
        std::int64_t bytes = 0;
        for (std::int32_t i = 0; i < f.nparams; ++i)
          bytes += 8 * f.vars[std::size_t(i)].type.Words();
        f.out_args = std::max(f.out_args, bytes);
      }
    }
    // Heap allocations call into the runtime (newobject, makeslice, makechan, convT64...),
    // so a function that makes one is not a leaf.
    for (const Site& site : p.sites) {
      if (site.func == std::int32_t(fi) && site.escapes && site.kind != SiteKind::kDots)
        f.leaf = false;
    }
    if (f.out_args > 0) {
      place({ItemKind::kOutArgs, 0, f.out_args / 8, kNone, kNone,
             AddLabel(p, f.name + ": outgoing args")});
    }
    std::int64_t locals = -cursor;
    // The prologue saves BP only when the function has a frame (obj6.go: bpsize).
    f.has_bp = locals > 0;
    f.frame_size = locals + (f.has_bp ? 8 : 0);
    // obj6.go preprocess: a leaf whose frame is under StackSmall is marked NOSPLIT.
    f.nosplit = f.leaf && locals < p.config.stack_small;
    f.items.push_back({ItemKind::kRetPC, 0, 1, kNone, kNone, AddLabel(p, f.name + ": return PC")});
    if (f.has_bp) {
      f.items.push_back(
          {ItemKind::kSavedBP, -8, 1, kNone, kNone, AddLabel(p, f.name + ": saved BP")});
    }
    for (LayoutItem it : below) {
      if (f.has_bp) it.offset -= 8;
      f.items.push_back(it);
      if (it.kind == ItemKind::kLocal) f.vars[std::size_t(it.var)].offset = it.offset;
    }
  }
}

}  // namespace gs::stack
