// The pacer view (kind "pacer"): the heap over time with the goal, the trigger and the memory
// limit as lines and every GC cycle as a band; beside it the pacer's numbers for this step
// (goal = heapMarked + (heapMarked + stacks + globals) × GOGC/100 with the values filled in,
// the trigger's bounds, assists); below it the gctrace lines of the finished cycles.
#pragma once

#include <memory>

#include "app/views/topic_view.h"
#include "engine/pacer/pacer_run.h"

namespace gs::app {

class PacerView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  // For tests: what the last frame drew.
  /// The plot's rectangle, and the y of the goal and trigger lines at the current step
  /// (NaN when not drawn).
  ImVec2 PlotMin() const { return m_plot_min; }
  ImVec2 PlotMax() const { return m_plot_max; }
  float GoalY() const { return m_goal_y; }
  float TriggerY() const { return m_trigger_y; }
  /// Cycle bands drawn (finished cycles up to the step, and one in progress).
  int Bands() const { return m_bands; }
  /// gctrace lines shown, and whether the newest was marked as this step's change.
  int TraceLines() const { return m_trace_lines; }
  bool TraceMarked() const { return m_trace_marked; }

 private:
  struct Frame {
    float u = 18;
    ImVec2 min, max;
  };
  /// Rows of the gctrace strip: two cycles (four rows), or one when the panel is short.
  static int TraceRows(const Frame& f) { return f.max.y - f.min.y < f.u * 24 ? 2 : 4; }
  float X(std::uint64_t tick) const;
  float Y(std::uint64_t bytes) const;
  void DrawPlot(const ViewContext& ctx, const Frame& f);
  void DrawSeries(Canvas& c, std::size_t end, int which, ImU32 col, float width);
  void DrawNumbers(const ViewContext& ctx, const Frame& f);
  void DrawTrace(const ViewContext& ctx, const Frame& f);

  std::shared_ptr<const pacer::PacerRun> m_run;
  std::uint64_t m_max_tick = 1;
  std::uint64_t m_max_bytes = 1;
  // The plot's mapping, set each frame.
  ImVec2 m_plot_min{0, 0}, m_plot_max{0, 0};
  float m_goal_y = 0, m_trigger_y = 0;
  int m_bands = 0;
  int m_trace_lines = 0;
  bool m_trace_marked = false;
};

}  // namespace gs::app
