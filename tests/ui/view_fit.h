// The fit check every view's test runs: each built-in scenario of one kind, in the real App at
// classroom and desk sizes, in both languages. No text a view draws leaves the canvas panel or
// overlaps another, and none is smaller than the UI font (issue 11: readable from the back row).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "app/shell/keys.h"
#include "tests/support/builtin.h"
#include "tests/ui/headless.h"
#include "tests/ui/text_fit.h"

namespace gs::app::test {

/// Up to `n` steps spread evenly over the run, always including the first and the last.
inline std::vector<std::size_t> SampleSteps(std::size_t count, std::size_t n) {
  std::vector<std::size_t> out;
  if (count <= n) {
    for (std::size_t s = 0; s < count; ++s) out.push_back(s);
    return out;
  }
  for (std::size_t i = 0; i < n; ++i) out.push_back(i * (count - 1) / (n - 1));
  return out;
}

/// The window sizes a view must fit: a small laptop, the common projector, a desk, 1440p.
inline const std::vector<std::pair<int, int>>& FitSizes() {
  static const std::vector<std::pair<int, int>> sizes = {
      {1024, 768}, {1280, 720}, {1600, 900}, {2560, 1440}};
  return sizes;
}

/// Runs the fit check for every built-in scenario of `kind` at width × height.
/// `view_option` (key, value), when given, is set on the view as --view-option would, e.g.
/// {"compare", "none,dijkstra,yuasa,hybrid"} for the GC view's side-by-side columns.
/// `presenter`: in presenter mode (P), where the fonts are 1.6 times larger and the picture
/// fills the window above the narration strip.
inline void ExpectViewsFit(const std::string& kind, int width, int height,
                           const std::pair<std::string, std::string>& view_option = {},
                           bool presenter = false) {
  Headless h;
  ImGui::GetIO().DisplaySize = ImVec2(float(width), float(height));
  App app(GS_SCENARIO_DIR, "");
  if (!view_option.first.empty()) app.SetViewOption(view_option.first, view_option.second);
  app.SetInstant(true);
  app.SetRecordViewText(true);
  h.BuildFonts(app);
  if (presenter) {
    h.Press(app, keys::kP);
    h.BuildFonts(app);
    EXPECT_TRUE(app.Ui().presenter.on);
  }
  int checked = 0;
  float smallest = 1e9f, biggest = 0;  // text sizes the view drew, over every step checked
  for (const std::string& file : BuiltinScenarioFiles()) {
    if (file.find("/" + kind + "/") == std::string::npos) continue;
    ASSERT_TRUE(app.OpenScenario(file)) << file;
    for (Lang lang : {Lang::kEn, Lang::kZh}) {
      app.Ui().lang = lang;
      h.Frame(app);  // fonts for the new scenario's text
      for (std::size_t step : SampleSteps(app.Doc().GetRun()->StepCount(), 24)) {
        app.SetStep(step, false);
        h.Frame(app);
        const float min_size = ImGui::GetFontSize();
        for (const TextItem& t : app.ViewTexts()) {
          smallest = std::min(smallest, t.size);
          biggest = std::max(biggest, t.size);
        }
        const auto problems = TextFitProblems(app.ViewTexts(), app.CanvasRect(), min_size);
        ++checked;
        EXPECT_TRUE(problems.empty())
            << file << " step " << step << (lang == Lang::kZh ? " zh" : " en") << ": "
            << problems.size() << " problem(s), first: " << problems.front();
        if (!problems.empty()) break;  // one report per scenario and language is enough
      }
    }
  }
  EXPECT_GT(checked, 0) << "no scenario of kind " << kind;
  // The smallest and largest picture text at this size, for the record (ctest -V shows it).
  std::printf(
      "[ text size ] %s view%s%s%s at %dx%d: smallest %.1f px, largest %.1f px, UI font %.1f px\n",
      kind.c_str(), view_option.first.empty() ? "" : " ",
      view_option.second.empty() ? "" : (view_option.first + "=" + view_option.second).c_str(),
      presenter ? " (presenter)" : "", width, height, smallest, biggest, ImGui::GetFontSize());
  testing::Test::RecordProperty("smallest_text_px", std::to_string(smallest));
}

}  // namespace gs::app::test
