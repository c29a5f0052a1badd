// The tri-color view: roots, heap objects and pointers, the grey queue, the phase banner,
// invariants, barrier activity and the barrier-mode selector.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/views/gc_layout.h"
#include "app/views/topic_view.h"
#include "engine/gc/gc_run.h"
#include "engine/gc/outcome.h"

namespace gs::app {

class GcView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;
  bool SetOption(std::string_view key, std::string_view value) override;

  /// Compare mode: the same scenario under several barrier modes, side by side.
  void SetCompare(bool on, std::vector<gc::Barrier> modes);
  bool Comparing() const { return m_compare; }
  /// Compare columns whose scenario loaded (after a Draw in compare mode).
  std::size_t CompareColumnsLoaded() const {
    std::size_t n = 0;
    for (const auto& c : m_columns) n += c->m_run ? 1 : 0;
    return n;
  }

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
  static void BadgeNear(ImDrawList* dl, const Geometry& g, ImVec2 c, ImU32 bg, ImU32 fg,
                        const char* text);
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
  void DrawCompare(const ViewContext& ctx);
  void DrawSandbox(const ViewContext& ctx, const gc::GcRun& run, ImVec2 o, float width, float y);
  void HandleSelection(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  void LoadCompareRuns();

  std::shared_ptr<const gc::GcRun> m_run;
  GcLayout m_layout;
  gc::State m_cur, m_prev;
  std::size_t m_cur_step = SIZE_MAX, m_prev_step = SIZE_MAX;
  const gc::GcRun* m_state_run = nullptr;

  std::int32_t m_sel_obj = gc::kNil;  ///< sandbox selection
  std::int32_t m_sel_root = gc::kNil;
  int m_alloc_counter = 0;
  bool m_compare = false;
  std::vector<gc::Barrier> m_compare_modes{gc::Barrier::kNone, gc::Barrier::kGo};
  std::vector<std::unique_ptr<GcView>> m_columns;  ///< one view per compared mode
  std::vector<std::string> m_column_errors;
  std::vector<gc::RunOutcome> m_column_outcomes;
  std::vector<std::pair<std::int32_t, std::int32_t>> m_dangling_hops;  ///< scratch, per frame
  const gc::GcRun* m_columns_for = nullptr;  ///< the run the columns were loaded for
};

}  // namespace gs::app
