// Presenter mode (P) and the library search, driven through the real App with keys.
#include <gtest/gtest.h>

#include <cfloat>
#include <cstring>
#include <string>

#include <imgui_internal.h>  // which windows were drawn (FindWindowByName, Active)

#include "app/shell/keys.h"
#include "app/shell/library.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

using test::Headless;

std::string Chain() {
  return std::string(GS_SCENARIO_DIR) + "/gc/chain.json";
}

/// Whether a window of this name was drawn in the last frame.
bool WindowShown(const char* name) {
  ImGuiWindow* w = ImGui::FindWindowByName(name);
  return w && w->Active;  // this frame's state, until the next NewFrame
}

TEST(Presenter, PTogglesItAndFontsGrow) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Chain()));
  h.Frame(app);
  const float desk_font = app.FontPixelSize();
  const ImVec4 desk_canvas = app.CanvasRect();
  h.Press(app, keys::kP);
  EXPECT_TRUE(app.Ui().presenter.on);
  EXPECT_FLOAT_EQ(app.FontPixelSize(), desk_font * App::kPresenterScale);
  h.Frame(app);  // fonts rebuilt at the new size
  EXPECT_FLOAT_EQ(ImGui::GetFontSize(), app.FontPixelSize());
  // The picture takes the full width and starts at the top: no menu, list or narration column.
  const ImVec4 c = app.CanvasRect();
  EXPECT_EQ(c.x, 0.0f);
  EXPECT_EQ(c.y, 0.0f);
  EXPECT_EQ(c.z, ImGui::GetIO().DisplaySize.x);
  EXPECT_GT((c.z - c.x) * (c.w - c.y),
            (desk_canvas.z - desk_canvas.x) * (desk_canvas.w - desk_canvas.y));
  EXPECT_TRUE(WindowShown("##presenter_strip"));
  h.Press(app, keys::kEscape);
  EXPECT_FALSE(app.Ui().presenter.on);
  EXPECT_FLOAT_EQ(app.FontPixelSize(), desk_font);
}

TEST(Presenter, ClickerKeysStepBlankAndHideTheNarration) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Chain()));
  h.Press(app, keys::kP);
  h.Press(app, keys::kPageDown);
  h.Press(app, keys::kPageDown);
  EXPECT_EQ(app.Play().step, 2u);
  h.Press(app, keys::kPageUp);
  EXPECT_EQ(app.Play().step, 1u);
  h.Press(app, keys::kRight);
  EXPECT_EQ(app.Play().step, 2u);

  // Period hides the strip: the picture grows to the bottom of the window.
  const float with_strip = app.CanvasRect().w;
  h.Press(app, keys::kPeriod);
  EXPECT_FALSE(app.Ui().presenter.narration);
  EXPECT_FALSE(WindowShown("##presenter_strip"));
  EXPECT_GT(app.CanvasRect().w, with_strip);
  EXPECT_EQ(app.CanvasRect().w, ImGui::GetIO().DisplaySize.y);

  // B blanks the screen (no picture drawn), and stepping still works underneath.
  h.Press(app, keys::kB);
  EXPECT_TRUE(app.Ui().presenter.blank);
  EXPECT_TRUE(WindowShown("##blank"));
  EXPECT_FALSE(WindowShown("##canvas"));
  h.Press(app, keys::kPageDown);
  EXPECT_EQ(app.Play().step, 3u);
  h.Press(app, keys::kB);
  EXPECT_FALSE(app.Ui().presenter.blank);
  EXPECT_TRUE(WindowShown("##canvas"));

  // Leaving and coming back starts with the strip shown and the screen not blank.
  h.Press(app, keys::kP);
  h.Press(app, keys::kP);
  EXPECT_TRUE(app.Ui().presenter.narration);
  EXPECT_FALSE(app.Ui().presenter.blank);
}

TEST(Presenter, NotAvailableKeysOutsideItDoNothing) {
  // B and period are only presenter keys: at the desk they change nothing.
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Chain()));
  const UiState before = app.Ui();
  h.Press(app, keys::kB);
  h.Press(app, keys::kPeriod);
  EXPECT_EQ(app.Ui(), before);
}

LibraryEntry Entry(std::string title_en, std::string title_zh, std::vector<std::string> tags) {
  LibraryEntry e;
  e.path = "scenarios/gc/some_file.json";
  e.kind = "gc";
  e.id = "gc-some";
  e.title = {std::move(title_en), std::move(title_zh)};
  e.tags = std::move(tags);
  return e;
}

TEST(LibrarySearch, MatchesTitleTagIdAndEveryWord) {
  const LibraryEntry e = Entry("Hybrid write barrier", "混合写屏障", {"barrier", "yuasa"});
  EXPECT_TRUE(LibraryMatches(e, ""));
  EXPECT_TRUE(LibraryMatches(e, "hybrid"));
  EXPECT_TRUE(LibraryMatches(e, "WRITE Barrier"));  // case-insensitive, every word
  EXPECT_TRUE(LibraryMatches(e, "yuasa"));          // a tag
  EXPECT_TRUE(LibraryMatches(e, "写屏障"));         // the Chinese title
  EXPECT_TRUE(LibraryMatches(e, "some_file"));      // the file name
  EXPECT_FALSE(LibraryMatches(e, "steal"));
  EXPECT_FALSE(LibraryMatches(e, "hybrid steal"));  // one word missing
}

TEST(LibrarySearch, TheBuiltinLibraryFiltersByTopic) {
  const auto entries = ScanLibrary(GS_SCENARIO_DIR);
  int maps = 0, all = 0;
  for (const LibraryEntry& e : entries) {
    ++all;
    if (LibraryMatches(e, "maps")) ++maps;
  }
  EXPECT_GT(maps, 0);
  EXPECT_LT(maps, all);
}

TEST(LibrarySearch, TheSearchBoxFiltersTheListInTheApp) {
  Headless h;
  App app(GS_SCENARIO_DIR, "");
  app.Ui().show_library = 1;
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(Chain()));
  h.Frame(app);
  ImGuiWindow* list = nullptr;
  auto entries_drawn = [&] {
    h.Frame(app);
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
      if (std::strstr(w->Name, "##library_list")) list = w;
    }
    return list ? list->DrawList->VtxBuffer.Size : 0;
  };
  const int unfiltered = entries_drawn();
  std::strcpy(app.LibraryBoxes().search, "no-such-scenario-anywhere");
  const int none = entries_drawn();
  EXPECT_LT(none, unfiltered);
  std::strcpy(app.LibraryBoxes().search, "steal");
  const int some = entries_drawn();
  EXPECT_GT(some, none);
  EXPECT_LT(some, unfiltered);
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

// The laser pointer follows the mouse in presenter mode and fades out when it stops.
TEST(Presenter, LaserPointerShowsWhileTheMouseMoves) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/gc/chain.json"));
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(300, 200);
  h.Frame(app);
  io.MousePos = ImVec2(320, 210);
  h.Frame(app);
  EXPECT_FALSE(app.LaserShown());  // only in presenter mode
  h.Press(app, keys::kP);
  io.MousePos = ImVec2(340, 220);
  h.Frame(app);
  EXPECT_TRUE(app.LaserShown());
  EXPECT_GT(ImGui::GetForegroundDrawList()->VtxBuffer.Size, 0);
  for (int i = 0; i < 120; ++i) h.Frame(app);  // two seconds still
  EXPECT_FALSE(app.LaserShown());
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

// F5 asks for the presenter view (and puts the audience window in presenter mode); the view
// shows the op's teacher notes and the next step's narration, never on the audience window.
TEST(PresenterView, F5OpensItWithNotesAndTheNextStep) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/chan/served-vs-run-order.json"));
  const auto& run = app.Doc().GetRun();
  app.SetStep(14, false);
  h.Frame(app);
  EXPECT_FALSE(app.WantsPresenterView());
  h.Press(app, keys::kF5);
  EXPECT_TRUE(app.WantsPresenterView());
  EXPECT_TRUE(app.Ui().presenter.on);
  ImGui::NewFrame();
  app.DrawPresenterView();
  ImGui::Render();
  const LocalizedText* notes = run->Notes(14);
  ASSERT_TRUE(notes);
  EXPECT_EQ(app.PresenterNotes(), notes->en);
  EXPECT_EQ(app.PresenterNext(), run->Narrate(15).text.en);
  h.Press(app, keys::kF5);
  EXPECT_FALSE(app.WantsPresenterView());
}

}  // namespace
}  // namespace gs::app
