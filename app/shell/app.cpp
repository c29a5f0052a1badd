// [SECTION] index: construction · scenario and step · frame layout · keys · commands · tick
#include "app/shell/app.h"

#include <algorithm>
#include <cmath>

#include "app/imgui_compat.h"
#include "app/panels/panels.h"
#include "app/shell/keys.h"
#include "app/shell/strings.h"

namespace gs::app {
namespace {

constexpr float kStepSeconds = 1.0f;  ///< auto-play: one step per second at 1×
constexpr float kAnimSeconds = 0.25f; ///< a step's animation at 1×

void ForEachCodepoint(const std::string& s, const ImFont* font, bool* missing) {
  const char* p = s.c_str();
  const char* end = p + s.size();
  while (p < end && !*missing) {
    // Decode one UTF-8 sequence (the lead byte gives its length).
    const auto lead = static_cast<unsigned char>(*p);
    int n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (end - p < n) break;
    unsigned int c = n == 1 ? lead : lead & (0x3Fu >> (n - 1));
    for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(p[k]) & 0x3Fu);
    p += n;
    if (c >= 0x80 && font && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) *missing = true;
  }
}

}  // namespace

// [SECTION] construction
App::App(std::string scenario_dir, std::string settings_path)
    : m_scenario_dir(std::move(scenario_dir)), m_settings_path(std::move(settings_path)) {
  m_ui = LoadUiState(m_settings_path);
  m_library = ScanLibrary(m_scenario_dir);
}

void App::SetContentScale(float s) {
  s = std::clamp(s, 0.5f, 4.0f);
  if (s == m_content_scale) return;
  m_content_scale = s;
  m_fonts_dirty = true;
  m_style_dirty = true;
}

std::string App::GlyphText() const {
  std::string text;
  for (int i = 0; i < static_cast<int>(Str::kCount); ++i) {
    text += Tr(static_cast<Str>(i), Lang::kZh);
  }
  for (const LibraryEntry& e : m_library) text += e.title.zh;
  if (const auto& run = m_doc.GetRun()) {
    const Envelope& env = run->Meta();
    text += env.title.zh + env.summary.zh;
    for (const auto& s : env.says) text += s.zh;
    for (const auto& q : env.quiz) text += q.ask.zh;
    const std::size_t n = std::min<std::size_t>(run->StepCount(), 400);
    for (std::size_t i = 0; i < n; ++i) text += run->Narrate(i).text.zh;
  }
  return text;
}

// [SECTION] scenario and step
bool App::OpenScenario(const std::string& path) {
  bool ok = m_doc.Open(path);
  if (ok) {
    m_ui.last_scenario = path;
    SaveSettings();
  }
  OnNewRun(/*keep_step=*/false);
  return ok;
}

void App::OnNewRun(bool keep_step) {
  const auto& run = m_doc.GetRun();
  if (m_doc.Generation() == m_seen_generation || !run) return;
  m_seen_generation = m_doc.Generation();
  if (run->Meta().kind != m_view_kind || !m_view) {
    m_view_kind = run->Meta().kind;
    m_view = MakeView(m_view_kind);
  }
  if (m_view) {
    m_view->SetRun(run);
    for (const auto& [k, v] : m_view_options) m_view->SetOption(k, v);
  }
  const std::size_t last = run->StepCount() - 1;
  m_play.step = keep_step ? std::min(m_play.step, last) : 0;
  m_play.anim_from = m_play.step;
  m_play.anim_t = 1.0f;
  if (!keep_step) {
    m_play.playing = false;
    m_quiz_answers.clear();
  }
  // Notable steps for the scrubber, computed once per run.
  m_notable.clear();
  for (std::size_t s = 1; s < run->StepCount(); ++s) {
    if (run->Notable(s)) m_notable.push_back(s);
  }
  // New text may need glyphs the atlas lacks.
  bool missing = false;
  const ImFont* font = ImGui::GetCurrentContext() ? ImGui::GetIO().Fonts->Fonts.size() > 0
                                                        ? ImGui::GetIO().Fonts->Fonts[0]
                                                        : nullptr
                                                  : nullptr;
  if (font && font->IsLoaded()) {
    const Envelope& env = run->Meta();
    ForEachCodepoint(env.title.zh + env.summary.zh, font, &missing);
    for (const auto& s : env.says) ForEachCodepoint(s.zh, font, &missing);
    if (missing) m_fonts_dirty = true;
  }
}

bool App::SetConfig(const std::string& key, const std::string& value) {
  if (!m_doc.SetConfigOverride(key, value)) return false;
  OnNewRun(/*keep_step=*/true);
  return true;
}

void App::SetViewOption(std::string key, std::string value) {
  if (m_view) m_view->SetOption(key, value);
  m_view_options.emplace_back(std::move(key), std::move(value));
}

void App::SetStep(std::size_t step, bool animate) {
  const auto& run = m_doc.GetRun();
  if (!run) return;
  step = std::min(step, run->StepCount() - 1);
  if (step == m_play.step) return;
  m_play.anim_from = m_play.step;
  m_play.step = step;
  m_play.anim_t = (animate && !m_instant) ? 0.0f : 1.0f;
}

void App::CheckForChanges() {
  if (!m_doc.ChangedOnDisk()) return;
  if (m_doc.Reload()) {
    OnNewRun(/*keep_step=*/true);
    m_status = Tr(Str::kReloaded, m_ui.lang);
    m_status_time = 3.0f;
  }
}

void App::SaveSettings() {
  if (!m_settings_path.empty()) SaveUiState(m_settings_path, m_ui);
}

// [SECTION] frame layout
void App::Frame(float dt) {
  if (m_style_dirty) {
    ApplyImGuiStyle(m_ui.theme, UiScale());
    m_style_dirty = false;
  }
  Commands cmd;
  HandleKeys(cmd);
  DrawMenuBar(m_ui, cmd);

  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float scale = UiScale();
  const float top = ImGui::GetFrameHeight();
  const float left_w = std::min(300.0f * scale, display.x * 0.22f);
  const float right_w = std::min(460.0f * scale, display.x * 0.30f);
  const float bottom_h = ImGui::GetFrameHeightWithSpacing() * 3.4f;
  const float mid_h = std::max(50.0f, display.y - top - bottom_h);
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  const Lang l = m_ui.lang;

  ImGui::SetNextWindowPos(ImVec2(0, top));
  ImGui::SetNextWindowSize(ImVec2(left_w, mid_h));
  if (ImGui::Begin(Tr(Str::kLibrary, l), nullptr, fixed)) {
    DrawLibraryPanel(m_library, m_doc.Path(), l, m_open_buf, sizeof m_open_buf, cmd);
  }
  ImGui::End();

  DrawCanvas(left_w, top, display.x - left_w - right_w, mid_h);

  ImGui::SetNextWindowPos(ImVec2(display.x - right_w, top));
  ImGui::SetNextWindowSize(ImVec2(right_w, mid_h));
  if (ImGui::Begin(Tr(Str::kNarration, l), nullptr, fixed)) {
    const auto& run = m_doc.GetRun();
    if (!m_doc.Errors().Items().empty()) {
      ImGui::BeginChild("##errors_box", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.4f));
      DrawErrorsPanel(m_doc.Errors(), l);
      ImGui::EndChild();
    }
    if (run) {
      m_narration.Update(*run, m_play.step, l);
      DrawNarrationPanel(*run, m_narration, l);
      DrawQuizCard(*run, m_play.step, l, m_quiz_answers);
    }
  }
  ImGui::End();

  ImGui::SetNextWindowPos(ImVec2(0, top + mid_h));
  ImGui::SetNextWindowSize(ImVec2(display.x, display.y - top - mid_h));
  if (ImGui::Begin("##playback", nullptr, fixed | ImGuiWindowFlags_NoTitleBar)) {
    if (const auto& run = m_doc.GetRun()) {
      DrawPlaybackBar(*run, m_notable, m_play, m_ui, cmd);
    }
    if (m_status_time > 0.0f) ImGui::TextDisabled("%s", m_status.c_str());
  }
  ImGui::End();

  if (m_ui.show_help) DrawHelpOverlay(l, cmd);
  if (m_ui.show_metrics) ImGui::ShowMetricsWindow(&m_ui.show_metrics);

  Apply(cmd);
  Tick(dt);
}

void App::DrawCanvas(float x, float y, float w, float h) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(w, h));
  const Theme& theme = GetTheme(m_ui.theme);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(theme.canvas_bg));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##canvas", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  const auto& run = m_doc.GetRun();
  if (run && m_view) {
    ViewContext ctx{*run, m_play.step, m_play.anim_from, m_play.anim_t, m_ui.lang, theme,
                    UiScale(), ImGui::GetWindowDrawList(), ImGui::GetWindowPos(),
                    ImGui::GetWindowSize(), {}};
    m_view->Draw(ctx);
    for (const auto& [key, value] : ctx.requests.set_config) {
      m_pending_config = std::make_pair(key, value);
    }
  } else if (run) {
    ImGui::SetCursorPos(ImVec2(20 * UiScale(), 20 * UiScale()));
    ImGui::PushTextWrapPos(w - 20 * UiScale());
    ImGui::TextUnformatted(Tr(Str::kNoView, m_ui.lang));
    ImGui::PopTextWrapPos();
  } else {
    ImGui::SetCursorPos(ImVec2(20 * UiScale(), 20 * UiScale()));
    ImGui::TextUnformatted(Tr(Str::kDropHint, m_ui.lang));
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

// [SECTION] keys
void App::HandleKeys(Commands& cmd) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  const auto& run = m_doc.GetRun();
  const std::size_t last = run ? run->StepCount() - 1 : 0;
  if (ImGui::IsKeyPressed(keys::kSpace, false)) cmd.toggle_play = true;
  if (ImGui::IsKeyPressed(keys::kRight, true) && m_play.step < last) cmd.seek = m_play.step + 1;
  if (ImGui::IsKeyPressed(keys::kLeft, true) && m_play.step > 0) cmd.seek = m_play.step - 1;
  if (ImGui::IsKeyPressed(keys::kHome, false)) cmd.seek = 0;
  if (ImGui::IsKeyPressed(keys::kEnd, false)) cmd.seek = last;
  if (ImGui::IsKeyPressed(keys::kEqual, false) || ImGui::IsKeyPressed(keys::kKpAdd, false)) {
    cmd.font_delta = +1;
  }
  if (ImGui::IsKeyPressed(keys::kMinus, false) || ImGui::IsKeyPressed(keys::kKpSubtract, false)) {
    cmd.font_delta = -1;
  }
  if (ImGui::IsKeyPressed(keys::kF11, false)) cmd.toggle_fullscreen = true;
  if (ImGui::IsKeyPressed(keys::kF1, false)) cmd.toggle_help = true;
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kR, false)) {
    cmd.reload = true;
  } else if (!io.KeyCtrl) {
    if (ImGui::IsKeyPressed(keys::kT, false)) cmd.toggle_theme = true;
    if (ImGui::IsKeyPressed(keys::kL, false)) cmd.toggle_lang = true;
  }
  if (ImGui::IsKeyPressed(keys::kEscape, false) && m_ui.show_help) cmd.toggle_help = true;
}

// [SECTION] commands
void App::Apply(const Commands& cmd) {
  bool save = false;
  if (cmd.open_path) OpenScenario(*cmd.open_path);
  if (cmd.reload && m_doc.Reload()) OnNewRun(/*keep_step=*/true);
  if (m_pending_config) {
    auto [key, value] = *m_pending_config;
    m_pending_config.reset();
    SetConfig(key, value);
  }
  if (cmd.seek) {
    const bool adjacent = (*cmd.seek + 1 == m_play.step) || (*cmd.seek == m_play.step + 1);
    SetStep(*cmd.seek, adjacent);
  }
  if (cmd.toggle_play) {
    const auto& run = m_doc.GetRun();
    if (run && m_play.step + 1 >= run->StepCount()) SetStep(0, false);
    m_play.playing = !m_play.playing;
    m_play.until_next = kStepSeconds / m_ui.speed;
  }
  if (cmd.toggle_theme) {
    m_ui.theme = m_ui.theme == ThemeKind::kDark ? ThemeKind::kLight : ThemeKind::kDark;
    m_style_dirty = true;
    save = true;
  }
  if (cmd.toggle_lang) {
    m_ui.lang = m_ui.lang == Lang::kEn ? Lang::kZh : Lang::kEn;
    save = true;
  }
  if (cmd.font_delta != 0) {
    float next = m_ui.font_scale * (cmd.font_delta > 0 ? 1.15f : 1.0f / 1.15f);
    next = std::clamp(next, 0.6f, 3.0f);
    if (next != m_ui.font_scale) {
      m_ui.font_scale = next;
      m_fonts_dirty = true;
      m_style_dirty = true;
      save = true;
    }
  }
  if (cmd.toggle_fullscreen) m_ui.fullscreen = !m_ui.fullscreen;
  if (cmd.toggle_help) m_ui.show_help = !m_ui.show_help;
  if (cmd.quit) m_quit = true;
  if (save) SaveSettings();
}

// [SECTION] tick
void App::Tick(float dt) {
  const auto& run = m_doc.GetRun();
  const float speed = std::clamp(m_ui.speed, 0.25f, 8.0f);
  if (m_play.anim_t < 1.0f) {
    m_play.anim_t = std::min(1.0f, m_play.anim_t + dt * speed / kAnimSeconds);
  }
  if (m_play.playing && run) {
    m_play.until_next -= dt;
    if (m_play.until_next <= 0.0f) {
      if (m_play.step + 1 < run->StepCount()) {
        SetStep(m_play.step + 1, true);
        m_play.until_next += kStepSeconds / speed;
        if (m_play.until_next < 0.0f) m_play.until_next = 0.0f;
      } else {
        m_play.playing = false;
      }
    }
  }
  if (m_status_time > 0.0f) m_status_time -= dt;
  m_reload_timer += dt;
  if (m_reload_timer >= 0.5f) {
    m_reload_timer = 0.0f;
    CheckForChanges();
  }
}

}  // namespace gs::app
