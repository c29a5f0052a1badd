// Presenter mode: what a lecture hall sees. The picture fills the window, the text is
// App::kPresenterScale times the desk size, and the narration sits in a strip below it that
// the presenter can hide (period) or blank the whole screen (B). No menus, lists or editor:
// the clicker's PageDown / PageUp (and the arrows) step.
#include <algorithm>
#include <cstdio>

#include "app/imgui_compat.h"
#include "app/panels/cjk_wrap.h"
#include "app/panels/panels.h"
#include "app/shell/app.h"
#include "app/shell/strings.h"
#include "app/shell/theme.h"

namespace gs::app {

void App::DrawPresenter(Commands& cmd) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const ImGuiWindowFlags bare = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                ImGuiWindowFlags_NoSavedSettings;
  if (m_ui.presenter.blank) {
    // A black screen while the teacher talks; any step key still works underneath.
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 1));
    ImGui::Begin("##blank", nullptr, bare | ImGuiWindowFlags_NoInputs);
    ImGui::End();
    ImGui::PopStyleColor();
    return;
  }
  const Lang l = m_ui.lang;
  const auto& run = m_doc.GetRun();
  // The strip is as tall as the step's narration needs (a heading line, the wrapped text and
  // padding), between a fifth and two fifths of the height; beyond that it scrolls.
  float strip_h = 0.0f;
  if (m_ui.presenter.narration && run) {
    m_narration.Update(*run, m_play.step, l);
    const ImGuiStyle& st = ImGui::GetStyle();
    const float wrap = display.x - 2.0f * st.WindowPadding.x - st.ScrollbarSize;
    const float text_h =
        ImGui::CalcTextSize(m_narration.narration.text.Get(l).c_str(), nullptr, false, wrap).y;
    const float need = text_h + ImGui::GetFrameHeightWithSpacing() * 2.0f + st.WindowPadding.y * 2;
    strip_h = std::floor(std::clamp(need, display.y * 0.2f, display.y * 0.4f));
  }
  DrawCanvas(0, 0, display.x, display.y - strip_h);
  DrawLaser();
  m_presenter_seconds += ImGui::GetIO().DeltaTime;
  if (strip_h <= 0 || !run) return;
  ImGui::SetNextWindowPos(ImVec2(0, display.y - strip_h));
  ImGui::SetNextWindowSize(ImVec2(display.x, strip_h));
  if (ImGui::Begin("##presenter_strip", nullptr, bare)) {
    m_narration.Update(*run, m_play.step, l);
    const Narration& n = m_narration.narration;
    ImGui::TextDisabled("%s %zu / %zu", Tr(Str::kStep, l), m_play.step, run->StepCount() - 1);
    if (!n.func.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram), "%s", n.func.c_str());
    }
    ImGui::SameLine();
    ImGui::TextDisabled("  %s", run->Meta().title.Get(l).c_str());
    // The time since presenter mode began: a lecture's clock, at the strip's right end.
    const int secs = int(m_presenter_seconds);
    char clock[16];
    std::snprintf(clock, sizeof clock, "%d:%02d", secs / 60, secs % 60);
    if (m_presenter_clock) {
      ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(clock).x);
      ImGui::TextDisabled("%s", clock);
    }
    ImGui::Separator();
    TextWrappedCjk(n.text.Get(l));
    DrawQuizCard(*run, m_play.step, l, m_quiz, cmd);
    if (m_status_time > 0.0f) ImGui::TextDisabled("%s", m_status.c_str());
  }
  ImGui::End();
}

// The presenter view: what only the teacher sees, in its own window. The current op's notes
// (large), the step and the lecture clock, what this step says, and what the next one will.
void App::DrawPresenterView() {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const Lang l = m_ui.lang;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::Begin("##presenter_view", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  const auto& run = m_doc.GetRun();
  m_pv_notes.clear();
  m_pv_next.clear();
  if (run) {
    const std::size_t last = run->StepCount() - 1;
    const int secs = int(m_presenter_seconds);
    ImGui::TextDisabled("%s %zu / %zu   %d:%02d", Tr(Str::kStep, l), m_play.step, last, secs / 60,
                        secs % 60);
    ImGui::SameLine();
    ImGui::TextDisabled("  %s", run->Meta().title.Get(l).c_str());
    if (m_lesson) {
      ImGui::TextDisabled("%s", LessonStatus().c_str());
    }
    ImGui::Separator();
    const ImVec4 amber(0.95f, 0.65f, 0.1f, 1.0f);
    ImGui::TextColored(amber, "%s", Tr(Str::kNotes, l));
    if (const LocalizedText* notes = run->Notes(m_play.step)) m_pv_notes = notes->Get(l);
    TextWrappedCjk(m_pv_notes.empty() ? std::string(Tr(Str::kNoNotes, l)) : m_pv_notes);
    ImGui::Separator();
    ImGui::TextDisabled("%s", Tr(Str::kNow, l));
    m_narration.Update(*run, m_play.step, l);
    TextWrappedCjk(m_narration.narration.text.Get(l));
    ImGui::Separator();
    ImGui::TextDisabled("%s", Tr(Str::kNext, l));
    if (m_play.step < last) {
      m_next_narration.Update(*run, m_play.step + 1, l);
      m_pv_next = m_next_narration.narration.text.Get(l);
      TextWrappedCjk(m_pv_next);
    } else {
      TextWrappedCjk(Tr(Str::kLast, l));
    }
  }
  ImGui::End();
}

// A laser pointer: while the mouse moves, a red dot (big enough for the back row) replaces
// the cursor; it fades out after kLaserSeconds without movement.
void App::DrawLaser() {
  const ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsMousePosValid()) {
    m_laser_idle = kLaserSeconds;
    return;
  }
  if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f) {
    m_laser_idle = 0.0f;
  } else {
    m_laser_idle += io.DeltaTime;
  }
  if (!LaserShown()) return;
  const float fade = std::clamp((kLaserSeconds - m_laser_idle) / 0.5f, 0.0f, 1.0f);
  const float r = std::max(10.0f, io.DisplaySize.y * 0.018f);
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  const auto alpha = [fade](float a) { return int(255.0f * a * fade); };
  fg->AddCircleFilled(io.MousePos, r * 2.2f, IM_COL32(255, 40, 40, alpha(0.25f)), 32);
  fg->AddCircleFilled(io.MousePos, r, IM_COL32(255, 30, 30, alpha(0.95f)), 32);
  fg->AddCircleFilled(io.MousePos, r * 0.4f, IM_COL32(255, 220, 220, alpha(1.0f)), 16);
  ImGui::SetMouseCursor(ImGuiMouseCursor_None);
}

}  // namespace gs::app
