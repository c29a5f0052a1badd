// Crash recovery: unsaved editor text reaches the recovery file a couple of seconds after
// the typing stops, the next start offers it back, and saving or discarding removes it.
#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "app/shell/recovery.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;

TEST(Recovery, UnsavedTextIsKeptAndOfferedBack) {
  const std::string rec =
      ::testing::TempDir() + "gs_recovery_" + std::to_string(::getpid()) + "/recovery.json";
  fs::remove(rec);
  const std::string file = std::string(GS_SCENARIO_DIR) + "/gc/chain.json";
  std::string edited;
  {
    test::Headless h;
    App app(GS_SCENARIO_DIR, "");
    app.SetRecoveryPath(rec);
    h.BuildFonts(app);
    ASSERT_TRUE(app.OpenScenario(file));
    EXPECT_FALSE(app.HasRecoveryOffer());
    edited = app.Editor().Text() + "\n";
    app.Editor().SetText(edited);
    h.Frame(app, 0.5f);
    EXPECT_FALSE(fs::exists(rec));  // not on every key: after a quiet moment
    for (int i = 0; i < 6; ++i) h.Frame(app, 0.5f);
    ASSERT_TRUE(fs::exists(rec));
  }
  // The next start (the first app never saved: as after a crash or a kill).
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  app.SetRecoveryPath(rec);
  h.BuildFonts(app);
  ASSERT_TRUE(app.HasRecoveryOffer());
  ASSERT_TRUE(app.RestoreRecovery());
  EXPECT_EQ(app.Doc().Path(), file);
  EXPECT_EQ(app.Editor().Text(), edited);
  EXPECT_TRUE(app.Editor().Dirty());
  // Going back to the saved text (as a save or a discard does) clears the recovery file.
  app.Editor().Revert();
  for (int i = 0; i < 3; ++i) h.Frame(app, 0.5f);
  h.Frame(app, 0.5f);
  app.Editor().SetText(edited);  // dirty again: written again after the pause
  for (int i = 0; i < 7; ++i) h.Frame(app, 0.5f);
  ASSERT_TRUE(fs::exists(rec));
  app.Editor().Revert();
  h.Frame(app, 0.5f);
  EXPECT_FALSE(fs::exists(rec));
  auto none = ReadRecovery(rec);
  EXPECT_FALSE(none.has_value());
}

}  // namespace
}  // namespace gs::app
