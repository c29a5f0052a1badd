// The what-if box of the Swiss-table and sync.Map views, driven through the whole App with
// the mouse: a press records the op as a branch of the run (the new last op of the script),
// the view steps to it, and the engine's own narration of that step is about the typed key.
// A key the map cannot take is refused in the box and nothing is recorded. A recording made
// with the box in the sandbox saves and loads back to the same timeline.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cfloat>
#include <filesystem>
#include <string>

#include "app/views/maps_compare_view.h"
#include "app/views/maps_view.h"
#include "app/views/syncmap_view.h"
#include "engine/core/scenario.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

// Kind "maps" draws through MapsKindView (classic, Swiss or the compare).
MapsView* MapsViewOf(App& app) {
  auto* kind = dynamic_cast<MapsKindView*>(app.View());
  return kind ? &kind->Maps() : nullptr;
}

std::string Scenario(const std::string& rel) {
  return std::string(GS_SCENARIO_DIR) + "/" + rel;
}

// A press of what-if button `i` with the mouse, as a user makes it.
void Press(test::Headless& h, App& app, WhatIfBox& box, int i) {
  h.Frame(app);  // the box is drawn, so its buttons have their rectangles
  ImVec2 a, b;
  ASSERT_TRUE(box.ButtonRect(i, &a, &b)) << i;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
  h.Frame(app);
  io.MouseDown[0] = true;
  h.Frame(app);
  io.MouseDown[0] = false;
  h.Frame(app);
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  h.Frame(app);
}

std::string AllLines(const Run& run, std::size_t step) {
  std::string s;
  for (const std::string& l : run.EventLines(step, Lang::kEn)) s += l + "\n";
  return s;
}

// After a press: the op recorded is `want`, it is the run's last op, and the app shows its
// first step.
void ExpectRecorded(App& app, std::size_t ops_before, const Json& want) {
  const Json doc = Json::parse(app.Editor().Text());
  ASSERT_EQ(doc["script"].size(), ops_before + 1) << app.Editor().Text();
  EXPECT_EQ(doc["script"].back(), want);
  const gs::Run& run = *app.Doc().GetRun();
  EXPECT_EQ(run.OpIndex(run.StepCount() - 1), int(ops_before)) << "the new op is the last";
  EXPECT_EQ(run.OpIndex(app.Play().step), int(ops_before)) << "the view steps to it";
}

std::size_t OpCount(App& app) {
  return Json::parse(app.Editor().Text())["script"].size();
}

// swiss-probing-tombstones.json is an int map: keys 1..8 fill g0 and 9 probes on to g1.
TEST(WhatIf, SwissButtonsRecordInsertDeleteAndLookUp) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Scenario("maps/swiss-probing-tombstones.json")));
  app.SetStep(app.Doc().GetRun()->StepCount() - 1, false);
  MapsView* view = MapsViewOf(app);
  ASSERT_TRUE(view);
  h.Frame(app);
  ASSERT_TRUE(view->Swiss()) << "a go_version 1.24+ scenario draws the Swiss view";
  WhatIfBox& box = view->WhatIf();

  std::size_t n = OpCount(app);
  box.SetKey("4242");
  Press(h, app, box, 0);
  ExpectRecorded(app, n, Json{{"op", "insert"}, {"key", 4242}});
  const gs::Run* run = app.Doc().GetRun().get();
  EXPECT_NE(AllLines(*run, app.Play().step).find("4242"), std::string::npos)
      << AllLines(*run, app.Play().step);
  h.Frame(app);
  EXPECT_GE(view->Swiss()->LastShown().hops, 1) << "the new step is drawn with its probe path";

  n = OpCount(app);
  Press(h, app, view->WhatIf(), 2);  // the key stays typed across the reload
  ExpectRecorded(app, n, Json{{"op", "lookup"}, {"key", 4242}});

  n = OpCount(app);
  Press(h, app, view->WhatIf(), 1);
  ExpectRecorded(app, n, Json{{"op", "delete"}, {"key", 4242}});
  run = app.Doc().GetRun().get();
  EXPECT_NE(AllLines(*run, app.Play().step).find("4242"), std::string::npos);
}

TEST(WhatIf, SwissRefusesTextForAnIntMapAndRecordsNothing) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Scenario("maps/swiss-probing-tombstones.json")));
  MapsView* view = MapsViewOf(app);
  ASSERT_TRUE(view);
  h.Frame(app);
  const auto before = test::Hashes(*app.Doc().GetRun());
  const std::string text = app.Editor().Text();
  view->WhatIf().SetKey("apple");
  Press(h, app, view->WhatIf(), 0);
  EXPECT_EQ(view->WhatIf().Refused(), WhatIfBox::Refusal::kKeyNotInt);
  EXPECT_EQ(app.Editor().Text(), text);
  EXPECT_EQ(test::Hashes(*app.Doc().GetRun()), before);
  EXPECT_EQ(app.UndoDepth(), 0u);
}

// The classic view draws the same box (one WhatIfBox): first-growth.json is an int map.
TEST(WhatIf, ClassicMapBoxRecordsAndRefusesTheSameWay) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Scenario("maps/first-growth.json")));
  app.SetStep(app.Doc().GetRun()->StepCount() - 1, false);
  MapsView* view = MapsViewOf(app);
  ASSERT_TRUE(view);
  h.Frame(app);
  ASSERT_FALSE(view->Swiss());
  const std::string text = app.Editor().Text();
  view->WhatIf().SetKey("12x");
  Press(h, app, view->WhatIf(), 0);
  EXPECT_EQ(view->WhatIf().Refused(), WhatIfBox::Refusal::kKeyNotInt);
  EXPECT_EQ(app.Editor().Text(), text);
  const std::size_t n = OpCount(app);
  view->WhatIf().SetKey("-5");
  Press(h, app, view->WhatIf(), 2);
  ExpectRecorded(app, n, Json{{"op", "lookup"}, {"key", -5}});
  EXPECT_EQ(view->WhatIf().Refused(), WhatIfBox::Refusal::kNone);
}

// read-mostly-fast-path.json (Go 1.19) has goroutines g1, g2, g3 and stores "config" first.
TEST(WhatIf, SyncMapButtonsRecordLoadStoreDeleteFromTheChosenGoroutine) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Scenario("syncmap/read-mostly-fast-path.json")));
  app.SetStep(app.Doc().GetRun()->StepCount() - 1, false);
  auto* view = dynamic_cast<SyncMapView*>(app.View());
  ASSERT_TRUE(view);
  h.Frame(app);
  ASSERT_FALSE(view->Trie());

  std::size_t n = OpCount(app);
  view->WhatIf().SetGoroutine(2);
  view->WhatIf().SetKey("fresh");
  view->WhatIf().SetValue("7");
  Press(h, app, view->WhatIf(), 1);
  ExpectRecorded(app, n, Json{{"op", "store"}, {"g", "g3"}, {"key", "fresh"}, {"value", 7}});
  // A new key is not in read: Store takes m.mu (map.go, Store's slow path).
  std::string said = AllLines(*app.Doc().GetRun(), app.Play().step);
  EXPECT_NE(said.find("fresh"), std::string::npos) << said;
  h.Frame(app);
  EXPECT_TRUE(view->LastShown().locked) << said;

  n = OpCount(app);
  view->WhatIf().SetGoroutine(0);
  Press(h, app, view->WhatIf(), 0);
  ExpectRecorded(app, n, Json{{"op", "load"}, {"g", "g1"}, {"key", "fresh"}});

  n = OpCount(app);
  view->WhatIf().SetGoroutine(1);
  Press(h, app, view->WhatIf(), 2);
  ExpectRecorded(app, n, Json{{"op", "delete"}, {"g", "g2"}, {"key", "fresh"}});
}

TEST(WhatIf, SyncMapRefusesAValueThatIsNotAnIntAndAKeyTooLong) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Scenario("syncmap/read-mostly-fast-path.json")));
  auto* view = dynamic_cast<SyncMapView*>(app.View());
  ASSERT_TRUE(view);
  h.Frame(app);
  const std::string text = app.Editor().Text();
  view->WhatIf().SetKey("k");
  view->WhatIf().SetValue("seven");
  Press(h, app, view->WhatIf(), 1);
  EXPECT_EQ(view->WhatIf().Refused(), WhatIfBox::Refusal::kValueNotInt);
  EXPECT_EQ(app.Editor().Text(), text);
  // syncmap::kMaxKeyBytes is 32: a 33-byte key is refused before the loader sees it.
  view->WhatIf().SetKey(std::string(33, 'k'));
  Press(h, app, view->WhatIf(), 0);
  EXPECT_EQ(view->WhatIf().Refused(), WhatIfBox::Refusal::kKeyTooLong);
  EXPECT_EQ(app.Editor().Text(), text);
  EXPECT_EQ(app.UndoDepth(), 0u);
}

// trie-lock-free-reads.json (Go 1.24, HashTrieMap) has goroutines writer, r1, r2.
TEST(WhatIf, TrieButtonsRecordFromTheChosenGoroutine) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Scenario("syncmap/trie-lock-free-reads.json")));
  app.SetStep(app.Doc().GetRun()->StepCount() - 1, false);
  auto* view = dynamic_cast<SyncMapView*>(app.View());
  ASSERT_TRUE(view);
  h.Frame(app);
  ASSERT_TRUE(view->Trie());
  const Json gs = Json::parse(app.Editor().Text())["goroutines"];
  ASSERT_GE(gs.size(), 2u);

  std::size_t n = OpCount(app);
  view->WhatIf().SetGoroutine(1);
  view->WhatIf().SetKey("apple");
  Press(h, app, view->WhatIf(), 0);
  ExpectRecorded(app, n, Json{{"op", "load"}, {"g", gs[1]}, {"key", "apple"}});
  // Load never locks in a HashTrieMap (hashtriemap.go, Load).
  h.Frame(app);
  EXPECT_FALSE(view->LastShown().locked);

  n = OpCount(app);
  view->WhatIf().SetGoroutine(0);
  view->WhatIf().SetValue("5");
  Press(h, app, view->WhatIf(), 1);
  ExpectRecorded(app, n, Json{{"op", "store"}, {"g", gs[0]}, {"key", "apple"}, {"value", 5}});
  // A writer locks the parent node (hashtriemap.go, LoadOrStore / Swap).
  h.Frame(app);
  EXPECT_TRUE(view->LastShown().locked);

  n = OpCount(app);
  Press(h, app, view->WhatIf(), 2);
  ExpectRecorded(app, n, Json{{"op", "delete"}, {"g", gs[0]}, {"key", "apple"}});
}

// In the sandbox, presses of the box are a recording like any other: Save as scenario writes
// it, and the file loads back to the same state hashes.
void RecordSaveReload(const std::string& rel, bool syncmap) {
  namespace fs = std::filesystem;
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  ASSERT_TRUE(test::OpenInSandbox(h, app, Scenario(rel)));
  app.SetStep(app.Doc().GetRun()->StepCount() - 1, false);
  h.Frame(app);
  WhatIfBox* box = nullptr;
  if (syncmap) {
    box = &dynamic_cast<SyncMapView&>(*app.View()).WhatIf();
  } else {
    box = &MapsViewOf(app)->WhatIf();
  }
  const std::size_t n = OpCount(app);
  box->SetKey(syncmap ? "saved" : "77");
  box->SetValue("3");
  Press(h, app, *box, syncmap ? 1 : 0);
  box = syncmap ? &dynamic_cast<SyncMapView&>(*app.View()).WhatIf() : &MapsViewOf(app)->WhatIf();
  Press(h, app, *box, syncmap ? 0 : 2);
  ASSERT_EQ(OpCount(app), n + 2);
  EXPECT_EQ(app.UndoDepth(), 2u);
  const auto recorded = test::Hashes(*app.Doc().GetRun());
  fs::path out = fs::temp_directory_path() /
                 ("gs_whatif_" + std::to_string(::getpid()) + (syncmap ? "_s" : "_m") + ".json");
  fs::remove(out);
  ASSERT_TRUE(app.SaveRecordedAs(out.string()));
  LoadResult r = LoadScenarioFile(out.string());
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  EXPECT_EQ(test::Hashes(*r.run), recorded);
  fs::remove(out);
}

TEST(WhatIf, SandboxRecordingOfASwissMapSavesAndReloads) {
  RecordSaveReload("maps/swiss-small-to-table.json", false);
}

TEST(WhatIf, SandboxRecordingOfASyncMapSavesAndReloads) {
  RecordSaveReload("syncmap/misses-promotion.json", true);
}

TEST(WhatIf, SandboxRecordingOfATrieSavesAndReloads) {
  RecordSaveReload("syncmap/trie-collision-chain.json", true);
}

}  // namespace
}  // namespace gs::app
