// Every built-in scenario in the real App at classroom and desk sizes: no text a view draws
// leaves the canvas panel or overlaps another, and none is smaller than the UI font.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/builtin.h"
#include "tests/ui/headless.h"
#include "tests/ui/pending/text_fit.h"

namespace gs::app::test {
namespace {

struct FitCase {
  std::string kind;
  int width, height;
};

std::string CaseName(const testing::TestParamInfo<FitCase>& info) {
  return info.param.kind + "_" + std::to_string(info.param.width) + "x" +
         std::to_string(info.param.height);
}

class ViewFit : public testing::TestWithParam<FitCase> {};

// Up to `n` steps spread evenly over the run, always including the first and the last.
std::vector<std::size_t> SampleSteps(std::size_t count, std::size_t n) {
  std::vector<std::size_t> out;
  if (count <= n) {
    for (std::size_t s = 0; s < count; ++s) out.push_back(s);
    return out;
  }
  for (std::size_t i = 0; i < n; ++i) out.push_back(i * (count - 1) / (n - 1));
  return out;
}

TEST_P(ViewFit, TextStaysInsideAndApart) {
  const FitCase& fc = GetParam();
  Headless h;
  ImGui::GetIO().DisplaySize = ImVec2(float(fc.width), float(fc.height));
  App app(GS_SCENARIO_DIR, "");
  app.SetInstant(true);
  app.SetRecordViewText(true);
  h.BuildFonts(app);
  int checked = 0;
  for (const std::string& file : BuiltinScenarioFiles()) {
    if (file.find("/" + fc.kind + "/") == std::string::npos) continue;
    ASSERT_TRUE(app.OpenScenario(file)) << file;
    for (Lang lang : {Lang::kEn, Lang::kZh}) {
      app.Ui().lang = lang;
      h.Frame(app);  // fonts for the new scenario's text
      for (std::size_t step : SampleSteps(app.Doc().GetRun()->StepCount(), 24)) {
        app.SetStep(step, false);
        h.Frame(app);
        const float min_size = ImGui::GetFontSize();
        const auto problems = TextFitProblems(app.ViewTexts(), app.CanvasRect(), min_size);
        ++checked;
        EXPECT_TRUE(problems.empty())
            << file << " step " << step << (lang == Lang::kZh ? " zh" : " en") << ": "
            << problems.size() << " problem(s), first: " << problems.front();
        if (!problems.empty()) break;  // one report per scenario and language is enough
      }
    }
  }
  EXPECT_GT(checked, 0) << "no scenario of kind " << fc.kind;
}

std::vector<FitCase> Cases() {
  std::vector<FitCase> out;
  for (const char* kind : {"gc", "sched", "maps", "stack"}) {
    for (auto [w, h] : {std::pair{1024, 768}, {1280, 720}, {1600, 900}, {2560, 1440}}) {
      out.push_back({kind, w, h});
    }
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(AllViews, ViewFit, testing::ValuesIn(Cases()), CaseName);

}  // namespace
}  // namespace gs::app::test
