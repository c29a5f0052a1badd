// A headless ImGui context for driving the real App: fonts built, no window, no GL.
#pragma once

#include <imgui.h>

#include <string>

#include "app/shell/app.h"
#include "app/shell/fonts.h"

namespace gs::app::test {

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
    bool cjk = gs::app::BuildFonts(io.Fonts, app.FontPixelSize(), app.GlyphText(), &m_ranges);
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
};

}  // namespace gs::app::test
