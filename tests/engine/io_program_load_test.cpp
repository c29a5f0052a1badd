// Loader errors of user programs: each names the file, line and column, the JSON path, and
// why (the man page rule behind it).
#include <gtest/gtest.h>

#include "tests/engine/io_support.h"

namespace gs::io {
namespace {

std::string Errors(const std::string& config, const std::string& threads,
                   const std::string& extra = "") {
  // One key per line, so the line numbers below are easy to check.
  const std::string text =
      "{\"format\": 1, \"kind\": \"io\", \"id\": \"t\", \"title\": {\"en\": \"t\"},\n"
      "\"config\": {" +
      config +
      "},\n"
      "\"fds\": [{\"id\": \"a\"}, {\"id\": \"b\"}]" +
      extra +
      ",\n"
      "\"threads\": [" +
      threads +
      "],\n"
      "\"script\": [{\"op\": \"run\"}]}\n";
  auto l = test::LoadIo(text);
  EXPECT_FALSE(l.run) << text;
  return l.result.diags.FormatAll();
}

void ExpectHas(const std::string& all, const std::string& what) {
  EXPECT_NE(all.find(what), std::string::npos) << "missing: " << what << "\nin: " << all;
}

TEST(IoProgramLoad, UnknownFdNamesTheFdsAndTheClosestOne) {
  const std::string e =
      Errors(R"("model": "bio")", R"({"program": [{"op": "recvfrom", "fd": "aa"}]})");
  ExpectHas(e, "t.json:4:");
  ExpectHas(e, "/threads/0/program/0/fd");
  ExpectHas(e, "unknown fd \"aa\"");
  ExpectHas(e, "did you mean \"a\"");
}

TEST(IoProgramLoad, SelectOnAnFdAtOrAboveFdSetSizeIsRefused) {
  // select(2): fd_set holds fds 0..1023. a, b and 1,022 idle connections take fds 3..1026.
  const std::string e =
      Errors(R"("model": "multiplex")", R"({"program": [{"op": "select", "fds": "all"}]})",
             R"(, "idle_fds": 1022)");
  ExpectHas(e, "/threads/0/program/0/fds");
  ExpectHas(e, "fd 1026");
  ExpectHas(e, "FD_SETSIZE = 1024");
  // poll has no such limit: the same set loads.
  auto ok = test::LoadIo(test::Scenario(
      R"("model": "multiplex")", R"({"id": "a"}, {"id": "b"})",
      R"("idle_fds": 1022, "threads": [{"program": [{"op": "poll", "fds": "all"}]}])"));
  EXPECT_TRUE(ok.run) << ok.result.diags.FormatAll();
}

TEST(IoProgramLoad, EpollWaitBeforeEpollCreateIsRefused) {
  const std::string e = Errors(R"("model": "multiplex")",
                               R"({"program": [{"op": "epoll_wait"}, {"op": "epoll_create"}]})");
  ExpectHas(e, "/threads/0/program/0/op");
  ExpectHas(e, "no epoll_create comes before it");
}

TEST(IoProgramLoad, AnOpOutsideTheModelNamesTheModelThatHasIt) {
  const std::string e =
      Errors(R"("model": "nio")", R"({"program": [{"op": "aio_read", "fd": "a"}]})");
  ExpectHas(e, "/threads/0/program/0/op");
  ExpectHas(e, "\"aio_read\" is not part of the \"nio\" model");
  ExpectHas(e, "\"model\": \"async\"");
  const std::string s =
      Errors(R"("model": "bio")", R"({"program": [{"op": "set_nonblock", "fd": "a"}]})");
  ExpectHas(s, "\"set_nonblock\" is not part of the \"bio\" model");
}

TEST(IoProgramLoad, ReadingUntilEagainNeedsANonBlockingSocket) {
  // recvfrom(2): only an O_NONBLOCK socket returns EAGAIN; a blocking one would sleep.
  const std::string e = Errors(
      R"("model": "nio")", R"({"program": [{"op": "recvfrom", "fd": "a", "until": "eagain"}]})");
  ExpectHas(e, "/threads/0/program/0/until");
  ExpectHas(e, "O_NONBLOCK");
}

TEST(IoProgramLoad, ReadyNeedsAReadinessCallBeforeIt) {
  const std::string e =
      Errors(R"("model": "multiplex")", R"({"program": [{"op": "recvfrom", "fd": "ready"}]})");
  ExpectHas(e, "/threads/0/program/0/fd");
  ExpectHas(e, "none comes before this recvfrom");
}

TEST(IoProgramLoad, ALoopThatTakesNoTimeIsRefused) {
  const std::string e = Errors(
      R"("model": "nio")", R"({"program": [{"op": "loop", "body": [{"op": "pause", "us": 5}]}]})");
  ExpectHas(e, "/threads/0/program/0/body");
  ExpectHas(e, "spin in one instant");
}

TEST(IoProgramLoad, ProgramsAndCompareDoNotMix) {
  const std::string e =
      Errors(R"("compare": ["nio", "epoll"])", R"({"program": [{"op": "recvfrom", "fd": "a"}]})");
  ExpectHas(e, "/config/compare");
  ExpectHas(e, "one lane");
}

TEST(IoProgramLoad, UnknownOpAndLoopDepthAndMixedPollers) {
  ExpectHas(Errors(R"("model": "multiplex")", R"({"program": [{"op": "epol_wait"}]})"),
            "did you mean \"epoll_wait\"");
  std::string nested = R"({"op": "work", "us": 1})";
  for (int i = 0; i < 5; ++i) nested = R"({"op": "loop", "times": 2, "body": [)" + nested + "]}";
  ExpectHas(Errors(R"("model": "nio")", R"({"program": [)" + nested + "]}"), "kMaxLoopDepth = 4");
  ExpectHas(
      Errors(R"("model": "multiplex")",
             R"({"program": [{"op": "select", "fds": ["a"]}, {"op": "poll", "fds": ["b"]}]})"),
      "the programs already use select");
}

}  // namespace
}  // namespace gs::io
