#include "engine/pacer/model.h"

#include <algorithm>
#include <string>

#include "engine/core/hash.h"
#include "engine/pacer/pacer_math.h"

namespace gs::pacer {

namespace {
constexpr std::uint64_t kNotTriggered = kNoLimit;  // gcControllerState.triggered = ^uint64(0)
}

State PacerModel::Initial() const {
  const Config& c = m_program->config;
  State s;
  s.gogc = c.gogc;
  s.memory_limit = c.memory_limit;
  s.reachable = c.initial_live;
  s.heap_live = c.initial_live;
  s.heap_marked = 0;  // gcControllerState.init: no cycle has marked anything yet
  Commit(s, nullptr);
  return s;
}

void PacerModel::Commit(State& s, std::vector<Event>* out) const {
  const Config& c = m_program->config;
  const std::uint64_t pct_goal = GcPercentHeapGoal(s.heap_marked, c.stacks, c.globals, s.gogc);
  const std::uint64_t lim_goal = MemoryLimitHeapGoal(s.memory_limit, c.non_heap, s.heap_marked);
  const std::uint64_t triggered = s.phase == Phase::kMark ? s.cycle.heap0 : kNotTriggered;
  const Goal g = HeapGoal(pct_goal, lim_goal, triggered);
  s.goal = g.bytes;
  s.memory_limited = g.memory_limited;
  // commit: consMark is measured at the end of a cycle; before the first one it is 0.
  const std::uint64_t cons = s.numgc == 0 ? 0 : c.cons_mark_percent;
  s.runway = Runway(cons, s.heap_marked + c.stacks + c.globals);
  const TriggerBounds b = Trigger(s.goal, s.heap_marked, s.runway);
  s.trigger = b.trigger;
  s.trigger_lower = b.lower;
  s.trigger_upper = b.upper;
  if (out) {
    GoalSource src = GoalSource::kGcPercent;
    if (g.memory_limited) {
      src = GoalSource::kMemoryLimit;
    } else if (pct_goal == kNoLimit) {
      src = GoalSource::kOff;
    } else if (s.gogc > 0 && pct_goal == HeapMinimum(s.gogc) &&
               s.heap_marked +
                       (s.heap_marked + c.stacks + c.globals) * std::uint64_t(s.gogc) / 100 <
                   pct_goal) {
      src = GoalSource::kHeapMinimum;
    }
    out->push_back({EventKind::kCommit, s.goal, s.trigger, {}, src});
  }
}

void PacerModel::StartCycle(State& s, bool forced, std::vector<Event>& out) const {
  const Config& c = m_program->config;
  out.push_back(
      {forced ? EventKind::kForcedStart : EventKind::kTrigger, s.heap_live, s.trigger, {}});
  s.phase = Phase::kMark;
  s.cycle = CycleRecord{};
  s.cycle.n = s.numgc + 1;
  s.cycle.start_tick = s.tick;
  s.cycle.heap0 = s.heap_live;
  s.cycle.trigger = s.trigger;
  s.cycle.forced = forced;
  Commit(s, nullptr);  // heapGoalInternal: now at least triggered + minRunway
  s.cycle.goal = s.goal;
  s.cycle.memory_limited = s.memory_limited;
  // The scan work of the cycle: every reachable byte (assumed scannable), stacks and globals.
  s.scan_remaining = s.reachable + c.stacks + c.globals;
  // Everything reachable at the start gets marked (objects dropped during mark were
  // reachable when it began); objects allocated during mark are added as they come.
  s.marked = s.reachable;
}

void PacerModel::MarkTermination(State& s, std::vector<Event>& out) const {
  const Config& c = m_program->config;
  s.cycle.end_tick = s.tick;
  // endCycle: lastHeapGoal (what gctrace prints) is the goal as the cycle ends, so a
  // SetGCPercent or SetMemoryLimit during mark shows in it.
  s.cycle.goal = s.goal;
  s.cycle.memory_limited = s.memory_limited;
  // Modelled times: mark_rate bytes cost one tick of the 25% background share of the Ps.
  const std::uint64_t share_us = std::uint64_t(c.tick_us) * c.procs * kGoalUtilizationPercent / 100;
  s.cycle.bg_cpu_us = s.cycle.bg_work * share_us / c.mark_rate;
  s.cycle.assist_cpu_us = s.cycle.assist_work * share_us / c.mark_rate;
  s.gc_cpu_us += (kSweepTermUs + kMarkTermUs) * c.procs + s.cycle.bg_cpu_us + s.cycle.assist_cpu_us;
  const std::uint64_t all_us = std::max<std::uint64_t>(1, s.tick * c.tick_us * c.procs);
  s.cycle.util_percent = std::uint32_t(std::min<std::uint64_t>(100, s.gc_cpu_us * 100 / all_us));
  s.cycle.heap1 = s.heap_live;
  s.cycle.heap2 = s.marked;  // work.heap2 = work.bytesMarked
  s.heap_marked = s.marked;
  s.heap_live = s.marked;  // resetLive: sweeping frees every unmarked byte
  s.numgc = s.cycle.n;
  s.phase = Phase::kOff;
  s.scan_remaining = 0;
  s.assist_ratio_1024 = 0;
  out.push_back({EventKind::kCycleEnd, 0, 0, s.cycle});
  Commit(s, &out);
}

void PacerModel::Tick(State& s, const Op& op, std::vector<Event>& out) const {
  const Config& c = m_program->config;
  ++s.tick;
  s.last_assist = 0;
  s.heap_live += op.alloc;
  s.total_alloc += op.alloc;
  s.total_stack_alloc += op.stack_alloc;
  s.reachable += op.keep;
  out.push_back({EventKind::kAlloc, op.alloc, op.stack_alloc, {}});
  if (s.phase == Phase::kMark) {
    s.marked += op.alloc;  // gcmarknewobject: allocated black
    // revise: each byte allocated owes assistWorkPerByte of scan work; the background
    // worker's credit (bgScanCredit) pays first, gcAssistAlloc the rest, 64 KiB at least.
    const std::uint64_t ratio =
        AssistWorkPerByte1024(s.scan_remaining, s.heap_live - op.alloc, s.goal);
    s.assist_ratio_1024 = ratio;
    const std::uint64_t debt = op.alloc / 1024 * ratio + op.alloc % 1024 * ratio / 1024;
    const std::uint64_t bg = std::min(c.mark_rate, s.scan_remaining);
    s.scan_remaining -= bg;
    s.cycle.bg_work += bg;
    out.push_back({EventKind::kMarkWork, bg, s.scan_remaining, {}});
    if (debt > bg && s.scan_remaining > 0) {
      const std::uint64_t assist = std::min(std::max(debt - bg, kOverAssistWork), s.scan_remaining);
      s.scan_remaining -= assist;
      s.cycle.assist_work += assist;
      s.last_assist = assist;
      out.push_back({EventKind::kAssist, assist, ratio, {}});
    }
    if (s.heap_live > s.goal) out.push_back({EventKind::kOverGoal, s.heap_live, s.goal, {}});
    if (s.scan_remaining == 0) MarkTermination(s, out);
  } else if (s.heap_live >= s.trigger) {
    // mallocgc → gcTrigger{kind: gcTriggerHeap}.test: heapLive >= trigger starts a cycle.
    StartCycle(s, false, out);
  }
}

void PacerModel::ForcedGc(State& s, std::vector<Event>& out) const {
  s.last_assist = 0;
  // runtime.GC waits for a cycle in progress, then runs a full one; the caller is blocked,
  // so nothing is allocated while it marks.
  if (s.phase == Phase::kMark) {
    s.cycle.bg_work += s.scan_remaining;
    s.scan_remaining = 0;
    MarkTermination(s, out);
  }
  StartCycle(s, true, out);
  // With the caller blocked the worker has every P to itself (idle marking): four times the
  // background rate of 25%, so the cycle lasts work / (4 × mark_rate) ticks, at least one.
  const std::uint64_t full_rate = m_program->config.mark_rate * 100 / kGoalUtilizationPercent;
  s.tick += std::max<std::uint64_t>(1, (s.scan_remaining + full_rate - 1) / full_rate);
  s.cycle.bg_work = s.scan_remaining;
  out.push_back({EventKind::kMarkWork, s.scan_remaining, 0, {}});
  s.scan_remaining = 0;
  MarkTermination(s, out);
}

StepResult PacerModel::Step(State& s, std::vector<Event>& out) const {
  const Program& p = *m_program;
  if (s.pc >= std::int32_t(p.ops.size())) return StepResult::Done();
  const Op& op = p.ops[std::size_t(s.pc)];
  switch (op.code) {
    case OpCode::kRun:
      Tick(s, op, out);
      if (++s.sub >= op.ticks) {
        s.sub = 0;
        ++s.pc;
      }
      break;
    case OpCode::kDrop:
      s.reachable -= std::min(op.bytes, s.reachable);
      out.push_back({EventKind::kDrop, op.bytes, 0, {}});
      ++s.pc;
      break;
    case OpCode::kSetGcPercent:
      out.push_back(
          {EventKind::kSetGcPercent, std::uint64_t(s.gogc + 1), std::uint64_t(op.gogc + 1), {}});
      s.gogc = op.gogc;
      Commit(s, &out);
      ++s.pc;
      break;
    case OpCode::kSetMemoryLimit:
      out.push_back({EventKind::kSetMemoryLimit, op.limit, 0, {}});
      s.memory_limit = op.limit;
      Commit(s, &out);
      ++s.pc;
      break;
    case OpCode::kGc:
      ForcedGc(s, out);
      ++s.pc;
      break;
  }
  if (s.heap_live > kMaxHeapBytes) {
    return StepResult::Error(op.source, "the heap passed the limit kMaxHeapBytes = 1 TiB (" +
                                            std::to_string(s.heap_live) + " bytes live)");
  }
  return StepResult::Stepped(op.source);
}

std::uint64_t PacerModel::Hash(const State& s) const {
  Hasher h;
  for (std::uint64_t v : {std::uint64_t(s.phase),
                          s.tick,
                          std::uint64_t(s.gogc),
                          s.memory_limit,
                          s.reachable,
                          s.heap_live,
                          s.heap_marked,
                          s.goal,
                          s.trigger,
                          s.runway,
                          s.total_alloc,
                          std::uint64_t(s.numgc),
                          s.gc_cpu_us,
                          s.scan_remaining,
                          s.marked,
                          s.cycle.assist_work,
                          s.cycle.bg_work,
                          s.last_assist,
                          std::uint64_t(s.pc),
                          std::uint64_t(s.sub)}) {
    h.Add(v);
  }
  return h.Value();
}

bool PacerInvariantsHold(const State& s) {
  return s.trigger <= s.goal && s.heap_marked <= s.heap_live && s.reachable <= s.heap_live &&
         (s.phase == Phase::kOff || s.marked <= s.heap_live);
}

}  // namespace gs::pacer
