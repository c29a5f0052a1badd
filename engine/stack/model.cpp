// The stack machine: calls and returns move SP over one contiguous stack; the prologue's
// stackguard check leads to morestack → newstack → copystack (stack.go); declarations zero
// their slots; escaping values are allocated on the heap with the frame holding a pointer.
#include "engine/stack/model.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <span>

#include "engine/core/hash.h"
#include "engine/stack/limits.h"

namespace gs::stack {
namespace {

constexpr std::uint64_t kGlobalBase = 0x5a0000;       // data segment (illustrative)
constexpr std::uint64_t kStaticUint64s = 0x4f3e00;    // runtime.staticuint64s (illustrative)
constexpr std::uint64_t kGoexitPC = 0x4601e1;         // goexit+1: a goroutine's first return PC
constexpr std::uint64_t kNewprocReserve = 4 * kWord;  // newproc1's totalSize on amd64

std::string Hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%" PRIx64, v);
  return buf;
}

WordKind ZeroKind(const Type& t, std::int64_t i) {
  switch (t.cls) {
    case TypeClass::kPtr:
    case TypeClass::kMap:
    case TypeClass::kChan:
    case TypeClass::kFunc:
    case TypeClass::kIface:
      return WordKind::kPtr;
    case TypeClass::kSlice:
      return i % 3 == 0 ? WordKind::kPtr : WordKind::kInt;
    case TypeClass::kString:
      return i % 2 == 0 ? WordKind::kPtr : WordKind::kInt;
    case TypeClass::kArray:
      return t.has_pointers ? WordKind::kPtr : WordKind::kInt;
    case TypeClass::kInt:
    case TypeClass::kNamed:
      return WordKind::kInt;
  }
  return WordKind::kInt;
}

Word* StackSlot(Stack& st, std::uint64_t addr) {
  if (!st.Contains(addr) || (st.hi - addr) % kWord != 0) return nullptr;
  return st.At(std::size_t((st.hi - addr) / kWord) - 1);
}

Word* WordRef(State& s, std::uint64_t addr) {
  if (Word* w = StackSlot(s.stack, addr)) return w;
  if (addr >= kGlobalBase && addr < kGlobalBase + kWord * s.globals.size() && addr % kWord == 0) {
    return &s.globals[std::size_t((addr - kGlobalBase) / kWord)];
  }
  std::int32_t h = HeapObjectAt(s, addr);
  if (h == kNone) return nullptr;
  HeapObj& o = s.heap[std::size_t(h)];
  std::size_t i = std::size_t((addr - o.addr) / kWord);
  return i < o.words.size() ? &o.words[i] : nullptr;
}

// Words are many (a grown stack has thousands): fold each into a 64-bit accumulator with a
// SplitMix64-style mix, and feed the hasher one value per array.
std::uint64_t Mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A word's owner enters by its label's text (keys[label]), not by the label's number.
void HashWords(Hasher& h, std::span<const Word> words, const std::vector<std::uint64_t>& keys) {
  std::uint64_t acc = words.size();
  for (const Word& w : words) {
    const std::uint64_t owner =
        w.label >= 0 && std::size_t(w.label) < keys.size() ? keys[std::size_t(w.label)] : 0;
    const std::uint64_t meta = owner ^ ((std::uint64_t(w.sub) << 8) | std::uint64_t(w.kind));
    acc = Mix(acc ^ Mix(w.bits + 0x9e3779b97f4a7c15ULL * (meta + 1)));
  }
  h.Add(acc);
}

// The stack's words by blocks (Stack::block_hash caches each): the same value for the same
// words whatever was cached.
void HashStackWords(Hasher& h, const Stack& st, const std::vector<std::uint64_t>& keys) {
  const std::size_t blocks = (st.words.size() + Stack::kHashBlock - 1) / Stack::kHashBlock;
  st.block_hash.resize(blocks, 0);
  std::uint64_t acc = st.words.size();
  for (std::size_t b = 0; b < blocks; ++b) {
    if (st.block_hash[b] == 0) {
      const std::size_t from = b * Stack::kHashBlock;
      const std::size_t to = std::min(st.words.size(), from + Stack::kHashBlock);
      Hasher bh;
      HashWords(bh, std::span<const Word>(st.words).subspan(from, to - from), keys);
      st.block_hash[b] = bh.Value() | 1;  // never 0, which means "to compute"
    }
    acc = Mix(acc ^ Mix(st.block_hash[b] + 0x9e3779b97f4a7c15ULL * (b + 1)));
  }
  h.Add(acc);
}

}  // namespace

std::uint64_t GlobalAddr(std::int32_t g) {
  return kGlobalBase + kWord * std::uint64_t(g);
}

std::int32_t HeapObjectAt(const State& s, std::uint64_t addr) {
  for (std::size_t i = 0; i < s.heap.size(); ++i) {
    const HeapObj& o = s.heap[i];
    if (addr >= o.addr && addr < o.addr + std::uint64_t(std::max<std::int64_t>(o.size, 8))) {
      return std::int32_t(i);
    }
  }
  return kNone;
}

const Word* ReadWord(const State& s, std::uint64_t addr) {
  const Stack& st = s.stack;
  if (st.Contains(addr) && (st.hi - addr) % kWord == 0) {
    std::size_t idx = std::size_t((st.hi - addr) / kWord) - 1;
    static const Word kUnset{};
    return idx < st.words.size() ? &st.words[idx] : &kUnset;
  }
  return WordRef(const_cast<State&>(s), addr);  // read-only use: no resize off the stack path
}

State StackModel::Initial() const {
  const Config& c = m_p->config;
  State s;
  s.stack.lo = c.stack_base;
  s.stack.hi = c.stack_base + std::uint64_t(c.stack_size);
  // newproc1 (proc.go) starts a goroutine at hi - totalSize, 4 words "in case of reads slightly
  // beyond frame" (sys.MinFrameSize is 0 on amd64); gostartcallfn then pushes goexit+1 as the
  // first function's return PC, so that function is entered with SP = hi - 40.
  s.sp = s.stack.hi - kNewprocReserve;
  s.stack_next = c.stack_base + 0x100000;
  s.heap_next = c.heap_base;
  s.large_next = 0xc100000000;
  for (const Global& g : m_p->globals) {
    s.globals.push_back({0, g.label, 0, ZeroKind(g.type, 0)});
  }
  return s;
}

StackModel::StackModel(std::shared_ptr<const Program> program) : m_p(std::move(program)) {
  // Labels are numbered in site order (LayoutFrames), and an op appended to the script can
  // add sites (fmt.Println's boxes, new, make) that renumber them. The state before that op
  // is the same, so its hash must be too: words and heap objects are hashed by their
  // owner's name.
  m_label_keys.reserve(m_p->labels.size());
  for (const std::string& label : m_p->labels) {
    Hasher h;
    h.Add(std::string_view(label));
    m_label_keys.push_back(h.Value());
  }
}

std::size_t StackModel::StateBytes(const State& s) {
  std::size_t n = sizeof(State);
  n += (s.stack.words.size() + s.old_stack.words.size() + s.globals.size() + s.ret.size()) *
       sizeof(Word);
  for (const Frame& f : s.frames) n += sizeof(Frame) + f.declared.size();
  for (const HeapObj& o : s.heap) n += sizeof(HeapObj) + o.words.size() * sizeof(Word);
  return n;
}

std::uint64_t StackModel::Hash(const State& s) const {
  Hasher h;
  h.Add(s.stack.lo);
  h.Add(s.stack.hi);
  HashStackWords(h, s.stack, m_label_keys);
  h.Add(s.sp);
  h.Add(s.bp);
  h.Add(s.ctx);
  h.Add(s.frames.size());
  // Frames under the top one change only when copystack moves them all (it clears the
  // cache), so their running hash is kept (State::frame_prefix); the top frame is hashed
  // afresh each time. A 10,000-deep recursion then hashes in constant time per step.
  auto one = [](std::uint64_t acc, const Frame& f) {
    Hasher fh;
    fh.Add(acc);
    fh.Add(f.func);
    fh.Add(f.entry_sp);
    fh.Add(f.sp);
    fh.Add(f.into);
    fh.Add(f.level);
    for (auto d : f.declared) fh.Add(d);
    return fh.Value();
  };
  const std::size_t below = s.frames.empty() ? 0 : s.frames.size() - 1;
  if (s.frame_prefix.size() > below) s.frame_prefix.resize(below);
  while (s.frame_prefix.size() < below) {
    const std::uint64_t acc = s.frame_prefix.empty() ? 0 : s.frame_prefix.back();
    s.frame_prefix.push_back(one(acc, s.frames[s.frame_prefix.size()]));
  }
  if (!s.frames.empty()) h.Add(one(below > 0 ? s.frame_prefix.back() : 0, s.frames.back()));
  h.Add(s.heap.size());
  for (const HeapObj& o : s.heap) {
    h.Add(o.addr);
    h.Add(o.size);
    const std::int32_t label = m_p->sites[std::size_t(o.site)].label;
    h.Add(label >= 0 ? m_label_keys[std::size_t(label)] : 0);
    HashWords(h, o.words, m_label_keys);
  }
  HashWords(h, s.globals, m_label_keys);
  h.Add(s.heap_next);
  h.Add(s.large_next);
  h.Add(s.stack_next);
  h.Add(s.line);
  h.Add(s.crashed);
  h.Add(s.pending);
  h.Add(s.new_size);
  h.Add(s.copy_sp);
  h.Add(s.old_stack.lo);
  h.Add(s.old_stack.hi);
  h.Add(s.pc);
  h.Add(s.level);
  HashWords(h, s.ret, m_label_keys);
  return h.Value();
}

namespace {

// Evaluation context: the program, the state, and the frame the op runs in.
class Mem {
 public:
  Mem(const Program& p, State& s) : m_p(p), m_s(s) {}

  const Frame& Top() const { return m_s.frames.back(); }

  // Where the variable's value lives (for an escaped variable: on the heap).
  bool Storage(std::size_t frame, std::int32_t ref, std::uint64_t* addr, std::string* err) const {
    const Ref& r = m_p.refs[std::size_t(ref)];
    if (r.kind == RefKind::kGlobal) {
      *addr = GlobalAddr(r.var);
      return true;
    }
    const Frame& fr = m_s.frames[frame];
    if (r.kind == RefKind::kCaptured) {
      const Func& clo = m_p.F(fr.func);
      std::uint64_t ctx_slot = fr.entry_sp + std::uint64_t(clo.items[clo.has_bp ? 2 : 1].offset);
      const Word* ctx = ReadWord(m_s, ctx_slot);
      std::uint64_t cap = (ctx ? ctx->bits : 0) + kWord * std::uint64_t(1 + r.cap);
      if (!clo.captures[std::size_t(r.cap)].by_ref) {
        *addr = cap;
        return true;
      }
      const Word* w = ReadWord(m_s, cap);
      *addr = w ? w->bits : 0;
      return true;
    }
    const Var& v = m_p.VarOf(r);
    std::uint64_t slot = fr.entry_sp + std::uint64_t(v.offset);
    if (!v.escapes || v.param) {
      *addr = slot;
      return true;
    }
    const Word* w = ReadWord(m_s, slot);
    if (!w || w->kind != WordKind::kPtr || w->bits == 0) {
      *err = v.name + " is used before its declaration allocated it";
      return false;
    }
    *addr = w->bits;
    return true;
  }

  const Type& RefType(std::int32_t ref) const {
    const Ref& r = m_p.refs[std::size_t(ref)];
    if (r.kind == RefKind::kGlobal) return m_p.globals[std::size_t(r.var)].type;
    return m_p.VarOf(r).type;
  }

  bool Eval(std::size_t frame, const Expr& e, const Type& dst, std::vector<Word>* out,
            std::string* err) const {
    out->clear();
    std::int64_t n = dst.Words();
    switch (e.kind) {
      case ExprKind::kInt:
        out->push_back({std::uint64_t(e.imm), kNone, 0, WordKind::kInt});
        return true;
      case ExprKind::kNil:
        for (std::int64_t i = 0; i < n; ++i) out->push_back({0, kNone, 0, ZeroKind(dst, i)});
        return true;
      case ExprKind::kAddr: {
        std::uint64_t a = 0;
        if (!Storage(frame, e.ref, &a, err)) return false;
        out->push_back({a, kNone, 0, WordKind::kPtr});
        return true;
      }
      case ExprKind::kVar:
      case ExprKind::kPlus: {
        std::uint64_t a = 0;
        if (!Storage(frame, e.ref, &a, err)) return false;
        std::int64_t words = RefType(e.ref).Words();
        for (std::int64_t i = 0; i < words; ++i) {
          const Word* w = ReadWord(m_s, a + kWord * std::uint64_t(i));
          Word v = w ? *w : Word{};
          v.label = kNone;
          v.sub = 0;
          if (v.kind == WordKind::kUnset) v.kind = ZeroKind(RefType(e.ref), i);
          out->push_back(v);
        }
        if (e.kind == ExprKind::kPlus) (*out)[0].bits += std::uint64_t(e.imm);
        return true;
      }
      case ExprKind::kDeref: {
        std::uint64_t a = 0;
        if (!Storage(frame, e.ref, &a, err)) return false;
        const Word* p = ReadWord(m_s, a);
        if (!p || p->bits == 0) {
          *err = "invalid memory address or nil pointer dereference (" + e.text + ")";
          return false;
        }
        const Word* w = ReadWord(m_s, p->bits);
        if (!w) {
          *err = e.text + " reads through a dangling pointer " + Hex(p->bits);
          return false;
        }
        Word v = *w;
        v.label = kNone;
        v.sub = 0;
        if (v.kind == WordKind::kUnset) v.kind = WordKind::kInt;
        out->push_back(v);
        return true;
      }
    }
    return false;
  }

  /// Writes `words` at addr, owned by `label`; returns the first old word.
  Word Write(std::uint64_t addr, const std::vector<Word>& words, std::int32_t label) {
    Word first{};
    for (std::size_t i = 0; i < words.size(); ++i) {
      Word* w = WordRef(m_s, addr + kWord * i);
      if (!w) continue;
      if (i == 0) first = *w;
      *w = words[i];
      w->label = label;
      w->sub = std::uint16_t(i);
    }
    return first;
  }

  /// True when any of the n words at addr was written before (stale bytes).
  bool AnyWritten(std::uint64_t addr, std::int64_t n, Word* first) const {
    for (std::int64_t i = 0; i < n; ++i) {
      const Word* w = ReadWord(m_s, addr + kWord * std::uint64_t(i));
      if (w && w->kind != WordKind::kUnset) {
        *first = *w;
        return true;
      }
    }
    return false;
  }

  std::int32_t LabelAt(std::uint64_t addr) const {
    const Word* w = ReadWord(m_s, addr);
    return w ? w->label : kNone;
  }

  /// mallocgc: a zeroed object of `t` (its first kMaxShownWords words are kept).
  bool Alloc(std::int32_t site, const Type& t, std::int64_t bytes, std::uint64_t* addr,
             std::string* err) {
    if (std::int64_t(m_s.heap.size()) >= limits::kMaxHeapObjects) {
      *err = "more than the limit kMaxHeapObjects = " + std::to_string(limits::kMaxHeapObjects) +
             " heap objects";
      return false;
    }
    HeapObj o;
    o.size = std::max<std::int64_t>(bytes, 8);
    // Small objects (<= maxSmallSize, 32 KiB) come from size-classed spans below the stacks;
    // large objects get spans of their own, drawn far above.
    bool large = o.size > 32768;
    std::uint64_t& next = large ? m_s.large_next : m_s.heap_next;
    o.addr = (next + 15) & ~std::uint64_t(15);
    if (!large && o.addr + std::uint64_t(o.size) > m_p.config.stack_base) {
      *err = "small heap objects reach the stacks at " + Hex(m_p.config.stack_base) +
             " (simulation limit kMaxSmallHeapBytes)";
      return false;
    }
    o.site = site;
    std::int64_t words = std::min<std::int64_t>((o.size + 7) / 8, limits::kMaxShownWords);
    std::int32_t label = m_p.sites[std::size_t(site)].label;
    for (std::int64_t i = 0; i < words; ++i) {
      o.words.push_back({0, label, std::uint16_t(i), ZeroKind(t, i)});
    }
    next = o.addr + std::uint64_t((o.size + 7) / 8 * 8);
    *addr = o.addr;
    m_s.heap.push_back(std::move(o));
    return true;
  }

  /// Zeroes an autotmp slot of the top frame (a non-escaping new/make/closure).
  std::uint64_t AutotmpAddr(std::int32_t site) const {
    const Func& f = m_p.F(Top().func);
    for (const LayoutItem& it : f.items) {
      if (it.kind == ItemKind::kAutotmp && it.site == site) {
        return Top().entry_sp + std::uint64_t(it.offset);
      }
    }
    return 0;
  }

 private:
  const Program& m_p;
  State& m_s;
};

Event Ev(EventKind k) {
  Event e;
  e.kind = k;
  return e;
}

std::int64_t WrittenWords(const State& s, std::uint64_t lo, std::uint64_t hi) {
  std::int64_t n = 0;
  for (std::uint64_t a = lo; a < hi; a += kWord) {
    const Word* w = ReadWord(s, a);
    if (w && w->kind != WordKind::kUnset) ++n;
  }
  return n;
}

}  // namespace

std::vector<std::uint8_t> LiveWords(const Program& p, const State& s, const Stack& st) {
  std::vector<std::uint8_t> live(st.words.size(), 0);
  auto mark = [&](std::uint64_t addr, std::int64_t words) {
    for (std::int64_t k = 0; k < words; ++k) {
      std::uint64_t a = addr + kWord * std::uint64_t(k);
      if (!st.Contains(a)) continue;
      std::size_t idx = std::size_t((st.hi - a) / kWord) - 1;
      if (idx < live.size()) live[idx] = 1;
    }
  };
  for (const Frame& fr : s.frames) {
    const Func& f = p.F(fr.func);
    for (std::int32_t i = 0; i < f.nparams; ++i) {
      const Var& v = f.vars[std::size_t(i)];
      mark(fr.entry_sp + std::uint64_t(v.offset), v.type.Words());
    }
    for (const LayoutItem& it : f.items) {
      if (it.kind == ItemKind::kLocal && !fr.declared[std::size_t(it.var)]) continue;
      if (it.kind == ItemKind::kOutArgs) continue;
      mark(fr.entry_sp + std::uint64_t(it.offset), it.words);
    }
  }
  // A call in progress (morestack): its return PC and the arguments the prologue spilled
  // before calling morestack are live too.
  if (s.pending != Pending::kIdle && s.copy_sp < s.sp) {
    mark(s.copy_sp, std::int64_t((s.sp - s.copy_sp) / kWord));
    const Op& op = p.ops[std::size_t(s.pc)];
    if (op.code == OpCode::kCall && op.callee != kNone) {
      const Func& callee = p.F(op.callee);
      for (std::int32_t i = 0; i < callee.nparams; ++i) {
        const Var& v = callee.vars[std::size_t(i)];
        mark(s.copy_sp + std::uint64_t(v.offset), v.type.Words());
      }
    }
  }
  return live;
}

StepResult StackModel::Step(State& s, std::vector<Event>& out) const {
  if (s.crashed) return StepResult::Done();
  if (std::size_t(s.pc) >= m_p->ops.size()) return StepResult::Done();
  const Op& op = m_p->ops[std::size_t(s.pc)];
  Outcome r = Exec(s, op, out);
  if (!r.error.empty()) return StepResult::Error(op.source, r.error);
  if (op.line > 0) s.line = op.line;
  if (r.finished) {
    ++s.pc;
    s.level = 0;
  }
  return StepResult::Stepped(op.source);
}

StackModel::Outcome StackModel::Exec(State& s, const Op& op, std::vector<Event>& out) const {
  const Program& p = *m_p;
  Mem mem(p, s);
  std::string err;
  std::vector<Word> val;
  auto fail = [](std::string e) { return Outcome{true, std::move(e)}; };
  switch (op.code) {
    case OpCode::kCall:
      return Call(s, op, out);
    case OpCode::kReturn:
      return Return(s, op, out);
    case OpCode::kGc:
      return Gc(s, out);
    default:
      break;
  }
  std::size_t top = s.frames.size() - 1;
  const Ref& tr = p.refs[std::size_t(op.target)];
  const Type& tt = mem.RefType(op.target);
  auto declare_target = [&]() {
    if (tr.kind == RefKind::kLocal && !p.VarOf(tr).param)
      s.frames[top].declared[std::size_t(tr.var)] = 1;
  };
  // Stores a value into the op's target (declaring it when it is a new local): one event.
  auto store = [&](const std::vector<Word>& v, EventKind kind) -> bool {
    std::uint64_t addr = 0;
    bool is_new = tr.kind == RefKind::kLocal && !p.VarOf(tr).param &&
                  !s.frames[top].declared[std::size_t(tr.var)];
    if (is_new && p.VarOf(tr).escapes) {
      // x := ... for a moved variable: newobject first, the frame slot gets the pointer.
      std::uint64_t slot = s.frames[top].entry_sp + std::uint64_t(p.VarOf(tr).offset);
      std::uint64_t obj = 0;
      const Var& var = p.VarOf(tr);
      if (!mem.Alloc(var.site, var.type, var.type.size, &obj, &err)) return false;
      Word old{};
      bool stale = mem.AnyWritten(slot, 1, &old);
      mem.Write(slot, {{obj, kNone, 0, WordKind::kPtr}}, var.label);
      Event e = Ev(EventKind::kMovedToHeap);
      e.func = tr.func;
      e.var = tr.var;
      e.site = var.site;
      e.addr = slot;
      e.addr2 = obj;
      e.n = var.type.size;
      e.flag = stale;
      e.old_bits = old.bits;
      e.old_kind = old.kind;
      e.old_label = old.label;
      out.push_back(e);
    }
    if (op.target_deref) {
      std::uint64_t pa = 0;
      if (!mem.Storage(top, op.target, &pa, &err)) return false;
      const Word* pw = ReadWord(s, pa);
      if (!pw || pw->bits == 0) {
        err = "invalid memory address or nil pointer dereference (*" + p.VarOf(tr).name + ")";
        return false;
      }
      addr = pw->bits;
    } else if (!mem.Storage(top, op.target, &addr, &err)) {
      return false;
    }
    Word old{};
    std::int64_t n = std::int64_t(v.size());
    bool stale = is_new && !p.VarOf(tr).escapes && mem.AnyWritten(addr, n, &old);
    if (!is_new) mem.AnyWritten(addr, 1, &old);
    std::int32_t label = op.target_deref               ? mem.LabelAt(addr)
                         : tr.kind == RefKind::kGlobal ? p.globals[std::size_t(tr.var)].label
                         : tr.kind == RefKind::kCaptured || p.VarOf(tr).escapes
                             ? p.sites[std::size_t(p.VarOf(tr).site)].label
                             : p.VarOf(tr).label;
    mem.Write(addr, v, label);
    Event e = Ev(is_new ? kind : (op.target_deref ? EventKind::kStore : EventKind::kAssign));
    e.func = tr.func;
    e.var = tr.kind == RefKind::kGlobal ? kNone : tr.var;
    e.label = label;
    e.addr = addr;
    e.bits = v.empty() ? 0 : v[0].bits;
    e.word_kind = v.empty() ? WordKind::kInt : v[0].kind;
    e.old_bits = old.bits;
    e.old_kind = old.kind;
    e.old_label = old.label;
    e.n = n;
    e.flag = stale;
    out.push_back(e);
    declare_target();
    return true;
  };

  switch (op.code) {
    case OpCode::kDeclare: {
      const Var& var = p.VarOf(tr);
      if (op.has_value) {
        if (!mem.Eval(top, op.value, var.type, &val, &err)) return fail(err);
      } else {
        // (A moved variable is zeroed by newobject; only the words kept are written here.)
        std::int64_t n =
            var.escapes ? std::min(var.type.Words(), limits::kMaxShownWords) : var.type.Words();
        for (std::int64_t i = 0; i < n; ++i) val.push_back({0, kNone, 0, ZeroKind(var.type, i)});
      }
      if (!store(val, op.has_value ? EventKind::kInit : EventKind::kZero)) return fail(err);
      return {};
    }
    case OpCode::kAssign:
    case OpCode::kAddr: {
      if (!mem.Eval(top, op.value, tt, &val, &err)) return fail(err);
      if (op.code == OpCode::kAddr) {
        Event e = Ev(EventKind::kAddr);
        e.func = op.func;
        e.var = p.refs[std::size_t(op.value.ref)].var;
        e.bits = val[0].bits;
        e.label = p.VarOf(p.refs[std::size_t(op.value.ref)]).label;
        out.push_back(e);
      }
      if (!store(val, EventKind::kInit)) return fail(err);
      return {};
    }
    case OpCode::kNew:
    case OpCode::kMake:
    case OpCode::kClosure: {
      const Site& site = p.sites[std::size_t(op.site)];
      std::int64_t bytes = site.obj.size;
      std::int64_t len = 0, cap = 0;
      if (op.code == OpCode::kMake && site.obj.cls == TypeClass::kArray) {
        Type it;
        it.text = "int";
        std::vector<Word> w;
        if (!mem.Eval(top, op.len, it, &w, &err)) return fail(err);
        len = std::int64_t(w[0].bits);
        cap = len;
        if (op.has_cap) {
          if (!mem.Eval(top, op.cap, it, &w, &err)) return fail(err);
          cap = std::int64_t(w[0].bits);
        }
        if (len < 0 || cap < len || cap > (std::int64_t(1) << 32)) {
          return fail("makeslice: len out of range");
        }
        bytes = cap * site.obj.elem_size;
      }
      if (op.code == OpCode::kMake && site.obj.text == "hchan") {
        Type it;
        it.text = "int";
        std::vector<Word> w;
        if (op.len.text.size() > 0 && !mem.Eval(top, op.len, it, &w, &err)) return fail(err);
        const Type& ct = mem.RefType(op.target);
        std::int64_t buf = w.empty() ? 0 : std::int64_t(w[0].bits);
        bytes = 96 + buf * ct.elem_size;
      }
      std::uint64_t obj = 0;
      if (site.escapes) {
        if (!mem.Alloc(op.site, site.obj, bytes, &obj, &err)) return fail(err);
        Event e = Ev(EventKind::kHeapAlloc);
        e.func = op.func;
        e.site = op.site;
        e.addr = obj;
        e.n = bytes;
        out.push_back(e);
      } else {
        obj = mem.AutotmpAddr(op.site);
        Word old{};
        std::vector<Word> zero;
        for (std::int64_t i = 0; i < site.obj.Words(); ++i)
          zero.push_back({0, kNone, 0, ZeroKind(site.obj, i)});
        Event e = Ev(EventKind::kStackAlloc);
        e.flag = mem.AnyWritten(obj, site.obj.Words(), &old);
        e.old_label = old.label;
        e.old_bits = old.bits;
        mem.Write(obj, zero, site.label);
        e.func = op.func;
        e.site = op.site;
        e.addr = obj;
        e.n = site.obj.size;
        out.push_back(e);
      }
      if (op.code == OpCode::kClosure) {
        // The closure object: the code pointer, then each capture (&x by reference, or x).
        const Func& clo = p.F(op.callee);
        std::vector<Word> words{{clo.code, kNone, 0, WordKind::kFuncPC}};
        for (const Capture& c : clo.captures) {
          // Where x lives: its frame slot, or (moved) the heap object the slot points to.
          const Var& v = p.F(op.func).vars[std::size_t(c.var)];
          std::uint64_t a = s.frames[top].entry_sp + std::uint64_t(v.offset);
          if (v.escapes) {
            const Word* w = ReadWord(s, a);
            a = w ? w->bits : 0;
          }
          if (c.by_ref) {
            words.push_back({a, kNone, 0, WordKind::kPtr});
          } else {
            const Word* w = ReadWord(s, a);
            Word copy = w ? *w : Word{};
            if (copy.kind == WordKind::kUnset) copy.kind = ZeroKind(v.type, 0);
            words.push_back(copy);
          }
        }
        mem.Write(obj, words, site.label);
        val = {{obj, kNone, 0, WordKind::kPtr}};
      } else if (op.code == OpCode::kMake && site.obj.cls == TypeClass::kArray) {
        val = {{obj, kNone, 0, WordKind::kPtr},
               {std::uint64_t(len), kNone, 1, WordKind::kInt},
               {std::uint64_t(cap), kNone, 2, WordKind::kInt}};
      } else {
        val = {{obj, kNone, 0, WordKind::kPtr}};
      }
      if (!store(val, EventKind::kInit)) return fail(err);
      return {};
    }
    default:
      break;
  }
  return fail("unknown op");
}

StackModel::Outcome StackModel::Call(State& s, const Op& op, std::vector<Event>& out) const {
  const Program& p = *m_p;
  if (s.pending == Pending::kCopy) {
    CopyStack(s, out);
    return {false, ""};
  }
  if (s.pending == Pending::kFreeOld) {
    FreeOld(s, out);
    std::string err = PushFrame(s, op, out);
    if (!err.empty()) return {true, err};
    return {++s.level >= op.depth, ""};
  }
  const Func& callee = p.F(op.callee);
  if (callee.is_extern) return Extern(s, op, out);
  Mem mem(p, s);
  std::string err;
  std::uint64_t entry = s.sp - kWord;
  if (entry < s.stack.lo + kWord)
    return {true, "the stack is exhausted (a NOSPLIT chain ran past it)"};
  // Arguments: level 0 from the caller's values, deeper levels from the previous level's.
  std::vector<std::vector<Word>> args;
  const std::vector<Expr>& exprs = s.level == 0 ? op.args : op.recurse_args;
  for (std::size_t i = 0; i < exprs.size(); ++i) {
    std::vector<Word> v;
    if (!mem.Eval(s.frames.size() - 1, exprs[i], callee.vars[i].type, &v, &err)) return {true, err};
    args.push_back(v);
  }
  if (op.via != kNone) {
    // A call through a func value: DX = the closure pointer; its first word is the code.
    std::vector<Word> v;
    if (!mem.Eval(s.frames.size() - 1, Expr{ExprKind::kVar, 0, op.via, ""}, mem.RefType(op.via), &v,
                  &err)) {
      return {true, err};
    }
    const Word* code = v[0].bits ? ReadWord(s, v[0].bits) : nullptr;
    if (!code || code->bits != callee.code) {
      return {true, "the func value does not hold a closure of " + callee.name};
    }
    s.ctx = v[0].bits;
  }
  if (s.stack.hi - (entry - std::uint64_t(callee.frame_size)) >
      std::uint64_t(limits::kMaxLiveStackBytes)) {
    return {true, "the frames would cover more than the simulation limit kMaxLiveStackBytes = " +
                      std::to_string(limits::kMaxLiveStackBytes) +
                      " bytes of stack (lower config.max_stack, as debug.SetMaxStack does, to see "
                      "the runtime's \"stack overflow\" sooner)"};
  }
  // CALL pushes the return address.
  std::uint64_t ret_pc = s.frames.empty()
                             ? kGoexitPC
                             : p.F(s.frames.back().func).code + 0x10 + 8 * std::uint64_t(op.source);
  mem.Write(entry, {{ret_pc, kNone, 0, WordKind::kRetPC}}, callee.items[0].label);
  Event call = Ev(EventKind::kCall);
  call.func = op.callee;
  call.addr = entry;
  call.bits = ret_pc;
  call.n = 0;
  for (const Frame& f : s.frames) call.n += f.func == op.callee ? 1 : 0;
  out.push_back(call);
  // Register arguments are spilled to the slots the caller reserved above the return PC
  // (the prologue spills them before morestack, so copystack sees them).
  for (std::size_t i = 0; i < args.size(); ++i) {
    const Var& v = callee.vars[i];
    std::uint64_t a = entry + std::uint64_t(v.offset);
    mem.Write(a, args[i], v.label);
    Event e = Ev(EventKind::kSpill);
    e.func = op.callee;
    e.var = std::int32_t(i);
    e.addr = a;
    e.bits = args[i][0].bits;
    e.word_kind = args[i][0].kind;
    out.push_back(e);
  }
  // The prologue: compare SP with stackguard0 (stack.go; obj6.go stacksplit).
  if (!callee.nosplit) {
    const Config& c = p.config;
    std::uint64_t guard = s.stack.lo + std::uint64_t(c.stack_guard);
    std::uint64_t tested = callee.frame_size <= c.stack_small
                               ? entry
                               : entry - std::uint64_t(callee.frame_size - c.stack_small);
    if (tested <= guard || entry - std::uint64_t(callee.frame_size) < s.stack.lo) {
      Event m = Ev(EventKind::kMorestack);
      m.func = op.callee;
      m.addr = tested;
      m.addr2 = guard;
      m.n = callee.frame_size;
      out.push_back(m);
      // newstack: double, and more while the new frame + StackGuard would not fit.
      std::uint64_t oldsize = s.stack.Size();
      std::uint64_t newsize = oldsize * 2;
      std::uint64_t used = s.stack.hi - entry;
      std::uint64_t needed = std::uint64_t(callee.frame_size + c.stack_guard);
      while (newsize - used < needed) newsize *= 2;
      // newstack: "if newsize > maxstacksize || newsize > maxstackceiling" (maxstackceiling
      // is maxstacksize's initial 1 GB: debug.SetMaxStack can lower the limit, not raise the
      // ceiling). It prints the limit, the SP and the bounds, then throws.
      if (newsize > std::uint64_t(c.max_stack)) {
        Event o = Ev(EventKind::kOverflow);
        o.n = std::int64_t(newsize);
        o.m = c.max_stack;
        o.addr = entry - kWord;  // newstack: "the call to morestack cost a word" (sp -= PtrSize)
        o.addr2 = s.stack.lo;
        o.bits = s.stack.hi;
        out.push_back(o);
        s.crashed = true;
        return {true, ""};
      }
      Event n = Ev(EventKind::kNewStack);
      n.n = std::int64_t(oldsize);
      n.m = std::int64_t(newsize);
      out.push_back(n);
      s.pending = Pending::kCopy;
      s.new_size = newsize;
      s.copy_sp = entry;
      return {false, ""};
    }
  }
  err = PushFrame(s, op, out);
  if (!err.empty()) return {true, err};
  return {++s.level >= op.depth, ""};
}

std::string StackModel::PushFrame(State& s, const Op& op, std::vector<Event>& out) const {
  const Program& p = *m_p;
  const Func& f = p.F(op.callee);
  Mem mem(p, s);
  std::uint64_t entry = s.sp - kWord;
  const Config& c = p.config;
  if (f.nosplit) {
    Event e = Ev(EventKind::kNoSplit);
    e.func = op.callee;
    e.n = f.frame_size;
    out.push_back(e);
  } else {
    Event e = Ev(EventKind::kStackCheck);
    e.func = op.callee;
    e.addr =
        f.frame_size <= c.stack_small ? entry : entry - std::uint64_t(f.frame_size - c.stack_small);
    e.addr2 = s.stack.lo + std::uint64_t(c.stack_guard);
    e.n = f.frame_size;
    out.push_back(e);
  }
  std::uint64_t new_sp = entry - std::uint64_t(f.frame_size);
  if (new_sp < s.stack.lo) return "the frame of " + f.name + " does not fit in the stack";
  std::int64_t stale = WrittenWords(s, new_sp, entry);
  if (f.has_bp) {
    std::uint64_t slot = entry - kWord;
    mem.Write(slot, {{s.bp, kNone, 0, WordKind::kSavedBP}}, f.items[1].label);
    Event e = Ev(EventKind::kSaveBP);
    e.func = op.callee;
    e.addr = slot;
    e.bits = s.bp;
    out.push_back(e);
    s.bp = slot;
  }
  Frame fr;
  fr.func = op.callee;
  fr.entry_sp = entry;
  fr.sp = new_sp;
  fr.call_op = s.pc;
  fr.into = s.level == 0 ? op.target : kNone;
  fr.level = s.level;
  fr.declared.assign(f.vars.size(), 0);
  for (std::int32_t i = 0; i < f.nparams; ++i) fr.declared[std::size_t(i)] = 1;
  s.frames.push_back(fr);
  s.sp = new_sp;
  if (f.closure_of != kNone) {
    for (const LayoutItem& it : f.items) {
      if (it.kind == ItemKind::kCtx) {
        mem.Write(entry + std::uint64_t(it.offset), {{s.ctx, kNone, 0, WordKind::kPtr}}, it.label);
      }
    }
  }
  Event e = Ev(EventKind::kFramePush);
  e.func = op.callee;
  e.addr = entry;
  e.addr2 = new_sp;
  e.n = f.frame_size;
  e.m = stale;
  out.push_back(e);
  if (op.depth > 1) {
    // Each level of a recursive call runs its declarations before it calls the next level.
    for (std::size_t i = std::size_t(f.nparams); i < f.vars.size(); ++i) {
      const Var& v = f.vars[i];
      std::uint64_t slot = entry + std::uint64_t(v.offset);
      Word old{};
      bool was_stale = mem.AnyWritten(slot, v.escapes ? 1 : v.type.Words(), &old);
      Event z = Ev(EventKind::kZero);
      z.func = op.callee;
      z.var = std::int32_t(i);
      if (v.escapes) {
        std::uint64_t obj = 0;
        std::string err;
        if (!mem.Alloc(v.site, v.type, v.type.size, &obj, &err)) return err;
        mem.Write(slot, {{obj, kNone, 0, WordKind::kPtr}}, v.label);
        Event mh = Ev(EventKind::kMovedToHeap);
        mh.func = op.callee;
        mh.var = std::int32_t(i);
        mh.site = v.site;
        mh.addr = slot;
        mh.addr2 = obj;
        mh.n = v.type.size;
        mh.flag = was_stale;
        out.push_back(mh);
      } else {
        std::vector<Word> zero;
        for (std::int64_t k = 0; k < v.type.Words(); ++k)
          zero.push_back({0, kNone, 0, ZeroKind(v.type, k)});
        mem.Write(slot, zero, v.label);
        z.label = v.label;
        z.addr = slot;
        z.word_kind = zero[0].kind;
        z.n = v.type.Words();
        z.flag = was_stale;
        z.old_bits = old.bits;
        z.old_kind = old.kind;
        z.old_label = old.label;
        out.push_back(z);
      }
      s.frames.back().declared[i] = 1;
    }
  }
  return "";
}

StackModel::Outcome StackModel::Extern(State& s, const Op& op, std::vector<Event>& out) const {
  const Program& p = *m_p;
  Mem mem(p, s);
  std::string err;
  std::string text;
  for (std::size_t i = 0; i < op.args.size(); ++i) {
    const Expr& e = op.args[i];
    const Type& t = e.kind == ExprKind::kAddr ? Type{} : mem.RefType(e.ref);
    std::vector<Word> v;
    if (!mem.Eval(s.frames.size() - 1, e, t, &v, &err)) return {true, err};
    if (!text.empty()) text += " ";
    if (e.kind == ExprKind::kAddr || t.cls == TypeClass::kPtr || t.cls == TypeClass::kMap ||
        t.cls == TypeClass::kChan || t.cls == TypeClass::kFunc) {
      text += Hex(v[0].bits);
    } else if (t.cls == TypeClass::kSlice) {
      text += "[";
      for (std::uint64_t k = 0; k < std::min<std::uint64_t>(v[1].bits, 16); ++k) {
        const Word* w = ReadWord(s, v[0].bits + kWord * k);
        if (k > 0) text += ' ';
        text += std::to_string(std::int64_t(w ? w->bits : 0));
      }
      text += v[1].bits > 16 ? " ...]" : "]";
    } else {
      text += std::to_string(std::int64_t(v[0].bits));
    }
    std::int32_t box = op.box_sites[i];
    if (box == kNone) continue;
    // convT64 (iface.go): small values point into staticuint64s, others are copied to the heap.
    if (t.cls == TypeClass::kInt && t.size == 8 && v[0].bits < 256) {
      Event b = Ev(EventKind::kStaticBox);
      b.site = box;
      b.bits = v[0].bits;
      b.addr = kStaticUint64s + 8 * v[0].bits;
      out.push_back(b);
      continue;
    }
    std::uint64_t obj = 0;
    if (!mem.Alloc(box, t, t.size, &obj, &err)) return {true, err};
    mem.Write(obj, v, p.sites[std::size_t(box)].label);
    Event b = Ev(EventKind::kBox);
    b.site = box;
    b.addr = obj;
    b.bits = v[0].bits;
    b.n = t.size;
    out.push_back(b);
  }
  Event e = Ev(EventKind::kPrint);
  e.func = op.callee;
  e.text = text;
  out.push_back(e);
  return {true, ""};
}

StackModel::Outcome StackModel::Return(State& s, const Op& op, std::vector<Event>& out) const {
  const Program& p = *m_p;
  Mem mem(p, s);
  std::string err;
  const Func& f = p.F(s.frames.back().func);
  if (s.level == 0) {
    s.ret.clear();
    if (op.has_value && !mem.Eval(s.frames.size() - 1, op.value, f.result, &s.ret, &err)) {
      return {true, err};
    }
  }
  Frame fr = s.frames.back();
  std::uint64_t to = fr.entry_sp + kWord;  // RET pops the return PC too
  Event r = Ev(EventKind::kReturn);
  r.func = fr.func;
  r.bits = s.ret.empty() ? 0 : s.ret[0].bits;
  r.word_kind = s.ret.empty() ? WordKind::kUnset : s.ret[0].kind;
  r.n = std::int64_t(s.ret.size());
  r.m = s.level;
  out.push_back(r);
  if (f.has_bp) {
    const Word* w = ReadWord(s, fr.entry_sp - kWord);
    s.bp = w ? w->bits : 0;
  }
  Event pop = Ev(EventKind::kPop);
  pop.func = fr.func;
  pop.addr = s.sp;
  pop.addr2 = to;
  pop.n = WrittenWords(s, s.sp, to);
  out.push_back(pop);
  s.frames.pop_back();
  s.sp = to;
  if (++s.level < op.depth) return {false, ""};
  if (s.frames.empty()) {
    out.push_back(Ev(EventKind::kGoexit));
    return {true, ""};
  }
  if (fr.into != kNone && !s.ret.empty()) {
    // The result comes back in registers (RAX...) and the caller stores it.
    std::size_t top = s.frames.size() - 1;
    const Ref& tr = p.refs[std::size_t(fr.into)];
    bool is_new = tr.kind == RefKind::kLocal && !p.VarOf(tr).param &&
                  !s.frames[top].declared[std::size_t(tr.var)];
    std::vector<Event> tmp;
    if (is_new && p.VarOf(tr).escapes) {
      const Var& var = p.VarOf(tr);
      std::uint64_t slot = s.frames[top].entry_sp + std::uint64_t(var.offset);
      std::uint64_t obj = 0;
      if (!mem.Alloc(var.site, var.type, var.type.size, &obj, &err)) return {true, err};
      mem.Write(slot, {{obj, kNone, 0, WordKind::kPtr}}, var.label);
      Event e = Ev(EventKind::kMovedToHeap);
      e.func = tr.func;
      e.var = tr.var;
      e.site = var.site;
      e.addr = slot;
      e.addr2 = obj;
      e.n = var.type.size;
      out.push_back(e);
    }
    std::uint64_t addr = 0;
    if (!mem.Storage(top, fr.into, &addr, &err)) return {true, err};
    Word old{};
    bool stale = is_new && mem.AnyWritten(addr, std::int64_t(s.ret.size()), &old);
    if (!is_new) mem.AnyWritten(addr, 1, &old);
    std::int32_t label = tr.kind == RefKind::kGlobal ? p.globals[std::size_t(tr.var)].label
                         : tr.kind == RefKind::kCaptured || p.VarOf(tr).escapes
                             ? p.sites[std::size_t(p.VarOf(tr).site)].label
                             : p.VarOf(tr).label;
    mem.Write(addr, s.ret, label);
    Event e = Ev(is_new ? EventKind::kInit : EventKind::kAssign);
    e.func = tr.func;
    e.var = tr.kind == RefKind::kGlobal ? kNone : tr.var;
    e.label = label;
    e.addr = addr;
    e.bits = s.ret[0].bits;
    e.word_kind = s.ret[0].kind;
    e.old_bits = old.bits;
    e.old_kind = old.kind;
    e.old_label = old.label;
    e.n = std::int64_t(s.ret.size());
    e.flag = stale;
    out.push_back(e);
    if (tr.kind == RefKind::kLocal && !p.VarOf(tr).param)
      s.frames[top].declared[std::size_t(tr.var)] = 1;
  }
  return {true, ""};
}

void StackModel::CopyStack(State& s, std::vector<Event>& out) const {
  // copystack: allocate, copy the used part [copy_sp, hi), adjust pointers into the old range.
  Stack old = s.stack;
  Stack fresh;
  fresh.lo = s.stack_next;
  fresh.hi = fresh.lo + s.new_size;
  s.stack_next += std::max<std::uint64_t>(s.new_size, 0x2000) + 0x2000;
  std::uint64_t used = old.hi - s.copy_sp;
  std::size_t ncopy = std::size_t(used / kWord);
  fresh.words.assign(old.words.begin(),
                     old.words.begin() + std::ptrdiff_t(std::min(ncopy, old.words.size())));
  Event c = Ev(EventKind::kCopyStack);
  c.addr = old.lo;
  c.addr2 = old.hi;
  c.bits = fresh.lo;
  c.n = std::int64_t(used);
  c.m = std::int64_t(s.new_size);
  out.push_back(c);
  std::uint64_t delta = fresh.hi - old.hi;  // modular: works for shrinking too
  auto adjust = [&](std::uint64_t& v) {
    if (old.Contains(v)) v += delta;
  };
  // adjustframe/adjustpointers: every live pointer slot (the stack maps say which) and every
  // saved frame pointer that points into the old stack moves by delta. Dead slots (an old
  // callee's spilled arguments, undeclared locals) are copied as they are.
  std::vector<std::uint8_t> live = LiveWords(*m_p, s, old);
  for (std::size_t i = 0; i < fresh.words.size(); ++i) {
    Word& w = fresh.words[i];
    if (i >= live.size() || !live[i]) continue;
    if ((w.kind == WordKind::kPtr || w.kind == WordKind::kSavedBP) && old.Contains(w.bits)) {
      Event a = Ev(EventKind::kAdjust);
      a.addr = fresh.hi - kWord * (i + 1);
      a.old_bits = w.bits;
      w.bits += delta;
      a.bits = w.bits;
      a.label = w.label;
      a.flag = w.kind == WordKind::kSavedBP;
      out.push_back(a);
    }
  }
  for (Frame& f : s.frames) {
    adjust(f.entry_sp);
    adjust(f.sp);
  }
  s.frame_prefix.clear();  // every frame moved
  // The registers saved in gp.sched: SP, BP and the closure context (adjustctxt).
  s.sp += delta;
  adjust(s.bp);
  adjust(s.ctx);
  s.copy_sp += delta;
  s.old_stack = old;
  s.stack = std::move(fresh);
  s.pending = Pending::kFreeOld;
}

void StackModel::FreeOld(State& s, std::vector<Event>& out) const {
  Event e = Ev(EventKind::kStackFree);
  e.addr = s.old_stack.lo;
  e.n = std::int64_t(s.old_stack.Size());
  out.push_back(e);
  s.old_stack = Stack{};
  s.pending = Pending::kIdle;
}

StackModel::Outcome StackModel::Gc(State& s, std::vector<Event>& out) const {
  if (s.pending == Pending::kCopy) {
    CopyStack(s, out);
    return {false, ""};
  }
  if (s.pending == Pending::kFreeOld) {
    FreeOld(s, out);
    return {true, ""};
  }
  const Config& c = m_p->config;
  Event scan = Ev(EventKind::kGcScan);
  scan.n = std::int64_t((s.stack.hi - s.sp) / kWord);
  out.push_back(scan);
  // shrinkstack: halve when less than a quarter is in use, never below the fixed size.
  std::uint64_t oldsize = s.stack.Size();
  std::uint64_t newsize = oldsize / 2;
  std::uint64_t used = s.stack.hi - s.sp + std::uint64_t(c.stack_limit);
  if (newsize < std::uint64_t(c.stack_size) || used >= oldsize / 4) {
    Event e = Ev(EventKind::kShrinkSkip);
    e.n = std::int64_t(used);
    e.m = std::int64_t(oldsize);
    e.flag = newsize < std::uint64_t(c.stack_size);
    out.push_back(e);
    return {true, ""};
  }
  Event e = Ev(EventKind::kShrink);
  e.n = std::int64_t(used);
  e.m = std::int64_t(oldsize);
  out.push_back(e);
  s.pending = Pending::kCopy;
  s.new_size = newsize;
  s.copy_sp = s.sp;
  return {false, ""};
}

}  // namespace gs::stack
