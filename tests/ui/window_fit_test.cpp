// Where the window opens (app/shell/window_fit.cpp) and that its place is remembered.
#include "app/shell/window_fit.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/shell/config_store.h"

namespace gs::app {
namespace {

const WindowRect kProjector{0, 0, 1280, 720};

TEST(WindowFit, DefaultSizeShrinksToAProjectorAndIsCentred) {
  // The 1600×900 default does not fit a 1280×720 screen: the window takes the whole width
  // and the height left under the title bar.
  const WindowRect r = FitWindow(kProjector, {}, 1600, 900, 32);
  EXPECT_EQ(r.w, 1280);
  EXPECT_EQ(r.h, 720 - 32);
  EXPECT_EQ(r.x, 0);
  EXPECT_EQ(r.y, 32);
}

TEST(WindowFit, DefaultSizeIsKeptAndCentredOnALargeScreen) {
  const WindowRect r = FitWindow({0, 0, 2560, 1440}, {}, 1600, 900, 0);
  EXPECT_EQ(r, (WindowRect{480, 270, 1600, 900}));
}

TEST(WindowFit, WorkAreaOffsetByAPanelIsRespected) {
  // A top panel of 28 px: the work area starts lower and the window stays inside it.
  const WindowRect area{0, 28, 1280, 692};
  const WindowRect r = FitWindow(area, {}, 1600, 900, 0);
  EXPECT_GE(r.y, area.y);
  EXPECT_LE(r.y + r.h, area.y + area.h);
  EXPECT_LE(r.x + r.w, area.x + area.w);
}

TEST(WindowFit, SavedPlaceComesBackWhenItFits) {
  const WindowRect saved{100, 80, 1100, 600};
  EXPECT_EQ(FitWindow({0, 0, 1920, 1080}, saved, 1600, 900, 32), saved);
}

TEST(WindowFit, SavedPlaceOnAMissingMonitorIsCentredAndShrunk) {
  // Left on a 4K monitor at x = 3000, now on the projector alone.
  const WindowRect r = FitWindow(kProjector, {3000, 100, 2000, 1200}, 1600, 900, 0);
  EXPECT_EQ(r, (WindowRect{0, 0, 1280, 720}));
}

TEST(WindowFit, NoMonitorInformationUsesTheSizeAskedFor) {
  EXPECT_EQ(FitWindow({}, {}, 1600, 900, 32), (WindowRect{0, 0, 1600, 900}));
}

TEST(WindowFit, PlaceIsPersistedAndBrokenValuesAreIgnored) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("gs_window_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "settings.json").string();
  UiState s;
  s.window = {40, 50, 1200, 700};
  ASSERT_TRUE(SaveUiState(path, s));
  EXPECT_EQ(LoadUiState(path).window, s.window);
  std::ofstream(path) << R"({"window": [0, 0, 99999999, -5]})";
  EXPECT_EQ(LoadUiState(path).window.w, 0);
  std::ofstream(path) << R"({"window": "big"})";
  EXPECT_EQ(LoadUiState(path).window.w, 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gs::app
