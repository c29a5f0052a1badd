// The channel view fits its panel: the inline chan scenarios at every step, at classroom and
// desk sizes, in both languages, with no text leaving the panel, overlapping another, or
// under the UI font.
#include "app/views/chan_view.h"
#include "tests/ui/chan_scenarios.h"
#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

class ChanFit : public testing::TestWithParam<std::pair<int, int>> {};

// The built-in chan scenarios in the real App, as every other view's fit test checks them.
TEST_P(ChanFit, BuiltinScenariosFitInTheApp) {
  ExpectViewsFit("chan", GetParam().first, GetParam().second);
}

TEST_P(ChanFit, TextStaysInsideAndApart) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  const float w = float(GetParam().first), hgt = float(GetParam().second);
  int checked = 0;
  for (const std::string& text : ChanScenarioTexts()) {
    auto run = LoadChan(text);
    ASSERT_TRUE(run) << text;
    ChanView view;
    view.SetRun(run);
    for (Lang lang : {Lang::kEn, Lang::kZh}) {
      for (std::size_t i = 0; i < run->StepCount() * 2; ++i) {
        const std::size_t step = i / 2;
        std::vector<TextItem> texts;
        ImVec4 panel;
        // The share of the window the app gives its canvas: with the narration only, and
        // with the library open too.
        const float share = i % 2 == 0 ? 0.7f : 0.5f;
        DrawViewFrame(view, *run, step, 1.0f, lang, ThemeKind::kDark, w * share, hgt * 0.8f, &texts,
                      &panel);
        ASSERT_FALSE(texts.empty());
        const auto problems = TextFitProblems(texts, panel, ImGui::GetFontSize());
        ++checked;
        EXPECT_TRUE(problems.empty())
            << run->Meta().id << " step " << step << " share " << share
            << (lang == Lang::kZh ? " zh" : " en") << ": " << problems.size()
            << " problem(s), first: " << problems.front();
        if (!problems.empty()) break;
      }
    }
  }
  EXPECT_GT(checked, 0);
}

INSTANTIATE_TEST_SUITE_P(Sizes, ChanFit, testing::ValuesIn(FitSizes()),
                         [](const testing::TestParamInfo<std::pair<int, int>>& p) {
                           return std::to_string(p.param.first) + "x" +
                                  std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace gs::app::test
