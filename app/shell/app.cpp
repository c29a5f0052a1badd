// [SECTION] index: construction · scenario and step · frame layout · keys · commands ·
//                  editor · tick
#include "app/shell/app.h"

#include <sys/stat.h>

#include "engine/core/authoring.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "app/imgui_compat.h"
#include "app/panels/editor_panel.h"
#include "app/panels/panels.h"
#include "app/shell/keys.h"
#include "app/shell/strings.h"
#include "app/shell/theme_file.h"
#include "app/views/svg_canvas.h"

namespace gs::app {
namespace {

constexpr float kStepSeconds = 1.0f;   ///< auto-play: one step per second at 1×
constexpr float kAnimSeconds = 0.25f;  ///< a step's animation at 1×

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

/// The distinct non-ASCII characters of `s` that `font` has no glyph for.
std::vector<unsigned> MissingGlyphs(const std::string& s, const ImFont& font) {
  std::vector<unsigned> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (i + n > s.size()) break;
    unsigned c = n == 1 ? lead : lead & (0x3Fu >> (n - 1));
    for (std::size_t k = 1; k < n; ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += n;
    if (c < 0x80 || c > 0xFFFF || font.FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

}  // namespace

// [SECTION] construction
App::App(std::string scenario_dir, std::string settings_path)
    : m_scenario_dir(std::move(scenario_dir)), m_settings_path(std::move(settings_path)) {
  std::string broken_kept;
  m_ui = LoadUiState(m_settings_path, &broken_kept);
  std::string report = TakeThemeReport();  // once: LoadThemes ran before the window opened
  if (!broken_kept.empty()) {
    report = std::string(Tr(Str::kSettingsBroken, m_ui.lang)) + " " + broken_kept +
             (report.empty() ? "" : "\n" + report);
  }
  if (!report.empty()) SetStatus(report);
  // Screenshots and tests (no settings file) neither write nor offer a recovery, and have
  // no folder of their own scenarios.
  if (!m_settings_path.empty()) {
    SetRecoveryPath(RecoveryPath());
    m_user_dir = UserScenarioDir();
  }
  RefreshLibrary();
}

void App::RefreshLibrary() {
  std::vector<LibraryEntry> builtin = ScanLibrary(m_scenario_dir);
  std::vector<LibraryEntry> mine;
  std::error_code ec;
  if (!m_user_dir.empty() && std::filesystem::is_directory(m_user_dir, ec)) {
    mine = ScanLibrary(m_user_dir);
    for (LibraryEntry& e : mine) e.group = "mine";
  }
  m_library.clear();
  for (const std::string& path : m_ui.recent) {
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    LibraryEntry r;
    r.path = path;
    r.group = "recent";
    r.title.en = std::filesystem::path(path).filename().string();
    for (const auto* list : {&builtin, &mine}) {
      for (const LibraryEntry& e : *list) {
        if (e.path != path) continue;
        r = e;
        r.group = "recent";
      }
    }
    m_library.push_back(std::move(r));
  }
  m_library.insert(m_library.end(), builtin.begin(), builtin.end());
  m_library.insert(m_library.end(), mine.begin(), mine.end());
}

// [SECTION] crash recovery
void App::SetRecoveryPath(std::string path) {
  m_recovery_path = std::move(path);
  m_recovery_offer = ReadRecovery(m_recovery_path);
}

void App::WriteRecoveryNow() {
  if (m_recovery_path.empty() || !m_editor.Dirty()) return;
  if (WriteRecovery(m_recovery_path, {m_editor.Path(), m_editor.Text()})) {
    m_recovery_written = true;
  }
}

void App::TickRecovery(float dt) {
  if (m_recovery_path.empty()) return;
  if (!m_editor.Dirty()) {
    // Saved or discarded: nothing is at risk any more.
    if (m_recovery_written) ClearRecovery(m_recovery_path);
    m_recovery_written = false;
    m_recovery_quiet = 0.0f;
    return;
  }
  if (m_editor.Edits() != m_recovery_edits) {
    m_recovery_edits = m_editor.Edits();
    m_recovery_quiet = 0.0f;
    m_recovery_pending = true;
    return;
  }
  m_recovery_quiet += dt;
  // A couple of seconds after the typing stops, not on every key.
  if (m_recovery_pending && m_recovery_quiet >= kRecoverySeconds) {
    WriteRecoveryNow();
    m_recovery_pending = false;
  }
}

bool App::RestoreRecovery() {
  if (!m_recovery_offer) return false;
  Recovered r = std::move(*m_recovery_offer);
  m_recovery_offer.reset();
  // The file as on disk is the saved text; the recovered text is an unsaved edit over it.
  if (!r.path.empty()) OpenScenario(r.path);
  m_editor.SetText(std::move(r.text));
  m_ui.show_editor = true;
  return true;
}

void App::DiscardRecovery() {
  m_recovery_offer.reset();
  ClearRecovery(m_recovery_path);
}

void App::DrawRecoveryPrompt() {
  if (!m_recovery_offer) return;
  const Lang l = m_ui.lang;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin(Tr(Str::kRecoveredTitle, l), nullptr,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                       ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextUnformatted(Tr(Str::kRecoveredAsk, l));
    ImGui::TextDisabled("%s", m_recovery_offer->path.c_str());
    if (ImGui::Button(Tr(Str::kRestore, l))) RestoreRecovery();
    ImGui::SameLine();
    if (ImGui::Button(Tr(Str::kDiscard, l))) DiscardRecovery();
  }
  ImGui::End();
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
  text += m_editor.Text();
  return text;
}

std::string App::PictureGlyphText() const {
  std::string text;
  for (int i = 0; i < static_cast<int>(Str::kCount); ++i) {
    text += Tr(static_cast<Str>(i), Lang::kZh);
  }
  if (const auto& run = m_doc.GetRun()) text += run->Meta().title.zh;
  return text;
}

// [SECTION] scenario and step
bool App::OpenScenario(const std::string& path) {
  if (IsLessonPath(path)) {
    Lesson lesson;
    std::string error;
    if (!LoadLesson(path, m_scenario_dir, &lesson, &error)) {
      SetStatus(error);
      return false;
    }
    m_lesson = std::move(lesson);
    m_lesson_index = 0;
    const bool ok = OpenScenario(m_lesson->scenarios[0]);
    if (ok) SetStep(std::min(LessonFrom(), m_doc.GetRun()->StepCount() - 1), false);
    SetStatus(LessonStatus());
    return ok;
  }
  // A scenario outside the open lesson closes the lesson.
  if (m_lesson) {
    auto it = std::find(m_lesson->scenarios.begin(), m_lesson->scenarios.end(), path);
    if (it == m_lesson->scenarios.end()) {
      m_lesson.reset();
    } else {
      m_lesson_index = std::size_t(it - m_lesson->scenarios.begin());
    }
  }
  bool ok = m_doc.Open(path);
  // The editor shows the file asked for, even one that does not load, so it can be fixed.
  m_editor.LoadFromDisk(path);
  m_disk_changed = false;
  if (ok) {
    m_ui.last_scenario = path;
    if (!m_settings_path.empty()) {
      NoteRecent(m_ui, path);
      RefreshLibrary();
    }
    SaveSettings();
  }
  OnNewRun(/*keep_step=*/false);
  return ok;
}

bool App::MoveInLesson(int delta) {
  if (!m_lesson) return false;
  const std::int64_t next = std::int64_t(m_lesson_index) + delta;
  if (next < 0 || next >= std::int64_t(m_lesson->scenarios.size())) return false;
  m_lesson_index = std::size_t(next);
  if (OpenScenario(m_lesson->scenarios[m_lesson_index])) {
    SetStep(std::min(LessonFrom(), m_doc.GetRun()->StepCount() - 1), false);
  }
  SetStatus(LessonStatus());
  return true;
}

std::string App::LessonStatus() const {
  if (!m_lesson) return {};
  std::string s = Tr(Str::kLesson, m_ui.lang);
  s += " ";
  s += m_lesson->title.Get(m_ui.lang);
  s += "  ";
  s += std::to_string(m_lesson_index + 1);
  s += "/";
  s += std::to_string(m_lesson->scenarios.size());
  s += "  ([ ])";
  return s;
}

void App::OnNewRun(bool keep_step) {
  const auto& run = m_doc.GetRun();
  if (m_doc.Generation() == m_seen_generation || !run) return;
  m_seen_generation = m_doc.Generation();
  if (!keep_step) m_zoom.Reset();
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
  if (!keep_step || run->Meta().quiz.size() != m_quiz_size) {
    m_quiz.Reset(run->Meta().quiz);
    m_quiz_size = run->Meta().quiz.size();
  }
  if (!keep_step) m_play.playing = false;
  // Notable steps for the scrubber, computed once per run.
  m_notable.clear();
  for (std::size_t s = 1; s < run->StepCount(); ++s) {
    if (run->Notable(s)) m_notable.push_back(s);
  }
  // New text may need glyphs the atlas lacks.
  bool missing = false;
  const ImFont* font =
      ImGui::GetCurrentContext()
          ? ImGui::GetIO().Fonts->Fonts.size() > 0 ? ImGui::GetIO().Fonts->Fonts[0] : nullptr
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

bool App::PickQuizAnswer(int i, const std::string& choice) {
  const auto& run = m_doc.GetRun();
  if (!run) return false;
  const auto& quiz = run->Meta().quiz;
  if (!m_quiz.Answer(quiz, i, choice)) return false;
  // Scores are kept per scenario file for self-study: right / answered, this sitting.
  if (!m_doc.Path().empty()) {
    m_ui.quiz_scores[m_doc.Path()] = {m_quiz.Right(), m_quiz.Answered()};
    SaveSettings();
  }
  // Reveal: the step the question was about plays now.
  const std::size_t target = std::size_t(quiz[std::size_t(i)].before_step);
  if (m_play.step + 1 == target) SetStep(target, true);
  return true;
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
  ApplyDiskVersion(Document::ReadVersion(m_doc.PrepareReload()));
}

void App::ApplyDiskVersion(Document::DiskVersion v) {
  if (!m_doc.IsNewVersion(v)) return;
  const bool editing_this = m_editor.Path() == m_doc.Path();
  if (editing_this && m_editor.Dirty()) {
    // Never reload over the author's unsaved text: say so in the editor instead.
    m_doc.NoteSeen(v);
    m_disk_changed = true;
    return;
  }
  std::string text = v.text;
  const bool ok = m_doc.Adopt(std::move(v));
  if (editing_this) m_editor.Load(m_doc.Path(), std::move(text));
  if (ok) {
    OnNewRun(/*keep_step=*/true);
    m_status = Tr(Str::kReloaded, m_ui.lang);
  } else {
    // A broken version on disk: say so at once (the errors panel lists them), replacing any
    // "reloaded" still showing from the good version before it.
    m_status = Tr(Str::kErrorsKeepLast, m_ui.lang);
  }
  m_status_time = 3.0f;
}

void App::TickReload(float dt) {
  using namespace std::chrono_literals;
  // A version read in the background is taken on the UI thread, unless the document moved
  // on meanwhile (another file opened, the editor applied): then it is read again.
  if (m_reload_job.valid() && m_reload_job.wait_for(0s) == std::future_status::ready) {
    Document::DiskVersion v = m_reload_job.get();
    if (m_reload_job_epoch == m_doc.Epoch() && v.path == m_doc.Path()) {
      ApplyDiskVersion(std::move(v));
    } else {
      m_reload_wanted = true;
    }
  }
  m_watch.Watch(m_doc.Path());
  if (m_watch.Poll()) {
    if (!m_reload_wanted) m_reload_waited = 0.0f;
    m_reload_wanted = true;
    m_reload_quiet = 0.0f;
  } else {
    m_reload_quiet += dt;
  }
  // The safety net: file systems that send no events (network mounts) and lost events.
  m_safety_poll += dt;
  const float every = m_watch.Watching() ? 2.0f : 0.5f;
  if (m_safety_poll >= every) {
    m_safety_poll = 0.0f;
    if (!m_reload_wanted) m_reload_quiet = m_reload_debounce;
    m_reload_wanted = true;
  }
  if (m_reload_wanted) m_reload_waited += dt;
  // A burst of writes is read once it is over, or after a second of non-stop writing.
  const bool settled = m_reload_quiet >= m_reload_debounce || m_reload_waited >= 1.0f;
  if (m_reload_wanted && settled && !m_reload_job.valid() && !m_doc.Path().empty()) {
    m_reload_wanted = false;
    m_reload_waited = 0.0f;
    m_reload_job_epoch = m_doc.Epoch();
    m_reload_job = std::async(std::launch::async, &Document::ReadVersion, m_doc.PrepareReload());
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
  if (m_ui.presenter.on) {
    DrawPresenter(cmd);
    Apply(cmd);
    Tick(dt);
    return;
  }
  DrawMenuBar(m_ui, cmd);

  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float scale = UiScale();
  const float top = ImGui::GetFrameHeight();
  // On a projector (1280 × 720, 1024 × 768) the picture needs the width more than the
  // scenario list does: the list folds away and F9 brings it back.
  const bool library = m_ui.show_library < 0 ? display.x >= 1400.0f * scale : m_ui.show_library;
  const float left_w = library ? std::min(300.0f * scale, display.x * 0.22f) : 0.0f;
  const float right_w = std::min(460.0f * scale, display.x * 0.30f);
  const float bottom_h = ImGui::GetFrameHeightWithSpacing() * 3.4f;
  const float mid_h = std::max(50.0f, display.y - top - bottom_h);
  // The editor takes the lower part of the middle column, so the view stays in sight.
  const float canvas_h = m_ui.show_editor ? std::floor(mid_h * 0.56f) : mid_h;
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  const Lang l = m_ui.lang;

  if (library) {
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(left_w, mid_h));
    if (ImGui::Begin(Tr(Str::kLibrary, l), nullptr, fixed)) {
      DrawLibraryPanel(m_library, m_doc.Path(), l, m_library_input, cmd);
    }
    ImGui::End();
  }

  DrawCanvas(left_w, top, display.x - left_w - right_w, canvas_h);
  if (m_ui.show_editor) {
    ImGui::SetNextWindowPos(ImVec2(left_w, top + canvas_h));
    ImGui::SetNextWindowSize(ImVec2(display.x - left_w - right_w, mid_h - canvas_h));
    if (ImGui::Begin(Tr(Str::kEditor, l), nullptr, fixed)) {
      DrawEditorPanel(m_editor, m_doc.Errors(), m_disk_changed, l, cmd.editor);
    }
    ImGui::End();
  }

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
      DrawQuizCard(*run, m_play.step, l, m_quiz, cmd);
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
  DrawUnsavedPrompt(m_unsaved_prompt, l, cmd.editor);
  DrawRecoveryPrompt();
  if (const std::string picked = m_browser.Draw(l, m_ui.recent); !picked.empty()) {
    // Save As hands back an existing file only after the user agreed to replace it.
    if (m_browser.Saving()) {
      SaveRecordedAs(picked, /*replace=*/true);
    } else {
      cmd.open_path = picked;
    }
  }
  DrawSaveAnywayPrompt(m_confirm_save, std::filesystem::path(m_editor.Path()).filename().string(),
                       l, cmd.editor);
  DrawReadOnlyPrompt(m_read_only_prompt, std::filesystem::path(m_editor.Path()).filename().string(),
                     l, cmd.editor);

  Apply(cmd);
  Tick(dt);
  // Text typed or loaded into the editor may need glyphs the atlas lacks. Each missing
  // character asks for one rebuild only: the font may simply not have it.
  if (m_editor.Edits() != m_seen_edits) {
    m_seen_edits = m_editor.Edits();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const ImFont* font = atlas->Fonts.empty() ? nullptr : atlas->Fonts[0];
    if (font && font->IsLoaded()) {
      for (unsigned c : MissingGlyphs(m_editor.Text(), *font)) {
        if (std::find(m_glyphs_asked.begin(), m_glyphs_asked.end(), c) != m_glyphs_asked.end()) {
          continue;
        }
        m_glyphs_asked.push_back(c);
        m_fonts_dirty = true;
      }
    }
  }
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
  m_canvas_rect = ImVec4(x, y, x + w, y + h);
  const auto& run = m_doc.GetRun();
  if (run && m_view) {
    ImCanvas canvas = ImCanvas::ForCurrentWindow();
    ViewContext ctx{*run,
                    m_play.step,
                    m_play.anim_from,
                    m_play.anim_t,
                    m_ui.lang,
                    theme,
                    UiScale(),
                    ImGui::GetWindowDrawList(),
                    ImGui::GetWindowPos(),
                    ImGui::GetWindowSize(),
                    {},
                    m_ui.sandbox && !m_ui.presenter.on};
    ctx.canvas = &canvas;
    ctx.presenter = m_ui.presenter.on;
    ctx.ui_font = ImGui::GetFontSize();
    canvas.SetRecording(m_record_view_text);
    // The maps view zooms by itself (its buckets re-layout); every other picture is zoomed
    // here, by scaling what it drew.
    const bool zoomable = m_view_kind != "maps";
    if (zoomable) {
      m_zoom.HandleInput(ctx.origin, ctx.size);
      m_zoom.Begin(ctx.dl, ctx.origin);
    }
    m_view->Draw(ctx);
    if (zoomable) {
      m_zoom.End(ctx.dl);
      if (m_zoom.Zoom() > 1.0f) {
        char hint[96];
        std::snprintf(hint, sizeof hint, "%.1fx  %s", m_zoom.Zoom(), Tr(Str::kZoomHint, m_ui.lang));
        const ImVec2 ts = ImGui::CalcTextSize(hint);
        const ImVec2 at(ctx.origin.x + ctx.size.x - ts.x - 8, ctx.origin.y + 6);
        ctx.dl->AddRectFilled(ImVec2(at.x - 6, at.y - 2), ImVec2(at.x + ts.x + 6, at.y + ts.y + 2),
                              theme.panel_bg, 4.0f);
        ctx.dl->AddText(at, theme.text_dim, hint);
      }
    }
    if (m_record_view_text) m_view_texts = canvas.Texts();
    for (const auto& [key, value] : ctx.requests.set_config) {
      m_pending_config = std::make_pair(key, value);
    }
    for (const Json& op : ctx.requests.record_ops) m_pending_ops.push_back(op);
    // Predict-then-reveal by pointing: a click on a picture object that names one of the
    // asked question's choices answers it, as the choice button would.
    if (!ctx.requests.picked.empty() && run) {
      const int asked = QuizFlow::AskedAt(run->Meta().quiz, m_play.step);
      if (asked >= 0) m_pending_pick = std::make_pair(asked, ctx.requests.picked);
    }
    if (!ctx.presenter && (m_ui.sandbox || !m_sandbox_undo.empty())) DrawSandboxBar();
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

std::string App::PictureSvg(float width, float height) {
  const auto& run = m_doc.GetRun();
  if (!run || !m_view) return "";
  const Theme& theme = GetTheme(m_ui.theme);
  // Drawn inside an off-screen window so views that ask ImGui for their window still work;
  // picture_only keeps their widgets out (an SVG cannot hold them).
  ImGui::SetNextWindowPos(ImVec2(-width - 100.0f, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::Begin("##svg_export", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing);
  SvgCanvas svg(ImGui::GetFont(), width, height, theme.canvas_bg);
  ViewContext ctx{*run,
                  m_play.step,
                  m_play.step,
                  1.0f,
                  m_ui.lang,
                  theme,
                  UiScale(),
                  ImGui::GetWindowDrawList(),  // unused by views that draw through the canvas
                  ImVec2(0, 0),
                  ImVec2(width, height),
                  {},
                  false};
  ctx.canvas = &svg;
  ctx.ui_font = ImGui::GetFontSize();
  ctx.presenter = true;
  ctx.picture_only = true;
  m_view->Draw(ctx);
  ImGui::End();
  return svg.Finish();
}

// [SECTION] sandbox (record by demonstration)
bool App::RecordOp(const Json& op) {
  const auto& run = m_doc.GetRun();
  if (!run || m_editor.Path().empty()) return false;
  Json doc = Json::parse(m_editor.Text(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    SetStatus(Tr(Str::kSandboxNeedsValidText, m_ui.lang));
    return false;
  }
  // An op under way is cut right after the step shown when its topic can (a sched run),
  // otherwise it finishes first; `op` may be several ops recorded as one action.
  const Json branched = BranchScenarioAt(doc, *run, m_play.step, op);
  const int first_new = int(branched["script"].size()) - int(op.is_array() ? op.size() : 1);
  const std::string before = m_editor.Text();
  m_editor.SetText(FormatScenario(branched));
  if (!ApplyEditor()) {
    // The op cannot run here (say, marking with no cycle): keep the scenario as it was, and
    // say why (a value typed in a view's sandbox panel may not parse).
    const auto& errs = m_doc.Errors().Items();
    const std::string why = errs.empty() ? "" : errs.front().message;
    m_editor.SetText(before);
    ApplyEditor();
    SetStatus(std::string(Tr(Str::kSandboxRefused, m_ui.lang)) + " " + why);
    return false;
  }
  m_sandbox_undo.push_back({before, m_play.step});
  // Show the recorded op's first step.
  const auto& now = m_doc.GetRun();
  for (std::size_t s = 1; s < now->StepCount(); ++s) {
    if (now->OpIndex(s) == first_new) {
      SetStep(s, true);
      break;
    }
  }
  return true;
}

bool App::UndoRecord() {
  if (m_sandbox_undo.empty()) return false;
  SandboxUndo u = std::move(m_sandbox_undo.back());
  m_sandbox_undo.pop_back();
  m_editor.SetText(std::move(u.text));
  if (!ApplyEditor()) return false;
  SetStep(u.step, false);
  return true;
}

bool App::SaveRecordedAs(const std::string& name, bool replace) {
  Json doc = Json::parse(m_editor.Text(), nullptr, false);
  if (doc.is_discarded() || name.empty()) return false;
  std::error_code ec;
  // A bare file name goes to the user's scenarios folder (listed under My scenarios).
  std::string path = name;
  if (!m_user_dir.empty() && !std::filesystem::path(name).has_parent_path()) {
    std::filesystem::create_directories(m_user_dir, ec);
    path = (std::filesystem::path(m_user_dir) / name).string();
  }
  if (!replace && std::filesystem::exists(path, ec)) {
    SetStatus(Tr(Str::kSaveAsExists, m_ui.lang));
    return false;
  }
  if (std::string why; !WriteFileAtomic(path, FormatScenario(doc), &why)) {
    SetStatus(std::string(Tr(Str::kSaveFailed, m_ui.lang)) + " " + why);
    return false;
  }
  SetStatus(std::string(Tr(Str::kSavedAs, m_ui.lang)) + " " + path);
  RefreshLibrary();
  return true;
}

void App::DrawSandboxBar() {
  const float s = UiScale();
  // Above the bottom edge, where a view may keep its own input bar (the maps what-if box).
  ImGui::SetCursorPos(ImVec2(12 * s, ImGui::GetWindowHeight() - ImGui::GetFrameHeight() * 2.9f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.6f, 0.1f, 1.0f));
  ImGui::TextUnformatted(Tr(Str::kSandboxOn, m_ui.lang));
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::BeginDisabled(m_sandbox_undo.empty());
  if (ImGui::SmallButton(Tr(Str::kUndo, m_ui.lang))) m_undo_requested = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  // The dialog (native or built-in) picks the file: Ctrl+Shift+S does the same.
  if (ImGui::SmallButton(Tr(Str::kSaveAs, m_ui.lang))) m_save_as_requested = true;
  ItemTooltip("Ctrl+Shift+S");
}

// [SECTION] keys
void App::HandleKeys(Commands& cmd) {
  ImGuiIO& io = ImGui::GetIO();
  if (m_unsaved_prompt || m_confirm_save) return;  // the prompt's buttons answer first
  // The editor's keys work while typing in it.
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kE, false)) cmd.editor.toggle = true;
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kO, false)) cmd.open_dialog = true;
  if (io.KeyCtrl && m_ui.show_editor) {
    if (ImGui::IsKeyPressed(keys::kEnter, false) || ImGui::IsKeyPressed(keys::kKpEnter, false)) {
      cmd.editor.apply = true;
    }
    if (!io.KeyShift && ImGui::IsKeyPressed(keys::kS, false)) cmd.editor.save = true;
  }
  if (io.KeyCtrl && io.KeyShift && m_ui.sandbox && ImGui::IsKeyPressed(keys::kS, false)) {
    m_save_as_requested = true;
  }
  if (io.WantTextInput) return;
  const auto& run = m_doc.GetRun();
  const std::size_t last = run ? run->StepCount() - 1 : 0;
  if (ImGui::IsKeyPressed(keys::kSpace, false)) cmd.toggle_play = true;
  // A presenter's clicker sends PageDown / PageUp.
  const bool next =
      ImGui::IsKeyPressed(keys::kRight, true) || ImGui::IsKeyPressed(keys::kPageDown, true);
  const bool prev =
      ImGui::IsKeyPressed(keys::kLeft, true) || ImGui::IsKeyPressed(keys::kPageUp, true);
  if (next && m_play.step < last) cmd.seek = m_play.step + 1;
  if (prev && m_play.step > 0) cmd.seek = m_play.step - 1;
  // In a lesson, ] and [ change scenario; so does a clicker past either end of one.
  if (m_lesson) {
    if (ImGui::IsKeyPressed(keys::kRightBracket, false)) cmd.lesson_move = +1;
    if (ImGui::IsKeyPressed(keys::kLeftBracket, false)) cmd.lesson_move = -1;
    // The entry's own range: a clicker moves on past its `to` and back before its `from`.
    const std::size_t to = std::min(last, m_lesson->to[m_lesson_index]);
    const std::size_t from = std::min(LessonFrom(), last);
    if (m_ui.presenter.on && ImGui::IsKeyPressed(keys::kPageDown, false) && m_play.step >= to) {
      cmd.lesson_move = +1;
      cmd.seek.reset();
    }
    if (m_ui.presenter.on && ImGui::IsKeyPressed(keys::kPageUp, false) && m_play.step <= from) {
      cmd.lesson_move = -1;
      cmd.seek.reset();
    }
  }
  if (ImGui::IsKeyPressed(keys::kHome, false)) cmd.seek = 0;
  if (ImGui::IsKeyPressed(keys::kEnd, false)) cmd.seek = last;
  if (ImGui::IsKeyPressed(keys::kEqual, false) || ImGui::IsKeyPressed(keys::kKpAdd, false)) {
    cmd.font_delta = +1;
  }
  if (ImGui::IsKeyPressed(keys::kMinus, false) || ImGui::IsKeyPressed(keys::kKpSubtract, false)) {
    cmd.font_delta = -1;
  }
  if (ImGui::IsKeyPressed(keys::kF11, false)) cmd.toggle_fullscreen = true;
  if (ImGui::IsKeyPressed(keys::kF5, false)) cmd.toggle_presenter_view = true;
  if (ImGui::IsKeyPressed(keys::k0, false)) m_zoom.Reset();  // the picture's zoom
  if (ImGui::IsKeyPressed(keys::kF9, false)) cmd.toggle_library = true;
  if (ImGui::IsKeyPressed(keys::kF1, false)) cmd.toggle_help = true;
  if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kR, false)) {
    cmd.reload = true;
  } else if (!io.KeyCtrl) {
    if (ImGui::IsKeyPressed(keys::kT, false)) cmd.toggle_theme = true;
    if (ImGui::IsKeyPressed(keys::kL, false)) cmd.toggle_lang = true;
  }
  if (!io.KeyCtrl && ImGui::IsKeyPressed(keys::kP, false)) cmd.toggle_presenter = true;
  if (m_ui.presenter.on) {
    if (ImGui::IsKeyPressed(keys::kB, false)) cmd.toggle_blank = true;
    if (ImGui::IsKeyPressed(keys::kPeriod, false)) cmd.toggle_narration = true;
    if (ImGui::IsKeyPressed(keys::kEscape, false)) cmd.toggle_presenter = true;
  } else if (ImGui::IsKeyPressed(keys::kEscape, false) && m_ui.show_help) {
    cmd.toggle_help = true;
  }
}

// [SECTION] commands
void App::Apply(const Commands& cmd) {
  bool save = false;
  if (cmd.open_path) RequestOpen(*cmd.open_path);
  if (cmd.open_dialog && !m_browser.IsOpen()) {
    // Start where the open scenario is, else the user's folder, else the built-ins.
    std::error_code ec;
    std::string dir = std::filesystem::path(m_doc.Path()).parent_path().string();
    if (dir.empty() || !std::filesystem::is_directory(dir, ec)) {
      dir = !m_user_dir.empty() && std::filesystem::is_directory(m_user_dir, ec) ? m_user_dir
                                                                                 : m_scenario_dir;
    }
    m_browser.Open(dir, /*allow_native=*/!m_settings_path.empty());
  }
  if (cmd.reload) RequestReload();
  for (const Json& op : m_pending_ops) RecordOp(op);
  m_pending_ops.clear();
  if (m_undo_requested) UndoRecord();
  if (m_save_as_requested && !m_browser.IsOpen()) {
    // Save As starts in the user's scenarios folder (listed under My scenarios), else next
    // to the open scenario, and suggests NAME-recorded.json.
    std::error_code ec;
    std::string dir = std::filesystem::path(m_doc.Path()).parent_path().string();
    if (!m_user_dir.empty()) {
      std::filesystem::create_directories(m_user_dir, ec);
      if (std::filesystem::is_directory(m_user_dir, ec)) dir = m_user_dir;
    }
    const std::string stem = std::filesystem::path(m_doc.Path()).stem().string();
    m_browser.OpenSave(dir, (stem.empty() ? std::string("scenario") : stem) + "-recorded.json",
                       /*allow_native=*/!m_settings_path.empty());
  }
  m_undo_requested = m_save_as_requested = false;
  if (m_pending_config) {
    auto [key, value] = *m_pending_config;
    m_pending_config.reset();
    SetConfig(key, value);
  }
  if (cmd.quiz_pick) PickQuizAnswer(cmd.quiz_pick->first, cmd.quiz_pick->second);
  if (m_pending_pick) {
    auto [item, candidates] = std::move(*m_pending_pick);
    m_pending_pick.reset();
    const auto& pick_run = m_doc.GetRun();
    if (pick_run && item < int(pick_run->Meta().quiz.size())) {
      const auto& choices = pick_run->Meta().quiz[std::size_t(item)].choices;
      for (const std::string& choice : candidates) {
        if (std::find(choices.begin(), choices.end(), choice) == choices.end()) continue;
        PickQuizAnswer(item, choice);
        break;
      }
    }
  }
  if (cmd.export_kind) RequestExport(*cmd.export_kind);
  // A checkpoint: the next step waits for a prediction (a second Next skips it).
  const auto& quiz_run = m_doc.GetRun();
  const bool held = cmd.seek && quiz_run && *cmd.seek == m_play.step + 1 &&
                    m_quiz.HoldBeforeNext(quiz_run->Meta().quiz, m_play.step);
  if (held) m_play.playing = false;
  if (cmd.seek && !held) {
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
  if (cmd.toggle_library) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const bool shown =
        m_ui.show_library < 0 ? display.x >= 1400.0f * UiScale() : m_ui.show_library == 1;
    m_ui.show_library = shown ? 0 : 1;
  }
  if (cmd.toggle_help) m_ui.show_help = !m_ui.show_help;
  if (cmd.toggle_presenter) {
    // Fonts are rebuilt at the presenter size; blank and strip start over each time.
    m_ui.presenter = {!m_ui.presenter.on, false, true};
    m_presenter_seconds = 0.0f;
    m_fonts_dirty = true;
    m_style_dirty = true;
    if (m_ui.presenter.on) SetStatus(Tr(Str::kPresenterHint, m_ui.lang));
  }
  if (cmd.toggle_presenter_view) {
    m_presenter_view = !m_presenter_view;
    // The audience window shows the presentation while the teacher has the notes.
    if (m_presenter_view && !m_ui.presenter.on) {
      m_ui.presenter = {true, false, true};
      m_presenter_seconds = 0.0f;
      m_fonts_dirty = true;
      m_style_dirty = true;
    }
  }
  if (cmd.toggle_blank) m_ui.presenter.blank = !m_ui.presenter.blank;
  if (cmd.toggle_narration) m_ui.presenter.narration = !m_ui.presenter.narration;
  if (cmd.toggle_sandbox) m_ui.sandbox = !m_ui.sandbox;
  if (cmd.lesson_move != 0) MoveInLesson(cmd.lesson_move);
  if (cmd.quit) RequestQuit();
  ApplyEditorCommands(cmd.editor);
  if (save) SaveSettings();
}

void App::RequestExport(ExportKind kind) {
  const auto& run = m_doc.GetRun();
  if (!run || m_doc.Path().empty()) {
    SetStatus(Tr(Str::kExportNeedsFile, m_ui.lang));
  } else {
    // A GIF covers the steps of the script op the shown step belongs to.
    ExportRequest r{kind,        m_doc.Path(), run->Meta().id, m_play.step,
                    m_play.step, m_ui.theme,   m_ui.lang};
    if (r.kind == ExportKind::kPartGif) {
      const int op = run->OpIndex(m_play.step);
      while (r.first > 0 && run->OpIndex(r.first - 1) == op) --r.first;
      while (r.last + 1 < run->StepCount() && run->OpIndex(r.last + 1) == op) ++r.last;
    }
    m_export_request = std::move(r);
  }
}

void App::ExportDone(bool ok, const std::string& what) {
  SetStatus(std::string(Tr(ok ? Str::kExported : Str::kExportFailed, m_ui.lang)) + " " + what);
}

// [SECTION] editor
void App::SetStatus(std::string text) {
  m_status = std::move(text);
  m_status_time = 4.0f;
}

void App::RequestOpen(const std::string& path) {
  if (m_editor.Dirty()) {
    m_pending = {PendingAction::Kind::kOpen, path};
    m_unsaved_prompt = true;
    return;
  }
  OpenScenario(path);
}

void App::RequestReload() {
  if (m_editor.Dirty()) {
    m_pending = {PendingAction::Kind::kReload, ""};
    m_unsaved_prompt = true;
    return;
  }
  const bool ok = m_doc.Reload();
  if (m_editor.Path() == m_doc.Path()) m_editor.LoadFromDisk(m_doc.Path());
  m_disk_changed = false;
  if (ok) OnNewRun(/*keep_step=*/true);
}

void App::RequestQuit() {
  if (m_editor.Dirty()) {
    m_pending = {PendingAction::Kind::kQuit, ""};
    m_unsaved_prompt = true;
    return;
  }
  m_quit = true;
}

void App::RunPending() {
  PendingAction p = std::move(m_pending);
  m_pending = {};
  switch (p.kind) {
    case PendingAction::Kind::kOpen:
      RequestOpen(p.path);
      break;
    case PendingAction::Kind::kReload:
      RequestReload();
      break;
    case PendingAction::Kind::kQuit:
      RequestQuit();
      break;
    case PendingAction::Kind::kNone:
      break;
  }
}

void App::ResolveUnsaved(EditorCommands::Choice choice) {
  using Choice = EditorCommands::Choice;
  if (!m_unsaved_prompt || choice == Choice::kNone) return;
  m_unsaved_prompt = false;
  switch (choice) {
    case Choice::kSave:
      // A text with errors over a good file asks once more; the action waits for that.
      if (SaveEditor(/*force=*/false) == SaveResult::kSaved) {
        RunPending();
      } else if (!m_confirm_save && !m_read_only_prompt) {
        m_pending = {};  // a prompt still open (save anyway, read-only) decides instead
      }
      break;
    case Choice::kDiscard:
      m_editor.Revert();
      RunPending();
      break;
    case Choice::kCancel:
    case Choice::kNone:
      m_pending = {};
      break;
  }
}

bool App::ApplyEditor() {
  if (m_editor.Path().empty()) return false;
  const bool ok = m_doc.ApplyText(m_editor.Path(), m_editor.Text());
  if (ok) {
    OnNewRun(/*keep_step=*/true);
    SetStatus(Tr(Str::kApplied, m_ui.lang));
  }
  return ok;
}

bool App::SaveEditorCopy() {
  namespace fs = std::filesystem;
  m_read_only_prompt = false;
  const fs::path orig(m_editor.Path());
  if (orig.empty()) return false;
  const std::string stem = orig.stem().string();
  fs::path copy;
  std::error_code ec;
  for (int n = 1; n < 1000; ++n) {
    const std::string suffix = n == 1 ? "-copy" : "-copy-" + std::to_string(n);
    copy = orig.parent_path() / (stem + suffix + orig.extension().string());
    if (!fs::exists(fs::symlink_status(copy, ec))) break;
  }
  const std::string text = m_editor.Text();
  if (std::string why; !WriteFileAtomic(copy.string(), text, &why)) {
    SetStatus(std::string(Tr(Str::kSaveFailed, m_ui.lang)) + " " + why);
    return false;
  }
  // The copy is now the file being edited and shown; the original is left as it was.
  m_editor.Load(copy.string(), text);
  m_doc.ApplyText(copy.string(), text);
  NoteRecent(m_ui, copy.string());
  std::string msg = Tr(Str::kSavedCopy, m_ui.lang);
  if (auto at = msg.find("FILE.json"); at != std::string::npos) {
    msg.replace(at, 9, copy.filename().string());
  }
  SetStatus(std::move(msg));
  return true;
}

App::SaveResult App::SaveEditor(bool force) {
  const std::string path = m_editor.Path();
  if (path.empty()) return SaveResult::kFailed;
  const bool loads = ApplyEditor();
  // Only a file that loads needs protecting; a broken or missing one may be replaced.
  if (!loads && !force && LoadScenarioFile(path).run) {
    m_confirm_save = true;
    return SaveResult::kNeedsConfirm;
  }
  m_confirm_save = false;
  // A read-only file is the author's statement that it must not change: ask, never force.
  if (struct stat st{}; ::stat(path.c_str(), &st) == 0 && (st.st_mode & 0222) == 0) {
    m_read_only_prompt = true;
    return SaveResult::kFailed;
  }
  if (std::string why; !SaveWithBackup(path, m_editor.Text(), &why)) {
    SetStatus(std::string(Tr(Str::kSaveFailed, m_ui.lang)) + " " + why);
    return SaveResult::kFailed;
  }
  m_editor.Saved();
  m_disk_changed = false;
  // Our own write is not a change to reload (the run already shows this text).
  if (m_doc.Path() == path) m_doc.NoteDiskState();
  std::string msg = Tr(Str::kSaved, m_ui.lang);
  const std::string name = std::filesystem::path(path).filename().string();
  if (auto at = msg.find("FILE.json"); at != std::string::npos) msg.replace(at, 9, name);
  SetStatus(std::move(msg));
  return SaveResult::kSaved;
}

void App::ApplyEditorCommands(const EditorCommands& ec) {
  if (ec.toggle) {
    m_ui.show_editor = !m_ui.show_editor;
    if (m_ui.show_editor) m_editor.want_focus = true;
  }
  if (ec.apply && m_ui.show_editor) {
    ApplyEditor();
    m_editor.want_focus = true;
  }
  if (ec.save) {
    if (SaveEditor(/*force=*/false) == SaveResult::kNeedsConfirm) m_pending = {};
    m_editor.want_focus = m_ui.show_editor;
  }
  ResolveUnsaved(ec.unsaved);
  if (ec.save_anyway && m_confirm_save) {
    if (SaveEditor(/*force=*/true) == SaveResult::kSaved) {
      RunPending();
    } else {
      m_pending = {};
    }
  }
  if (ec.cancel_save) {
    m_confirm_save = false;
    m_pending = {};
  }
  if (ec.save_copy && m_read_only_prompt) {
    if (SaveEditorCopy()) RunPending();
  }
  if (ec.cancel_read_only) {
    m_read_only_prompt = false;
    m_pending = {};
  }
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
      if (m_quiz.HoldBeforeNext(run->Meta().quiz, m_play.step)) {
        m_play.playing = false;  // a checkpoint: predict first
      } else if (m_play.step + 1 < run->StepCount()) {
        SetStep(m_play.step + 1, true);
        m_play.until_next += kStepSeconds / speed;
        if (m_play.until_next < 0.0f) m_play.until_next = 0.0f;
      } else {
        m_play.playing = false;
      }
    }
  }
  if (m_status_time > 0.0f) m_status_time -= dt;
  TickRecovery(dt);
  TickReload(dt);
}

}  // namespace gs::app
