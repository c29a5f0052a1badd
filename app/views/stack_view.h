// The stack view: the goroutine stack as a memory column with addresses, frames as
// brackets, stale slots hatched, the heap to the right with escape reasons, stack growth
// old → new with the pointer fix-ups, and the Go source with the current line. In the sandbox,
// a panel records call / declare / return at the current step.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/views/topic_view.h"
#include "engine/stack/actions.h"
#include "engine/stack/limits.h"
#include "engine/stack/stack_run.h"

namespace gs::app {

class StackView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

  /// The sandbox panel's buttons as last drawn (screen coordinates); false when not drawn or
  /// disabled. Tests click them.
  enum class SandboxAction { kCall, kDeclare, kReturn };
  bool SandboxButton(SandboxAction a, ImVec2* center) const;

 private:
  struct Column {
    ImVec2 min, max;                    ///< the word boxes
    std::uint64_t top = 0, bottom = 0;  ///< addresses shown: [bottom, top)
    float row = 20;
  };
  const stack::State& StateAt(std::size_t step);
  void DrawSource(const ViewContext& ctx, ImVec2 o, ImVec2 size);
  Column PlaceColumn(const stack::Stack& st, std::uint64_t sp, ImVec2 o, ImVec2 size,
                     float font) const;
  bool RowOf(const Column& c, std::uint64_t addr, float* y) const;
  void DrawStack(const ViewContext& ctx, const stack::State& s, const stack::Stack& st,
                 const Column& c, bool old_copy, float font);
  void DrawFrames(const ViewContext& ctx, const stack::State& s, const Column& c, float font);
  void DrawHeap(const ViewContext& ctx, const stack::State& s, const Column& c, ImVec2 o,
                ImVec2 size, float font);
  void DrawMessages(const ViewContext& ctx, ImVec2 o, float width, float font);
  // The sandbox (record by demonstration).
  void UpdateSandbox(std::size_t step);
  void SelectCallee(std::size_t i);
  void DrawSandbox(const ViewContext& ctx, ImVec2 o, ImVec2 size, float note_y);
  void DrawCallRow(const ViewContext& ctx, float x, float y, float width, float button_w);
  void DrawDeclareRow(const ViewContext& ctx, float x, float y, float width, float button_w);
  void DrawReturnRow(const ViewContext& ctx, float x, float y, float width, float button_w);

  std::shared_ptr<const stack::StackRun> m_run;
  stack::State m_state;
  std::size_t m_state_step = SIZE_MAX;
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
