#include "app/export/export.h"

#include <unistd.h>

#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <imgui.h>
#include <stb_image_write.h>

#include "app/cli/cli_parse.h"

#include "app/export/gif_writer.h"
#include "app/export/raster.h"
#include "app/shell/app.h"
#include "app/shell/config_store.h"
#include "app/shell/fonts.h"
#include "app/shell/theme_file.h"

namespace gs::app {
namespace {

// Hostile sizes hit a limit with a message, not an out-of-memory: 8K is the largest screen
// a slide is made for, and a clip of more frames than this is no longer a clip.
constexpr int kMaxSide = 7680;
constexpr int kMinSide = 320;
constexpr int kMaxGifFrames = 2000;

/// Owns an ImGui context of its own, so an export never disturbs the window's.
class ExportContext {
 public:
  ExportContext(int w, int h) : m_prev(ImGui::GetCurrentContext()) {
    m_ctx = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(w), float(h));
    io.DeltaTime = 1.0f / 60.0f;
  }
  ~ExportContext() {
    ImGui::DestroyContext(m_ctx);
    ImGui::SetCurrentContext(m_prev);
  }
  ExportContext(const ExportContext&) = delete;
  ExportContext& operator=(const ExportContext&) = delete;

  void BuildFonts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    const std::string picture = app.PictureGlyphText();
    gs::app::BuildFonts(io.Fonts, app.FontPixelSize(), app.GlyphText(), &m_ranges, &picture,
                        &m_picture_ranges);
    unsigned char* pixels = nullptr;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &m_atlas.width, &m_atlas.height);
    m_atlas.pixels = pixels;
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    app.FontsRebuilt();
  }

  /// One frame of the app, rasterized. `svg` (optional) receives the picture as SVG.
  Image Frame(App& app, float dt, std::string* svg = nullptr) {
    ImGuiIO& io = ImGui::GetIO();
    if (app.FontsDirty()) BuildFonts(app);
    io.DeltaTime = dt;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover highlights or tooltips
    ImGui::NewFrame();
    app.Frame(dt);
    if (svg) *svg = app.PictureSvg(io.DisplaySize.x, io.DisplaySize.y);
    ImGui::Render();
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    Image img(int(io.DisplaySize.x), int(io.DisplaySize.y), ImGui::ColorConvertFloat4ToU32(bg));
    RasterizeDrawData(*ImGui::GetDrawData(), m_atlas, img);
    return img;
  }

 private:
  ImGuiContext* m_prev;
  ImGuiContext* m_ctx;
  ImVector<ImWchar> m_ranges, m_picture_ranges;
  AtlasView m_atlas;
};

std::string StepPath(const std::string& out, std::size_t step) {
  namespace fs = std::filesystem;
  fs::path p(out);
  char num[32];
  std::snprintf(num, sizeof num, "-%03zu", step);
  return (p.parent_path() / (p.stem().string() + num + p.extension().string())).string();
}

bool WritePng(const std::string& path, const Image& img) {
  std::string bytes;
  auto sink = [](void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), std::size_t(size));
  };
  if (!stbi_write_png_to_func(sink, &bytes, img.width, img.height, 4, img.rgba.data(),
                              img.width * 4)) {
    return false;
  }
  return WriteFileAtomic(path, bytes);
}

/// Settles a step: ImGui windows take a frame or two to size themselves.
Image Settled(ExportContext& ec, App& app, std::string* svg = nullptr) {
  ec.Frame(app, 1.0f / 60.0f);
  ec.Frame(app, 1.0f / 60.0f);
  return ec.Frame(app, 1.0f / 60.0f, svg);
}

}  // namespace

bool ParseExportArgs(const std::vector<std::string>& args, ExportOptions* o, std::string* error) {
  CLI::App app{
      "Renders steps of a scenario as PNG slides, an animated GIF or an SVG, with no "
      "display.",
      "gopherscope export"};
  std::string steps, format = "png", size, theme = "dark", lang = "en";
  app.add_option("FILE", o->scenario, "the scenario")->required();
  app.add_option("--steps", steps, "A-B, or one step (default: all)")
      ->check([](const std::string& v) {
        unsigned long a0 = 0, b0 = 0;
        char dash = 0, extra = 0;
        const int n = std::sscanf(v.c_str(), "%lu%c%lu%c", &a0, &dash, &b0, &extra);
        return n == 1 || (n == 3 && dash == '-' && b0 >= a0)
                   ? std::string()
                   : std::string("takes A-B (A <= B) or one step, e.g. --steps 3-9");
      });
  app.add_option("--format", format, "png, gif or svg")->check([](const std::string& v) {
    return v == "png" || v == "gif" || v == "svg"
               ? std::string()
               : std::string(
                     "takes png, gif or svg (mp4 is not built in: export a GIF, or PNG "
                     "frames for a video tool)");
  });
  app.add_option("--size", size, "WxH (default 1280x720)")->check([](const std::string& v) {
    return cli::CheckSize(v, kMinSide, kMinSide, kMaxSide);
  });
  app.add_option("--theme", theme, "colours")->check(CLI::IsMember({"dark", "light"}));
  app.add_option("--lang", lang, "narration language")->check(CLI::IsMember({"en", "zh"}));
  app.add_option("--out", o->out, "where to write (default: the scenario's name)");
  bool no_narration = false;
  app.add_flag("--no-narration", no_narration, "the picture only");
  std::ostringstream out, err;
  const std::vector<std::string> rest(args.empty() ? args.begin() : args.begin() + 1, args.end());
  const int rc = cli::ParseArgs(app, rest, out, err);
  if (rc == 0) {
    *error = out.str();  // --help: the caller prints it and exits 0
    o->help = true;
    return false;
  }
  if (rc > 0) {
    *error = err.str();
    if (!error->empty() && error->back() == '\n') error->pop_back();
    return false;
  }
  if (!steps.empty()) {
    unsigned long a0 = 0, b0 = 0;
    char dash = 0;
    if (std::sscanf(steps.c_str(), "%lu%c%lu", &a0, &dash, &b0) != 3) b0 = a0;
    o->first = a0;
    o->last = b0;
  }
  o->format = format == "gif"   ? ExportFormat::kGif
              : format == "svg" ? ExportFormat::kSvg
                                : ExportFormat::kPng;
  if (!size.empty()) cli::ReadSize(size, &o->width, &o->height);
  o->theme = theme == "light" ? ThemeKind::kLight : ThemeKind::kDark;
  ParseLang(lang, &o->lang);
  o->narration = !no_narration;
  if (o->out.empty()) {
    const char* ext = o->format == ExportFormat::kGif   ? ".gif"
                      : o->format == ExportFormat::kSvg ? ".svg"
                                                        : ".png";
    o->out = std::filesystem::path(o->scenario).stem().string() + ext;
  }
  return true;
}

ExportResult RunExport(const ExportOptions& opt, const std::string& scenario_dir) {
  namespace fs = std::filesystem;
  ExportResult res;
  std::error_code ec_fs;
  if (fs::exists(opt.out, ec_fs) && fs::exists(opt.scenario, ec_fs) &&
      fs::equivalent(opt.out, opt.scenario, ec_fs)) {
    res.error = "--out is the scenario file itself: it is never overwritten";
    return res;
  }
  ExportContext ec(opt.width, opt.height);
  App app(scenario_dir, "");
  app.Ui().theme = opt.theme;
  app.Ui().lang = opt.lang;
  app.Ui().speed = 1.0f;
  if (!app.OpenScenario(opt.scenario)) {
    res.error = app.Doc().Errors().FormatAll();
    if (res.error.empty()) res.error = "cannot open " + opt.scenario;
    return res;
  }
  const std::size_t count = app.Doc().GetRun()->StepCount();
  const std::size_t last = std::min(opt.last, count - 1);
  if (opt.first > last) {
    res.error = "--steps starts at " + std::to_string(opt.first) +
                " but the scenario's last step is " + std::to_string(count - 1);
    return res;
  }
  app.SetPresenter(true);
  app.SetPresenterClock(false);  // a slide has no lecture clock
  app.Ui().presenter.narration = opt.narration && opt.format != ExportFormat::kSvg;
  ec.BuildFonts(app);

  switch (opt.format) {
    case ExportFormat::kPng: {
      app.SetInstant(true);
      for (std::size_t s = opt.first; s <= last; ++s) {
        app.SetStep(s, false);
        const Image img = Settled(ec, app);
        const std::string path = opt.first == last ? opt.out : StepPath(opt.out, s);
        if (!WritePng(path, img)) {
          res.error = "cannot write " + path;
          return res;
        }
        res.files.push_back(path);
        ++res.frames;
      }
      break;
    }
    case ExportFormat::kSvg: {
      app.SetInstant(true);
      app.SetStep(opt.first, false);
      std::string svg;
      Settled(ec, app, &svg);
      if (svg.empty()) {
        res.error = "this scenario's topic has no picture to export";
        return res;
      }
      if (!WriteFileAtomic(opt.out, svg)) {
        res.error = "cannot write " + opt.out;
        return res;
      }
      res.files.push_back(opt.out);
      res.frames = 1;
      break;
    }
    case ExportFormat::kGif: {
      const int per_step = std::max(1, opt.transition_frames);
      const std::size_t frames = 1 + (last - opt.first) * std::size_t(per_step + 1);
      if (frames > std::size_t(kMaxGifFrames)) {
        res.error = "a GIF of steps " + std::to_string(opt.first) + "-" + std::to_string(last) +
                    " would have " + std::to_string(frames) + " frames (limit " +
                    std::to_string(kMaxGifFrames) + "): export a shorter range";
        return res;
      }
      // Written beside the target and renamed at the end: a failed export leaves no half file.
      const std::string tmp = opt.out + ".tmp" + std::to_string(::getpid());
      GifWriter gif;
      if (!gif.Open(tmp, opt.width, opt.height)) {
        res.error = gif.Error();
        return res;
      }
      const int hold_cs = std::max(2, int(opt.hold_seconds * 100.0f));
      // A step's animation lasts 0.25 s at 1x (App's kAnimSeconds): its frames share that.
      const float anim_dt = 0.25f / float(per_step);
      const int anim_cs = std::max(2, int(anim_dt * 100.0f + 0.5f));
      app.SetInstant(true);
      app.SetStep(opt.first, false);
      bool ok = gif.AddFrame(Settled(ec, app), hold_cs);
      app.SetInstant(false);
      for (std::size_t s = opt.first + 1; ok && s <= last; ++s) {
        app.SetStep(s, true);
        for (int f = 0; ok && f < per_step; ++f) ok = gif.AddFrame(ec.Frame(app, anim_dt), anim_cs);
        if (ok) ok = gif.AddFrame(ec.Frame(app, 1.0f), hold_cs);  // finished: held
      }
      res.frames = gif.Frames();
      if (!gif.Close() || !ok) {
        res.error = gif.Error().empty() ? "cannot write " + opt.out : gif.Error();
        std::remove(tmp.c_str());
        return res;
      }
      if (std::rename(tmp.c_str(), opt.out.c_str()) != 0) {
        res.error = "cannot write " + opt.out;
        std::remove(tmp.c_str());
        return res;
      }
      res.files.push_back(opt.out);
      break;
    }
  }
  res.ok = true;
  return res;
}

int ExportMain(int argc, char** argv, const char* scenario_dir) {
  std::vector<std::string> args(argv + 1, argv + argc);
  ExportOptions opt;
  std::string error;
  if (!ParseExportArgs(args, &opt, &error)) {
    if (opt.help) {
      std::fputs(error.c_str(), stdout);
      return 0;
    }
    std::fprintf(stderr, "%s\n", error.c_str());
    return 2;
  }
  // The same theme colours as the window (assets/themes).
  if (const std::string bad = LoadThemes(ThemeDir(GS_THEME_DIR)); !bad.empty()) {
    std::fprintf(stderr, "gopherscope export: %s\n", bad.c_str());
  }
  const ExportResult r = RunExport(opt, scenario_dir);
  if (!r.ok) {
    std::fprintf(stderr, "gopherscope export: %s\n", r.error.c_str());
    return 1;
  }
  for (const std::string& f : r.files) std::printf("%s\n", f.c_str());
  std::fprintf(stderr, "gopherscope export: %d frame(s) in %zu file(s)\n", r.frames,
               r.files.size());
  return 0;
}

}  // namespace gs::app
