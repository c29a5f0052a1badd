// Hot reload compares content, not the clock: a rewrite in the same second with the same
// length is a change, a touch that leaves the bytes alone is not, and a broken version keeps
// the last good run on screen with its errors listed.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "app/shell/document.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;

std::string Scenario(const char* title) {
  return std::string(R"({"format": 1, "kind": "chan", "id": "r", "title": {"en": ")") + title +
         R"(", "zh": "t"}, "chans": {"c": {"cap": 1}},
            "funcs": {"main": [{"do": "send", "ch": "c", "value": 1}]}, "script": [{"op": "run"}]})";
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

TEST(DocumentReload, SameSizeSameTimeRewriteIsSeen) {
  const std::string path = ::testing::TempDir() + "reload_" + std::to_string(::getpid()) + ".json";
  Write(path, Scenario("AAAA"));
  Document doc;
  ASSERT_TRUE(doc.Open(path)) << doc.Errors().FormatAll();
  EXPECT_FALSE(doc.ChangedOnDisk());
  const auto when = fs::last_write_time(path);
  // A touch: new time, same bytes: nothing to reload.
  fs::last_write_time(path, when + std::chrono::seconds(5));
  EXPECT_FALSE(doc.ChangedOnDisk());
  // The same length, written back with the same modification time.
  Write(path, Scenario("BBBB"));
  fs::last_write_time(path, when + std::chrono::seconds(5));
  ASSERT_TRUE(doc.ChangedOnDisk());
  ASSERT_TRUE(doc.Reload());
  EXPECT_EQ(doc.GetRun()->Meta().title.en, "BBBB");
  EXPECT_FALSE(doc.ChangedOnDisk());
  // A broken version: the good run stays, the errors say why, and it is not re-read forever.
  Write(path, "{\"format\": 1,");
  ASSERT_TRUE(doc.ChangedOnDisk());
  EXPECT_FALSE(doc.Reload());
  EXPECT_EQ(doc.GetRun()->Meta().title.en, "BBBB");
  EXPECT_TRUE(doc.Errors().HasErrors());
  EXPECT_FALSE(doc.ChangedOnDisk());
  fs::remove(path);
}

}  // namespace
}  // namespace gs::app
