#include "engine/gc/model.h"

#include <algorithm>

#include "engine/core/hash.h"
#include "engine/gc/invariants.h"

namespace gs::gc {
namespace {

bool Contains(const std::vector<EdgeRef>& v, const EdgeRef& e) {
  return std::find(v.begin(), v.end(), e) != v.end();
}

Event PhaseEvent(Phase p) {
  Event e;
  e.kind = EventKind::kPhase;
  e.phase = p;
  return e;
}

Event Simple(EventKind k) {
  Event e;
  e.kind = k;
  return e;
}

}  // namespace

std::int32_t Program::DefaultWriter() const {
  for (std::size_t i = 0; i < roots.size(); ++i) {
    if (roots[i].kind == RootKind::kStack) return std::int32_t(i);
  }
  return kNil;
}

void Shade(State& s, std::int32_t obj, ShadeCause cause, bool report_already,
           std::vector<Event>& out) {
  if (obj == kNil) return;
  Object& o = s.objects[std::size_t(obj)];
  if (!o.live) return;
  Event e;
  e.obj = obj;
  e.cause = cause;
  e.from = o.color;
  if (o.color != Color::kWhite) {
    if (report_already) {
      e.kind = EventKind::kAlreadyShaded;
      e.to = o.color;
      out.push_back(e);
    }
    return;
  }
  // greyobject: a noscan span's object has nothing to scan, so it is never queued.
  o.color = o.noscan ? Color::kBlack : Color::kGrey;
  if (!o.noscan) s.grey_queue.push_back(obj);
  e.kind = EventKind::kShade;
  e.to = o.color;
  out.push_back(e);
}

State GcModel::Initial() const {
  const Program& p = *m_program;
  State s;
  s.objects.resize(p.objects.size());
  for (std::size_t i = 0; i < p.objects.size(); ++i) {
    Object& o = s.objects[i];
    o.live = p.objects[i].initially_live;
    o.noscan = p.objects[i].noscan;
    o.fields = p.initial_fields[i];
  }
  s.roots.resize(p.roots.size());
  for (std::size_t i = 0; i < p.roots.size(); ++i) s.roots[i].slots = p.roots[i].slots;
  return s;
}

StepResult GcModel::Step(State& s, std::vector<Event>& out) const {
  const auto& ops = m_program->ops;
  while (static_cast<std::size_t>(s.pc) < ops.size()) {
    const Op& op = ops[std::size_t(s.pc)];
    Outcome r = Exec(s, op, out);
    if (!r.error.empty()) return StepResult::Error(op.source, r.error);
    if (r.finished) {
      ++s.pc;
      s.sub = 0;
      s.remaining = 0;
      s.cursor = 0;
    }
    if (r.stepped) {
      UpdateInvariants(s, out);
      return StepResult::Stepped(op.source);
    }
  }
  return StepResult::Done();
}

GcModel::Outcome GcModel::Exec(State& s, const Op& op, std::vector<Event>& out) const {
  const Program& p = *m_program;
  auto need_mark = [&]() -> std::string {
    if (s.phase == Phase::kMark) return "";
    if (s.phase == Phase::kOff) return "no GC cycle is running: add {\"op\": \"gc_start\"} first";
    return "marking has already finished (phase " + std::string(PhaseName(s.phase)) + ")";
  };
  switch (op.code) {
    case OpCode::kGcStart:
      return ExecGcStart(s, out);
    case OpCode::kMark: {
      if (auto e = need_mark(); !e.empty()) return {false, false, e};
      if (s.sub == 0) {
        s.sub = 1;
        s.remaining = op.n;
      }
      if (!MarkUnit(s, out)) {
        if (s.remaining == op.n)
          return {false, false, "no mark work left: no root jobs and the grey queue is empty"};
        return {false, true, ""};
      }
      --s.remaining;
      return {true, s.remaining == 0, ""};
    }
    case OpCode::kMarkObject: {
      if (auto e = need_mark(); !e.empty()) return {false, false, e};
      auto it = std::find(s.grey_queue.begin(), s.grey_queue.end(), op.obj);
      if (it == s.grey_queue.end()) {
        const Object& o = s.objects[std::size_t(op.obj)];
        std::string why = !o.live ? "is not allocated" : "is " + std::string(ColorName(o.color));
        return {false, false, p.ObjectName(op.obj) + " " + why + ", not in the grey queue"};
      }
      s.grey_queue.erase(it);
      ScanObject(s, op.obj, out);
      return {true, true, ""};
    }
    case OpCode::kScanRoot: {
      if (auto e = need_mark(); !e.empty()) return {false, false, e};
      auto it = std::find(s.root_jobs.begin(), s.root_jobs.end(), op.root);
      if (it == s.root_jobs.end()) {
        return {false, false, p.RootName(op.root) + " has already been scanned this cycle"};
      }
      s.root_jobs.erase(it);
      ScanRoot(s, op.root, ShadeCause::kRootScan, out);
      return {true, true, ""};
    }
    case OpCode::kMarkAll: {
      if (auto e = need_mark(); !e.empty()) return {false, false, e};
      if (MarkUnit(s, out)) {
        s.sub = 1;
        return {true, false, ""};
      }
      if (s.sub == 0) {
        out.push_back(Simple(EventKind::kNoWork));
        return {true, true, ""};
      }
      return {false, true, ""};
    }
    case OpCode::kMarkTermination:
      return ExecMarkTermination(s, out);
    case OpCode::kSweep:
      return ExecSweep(s, out);
    case OpCode::kAlloc:
      return ExecAlloc(s, op, out);
    case OpCode::kWrite:
    case OpCode::kLoad:
    case OpCode::kSetRoot:
      return ExecStore(s, op, out);
  }
  return {false, false, "unknown op"};
}

GcModel::Outcome GcModel::ExecGcStart(State& s, std::vector<Event>& out) const {
  if (s.sub == 0) {
    if (s.phase == Phase::kSweep) {
      return {false, false, "the previous cycle is still sweeping: add {\"op\": \"sweep\"} first"};
    }
    if (s.phase != Phase::kOff) return {false, false, "a GC cycle is already running"};
    // gcStart: stop the world for sweep termination.
    s.phase = Phase::kSweepTermination;
    out.push_back(Simple(EventKind::kStopTheWorld));
    out.push_back(PhaseEvent(s.phase));
    s.sub = 1;
    return {true, false, ""};
  }
  // setGCPhase(_GCmark) enables the barrier; gcMarkRootPrepare queues the root jobs:
  // data/bss (globals) first, then goroutine stacks, as markroot numbers them.
  s.phase = Phase::kMark;
  s.root_jobs.clear();
  s.objects_scanned = 0;
  s.stw_rescan_work = 0;
  for (const RootKind kind : {RootKind::kGlobal, RootKind::kStack}) {
    for (std::size_t i = 0; i < s.roots.size(); ++i) {
      if (m_program->roots[i].kind == kind) s.root_jobs.push_back(std::int32_t(i));
    }
  }
  for (Root& r : s.roots) r.scanned = false;
  out.push_back(PhaseEvent(s.phase));
  Event q = Simple(EventKind::kRootJobsQueued);
  q.count = std::int32_t(s.root_jobs.size());
  out.push_back(q);
  out.push_back(Simple(EventKind::kStartTheWorld));
  return {true, true, ""};
}

bool GcModel::MarkUnit(State& s, std::vector<Event>& out) const {
  // gcDrain: root jobs first, then grey objects.
  if (!s.root_jobs.empty()) {
    std::int32_t r = s.root_jobs.front();
    s.root_jobs.erase(s.root_jobs.begin());
    ScanRoot(s, r, ShadeCause::kRootScan, out);
    return true;
  }
  if (!s.grey_queue.empty()) {
    // tryGet pops from the top of the workbuf: the most recently greyed object.
    std::int32_t o = s.grey_queue.back();
    s.grey_queue.pop_back();
    ScanObject(s, o, out);
    return true;
  }
  return false;
}

void GcModel::ScanRoot(State& s, std::int32_t root, ShadeCause cause,
                       std::vector<Event>& out) const {
  Event e = Simple(cause == ShadeCause::kRescan ? EventKind::kRescanStack : EventKind::kScanRoot);
  e.root = root;
  out.push_back(e);
  for (std::int32_t t : s.roots[std::size_t(root)].slots) Shade(s, t, cause, false, out);
  s.roots[std::size_t(root)].scanned = true;
}

void GcModel::ScanObject(State& s, std::int32_t obj, std::vector<Event>& out) const {
  Event e = Simple(EventKind::kScanObject);
  e.obj = obj;
  out.push_back(e);
  Object& o = s.objects[std::size_t(obj)];
  for (std::size_t f = 0; f < o.fields.size(); ++f) {
    Shade(s, s.objects[std::size_t(obj)].fields[f], ShadeCause::kScan, false, out);
  }
  s.objects[std::size_t(obj)].color = Color::kBlack;
  Event b = Simple(EventKind::kBlacken);
  b.obj = obj;
  b.from = Color::kGrey;
  b.to = Color::kBlack;
  out.push_back(b);
  ++s.objects_scanned;
  if (s.phase == Phase::kMarkTermination) ++s.stw_rescan_work;
}

GcModel::Outcome GcModel::ExecMarkTermination(State& s, std::vector<Event>& out) const {
  const Program& p = *m_program;
  if (s.sub == 0) {
    if (s.phase != Phase::kMark) {
      return {false, false,
              s.phase == Phase::kOff ? "no GC cycle is running: add {\"op\": \"gc_start\"} first"
                                     : "mark termination needs the mark phase (phase is " +
                                           std::string(PhaseName(s.phase)) + ")"};
    }
    // gcMarkDone: no termination while any work remains anywhere.
    if (!s.root_jobs.empty() || !s.grey_queue.empty()) {
      out.push_back(Simple(EventKind::kMarkDoneWork));
      MarkUnit(s, out);
      return {true, false, ""};
    }
    // The ragged flush of every P's write-barrier buffer (forEachP → wbBufFlush).
    if (!s.wb_buf.empty()) {
      FlushWbBuf(s, out);
      return {true, false, ""};
    }
    s.phase = Phase::kMarkTermination;
    out.push_back(Simple(EventKind::kStopTheWorld));
    out.push_back(PhaseEvent(s.phase));
    s.sub = 1;
    s.cursor = 0;
    return {true, false, ""};
  }
  if (s.sub == 1) {
    // Insertion-only (Dijkstra) barriers leave stacks "permanently grey": every stack is
    // scanned again with the world stopped (Go 1.5–1.7; proposal 17503).
    if (p.config.barrier == Barrier::kDijkstra) {
      for (std::size_t r = std::size_t(s.cursor); r < s.roots.size(); ++r) {
        if (p.roots[r].kind != RootKind::kStack) continue;
        s.cursor = std::int32_t(r) + 1;
        ScanRoot(s, std::int32_t(r), ShadeCause::kRescan, out);
        return {true, false, ""};
      }
    }
    s.sub = 2;
  }
  if (!s.grey_queue.empty()) {
    std::int32_t o = s.grey_queue.back();
    s.grey_queue.pop_back();
    ScanObject(s, o, out);
    return {true, false, ""};
  }
  // gcMarkTermination → gcSweep: setGCPhase(_GCoff) turns the barrier off; start the world.
  s.phase = Phase::kSweep;
  out.push_back(PhaseEvent(s.phase));
  out.push_back(Simple(EventKind::kStartTheWorld));
  return {true, true, ""};
}

GcModel::Outcome GcModel::ExecSweep(State& s, std::vector<Event>& out) const {
  if (s.phase == Phase::kOff) {
    return {false, false, "nothing to sweep: no GC cycle has finished marking"};
  }
  if (s.phase != Phase::kSweep) {
    return {false, false, "marking has not finished: add {\"op\": \"mark_termination\"} first"};
  }
  for (std::size_t i = std::size_t(s.cursor); i < s.objects.size(); ++i) {
    Object& o = s.objects[i];
    if (!o.live || o.color != Color::kWhite) continue;
    s.cursor = std::int32_t(i) + 1;
    // An unmarked object that a root still reaches is freed all the same: a lost object.
    std::vector<std::int32_t> path = PathFromRoots(s, std::int32_t(i));
    o.live = false;
    o.freed = true;
    Event f = Simple(EventKind::kFree);
    f.obj = std::int32_t(i);
    out.push_back(f);
    if (!path.empty()) {
      Event d = Simple(EventKind::kDangling);
      d.obj = std::int32_t(i);
      d.path = std::move(path);
      out.push_back(std::move(d));
    }
    ++s.remaining;  // freed this sweep
    return {true, false, ""};
  }
  // Sweep done: survivors' mark bits become the alloc bits; fresh mark bits are all clear.
  for (Object& o : s.objects) {
    if (o.live) o.color = Color::kWhite;
  }
  for (Root& r : s.roots) r.scanned = false;
  s.phase = Phase::kOff;
  ++s.cycle;
  Event e = Simple(EventKind::kSweepDone);
  e.count = s.remaining;
  out.push_back(e);
  out.push_back(PhaseEvent(s.phase));
  return {true, true, ""};
}

GcModel::Outcome GcModel::ExecAlloc(State& s, const Op& op, std::vector<Event>& out) const {
  const Program& p = *m_program;
  if (s.phase == Phase::kSweep) {
    return {false, false,
            "allocating while sweeping is not modelled: add {\"op\": \"sweep\"} before it"};
  }
  Object& o = s.objects[std::size_t(op.obj)];
  if (o.live || o.freed) return {false, false, p.ObjectName(op.obj) + " was already allocated"};
  Root& root = s.roots[std::size_t(op.root)];
  const std::size_t slot = op.slot < 0 ? root.slots.size() : std::size_t(op.slot);
  if (slot > root.slots.size()) {
    return {false, false,
            "slot " + std::to_string(op.slot) + " is past the end of " + p.RootName(op.root) +
                " (" + std::to_string(root.slots.size()) + " slots)"};
  }
  o.live = true;
  o.fields.assign(std::size_t(p.objects[std::size_t(op.obj)].fields), kNil);
  // mallocgc → gcmarknewobject: during mark a new object is allocated black.
  o.color = BarrierEnabled(s.phase) ? Color::kBlack : Color::kWhite;
  std::int32_t old = slot < root.slots.size() ? root.slots[slot] : kNil;
  if (p.roots[std::size_t(op.root)].kind == RootKind::kGlobal && BarrierEnabled(s.phase)) {
    RunBarrier(s, op, old, op.obj, out);
  }
  if (slot == root.slots.size()) {
    root.slots.push_back(op.obj);
  } else {
    root.slots[slot] = op.obj;
  }
  Event e = Simple(EventKind::kAlloc);
  e.obj = op.obj;
  e.root = op.root;
  e.field = std::int32_t(slot);
  e.old_value = old;
  e.to = o.color;
  out.push_back(e);
  return {true, true, ""};
}

GcModel::Outcome GcModel::ExecStore(State& s, const Op& op, std::vector<Event>& out) const {
  const Program& p = *m_program;
  const bool to_root = op.code != OpCode::kWrite;
  if (op.code == OpCode::kWrite && !s.objects[std::size_t(op.obj)].live) {
    return {false, false,
            "writes into " + p.ObjectName(op.obj) + ", which is not allocated" +
                (s.objects[std::size_t(op.obj)].freed ? " (it was freed)" : "")};
  }
  std::int32_t value = op.to;
  if (op.code == OpCode::kLoad) {
    const Object& src = s.objects[std::size_t(op.obj)];
    if (!src.live) {
      return {false, false,
              "loads from " + p.ObjectName(op.obj) + ", which is not allocated" +
                  (src.freed ? " (it was freed)" : "")};
    }
    value = src.fields[std::size_t(op.field)];
  }
  if (value != kNil && !s.objects[std::size_t(value)].live) {
    return {false, false,
            "stores a pointer to " + p.ObjectName(value) + ", which is not allocated" +
                (s.objects[std::size_t(value)].freed ? " (it was freed)" : "")};
  }
  std::vector<std::int32_t>* slots = nullptr;
  std::size_t index = 0;
  if (to_root) {
    slots = &s.roots[std::size_t(op.root)].slots;
    index = op.slot < 0 ? slots->size() : std::size_t(op.slot);
    if (index > slots->size()) {
      return {false, false,
              "slot " + std::to_string(op.slot) + " is past the end of " + p.RootName(op.root) +
                  " (" + std::to_string(slots->size()) + " slots)"};
    }
  } else {
    slots = &s.objects[std::size_t(op.obj)].fields;
    index = std::size_t(op.field);
  }
  const std::int32_t old = index < slots->size() ? (*slots)[index] : kNil;
  // Stack slots get no barrier: the barrier guards heap and global writes only.
  const bool barriered = BarrierEnabled(s.phase) && p.config.barrier != Barrier::kNone &&
                         !(to_root && p.roots[std::size_t(op.root)].kind == RootKind::kStack);
  if (barriered && s.sub == 0) {
    // The barrier runs before the store (gcWriteBarrier), and is a step of its own.
    RunBarrier(s, op, old, value, out);
    s.sub = 1;
    return {true, false, ""};
  }
  if (barriered && s.sub == 1 && p.config.wb_buffer &&
      s.wb_buf.size() >= std::size_t(p.config.wb_buffer_size)) {
    FlushWbBuf(s, out);  // the buffer is full: wbBufFlush before the store proceeds
    s.sub = 2;
    return {true, false, ""};
  }
  if (index == slots->size()) {
    slots->push_back(value);
  } else {
    (*slots)[index] = value;
  }
  Event e = Simple(to_root ? EventKind::kRootWrite : EventKind::kWrite);
  e.obj = to_root ? kNil : op.obj;
  e.root = to_root ? op.root : kNil;
  e.field = to_root ? std::int32_t(index) : op.field;
  e.old_value = old;
  e.new_value = value;
  e.phase = s.phase;
  e.barrier = p.config.barrier;
  if (op.code == OpCode::kLoad) e.count = op.obj;  // loaded from this object's field
  e.cause = op.code == OpCode::kLoad ? ShadeCause::kScan : ShadeCause::kRootScan;
  out.push_back(e);
  return {true, true, ""};
}

void GcModel::RunBarrier(State& s, const Op& op, std::int32_t old_value, std::int32_t new_value,
                         std::vector<Event>& out) const {
  const Program& p = *m_program;
  Event h = Simple(EventKind::kBarrier);
  h.barrier = p.config.barrier;
  h.on_root = op.code != OpCode::kWrite;
  h.obj = h.on_root ? kNil : op.obj;
  h.root = h.on_root ? op.root : kNil;
  h.field = h.on_root ? op.slot : op.field;
  h.old_value = old_value;
  h.new_value = new_value;
  std::int32_t writer = op.writer != kNil ? op.writer : p.DefaultWriter();
  const bool writer_stack_grey = writer == kNil || !s.roots[std::size_t(writer)].scanned;
  h.count = writer;
  h.from = writer_stack_grey ? Color::kGrey : Color::kBlack;  // the writer's stack color
  out.push_back(h);

  bool shade_old = false, shade_new = false;
  switch (p.config.barrier) {
    case Barrier::kNone:
      break;
    case Barrier::kDijkstra:
      shade_new = true;
      break;
    case Barrier::kYuasa:
      shade_old = true;
      break;
    case Barrier::kHybrid:
      shade_old = true;
      shade_new = writer_stack_grey;
      break;
    case Barrier::kGo:
      // gcWriteBarrier records both pointers; wbBufFlush1 shades both (mwbbuf.go).
      shade_old = true;
      shade_new = true;
      break;
  }
  auto apply = [&](std::int32_t obj, ShadeCause cause) {
    if (obj == kNil) return;
    if (p.config.wb_buffer) {
      s.wb_buf.push_back({obj, cause == ShadeCause::kDeletion});
      Event e = Simple(EventKind::kWbEnqueue);
      e.obj = obj;
      e.cause = cause;
      out.push_back(e);
    } else {
      Shade(s, obj, cause, true, out);
    }
  };
  if (shade_old) apply(old_value, ShadeCause::kDeletion);
  if (shade_new) apply(new_value, ShadeCause::kInsertion);
}

void GcModel::FlushWbBuf(State& s, std::vector<Event>& out) const {
  Event e = Simple(EventKind::kWbFlush);
  e.count = std::int32_t(s.wb_buf.size());
  out.push_back(e);
  // wbBufFlush1 greys every non-nil heap pointer in the buffer.
  std::vector<WbRecord> records;
  records.swap(s.wb_buf);
  for (const WbRecord& r : records) {
    Shade(s, r.obj, r.deletion_half ? ShadeCause::kDeletion : ShadeCause::kInsertion, true, out);
  }
}

void GcModel::UpdateInvariants(State& s, std::vector<Event>& out) const {
  if (s.phase != Phase::kMark && s.phase != Phase::kMarkTermination) {
    s.strong_violations.clear();
    s.weak_violations.clear();
    return;
  }
  InvariantReport r = CheckInvariants(s);
  for (const EdgeRef& e : r.strong) {
    if (Contains(s.strong_violations, e)) continue;
    Event v = Simple(EventKind::kStrongViolation);
    v.edge = e;
    out.push_back(v);
  }
  for (const EdgeRef& e : r.weak) {
    if (Contains(s.weak_violations, e)) continue;
    Event v = Simple(EventKind::kWeakViolation);
    v.edge = e;
    out.push_back(v);
  }
  s.strong_violations = std::move(r.strong);
  s.weak_violations = std::move(r.weak);
}

std::uint64_t GcModel::Hash(const State& s) const {
  Hasher h;
  h.Add(s.phase);
  h.Add(s.cycle);
  // The heap is mixed a 64-bit word at a time (Hasher works byte by byte, and this runs
  // once per step: a 10,000-object heap took 5 s to build with per-byte hashing). Each
  // object is one word of flags and field count, then its fields two to a word.
  std::uint64_t heap = 0x9e3779b97f4a7c15ULL;
  auto mix = [&heap](std::uint64_t w) {
    heap = (heap ^ w) * 0xff51afd7ed558ccdULL;
    heap ^= heap >> 32;
  };
  for (const Object& o : s.objects) {
    mix(std::uint64_t(o.live) | std::uint64_t(o.freed) << 1 | std::uint64_t(o.color) << 2 |
        std::uint64_t(o.fields.size()) << 8);
    const std::size_t nf = o.fields.size();
    for (std::size_t f = 0; f < nf; f += 2) {
      const std::uint64_t lo = std::uint32_t(o.fields[f]);
      const std::uint64_t hi = f + 1 < nf ? std::uint32_t(o.fields[f + 1]) : 0xffffffffULL;
      mix(lo | hi << 32);
    }
  }
  h.Add(heap);
  for (const Root& r : s.roots) {
    h.Add(r.scanned);
    h.Add(r.slots.size());
    for (auto t : r.slots) h.Add(t);
  }
  h.Add(s.grey_queue.size());
  for (auto g : s.grey_queue) h.Add(g);
  h.Add(s.root_jobs.size());
  for (auto j : s.root_jobs) h.Add(j);
  h.Add(s.wb_buf.size());
  for (auto w : s.wb_buf) {
    h.Add(w.obj);
    h.Add(w.deletion_half);
  }
  h.Add(s.strong_violations.size());
  h.Add(s.weak_violations.size());
  h.Add(s.objects_scanned);
  h.Add(s.stw_rescan_work);
  h.Add(s.pc);
  h.Add(s.sub);
  h.Add(s.remaining);
  h.Add(s.cursor);
  return h.Value();
}

std::size_t GcModel::StateBytes(const State& s) {
  std::size_t n = sizeof(State) + s.objects.capacity() * sizeof(Object) +
                  s.roots.capacity() * sizeof(Root) +
                  (s.grey_queue.capacity() + s.root_jobs.capacity()) * sizeof(std::int32_t) +
                  s.wb_buf.capacity() * sizeof(WbRecord) +
                  (s.strong_violations.capacity() + s.weak_violations.capacity()) * sizeof(EdgeRef);
  for (const Object& o : s.objects) n += o.fields.capacity() * sizeof(std::int32_t);
  for (const Root& r : s.roots) n += r.slots.capacity() * sizeof(std::int32_t);
  return n;
}

}  // namespace gs::gc
