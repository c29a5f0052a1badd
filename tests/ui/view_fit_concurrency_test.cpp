// The actors-vs-CSP compare view fits its panel: every built-in concurrency scenario in the
// real App at classroom and desk sizes, in both languages and in presenter mode, with no text
// leaving the panel, overlapping another, or under the UI font.
#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

class ConcurrencyFit : public testing::TestWithParam<std::pair<int, int>> {};

TEST_P(ConcurrencyFit, BuiltinScenariosFitInTheApp) {
  ExpectViewsFit("concurrency", GetParam().first, GetParam().second);
}

TEST(ConcurrencyFitPresenter, BuiltinScenariosFitAt720p) {
  ExpectViewsFit("concurrency", 1280, 720, {}, true);
}

INSTANTIATE_TEST_SUITE_P(Sizes, ConcurrencyFit, testing::ValuesIn(FitSizes()),
                         [](const testing::TestParamInfo<std::pair<int, int>>& p) {
                           return std::to_string(p.param.first) + "x" +
                                  std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace gs::app::test
