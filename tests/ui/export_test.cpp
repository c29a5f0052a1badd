// gopherscope export (app/export/): the CPU rasterizer draws what ImGui asks for, and the
// PNG, GIF and SVG files decode to the right size, frame count and changing pictures.
#include "app/export/export.h"

#include <gif_lib.h>
#include <gtest/gtest.h>
#include <stb_image.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/export/raster.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;

std::string Chain() {
  return std::string(GS_SCENARIO_DIR) + "/gc/chain.json";
}

class ExportTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("gs_export_" + std::to_string(::getpid()) + "_" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Out(const char* name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST(Raster, FilledRectAndTextLandWhereImGuiPutThem) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(200, 100);
  ImGui::NewFrame();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(ImVec2(10, 10), ImVec2(50, 40), IM_COL32(255, 0, 0, 255));
  dl->AddRectFilled(ImVec2(60, 10), ImVec2(100, 40), IM_COL32(0, 0, 255, 128));  // half blue
  dl->AddText(ImVec2(120, 20), IM_COL32(255, 255, 255, 255), "WWW");
  ImGui::Render();
  unsigned char* px = nullptr;
  int w = 0, hh = 0;
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &hh);
  Image img(200, 100, IM_COL32(0, 0, 0, 255));
  RasterizeDrawData(*ImGui::GetDrawData(), AtlasView{px, w, hh}, img);
  EXPECT_EQ(img.At(30, 25)[0], 255);  // inside the red rect
  EXPECT_EQ(img.At(30, 25)[2], 0);
  EXPECT_EQ(img.At(5, 5)[0], 0);           // outside it: the background
  EXPECT_NEAR(img.At(80, 25)[2], 128, 2);  // blended half over black
  int lit = 0;                             // the text lit some pixels of its box
  for (int y = 18; y < 45; ++y)
    for (int x = 118; x < 190; ++x) lit += img.At(x, y)[0] > 128;
  EXPECT_GT(lit, 20);
}

TEST_F(ExportTest, PngPerStepHasTheSizeAndChangesFromStepToStep) {
  ExportOptions o;
  o.scenario = Chain();
  o.first = 0;
  o.last = 2;
  o.width = 1024;
  o.height = 768;
  o.out = Out("chain.png");
  const ExportResult r = RunExport(o, GS_SCENARIO_DIR);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.files.size(), 3u);
  EXPECT_EQ(r.files[1], Out("chain-001.png"));
  std::vector<std::vector<unsigned char>> pixels;
  for (const std::string& f : r.files) {
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(f.c_str(), &w, &h, &n, 3);
    ASSERT_NE(data, nullptr) << f;
    EXPECT_EQ(w, 1024);
    EXPECT_EQ(h, 768);
    pixels.emplace_back(data, data + std::size_t(w) * std::size_t(h) * 3);
    stbi_image_free(data);
    // Not blank: many distinct grey levels in the red channel.
    std::vector<int> seen(256);
    for (std::size_t i = 0; i < pixels.back().size(); i += 3) seen[pixels.back()[i]] = 1;
    int levels = 0;
    for (int s : seen) levels += s;
    EXPECT_GT(levels, 30) << f;
  }
  EXPECT_NE(pixels[0], pixels[1]);
  EXPECT_NE(pixels[1], pixels[2]);
}

TEST_F(ExportTest, GifHasTransitionFramesAndLoops) {
  ExportOptions o;
  o.scenario = Chain();
  o.first = 1;
  o.last = 3;
  o.format = ExportFormat::kGif;
  o.width = 640;
  o.height = 360;
  o.transition_frames = 3;
  o.out = Out("clip.gif");
  const ExportResult r = RunExport(o, GS_SCENARIO_DIR);
  ASSERT_TRUE(r.ok) << r.error;
  int err = 0;
  GifFileType* gif = DGifOpenFileName(o.out.c_str(), &err);
  ASSERT_NE(gif, nullptr);
  ASSERT_EQ(DGifSlurp(gif), GIF_OK);
  EXPECT_EQ(gif->SWidth, 640);
  EXPECT_EQ(gif->SHeight, 360);
  // The first step held, then per step: 3 transition frames and the finished step held.
  ASSERT_EQ(gif->ImageCount, 1 + 2 * (3 + 1));
  EXPECT_EQ(r.frames, gif->ImageCount);
  auto raster = [&](int i) {
    const SavedImage& im = gif->SavedImages[i];
    const ColorMapObject* map = im.ImageDesc.ColorMap ? im.ImageDesc.ColorMap : gif->SColorMap;
    std::vector<unsigned char> rgb;
    for (int p = 0; p < im.ImageDesc.Width * im.ImageDesc.Height; ++p) {
      const GifColorType c = map->Colors[im.RasterBits[p]];
      rgb.insert(rgb.end(), {c.Red, c.Green, c.Blue});
    }
    return rgb;
  };
  // Each held step differs from the one before, and a transition frame differs from both ends.
  EXPECT_NE(raster(0), raster(4));
  EXPECT_NE(raster(4), raster(8));
  EXPECT_NE(raster(5), raster(8));
  GraphicsControlBlock gcb;
  ASSERT_EQ(DGifSavedExtensionToGCB(gif, 0, &gcb), GIF_OK);
  EXPECT_EQ(gcb.DelayTime, 150);  // the hold: 1.5 s
  DGifCloseFile(gif, &err);
  EXPECT_FALSE(fs::exists(o.out + ".tmp" + std::to_string(::getpid())));
}

TEST_F(ExportTest, SvgOfOneStepIsAVectorPicture) {
  ExportOptions o;
  o.scenario = Chain();
  o.first = o.last = 3;
  o.format = ExportFormat::kSvg;
  o.out = Out("step3.svg");
  const ExportResult r = RunExport(o, GS_SCENARIO_DIR);
  ASSERT_TRUE(r.ok) << r.error;
  std::ifstream in(o.out);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string svg = ss.str();
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u) << svg.substr(0, 80);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("viewBox=\"0 0 1280.0 720.0\""), std::string::npos) << svg.substr(0, 300);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

TEST_F(ExportTest, BadRequestsGetAMessageAndWriteNothing) {
  ExportOptions o;
  std::string error;
  EXPECT_FALSE(ParseExportArgs({"export", "a.json", "--size", "99999x5"}, &o, &error));
  EXPECT_NE(error.find("--size"), std::string::npos);
  ExportOptions o2, o3, o4;
  EXPECT_FALSE(ParseExportArgs({"export", "a.json", "--steps", "5-2"}, &o2, &error));
  EXPECT_FALSE(ParseExportArgs({"export", "a.json", "--format", "mp4"}, &o3, &error));
  EXPECT_NE(error.find("gif"), std::string::npos);
  EXPECT_FALSE(ParseExportArgs({"export"}, &o4, &error));

  ExportOptions ok;
  ASSERT_TRUE(ParseExportArgs({"export", Chain(), "--steps", "900-901", "--out", Out("x.png")}, &ok,
                              &error))
      << error;
  const ExportResult past = RunExport(ok, GS_SCENARIO_DIR);
  EXPECT_FALSE(past.ok);
  EXPECT_NE(past.error.find("last step"), std::string::npos) << past.error;
  EXPECT_TRUE(fs::is_empty(dir_));

  // The scenario itself is never the output.
  const std::string copy = Out("mine.json");
  fs::copy_file(Chain(), copy);
  ExportOptions self;
  ASSERT_TRUE(ParseExportArgs({"export", copy, "--out", copy}, &self, &error));
  const std::string before = [&] {
    std::ifstream f(copy);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
  }();
  EXPECT_FALSE(RunExport(self, GS_SCENARIO_DIR).ok);
  std::ifstream f(copy);
  std::stringstream s;
  s << f.rdbuf();
  EXPECT_EQ(s.str(), before);
}

TEST(ExportArgs, DefaultsAndOptions) {
  ExportOptions o;
  std::string error;
  ASSERT_TRUE(ParseExportArgs({"export", "dir/chain.json", "--steps", "4", "--format", "gif",
                               "--theme", "light", "--lang", "zh", "--size", "1600x900"},
                              &o, &error))
      << error;
  EXPECT_EQ(o.first, 4u);
  EXPECT_EQ(o.last, 4u);
  EXPECT_EQ(o.format, ExportFormat::kGif);
  EXPECT_EQ(o.theme, ThemeKind::kLight);
  EXPECT_EQ(o.lang, Lang::kZh);
  EXPECT_EQ(o.width, 1600);
  EXPECT_EQ(o.out, "chain.gif");
}

}  // namespace
}  // namespace gs::app

namespace gs::app {
namespace {

// File > Export asks the window loop for the shown step (PNG, SVG) or for the steps of the
// script op the shown step belongs to (GIF), in the app's theme and language.
TEST(MenuExport, RequestsTheStepOrTheWholePart) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(std::string(GS_SCENARIO_DIR) + "/sched/pingpong.json"));
  h.Frame(app);
  const auto& run = app.Doc().GetRun();
  ASSERT_TRUE(run);
  app.SetStep(5, false);
  app.RequestExport(ExportKind::kStepPng);
  auto r = app.TakeExportRequest();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, 5u);
  EXPECT_EQ(r->last, 5u);
  EXPECT_EQ(r->id, "sched-pingpong");
  EXPECT_FALSE(app.TakeExportRequest());  // taken once
  app.RequestExport(ExportKind::kPartGif);
  r = app.TakeExportRequest();
  ASSERT_TRUE(r);
  // pingpong's script is one run op: every step but the initial state belongs to it.
  EXPECT_EQ(r->first, 1u);
  EXPECT_EQ(r->last, run->StepCount() - 1);
  for (std::size_t s = r->first; s <= r->last; ++s) EXPECT_EQ(run->OpIndex(s), run->OpIndex(5));
}

}  // namespace
}  // namespace gs::app
