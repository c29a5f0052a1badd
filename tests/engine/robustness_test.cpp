// Inputs that once were (or could be) dangerous: every file in tests/fuzz/corpus-regressions
// and tests/malformed loads without crashing and, when it fails, says why with a position.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/core/scenario.h"

namespace gs {
namespace {

TEST(Robustness, RegressionAndMalformedInputsFailCleanly) {
  namespace fs = std::filesystem;
  int files = 0;
  for (const char* dir : {"fuzz/corpus-regressions", "malformed"}) {
    for (const auto& e : fs::directory_iterator(fs::path(GS_TEST_DIR) / dir)) {
      if (!e.is_regular_file() || e.path().extension() == ".txt") continue;
      ++files;
      LoadResult r = LoadScenarioFile(e.path().string());
      if (r.run) {
        EXPECT_GT(r.run->StepCount(), 0u);
        continue;
      }
      ASSERT_TRUE(r.diags.HasErrors()) << e.path();
      for (const auto& d : r.diags.Items()) {
        EXPECT_FALSE(d.message.empty()) << e.path();
        EXPECT_NE(d.file.find(e.path().filename().string()), std::string::npos) << d.Format();
      }
    }
  }
  EXPECT_GE(files, 4);
}

TEST(Robustness, DeepNestingHitsTheNamedLimit) {
  LoadResult r = LoadScenarioText("deep.json", std::string(500, '[') + std::string(500, ']'));
  ASSERT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("kMaxJsonDepth = 64"), std::string::npos)
      << r.diags.FormatAll();
}

TEST(Robustness, HugeMarkCountStopsWhenWorkRunsOut) {
  LoadResult r = LoadScenarioFile(std::string(GS_TEST_DIR) +
                                  "/fuzz/corpus-regressions/self_loop_max_field.json");
  // A self-loop at field 63 and two full cycles; "mark n: 100000" after the cycles has no
  // cycle to mark in, which is an error at that op.
  ASSERT_FALSE(r.run);
  EXPECT_NE(r.diags.FormatAll().find("/script/2: no GC cycle is running"), std::string::npos)
      << r.diags.FormatAll();
}

}  // namespace
}  // namespace gs
