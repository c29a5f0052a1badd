// The classic map view: hmap header with the load-factor and overflow gauges, the current
// key's hash split into tophash / low-B bits, oldbuckets above during a grow (nevacuate
// progress, X/Y arrows), and the bucket grid with 8 slots per bucket and overflow chains
// hanging below. Buckets too small to read fold into compact cells, then summary cells.
#pragma once

#include <cstddef>
#include <memory>

#include "app/views/topic_view.h"
#include "engine/maps/maps_run.h"

namespace gs::app {

class MapsView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;
  bool SetOption(std::string_view key, std::string_view value) override;

  /// How the last Draw showed the bucket array (for tests).
  enum class Detail { kFull, kCompact, kSummary };
  Detail LastDetail() const { return m_last_detail; }
  /// Buckets per summary cell in the last Draw (1 unless folded).
  std::size_t LastFold() const { return m_last_fold; }

  /// Where an array of buckets was drawn: cell i sits at first + (i % cols, i / cols) * pitch.
  struct Grid {
    Detail detail = Detail::kFull;
    std::size_t fold = 1, cells = 0, cols = 1;
    float cw = 0, ch = 0, px = 0, py = 0;
    int chain_rows = 0;
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
    std::int32_t evac_old = -1;  ///< old bucket evacuated this step
    bool same_size = false;
  };

  void UpdateState(std::size_t step);
  Focus FocusOf(std::size_t step) const;
  float DrawHeader(const ViewContext& ctx, ImVec2 o, float w, const Focus& f);
  Grid DrawArray(const ViewContext& ctx, ImVec2 a, ImVec2 b, std::int32_t base, std::uint64_t n,
                 bool old, const Focus& f);
  void DrawBucketFull(const ViewContext& ctx, ImVec2 p, float w, float row_h, std::int32_t bucket,
                      std::uint64_t index, bool old, const Focus& f, float max_y, int chain_rows);
  void HandleInput(const ViewContext& ctx);
  /// The what-if bar: insert, delete or look up a typed key at the current step (recorded
  /// as a branch of the run; the scenario file is not changed).
  void DrawWhatIf(const ViewContext& ctx);

  std::shared_ptr<const maps::MapsRun> m_run;
  maps::State m_state;
  std::size_t m_state_step = SIZE_MAX;
  float m_zoom = 1.0f;
  ImVec2 m_pan{0, 0};
  Detail m_last_detail = Detail::kFull;
  std::size_t m_last_fold = 1;
  char m_whatif_key[64] = {};
  bool m_whatif_not_int = false;  ///< the last what-if key was not an integer (int map)
};

}  // namespace gs::app
