#include "engine/stack/stack_run.h"

namespace gs::stack {

std::vector<std::string> StackRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  for (const Event& e : m_timeline.Events(step)) out.push_back(EventLine(*m_program, e, lang));
  return out;
}

Narration StackRun::Narrate(std::size_t step) const {
  if (step == 0) {
    const Config& c = m_program->config;
    return {
        {"A new goroutine's stack: " + std::to_string(c.stack_size) +
             " bytes (fixedStack on "
             "linux/amd64) from " +
             HexAddr(c.stack_base) + " to " + HexAddr(c.stack_base + std::uint64_t(c.stack_size)) +
             ", growing down. Addresses are "
             "illustrative.",
         "一个新 goroutine 的栈：" + std::to_string(c.stack_size) +
             " 字节（linux/amd64 上的 "
             "fixedStack），从 " +
             HexAddr(c.stack_base) + " 到 " + HexAddr(c.stack_base + std::uint64_t(c.stack_size)) +
             "，向低地址增长。地址仅作示意。"},
        ""};
  }
  Narration n = NarrateEvents(*m_program, m_timeline.Events(step));
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + "\n" + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + "\n" + n.text.zh;
  }
  return n;
}

Json StackRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  for (const Event& e : m_timeline.Events(step)) arr.push_back(EventLine(*m_program, e, Lang::kEn));
  return arr;
}

Json StackRun::StateSummary(std::size_t step) const {
  const State& s = m_timeline.StateRef(step);
  const Program& p = *m_program;
  Json j;
  j["stack"] = {{"lo", HexAddr(s.stack.lo)}, {"hi", HexAddr(s.stack.hi)}, {"size", s.stack.Size()}};
  j["sp"] = HexAddr(s.sp);
  Json frames = Json::array();
  for (const Frame& f : s.frames) {
    frames.push_back(
        {{"func", p.F(f.func).name}, {"sp", HexAddr(f.sp)}, {"entry_sp", HexAddr(f.entry_sp)}});
  }
  j["frames"] = frames;
  j["heap_objects"] = s.heap.size();
  j["line"] = s.line;
  if (s.crashed) j["crashed"] = true;
  return j;
}

bool StackRun::Notable(std::size_t step) const {
  for (const Event& e : m_timeline.Events(step)) {
    switch (e.kind) {
      case EventKind::kMorestack:
      case EventKind::kCopyStack:
      case EventKind::kShrink:
      case EventKind::kOverflow:
      case EventKind::kMovedToHeap:
      case EventKind::kHeapAlloc:
      case EventKind::kBox:
        return true;
      case EventKind::kZero:
      case EventKind::kInit:
        if (e.flag) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

int StackRun::SourceLine(std::size_t step) const {
  if (step == 0) return 0;
  int op = OpIndex(step);
  for (const Op& o : m_program->ops) {
    if (o.source == op) return o.line;
  }
  return 0;
}

bool StackRun::LacksSourceLine(std::size_t step) const {
  if (step == 0 || m_program->source.empty()) return false;
  const int op = OpIndex(step);
  for (const Op& o : m_program->ops) {
    if (o.source == op) return o.line == 0 && o.code != OpCode::kGc;
  }
  return false;
}

}  // namespace gs::stack
