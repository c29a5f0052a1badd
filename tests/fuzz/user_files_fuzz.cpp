// libFuzzer target: the files the app reads back at start that a crash, a disk error or a
// person may have left in any state — the settings file and the crash-recovery file. Any
// bytes must give either the defaults / no recovery or values in range, never a crash, an
// exception or undefined behaviour (built with clang, address and undefined sanitizers).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "app/shell/config_store.h"
#include "app/shell/recovery.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  gs::app::UiState s;
  if (gs::app::ParseUiState(text, &s)) {
    // What the app relies on after a load: clamped numbers, bounded lists.
    if (!(s.font_scale >= 0.6f && s.font_scale <= 3.0f)) std::abort();
    if (!(s.speed >= 0.25f && s.speed <= 8.0f)) std::abort();
    if (s.recent.size() > gs::app::UiState::kMaxRecent) std::abort();
    if (s.quiz_scores.size() > 4096) std::abort();
    if (s.window.w < 0 || s.window.h < 0 || s.window.w > 16384 || s.window.h > 16384) std::abort();
  }
  (void)gs::app::ParseRecovery(text);
  return 0;
}
