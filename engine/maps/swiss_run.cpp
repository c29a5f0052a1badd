#include "engine/maps/swiss_run.h"

#include <algorithm>

#include "engine/maps/maps_run.h"

namespace gs::maps {
namespace {

OpCode CodeOf(const Program& p, int source) {
  auto it = std::lower_bound(p.ops.begin(), p.ops.end(), source,
                             [](const Op& o, int s) { return o.source < s; });
  return it != p.ops.end() && it->source == source ? it->code : OpCode::kInsert;
}

}  // namespace

std::vector<std::string> SwissRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  for (const SwissEvent& e : m_timeline.Events(step)) {
    out.push_back(SwissEventLine(*m_program, e, lang));
  }
  return out;
}

Narration SwissRun::Narrate(std::size_t step) const {
  if (step == 0) {
    return {{"The map variable is declared but nil: no Map exists until make.",
             "map 变量已声明但为 nil：在 make 之前还没有 Map。"},
            ""};
  }
  OpCode code = CodeOf(*m_program, OpIndex(step));
  bool ranged = code == OpCode::kInsertRange || code == OpCode::kDeleteRange;
  Narration n = NarrateSwiss(*m_program, m_timeline.Events(step), ranged);
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + (n.text.en.empty() ? "" : " ") + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + (n.text.zh.empty() ? "" : " ") + n.text.zh;
  }
  return n;
}

Json SwissRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  for (const SwissEvent& e : m_timeline.Events(step)) {
    arr.push_back(SwissEventLine(*m_program, e, Lang::kEn));
  }
  return arr;
}

Json SwissRun::StateSummary(std::size_t step) const {
  const SwissState& s = m_timeline.StateRef(step);
  const SwissMap& m = s.m;
  Json j;
  j["model"] = "swiss";
  j["nil"] = !m.made;
  j["used"] = m.used;
  j["small"] = m.small;
  j["global_depth"] = m.global_depth;
  j["dir_len"] = m.dir.size();
  j["seed"] = HexHash(m.seed);
  Json tables = Json::array();
  for (const Table& t : s.tables) {
    tables.push_back({{"capacity", t.capacity},
                      {"used", t.used},
                      {"growth_left", t.growth_left},
                      {"local_depth", t.local_depth},
                      {"index", t.index}});
  }
  j["tables"] = std::move(tables);
  j["bytes"] = SwissMapBytes(s);
  j["invariants_checked"] = s.inv.checked;
  j["used_ok"] = s.inv.used_ok;
  j["lookup_ok"] = s.inv.lookup_ok;
  j["growth_ok"] = s.inv.growth_ok;
  return j;
}

bool SwissRun::Notable(std::size_t step) const {
  for (const SwissEvent& e : m_timeline.Events(step)) {
    switch (e.kind) {
      case SwissEventKind::kMake:
      case SwissEventKind::kAllocSmall:
      case SwissEventKind::kToTable:
      case SwissEventKind::kGrow:
      case SwissEventKind::kSplit:
      case SwissEventKind::kClear:
      case SwissEventKind::kIterInit:
      case SwissEventKind::kViolation:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace gs::maps
