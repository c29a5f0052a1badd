// A topic view draws one kind of scenario (gc, sched, maps, ...) from the engine's states
// and events. It owns no simulation rule: everything it shows comes from the Run.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <imgui.h>

#include "app/shell/theme.h"
#include "app/views/canvas.h"
#include "engine/core/run.h"

namespace gs::app {

/// What a view may ask the app to do (applied after the frame).
struct ViewRequests {
  /// Config overrides to re-run the scenario with, e.g. {"barrier", "none"}; "" removes one.
  std::vector<std::pair<std::string, std::string>> set_config;
  /// Record-by-demonstration: script ops the user performed in the sandbox, to be appended
  /// at the current step (the steps after it are replaced). An entry that is an array of ops
  /// is one action (one undo), e.g. a sched action followed by {"op": "run"}.
  std::vector<Json> record_ops;
  /// Predict-then-reveal: the label of the item the user clicked in the picture (an object
  /// id "C", a goroutine "g3" or its name, a bucket "b2", a map key, a stack variable "x"),
  /// as the scenario's quiz choices spell it. Set only when not in the sandbox. Most specific
  /// first: a click on a map slot names the key, the slot "b0[2]" and its bucket "b0", and
  /// the first of them that is one of the asked question's choices answers it.
  std::vector<std::string> picked;
};

struct ViewContext {
  const Run& run;
  std::size_t step = 0;       ///< the step being shown
  std::size_t prev_step = 0;  ///< the step the animation comes from
  float t = 1.0f;             ///< animation progress 0..1 from prev_step to step
  Lang lang = Lang::kEn;
  const Theme& theme;
  float scale = 1.0f;        ///< UI scale (font size / 18 px)
  ImDrawList* dl = nullptr;  ///< the canvas draw list
  ImVec2 origin{0, 0};       ///< canvas top-left, screen coordinates
  ImVec2 size{0, 0};         ///< canvas size
  mutable ViewRequests requests;
  bool sandbox = false;  ///< record-by-demonstration: direct actions become script ops
  /// What the picture is drawn with (the window's ImCanvas, or an SvgCanvas on export).
  /// Views draw through it, never through `dl` directly, so every picture can be exported.
  Canvas* canvas = nullptr;
  /// The UI font size in pixels: the smallest text a picture may use.
  float ui_font = 20.0f;
  /// Presenter mode / export: no sandbox widgets, the picture is all there is.
  bool presenter = false;
  /// Export: ImGui widgets (combo boxes, buttons, tooltips) must not be drawn, only the
  /// picture, because an SvgCanvas cannot show them.
  bool picture_only = false;

  /// The smallest line width a picture may use: 2 px at 1×, thicker when scaled.
  float Line() const { return 2.0f * (scale > 1.0f ? scale : 1.0f); }
};

class TopicView {
 public:
  virtual ~TopicView() = default;
  /// A new scenario (or a reload of the same one); layouts that depend on it are rebuilt.
  virtual void SetRun(const std::shared_ptr<const Run>& run) = 0;
  /// Draws the step into the canvas. May use ImGui widgets (it runs inside a child window
  /// that covers the canvas) for hover tooltips and small controls.
  virtual void Draw(const ViewContext& ctx) = 0;
  /// A view-specific option from the command line (--view-option KEY=VALUE), e.g.
  /// compare=none,go for the GC view. Returns false when the view does not know it.
  virtual bool SetOption(std::string_view key, std::string_view value) {
    (void)key;
    (void)value;
    return false;
  }
};

/// The view for a scenario kind, or null when the kind has no view yet.
std::unique_ptr<TopicView> MakeView(std::string_view kind);

}  // namespace gs::app
