// validate's lint: warnings about meaning that do not block loading.
#include <gtest/gtest.h>

#include "engine/core/scenario.h"

namespace gs {
namespace {

std::string Scenario(const std::string& heap, const std::string& script,
                     const std::string& extra = "") {
  return R"({"format": 1, "kind": "gc", "id": "lint", "title": {"en": "t", "zh": "t"},)" + extra +
         R"("heap": )" + heap + R"(, "script": )" + script + "}";
}

std::vector<std::string> Warnings(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diags.Items()) {
    if (d.severity == Severity::kWarning) out.push_back(d.Format());
  }
  return out;
}

TEST(Lint, CleanScenarioHasNoWarnings) {
  LoadResult r = LoadScenarioText(
      "a.json",
      Scenario(R"({"objects": [{"id": "A"}], "roots": [{"id": "global:g", "refs": ["A"]}]})",
               R"([{"op": "gc"}])"));
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  EXPECT_TRUE(r.diags.Items().empty()) << r.diags.FormatAll();
}

TEST(Lint, UnreferencedObjectWithoutSweepWarnsButLoads) {
  LoadResult r = LoadScenarioText(
      "a.json",
      Scenario(
          R"({"objects": [{"id": "A"}, {"id": "Z"}], "roots": [{"id": "global:g", "refs": ["A"]}]})",
          R"([{"op": "gc_start"}, {"op": "mark_all"}])"));
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  auto w = Warnings(r);
  ASSERT_EQ(w.size(), 1u) << r.diags.FormatAll();
  EXPECT_NE(w[0].find("/heap/objects/1/id: object \"Z\" is never referenced"), std::string::npos)
      << w[0];
}

TEST(Lint, UnreferencedObjectIsFineWhenASweepFreesIt) {
  LoadResult r = LoadScenarioText(
      "a.json",
      Scenario(
          R"({"objects": [{"id": "A"}, {"id": "Z"}], "roots": [{"id": "global:g", "refs": ["A"]}]})",
          R"([{"op": "gc"}])"));
  ASSERT_TRUE(r.run);
  EXPECT_TRUE(Warnings(r).empty()) << r.diags.FormatAll();
}

TEST(Lint, StoreThatChangesNothing) {
  LoadResult r = LoadScenarioText(
      "a.json",
      Scenario(
          R"({"objects": [{"id": "A"}, {"id": "B"}], "roots": [{"id": "global:g", "refs": ["A"]}], "edges": [["A", "B"]]})",
          R"([{"op": "write", "obj": "A", "to": "B"}, {"op": "gc"}])"));
  ASSERT_TRUE(r.run);
  auto w = Warnings(r);
  ASSERT_EQ(w.size(), 1u) << r.diags.FormatAll();
  EXPECT_NE(w[0].find("a.json:1:"), std::string::npos) << w[0];
  EXPECT_NE(w[0].find("/script/0: this store changes nothing: the slot already holds B"),
            std::string::npos)
      << w[0];
}

TEST(Lint, OneLanguageAndQuizAnswerNotAmongChoices) {
  std::string extra =
      R"("summary": {"en": "only English"}, "quiz": [{"before_step": 2, "ask": {"en": "q", "zh": "问"}, "choices": ["A", "B"], "answer": "C"}],)";
  LoadResult r = LoadScenarioText(
      "a.json",
      Scenario(R"({"objects": [{"id": "A"}], "roots": [{"id": "global:g", "refs": ["A"]}]})",
               R"([{"op": "gc"}])", extra));
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  auto w = Warnings(r);
  ASSERT_EQ(w.size(), 2u) << r.diags.FormatAll();
  EXPECT_NE(w[0].find("warning: /summary: has no Chinese text"), std::string::npos) << w[0];
  EXPECT_NE(w[1].find("warning: /quiz/0/answer: the answer \"C\" is not one of the choices (A, B)"),
            std::string::npos)
      << w[1];
}

}  // namespace
}  // namespace gs
