// Hot reload under every way a file changes on disk: written in place, renamed over, deleted
// and re-created, and rewritten with the same size and the same modification time. The app
// must end every round on the version last written: a good one on screen, a broken one with
// its errors listed over the last good run. Versions are told apart by their title (fixed
// width, so the same-size case really has the same size).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "app/shell/file_watch.h"
#include "tests/ui/headless.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;

std::string Good(int version) {
  char title[16];
  std::snprintf(title, sizeof title, "V%04d", version);
  return std::string(R"({"format": 1, "kind": "chan", "id": "r", "title": {"en": ")") + title +
         R"(", "zh": "t"}, "chans": {"c": {"cap": 1}},
  "funcs": {"main": [{"do": "send", "ch": "c", "value": 1}]}, "script": [{"op": "run"}]})";
}

// Three kinds of broken file: cut short (a syntax error), an unknown field (a schema error)
// and a wrong type; each must reach the errors list.
std::string Broken(int version) {
  std::string g = Good(version);
  switch (version % 3) {
    case 0:
      return g.substr(0, g.size() / 2);
    case 1:
      return g.replace(g.find("\"script\""), 8, "\"scripts\"");
    default:
      return g.replace(g.find("\"cap\": 1"), 8, "\"cap\": \"one\"");
  }
}

void WriteInPlace(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

void WriteRenamed(const fs::path& p, const std::string& text) {
  const fs::path tmp = p.string() + ".new";
  std::ofstream(tmp, std::ios::binary | std::ios::trunc) << text;
  fs::rename(tmp, p);
}

void DeleteAndRecreate(const fs::path& p, const std::string& text) {
  fs::remove(p);
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

// The same length and the clock put back: only the content says it changed.
void SameSizeSameTime(const fs::path& p, const std::string& text) {
  const auto when = fs::last_write_time(p);
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
  fs::last_write_time(p, when);
}

TEST(ReloadStress, EveryRewriteIsSeenAndEveryBrokenVersionShowsItsErrors) {
  const fs::path dir =
      fs::temp_directory_path() / ("gs_reload_stress_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "s.json";
  WriteInPlace(file, Good(0));

  test::Headless h;
  App app(GS_SCENARIO_DIR, "");
  app.SetReloadDebounce(0.02f);
  h.BuildFonts(app);
  ASSERT_TRUE(app.OpenScenario(file.string()));
  const bool watched = FileWatch().Active();
  h.Frame(app, 0.05f);  // the watch starts with the first frame after opening

  std::string last_good = "V0000";
  int max_frames = 0, slowest = 0;
  constexpr int kRounds = 240;
  for (int v = 1; v <= kRounds; ++v) {
    // Every fifth version is broken; the write method cycles through all four.
    const bool broken = v % 5 == 0;
    const std::string text = broken ? Broken(v) : Good(v);
    switch (v % 4) {
      case 0:
        WriteInPlace(file, text);
        break;
      case 1:
        WriteRenamed(file, text);
        break;
      case 2:
        DeleteAndRecreate(file, text);
        break;
      default:
        if (broken) {
          WriteInPlace(file, text);  // a broken text has another length
        } else {
          SameSizeSameTime(file, text);
        }
        break;
    }
    char want[16];
    std::snprintf(want, sizeof want, "V%04d", v);
    auto shown = [&] {
      const auto& run = app.Doc().GetRun();
      if (!run) return false;
      if (broken) {
        // The errors are this version's (the title of the last good run stays).
        return app.Doc().Errors().HasErrors() && run->Meta().title.en == last_good &&
               !app.ReloadInFlight();
      }
      return !app.Doc().Errors().HasErrors() && run->Meta().title.en == want;
    };
    int frames = 0;
    // 3 s of frames at 50 ms: longer than the 2 s safety poll, so a missed event still ends.
    while (!shown() && frames < 60) {
      h.Frame(app, 0.05f);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      ++frames;
    }
    ASSERT_TRUE(shown()) << "version " << v << (broken ? " (broken)" : "") << ", write method "
                         << v % 4 << ": shows " << app.Doc().GetRun()->Meta().title.en
                         << " with errors: " << app.Doc().Errors().FormatAll();
    if (broken) {
      // The broken version stays listed until a good one replaces it.
      for (int i = 0; i < 5; ++i) h.Frame(app, 0.05f);
      EXPECT_TRUE(app.Doc().Errors().HasErrors()) << "version " << v;
    } else {
      last_good = want;
    }
    if (frames > max_frames) {
      max_frames = frames;
      slowest = v;
    }
  }
  // With inotify, a change is taken within a few frames of landing, not at the 2 s safety poll
  // (40 frames at 50 ms).
  if (watched) {
    EXPECT_LT(max_frames, 30) << "version " << slowest
                              << " was found by the safety poll, not the watch";
  }
  fs::remove_all(dir);
}

TEST(FileWatch, SeesEveryWayOfSavingAndIgnoresOtherFiles) {
  const fs::path dir = fs::temp_directory_path() / ("gs_watch_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "s.json";
  WriteInPlace(file, "1");
  FileWatch w;
  ASSERT_TRUE(w.Active()) << "inotify is not available here";
  w.Watch(file.string());
  EXPECT_FALSE(w.Poll());
  WriteInPlace(dir / "other.json", "x");
  EXPECT_FALSE(w.Poll()) << "another file in the folder is not this one";
  WriteInPlace(file, "2");
  EXPECT_TRUE(w.Poll());
  EXPECT_FALSE(w.Poll()) << "events are drained";
  WriteRenamed(file, "3");
  EXPECT_TRUE(w.Poll());
  DeleteAndRecreate(file, "4");
  EXPECT_TRUE(w.Poll());
  // A symlink: writes to the file it points to (in another folder) are seen.
  const fs::path real_dir = dir / "real";
  fs::create_directories(real_dir);
  WriteInPlace(real_dir / "t.json", "1");
  const fs::path link = dir / "link.json";
  fs::create_symlink(real_dir / "t.json", link);
  FileWatch lw;
  lw.Watch(link.string());
  EXPECT_FALSE(lw.Poll());
  WriteRenamed(real_dir / "t.json", "2");
  EXPECT_TRUE(lw.Poll());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gs::app
