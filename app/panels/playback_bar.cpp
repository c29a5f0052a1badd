#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/imgui_compat.h"
#include "app/panels/panels.h"
#include "app/shell/strings.h"

namespace gs::app {
namespace {

// The scrubber: a bar with a tick for each notable step (folded to one per pixel column),
// step numbers along it, and a draggable head.
void Scrubber(const Run& run, const std::vector<std::size_t>& notable, std::size_t step,
              Commands& cmd) {
  const std::size_t last = run.StepCount() - 1;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float h = ImGui::GetFrameHeight() * 1.6f;
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton("##scrubber", ImVec2(w, h));
  const bool active = ImGui::IsItemActive();
  if (active && last > 0) {
    float fx = (ImGui::GetIO().MousePos.x - p0.x) / w;
    fx = std::clamp(fx, 0.0f, 1.0f);
    auto target = static_cast<std::size_t>(std::lround(fx * float(last)));
    if (target != step) cmd.seek = target;
  }
  const ImU32 track = ImGui::GetColorU32(ImGuiCol_FrameBg);
  const ImU32 fill = ImGui::GetColorU32(ImGuiCol_SliderGrab);
  const ImU32 mark = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float bar_y0 = p0.y + h * 0.25f, bar_y1 = p0.y + h * 0.6f;
  dl->AddRectFilled(ImVec2(p0.x, bar_y0), ImVec2(p0.x + w, bar_y1), track, 3.0f);
  auto x_of = [&](std::size_t s) { return p0.x + (last ? w * float(s) / float(last) : 0.0f); };
  dl->AddRectFilled(ImVec2(p0.x, bar_y0), ImVec2(x_of(step), bar_y1), fill, 3.0f);
  float last_x = -1e9f;
  for (std::size_t s : notable) {
    float x = std::floor(x_of(s));
    if (x == last_x) continue;  // fold marks that share a pixel column
    last_x = x;
    dl->AddLine(ImVec2(x, p0.y), ImVec2(x, bar_y0), mark, 2.0f);
  }
  // Step numbers: about one label per 80 px.
  const std::size_t labels = std::max<std::size_t>(1, std::size_t(w / 80.0f));
  const std::size_t stride = std::max<std::size_t>(1, (last + labels - 1) / labels);
  char buf[32];
  for (std::size_t s = 0; s <= last; s += stride) {
    std::snprintf(buf, sizeof buf, "%zu", s);
    const float tw = ImGui::CalcTextSize(buf).x;
    dl->AddText(ImVec2(std::min(x_of(s) - tw * 0.5f, p0.x + w - tw), bar_y1 + 1.0f), text, buf);
  }
  const float hx = x_of(step);
  dl->AddCircleFilled(ImVec2(hx, (bar_y0 + bar_y1) * 0.5f), h * 0.28f,
                      ImGui::GetColorU32(ImGuiCol_SliderGrabActive));
}

}  // namespace

void DrawPlaybackBar(const Run& run, const std::vector<std::size_t>& notable, const Playback& play,
                     UiState& ui, Commands& cmd) {
  const Lang l = ui.lang;
  const std::size_t last = run.StepCount() - 1;
  auto button = [&](const char* label, Str tip, const char* key) {
    bool pressed = ImGui::Button(label, ImVec2(ImGui::GetFrameHeight() * 1.8f, 0));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s)", Tr(tip, l), key);
    ImGui::SameLine();
    return pressed;
  };
  if (button("|<", Str::kFirst, "Home")) cmd.seek = 0;
  if (button("<", Str::kPrev, "Left") && play.step > 0) cmd.seek = play.step - 1;
  if (button(play.playing ? "||" : ">", play.playing ? Str::kPause : Str::kPlay, "Space")) {
    cmd.toggle_play = true;
  }
  if (button(">|", Str::kNext, "Right") && play.step < last) cmd.seek = play.step + 1;
  if (button(">>|", Str::kLast, "End")) cmd.seek = last;
  ImGui::Text("%s %zu / %zu", Tr(Str::kStep, l), play.step, last);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
  ImGui::SliderFloat("##speed", &ui.speed, 0.25f, 8.0f, "%.2fx", ImGuiSliderFlags_Logarithmic);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(Str::kSpeed, l));
  Scrubber(run, notable, play.step, cmd);
}

}  // namespace gs::app
