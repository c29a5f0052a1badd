// The Swiss-table map view (Go 1.24+): a header saying which Go version the picture is true
// for, the current key's hash split into directory bits / H1 / H2, the directory with its
// globalDepth and each entry's table, a growthLeft gauge per table shown, and the table's
// groups as rows of 8 slots (control byte over key). Empty slots are dashed outlines,
// tombstones hatched boxes with ✕, full slots filled; the probe path of the current key is
// numbered hop by hop; a split shows the two new tables sliding apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/views/topic_view.h"
#include "app/views/whatif_box.h"
#include "engine/maps/swiss_run.h"

namespace gs::app {

class SwissView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  /// What the last Draw showed (for tests).
  struct Shown {
    int tables = 0;          ///< tables drawn
    int hops = 0;            ///< numbered probe hops drawn
    int tombstones = 0;      ///< tombstone slots drawn
    int changed = 0;         ///< slots outlined as changed by the step
    bool slot_text = false;  ///< control bytes were written in the slots
  };
  const Shown& LastShown() const { return m_shown; }
  /// The what-if box under the picture: insert / delete / look up a typed key.
  WhatIfBox& WhatIf() { return m_whatif; }

 private:
  struct Focus {
    bool has_key = false;
    std::int64_t key = 0;
    std::uint64_t hash = 0;
    std::int32_t dir_index = -1;
    std::int32_t table = -1;       ///< table of interest (-1: the small group)
    std::int32_t split_left = -1;  ///< a split this step: the old table's id, now its left half
    std::int32_t split_right = -1;
    std::int32_t changed_group = -1;
    int changed_slot = -1;
    bool ghost = false;  ///< the changed slot lost its key this step
    std::int64_t ghost_key = 0;
    std::vector<std::uint16_t> hops;  ///< groups probed, in order (last probe pass)
  };
  struct Hit {
    ImVec2 min, max;
    std::int32_t table = -1;
    int group = 0;
    int slot = -1;  ///< -1: the group's label
    bool has_key = false;
    std::int64_t key = 0;
  };

  /// Everything but the what-if box, stopping `reserve` px above the canvas bottom.
  void DrawPicture(const ViewContext& ctx, float reserve);
  void UpdateState(std::size_t step);
  void UpdateFocus(std::size_t step);
  float DrawHeader(const ViewContext& ctx, ImVec2 o, float w);
  float DrawDirectory(const ViewContext& ctx, ImVec2 o, float w);
  void DrawTable(const ViewContext& ctx, std::int32_t id, ImVec2 a, ImVec2 b);
  void HandlePick(const ViewContext& ctx) const;

  std::shared_ptr<const maps::SwissRun> m_run;
  maps::SwissState m_state;
  std::size_t m_state_step = SIZE_MAX;
  Focus m_focus;
  Shown m_shown;
  std::vector<Hit> m_hits;  ///< cleared each frame; capacity kept
  WhatIfBox m_whatif;
};

}  // namespace gs::app
