// The GC view fits its panel: every text inside, none overlapping, none under the UI font,
// for every built-in gc scenario at the four classroom and desk sizes, in both languages.
#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

class GcFit : public testing::TestWithParam<std::pair<int, int>> {};

TEST_P(GcFit, TextStaysInsideAndApart) {
  ExpectViewsFit("gc", GetParam().first, GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(Sizes, GcFit, testing::ValuesIn(FitSizes()),
                         [](const testing::TestParamInfo<std::pair<int, int>>& p) {
                           return std::to_string(p.param.first) + "x" +
                                  std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace gs::app::test
