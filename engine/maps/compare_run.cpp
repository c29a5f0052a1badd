// MapsCompareRun: runs the one script on both map models and pairs their steps.
//
// Why one compare step per key operation, not per model step: the classic model splits a
// single insert, delete or lookup into micro-steps (hash, one step per bucket of the chain,
// write), while the Swiss model does each key in one step. Pairing model steps would show one
// map halfway through a key against the other already done with it, and the counters would
// compare unequal amounts of work. Ending each compare step where both maps have finished the
// same key keeps the two pictures and the two rows of numbers about the same program point.
// Range ops are already one key per step on both sides; an iteration is one key op as a whole
// (the two maps yield in different orders, so no key-by-key pairing exists).
#include "engine/maps/compare_run.h"

#include <algorithm>
#include <utility>

#include "engine/core/hash.h"

namespace gs::maps {
namespace {

Envelope SideEnvelope(const Envelope& env) {
  // The compare owns the author's narration, notes and quiz; a side narrates only itself.
  Envelope e = env;
  e.says.clear();
  e.notes.clear();
  e.quiz.clear();
  return e;
}

/// Which key op a step belongs to, from the cursor before it: (op, key index of a range op).
template <class Cursor>
std::pair<std::int32_t, std::int64_t> UnitOf(const Program& p, const Cursor& cur) {
  if (cur.op < 0 || std::size_t(cur.op) >= p.ops.size()) return {cur.op, 0};
  OpCode c = p.ops[std::size_t(cur.op)].code;
  bool range = c == OpCode::kInsertRange || c == OpCode::kDeleteRange;
  return {cur.op, range ? cur.index : 0};
}

/// One side replayed: for each of its steps (1..n-1) the key op it belongs to.
struct SideSteps {
  std::vector<std::pair<std::int32_t, std::int64_t>> unit;  // [0] unused
};

template <class Model>
SideSteps Units(const Model& model, std::size_t steps) {
  SideSteps out;
  out.unit.resize(steps);
  typename Model::State s = model.Initial();
  std::vector<typename Model::Event> sink;
  for (std::size_t i = 1; i < steps; ++i) {
    out.unit[i] = UnitOf(model.Prog(), s.cur);
    sink.clear();
    model.Step(s, sink);
  }
  return out;
}

std::string Num(std::uint64_t v) {
  return std::to_string(v);
}

}  // namespace

std::uint64_t ClassicBucketBytes(KeyType k) {
  const std::uint64_t key = k == KeyType::kString ? 16 : 8;
  return kBucketCnt + kBucketCnt * key + kBucketCnt * 8 + 8;
}

std::uint64_t ClassicMapBytes(const Program& p, const State& s) {
  const Hmap& h = s.h;
  if (!h.made || h.buckets == kNilBucket) return 0;
  auto array = [&](std::int32_t first, std::uint64_t n) {
    std::uint64_t buckets = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
      for (std::int32_t b = first + std::int32_t(i); b != kNilBucket;
           b = s.arena[std::size_t(b)].overflow) {
        ++buckets;
      }
    }
    return buckets;
  };
  std::uint64_t buckets = array(h.buckets, BucketShift(h.B));
  if (Growing(h)) buckets += array(h.oldbuckets, NoldBuckets(h));
  return buckets * ClassicBucketBytes(p.key_type);
}

std::uint64_t SwissCompareBytes(const Program& p, const SwissState& s) {
  const std::uint64_t key = p.key_type == KeyType::kString ? 16 : 8;
  const std::uint64_t group = kGroupSlots + kGroupSlots * (key + 8);
  if (!s.m.made) return 0;
  if (s.m.small) return group;
  std::uint64_t bytes = 8 * s.m.dir.size();
  for (const Table& t : s.tables) bytes += group * t.groups.size();
  return bytes;
}

MapsCompareRun::MapsCompareRun(Envelope env, std::shared_ptr<const Program> program)
    : Run(env),
      m_classic(std::make_shared<MapsRun>(SideEnvelope(env), program)),
      m_swiss(std::make_shared<SwissRun>(SideEnvelope(env), program)) {}

StepResult MapsCompareRun::Build() {
  if (StepResult r = m_classic->Build(); r.kind == StepResult::Kind::kError) {
    r.message = "classic: " + r.message;
    return r;
  }
  if (StepResult r = m_swiss->Build(); r.kind == StepResult::Kind::kError) {
    r.message = "swiss: " + r.message;
    return r;
  }
  const MapsTimeline& ct = m_classic->GetTimeline();
  const SwissTimeline& st = m_swiss->GetTimeline();
  const std::size_t nc = ct.StepCount(), ns = st.StepCount();
  const SideSteps uc = Units(ct.GetModel(), nc), us = Units(st.GetModel(), ns);
  const Program& p = m_classic->Prog();

  Pair cur;
  cur.cc.bytes = ClassicMapBytes(p, ct.StateRef(0));
  cur.sc.bytes = SwissCompareBytes(p, st.StateRef(0));
  m_steps.push_back(cur);
  std::size_t c = 1, s = 1;  // the next step of each side
  while (c < nc || s < ns) {
    // The side whose next key op comes first moves through all of it; on a tie both do.
    bool move_c = c < nc, move_s = s < ns;
    if (move_c && move_s) {
      move_c = !(us.unit[s] < uc.unit[c]);
      move_s = !(uc.unit[c] < us.unit[s]);
    }
    Pair next = m_steps.back();
    const std::size_t step = m_steps.size();
    next.cc.probe = 0;
    next.sc.probe = 0;
    if (move_c) {
      const auto unit = uc.unit[c];
      // A range op records no kProbe events (the classic model keeps one step per key
      // small); there the chain length is where the key landed: its depth in the bucket's
      // overflow chain + 1, the buckets mapassign / mapdelete looked at to reach it (they
      // stop at the key or at an emptyRest slot, so for keys written into fresh slots this is
      // the whole walk).
      std::int64_t landed = 0;
      for (; c < nc && uc.unit[c] == unit; ++c) {
        for (const Event& e : ct.Events(c)) {
          if (e.kind == EventKind::kProbe) ++next.cc.probe;
          if (e.kind == EventKind::kInsert || e.kind == EventKind::kUpdate ||
              e.kind == EventKind::kDeleteSlot) {
            landed = std::max(landed, std::int64_t(e.depth & ~kOldArrayBit) + 1);
          }
          if (e.kind == EventKind::kGrowStart) {
            // hashGrow: bucket = the new B; a same-size grow keeps the bucket count.
            std::uint64_t to = BucketShift(std::uint8_t(e.bucket));
            m_growths.push_back({step, CompareSide::kClassic,
                                 e.slot == 1 ? "sameSizeGrow" : "hashGrow",
                                 e.slot == 1 ? to : to / 2, to});
          } else if (e.kind == EventKind::kGrowDone) {
            m_growths.push_back({step, CompareSide::kClassic, "growDone", std::uint64_t(e.a), 0});
          }
        }
      }
      if (next.cc.probe == 0) next.cc.probe = landed;
      next.c = c - 1;
      next.op = ct.OpIndex(next.c);
      next.cc.bytes = ClassicMapBytes(p, ct.StateRef(next.c));
      next.cc.len = ct.StateRef(next.c).h.count;
    }
    if (move_s) {
      const auto unit = us.unit[s];
      for (; s < ns && us.unit[s] == unit; ++s) {
        for (const SwissEvent& e : st.Events(s)) {
          switch (e.kind) {
            case SwissEventKind::kProbe:
              ++next.sc.probe;
              break;
            case SwissEventKind::kToTable:
              m_growths.push_back({step, CompareSide::kSwiss, "growToTable", kGroupSlots, 16});
              break;
            case SwissEventKind::kGrow:
              m_growths.push_back(
                  {step, CompareSide::kSwiss, "grow", std::uint64_t(e.a), std::uint64_t(e.b)});
              break;
            case SwissEventKind::kSplit:
              m_growths.push_back({step, CompareSide::kSwiss, "split", 1, 2});
              break;
            case SwissEventKind::kDirGrow:
              m_growths.push_back({step, CompareSide::kSwiss, "dirGrow", std::uint64_t(e.a) / 2,
                                   std::uint64_t(e.a)});
              break;
            default:
              break;
          }
        }
      }
      next.s = s - 1;
      next.op = std::max(next.op, st.OpIndex(next.s));
      next.sc.bytes = SwissCompareBytes(p, st.StateRef(next.s));
      next.sc.len = std::int64_t(st.StateRef(next.s).m.used);
    }
    for (CompareCounters* k : {&next.cc, &next.sc}) {
      if (k->probe > 0) {
        k->probe_max = std::max(k->probe_max, k->probe);
        k->probe_sum += k->probe;
        ++k->probe_ops;
      }
    }
    for (const CompareGrowth& g : m_growths) {
      if (g.step != step) continue;
      CompareCounters& k = g.side == CompareSide::kClassic ? next.cc : next.sc;
      ++k.growths;
      k.last_growth = std::int64_t(step);
    }
    m_steps.push_back(next);
  }
  return StepResult::Done();
}

std::uint64_t MapsCompareRun::Hash(std::size_t step) const {
  Hasher h;
  h.Add(m_classic->Hash(m_steps[step].c));
  h.Add(m_swiss->Hash(m_steps[step].s));
  h.Add(m_steps[step].c);
  h.Add(m_steps[step].s);
  return h.Value();
}

std::vector<std::string> MapsCompareRun::EventLines(std::size_t step, Lang lang) const {
  std::vector<std::string> out;
  if (step == 0) return out;
  const std::string cl = lang == Lang::kZh ? "经典: " : "classic: ";
  const std::string sw = lang == Lang::kZh ? "Swiss: " : "swiss: ";
  for (std::size_t i = m_steps[step - 1].c + 1; i <= m_steps[step].c; ++i) {
    for (const std::string& l : m_classic->EventLines(i, lang)) out.push_back(cl + l);
  }
  for (std::size_t i = m_steps[step - 1].s + 1; i <= m_steps[step].s; ++i) {
    for (const std::string& l : m_swiss->EventLines(i, lang)) out.push_back(sw + l);
  }
  return out;
}

Json MapsCompareRun::EventsJson(std::size_t step) const {
  Json arr = Json::array();
  for (const std::string& l : EventLines(step, Lang::kEn)) arr.push_back(l);
  return arr;
}

Narration MapsCompareRun::Narrate(std::size_t step) const {
  if (step == 0) {
    return {{"Two nil maps: the same script will run on a classic map (Go 1.23 and before) and "
             "on a Swiss-table map (Go 1.24 and later).",
             "两个 nil map：同一段脚本将分别运行在经典 map（Go 1.23 及以前）和 Swiss 表 map（Go "
             "1.24 及以后）上。"},
            ""};
  }
  const CompareCounters& c = m_steps[step].cc;
  const CompareCounters& s = m_steps[step].sc;
  std::string en = "Classic: " + Num(std::uint64_t(c.probe)) + " bucket(s) walked, " +
                   Num(c.bytes) + " bytes. Swiss: " + Num(std::uint64_t(s.probe)) +
                   " group(s) probed, " + Num(s.bytes) + " bytes.";
  std::string zh = "经典：遍历 " + Num(std::uint64_t(c.probe)) + " 个桶，" + Num(c.bytes) +
                   " 字节。Swiss：探测 " + Num(std::uint64_t(s.probe)) + " 个组，" + Num(s.bytes) +
                   " 字节。";
  for (const CompareGrowth& g : m_growths) {
    if (g.step != step) continue;
    bool classic = g.side == CompareSide::kClassic;
    if (g.what == "growDone") {
      en += " Classic: growDone, the old buckets are all evacuated and freed.";
      zh += " 经典：growDone，旧桶已全部疏散并释放。";
    } else if (g.what == "split") {
      en += " Swiss: a full 1024-slot table splits in two.";
      zh += " Swiss：满的 1024 槽表一分为二。";
    } else {
      const char* unit_en = classic ? " buckets" : (g.what == "dirGrow" ? " entries" : " slots");
      const char* unit_zh = classic ? " 个桶" : (g.what == "dirGrow" ? " 项" : " 个槽");
      en += std::string(classic ? " Classic: " : " Swiss: ") + g.what + " " + Num(g.from) + " → " +
            Num(g.to) + unit_en + ".";
      zh += std::string(classic ? " 经典：" : " Swiss：") + g.what + " " + Num(g.from) + " → " +
            Num(g.to) + unit_zh + "。";
    }
  }
  Narration n{{en, zh}, m_classic->Narrate(m_steps[step].c).func};
  const std::string sf = m_swiss->Narrate(m_steps[step].s).func;
  if (!sf.empty() && sf != n.func) n.func = n.func.empty() ? sf : n.func + " / " + sf;
  if (const LocalizedText* say = AuthorSay(step)) {
    n.text.en = say->Get(Lang::kEn) + " " + n.text.en;
    n.text.zh = say->Get(Lang::kZh) + " " + n.text.zh;
  }
  return n;
}

Json MapsCompareRun::StateSummary(std::size_t step) const {
  Json j;
  for (CompareSide side : {CompareSide::kClassic, CompareSide::kSwiss}) {
    const CompareCounters& c = Counters(side, step);
    bool classic = side == CompareSide::kClassic;
    Json s =
        classic ? m_classic->StateSummary(m_steps[step].c) : m_swiss->StateSummary(m_steps[step].s);
    s["counters"] = {{"bytes", c.bytes},
                     {"len", c.len},
                     {"probe", c.probe},
                     {"probe_max", c.probe_max},
                     {"probe_avg_tenths", c.ProbeAvgTenths()},
                     {"growths", c.growths},
                     {"last_growth", c.last_growth}};
    j[classic ? "classic" : "swiss"] = std::move(s);
  }
  return j;
}

bool MapsCompareRun::Notable(std::size_t step) const {
  return std::any_of(m_growths.begin(), m_growths.end(),
                     [&](const CompareGrowth& g) { return g.step == step; });
}

}  // namespace gs::maps
