// The classic map view: hmap header with the load-factor and overflow gauges, the current
// key's hash split into tophash / low-B bits, oldbuckets above during a grow (nevacuate
// progress, X/Y move arrows), and the bucket grid with 8 slots per bucket and overflow chains
// hanging below. Cards grow with the panel; when they no longer fit at the UI font size the
// slots turn into one strip per bucket, then the buckets fold into compact cells, then
// summary cells. What the step changed is outlined,
// what it removed stays one step as a ghost.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "app/views/swiss_view.h"
#include "app/views/topic_view.h"
#include "app/views/whatif_box.h"
#include "engine/maps/maps_run.h"

namespace gs::app {

class MapsView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;
  bool SetOption(std::string_view key, std::string_view value) override;
  /// The Swiss-table view drawing the current run, or null for a classic map.
  const SwissView* Swiss() const { return m_swiss.get(); }
  /// The what-if box under the picture (the Swiss view's when it draws this scenario).
  WhatIfBox& WhatIf() { return m_swiss ? m_swiss->WhatIf() : m_whatif; }
  /// Where bucket `index` (its `depth`-th overflow; slot -1: the card's header) was last
  /// drawn, in screen coordinates; false when it is not on screen. Tests click it.
  bool CardRect(std::uint64_t index, int depth, int slot, bool old, ImVec2* min, ImVec2* max) const;

  /// How the last Draw showed the bucket array (for tests).
  /// kFull: a card per bucket, slots top to bottom; kRow: slots left to right in one strip
  /// (when full cards are too tall, e.g. at presenter fonts); then compact and summary cells.
  enum class Detail { kFull, kRow, kCompact, kSummary };
  Detail LastDetail() const { return m_last_detail; }
  /// Buckets per summary cell in the last Draw (1 unless folded).
  std::size_t LastFold() const { return m_last_fold; }
  /// What the last Draw marked as changed by the step (for tests).
  struct Marks {
    int changed_slots = 0;   ///< slots written or re-marked this step (change outline)
    int ghost_slots = 0;     ///< entries removed this step, drawn faded
    int new_overflow = 0;    ///< overflow buckets allocated this step (change outline)
    int move_arrows = 0;     ///< evacuation arrows old → X / Y
    int changed_fields = 0;  ///< hmap header fields that changed
  };
  const Marks& LastMarks() const { return m_marks; }

  /// Where an array of buckets was drawn: cell i sits at first + (i % cols, i / cols) * pitch.
  struct Grid {
    Detail detail = Detail::kFull;
    std::size_t fold = 1, cells = 0, cols = 1;
    float cw = 0, ch = 0, px = 0, py = 0;
    int chain_rows = 0;
    float ts = 0;      ///< slot text size (full cards)
    float head = 0;    ///< card header height
    float row = 0;     ///< slot row height
    int columns = 3;   ///< 3: tophash | key | elem, 2: tophash | key, 1: no empty-slot names
    float top_w = 0;   ///< tophash column width
    float key_w = 0;   ///< key column width
    float name_w = 0;  ///< kRow: the bucket-name column left of the slots
    float slot_w = 0;  ///< kRow: one slot's cell
    float height = 0;  ///< total height the grid needs
    ImVec2 first{0, 0};
    ImVec2 CellPos(std::size_t i) const {
      return {first.x + float(i % cols) * px, first.y + float(i / cols) * py};
    }
  };

 private:
  struct Focus {
    bool has_key = false;
    std::int64_t key = 0;
    std::uint64_t hash = 0;
    std::int32_t bucket = -1;  ///< new-array bucket of interest (-1: none)
    int depth = -1;
    int slot = -1;
    bool old = false;
    std::vector<std::int32_t> evac_old;  ///< old buckets evacuated this step
    bool same_size = false;
    bool made = false;  ///< makemap ran this step: nothing to compare with
  };
  struct Pic;  // per-frame sizes and colours (maps_view.cpp)

  void UpdateState(std::size_t step);
  Focus FocusOf(std::size_t step) const;
  const maps::Bucket* PrevBucket(std::int32_t arena) const;
  float DrawHeader(const ViewContext& ctx, const Pic& pic, ImVec2 o, float w, const Focus& f);
  Grid Layout(const ViewContext& ctx, const Pic& pic, std::uint64_t n, std::int32_t base, float w,
              float h, bool old) const;
  void DrawArray(const ViewContext& ctx, const Pic& pic, ImVec2 a, ImVec2 b, std::int32_t base,
                 bool old, const Focus& f, const Grid& g);
  void FinishCard(const Pic& pic, ImVec2 a, ImVec2 z, std::int32_t b, int depth, bool focus_here,
                  bool evac);
  void DrawBucketFull(const ViewContext& ctx, const Pic& pic, ImVec2 p, const Grid& g,
                      std::int32_t bucket, std::uint64_t index, bool old, const Focus& f,
                      ImVec2 clip_a, ImVec2 clip_b);
  void DrawBucketRow(const ViewContext& ctx, const Pic& pic, ImVec2 p, const Grid& g,
                     std::int32_t bucket, std::uint64_t index, bool old, const Focus& f,
                     ImVec2 clip_a, ImVec2 clip_b);
  void DrawEvacuation(const ViewContext& ctx, const Pic& pic, const Focus& f, const Grid& og,
                      const Grid& ng, ImVec2 clip_a, ImVec2 clip_b);
  void HandleInput(const ViewContext& ctx);
  /// The what-if bar: insert, delete or look up a typed key at the current step (recorded
  /// as a branch of the run; the scenario file is not changed).
  void DrawWhatIf(const ViewContext& ctx);

  /// A bucket card or one slot row drawn this frame, for answering a quiz by pointing.
  struct CardHit {
    ImVec2 min, max;
    std::uint64_t index = 0;  ///< bucket index in its array
    int depth = 0;            ///< 0: the bucket, n: its n-th overflow bucket
    int slot = -1;            ///< -1: the card's header, else the slot row
    bool old = false;         ///< in oldbuckets
    bool has_key = false;     ///< the slot holds an entry
    std::int64_t key = 0;
  };
  /// The quiz labels a click on `h` can mean, most specific first (key, slot, bucket).
  std::vector<std::string> PickLabels(const CardHit& h) const;
  void HandlePick(const ViewContext& ctx) const;

  std::vector<CardHit> m_hits;  ///< cleared each frame; capacity kept
  /// A maps scenario whose go_version (or config.model) picks Swiss tables is drawn by this.
  std::unique_ptr<SwissView> m_swiss;
  std::shared_ptr<const maps::MapsRun> m_run;
  maps::State m_state;
  std::size_t m_state_step = SIZE_MAX;
  maps::State m_prev;  ///< the state before m_state_step (what the step changed)
  bool m_has_prev = false;
  bool m_compare = false;  ///< this frame compares with m_prev
  float m_zoom = 1.0f;
  ImVec2 m_pan{0, 0};
  Detail m_last_detail = Detail::kFull;
  std::size_t m_last_fold = 1;
  Marks m_marks;
  std::int32_t m_evac_dest_x = -1, m_evac_dest_y = -1;  ///< this step's X / Y destinations
  WhatIfBox m_whatif;
};

}  // namespace gs::app
