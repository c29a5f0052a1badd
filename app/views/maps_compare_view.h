// The classic-vs-Swiss compare view (kind "maps" with config.compare): the same key sequence
// in a classic map (left) and a Swiss-table map (right), stepping together one key operation
// at a time. Each pane is the kind's own picture (MapsView / SwissView drawn into half the
// canvas, so the compare shows exactly what the single-model scenarios show); under them a
// counter table from the engine (bytes, this op's buckets walked / groups probed, max and
// average, growth events with the step they happened). What the step changed is outlined.
#pragma once

#include <cstddef>
#include <memory>

#include "app/views/maps_view.h"
#include "app/views/swiss_view.h"
#include "app/views/topic_view.h"
#include "engine/maps/compare_run.h"

namespace gs::app {

class MapsCompareView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  /// What the last Draw showed (for tests).
  struct Shown {
    int changed_cells = 0;  ///< counter cells outlined as changed by the step
    int growth_rows = 0;    ///< growth events listed
    bool panes = false;     ///< both map pictures were drawn
  };
  const Shown& LastShown() const { return m_shown; }

 private:
  float DrawTable(const ViewContext& ctx, ImVec2 a, ImVec2 b, float u);
  void DrawSummary(const ViewContext& ctx, maps::CompareSide s, std::size_t side_step, ImVec2 a,
                   ImVec2 b, float u);

  std::shared_ptr<const maps::MapsCompareRun> m_run;
  MapsView m_classic;
  SwissView m_swiss;
  Shown m_shown;
  char m_buf[192] = {};
};

/// The view for kind "maps": the compare view for a compare run, else the map view (which
/// itself picks the classic or Swiss picture).
class MapsKindView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;
  bool SetOption(std::string_view key, std::string_view value) override {
    return m_maps.SetOption(key, value);
  }
  const MapsView& Maps() const { return m_maps; }
  MapsView& Maps() { return m_maps; }
  const MapsCompareView* Compare() const { return m_compare ? &m_cmp : nullptr; }

 private:
  MapsView m_maps;
  MapsCompareView m_cmp;
  bool m_compare = false;
};

}  // namespace gs::app
