// The sync.Map view fits its panel: every built-in sync.Map scenario, at classroom and desk
// sizes, in both languages (see view_fit.h).
#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

class SyncMapFit : public testing::TestWithParam<std::pair<int, int>> {};

TEST_P(SyncMapFit, TextStaysInsideAndApart) {
  ExpectViewsFit("syncmap", GetParam().first, GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(Sizes, SyncMapFit, testing::ValuesIn(FitSizes()),
                         [](const testing::TestParamInfo<std::pair<int, int>>& p) {
                           return std::to_string(p.param.first) + "x" +
                                  std::to_string(p.param.second);
                         });

}  // namespace
}  // namespace gs::app::test
