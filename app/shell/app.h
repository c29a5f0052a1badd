// App: the whole window's state and one frame of drawing, with no window system or GL in it,
// so the headless UI tests drive exactly what the real window shows.
#pragma once

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/panels/file_browser.h"
#include "app/panels/narration_cache.h"
#include "app/shell/canvas_zoom.h"
#include "app/shell/config_store.h"
#include "app/shell/document.h"
#include "app/shell/editor_buffer.h"
#include "app/shell/file_watch.h"
#include "app/shell/lesson.h"
#include "app/shell/library.h"
#include "app/shell/quiz_flow.h"
#include "app/shell/recovery.h"
#include "app/views/topic_view.h"

namespace gs::app {

struct Playback {
  std::size_t step = 0;
  std::size_t anim_from = 0;  ///< the step the animation starts from
  float anim_t = 1.0f;        ///< 0..1
  bool playing = false;
  float until_next = 0.0f;  ///< seconds until auto-play advances
};

/// What the scenario editor and its prompts ask for during a frame.
struct EditorCommands {
  enum class Choice { kNone, kSave, kDiscard, kCancel };
  bool toggle = false;
  bool apply = false;
  bool save = false;
  Choice unsaved = Choice::kNone;  ///< the answer to the unsaved-changes prompt
  bool save_anyway = false;        ///< the author confirmed saving a text with errors
  bool cancel_save = false;
  bool save_copy = false;         ///< the read-only prompt's "Save a copy"
  bool cancel_read_only = false;  ///< ... and its Cancel
};

enum class ExportKind { kStepPng, kStepSvg, kPartGif };

/// What panels ask for during a frame; applied after the frame is drawn.
struct Commands {
  std::optional<std::size_t> seek;
  std::optional<std::string> open_path;
  std::optional<std::pair<std::string, std::string>> set_config;
  bool toggle_play = false;
  bool toggle_theme = false;
  bool toggle_lang = false;
  bool toggle_fullscreen = false;
  bool toggle_help = false;
  bool toggle_sandbox = false;
  bool toggle_library = false;
  bool toggle_presenter = false;
  bool toggle_presenter_view = false;  ///< F5: the teacher's second window
  bool toggle_blank = false;           ///< presenter mode: B
  bool toggle_narration = false;       ///< presenter mode: period
  bool reload = false;
  bool open_dialog = false;  ///< File > Open… (Ctrl+O)
  bool quit = false;
  int font_delta = 0;
  int lesson_move = 0;  ///< ] / [: the next or previous scenario of the open lesson
  /// The learner's prediction: quiz item index and the choice picked.
  std::optional<std::pair<int, std::string>> quiz_pick;
  /// File > Export: the step as a PNG or SVG, or the current part (script op) as a GIF.
  std::optional<ExportKind> export_kind;
  EditorCommands editor;
};

/// What File > Export asked for; the window loop runs it (gs_export renders headless).
struct ExportRequest {
  ExportKind kind = ExportKind::kStepPng;
  std::string scenario;
  std::string id;
  std::size_t first = 0, last = 0;
  ThemeKind theme = ThemeKind::kDark;
  Lang lang = Lang::kEn;
};

class App {
 public:
  /// `settings_path` "" keeps preferences in memory only (tests).
  App(std::string scenario_dir, std::string settings_path);

  /// Opens a scenario file; on failure the previous scenario stays and errors are shown.
  bool OpenScenario(const std::string& path);
  /// The open lesson (a playlist of scenarios), if any, and where in it the app is.
  const std::optional<Lesson>& CurrentLesson() const { return m_lesson; }
  std::size_t LessonIndex() const { return m_lesson_index; }
  /// Opens the next (+1) or previous (-1) scenario of the lesson; false at either end.
  bool MoveInLesson(int delta);
  void SetStep(std::size_t step, bool animate);
  /// Re-runs the scenario with a config override (the GC view's barrier selector), keeping
  /// the current step (clamped). Returns false when the override does not load.
  bool SetConfig(const std::string& key, const std::string& value);
  /// Starts auto-play from the current step (used by --frame-report).
  void StartPlaying() {
    m_play.playing = true;
    m_play.until_next = 0.0f;
  }
  /// Draws one frame (call between ImGui::NewFrame and ImGui::Render) and applies the
  /// commands it produced. `dt` in seconds.
  void Frame(float dt);
  /// Hot reload now: reads and loads the file on this thread if its bytes changed on disk.
  /// Frame() does the same off the UI thread when the file watch reports an event (after a
  /// short quiet spell, so a burst of writes is read once) and, as a safety net, every
  /// couple of seconds (every half second where inotify is not available).
  void CheckForChanges();
  /// True while a hot reload is being read and loaded in the background.
  bool ReloadInFlight() const { return m_reload_job.valid(); }
  /// The quiet spell after a file event before the file is read (default 0.1 s).
  void SetReloadDebounce(float seconds) { m_reload_debounce = seconds; }

  UiState& Ui() { return m_ui; }
  const UiState& Ui() const { return m_ui; }
  const Playback& Play() const { return m_play; }
  const QuizFlow& Quiz() const { return m_quiz; }
  /// The learner predicts `choice` for quiz item `i` (what the card's buttons and a click in
  /// the picture do); the step it asks about then plays. False when it does not apply.
  bool PickQuizAnswer(int i, const std::string& choice);
  const Document& Doc() const { return m_doc; }
  /// Crash recovery (see recovery.h): where the unsaved editor text is kept (set by the
  /// constructor from the settings' presence; tests set their own), writing it now (on a
  /// signal), and the offer from a previous session.
  static constexpr float kRecoverySeconds = 2.0f;
  void SetRecoveryPath(std::string path);
  void WriteRecoveryNow();
  bool HasRecoveryOffer() const { return m_recovery_offer.has_value(); }
  bool RestoreRecovery();
  void DiscardRecovery();
  /// File > Export of the shown step (or its part, for a GIF).
  void RequestExport(ExportKind kind);
  /// File > Export, once: the window loop renders it and reports with ExportDone.
  /// The presenter view (a second window for the teacher): whether it should be open, and
  /// its contents drawn into the current ImGui context (the window loop owns the window).
  bool WantsPresenterView() const { return m_presenter_view; }
  void PresenterViewClosed() { m_presenter_view = false; }
  void DrawPresenterView();
  /// What the presenter view shows now (tests): the op's teacher notes and the next step's
  /// narration, in the app's language.
  const std::string& PresenterNotes() const { return m_pv_notes; }
  const std::string& PresenterNext() const { return m_pv_next; }
  /// Presenter mode's laser pointer is drawn (the mouse moved in the last kLaserSeconds).
  static constexpr float kLaserSeconds = 1.5f;
  bool LaserShown() const { return m_ui.presenter.on && m_laser_idle < kLaserSeconds; }
  const CanvasZoom& Zoom() const { return m_zoom; }
  std::optional<ExportRequest> TakeExportRequest() {
    auto r = std::move(m_export_request);
    m_export_request.reset();
    return r;
  }
  /// The status line after an export: where it went, or why it failed.
  void ExportDone(bool ok, const std::string& what);
  const std::vector<LibraryEntry>& Library() const { return m_library; }
  const FileBrowser& Browser() const { return m_browser; }
  LibraryInput& LibraryBoxes() { return m_library_input; }
  // [SECTION] the scenario editor (app/panels/editor_panel.cpp draws it)
  enum class SaveResult { kSaved, kNeedsConfirm, kFailed };
  /// Opening, reloading and quitting as the user asks for them: with unsaved editor text
  /// they raise the Save / Discard / Cancel prompt instead (OpenScenario does not ask).
  void RequestOpen(const std::string& path);
  void RequestReload();
  void RequestQuit();
  /// Loads the editor's text as the scenario and re-runs it at the same step; on errors
  /// the last good run stays and the errors are listed. Returns true when it loaded.
  bool ApplyEditor();
  /// Applies, then writes the text atomically keeping `FILE.json~`. A text with errors is
  /// not written over a file that loads unless `force` (the "Save anyway" answer).
  SaveResult SaveEditor(bool force);
  /// Answers the unsaved-changes prompt (the prompt's buttons call this too).
  void ResolveUnsaved(EditorCommands::Choice choice);
  EditorBuffer& Editor() { return m_editor; }
  const EditorBuffer& Editor() const { return m_editor; }
  bool UnsavedPromptOpen() const { return m_unsaved_prompt; }
  bool SaveConfirmOpen() const { return m_confirm_save; }
  /// A save found the file read-only: the prompt offers to save the text as a copy.
  bool ReadOnlyPromptOpen() const { return m_read_only_prompt; }
  /// Writes the editor's text to FILE-copy.json beside the read-only file (-2, -3, ... when
  /// taken; never over a file) and makes the copy the file being edited.
  bool SaveEditorCopy();
  const std::string& Status() const { return m_status; }

  // Record by demonstration: with the sandbox on, a view's direct actions become script
  // ops at the current step (the steps after it are replaced, with undo).
  void SetSandbox(bool on) { m_ui.sandbox = on; }
  bool Sandbox() const { return m_ui.sandbox; }
  /// Appends `op` (or an array of ops, one action) right after the current step: the op
  /// under way is cut there when its topic allows (Run::CutOpAt), else it finishes first;
  /// the rest of the script is dropped, and the scenario re-runs (through the editor's text,
  /// so it can be saved). False if it cannot run.
  bool RecordOp(const Json& op);
  bool UndoRecord();
  std::size_t UndoDepth() const { return m_sandbox_undo.size(); }
  /// Writes the recorded scenario (formatted) to a new file; an existing one only when
  /// `replace` (the Save As dialog asked the user). A bare name goes to the user's folder.
  bool SaveRecordedAs(const std::string& path, bool replace = false);

  /// The topic view for the open scenario (null when its kind has none); tests reach into it.
  TopicView* View() { return m_view.get(); }
  /// Passes an option to the topic view now and to every view created later.
  void SetViewOption(std::string key, std::string value);
  /// Tests: the view's canvas logs every text it draws (ViewTexts) inside CanvasRect.
  void SetRecordViewText(bool on) { m_record_view_text = on; }
  const std::vector<TextItem>& ViewTexts() const { return m_view_texts; }
  /// The canvas panel of the last frame: min x, min y, max x, max y.
  ImVec4 CanvasRect() const { return m_canvas_rect; }
  /// Whether the presenter strip shows the lecture clock (an exported slide has none).
  void SetPresenterClock(bool on) { m_presenter_clock = on; }
  /// Presenter mode on or off (the P key; the export renders slides with it).
  void SetPresenter(bool on) {
    if (on == m_ui.presenter.on) return;
    m_ui.presenter = {on, false, true};
    m_fonts_dirty = true;
    m_style_dirty = true;
  }
  /// The current step's picture as an SVG document of `width` × `height` (call inside a
  /// frame: views measure text with the UI font). "" when no view is open.
  std::string PictureSvg(float width, float height);
  /// Disables animation (screenshots): every step change is shown finished.
  void SetInstant(bool instant) { m_instant = instant; }

  // The window shell reads these after each frame.
  bool FontsDirty() const { return m_fonts_dirty; }
  void FontsRebuilt() { m_fonts_dirty = false; }
  float FontPixelSize() const { return 20.0f * UiScale(); }
  float UiScale() const {
    return m_content_scale * m_ui.font_scale * (m_ui.presenter.on ? kPresenterScale : 1.0f);
  }
  /// Presenter mode's text size over the desk's: read from the back of a lecture hall.
  static constexpr float kPresenterScale = 1.6f;
  void SetContentScale(float s);
  bool WantsQuit() const { return m_quit; }
  /// The shell reports where the window is when it closes; kept for the next start.
  void SetWindowRect(const WindowRect& r) {
    if (r == m_ui.window) return;
    m_ui.window = r;
    SaveSettings();
  }
  /// Characters the font atlas must cover: UI strings and the open scenario's text.
  std::string GlyphText() const;
  /// Characters the big picture font must cover: UI strings and the scenario's title.
  std::string PictureGlyphText() const;
  /// True while something moves (animation or playback): the shell may sleep otherwise.
  bool Animating() const { return m_play.playing || m_play.anim_t < 1.0f; }

 private:
  void HandleKeys(Commands& cmd);
  void Apply(const Commands& cmd);
  void Tick(float dt);
  void OnNewRun(bool keep_step);
  void SaveSettings();
  void DrawCanvas(float x, float y, float w, float h);
  /// Presenter mode's frame: the picture and a narration strip, nothing else.
  void DrawPresenter(Commands& cmd);
  void DrawLaser();
  void ApplyEditorCommands(const EditorCommands& ec);
  /// Runs the action the unsaved-changes prompt held back.
  void RunPending();
  void SetStatus(std::string text);
  std::string LessonStatus() const;
  std::size_t LessonFrom() const { return m_lesson ? m_lesson->from[m_lesson_index] : 0; }
  std::optional<ExportRequest> m_export_request;
  std::optional<Lesson> m_lesson;
  void TickRecovery(float dt);
  void DrawRecoveryPrompt();
  std::string m_recovery_path;
  std::optional<Recovered> m_recovery_offer;
  int m_recovery_edits = -1;
  float m_recovery_quiet = 0.0f;
  bool m_recovery_pending = false, m_recovery_written = false;
  CanvasZoom m_zoom;  ///< the picture's zoom and pan (every view but maps, which has its own)
  float m_laser_idle = 1e9f;         ///< seconds since the mouse last moved (presenter laser)
  float m_presenter_seconds = 0.0f;  ///< the lecture clock shown in the presenter strip
  bool m_presenter_view = false;
  NarrationCache m_next_narration;  ///< the presenter view's "next step"
  std::string m_pv_notes, m_pv_next;
  std::size_t m_lesson_index = 0;
  /// A quiz answer given by clicking the picture (ViewRequests::picked), applied after the frame.
  std::optional<std::pair<int, std::vector<std::string>>> m_pending_pick;
  bool m_presenter_clock = true;  ///< see SetPresenterClock

  std::string m_scenario_dir;
  std::string m_settings_path;
  UiState m_ui;
  Document m_doc;
  FileBrowser m_browser;                ///< File > Open… and the sandbox's Save As…
  std::vector<LibraryEntry> m_library;  ///< recent files, built-ins, then the user's own
  std::string m_user_dir;               ///< UserScenarioDir(), "" for tests and screenshots
  /// Rebuilds m_library: the recent files (that still exist), the built-in scenarios, and
  /// the user's scenarios folder.
  void RefreshLibrary();
  NarrationCache m_narration;
  struct SandboxUndo {
    std::string text;
    std::size_t step = 0;
  };
  std::vector<SandboxUndo> m_sandbox_undo;
  std::vector<Json> m_pending_ops;
  bool m_undo_requested = false;
  bool m_save_as_requested = false;  ///< the sandbox's Save As… (opens the dialog)
  void DrawSandboxBar();
  QuizFlow m_quiz;  ///< predict, then reveal
  std::size_t m_quiz_size = 0;
  std::vector<std::size_t> m_notable;  ///< scrubber marks for the current run
  std::optional<std::pair<std::string, std::string>> m_pending_config;
  Playback m_play;
  std::unique_ptr<TopicView> m_view;
  std::string m_view_kind;
  int m_seen_generation = 0;
  float m_content_scale = 1.0f;
  // Hot reload (see CheckForChanges).
  void TickReload(float dt);
  void ApplyDiskVersion(Document::DiskVersion v);
  FileWatch m_watch;
  std::future<Document::DiskVersion> m_reload_job;
  int m_reload_job_epoch = 0;  ///< Document::Epoch() when the job started
  bool m_reload_wanted = false;
  float m_reload_quiet = 0.0f;   ///< seconds since the last file event
  float m_reload_waited = 0.0f;  ///< seconds since a reload was first wanted
  float m_reload_debounce = 0.1f;
  float m_safety_poll = 0.0f;
  bool m_fonts_dirty = true;
  bool m_style_dirty = true;
  bool m_instant = false;
  bool m_record_view_text = false;
  std::vector<TextItem> m_view_texts;
  ImVec4 m_canvas_rect{0, 0, 0, 0};
  bool m_quit = false;
  std::string m_status;  ///< a short message in the status line ("Reloaded from disk")
  float m_status_time = 0.0f;
  LibraryInput m_library_input;
  std::vector<std::pair<std::string, std::string>> m_view_options;
  // The scenario editor.
  struct PendingAction {
    enum class Kind { kNone, kOpen, kReload, kQuit } kind = Kind::kNone;
    std::string path;
  };
  EditorBuffer m_editor;
  PendingAction m_pending;
  bool m_unsaved_prompt = false;
  bool m_confirm_save = false;
  bool m_read_only_prompt = false;
  bool m_disk_changed = false;  ///< the file changed on disk while the editor had edits
  int m_seen_edits = -1;        ///< EditorBuffer::Edits() when its glyphs were last checked
  std::vector<unsigned> m_glyphs_asked;  ///< characters a font rebuild was asked for
};

}  // namespace gs::app
