// The in-app scenario editor: Apply re-runs the text at the same step and keeps the last
// good run on errors; Save is atomic, keeps FILE.json~, and asks before writing a broken
// text over a file that loads; unsaved text is never dropped by open, reload, quit or the
// file watcher; an error's line:col becomes the right byte offset for the cursor.
#include <gtest/gtest.h>
#include <imgui_internal.h>  // the text box's cursor, to check where an error click put it

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/shell/editor_buffer.h"
#include "app/shell/keys.h"
#include "engine/core/scenario.h"
#include "engine/gc/gc_run.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;
using test::Headless;
using Choice = EditorCommands::Choice;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// A private copy of chain.json (and a second scenario) in a temporary directory.
class EditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("gs_editor_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    original = ReadAll(std::string(GS_SCENARIO_DIR) + "/gc/chain.json");
    file = dir / "s.json";
    other = dir / "other.json";
    std::ofstream(file, std::ios::binary) << original;
    std::ofstream(other, std::ios::binary) << Replace(original, "\"gc-chain\"", "\"gc-other\"");
    h.BuildFonts(app);
    ASSERT_TRUE(app.OpenScenario(file.string())) << app.Doc().Errors().FormatAll();
    h.Press(app, keys::kE, /*ctrl=*/true);  // open the editor (it takes keyboard focus)
    ASSERT_TRUE(app.Ui().show_editor);
    ASSERT_EQ(app.Editor().Text(), original);
  }
  void TearDown() override { fs::remove_all(dir); }

  const gc::GcRun& Gc() const { return dynamic_cast<const gc::GcRun&>(*app.Doc().GetRun()); }
  std::size_t EdgeCount() const {
    std::size_t n = 0;
    for (const auto& fields : Gc().Prog().initial_fields) {
      for (std::int32_t to : fields) n += to >= 0 ? 1 : 0;  // a slot is -1 when nil
    }
    return n;
  }
  // Files other than the two scenarios and their backups (temporary files left behind).
  std::vector<std::string> Strays() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string n = e.path().filename().string();
      if (n != "s.json" && n != "s.json~" && n != "other.json") out.push_back(n);
    }
    return out;
  }

  Headless h;
  App app{GS_SCENARIO_DIR, ""};
  fs::path dir, file, other;
  std::string original;
};

// [SECTION] line:col → byte offset
TEST(EditorOffset, CountsLinesAndCodePoints) {
  // "é" is two bytes, "三" three: col counts them as one each, as the loader does.
  const std::string t = "ab\ncdé!\n三x\n";
  EXPECT_EQ(ByteOffsetOfLineCol(t, 1, 1), 0u);
  EXPECT_EQ(ByteOffsetOfLineCol(t, 1, 2), 1u);
  EXPECT_EQ(ByteOffsetOfLineCol(t, 2, 1), 3u);
  EXPECT_EQ(ByteOffsetOfLineCol(t, 2, 3), 5u);                // é starts at byte 5
  EXPECT_EQ(ByteOffsetOfLineCol(t, 2, 4), 7u);                // "!" after the two bytes of é
  EXPECT_EQ(t.substr(ByteOffsetOfLineCol(t, 3, 2), 1), "x");  // after the 3 bytes of 三
  // Past the end of a line stops at its newline; past the last line, at the end.
  EXPECT_EQ(ByteOffsetOfLineCol(t, 2, 40), 8u);
  EXPECT_EQ(t[ByteOffsetOfLineCol(t, 2, 40)], '\n');
  EXPECT_EQ(ByteOffsetOfLineCol(t, 9, 1), t.size());
  // Unknown positions (0) are the start.
  EXPECT_EQ(ByteOffsetOfLineCol(t, 0, 0), 0u);
  EXPECT_EQ(ByteOffsetOfLineCol("", 3, 3), 0u);
}

TEST(EditorOffset, AgreesWithTheLoadersDiagnostics) {
  const std::string chain = ReadAll(std::string(GS_SCENARIO_DIR) + "/gc/chain.json");
  // An unknown field after Chinese text on the same line: its column counts the 9 CJK
  // characters once each, so a byte count would land 18 bytes too early.
  const std::string fr = Replace(chain, "\"zh\": \"逐个标记一条对象链\"}",
                                 "\"zh\": \"逐个标记一条对象链\", \"fr\": \"x\"}");
  // A reference to an object that does not exist.
  const std::string z = Replace(chain, "[\"B\", \"C\"]]", "[\"B\", \"Z\"]]");
  for (const auto& [text, token] :
       {std::pair{fr, std::string("\"fr\"")}, std::pair{z, std::string("\"Z\"")}}) {
    LoadResult r = LoadScenarioText("t.json", text);
    ASSERT_FALSE(r.run);
    ASSERT_EQ(r.diags.Items().size(), 1u) << r.diags.FormatAll();
    const Diagnostic& d = r.diags.Items()[0];
    const std::size_t at = ByteOffsetOfLineCol(text, d.line, d.col);
    EXPECT_EQ(text.substr(at, token.size()), token) << d.Format();
  }
}

// [SECTION] apply
TEST_F(EditorTest, ApplyWithAValidEditChangesTheRunAndKeepsTheStep) {
  app.SetStep(4, false);
  const auto* run_before = app.Doc().GetRun().get();
  const std::size_t edges_before = EdgeCount();
  const std::uint64_t hash6_before = Gc().Hash(6);
  // C → D makes D reachable: at step 6 scanobject on C now finds D and shades it (before
  // the edit C had no pointers, so step 6 only blackened C).
  app.Editor().SetText(Replace(original, "[\"B\", \"C\"]]", "[\"B\", \"C\"], [\"C\", \"D\"]]"));
  EXPECT_TRUE(app.Editor().Dirty());
  h.Press(app, keys::kEnter, /*ctrl=*/true);
  ASSERT_NE(app.Doc().GetRun().get(), run_before);
  EXPECT_FALSE(app.Doc().Errors().HasErrors()) << app.Doc().Errors().FormatAll();
  EXPECT_EQ(EdgeCount(), edges_before + 1);
  EXPECT_NE(Gc().Hash(6), hash6_before);
  bool shades_d = false;
  for (const std::string& line : Gc().EventLines(6, Lang::kEn)) {
    shades_d = shades_d || line.find("shade D") != std::string::npos;
  }
  EXPECT_TRUE(shades_d);
  EXPECT_EQ(app.Play().step, 4u);
  // Apply does not save: the file is untouched and the text is still unsaved.
  EXPECT_EQ(ReadAll(file), original);
  EXPECT_TRUE(app.Editor().Dirty());
  // Switching the barrier in the view re-runs the applied text, not the file on disk.
  ASSERT_TRUE(app.SetConfig("barrier", "none"));
  EXPECT_EQ(EdgeCount(), edges_before + 1);
  EXPECT_EQ(app.Doc().ConfigOverride("barrier"), "none");
  EXPECT_EQ(app.Play().step, 4u);
}

TEST_F(EditorTest, ApplyKeepsTheStepClampedToAShorterRun) {
  const std::size_t last_before = Gc().StepCount() - 1;
  app.SetStep(last_before, false);
  // Without the sweep op the timeline ends at mark termination: the sweep's steps (free D,
  // sweep done) are gone, so the old last step no longer exists.
  const std::size_t cut = original.find(",\n    {\"op\": \"sweep\"");
  const std::size_t end = original.find("\n  ]", cut);
  ASSERT_NE(cut, std::string::npos);
  app.Editor().SetText(original.substr(0, cut) + original.substr(end));
  h.Press(app, keys::kEnter, /*ctrl=*/true);
  EXPECT_FALSE(app.Doc().Errors().HasErrors()) << app.Doc().Errors().FormatAll();
  const std::size_t last = Gc().StepCount() - 1;
  EXPECT_LT(last, last_before);
  EXPECT_EQ(app.Play().step, last);
}

TEST_F(EditorTest, ApplyWithABrokenEditKeepsTheLastGoodRunAndListsTheErrors) {
  app.SetStep(3, false);
  const auto run_before = app.Doc().GetRun();
  const std::uint64_t hash3 = run_before->Hash(3);
  // Line 17 of chain.json holds the edges; "Z" is not an object.
  app.Editor().SetText(Replace(original, "[\"B\", \"C\"]]", "[\"B\", \"Z\"]]"));
  h.Press(app, keys::kEnter, /*ctrl=*/true);
  EXPECT_EQ(app.Doc().GetRun(), run_before);
  EXPECT_EQ(app.Doc().GetRun()->Hash(3), hash3);
  EXPECT_EQ(app.Play().step, 3u);
  ASSERT_TRUE(app.Doc().Errors().HasErrors());
  const Diagnostic& d = app.Doc().Errors().Items()[0];
  EXPECT_EQ(d.file, file.string());  // so the editor lists it as its own
  EXPECT_EQ(d.line, 17);
  EXPECT_NE(d.message.find("\"Z\""), std::string::npos) << d.message;
  // The frame with the errors listed under the text draws more than the one without.
  const int with_errors = h.Frame(app)->TotalVtxCount;
  app.Editor().SetText(original);
  h.Press(app, keys::kEnter, /*ctrl=*/true);
  EXPECT_FALSE(app.Doc().Errors().HasErrors());
  EXPECT_GT(with_errors, h.Frame(app)->TotalVtxCount);
}

TEST_F(EditorTest, ClickingAnErrorPutsTheCursorAtItsLineAndColumn) {
  // The unknown field sits after Chinese text: the cursor (ImGui counts characters) must
  // land on the quote of "fr".
  const std::string fr = Replace(original, "\"zh\": \"逐个标记一条对象链\"}",
                                 "\"zh\": \"逐个标记一条对象链\", \"fr\": \"x\"}");
  app.Editor().SetText(fr);
  h.Press(app, keys::kEnter, /*ctrl=*/true);
  ASSERT_EQ(app.Doc().Errors().Items().size(), 1u);
  const Diagnostic& d = app.Doc().Errors().Items()[0];
  // What the errors list does on a click.
  app.Editor().pending_cursor = ByteOffsetOfLineCol(fr, d.line, d.col);
  app.Editor().want_focus = true;
  h.Frame(app);
  h.Frame(app);
  EXPECT_FALSE(app.Editor().pending_cursor);  // the text box took it
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ASSERT_EQ(g.ActiveId, g.InputTextState.ID);
  const std::size_t byte = fr.find("\"fr\"");
  int chars = 0;  // code points before `byte`
  for (std::size_t i = 0; i < byte; ++i)
    chars += (static_cast<unsigned char>(fr[i]) & 0xC0) != 0x80;
  EXPECT_EQ(g.InputTextState.Stb.cursor, chars);
}

TEST_F(EditorTest, TypingMarksTheTextUnsavedAndEscapeDoesNotUndoIt) {
  // The real backend maps Escape for ImGui's widgets; 1.86's text box would undo every
  // edit since it took focus on Escape, which the editor hides from it.
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Escape] = keys::kEscape;
  h.Frame(app);
  h.Frame(app);
  ASSERT_TRUE(io.WantTextInput);  // the editor took focus when it opened
  io.AddInputCharactersUTF8("三");
  h.Frame(app);
  EXPECT_EQ(app.Editor().Text(), "三" + original);  // typed at the start, where the cursor is
  EXPECT_TRUE(app.Editor().Dirty());
  h.Press(app, keys::kEscape);
  EXPECT_EQ(app.Editor().Text(), "三" + original);
  EXPECT_TRUE(app.Editor().Dirty());
}

// [SECTION] save
TEST_F(EditorTest, SaveWritesAtomicallyAndKeepsABackup) {
  const std::size_t edges_before = EdgeCount();
  const std::string edited =
      Replace(original, "[\"B\", \"C\"]]", "[\"B\", \"C\"], [\"C\", \"D\"]]");
  app.Editor().SetText(edited);
  h.Press(app, keys::kS, /*ctrl=*/true);
  EXPECT_EQ(ReadAll(file), edited);
  EXPECT_EQ(ReadAll(dir / "s.json~"), original);  // the previous version
  EXPECT_TRUE(Strays().empty()) << Strays()[0];   // no temporary file left
  EXPECT_FALSE(app.Editor().Dirty());
  EXPECT_EQ(EdgeCount(), edges_before + 1);  // saving applied the text too
  // The watcher does not read our own save back.
  const int generation = app.Doc().Generation();
  app.CheckForChanges();
  EXPECT_EQ(app.Doc().Generation(), generation);

  // A second save keeps the first save's text as the backup.
  const std::string edited2 = Replace(edited, "\"1.19\"", "\"1.20\"");
  app.Editor().SetText(edited2);
  h.Press(app, keys::kS, /*ctrl=*/true);
  EXPECT_EQ(ReadAll(file), edited2);
  EXPECT_EQ(ReadAll(dir / "s.json~"), edited);
}

TEST_F(EditorTest, SaveRefusesABrokenTextOverAGoodFileUnlessConfirmed) {
  const std::string broken = original.substr(0, original.size() / 2);
  app.Editor().SetText(broken);
  h.Press(app, keys::kS, /*ctrl=*/true);
  EXPECT_TRUE(app.SaveConfirmOpen());
  EXPECT_EQ(ReadAll(file), original);  // not written
  EXPECT_FALSE(fs::exists(dir / "s.json~"));
  EXPECT_TRUE(app.Editor().Dirty());
  // Escape in the prompt is Cancel: still nothing written, the text stays.
  h.Press(app, keys::kEscape);
  EXPECT_FALSE(app.SaveConfirmOpen());
  EXPECT_EQ(ReadAll(file), original);
  EXPECT_EQ(app.Editor().Text(), broken);

  // "Save anyway": written, with the good file as the backup.
  h.Press(app, keys::kS, /*ctrl=*/true);
  ASSERT_TRUE(app.SaveConfirmOpen());
  EXPECT_EQ(app.SaveEditor(/*force=*/true), App::SaveResult::kSaved);
  h.Frame(app);
  EXPECT_FALSE(app.SaveConfirmOpen());
  EXPECT_EQ(ReadAll(file), broken);
  EXPECT_EQ(ReadAll(dir / "s.json~"), original);
  EXPECT_TRUE(app.Doc().GetRun());  // the last good run is still shown

  // Over a file that is already broken there is nothing to protect: no question.
  const std::string broken2 = broken.substr(0, broken.size() / 2);
  app.Editor().SetText(broken2);
  h.Press(app, keys::kS, /*ctrl=*/true);
  EXPECT_FALSE(app.SaveConfirmOpen());
  EXPECT_EQ(ReadAll(file), broken2);
}

TEST_F(EditorTest, AReadOnlyFileIsNeverWrittenAndTheTextCanGoToACopy) {
  // chmod 0444: the author said this file must not change. (Checked by mode bits, so the
  // test holds when it runs as root, who could write it anyway.)
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const std::string edited =
      Replace(original, "[\"B\", \"C\"]]", "[\"B\", \"C\"], [\"C\", \"D\"]]");
  app.Editor().SetText(edited);
  h.Press(app, keys::kS, /*ctrl=*/true);
  EXPECT_TRUE(app.ReadOnlyPromptOpen());
  EXPECT_EQ(ReadAll(file), original);
  EXPECT_FALSE(fs::exists(dir / "s.json~"));
  EXPECT_TRUE(app.Editor().Dirty());
  // Escape is Cancel: nothing written, the text stays.
  h.Press(app, keys::kEscape);
  EXPECT_FALSE(app.ReadOnlyPromptOpen());
  EXPECT_EQ(app.Editor().Text(), edited);
  // "Save a copy": s-copy.json beside it holds the text and is now the file being edited.
  h.Press(app, keys::kS, /*ctrl=*/true);
  ASSERT_TRUE(app.ReadOnlyPromptOpen());
  ASSERT_TRUE(app.SaveEditorCopy());
  h.Frame(app);
  EXPECT_FALSE(app.ReadOnlyPromptOpen());
  EXPECT_EQ(ReadAll(dir / "s-copy.json"), edited);
  EXPECT_EQ(ReadAll(file), original);
  EXPECT_EQ(app.Editor().Path(), (dir / "s-copy.json").string());
  EXPECT_EQ(app.Doc().Path(), (dir / "s-copy.json").string());
  EXPECT_FALSE(app.Editor().Dirty());
  // A second copy never replaces the first.
  fs::permissions(dir / "s-copy.json", fs::perms::owner_read);
  app.Editor().SetText(original);
  h.Press(app, keys::kS, /*ctrl=*/true);
  ASSERT_TRUE(app.ReadOnlyPromptOpen());
  ASSERT_TRUE(app.SaveEditorCopy());
  EXPECT_EQ(ReadAll(dir / "s-copy.json"), edited);
  EXPECT_EQ(ReadAll(dir / "s-copy-copy.json"), original);
}

// [SECTION] unsaved changes
TEST_F(EditorTest, OpeningAnotherFileWithUnsavedEditsAsksFirst) {
  const std::string edited = Replace(original, "\"1.19\"", "\"1.20\"");
  app.Editor().SetText(edited);
  app.RequestOpen(other.string());
  h.Frame(app);
  EXPECT_TRUE(app.UnsavedPromptOpen());
  EXPECT_EQ(app.Doc().Path(), file.string());  // not switched
  EXPECT_EQ(app.Editor().Text(), edited);
  // Cancel (Escape): stay, keep the edits.
  h.Press(app, keys::kEscape);
  EXPECT_FALSE(app.UnsavedPromptOpen());
  EXPECT_EQ(app.Doc().Path(), file.string());
  EXPECT_EQ(app.Editor().Text(), edited);

  // Save: written, then switched.
  app.RequestOpen(other.string());
  h.Frame(app);
  app.ResolveUnsaved(Choice::kSave);
  EXPECT_EQ(ReadAll(file), edited);
  EXPECT_EQ(app.Doc().Path(), other.string());
  EXPECT_EQ(app.Doc().GetRun()->Meta().id, "gc-other");
  EXPECT_FALSE(app.Editor().Dirty());
  EXPECT_EQ(app.Editor().Path(), other.string());

  // Discard: switched, the edits are gone, the file untouched.
  app.Editor().SetText("{ half");
  app.RequestOpen(file.string());
  EXPECT_TRUE(app.UnsavedPromptOpen());
  app.ResolveUnsaved(Choice::kDiscard);
  h.Frame(app);
  EXPECT_FALSE(app.UnsavedPromptOpen());
  EXPECT_EQ(app.Doc().Path(), file.string());
  EXPECT_EQ(app.Editor().Text(), edited);
  EXPECT_NE(ReadAll(other).find("gc-other"), std::string::npos);
}

TEST_F(EditorTest, ReloadAndQuitAskFirstToo) {
  app.Editor().SetText(Replace(original, "\"1.19\"", "\"1.20\""));
  // Ctrl+R (the text box is focused, so use the menu's command path).
  app.RequestReload();
  EXPECT_TRUE(app.UnsavedPromptOpen());
  app.ResolveUnsaved(Choice::kCancel);
  EXPECT_TRUE(app.Editor().Dirty());

  app.RequestQuit();  // what the window's close button does
  h.Frame(app);
  EXPECT_TRUE(app.UnsavedPromptOpen());
  EXPECT_FALSE(app.WantsQuit());
  app.ResolveUnsaved(Choice::kDiscard);
  EXPECT_TRUE(app.WantsQuit());
  EXPECT_EQ(ReadAll(file), original);
}

TEST_F(EditorTest, TheFileWatcherNeverReloadsOverUnsavedText) {
  const std::string edited = Replace(original, "\"1.19\"", "\"1.20\"");
  app.Editor().SetText(edited);
  const auto run_before = app.Doc().GetRun();
  // Another program rewrites the file (one more object).
  std::ofstream(file, std::ios::binary)
      << Replace(original, "{\"id\": \"D\"}", "{\"id\": \"D\"}, {\"id\": \"E\"}");
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(2));
  app.CheckForChanges();
  h.Frame(app);
  EXPECT_EQ(app.Doc().GetRun(), run_before);
  EXPECT_EQ(app.Editor().Text(), edited);
  EXPECT_TRUE(app.Editor().Dirty());

  // Without edits, the watcher reloads both the run and the editor's text.
  app.ResolveUnsaved(Choice::kNone);
  app.RequestReload();
  ASSERT_TRUE(app.UnsavedPromptOpen());
  app.ResolveUnsaved(Choice::kDiscard);
  EXPECT_EQ(Gc().Prog().objects.size(), 5u);
  EXPECT_EQ(app.Editor().Text(), ReadAll(file));
  EXPECT_FALSE(app.Editor().Dirty());
}

}  // namespace
}  // namespace gs::app
