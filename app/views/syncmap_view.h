// The sync.Map view (Go 1.9 to 1.23): a header with the Go version the picture is true for,
// m.mu (free, or taken by the goroutine of this step), misses against len(dirty) as a gauge
// and read.amended; the read map and the dirty map side by side, each key's *entry as a box
// (a value, nil, or expunged hatched) with a link where both maps share one entry; and one
// lane per goroutine with its calls so far: outlined = fast path, filled = took the lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "app/views/syncmap_trie_view.h"
#include "app/views/topic_view.h"
#include "app/views/whatif_box.h"
#include "engine/syncmap/syncmap_run.h"

namespace gs::app {

class SyncMapView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  /// What the last Draw showed (for tests).
  struct Shown {
    int read_rows = 0;
    int dirty_rows = 0;
    int changed = 0;  ///< entries outlined as changed by the step
    int chips = 0;    ///< calls drawn in the lanes
    bool locked = false;
  };
  const Shown& LastShown() const { return m_shown; }
  /// The what-if box under the picture: Load / Store / Delete from a chosen goroutine.
  WhatIfBox& WhatIf() { return m_trie ? m_trie->WhatIf() : m_whatif; }
  /// The Go 1.24+ trie view drawing the current run, or null for the read/dirty model.
  const SyncMapTrieView* Trie() const { return m_trie.get(); }

 private:
  /// One call of the script, as the lanes draw it (built once per run).
  struct Call {
    std::int32_t g = 0;
    syncmap::OpCode op = syncmap::OpCode::kLoad;
    std::int32_t key = -1;
    bool locked = false;
    bool promoted = false;
  };

  void UpdateState(std::size_t step);
  float DrawHeader(const ViewContext& ctx, ImVec2 o, float w);
  void DrawMap(const ViewContext& ctx, ImVec2 a, ImVec2 b, bool dirty);
  void DrawLanes(const ViewContext& ctx, ImVec2 a, ImVec2 b);

  std::shared_ptr<const syncmap::SyncMapRun> m_run;
  syncmap::SyncMapState m_state;
  std::size_t m_state_step = SIZE_MAX;
  std::vector<Call> m_calls;            ///< m_calls[i]: step i + 1
  std::vector<std::uint8_t> m_changed;  ///< per key: the step touched it
  bool m_promoted = false;              ///< the step promoted dirty to read
  bool m_copied = false;                ///< the step ran dirtyLocked
  Shown m_shown;
  /// A syncmap scenario whose go_version is 1.24+ (a TrieRun) is drawn by this.
  std::unique_ptr<SyncMapTrieView> m_trie;
  WhatIfBox m_whatif;
};

}  // namespace gs::app
