// Every built-in scenario: loads cleanly, is deterministic, Seek(n) equals replay from 0,
// and its text trace matches the reviewed golden file in tests/golden/<topic>/<id>.txt.
// Set GS_UPDATE_GOLDEN=1 to rewrite the golden files (then review the diff by eye).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/core/trace.h"
#include "tests/support/builtin.h"

namespace gs {
namespace {

class BuiltinScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(BuiltinScenario, LoadsWithoutDiagnostics) {
  LoadResult r = LoadScenarioFile(GetParam());
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  EXPECT_TRUE(r.diags.Items().empty()) << r.diags.FormatAll();
  EXPECT_GT(r.run->StepCount(), 1u);
  EXPECT_FALSE(r.run->Meta().title.en.empty());
  EXPECT_FALSE(r.run->Meta().title.zh.empty()) << "built-in scenarios are bilingual";
  EXPECT_FALSE(r.run->Meta().summary.zh.empty());
}

TEST_P(BuiltinScenario, SameFileTwiceGivesSameHashes) {
  LoadResult a = LoadScenarioFile(GetParam());
  LoadResult b = LoadScenarioFile(GetParam());
  ASSERT_TRUE(a.run && b.run);
  ASSERT_EQ(a.run->StepCount(), b.run->StepCount());
  for (std::size_t i = 0; i < a.run->StepCount(); ++i) {
    ASSERT_EQ(a.run->Hash(i), b.run->Hash(i)) << "step " << i;
  }
}

TEST_P(BuiltinScenario, EveryStepNarratedInBothLanguages) {
  LoadResult r = LoadScenarioFile(GetParam());
  ASSERT_TRUE(r.run);
  for (std::size_t i = 0; i < r.run->StepCount(); ++i) {
    Narration n = r.run->Narrate(i);
    EXPECT_FALSE(n.text.en.empty()) << "step " << i;
    EXPECT_FALSE(n.text.zh.empty()) << "step " << i;
    if (i > 0) {
      EXPECT_FALSE(n.func.empty()) << "step " << i << " names no runtime function";
    }
  }
}

TEST_P(BuiltinScenario, SeekEqualsReplay) {
  LoadResult r = LoadScenarioFile(GetParam());
  ASSERT_TRUE(r.run);
  EXPECT_TRUE(SeekMatchesReplay(*r.run)) << GetParam();
}

TEST_P(BuiltinScenario, GoldenTrace) {
  LoadResult r = LoadScenarioFile(GetParam());
  ASSERT_TRUE(r.run);
  std::ostringstream en, zh;
  WriteTextTrace(*r.run, Lang::kEn, en);
  WriteTextTrace(*r.run, Lang::kZh, zh);
  std::string actual = en.str() + "\n" + zh.str();
  namespace fs = std::filesystem;
  fs::path golden =
      fs::path(GS_TEST_DIR) / "golden" / r.run->Meta().kind / (r.run->Meta().id + ".txt");
  if (std::getenv("GS_UPDATE_GOLDEN")) {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
  }
  std::ifstream in(golden, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden trace " << golden << " (run with GS_UPDATE_GOLDEN=1, "
                  << "then review it)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual) << golden;
}

INSTANTIATE_TEST_SUITE_P(All, BuiltinScenario, ::testing::ValuesIn(BuiltinScenarioFiles()),
                         [](const auto& param_info) { return ScenarioTestName(param_info.param); });

}  // namespace
}  // namespace gs
