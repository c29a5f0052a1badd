// Presenter mode at the classroom sizes: every view, with fonts 1.6 times the desk size and
// the picture filling the window, keeps each text inside, apart from the others and at least
// the (presenter) UI font, for every built-in scenario of its kind, in both languages.
#include <string>
#include <tuple>

#include "tests/ui/view_fit.h"

namespace gs::app::test {
namespace {

using Param = std::tuple<std::string, std::pair<int, int>>;

class PresenterFit : public testing::TestWithParam<Param> {};

TEST_P(PresenterFit, TextStaysInsideAndApart) {
  const auto& [kind, size] = GetParam();
  ExpectViewsFit(kind, size.first, size.second, {}, /*presenter=*/true);
}

INSTANTIATE_TEST_SUITE_P(
    Views, PresenterFit,
    testing::Combine(testing::Values("gc", "maps", "sched", "stack", "chan", "pacer", "syncmap"),
                     testing::Values(std::make_pair(1280, 720), std::make_pair(1024, 768))),
    [](const testing::TestParamInfo<Param>& p) {
      return std::get<0>(p.param) + "_" + std::to_string(std::get<1>(p.param).first) + "x" +
             std::to_string(std::get<1>(p.param).second);
    });

}  // namespace
}  // namespace gs::app::test
