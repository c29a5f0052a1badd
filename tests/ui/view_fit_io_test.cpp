// The IO view fits its panel: every built-in scenario of the io folder (the five models, the
// pollers, 10,000 connections, level vs edge, and Go's netpoller in the scheduler view), at
// classroom and desk sizes, in both languages, and in presenter mode (see view_fit.h).
#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

class IoFit : public testing::TestWithParam<std::pair<int, int>> {};

TEST_P(IoFit, TextStaysInsideAndApart) {
  ExpectViewsFit("io", GetParam().first, GetParam().second);
}

TEST(IoFitPresenter, TextStaysInsideAndApartAt1280x720) {
  ExpectViewsFit("io", 1280, 720, {}, true);
}

INSTANTIATE_TEST_SUITE_P(Sizes, IoFit, testing::ValuesIn(FitSizes()),
                         [](const testing::TestParamInfo<std::pair<int, int>>& p) {
                           return std::to_string(p.param.first) + "x" +
                                  std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace gs::app::test
