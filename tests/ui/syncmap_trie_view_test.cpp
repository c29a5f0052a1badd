// The Go 1.24+ sync.Map view (HashTrieMap) shows what each step of the engine did: the nodes
// the trie reaches, the walk's path, the node a writer locked, what changed, and one lane chip
// per call so far. Expected counts follow from the scenarios' explicit hashes (see their
// goldens in tests/golden/syncmap/).
#include <gtest/gtest.h>

#include "app/views/syncmap_view.h"
#include "engine/core/scenario.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

std::shared_ptr<const Run> Load(const char* name) {
  LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/syncmap/" + name);
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
  return r.run;
}

TEST(SyncMapTrieViewHeadless, GrowsAndPrunes) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = Load("trie-grows-a-level.json");
  ASSERT_TRUE(run);
  SyncMapView view;
  view.SetRun(run);
  ASSERT_TRUE(view.Trie());
  // Step 7: Load("e") walks root[5] -> n3[A] -> n4[B] -> n5[2] without a lock. The trie has
  // root, n1, n2 (under n1[2]), n3, n4, n5 and five entries a..e.
  test::DrawViewFrame(view, *run, 7, 1.0f, Lang::kEn, ThemeKind::kDark);
  const auto& s = view.Trie()->LastShown();
  EXPECT_FALSE(s.locked);
  EXPECT_EQ(s.nodes, 6);
  EXPECT_EQ(s.path, 4);
  EXPECT_EQ(s.entries, 5);
  EXPECT_EQ(s.changed, 0);
  EXPECT_EQ(s.chips, 7);
  // Step 9: Delete("b") locks n2, empties it, locks n1 and prunes n2 (shown once more, dead).
  // Changed: n2[0] (b removed) and n1[2] (the pruned link).
  test::DrawViewFrame(view, *run, 9, 1.0f, Lang::kZh, ThemeKind::kLight);
  EXPECT_TRUE(view.Trie()->LastShown().locked);
  EXPECT_EQ(view.Trie()->LastShown().locked_node, 2);
  EXPECT_EQ(view.Trie()->LastShown().nodes, 6);
  EXPECT_EQ(view.Trie()->LastShown().changed, 2);
  EXPECT_TRUE(view.LastShown().locked);
}

TEST(SyncMapTrieViewHeadless, ChainCards) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  auto run = Load("trie-collision-chain.json");
  ASSERT_TRUE(run);
  SyncMapView view;
  view.SetRun(run);
  // Step 5: Store("y") swaps y inside the chain z -> y -> x at root[7], under root.mu.
  test::DrawViewFrame(view, *run, 5, 1.0f, Lang::kEn, ThemeKind::kDark);
  const auto& s = view.Trie()->LastShown();
  EXPECT_TRUE(s.locked);
  EXPECT_EQ(s.locked_node, 0);
  EXPECT_EQ(s.nodes, 1);
  EXPECT_EQ(s.entries, 3);
  EXPECT_EQ(s.path, 1);
  EXPECT_EQ(s.changed, 1);
}

}  // namespace
}  // namespace gs::app
