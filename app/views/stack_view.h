// The stack view: the goroutine stack as a memory column with addresses, frames as
// brackets, stale slots hatched, the heap to the right with escape reasons, stack growth
// old → new with the pointer fix-ups, and the Go source with the current line.
#pragma once

#include <memory>

#include "app/views/topic_view.h"
#include "engine/stack/stack_run.h"

namespace gs::app {

class StackView final : public TopicView {
 public:
  void SetRun(const std::shared_ptr<const Run>& run) override;
  void Draw(const ViewContext& ctx) override;

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

  std::shared_ptr<const stack::StackRun> m_run;
  stack::State m_state;
  std::size_t m_state_step = SIZE_MAX;
  std::vector<float> m_heap_y;  ///< per heap object: its box's top (scratch, reused)
};

}  // namespace gs::app
