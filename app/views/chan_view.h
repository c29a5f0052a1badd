// The channel view (kind "chan"): each channel as an hchan card (lock, closed, qcount/dataqsiz,
// the ring buffer's raw slots with sendx and recvx, recvq and sendq as chains of sudogs), the
// goroutines with their status and P0's runnext/runq beside it, a select's pollorder and
// lockorder, the program's output and, when it dies, the crash text. The step's change is
// marked: the slot written or read, a sudog that left (a ghost), and move arrows for a direct
// send (stack to stack) or a copy through the buffer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/views/topic_view.h"
#include "engine/sched/sched_run.h"

namespace gs::app {

class ChanView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  // For tests: what the last frame drew.
  /// The move arrows drawn, and whether one of them was a direct send (stack to stack).
  std::size_t MoveArrows() const { return m_arrows; }
  bool DrewDirectSend() const { return m_direct; }
  /// Where G `goid`'s chip was drawn in the goroutines panel.
  bool ChipRect(std::int32_t goid, ImVec2* min, ImVec2* max) const;
  /// Where slot `slot` of channel `ch` was drawn, and whether it was marked changed.
  bool SlotRect(int ch, int slot, ImVec2* min, ImVec2* max, bool* changed = nullptr) const;
  /// Whether channel `ch`'s card showed its closed flag.
  bool ClosedShown(int ch) const;
  /// Sudogs drawn as ghosts (left a queue this step).
  std::size_t GhostSudogs() const { return m_ghost_sudogs; }
  /// The sandbox's "go send" button as the last frame drew it (false: not drawn).
  bool SendButtonRect(ImVec2* min, ImVec2* max) const {
    if (!m_sb_send_drawn) return false;
    *min = m_sb_send_min;
    *max = m_sb_send_max;
    return true;
  }
  /// The select whose pollorder and lockorder the last frame showed (g = kNone: none).
  const sched::SelectRecord* ShownSelect() const { return m_select_drawn ? &m_select : nullptr; }
  /// Whether the crash box was drawn.
  bool CrashShown() const { return m_crash_shown; }

 private:
  struct Layout {
    float u = 18, title = 20, line = 2;
    ImVec2 chans_min, chans_max;  ///< the channel cards
    ImVec2 side_min, side_max;    ///< goroutines, Ps, select, output
  };
  struct Hit {
    ImVec2 min, max;
    std::int32_t goid = 0;
    int ch = -1;     ///< a sudog's channel (-1: a G chip)
    int queue = 0;   ///< 0 recvq, 1 sendq
    int index = -1;  ///< place in the queue (-1: a ghost)
  };
  struct SlotHit {
    ImVec2 min, max;
    int ch = 0, slot = 0;
    bool changed = false;
  };

  void UpdateState(std::size_t step);
  float CardHeight(int ch, float u) const;
  void DrawChan(const ViewContext& ctx, const Layout& lay, int ch, ImVec2 a, ImVec2 b);
  void DrawQueue(const ViewContext& ctx, const Layout& lay, int ch, int queue, float x0, float x1,
                 float y);
  void DrawSide(const ViewContext& ctx, const Layout& lay);
  void DrawMoves(const ViewContext& ctx, const Layout& lay);
  void DrawCrash(const ViewContext& ctx, const Layout& lay);
  /// Sandbox: a new goroutine sends on, receives from or closes the chosen channel here.
  void DrawSandbox(const ViewContext& ctx, const Layout& lay, ImVec2 a, ImVec2 b);
  void Tooltip(const ViewContext& ctx, const Hit& h) const;
  bool Rect(std::int32_t goid, int ch, int queue, bool ghost, ImVec2* a, ImVec2* b) const;

  std::shared_ptr<const sched::SchedRun> m_run;
  sched::State m_state, m_prev;
  bool m_has_prev = false;
  std::size_t m_state_step = SIZE_MAX;
  // Output: every println of the run with its step, built once in SetRun.
  struct Printed {
    std::size_t step = 0;
    std::string text;
  };
  std::vector<Printed> m_prints;
  std::size_t m_crash_step = SIZE_MAX;  ///< the step that panicked or found a deadlock
  bool m_crash_deadlock = false;
  std::vector<std::string> m_crash;  ///< CrashReport lines (at and after m_crash_step)
  // This step's select (parked or just started): its goroutine and orders.
  sched::SelectRecord m_select;
  bool m_select_shown = false;
  bool m_select_drawn = false;  ///< this frame drew the orders
  int m_won_case = -1;          ///< kSelectWake's case this step (-1: none)
  // Per frame (capacity kept).
  std::vector<Hit> m_hits;
  std::vector<SlotHit> m_slots;
  std::vector<int> m_closed_shown;
  std::size_t m_arrows = 0;
  bool m_direct = false;
  std::size_t m_ghost_sudogs = 0;
  bool m_crash_shown = false;
  std::string m_move_caption;  ///< what the step's move arrows mean, shown in the header
  std::string m_scratch;
  // Sandbox: the channel acted on and the value a send carries (kept across re-runs).
  int m_sb_chan = 0;
  int m_sb_int = 1;
  bool m_sb_bool = true;
  char m_sb_string[32] = "hi";
  bool m_sb_send_drawn = false;
  ImVec2 m_sb_send_min{0, 0}, m_sb_send_max{0, 0};
};

}  // namespace gs::app
