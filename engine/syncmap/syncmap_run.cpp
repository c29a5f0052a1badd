#include "engine/syncmap/syncmap_run.h"

namespace gs::syncmap {

std::vector<std::string> SyncMapRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  for (const Event& e : m_timeline.Events(step)) out.push_back(EventLine(*m_program, e, lang));
  return out;
}

Narration SyncMapRun::Narrate(std::size_t step) const {
  if (step == 0) {
    return {{"var m sync.Map: its zero value is ready to use, with an empty read map, a nil "
             "dirty map and misses = 0. The goroutines' calls come in the order the scenario "
             "gives.",
             "var m sync.Map：零值即可使用，read 为空，dirty 为 nil，misses = 0。各 goroutine "
             "的调用按场景给定的顺序进行。"},
            ""};
  }
  Narration n = NarrateOp(*m_program, m_timeline.Events(step));
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + " " + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + n.text.zh;
  }
  return n;
}

Json SyncMapRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  for (const Event& e : m_timeline.Events(step)) arr.push_back(EventLine(*m_program, e, Lang::kEn));
  return arr;
}

Json SyncMapRun::StateSummary(std::size_t step) const {
  const SyncMapState& s = m_timeline.StateRef(step);
  auto entries = [&](const std::vector<std::int32_t>& m) {
    Json j = Json::object();
    for (std::size_t k = 0; k < m.size(); ++k) {
      if (m[k] == kAbsent) continue;
      const Entry& e = s.entries[std::size_t(m[k])];
      j[m_program->keys[k]] = e.p == EntryState::kValue ? Json(e.value)
                              : e.p == EntryState::kNil ? Json("nil")
                                                        : Json("expunged");
    }
    return j;
  };
  Json j;
  j["model"] = "syncmap-1.19";
  j["read"] = entries(s.read);
  j["amended"] = s.amended;
  j["dirty"] = s.dirty_nil ? Json(nullptr) : entries(s.dirty);
  j["misses"] = s.misses;
  return j;
}

bool SyncMapRun::Notable(std::size_t step) const {
  for (const Event& e : m_timeline.Events(step)) {
    if (e.kind == EventKind::kPromote || e.kind == EventKind::kExpunge ||
        e.kind == EventKind::kUnexpunge) {
      return true;
    }
  }
  return false;
}

}  // namespace gs::syncmap
