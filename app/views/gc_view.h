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
  enum class RootText { kFull, kTwoLines, kShort };
  struct Geometry {
    ImVec2 graph_min, graph_max;  ///< where node centres are laid out
    ImVec2 clip_min, clip_max;    ///< the whole graph area: every label stays inside
    float radius = 20;
    float font = 16;       ///< node labels
    float root_font = 16;  ///< root names: the node size, smaller when a name is long
    float root_x = 0;      ///< the roots' column centre, moved right when a name is wide
    /// Tall, narrow panels (compare columns) turn the layout: roots in a row at the top,
    /// depth growing downwards. root_x is then the roots' row centre (a y).
    bool vertical = false;
    /// Root names too wide for their cell are written on two lines, split after the kind
    /// ("global:" / "head"), or as the name alone ("head") with the kind as its caption.
    RootText root_text = RootText::kFull;
    float cap = 16;  ///< captions and badges: the UI font
    float line = 2;  ///< the thinnest stroke
  };
  /// A caption or badge beside a node or root, placed after every node so none overlaps.
  struct Caption {
    const char* text = "";
    const char* short_text = nullptr;  ///< tried when `text` finds no room
    ImVec2 centre;                     ///< the item it labels
    ImVec2 half;                       ///< the item's half extent
    ImU32 bg = 0, fg = 0;              ///< bg 0: plain text, else a pill
    int priority = 0;                  ///< 0 first (essential), higher ones may be dropped
  };

  ImVec2 RootHalf(const ViewContext& ctx, const Geometry& g, std::size_t r) const;
  /// How the graph is laid out in a panel: depth across or down, root names on one line or
  /// two, and whether the names and nodes then fit without overlapping.
  struct GraphShape {
    bool vertical = false;
    RootText root_text = RootText::kFull;
    bool fits = false;
    float closeness = 0;  ///< room / what the names and nodes need (>= 1 when it fits)
    float radius = 0;     ///< the node radius it allows
  };
  GraphShape ChooseShape(const Canvas& cv, const gc::Program& p, float uf, ImVec2 graph) const;
  /// A root's name as drawn: one line, or two split after the colon (second empty if none).
  static void RootLines(std::string_view name, RootText how, std::string_view* first,
                        std::string_view* second);
  void UpdateStates(const gc::GcRun& run, std::size_t step, std::size_t prev);
  ImVec2 ObjPos(const Geometry& g, std::size_t i) const;
  ImVec2 RootPos(const Geometry& g, std::size_t r) const;
  /// Lays out (and with `draw`, draws) the phase banner; returns its height.
  float DrawBanner(const ViewContext& ctx, const gc::GcRun& run, ImVec2 origin, float width,
                   bool draw);
  void DrawSidePanel(const ViewContext& ctx, const gc::GcRun& run, ImVec2 origin, ImVec2 size);
  void DrawEdges(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  void DrawBarrierLinks(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  void DrawRoots(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  void DrawObjects(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  /// Level of detail for big heaps (more than kDenseObjects): each object is one colour
  /// cell, no labels or pointers, culled to the canvas; what this step shaded or freed gets
  /// a ring. Keeps a 10,000-object heap to ~4 vertices an object.
  void DrawDense(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  static constexpr std::size_t kDenseObjects = 400;
  void PlaceCaptions(const ViewContext& ctx, const Geometry& g);
  bool TryPlace(const Geometry& g, ImVec2 pos, ImVec2 size, ImVec2* out) const;
  void HoverTooltip(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  void DrawCompare(const ViewContext& ctx);
  void DrawSandbox(const ViewContext& ctx, const gc::GcRun& run, ImVec2 o, float width, float y);
  void HandleSelection(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g);
  /// The texts the graph drew this frame and the nodes' boxes (what captions must avoid).
  std::vector<ImVec4> m_placed;
  std::vector<Caption> m_captions;
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
  /// A compare column: the banner uses the UI font and the short pill labels, so the
  /// picture keeps its height in a quarter of the panel.
  bool m_compact_banner = false;
  std::vector<gc::Barrier> m_compare_modes{gc::Barrier::kNone, gc::Barrier::kGo};
  std::vector<std::unique_ptr<GcView>> m_columns;  ///< one view per compared mode
  std::vector<std::string> m_column_errors;
  std::vector<gc::RunOutcome> m_column_outcomes;
  std::vector<std::pair<std::int32_t, std::int32_t>> m_dangling_hops;  ///< scratch, per frame
  const gc::GcRun* m_columns_for = nullptr;  ///< the run the columns were loaded for
};

}  // namespace gs::app
