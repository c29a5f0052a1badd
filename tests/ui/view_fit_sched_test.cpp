// The scheduler view fits its panel: every sched scenario at classroom and desk sizes, in
// both languages, with no text leaving the canvas, overlapping another, or under the UI font.
#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

class SchedFit : public testing::TestWithParam<std::pair<int, int>> {};

TEST_P(SchedFit, TextStaysInsideAndApart) {
  ExpectViewsFit("sched", GetParam().first, GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(Sizes, SchedFit, testing::ValuesIn(FitSizes()),
                         [](const testing::TestParamInfo<std::pair<int, int>>& p) {
                           return std::to_string(p.param.first) + "x" +
                                  std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace gs::app::test
