// The GMP scheduler view: Ps as columns (running G and its M, runnext, the runq ring folded
// when long, schedtick), the global queue, the M pool, sysmon, the poller, Gs in syscalls
// and parked, and a per-P timeline lane of which G ran when, following the scrubber. In the
// sandbox, a clicked G can be acted on (go, syscall, wake): the actions become script ops.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/views/topic_view.h"
#include "engine/sched/sched_run.h"

namespace gs::app {

class SchedView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;
  /// select=LABEL: the sandbox's selected goroutine (screenshots, tests).
  bool SetOption(std::string_view key, std::string_view value) override;

  /// The sandbox selection (goid; 0: none).
  std::int32_t Selected() const { return m_sel_goid; }
  void Select(std::int32_t goid) { m_sel_goid = goid; }
  /// Where the last frame drew G `goid` first (a chip or a lane bar), screen coordinates.
  bool ChipRect(std::int32_t goid, ImVec2* min, ImVec2* max) const;
  /// The sandbox buttons the last frame drew (false when it did not draw that one enabled).
  enum class SandboxButton { kGo, kSyscall, kWake };
  bool ButtonRect(SandboxButton b, ImVec2* min, ImVec2* max) const;

  /// Lane segments built for the run (for tests): per P, [t0, t1) with the goid that ran.
  struct Segment {
    std::int64_t t0 = 0, t1 = 0;
    std::int32_t goid = 0;
    std::uint32_t step0 = 0;  ///< the step it started at
  };
  const std::vector<std::vector<Segment>>& Lanes() const { return m_lanes; }

 private:
  struct Layout {
    float fs = 16;  ///< base font size
    ImVec2 cols_min, cols_max;
    ImVec2 side_min, side_max;
    ImVec2 lanes_min, lanes_max;
    ImVec2 sb_min, sb_max;  ///< the sandbox panel (below the side panel)
    float col_w = 100;
  };

  void UpdateState(std::size_t step);
  ImVec2 PColumnAnchor(const Layout& lay, std::int32_t p) const;
  void DrawHeader(const ViewContext& ctx, const Layout& lay);
  void DrawPs(const ViewContext& ctx, const Layout& lay);
  void DrawSide(const ViewContext& ctx, const Layout& lay);
  void DrawLanes(const ViewContext& ctx, const Layout& lay);
  void DrawMoves(const ViewContext& ctx, const Layout& lay);
  void DrawSandbox(const ViewContext& ctx, const Layout& lay);
  /// A G chip; hovering shows the G's details. Returns its width.
  float GChip(const ViewContext& ctx, ImVec2 pos, std::int32_t goid, ImU32 bg, ImU32 fg, float fs);
  ImU32 GColor(const Theme& th, std::int32_t goid) const;

  std::shared_ptr<const sched::SchedRun> m_run;
  sched::State m_state;
  std::size_t m_state_step = SIZE_MAX;
  std::vector<std::vector<Segment>> m_lanes;
  std::int64_t m_t_end = 1;
  std::int32_t m_hover_goid = 0;
  struct Hit {
    ImVec2 min, max;
    std::int32_t goid = 0;
  };
  std::vector<Hit> m_hits;  ///< chips and lane bars drawn this frame (capacity kept)
  Hit m_buttons[3];         ///< the sandbox buttons drawn this frame (goid: the selection)
  // Per step (rebuilt in UpdateState, capacity kept): Gs in a syscall, Gs parked on a
  // channel, in Wait or for a reason not modelled (sleepers and readers show as timers and
  // on the poller).
  std::vector<std::int32_t> m_in_syscall, m_parked;
  // Sandbox.
  std::int32_t m_sel_goid = 0;
  std::string m_sel_label;     ///< --view-option select=LABEL, resolved on SetRun
  int m_go_func = 0;           ///< index into the program's funcs
  std::string m_go_func_name;  ///< the func the user picked (kept across re-runs)
  std::string m_run_file;      ///< the file the selection belongs to
  int m_syscall_us = 200;
};

}  // namespace gs::app
