// The IO view (kind "io"): per lane (one IO model) a swimlane per thread over simulated time —
// user space above, the kernel below; phase 1 (waiting for data) hatched, phase 2 (the copy to
// user space) solid, polling and EAGAIN in the warning colour — with the packets' arrivals on
// the time axis, the lane's kernel side (socket receive buffers, epoll's ready list, queued
// signals or completions) and its costs (latency to the first byte, syscalls, EAGAIN, fds
// scanned, bytes copied, threads). Several lanes step together on the same arrivals.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/views/topic_view.h"
#include "engine/io/io_run.h"

namespace gs::app {

class IoView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  // For tests: what the last frame drew.
  /// The rectangle of lane `lane`'s label (its name answers a quiz by pointing).
  bool LaneLabelRect(std::size_t lane, ImVec2* min, ImVec2* max) const;
  /// The rectangle of fd `fd`'s receive buffer in lane `lane` (false: not drawn).
  bool BufferRect(std::size_t lane, std::int32_t fd, ImVec2* min, ImVec2* max) const;
  /// Swimlane segments drawn, and how many of them were phase 1 / phase 2.
  std::size_t SegmentsDrawn() const { return m_segments_drawn; }
  std::size_t Phase1Drawn() const { return m_phase1; }
  std::size_t Phase2Drawn() const { return m_phase2; }
  /// Segments marked as this step's change.
  std::size_t ChangedMarks() const { return m_changed; }
  /// Whether a lane showed the FD_SETSIZE failure / a stalled (missed wake-up) badge.
  bool FdSetSizeShown() const { return m_fdsetsize_shown; }
  bool StalledShown() const { return m_stalled_shown; }

 private:
  struct Hit {
    ImVec2 min, max;
    int kind = 0;  ///< 0 lane label, 1 buffer, 2 segment
    std::size_t lane = 0;
    std::int32_t thread = -1;
    std::int32_t fd = -1;
    const io::Segment* seg = nullptr;
  };
  struct Geometry {
    float u = 20, line = 2;
    float x_label0 = 0, x_tl0 = 0, x_tl1 = 0, x_kernel0 = 0, x_counters0 = 0, x_end = 0;
    bool kernel = false;   ///< the kernel side is drawn
    bool stacked = false;  ///< the kernel side above the costs, in one column (tall lanes)
    std::int64_t t0 = 0, t1 = 1;
    float X(std::int64_t t) const {
      return x_tl0 + (x_tl1 - x_tl0) * float(double(t - t0) / double(t1 - t0));
    }
  };

  void UpdateState(std::size_t step);
  float LaneHeight(std::size_t lane, float u) const;
  void DrawHeader(const ViewContext& ctx, const Geometry& g, float y);
  void DrawAxis(const ViewContext& ctx, const Geometry& g, float y, float bottom);
  void DrawLane(const ViewContext& ctx, const Geometry& g, std::size_t lane, float y0, float y1);
  void DrawThread(const ViewContext& ctx, const Geometry& g, std::size_t lane, std::size_t t,
                  float y0, float y1);
  void DrawKernel(const ViewContext& ctx, const Geometry& g, std::size_t lane, float y0, float y1);
  void DrawCounters(const ViewContext& ctx, const Geometry& g, std::size_t lane, float y0,
                    float y1);
  void Tooltip(const ViewContext& ctx, const Hit& h) const;

  std::shared_ptr<const io::IoRun> m_run;
  io::State m_state, m_prev;
  bool m_has_prev = false;
  std::size_t m_state_step = SIZE_MAX;
  std::int64_t m_now = 0;
  std::size_t m_step = 0;
  // Per frame (capacity kept).
  std::vector<Hit> m_hits;
  std::size_t m_segments_drawn = 0, m_phase1 = 0, m_phase2 = 0, m_changed = 0;
  bool m_fdsetsize_shown = false, m_stalled_shown = false;
};

}  // namespace gs::app
