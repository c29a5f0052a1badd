// NarrationCache: the narration panel's text, rebuilt only when the step, run or language
// changes (no string building every frame).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/run.h"

namespace gs::app {

/// The narration of one step, computed once when the step (or run, or language) changes.
struct NarrationCache {
  const Run* run = nullptr;
  std::size_t step = SIZE_MAX;
  Lang lang = Lang::kEn;
  Narration narration;
  std::vector<std::string> lines;
  void Update(const Run& r, std::size_t s, Lang l) {
    if (&r == run && s == step && l == lang) return;
    run = &r;
    step = s;
    lang = l;
    narration = r.Narrate(s);
    lines = r.EventLines(s, l);
  }
};

}  // namespace gs::app
