// Save As from the sandbox: the desktop's dialog (zenity) gets the command line built here,
// with --save --confirm-overwrite and the user's scenarios folder; without zenity the
// built-in browser's save mode asks before it replaces a file. The zenity runner is
// replaced by a fake, so these tests need no zenity and no display.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/panels/file_browser.h"
#include "app/shell/keys.h"
#include "app/shell/native_dialog.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ZenityArgs, OpenStartsInTheFolderAndFiltersScenarios) {
  const DialogRequest req{DialogMode::kOpen, "/home/u/my scenarios", "", "Open it"};
  const std::vector<std::string> want = {"zenity",
                                         "--file-selection",
                                         "--title=Open it",
                                         "--filename=/home/u/my scenarios/",
                                         "--file-filter=Scenarios | *.json",
                                         "--file-filter=All files | *"};
  EXPECT_EQ(ZenityArgs(req), want);
}

TEST(ZenityArgs, SaveAsksBeforeReplacingAndSuggestsTheName) {
  const DialogRequest req{DialogMode::kSave, "/d/", "it's-mine.json", "Save it"};
  const std::vector<std::string> want = {"zenity",
                                         "--file-selection",
                                         "--title=Save it",
                                         "--save",
                                         "--confirm-overwrite",
                                         "--filename=/d/it's-mine.json",
                                         "--file-filter=Scenarios | *.json",
                                         "--file-filter=All files | *"};
  EXPECT_EQ(ZenityArgs(req), want);  // one argument each: no shell sees the quote
}

TEST(NativeDialog, TheRunnersOutputLosesItsNewlineAndCancelIsEmpty) {
  auto echo = [](std::string out) {
    return [out](const std::vector<std::string>&) { return out; };
  };
  EXPECT_EQ(RunNativeDialog(echo("/a/b.json\n"), {}), "/a/b.json");
  EXPECT_EQ(RunNativeDialog(echo(""), {}), "");
  // The real runner, on a program that is surely there: /bin/echo prints its arguments.
  EXPECT_EQ(CurrentDialogRunner()({"echo", "-n", "x y"}), "x y");
  EXPECT_EQ(CurrentDialogRunner()({"false"}), "");  // a non-zero exit is a cancel
  EXPECT_EQ(WithScenarioExtension("/d/mine"), "/d/mine.json");
  EXPECT_EQ(WithScenarioExtension("/d/mine.json"), "/d/mine.json");
}

TEST(NativeDialog, ClosingTheAppEndsADialogStillOpen) {
  // The real spawner, on a program that would wait far longer than the test may run: the
  // browser's destructor (the app quitting) must end it instead of waiting for an answer.
  const DialogRunner spawn = CurrentDialogRunner();
  SetDialogRunner([spawn](const std::vector<std::string>&) { return spawn({"sleep", "3600"}); });
  ::unsetenv("GS_NO_NATIVE_DIALOG");
  {
    FileBrowser b;
    b.Open(fs::temp_directory_path().string());
    EXPECT_TRUE(b.IsOpen());
  }  // returns once `sleep` was ended (else ctest's timeout fails the test)
  SetDialogRunner({});
}

// A temporary folder with one scenario in it, and the built-in browser (no zenity).
class BuiltInSave : public testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("gs_save_" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "sub");
    std::ofstream(m_dir / "taken.json") << "old";
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Enter] = keys::kEnter;
    // ImGui's own font is enough for the browser alone.
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  }
  void TearDown() override { fs::remove_all(m_dir); }
  // One frame of the browser alone; returns what Draw returned.
  std::string Frame() {
    ImGui::NewFrame();
    std::string r = m_b.Draw(Lang::kEn, {});
    ImGui::Render();
    return r;
  }
  std::string PressEnter() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[keys::kEnter] = true;
    std::string r = Frame();
    io.KeysDown[keys::kEnter] = false;
    if (r.empty()) r = Frame();
    return r;
  }
  test::Headless m_h;  // an ImGui context
  fs::path m_dir;
  FileBrowser m_b;
};

TEST_F(BuiltInSave, EnterSavesTheSuggestedNameInTheFolderShown) {
  m_b.OpenSave(m_dir.string(), "new.json", /*allow_native=*/false);
  ASSERT_TRUE(m_b.IsOpen());
  EXPECT_TRUE(m_b.Saving());
  EXPECT_STREQ(m_b.PathBox(), "new.json");
  for (int i = 0; i < 4; ++i) Frame();  // the name box takes the keyboard
  ASSERT_TRUE(ImGui::GetIO().WantTextInput);
  EXPECT_EQ(PressEnter(), (m_dir / "new.json").string());
  EXPECT_FALSE(m_b.IsOpen());
}

TEST_F(BuiltInSave, AnExistingFileIsReturnedOnlyAfterReplaceIsChosen) {
  m_b.OpenSave(m_dir.string(), "taken.json", false);
  for (int i = 0; i < 4; ++i) Frame();
  EXPECT_EQ(PressEnter(), "");  // asks first
  EXPECT_EQ(m_b.AskingReplace(), (m_dir / "taken.json").string());
  EXPECT_TRUE(m_b.IsOpen());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Frame(), "");  // asking does not time out
  m_b.AnswerReplace(false);                            // Cancel: back to the name, nothing chosen
  EXPECT_EQ(m_b.AskingReplace(), "");
  EXPECT_TRUE(m_b.IsOpen());
  EXPECT_EQ(Frame(), "");
  m_b.Submit("taken");  // the same file without its extension asks too
  EXPECT_EQ(m_b.AskingReplace(), (m_dir / "taken.json").string());
  m_b.AnswerReplace(true);
  EXPECT_EQ(Frame(), (m_dir / "taken.json").string());
  EXPECT_FALSE(m_b.IsOpen());
  EXPECT_EQ(Read(m_dir / "taken.json"), "old");  // the browser never writes
}

TEST_F(BuiltInSave, ABareNameGetsJsonAndFolderChangesKeepIt) {
  m_b.OpenSave(m_dir.string(), "mine", false);
  Frame();
  m_b.Enter("sub");
  EXPECT_STREQ(m_b.PathBox(), "mine");
  m_b.Submit(m_b.PathBox());
  EXPECT_EQ(Frame(), (m_dir / "sub" / "mine.json").string());
}

// The App's sandbox Save As (Ctrl+Shift+S) through a fake zenity, in a private XDG tree.
class SandboxSaveAs : public testing::Test {
 protected:
  void SetUp() override {
    m_root = fs::temp_directory_path() / ("gs_saveas_" + std::to_string(::getpid()));
    fs::remove_all(m_root);
    fs::create_directories(m_root / "config");
    ::setenv("XDG_DATA_HOME", (m_root / "data").c_str(), 1);
    ::setenv("XDG_STATE_HOME", (m_root / "state").c_str(), 1);
    ::unsetenv("GS_NO_NATIVE_DIALOG");
    SetDialogRunner([this](const std::vector<std::string>& argv) {
      m_argv = argv;
      ++m_calls;
      return m_answer;
    });
  }
  void TearDown() override {
    SetDialogRunner({});
    ::unsetenv("XDG_DATA_HOME");
    ::unsetenv("XDG_STATE_HOME");
    fs::remove_all(m_root);
  }
  fs::path UserDir() const { return m_root / "data" / "gopherscope" / "scenarios"; }
  // Ctrl+Shift+S, then frames until the (instant) fake dialog has answered.
  void SaveAs(test::Headless& h, App& app) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyShift = true;
    h.Press(app, keys::kS, /*ctrl=*/true);
    io.KeyShift = false;
    for (int i = 0; i < 200 && app.Browser().IsOpen() && app.Browser().AskingReplace().empty();
         ++i) {
      usleep(1000);
      h.Frame(app);
    }
  }
  fs::path m_root;
  std::vector<std::string> m_argv;
  int m_calls = 0;
  std::string m_answer;
};

bool HasArg(const std::vector<std::string>& argv, const std::string& a) {
  for (const std::string& s : argv) {
    if (s == a) return true;
  }
  return false;
}

TEST_F(SandboxSaveAs, ZenityStartsInMyScenariosAndTheChoiceIsWrittenAtomically) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, (m_root / "config" / "settings.json").string());
  ASSERT_TRUE(test::OpenInSandbox(h, app, std::string(GS_SCENARIO_DIR) + "/gc/chain.json"));
  h.Frame(app);
  m_answer = (UserDir() / "mine.json").string() + "\n";
  SaveAs(h, app);
  ASSERT_EQ(m_calls, 1);
  EXPECT_TRUE(HasArg(m_argv, "--save"));
  EXPECT_TRUE(HasArg(m_argv, "--confirm-overwrite"));
  EXPECT_TRUE(HasArg(m_argv, "--filename=" + UserDir().string() + "/chain-recorded.json"));
  ASSERT_TRUE(fs::is_regular_file(UserDir() / "mine.json")) << app.Status();
  EXPECT_NE(app.Status().find("mine.json"), std::string::npos) << app.Status();
  // What was written is the sandbox's scenario, and it loads.
  App again(GS_SCENARIO_DIR, "");
  EXPECT_TRUE(again.OpenScenario((UserDir() / "mine.json").string()));
  bool listed = false;
  for (const LibraryEntry& e : app.Library()) {
    listed |= e.path == (UserDir() / "mine.json").string() && e.group == "mine";
  }
  EXPECT_TRUE(listed) << "saved under My scenarios";
}

TEST_F(SandboxSaveAs, CancelWritesNothingAndZenitysConfirmedReplaceIsKept) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, (m_root / "config" / "settings.json").string());
  ASSERT_TRUE(test::OpenInSandbox(h, app, std::string(GS_SCENARIO_DIR) + "/gc/chain.json"));
  h.Frame(app);
  m_answer = "";  // Cancel
  SaveAs(h, app);
  ASSERT_EQ(m_calls, 1);
  EXPECT_FALSE(fs::exists(UserDir() / "chain-recorded.json"));
  // zenity returned an existing file: it asked (--confirm-overwrite), so it is replaced.
  fs::create_directories(UserDir());
  std::ofstream(UserDir() / "old.json") << "{}";
  m_answer = (UserDir() / "old.json").string() + "\n";
  SaveAs(h, app);
  ASSERT_EQ(m_calls, 2);
  EXPECT_NE(Read(UserDir() / "old.json"), "{}");
  // A name without .json: zenity asked about "old2", not "old2.json", which exists; the
  // app asks itself and writes nothing until answered.
  std::ofstream(UserDir() / "old2.json") << "{}";
  m_answer = (UserDir() / "old2").string() + "\n";
  SaveAs(h, app);
  ASSERT_EQ(m_calls, 3);
  EXPECT_EQ(app.Browser().AskingReplace(), (UserDir() / "old2.json").string());
  h.Frame(app);
  EXPECT_EQ(Read(UserDir() / "old2.json"), "{}");
  EXPECT_FALSE(fs::exists(UserDir() / "old2"));
}

TEST_F(SandboxSaveAs, WithoutSettingsTheBuiltInBrowserOpensInsteadOfZenity) {
  test::Headless h;
  App app(GS_SCENARIO_DIR, "");  // tests and screenshots: never the native dialog
  ASSERT_TRUE(test::OpenInSandbox(h, app, std::string(GS_SCENARIO_DIR) + "/gc/chain.json"));
  h.Frame(app);
  ImGuiIO& io = ImGui::GetIO();
  io.KeyShift = true;
  h.Press(app, keys::kS, /*ctrl=*/true);
  io.KeyShift = false;
  EXPECT_EQ(m_calls, 0);
  ASSERT_TRUE(app.Browser().IsOpen());
  EXPECT_TRUE(app.Browser().Saving());
  EXPECT_STREQ(app.Browser().PathBox(), "chain-recorded.json");
  // No user folder: it starts beside the open scenario.
  EXPECT_EQ(fs::path(app.Browser().Dir()), (fs::path(GS_SCENARIO_DIR) / "gc").lexically_normal());
}

}  // namespace
}  // namespace gs::app
