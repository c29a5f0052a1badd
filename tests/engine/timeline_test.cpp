// The core Timeline with a toy model whose state after step n is known in closed form: the
// keyframe policy decides only where replay starts, never what a step yields.
#include "engine/core/timeline.h"

#include <gtest/gtest.h>

namespace gs {
namespace {

// State after step n: value = n*(n+1)/2; its size grows with n (for a size-based policy).
struct CounterModel {
  struct State {
    std::uint64_t n = 0, value = 0;
  };
  struct Event {
    std::uint64_t added = 0;
  };
  std::uint64_t steps = 100;
  State Initial() const { return {}; }
  StepResult Step(State& s, std::vector<Event>& out) const {
    if (s.n == steps) return StepResult::Done();
    ++s.n;
    s.value += s.n;
    out.push_back({s.n});
    if (s.n % 10 == 0) out.push_back({0});  // a second event on every tenth step
    return StepResult::Stepped(int(s.n / 50));
  }
  std::uint64_t Hash(const State& s) const { return s.n * 1000003u ^ s.value; }
  static std::size_t StateBytes(const State& s) { return 1000 + std::size_t(s.n) * 10; }
};

// A keyframe once the steps since the last one pay 64 bytes each for the state's size.
struct PayBySize {
  static constexpr std::size_t kMinKeyframeInterval = 4;
  template <class State>
  static bool Take(std::size_t since, const State& s) {
    return since >= kMinKeyframeInterval && since * 64 >= CounterModel::StateBytes(s);
  }
};

TEST(Timeline, DefaultPolicyKeepsAKeyframeEvery32Steps) {
  Timeline<CounterModel> tl(CounterModel{});
  ASSERT_EQ(tl.Build().kind, StepResult::Kind::kDone);
  ASSERT_EQ(tl.StepCount(), 101u);    // step 0 plus 100 steps
  ASSERT_EQ(tl.KeyframeCount(), 4u);  // 0, 32, 64, 96
  for (std::size_t k = 0; k < 4; ++k) EXPECT_EQ(tl.KeyframeStep(k), 32 * k);
  for (std::size_t n = 0; n < tl.StepCount(); ++n) {
    const auto s = tl.StateAt(n);
    EXPECT_EQ(s.n, n);
    EXPECT_EQ(s.value, n * (n + 1) / 2);
    EXPECT_EQ(tl.Hash(n), tl.GetModel().Hash(s));
  }
  EXPECT_TRUE(tl.SeekMatchesReplay());
}

TEST(Timeline, EventsAndOpIndexBelongToTheirStep) {
  Timeline<CounterModel> tl(CounterModel{});
  tl.Build();
  EXPECT_TRUE(tl.Events(0).empty());
  ASSERT_EQ(tl.Events(7).size(), 1u);
  EXPECT_EQ(tl.Events(7)[0].added, 7u);
  ASSERT_EQ(tl.Events(30).size(), 2u);
  EXPECT_EQ(tl.Events(30)[0].added, 30u);
  EXPECT_EQ(tl.OpIndex(0), -1);
  EXPECT_EQ(tl.OpIndex(49), 0);
  EXPECT_EQ(tl.OpIndex(50), 1);
}

TEST(Timeline, SizePolicySpacesKeyframesByStateSizeAndSeekStillEqualsReplay) {
  Timeline<CounterModel, PayBySize> tl(CounterModel{});
  ASSERT_EQ(tl.Build().kind, StepResult::Kind::kDone);
  // Step n's state is 1000 + 10n bytes; a keyframe at step n after `since` steps needs
  // since*64 >= 1000 + 10n: the first lands at 19 (64*19 = 1216 >= 1190), gaps grow after.
  std::size_t prev_gap = 0;
  for (std::size_t k = 1; k < tl.KeyframeCount(); ++k) {
    const std::size_t at = tl.KeyframeStep(k), gap = at - tl.KeyframeStep(k - 1);
    EXPECT_GE(gap, PayBySize::kMinKeyframeInterval);
    EXPECT_GE(gap * 64, 1000 + at * 10) << at;
    EXPECT_LT((gap - 1) * 64, 1000 + at * 10) << "a keyframe is taken as soon as it is paid for";
    EXPECT_GE(gap, prev_gap);
    prev_gap = gap;
  }
  ASSERT_GT(tl.KeyframeCount(), 2u);
  EXPECT_EQ(tl.KeyframeStep(1), 19u);
  EXPECT_TRUE(tl.SeekMatchesReplay());
  const auto from_10 = tl.Advance(tl.StateAt(10), 10, 77);
  EXPECT_EQ(from_10.value, 77u * 78u / 2);
}

TEST(Timeline, StepLimitIsAnErrorThatKeepsTheStepsBeforeIt) {
  Timeline<CounterModel> tl(CounterModel{});
  const StepResult r = tl.Build(/*max_steps=*/40);
  ASSERT_EQ(r.kind, StepResult::Kind::kError);
  EXPECT_NE(r.message.find("kMaxSteps = 40"), std::string::npos) << r.message;
  EXPECT_EQ(tl.StepCount(), 40u);
  EXPECT_EQ(tl.StateAt(39).value, 39u * 40u / 2);
}

}  // namespace
}  // namespace gs
