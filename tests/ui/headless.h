// A headless ImGui context for driving the real App: fonts built, no window, no GL.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "app/shell/app.h"
#include "app/shell/fonts.h"
#include "app/views/topic_view.h"

namespace gs::app::test {

/// The state hash of every step: what "loads back to the same timeline" compares.
inline std::vector<std::uint64_t> Hashes(const Run& run) {
  std::vector<std::uint64_t> h;
  for (std::size_t i = 0; i < run.StepCount(); ++i) h.push_back(run.Hash(i));
  return h;
}

class Headless {
 public:
  Headless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.DeltaTime = 1.0f / 60.0f;
  }
  ~Headless() { ImGui::DestroyContext(); }

  /// Builds the atlas the way the window does (CJK font when one is installed).
  bool BuildFonts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    const std::string picture = app.PictureGlyphText();
    bool cjk = gs::app::BuildFonts(io.Fonts, app.FontPixelSize(), app.GlyphText(), &m_ranges,
                                   &picture, &m_picture_ranges);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    app.FontsRebuilt();
    return cjk;
  }

  /// One frame of the app; returns the draw data.
  ImDrawData* Frame(App& app, float dt = 1.0f / 60.0f) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = dt;
    if (app.FontsDirty()) BuildFonts(app);
    ImGui::NewFrame();
    app.Frame(dt);
    ImGui::Render();
    return ImGui::GetDrawData();
  }

  /// Presses and releases a key (io.KeysDown indexed by GLFW key codes, as in 1.86).
  void Press(App& app, int key, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[key] = true;
    Frame(app);
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    Frame(app);
  }

 private:
  ImVector<ImWchar> m_ranges;
  ImVector<ImWchar> m_picture_ranges;
};

/// Draws one frame of `view` alone in a window of `width` × 800 px (no App around it),
/// animating from `step - 1` at progress `t`; returns the draw data.
/// With `texts`, the view's canvas logs every text it draws there (see TextItem), and
/// `panel` receives the canvas rectangle they must stay inside.
inline ImDrawData* DrawViewFrame(TopicView& view, const Run& run, std::size_t step, float t,
                                 Lang lang, ThemeKind theme, float width = 1200.0f,
                                 float height = 800.0f, std::vector<TextItem>* texts = nullptr,
                                 ImVec4* panel = nullptr) {
  ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("canvas", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar();
  ImCanvas canvas = ImCanvas::ForCurrentWindow();
  canvas.SetRecording(texts != nullptr);
  ViewContext ctx{run,
                  step,
                  step > 0 ? step - 1 : 0,
                  t,
                  lang,
                  GetTheme(theme),
                  1.0f,
                  ImGui::GetWindowDrawList(),
                  ImGui::GetWindowPos(),
                  ImGui::GetWindowSize(),
                  {}};
  ctx.canvas = &canvas;
  ctx.ui_font = ImGui::GetFontSize();
  view.Draw(ctx);
  if (texts) *texts = canvas.Texts();
  if (panel) {
    *panel = ImVec4(ctx.origin.x, ctx.origin.y, ctx.origin.x + ctx.size.x,
                    ctx.origin.y + ctx.size.y);
  }
  ImGui::End();
  ImGui::Render();
  return ImGui::GetDrawData();
}

/// Fonts built, `file` open and the sandbox on: where a record-by-demonstration test starts.
inline bool OpenInSandbox(Headless& h, App& app, const std::string& file) {
  h.BuildFonts(app);
  if (!app.OpenScenario(file)) return false;
  app.SetSandbox(true);
  return true;
}

}  // namespace gs::app::test
