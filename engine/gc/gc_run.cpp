#include "engine/gc/gc_run.h"

namespace gs::gc {

std::vector<std::string> GcRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  for (const Event& e : m_timeline.Events(step)) out.push_back(EventLine(*m_program, e, lang));
  return out;
}

Narration GcRun::Narrate(std::size_t step) const {
  if (step == 0) {
    return {{"The initial heap: every object is white and no collection is running.",
             "初始堆：所有对象都是白色，没有进行垃圾回收。"},
            ""};
  }
  Narration n = NarrateEvents(*m_program, m_timeline.Events(step));
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + (n.text.en.empty() ? "" : "\n") + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + (n.text.zh.empty() ? "" : "\n") + n.text.zh;
  }
  return n;
}

Json GcRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  for (const Event& e : m_timeline.Events(step)) arr.push_back(EventLine(*m_program, e, Lang::kEn));
  return arr;
}

Json GcRun::StateSummary(std::size_t step) const {
  const State& s = m_timeline.StateRef(step);
  const Program& p = *m_program;
  Json j;
  j["phase"] = std::string(PhaseName(s.phase));
  j["barrier_on"] = BarrierEnabled(s.phase);
  Json white = Json::array(), grey = Json::array(), black = Json::array(), freed = Json::array();
  for (std::size_t i = 0; i < s.objects.size(); ++i) {
    const Object& o = s.objects[i];
    const std::string& id = p.objects[i].id;
    if (o.freed) {
      freed.push_back(id);
    } else if (o.live) {
      (o.color == Color::kWhite ? white : o.color == Color::kGrey ? grey : black).push_back(id);
    }
  }
  j["white"] = white;
  j["grey"] = grey;
  j["black"] = black;
  j["freed"] = freed;
  Json queue = Json::array();
  for (auto q : s.grey_queue) queue.push_back(p.objects[std::size_t(q)].id);
  j["queue"] = queue;
  j["strong_ok"] = s.strong_violations.empty();
  j["weak_ok"] = s.weak_violations.empty();
  return j;
}

bool GcRun::Notable(std::size_t step) const {
  for (const Event& e : m_timeline.Events(step)) {
    switch (e.kind) {
      case EventKind::kPhase:
      case EventKind::kDangling:
      case EventKind::kStrongViolation:
      case EventKind::kWeakViolation:
      case EventKind::kRescanStack:
      case EventKind::kWbFlush:
        return true;
      case EventKind::kShade:
        if (e.cause == ShadeCause::kInsertion || e.cause == ShadeCause::kDeletion) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

}  // namespace gs::gc
