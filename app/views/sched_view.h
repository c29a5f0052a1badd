// The GMP scheduler view: Ps as columns (running G and its M, runnext, the runq ring folded
// when long, schedtick), the global queue, the M pool, sysmon, the poller, and a per-P
// timeline lane of which G ran when, following the scrubber.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "app/views/topic_view.h"
#include "engine/sched/sched_run.h"

namespace gs::app {

class SchedView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  /// Lane segments built for the run (for tests): per P, [t0, t1) with the goid that ran.
  struct Segment {
    std::int64_t t0 = 0, t1 = 0;
    std::int32_t goid = 0;
    std::uint32_t step0 = 0;  ///< the step it started at
  };
  const std::vector<std::vector<Segment>>& Lanes() const { return m_lanes; }

 private:
  struct Layout {
    float fs = 16;  ///< base font size
    ImVec2 cols_min, cols_max;
    ImVec2 side_min, side_max;
    ImVec2 lanes_min, lanes_max;
    float col_w = 100;
  };

  void UpdateState(std::size_t step);
  ImVec2 PColumnAnchor(const Layout& lay, std::int32_t p) const;
  void DrawHeader(const ViewContext& ctx, const Layout& lay);
  void DrawPs(const ViewContext& ctx, const Layout& lay);
  void DrawSide(const ViewContext& ctx, const Layout& lay);
  void DrawLanes(const ViewContext& ctx, const Layout& lay);
  void DrawMoves(const ViewContext& ctx, const Layout& lay);
  /// A G chip; hovering shows the G's details. Returns its width.
  float GChip(const ViewContext& ctx, ImVec2 pos, std::int32_t goid, ImU32 bg, ImU32 fg, float fs);
  ImU32 GColor(const Theme& th, std::int32_t goid) const;

  std::shared_ptr<const sched::SchedRun> m_run;
  sched::State m_state;
  std::size_t m_state_step = SIZE_MAX;
  std::vector<std::vector<Segment>> m_lanes;
  std::int64_t m_t_end = 1;
  std::int32_t m_hover_goid = 0;
};

}  // namespace gs::app
