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
  /// Where the last frame drew G `goid` as a ghost: a G the step took from that slot.
  bool GhostRect(std::int32_t goid, ImVec2* min, ImVec2* max) const;
  /// The Gs the last frame marked as changed (put somewhere by the step), and the move
  /// arrows it drew.
  const std::vector<std::int32_t>& ChangedGs() const { return m_changed; }
  std::size_t MoveArrows() const { return m_arrows; }
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
  /// What a step did to a chip: nothing, put it there (changed), or took it away (a ghost
  /// drawn faded for one step in the slot it left).
  enum class Mark : std::uint8_t { kNone, kChanged, kGhost };
  struct Item {
    std::int32_t goid = 0;
    Mark mark = Mark::kNone;
  };
  struct Layout {
    float u = 18;      ///< picture text size (>= the UI font), every length is a multiple of it
    float title = 20;  ///< headings
    float line = 2;    ///< line width
    ImVec2 cols_min, cols_max;
    ImVec2 side_min, side_max;
    ImVec2 lanes_min, lanes_max;
    ImVec2 sb_min, sb_max;  ///< the sandbox panel (below the side panel)
    float col_w = 100;
  };
  /// Where a P column drew its parts this frame (the ends of move arrows).
  struct PSpots {
    ImVec2 run_min, run_max;    ///< the running G (or its empty slot)
    ImVec2 next_min, next_max;  ///< runnext
    ImVec2 runq_min, runq_max;  ///< the local runq
  };

  void UpdateState(std::size_t step);
  void DrawHeader(const ViewContext& ctx, const Layout& lay);
  void DrawPs(const ViewContext& ctx, const Layout& lay);
  void DrawSide(const ViewContext& ctx, const Layout& lay);
  void DrawLanes(const ViewContext& ctx, const Layout& lay);
  void DrawMoves(const ViewContext& ctx, const Layout& lay);
  void DrawSandbox(const ViewContext& ctx, const Layout& lay);
  /// A G chip, at most `max_w` wide; hovering shows the G's details. Returns its size.
  ImVec2 GChip(const ViewContext& ctx, ImVec2 pos, std::int32_t goid, ImU32 bg, ImU32 fg,
               float size, Mark mark = Mark::kNone, float max_w = 1e9f);
  /// Chips left to right from (x0, *y), wrapping at x1, never below y_max; folds the middle
  /// into a "+N" chip when they do not all fit. Advances *y past the last row.
  void Flow(const ViewContext& ctx, const Layout& lay, float x0, float x1, float* y, float y_max,
            const std::vector<Item>& items, ImU32 bg, ImU32 fg);
  /// m_items = the Gs of `prev` this step removed (ghosts, first: they left from the head),
  /// then those of `cur`, marked when the step added them.
  template <class Prev, class Cur>
  void BuildItems(std::size_t n_prev, Prev prev, std::size_t n_cur, Cur cur);
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
  // The step before (what the marks compare with); m_has_prev is false at step 0.
  sched::State m_prev;
  bool m_has_prev = false;
  std::vector<std::int32_t> m_prev_in_syscall, m_prev_parked;
  std::vector<std::uint8_t> m_in_cur;             ///< per goid, scratch for BuildItems
  std::vector<Item> m_items;                      ///< scratch list for one chip row (capacity kept)
  std::vector<Hit> m_ghosts;                      ///< ghosts drawn this frame
  std::vector<std::int32_t> m_changed;            ///< Gs marked changed this frame
  std::size_t m_arrows = 0;                       ///< move arrows drawn this frame
  std::vector<PSpots> m_spots;                    ///< per P, this frame
  ImVec2 m_global_min{0, 0}, m_global_max{0, 0};  ///< the global runq's box this frame
  // Sandbox.
  std::int32_t m_sel_goid = 0;
  std::string m_sel_label;     ///< --view-option select=LABEL, resolved on SetRun
  int m_go_func = 0;           ///< index into the program's funcs
  std::string m_go_func_name;  ///< the func the user picked (kept across re-runs)
  std::string m_run_file;      ///< the file the selection belongs to
  int m_syscall_us = 200;
};

}  // namespace gs::app
