// The stack view: the goroutine stack as a memory column with addresses, frames as
// brackets, stale slots hatched, the heap to the right with escape reasons, stack growth
// old → new with the pointer fix-ups, and the Go source with the current line. In the sandbox,
// a panel records call / declare / return at the current step.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/views/topic_view.h"
#include "engine/stack/actions.h"
#include "engine/stack/limits.h"
#include "engine/stack/stack_run.h"

namespace gs::app {

/// The label of a band of never-written stack memory: "1,022 KiB unused" / "1,022 KiB 未使用"
/// (KiB rounded down from 1 KiB up, bytes below that).
void FoldLabel(char* buf, std::size_t n, std::uint64_t bytes, Lang lang);

class StackView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  /// The sandbox panel's buttons as last drawn (screen coordinates); false when not drawn or
  /// disabled. Tests click them.
  enum class SandboxAction { kCall, kDeclare, kReturn };
  bool SandboxButton(SandboxAction a, ImVec2* center) const;
  /// The picture's regions as last drawn, where a click answers a quiz by pointing; false
  /// when the region is not shown (no old stack, no heap column).
  enum class Region { kOldStack = 0, kStack = 1, kHeap = 2 };
  bool RegionRect(Region r, ImVec2* min, ImVec2* max) const;

 private:
  struct Column {
    ImVec2 min, max;                    ///< the word boxes
    std::uint64_t top = 0, bottom = 0;  ///< addresses shown: [bottom, top)
    float row = 20;
    /// Memory never written below the words shown, [lo, bottom), folded into one band
    /// under them (from max.y to band_y1); band_y1 == max.y when there is none.
    std::uint64_t fold_lo = 0;
    float band_y1 = 0;
    /// Frames above the words shown fold into one band from above_y0 to min.y (none when
    /// equal).
    float above_y0 = 0;
  };
  /// The picture's sizes for this frame: text, rows, lines, and the texts placed so far
  /// (no text is drawn over another or outside the panel; see Say).
  struct Layout {
    float u = 18;      ///< text size (never below the UI font)
    float lh = 22;     ///< a text line's height
    float row = 24;    ///< a stack word's row
    float pad = 10;    ///< margins
    float line = 2;    ///< stroke width
    float addr_w = 0;  ///< the address lane left of the word boxes
    bool short_addr = false;
    ImVec2 min, max;  ///< the picture's panel
    std::vector<ImVec4> placed;
  };
  const stack::State& StateAt(std::size_t step);
  const stack::State& PrevAt(std::size_t step);
  /// Draws `text` at `pos` unless it would leave the panel or cover a text already drawn.
  bool Say(const ViewContext& ctx, ImVec2 pos, ImU32 col, std::string_view text, float wrap = 0);
  bool Free(ImVec2 a, ImVec2 b) const;
  void DrawSource(const ViewContext& ctx, ImVec2 o, ImVec2 size);
  Column PlaceColumn(const stack::Stack& st, std::uint64_t sp, ImVec2 o, ImVec2 size) const;
  /// The old stack's column beside `c`: the same rows, by distance from hi (copystack keeps it).
  Column MirrorColumn(const stack::Stack& old, const stack::Stack& st, const Column& c, float x0,
                      float x1) const;
  bool RowOf(const Column& c, std::uint64_t addr, float* y) const;
  void DrawFold(const ViewContext& ctx, const stack::State& s, const Column& c);
  void DrawStack(const ViewContext& ctx, const stack::State& s, const stack::State* prev,
                 const Column& c);
  void DrawOldStack(const ViewContext& ctx, const stack::Stack& old, const stack::Stack& st,
                    const Column& oc, const Column& c, bool freed);
  void DrawFrames(const ViewContext& ctx, const stack::State& s, const stack::State* prev,
                  const Column& c, float width);
  void DrawHeap(const ViewContext& ctx, const stack::State& s, const stack::State* prev,
                const Column& c, ImVec2 o, ImVec2 size);
  void DrawMessages(const ViewContext& ctx, ImVec2 o, float width, int max_lines);
  int MessageLines(const ViewContext& ctx, float width) const;
  // The sandbox (record by demonstration).
  void UpdateSandbox(std::size_t step);
  void SelectCallee(std::size_t i);
  void DrawSandbox(const ViewContext& ctx, ImVec2 o, ImVec2 size, float note_y);
  void DrawCallRow(const ViewContext& ctx, float x, float y, float width, float button_w);
  void DrawDeclareRow(const ViewContext& ctx, float x, float y, float width, float button_w);
  void DrawReturnRow(const ViewContext& ctx, float x, float y, float width, float button_w);

  std::shared_ptr<const stack::StackRun> m_run;
  stack::State m_state, m_prev;
  std::size_t m_state_step = SIZE_MAX, m_prev_step = SIZE_MAX;
  /// LiveWords of m_state's stack, computed once per step (a 1 MiB stack has 131072 words).
  std::vector<std::uint8_t> m_live;
  std::size_t m_live_step = SIZE_MAX;
  Layout m_lay;
  ImVec4 m_region[3] = {};      ///< old stack, stack, heap: x0, y0, x1, y1 (see RegionRect)
  std::vector<float> m_heap_y;  ///< per heap object: its box's top (scratch, reused)

  // Sandbox: what can be recorded, from the state after the op the shown step belongs to
  // (rebuilt when that changes, not per frame), and the fields being edited.
  struct Sandbox {
    const stack::StackRun* run = nullptr;
    std::size_t from_step = SIZE_MAX;  ///< the state the new op starts from
    stack::State state;
    stack::Actions actions;
    std::vector<std::string> into;  ///< IntoChoices of the selected callee
    std::size_t callee = 0;         ///< index in actions.calls
    int into_sel = -1;              ///< index in `into`, -1 = result unused
    std::size_t local = 0;          ///< index in actions.undeclared
    char args[stack::limits::kMaxArgs][48] = {};
    char println_args[128] = {};
    char decl_value[48] = {};
    char ret_value[48] = {};
    ImVec2 button_min[3], button_max[3];
    bool button_live[3] = {false, false, false};
  };
  Sandbox m_sb;
};

}  // namespace gs::app
