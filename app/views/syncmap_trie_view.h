// The sync.Map view for Go 1.24+ (internal/sync.HashTrieMap): a header with the Go version,
// the lock this step took (or "lock-free") and the key's hash with the nibbles the walk used;
// the trie as one row per reachable indirect node, 16 slots labelled 0-F (the 4 hash bits of
// that level), entries as key=value cards with their collision chains, the locked node
// highlighted, the op's path outlined and what the step changed pulsing; and one lane per
// goroutine (outlined: no lock, filled: took a node's lock). SyncMapView hands a TrieRun here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "app/views/topic_view.h"
#include "app/views/whatif_box.h"
#include "engine/syncmap/syncmap_run.h"
#include "engine/syncmap/trie_run.h"

namespace gs::app {

class SyncMapTrieView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  /// What the last Draw showed (for tests).
  struct Shown {
    int nodes = 0;    ///< indirect nodes drawn (root included)
    int entries = 0;  ///< entry cards drawn, chain members included
    int path = 0;     ///< slots outlined as the op's walk
    int changed = 0;  ///< slots outlined as changed by the step
    int chips = 0;    ///< calls drawn in the lanes
    bool locked = false;
    std::int32_t locked_node = -1;  ///< the first node the step locked
  };
  const Shown& LastShown() const { return m_shown; }
  /// The what-if box under the picture: Load / Store / Delete from a chosen goroutine.
  WhatIfBox& WhatIf() { return m_whatif; }

 private:
  struct Call {
    std::int32_t g = 0;
    syncmap::OpCode op = syncmap::OpCode::kLoad;
    std::int32_t key = -1;
    bool locked = false;
  };
  struct Row {
    std::int32_t node = 0;
    std::int32_t depth = 0;
    bool dead = false;  ///< pruned by this step: drawn once more, marked dead
  };

  void UpdateState(std::size_t step);
  float DrawHeader(const ViewContext& ctx, ImVec2 o, float w);
  float DrawNode(const ViewContext& ctx, const Row& row, ImVec2 o, float w, float cell_w);
  void DrawLanes(const ViewContext& ctx, ImVec2 a, ImVec2 b);
  bool OnPath(std::int32_t node, int slot) const;
  bool Changed(std::int32_t node, int slot) const;

  std::shared_ptr<const syncmap::TrieRun> m_run;
  syncmap::TrieState m_state;
  std::size_t m_state_step = SIZE_MAX;
  std::vector<Call> m_calls;                    ///< m_calls[i]: step i + 1
  std::vector<Row> m_rows;                      ///< reachable indirect nodes, depth first
  std::vector<std::int64_t> m_path;             ///< node * 16 + slot the walk read
  std::vector<std::int64_t> m_changed;          ///< node * 16 + slot the step wrote
  std::vector<std::int32_t> m_changed_entries;  ///< entries made or yielded by the step
  std::vector<std::int32_t> m_locked;           ///< nodes the step locked, in order
  std::vector<float> m_slot_x;                  ///< per node: x of slot 0 (for connectors)
  std::vector<float> m_slot_y;                  ///< per node: bottom of its cells
  Shown m_shown;
  WhatIfBox m_whatif;
};

}  // namespace gs::app
