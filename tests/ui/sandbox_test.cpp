// Record by demonstration: an action at step N replaces the script after N's op, can be
// undone, and "Save as scenario" writes a file that loads back to the same state hashes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/core/scenario.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

std::string Chain() {
  return std::string(GS_SCENARIO_DIR) + "/gc/chain.json";
}

using test::Hashes;

TEST(Sandbox, RecordedActionBranchesTheScriptAndUndoRestoresIt) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  ASSERT_TRUE(test::OpenInSandbox(h, app, Chain()));
  const auto original = Hashes(*app.Doc().GetRun());
  // Step 4 is inside mark_all (op 1): the write lands after mark_all, replacing the
  // mark_termination and sweep that followed.
  app.SetStep(4, false);
  ASSERT_EQ(app.Doc().GetRun()->OpIndex(4), 1);
  ASSERT_TRUE(app.RecordOp(Json{{"op", "write"}, {"obj", "C"}, {"to", "D"}}));
  const auto& run = *app.Doc().GetRun();
  EXPECT_EQ(run.OpIndex(run.StepCount() - 1), 2) << "three ops: gc_start, mark_all, write";
  EXPECT_EQ(run.OpIndex(app.Play().step), 2) << "the view moves to the recorded op";
  EXPECT_EQ(run.OpIndex(app.Play().step - 1), 1);
  for (std::size_t i = 0; i < app.Play().step; ++i) EXPECT_EQ(run.Hash(i), original[i]) << i;
  EXPECT_TRUE(app.Editor().Dirty());
  EXPECT_EQ(app.UndoDepth(), 1u);
  h.Frame(app);

  ASSERT_TRUE(app.UndoRecord());
  EXPECT_EQ(Hashes(*app.Doc().GetRun()), original);
  EXPECT_EQ(app.Play().step, 4u);
  EXPECT_EQ(app.UndoDepth(), 0u);
  EXPECT_FALSE(app.UndoRecord());
}

TEST(Sandbox, AnOpThatCannotRunThereIsRefusedAndChangesNothing) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  ASSERT_TRUE(test::OpenInSandbox(h, app, Chain()));
  const auto original = Hashes(*app.Doc().GetRun());
  app.SetStep(0, false);
  // At step 0 no cycle is running: "mark" is a script error there.
  EXPECT_FALSE(app.RecordOp(Json{{"op", "mark"}}));
  EXPECT_EQ(Hashes(*app.Doc().GetRun()), original);
  EXPECT_EQ(app.UndoDepth(), 0u);
}

TEST(Sandbox, SavedRecordingLoadsBackToTheSameHashes) {
  namespace fs = std::filesystem;
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  ASSERT_TRUE(test::OpenInSandbox(h, app, Chain()));
  app.SetStep(0, false);
  // A small session: allocate, link, then a whole collection.
  ASSERT_TRUE(app.RecordOp(Json{{"op", "alloc"}, {"id", "N1"}, {"root", "global:head"}}));
  ASSERT_TRUE(app.RecordOp(Json{{"op", "write"}, {"obj", "N1"}, {"to", "D"}}));
  ASSERT_TRUE(app.RecordOp(Json{{"op", "gc"}}));
  const auto recorded = Hashes(*app.Doc().GetRun());
  fs::path out =
      fs::temp_directory_path() / ("gs_recorded_" + std::to_string(::getpid()) + ".json");
  fs::remove(out);
  ASSERT_TRUE(app.SaveRecordedAs(out.string()));
  LoadResult r = LoadScenarioFile(out.string());
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  EXPECT_EQ(Hashes(*r.run), recorded);
  // D is now reachable through N1, so the sweep frees nothing: 0 freed in the last step.
  EXPECT_NE(r.run->EventLines(r.run->StepCount() - 1, Lang::kEn)[0].find("0 freed"),
            std::string::npos);
  // Never overwrites.
  EXPECT_FALSE(app.SaveRecordedAs(out.string()));
  fs::remove(out);
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

// The maps view's what-if box records through the same path: the run gains the op, the
// file on disk stays as it was.
TEST(Sandbox, MapWhatIfInsertBranchesTheRunButNotTheFile) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  const std::string file = std::string(GS_SCENARIO_DIR) + "/maps/first-growth.json";
  std::ifstream in(file);
  const std::string before((std::istreambuf_iterator<char>(in)), {});
  ASSERT_TRUE(app.OpenScenario(file));
  const std::size_t last = app.Doc().GetRun()->StepCount() - 1;
  app.SetStep(last, false);
  ASSERT_TRUE(app.RecordOp(Json{{"op", "insert"}, {"key", 424242}}));
  EXPECT_GT(app.Doc().GetRun()->StepCount(), last + 1);
  ASSERT_TRUE(app.RecordOp(Json{{"op", "lookup"}, {"key", 424242}}));
  h.Frame(app);
  std::ifstream again(file);
  const std::string after((std::istreambuf_iterator<char>(again)), {});
  EXPECT_EQ(before, after);
}

}  // namespace
}  // namespace gs::app
