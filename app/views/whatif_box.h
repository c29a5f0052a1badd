// The what-if box under a map picture: type a key (and a value, and pick a goroutine for
// sync.Map), press an operation, and the op is recorded as a branch of the run at the step
// shown (ViewRequests::record_ops); the scenario file is not changed. Shared by the classic
// maps view, the Swiss-table view and both sync.Map views, so they behave alike.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/shell/strings.h"
#include "app/views/topic_view.h"

namespace gs::app {

/// One button of the box: the script op it records and its label.
struct WhatIfOp {
  const char* op = "";
  Str label = Str::kWhatIfInsert;
  bool needs_value = false;  ///< the op carries "value" (sync.Map Store)
};

class WhatIfBox {
 public:
  /// Why the last press recorded nothing (shown next to the buttons until the text changes).
  enum class Refusal { kNone, kKeyNotInt, kValueNotInt, kKeyTooLong };

  struct Spec {
    const WhatIfOp* ops = nullptr;
    int op_count = 0;
    bool int_keys = true;           ///< the key must parse as an integer
    std::size_t max_key_bytes = 0;  ///< string keys: the topic's limit (0: none)
    bool value = false;             ///< show the value field (for ops with needs_value)
    /// Non-empty: a combo of the scenario's goroutines; the op records the chosen one as "g".
    const std::vector<std::string>* goroutines = nullptr;
  };

  /// The height the box takes at the bottom of the canvas: the picture stops above it.
  static float Height() { return ImGui::GetFrameHeight() * 1.5f; }

  /// Draws the box along the bottom of the canvas; a press appends one op to ctx.requests.
  void Draw(const ViewContext& ctx, const Spec& spec);

  // For tests: what a user would type or pick, and where the buttons were drawn.
  void SetKey(std::string_view text);
  void SetValue(std::string_view text);
  void SetGoroutine(int index) { m_goroutine = index; }
  bool ButtonRect(int i, ImVec2* min, ImVec2* max) const;
  Refusal Refused() const { return m_refusal; }

 private:
  static constexpr int kMaxButtons = 4;
  char m_key[64] = {};
  char m_value[24] = {};
  int m_goroutine = 0;
  Refusal m_refusal = Refusal::kNone;
  ImVec2 m_btn_min[kMaxButtons] = {}, m_btn_max[kMaxButtons] = {};
  int m_drawn = 0;
};

}  // namespace gs::app

namespace gs::app {

/// The buttons of a map's box (classic and Swiss): the script ops mapassign, mapdelete and
/// mapaccess stand for.
inline constexpr WhatIfOp kMapWhatIfOps[3] = {
    {"insert", Str::kWhatIfInsert, false},
    {"delete", Str::kWhatIfDelete, false},
    {"lookup", Str::kWhatIfLookUp, false},
};

/// The buttons of a sync.Map's box: (*Map).Load, Store and Delete from one goroutine.
inline constexpr WhatIfOp kSyncMapWhatIfOps[3] = {
    {"load", Str::kWhatIfLoad, false},
    {"store", Str::kWhatIfStore, true},
    {"delete", Str::kWhatIfDelete, false},
};

}  // namespace gs::app
