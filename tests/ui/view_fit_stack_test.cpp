// The stack view's fit check: every stack scenario, at the four window sizes, in both
// languages: no text leaves the panel, covers another or is smaller than the UI font.
#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

class StackFit : public testing::TestWithParam<std::pair<int, int>> {};

TEST_P(StackFit, TextStaysInsideAndApart) {
  ExpectViewsFit("stack", GetParam().first, GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(Sizes, StackFit, testing::ValuesIn(FitSizes()),
                         [](const testing::TestParamInfo<std::pair<int, int>>& p) {
                           return std::to_string(p.param.first) + "x" +
                                  std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace gs::app::test
