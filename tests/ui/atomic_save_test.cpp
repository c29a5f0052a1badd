// Saves an author can trust (WriteFileAtomic, behind the editor's Ctrl+S, Save As, settings
// and exports): a symlink stays a link, the mode is kept, a read-only file is refused, the
// temporary file is exclusive and leaves nothing behind, and a failure names its cause.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "app/shell/config_store.h"

namespace gs::app {
namespace {

namespace fs = std::filesystem;

std::string Dir() {
  static const std::string d = [] {
    std::string t = ::testing::TempDir() + "gs_save_" + std::to_string(::getpid());
    fs::remove_all(t);
    fs::create_directories(t);
    return t;
  }();
  return d;
}

std::string Read(const std::string& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

mode_t Mode(const std::string& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 07777;
}

TEST(AtomicSave, ASymlinkStaysALinkAndItsTargetIsWritten) {
  const std::string target = Dir() + "/real.json", link = Dir() + "/link.json";
  { std::ofstream(target) << "old"; }
  fs::remove(link);
  fs::create_symlink(target, link);
  ASSERT_TRUE(WriteFileAtomic(link, "new"));
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(Read(target), "new");
}

TEST(AtomicSave, TheModeIsKept) {
  const std::string p = Dir() + "/private.json";
  { std::ofstream(p) << "x"; }
  ::chmod(p.c_str(), 0600);
  ASSERT_TRUE(WriteFileAtomic(p, "y"));
  EXPECT_EQ(Mode(p), mode_t(0600));
  EXPECT_EQ(Read(p), "y");
}

TEST(AtomicSave, AReadOnlyFileIsRefusedAndKept) {
  const std::string p = Dir() + "/ro.json";
  fs::remove(p);
  { std::ofstream(p) << "keep"; }
  ::chmod(p.c_str(), 0444);
  std::string error;
  EXPECT_FALSE(WriteFileAtomic(p, "lost", &error));
  EXPECT_NE(error.find("read-only"), std::string::npos) << error;
  EXPECT_EQ(Read(p), "keep");
  ::chmod(p.c_str(), 0644);
}

TEST(AtomicSave, NoTemporaryFileIsLeftAndAPlantedOneIsNotUsed) {
  const std::string p = Dir() + "/clean.json";
  // A file planted where the old code put its temporary (path + ".tmp" + pid).
  const std::string planted = p + ".tmp" + std::to_string(::getpid());
  { std::ofstream(planted) << "planted"; }
  ASSERT_TRUE(WriteFileAtomic(p, "ok"));
  EXPECT_EQ(Read(planted), "planted");
  int others = 0;
  for (const auto& e : fs::directory_iterator(Dir())) {
    others += e.path().filename().string().find("clean.json.tmp-") == 0;
  }
  EXPECT_EQ(others, 0);
}

TEST(AtomicSave, AFailureNamesTheCause) {
  std::string error;
  // A directory where the file should be: the rename cannot replace it.
  const std::string p = Dir() + "/adir";
  fs::create_directories(p);
  EXPECT_FALSE(WriteFileAtomic(p, "x", &error));
  EXPECT_NE(error.find("Is a directory"), std::string::npos) << error;
}

TEST(AtomicSave, AFullDiskLeavesTheOriginalByteIdenticalAndSaysWhy) {
  // A disk that fills up mid-write, made real with a file-size limit in a child process
  // (RLIMIT_FSIZE: a write past it fails with EFBIG once SIGXFSZ is ignored, as a full disk
  // fails with ENOSPC). The original must survive untouched and the cause must be named.
  const std::string p = Dir() + "/full.json";
  const std::string original = "{\"format\": 1}\n";
  { std::ofstream(p, std::ios::binary) << original; }
  int pipefd[2];
  ASSERT_EQ(::pipe(pipefd), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(pipefd[0]);
    std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim {};
    lim.rlim_cur = lim.rlim_max = 4096;
    ::setrlimit(RLIMIT_FSIZE, &lim);
    std::string error;
    const bool ok = WriteFileAtomic(p, std::string(64 * 1024, 'x'), &error);
    ssize_t unused = ::write(pipefd[1], error.data(), error.size());
    (void)unused;
    ::_exit(ok ? 1 : 0);
  }
  ::close(pipefd[1]);
  std::string error;
  char buf[256];
  for (ssize_t n; (n = ::read(pipefd[0], buf, sizeof buf)) > 0;) error.append(buf, std::size_t(n));
  ::close(pipefd[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the save claimed success past the size limit";
  EXPECT_NE(error.find("cannot write the file: File too large"), std::string::npos) << error;
  EXPECT_EQ(Read(p), original);
  int others = 0;
  for (const auto& e : fs::directory_iterator(Dir())) {
    if (e.path().filename().string().rfind("full.json.tmp-", 0) == 0) ++others;
  }
  EXPECT_EQ(others, 0) << "a temporary file was left behind";
}

}  // namespace
}  // namespace gs::app
