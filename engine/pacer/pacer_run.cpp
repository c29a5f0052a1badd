#include "engine/pacer/pacer_run.h"

#include <algorithm>

#include "engine/pacer/gctrace.h"
#include "engine/pacer/pacer_math.h"

namespace gs::pacer {

StepResult PacerRun::Build() {
  StepResult r = TopicRun::Build();
  m_samples.clear();
  m_cycles.clear();
  m_peak = 0;
  const auto& tl = m_timeline;
  std::size_t open_start = 0;
  for (std::size_t step = 0; step < tl.StepCount(); ++step) {
    const State& s = tl.StateRef(step);
    Sample smp{s.tick,          s.heap_live,    s.reachable,   s.goal,
               s.trigger,       s.memory_limit, s.last_assist, s.phase == Phase::kMark,
               s.memory_limited};
    m_samples.push_back(smp);
    m_peak = std::max(m_peak, s.heap_live);
    if (s.goal != kNoLimit && s.goal <= kMaxHeapBytes) m_peak = std::max(m_peak, s.goal);
    for (const Event& e : tl.Events(step)) {
      if (e.kind == EventKind::kTrigger || e.kind == EventKind::kForcedStart) open_start = step;
      if (e.kind == EventKind::kCycleEnd) {
        m_cycles.push_back({e.cycle, open_start, step, GctraceLine(e.cycle, m_program->config)});
      }
    }
  }
  return r;
}

std::vector<std::string> PacerRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  for (const Event& e : m_timeline.Events(step)) out.push_back(EventLine(*m_program, e, lang));
  return out;
}

Narration PacerRun::Narrate(std::size_t step) const {
  if (step == 0) {
    const State& s = m_timeline.StateRef(0);
    const Config& c = m_program->config;
    const bool floor = s.goal == HeapMinimum(s.gogc) && s.gogc > 0;
    const std::string goal = Bytes(s.goal);
    return {{"The program starts with " + Bytes(s.heap_live) +
                 " of heap. No cycle has run, so heapMarked is 0 and the first goal is " +
                 (floor ? "the minimum heap, heapMinimum = 4 MiB × GOGC/100: " + goal + "."
                  : c.stacks + c.globals > 0
                      ? "(stacks + globals) × GOGC/100 = " + goal + " (more than heapMinimum)."
                      : goal + "."),
             "程序启动时堆上有 " + Bytes(s.heap_live) +
                 "。还没有跑过任何一轮回收，heapMarked 为 0，所以第一个目标是" +
                 (floor ? "最小堆 heapMinimum = 4 MiB × GOGC/100：" + goal + "。"
                  : c.stacks + c.globals > 0
                      ? "（栈 + 全局变量）× GOGC/100 = " + goal + "（大于 heapMinimum）。"
                      : goal + "。")},
            "gcControllerState.init"};
  }
  Narration n = NarrateEvents(*m_program, m_timeline.Events(step));
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + (n.text.en.empty() ? "" : "\n") + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + (n.text.zh.empty() ? "" : "\n") + n.text.zh;
  }
  return n;
}

Json PacerRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  for (const Event& e : m_timeline.Events(step)) arr.push_back(EventLine(*m_program, e, Lang::kEn));
  return arr;
}

Json PacerRun::StateSummary(std::size_t step) const {
  const State& s = m_timeline.StateRef(step);
  Json j;
  j["phase"] = s.phase == Phase::kMark ? "mark" : "off";
  j["tick"] = s.tick;
  j["heap_live"] = s.heap_live;
  j["heap_marked"] = s.heap_marked;
  j["reachable"] = s.reachable;
  j["goal"] = s.goal == kNoLimit ? Json(nullptr) : Json(s.goal);
  j["trigger"] = s.trigger == kNoLimit ? Json(nullptr) : Json(s.trigger);
  j["memory_limited"] = s.memory_limited;
  j["numgc"] = s.numgc;
  if (s.phase == Phase::kMark) j["scan_remaining"] = s.scan_remaining;
  return j;
}

bool PacerRun::Notable(std::size_t step) const {
  for (const Event& e : m_timeline.Events(step)) {
    switch (e.kind) {
      case EventKind::kTrigger:
      case EventKind::kForcedStart:
      case EventKind::kCycleEnd:
      case EventKind::kSetGcPercent:
      case EventKind::kSetMemoryLimit:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace gs::pacer
