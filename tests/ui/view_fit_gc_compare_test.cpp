// The GC view's compare mode fits its panel too: four barrier columns side by side, every
// text inside, none overlapping, none under the UI font, for every built-in gc scenario at
// the four classroom and desk sizes, in both languages (issue 11: compare labels were 13 px).
#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

class GcCompareFit : public testing::TestWithParam<std::pair<int, int>> {};

TEST_P(GcCompareFit, FourColumnsStayInsideAndApart) {
  ExpectViewsFit("gc", GetParam().first, GetParam().second,
                 {"compare", "none,dijkstra,yuasa,hybrid"});
}

INSTANTIATE_TEST_SUITE_P(Sizes, GcCompareFit, testing::ValuesIn(FitSizes()),
                         [](const testing::TestParamInfo<std::pair<int, int>>& p) {
                           return std::to_string(p.param.first) + "x" +
                                  std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace gs::app::test
