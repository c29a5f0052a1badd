// File > Open's built-in browser (the fallback when the desktop has no zenity): it lists a
// folder's subfolders and scenario files, goes up and down, and Ctrl+O opens it in the App.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/panels/file_browser.h"
#include "app/shell/keys.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

bool Has(const FileBrowser& b, const std::string& name, bool dir) {
  for (const FileBrowser::Entry& e : b.Entries()) {
    if (e.name == name && e.dir == dir) return true;
  }
  return false;
}

TEST(FileBrowser, ListsFoldersAndScenariosAndMovesBetweenThem) {
  ::setenv("GS_NO_NATIVE_DIALOG", "1", 1);
  FileBrowser b;
  b.Open(GS_SCENARIO_DIR);
  ASSERT_TRUE(b.IsOpen());
  EXPECT_TRUE(Has(b, "gc", true));
  EXPECT_TRUE(Has(b, "chan", true));
  EXPECT_FALSE(b.Entries().empty());
  EXPECT_TRUE(b.Entries().front().dir);  // folders first
  b.Enter("gc");
  EXPECT_TRUE(Has(b, "chain.json", false));
  for (const FileBrowser::Entry& e : b.Entries()) {
    EXPECT_TRUE(e.dir || e.name.ends_with(".json")) << e.name << " is not a scenario";
  }
  b.Enter("..");
  EXPECT_EQ(std::filesystem::path(b.Dir()),
            std::filesystem::path(GS_SCENARIO_DIR).lexically_normal());
  b.Enter("no-such-folder");  // stays where it is
  EXPECT_TRUE(Has(b, "gc", true));
}

TEST(FileBrowser, CtrlOOpensTheBuiltInBrowserInTheApp) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");  // no settings: never the native dialog
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/gc/chain.json"));
  h.Frame(app);
  EXPECT_FALSE(app.Browser().IsOpen());
  h.Press(app, keys::kO, /*ctrl=*/true);
  h.Frame(app);
  ASSERT_TRUE(app.Browser().IsOpen());
  // It starts in the open scenario's folder.
  EXPECT_EQ(std::filesystem::path(app.Browser().Dir()),
            (std::filesystem::path(GS_SCENARIO_DIR) / "gc").lexically_normal());
  h.Press(app, keys::kEscape);
}

}  // namespace
}  // namespace gs::app
