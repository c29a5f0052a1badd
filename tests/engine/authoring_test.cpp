// Record-by-demonstration's engine half: branching a script at a step, and writing a
// scenario back as stable, readable text that loads to the same timeline.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/core/authoring.h"
#include "engine/core/scenario.h"
#include "tests/support/builtin.h"

namespace gs {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Authoring, FormattedBuiltinsLoadToTheSameTimeline) {
  for (const std::string& file : BuiltinScenarioFiles()) {
    LoadResult a = LoadScenarioFile(file);
    ASSERT_TRUE(a.run) << file;
    Json doc = Json::parse(ReadFile(file));
    std::string text = FormatScenario(doc);
    LoadResult b = LoadScenarioText(file, text);
    ASSERT_TRUE(b.run) << file << "\n" << b.diags.FormatAll() << text;
    ASSERT_EQ(a.run->StepCount(), b.run->StepCount()) << file;
    for (std::size_t i = 0; i < a.run->StepCount(); ++i) ASSERT_EQ(a.run->Hash(i), b.run->Hash(i));
    // Stable: formatting the parsed text again changes nothing.
    EXPECT_EQ(FormatScenario(Json::parse(text)), text) << file;
  }
}

TEST(Authoring, FormatPutsTheEnvelopeFirstAndIndentsByTwo) {
  Json doc = Json::parse(R"({"script": [{"to": "B", "op": "write", "obj": "A"}], "kind": "gc",
                             "format": 1, "id": "x", "title": {"zh": "题", "en": "t"}})");
  std::string text = FormatScenario(doc);
  EXPECT_EQ(text,
            "{\n"
            "  \"format\": 1,\n"
            "  \"kind\": \"gc\",\n"
            "  \"id\": \"x\",\n"
            "  \"title\": {\"en\": \"t\", \"zh\": \"题\"},\n"
            "  \"script\": [{\"op\": \"write\", \"obj\": \"A\", \"to\": \"B\"}]\n"
            "}\n");
}

// Ops read as the docs' tables do: "op", what it acts on, then how; "say" last; unknown keys
// alphabetically after the known ones.
TEST(Authoring, FormatOrdersOpKeysSubjectFirst) {
  Json script = Json::parse(R"([{"value": 7, "say": {"en": "x"}, "var": "x", "op": "declare"},
      {"us": 200, "g": "w3", "op": "syscall"}, {"name": "x", "func": "work", "from": "main", "op": "go"},
      {"zeta": 1, "alpha": 2, "op": "future"}])");
  std::vector<std::string> lines;
  for (const Json& op : script) {
    std::string t = FormatScenario(op);
    lines.push_back(t.substr(0, t.size() - 1));
  }
  EXPECT_EQ(lines[0], R"({"op": "declare", "var": "x", "value": 7, "say": {"en": "x"}})");
  EXPECT_EQ(lines[1], R"({"op": "syscall", "g": "w3", "us": 200})");
  EXPECT_EQ(lines[2], R"({"op": "go", "name": "x", "from": "main", "func": "work"})");
  EXPECT_EQ(lines[3], R"({"op": "future", "alpha": 2, "zeta": 1})");
}

TEST(Authoring, BranchReplacesTheStepsAfterTheAction) {
  const std::string file = std::string(GS_SCENARIO_DIR) + "/gc/chain.json";
  LoadResult base = LoadScenarioFile(file);
  ASSERT_TRUE(base.run);
  Json doc = Json::parse(ReadFile(file));
  // Step 4 scans A inside mark_all (op 1): the action lands after mark_all completes.
  ASSERT_EQ(base.run->OpIndex(4), 1);
  const int keep = BranchPoint(*base.run, 4);
  EXPECT_EQ(keep, 1);
  Json branched =
      BranchScenario(doc, keep, Json::parse(R"({"op": "write", "obj": "C", "to": "D"})"));
  ASSERT_EQ(branched["script"].size(), 3u);
  EXPECT_EQ(branched["script"][2]["op"], "write");
  LoadResult r = LoadScenarioText(file, FormatScenario(branched));
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  // Everything up to the end of mark_all is the same timeline.
  std::size_t end_of_op1 = 0;
  while (base.run->OpIndex(end_of_op1 + 1) <= 1) ++end_of_op1;
  for (std::size_t i = 0; i <= end_of_op1; ++i) EXPECT_EQ(r.run->Hash(i), base.run->Hash(i)) << i;
  // Then the recorded write (barrier step first, since marking is on with the go barrier).
  EXPECT_EQ(r.run->OpIndex(end_of_op1 + 1), 2);
  EXPECT_NE(r.run->Hash(end_of_op1 + 1), base.run->Hash(end_of_op1 + 1));
  // At step 0 nothing is kept.
  EXPECT_EQ(BranchPoint(*base.run, 0), -1);
}

}  // namespace
}  // namespace gs
