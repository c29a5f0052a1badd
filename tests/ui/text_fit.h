// Checks on the texts a view drew (Canvas text log): every text inside its panel, no two
// overlapping, none smaller than the UI font. Shared by the fit tests of every view.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app/views/canvas.h"

namespace gs::app::test {

/// Human-readable problems, empty when the texts fit. `slack` px of tolerance (anti-aliasing
/// and rounding of glyph boxes).
inline std::vector<std::string> TextFitProblems(const std::vector<TextItem>& texts, ImVec4 panel,
                                                float min_size, float slack = 1.0f) {
  std::vector<std::string> out;
  char buf[512];
  for (const TextItem& t : texts) {
    if (t.min.x < panel.x - slack || t.min.y < panel.y - slack || t.max.x > panel.z + slack ||
        t.max.y > panel.w + slack) {
      std::snprintf(buf, sizeof buf, "\"%s\" [%.0f,%.0f]-[%.0f,%.0f] leaves the panel [%.0f,%.0f]-[%.0f,%.0f]",
                    t.text.c_str(), t.min.x, t.min.y, t.max.x, t.max.y, panel.x, panel.y, panel.z,
                    panel.w);
      out.push_back(buf);
    }
    if (t.size + 0.5f < min_size) {
      std::snprintf(buf, sizeof buf, "\"%s\" is %.1f px, under the UI font's %.1f px",
                    t.text.c_str(), t.size, min_size);
      out.push_back(buf);
    }
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (std::size_t j = i + 1; j < texts.size(); ++j) {
      const TextItem& a = texts[i];
      const TextItem& b = texts[j];
      const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
      const float h = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
      if (w > 2.0f * slack && h > 2.0f * slack) {
        std::snprintf(buf, sizeof buf, "\"%s\" [%.0f,%.0f]-[%.0f,%.0f] overlaps \"%s\" [%.0f,%.0f]-[%.0f,%.0f]",
                      a.text.c_str(), a.min.x, a.min.y, a.max.x, a.max.y, b.text.c_str(), b.min.x,
                      b.min.y, b.max.x, b.max.y);
        out.push_back(buf);
      }
    }
  }
  return out;
}

}  // namespace gs::app::test
