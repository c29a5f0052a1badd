#include "engine/gc/outcome.h"

#include <algorithm>

namespace gs::gc {

RunOutcome SummarizeOutcome(const GcRun& run) {
  RunOutcome o;
  const Program& p = run.Prog();
  const auto& tl = run.GetTimeline();
  // The barrier shade that first protected each object, for the "survives" line.
  std::int32_t saved_obj = kNil;
  std::size_t saved_step = 0;
  ShadeCause saved_cause = ShadeCause::kInsertion;
  bool rescued_by_rescan = false;
  for (std::size_t s = 1; s < tl.StepCount(); ++s) {
    for (const Event& e : tl.Events(s)) {
      if (e.kind == EventKind::kDangling) {
        if (!o.lost_object) o.first_loss_step = s;
        o.lost_object = true;
        o.lost.push_back(e.obj);
      } else if (e.kind == EventKind::kFree) {
        o.freed.push_back(e.obj);
      } else if (e.kind == EventKind::kWeakViolation && o.first_weak_violation_step == 0) {
        o.first_weak_violation_step = s;
      } else if (e.kind == EventKind::kShade && saved_obj == kNil &&
                 (e.cause == ShadeCause::kInsertion || e.cause == ShadeCause::kDeletion)) {
        saved_obj = e.obj;
        saved_step = s;
        saved_cause = e.cause;
      } else if (e.kind == EventKind::kShade && e.cause == ShadeCause::kRescan) {
        if (saved_obj == kNil) {
          saved_obj = e.obj;
          saved_step = s;
          rescued_by_rescan = true;
        }
      }
    }
  }
  o.stw_rescan_work = tl.StateAt(tl.StepCount() - 1).stw_rescan_work;
  if (o.lost_object) {
    std::string names;
    for (auto id : o.lost) names += (names.empty() ? "" : ", ") + p.ObjectName(id);
    o.line.en = names + " freed while reachable (step " + std::to_string(o.first_loss_step) + ")";
    o.line.zh = names + " 仍可达却被释放（第 " + std::to_string(o.first_loss_step) + " 步）";
  } else if (saved_obj != kNil) {
    const std::string& n = p.ObjectName(saved_obj);
    const std::string st = std::to_string(saved_step);
    if (rescued_by_rescan) {
      o.line.en = n + " survives, found by the STW stack rescan at step " + st;
      o.line.zh = n + " 存活：第 " + st + " 步 STW 重扫栈时找到";
    } else {
      bool del = saved_cause == ShadeCause::kDeletion;
      o.line.en = n + " survives, shaded at step " + st + " by the " +
                  (del ? "deletion half" : "insertion half");
      o.line.zh = n + " 存活：第 " + st + " 步被" + (del ? "删除屏障" : "插入屏障") + "标灰";
    }
  } else {
    o.line.en = o.freed.empty()
                    ? "nothing freed; no object lost"
                    : std::to_string(o.freed.size()) + " unreachable object(s) freed; none lost";
    o.line.zh = o.freed.empty()
                    ? "没有释放对象，也没有对象丢失"
                    : "释放了 " + std::to_string(o.freed.size()) + " 个不可达对象，没有对象丢失";
  }
  return o;
}

}  // namespace gs::gc
