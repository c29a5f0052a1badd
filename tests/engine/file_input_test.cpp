// Inputs that are not scenario files get a clear error at once: a FIFO is never read (no
// blocked read), a directory and a device are named as such, the size is checked on the
// opened file, a UTF-16/32 file is named by its encoding, and a UTF-8 byte order mark is fine.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "engine/core/file_read.h"
#include "engine/core/limits.h"
#include "engine/core/scenario.h"

namespace gs {
namespace {

std::string Dir() {
  static const std::string d = [] {
    std::string t = ::testing::TempDir() + "gs_file_input_" + std::to_string(::getpid());
    std::filesystem::create_directories(t);
    return t;
  }();
  return d;
}

std::string Report(const std::string& path) {
  return LoadScenarioFile(path).diags.FormatAll();
}

TEST(FileInput, AFifoIsRefusedWithoutBlocking) {
  const std::string fifo = Dir() + "/pipe.json";
  std::filesystem::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Without O_NONBLOCK and the type check this would wait forever for a writer.
  EXPECT_NE(Report(fifo).find("is a FIFO (named pipe), not a regular file"), std::string::npos);
}

TEST(FileInput, DirectoryAndDeviceAreNamed) {
  EXPECT_NE(Report(Dir()).find("is a directory, not a scenario file"), std::string::npos);
  EXPECT_NE(Report("/dev/zero").find("is a device, not a regular file"), std::string::npos);
}

TEST(FileInput, SizeIsCheckedBeforeReading) {
  const std::string big = Dir() + "/big.json";
  std::filesystem::remove(big);
  { std::ofstream(big) << "{}"; }
  std::filesystem::resize_file(big, limits::kMaxFileBytes + 1);
  EXPECT_NE(Report(big).find("over the limit kMaxFileBytes"), std::string::npos);
}

TEST(FileInput, Utf16AndUtf32AreNamedAndAUtf8MarkIsAccepted) {
  std::string text = "\xFF\xFE{\0}\0";
  std::string error;
  std::string t16(text.data(), 6);
  EXPECT_FALSE(CheckUtf8Encoding(&t16, &error));
  EXPECT_EQ(error, "the file is UTF-16 (little-endian); save it as UTF-8");
  std::string t16be("\xFE\xFF\0{", 4);
  EXPECT_FALSE(CheckUtf8Encoding(&t16be, &error));
  EXPECT_EQ(error, "the file is UTF-16 (big-endian); save it as UTF-8");
  std::string t32("\xFF\xFE\0\0{\0\0\0", 8);
  EXPECT_FALSE(CheckUtf8Encoding(&t32, &error));
  EXPECT_EQ(error, "the file is UTF-32; save it as UTF-8");
  std::string t8 = "\xEF\xBB\xBF{}";
  EXPECT_TRUE(CheckUtf8Encoding(&t8, &error));
  EXPECT_EQ(t8, "{}");
  // Through the loader: the UTF-16 file's error is the encoding, not "invalid literal".
  const std::string u16 = Dir() + "/u16.json";
  { std::ofstream(u16, std::ios::binary).write(text.data(), 6); }
  EXPECT_NE(Report(u16).find("the file is UTF-16 (little-endian); save it as UTF-8"),
            std::string::npos);
  const std::string bom = Dir() + "/bom.json";
  {
    std::ofstream out(bom, std::ios::binary);
    out << "\xEF\xBB\xBF"
        << R"({"format": 1, "kind": "chan", "id": "b", "title": {"en": "b", "zh": "b"},
               "chans": {"c": {"cap": 1}}, "funcs": {"main": [{"do": "send", "ch": "c", "value": 1}]},
               "script": [{"op": "run"}]})";
  }
  LoadResult r = LoadScenarioFile(bom);
  EXPECT_TRUE(r.run) << r.diags.FormatAll();
}

}  // namespace
}  // namespace gs
