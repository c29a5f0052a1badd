#include "engine/maps/maps_run.h"

#include <algorithm>

namespace gs::maps {
namespace {

OpCode CodeOf(const Program& p, int source) {
  auto it = std::lower_bound(p.ops.begin(), p.ops.end(), source,
                             [](const Op& o, int s) { return o.source < s; });
  return it != p.ops.end() && it->source == source ? it->code : OpCode::kInsert;
}

}  // namespace

std::vector<std::string> MapsRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  for (const Event& e : m_timeline.Events(step)) out.push_back(EventLine(*m_program, e, lang));
  return out;
}

Narration MapsRun::Narrate(std::size_t step) const {
  if (step == 0) {
    return {{"The map variable is declared but nil: no hmap exists until make.",
             "map 变量已声明但为 nil：在 make 之前还没有 hmap。"},
            ""};
  }
  Narration n =
      NarrateForOp(*m_program, m_timeline.Events(step), CodeOf(*m_program, OpIndex(step)));
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + (n.text.en.empty() ? "" : " ") + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + (n.text.zh.empty() ? "" : " ") + n.text.zh;
  }
  return n;
}

Json MapsRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  for (const Event& e : m_timeline.Events(step)) arr.push_back(EventLine(*m_program, e, Lang::kEn));
  return arr;
}

Json MapsRun::StateSummary(std::size_t step) const {
  const State& s = m_timeline.StateRef(step);
  const Hmap& h = s.h;
  Json j;
  j["nil"] = !h.made;
  j["count"] = h.count;
  j["B"] = h.B;
  j["flags"] = h.flags;
  j["noverflow"] = h.noverflow;
  j["hash0"] = HexHash(h.hash0);
  j["growing"] = Growing(h);
  j["same_size_grow"] = SameSizeGrow(h);
  j["nevacuate"] = h.nevacuate;
  j["invariants_checked"] = s.inv.checked;
  j["count_ok"] = s.inv.count_ok;
  j["lookup_ok"] = s.inv.lookup_ok;
  j["unique_ok"] = s.inv.unique_ok;
  return j;
}

bool MapsRun::Notable(std::size_t step) const {
  // In a range op a new overflow bucket is routine (hundreds per 10,000 keys): not marked.
  OpCode code = CodeOf(*m_program, OpIndex(step));
  bool ranged = code == OpCode::kInsertRange || code == OpCode::kDeleteRange;
  for (const Event& e : m_timeline.Events(step)) {
    switch (e.kind) {
      case EventKind::kNewOverflow:
        if (!ranged) return true;
        break;
      case EventKind::kGrowStart:
      case EventKind::kGrowDone:
      case EventKind::kMake:
      case EventKind::kClear:
      case EventKind::kViolation:
      case EventKind::kIterInit:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace gs::maps
