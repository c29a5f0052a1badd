#include "app/shell/app_main.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "app/cli/cli.h"
#include "app/cli/cli_parse.h"
#include "app/export/export.h"
#include "app/shell/app.h"
#include "app/shell/fonts.h"
#include "app/shell/keys.h"
#include "app/shell/presenter_window.h"
#include "app/shell/screenshot.h"
#include "app/shell/theme_file.h"
#include "app/shell/window_fit.h"
#include "app/shell/window_icon.h"

namespace gs::app {
namespace {

// SIGTERM, SIGINT and SIGHUP ask the loop to keep the unsaved text and exit cleanly. A signal
// handler can only set a flag of this type, so it is the one global the shell has.
volatile std::sig_atomic_t g_quit_signal = 0;

void OnQuitSignal(int) {
  g_quit_signal = 1;
}

// File > Export writes into ~/Pictures/Gopherscope (or the working folder without a HOME),
// under a name that says what it shows; an existing file is never replaced (-2, -3, ...).
std::string ExportPath(const ExportRequest& r) {
  namespace fs = std::filesystem;
  fs::path dir = ".";
  if (const char* home = std::getenv("HOME"); home && *home) {
    dir = fs::path(home) / "Pictures" / "Gopherscope";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) dir = ".";
  }
  char what[64];
  if (r.kind == ExportKind::kPartGif) {
    std::snprintf(what, sizeof what, "-steps-%zu-%zu.gif", r.first, r.last);
  } else {
    std::snprintf(what, sizeof what, "-step-%03zu.%s", r.first,
                  r.kind == ExportKind::kStepSvg ? "svg" : "png");
  }
  const std::string base = r.id.empty() ? std::string("gopherscope") : r.id;
  fs::path p = dir / (base + what);
  for (int n = 2; fs::exists(p) && n < 1000; ++n) {
    fs::path alt = p;
    alt.replace_filename(p.stem().string() + "-" + std::to_string(n) + p.extension().string());
    if (!fs::exists(alt)) {
      p = alt;
      break;
    }
  }
  return p.string();
}

void RunMenuExport(const ExportRequest& r, const char* scenario_dir, App& app) {
  ExportOptions opt;
  opt.scenario = r.scenario;
  opt.first = r.first;
  opt.last = r.last;
  opt.format = r.kind == ExportKind::kPartGif   ? ExportFormat::kGif
               : r.kind == ExportKind::kStepSvg ? ExportFormat::kSvg
                                                : ExportFormat::kPng;
  opt.theme = r.theme;
  opt.lang = r.lang;
  opt.out = ExportPath(r);
  ExportResult res = RunExport(opt, scenario_dir);
  app.ExportDone(res.ok, res.ok ? opt.out : res.error);
}

static_assert(keys::kSpace == GLFW_KEY_SPACE && keys::kRight == GLFW_KEY_RIGHT &&
                  keys::kLeft == GLFW_KEY_LEFT && keys::kHome == GLFW_KEY_HOME &&
                  keys::kEnd == GLFW_KEY_END && keys::kF1 == GLFW_KEY_F1 &&
                  keys::kF11 == GLFW_KEY_F11 && keys::kF9 == GLFW_KEY_F9 &&
                  keys::kT == GLFW_KEY_T && keys::kL == GLFW_KEY_L && keys::kR == GLFW_KEY_R &&
                  keys::kEqual == GLFW_KEY_EQUAL && keys::kMinus == GLFW_KEY_MINUS &&
                  keys::kKpAdd == GLFW_KEY_KP_ADD && keys::kKpSubtract == GLFW_KEY_KP_SUBTRACT &&
                  keys::kEscape == GLFW_KEY_ESCAPE && keys::kE == GLFW_KEY_E &&
                  keys::kS == GLFW_KEY_S && keys::kEnter == GLFW_KEY_ENTER &&
                  keys::kKpEnter == GLFW_KEY_KP_ENTER && keys::kP == GLFW_KEY_P &&
                  keys::kB == GLFW_KEY_B && keys::kPeriod == GLFW_KEY_PERIOD &&
                  keys::kPageUp == GLFW_KEY_PAGE_UP && keys::kPageDown == GLFW_KEY_PAGE_DOWN &&
                  keys::kLeftBracket == GLFW_KEY_LEFT_BRACKET && keys::k0 == GLFW_KEY_0 &&
                  keys::kF5 == GLFW_KEY_F5 && keys::kRightBracket == GLFW_KEY_RIGHT_BRACKET,
              "keys.h must match GLFW's key codes");

struct Flags {
  std::string scenario;
  long step = -1;
  std::string theme;
  std::string lang;
  bool fullscreen = false;
  bool editor = false;
  std::string screenshot;
  std::vector<std::pair<std::string, std::string>> view_options;
  bool sandbox = false;
  bool presenter = false;  ///< --presenter: start in presenter mode (P)
  int bench_frames = 0;    ///< --frame-report N: play N uncapped frames, print frame times
  int width = 0;           ///< --size: exactly this window (tests, screenshots); 0 fits the screen
  int height = 0;
};

/// The window's default size, before it is fitted into the monitor's work area.
constexpr int kDefaultWidth = 1600;
constexpr int kDefaultHeight = 900;

// The window's command line (CLI11, like every subcommand): gopherscope [FILE] [--flags].
// Returns -1 to open the window, else the exit code (0 after --help, 2 after an error).
int ParseFlags(int argc, char** argv, Flags* f) {
  CLI::App app{"Opens the window on a scenario (the last one, or the default).", "gopherscope"};
  std::string file, size;
  std::vector<std::string> compare, view_options;
  app.add_option("FILE", file, "a scenario or lesson to open (same as --scenario)");
  app.add_option("--scenario", f->scenario, "the scenario or lesson to open");
  app.add_option("--step", f->step, "the step to show")->check(CLI::NonNegativeNumber);
  app.add_option("--theme", f->theme, "colours")->check(CLI::IsMember({"dark", "light"}));
  app.add_option("--lang", f->lang, "interface and narration")->check(CLI::IsMember({"en", "zh"}));
  app.add_flag("--fullscreen", f->fullscreen, "fill the screen (F11)");
  app.add_flag("--editor", f->editor, "open the scenario editor");
  app.add_option("--screenshot", f->screenshot, "render one frame to OUT.png and exit");
  app.add_option("--compare", compare, "GC view: barrier modes side by side, e.g. none,go")
      ->allow_extra_args(false);
  app.add_option("--view-option", view_options, "a view's option KEY=VALUE")
      ->allow_extra_args(false)
      ->check([](const std::string& kv) {
        return kv.find('=') == std::string::npos ? std::string("takes KEY=VALUE") : std::string();
      });
  app.add_flag("--sandbox", f->sandbox, "start in the sandbox (record by demonstration)");
  app.add_flag("--presenter", f->presenter, "start in presenter mode (P)");
  app.add_option("--frame-report", f->bench_frames, "play N uncapped frames, print frame times")
      ->check(CLI::PositiveNumber);
  app.add_option("--size", size, "exactly this window, WxH (tests, screenshots)")
      ->check([](const std::string& v) { return cli::CheckSize(v, 320, 240, 16384); });
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (int rc = cli::ParseArgs(app, args, std::cout, std::cerr); rc >= 0) return rc;
  if (!file.empty()) {
    if (!f->scenario.empty() && f->scenario != file) {
      std::cerr << "gopherscope: one scenario only (got " << file << " and --scenario "
                << f->scenario << ")\n";
      return 2;
    }
    f->scenario = file;
  }
  for (const std::string& modes : compare) f->view_options.emplace_back("compare", modes);
  for (const std::string& kv : view_options) {
    f->view_options.emplace_back(kv.substr(0, kv.find('=')), kv.substr(kv.find('=') + 1));
  }
  if (!size.empty()) cli::ReadSize(size, &f->width, &f->height);
  return -1;
}

void SetFullscreen(GLFWwindow* win, bool on, int* saved) {
  if (on) {
    glfwGetWindowPos(win, &saved[0], &saved[1]);
    glfwGetWindowSize(win, &saved[2], &saved[3]);
    GLFWmonitor* mon = glfwGetPrimaryMonitor();
    if (!mon) return;
    const GLFWvidmode* mode = glfwGetVideoMode(mon);
    glfwSetWindowMonitor(win, mon, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    glfwSetWindowMonitor(win, nullptr, saved[0], saved[1], saved[2], saved[3], 0);
  }
}

/// The primary monitor's work area (the screen minus panels and docks), {} when unknown.
WindowRect PrimaryWorkArea() {
  WindowRect area;
  if (GLFWmonitor* mon = glfwGetPrimaryMonitor()) {
    glfwGetMonitorWorkarea(mon, &area.x, &area.y, &area.w, &area.h);
  }
  return area;
}

struct DropQueue {
  std::vector<std::string> paths;
  bool close_requested = false;
};

}  // namespace

int RunApp(int argc, char** argv, const char* scenario_dir) {
  Flags flags;
  if (const int rc = ParseFlags(argc, argv, &flags); rc >= 0) return rc;
  const bool screenshot_mode = !flags.screenshot.empty();
  // The theme colours (assets/themes): a missing or broken file is said here and in the
  // status line, and the built-in colours are used.
  if (const std::string bad = LoadThemes(ThemeDir(GS_THEME_DIR)); !bad.empty()) {
    std::fprintf(stderr, "gopherscope: %s\n", bad.c_str());
  }

  glfwSetErrorCallback([](int code, const char* msg) {
    std::fprintf(stderr, "gopherscope: GLFW error %d: %s\n", code, msg);
  });
  if (!glfwInit()) {
    std::fprintf(stderr,
                 "gopherscope: cannot open a window (no display?).\n"
                 "  Under a virtual display: xvfb-run -a -s \"-screen 0 1600x900x24\" gopherscope\n"
                 "  In the terminal:         gopherscope trace FILE\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  // Created hidden, then placed: the size we set is in screen coordinates, already fitted to
  // the work area, so it must not be scaled again by the monitor's content scale.
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  const bool exact_size = flags.width > 0;
  GLFWwindow* win =
      glfwCreateWindow(exact_size ? flags.width : kDefaultWidth,
                       exact_size ? flags.height : kDefaultHeight, "Gopherscope", nullptr, nullptr);
  if (!win) {
    glfwTerminate();
    return 1;
  }
  SetWindowIcon(win);
  glfwMakeContextCurrent(win);
  if (!gladLoadGL(glfwGetProcAddress)) {
    std::fprintf(stderr, "gopherscope: cannot load OpenGL 3.3\n");
    return 1;
  }
  glfwSwapInterval(1);

  IMGUI_CHECKVERSION();
  std::signal(SIGTERM, OnQuitSignal);
  std::signal(SIGINT, OnQuitSignal);
  std::signal(SIGHUP, OnQuitSignal);
  ImGuiContext* main_ctx = ImGui::CreateContext();
  PresenterWindow presenter_view;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(win, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  // Screenshots must not depend on (or change) the user's saved preferences.
  App app(scenario_dir, screenshot_mode ? "" : SettingsPath());
  {
    // Never larger than the work area (a 1280×720 projector must show the playback bar);
    // the last size and place come back when they still fit. --size is taken as given.
    const WindowRect area = PrimaryWorkArea();
    WindowRect place =
        exact_size ? WindowRect{0, 0, flags.width, flags.height}
                   : FitWindow(area, screenshot_mode ? WindowRect{} : app.Ui().window,
                               kDefaultWidth, kDefaultHeight, /*frame_h=*/screenshot_mode ? 0 : 32);
    if (exact_size && area.w > 0) {
      place.x = area.x + std::max(0, (area.w - place.w) / 2);
      place.y = area.y + std::max(0, (area.h - place.h) / 2);
    }
    glfwSetWindowSize(win, place.w, place.h);
    glfwSetWindowPos(win, place.x, place.y);
    glfwShowWindow(win);
  }
  if (!flags.theme.empty())
    app.Ui().theme = flags.theme == "light" ? ThemeKind::kLight : ThemeKind::kDark;
  if (!flags.lang.empty()) ParseLang(flags.lang, &app.Ui().lang);
  float xs = 1, ys = 1;
  glfwGetWindowContentScale(win, &xs, &ys);
  app.SetContentScale(xs);

  std::string to_open = flags.scenario;
  if (to_open.empty() && !app.Ui().last_scenario.empty() &&
      std::filesystem::exists(app.Ui().last_scenario) && !screenshot_mode) {
    to_open = app.Ui().last_scenario;
  }
  if (to_open.empty()) to_open = std::string(scenario_dir) + "/gc/chain.json";
  if (!app.OpenScenario(to_open)) {
    std::fprintf(stderr, "%s", app.Doc().Errors().FormatAll().c_str());
  }
  for (const auto& [k, v] : flags.view_options) app.SetViewOption(k, v);
  if (flags.sandbox) app.SetSandbox(true);
  if (flags.presenter) app.SetPresenter(true);
  if (flags.step >= 0) app.SetStep(static_cast<std::size_t>(flags.step), false);
  app.SetInstant(screenshot_mode);
  const bool frame_report = flags.bench_frames > 0;
  std::vector<float> frame_ms;
  if (frame_report) {
    // Play at 8x so steps, animations and state seeks are all in the measured frames.
    app.Ui().speed = 8.0f;
    app.StartPlaying();
    frame_ms.reserve(std::size_t(flags.bench_frames));
  }

  DropQueue drops;
  glfwSetWindowUserPointer(win, &drops);
  glfwSetDropCallback(win, [](GLFWwindow* w, int count, const char** paths) {
    auto* q = static_cast<DropQueue*>(glfwGetWindowUserPointer(w));
    for (int i = 0; i < count; ++i) q->paths.emplace_back(paths[i]);
  });
  // Closing the window asks App first (unsaved editor text); App then sets WantsQuit.
  glfwSetWindowCloseCallback(win, [](GLFWwindow* w) {
    static_cast<DropQueue*>(glfwGetWindowUserPointer(w))->close_requested = true;
    glfwSetWindowShouldClose(w, GLFW_FALSE);
  });
  app.Ui().show_editor = flags.editor;

  bool fullscreen = false;
  int saved_geometry[4] = {0, 0, 0, 0};
  glfwGetWindowPos(win, &saved_geometry[0], &saved_geometry[1]);
  glfwGetWindowSize(win, &saved_geometry[2], &saved_geometry[3]);
  if (flags.fullscreen) app.Ui().fullscreen = true;
  ImVector<ImWchar> glyph_ranges, picture_ranges;
  int frames = 0;
  auto last = std::chrono::steady_clock::now();
  int exit_code = 0;
  // Frames still to draw after waking: ImGui sees a click's release, opens a popup or
  // settles a layout one frame after the event, so a quick click must not wait for the next
  // mouse move to take effect.
  int settle_frames = 0;
  std::string titled;  ///< the file the window title names
  while (!glfwWindowShouldClose(win)) {
    // Sleep while nothing moves; wake at least twice a second for hot reload.
    if (!screenshot_mode && !frame_report && !app.Animating() && settle_frames == 0) {
      glfwWaitEventsTimeout(0.5);
      settle_frames = 2;
    } else {
      glfwPollEvents();
      if (settle_frames > 0) --settle_frames;
    }
    for (const std::string& p : drops.paths) app.RequestOpen(p);
    drops.paths.clear();
    if (drops.close_requested) app.RequestQuit();
    drops.close_requested = false;
    if (app.Ui().fullscreen != fullscreen) {
      fullscreen = app.Ui().fullscreen;
      SetFullscreen(win, fullscreen, saved_geometry);
    }
    if (app.FontsDirty()) {
      const std::string picture = app.PictureGlyphText();
      BuildFonts(io.Fonts, app.FontPixelSize(), app.GlyphText(), &glyph_ranges, &picture,
                 &picture_ranges);
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
      app.FontsRebuilt();
    }
    auto now = std::chrono::steady_clock::now();
    float dt = std::chrono::duration<float>(now - last).count();
    last = now;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (screenshot_mode) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no stray hover tooltips
    ImGui::NewFrame();
    app.Frame(std::min(dt, 0.1f));
    ImGui::Render();
    // The title names the open file, as desktop programs do ("chain.json — Gopherscope").
    if (app.Doc().Path() != titled) {
      titled = app.Doc().Path();
      const std::string name = std::filesystem::path(titled).filename().string();
      glfwSetWindowTitle(win, name.empty() ? "Gopherscope" : (name + " — Gopherscope").c_str());
    }
    int w = 0, h = 0;
    glfwGetFramebufferSize(win, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++frames;
    if (screenshot_mode && frames >= 4) {
      if (!SaveBackBufferPng(flags.screenshot, w, h)) {
        std::fprintf(stderr, "gopherscope: cannot write %s\n", flags.screenshot.c_str());
        exit_code = 1;
      }
      break;
    }
    glfwSwapBuffers(win);
    if (g_quit_signal) {
      app.WriteRecoveryNow();
      break;
    }
    // The presenter view (F5): opened and closed as the app asks, drawn after the main frame.
    if (presenter_view.CloseRequested()) app.PresenterViewClosed();
    if (app.WantsPresenterView() != presenter_view.IsOpen()) {
      if (app.WantsPresenterView()) {
        if (!presenter_view.Open(win, main_ctx)) app.PresenterViewClosed();
      } else {
        presenter_view.Close(win, main_ctx);
      }
    }
    if (presenter_view.IsOpen()) presenter_view.Frame(app, win, main_ctx);
    if (auto req = app.TakeExportRequest()) RunMenuExport(*req, scenario_dir, app);
    if (app.WantsQuit()) break;
    if (frame_report) {
      glFinish();
      frame_ms.push_back(
          std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - now).count());
      if (int(frame_ms.size()) >= flags.bench_frames) {
        std::vector<float> sorted = frame_ms;
        std::sort(sorted.begin(), sorted.end());
        float sum = 0;
        for (float ms : sorted) sum += ms;
        const float mean = sum / float(sorted.size());
        std::printf("frames %zu  mean %.2f ms (%.0f fps)  p50 %.2f ms  p95 %.2f ms  max %.2f ms\n",
                    sorted.size(), mean, 1000.0f / mean, sorted[sorted.size() / 2],
                    sorted[sorted.size() * 95 / 100], sorted.back());
        break;
      }
      continue;  // uncapped
    }
    // Cap the frame rate ourselves: vsync is ignored under Xvfb.
    auto spent = std::chrono::steady_clock::now() - now;
    auto budget = std::chrono::microseconds(16600);
    if (spent < budget) std::this_thread::sleep_for(budget - spent);
  }
  if (!screenshot_mode && !frame_report && !exact_size) {
    WindowRect r;
    if (fullscreen) {
      r = {saved_geometry[0], saved_geometry[1], saved_geometry[2], saved_geometry[3]};
    } else {
      glfwGetWindowPos(win, &r.x, &r.y);
      glfwGetWindowSize(win, &r.w, &r.h);
    }
    app.SetWindowRect(r);
  }
  presenter_view.Close(win, main_ctx);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(win);
  glfwTerminate();
  return exit_code;
}

}  // namespace gs::app
