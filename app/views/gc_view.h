// The tri-color view: roots, heap objects and pointers, the grey queue, the phase banner,
// invariants, barrier activity and the barrier-mode selector.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/views/gc_layout.h"
#include "app/views/topic_view.h"
#include "engine/gc/gc_run.h"

namespace gs::app {

class GcView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  /// Draws one run into the rectangle [origin, origin + size] (used by compare columns too).
  void DrawRun(const ViewContext& ctx, const gc::GcRun& run, ImVec2 origin, ImVec2 size,
               bool show_side_panel);

 private:
  struct Geometry {
    ImVec2 graph_min, graph_max;
    float radius = 20;
    float font = 16;
  };

  static float RootFont(const Geometry& g);
  static float RootWidth(const Geometry& g, const std::string& id);
  void UpdateStates(const gc::GcRun& run, std::size_t step, std::size_t prev);
  ImVec2 ObjPos(const Geometry& g, std::size_t i) const;
  ImVec2 RootPos(const Geometry& g, std::size_t r) const;
  void DrawBanner(const ViewContext& ctx, const gc::GcRun& run, ImVec2 origin, float width,
                  float height);
  void DrawSidePanel(const ViewContext& ctx, const gc::GcRun& run, ImVec2 origin, ImVec2 size);
  void DrawEdges(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  void DrawRoots(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  void DrawObjects(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);

  std::shared_ptr<const gc::GcRun> m_run;
  GcLayout m_layout;
  gc::State m_cur, m_prev;
  std::size_t m_cur_step = SIZE_MAX, m_prev_step = SIZE_MAX;
  const gc::GcRun* m_state_run = nullptr;
};

}  // namespace gs::app
