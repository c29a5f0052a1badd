// The pacer view fits its panel: every built-in pacer scenario, at classroom and desk sizes,
// in both languages (see view_fit.h).
#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

class PacerFit : public testing::TestWithParam<std::pair<int, int>> {};

TEST_P(PacerFit, TextStaysInsideAndApart) {
  ExpectViewsFit("pacer", GetParam().first, GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(Sizes, PacerFit, testing::ValuesIn(FitSizes()),
                         [](const testing::TestParamInfo<std::pair<int, int>>& p) {
                           return std::to_string(p.param.first) + "x" +
                                  std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace gs::app::test
