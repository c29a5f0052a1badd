// The --json trace is written by hand (engine/core/json_write.cpp) for speed; these tests
// hold it to the bytes nlohmann's Json::dump() gives for the same values, so a reader of the
// trace cannot tell the difference.
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/json_write.h"
#include "engine/core/scenario.h"
#include "engine/core/trace.h"

namespace gs {
namespace {

std::string Str(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

std::string Val(const Json& v) {
  std::string out;
  AppendJson(out, v);
  return out;
}

TEST(JsonWrite, EveryAsciiByteIsEscapedAsDumpEscapesIt) {
  for (int c = 1; c < 128; ++c) {
    const std::string s = std::string("a") + char(c) + "b";
    EXPECT_EQ(Str(s), Json(s).dump()) << "byte " << c;
  }
  EXPECT_EQ(Str(""), "\"\"");
  EXPECT_EQ(Str(std::string_view("\0", 1)), "\"\\u0000\"");
}

TEST(JsonWrite, Utf8TextPassesThrough) {
  for (const char* s : {"写屏障把对象染灰", "P0.runq → 全局队列", "“引号” and \"quotes\"\n",
                        "tab\there\x1f\x7f", "emoji 🐹"}) {
    EXPECT_EQ(Str(s), Json(s).dump()) << s;
  }
}

TEST(JsonWrite, ValuesAreWrittenAsDumpWritesThem) {
  Json v = Json::parse(R"({"z": [1, -2, 3.5, 1e300, -0.0, 0.1, true, false, null, "s"],
      "a": {}, "m": [], "n": {"deep": [[{"k": "v\"q"}]]}, "neg": -9223372036854775808})");
  v["big"] = std::numeric_limits<std::uint64_t>::max();
  v["float"] = 2.0 / 3.0;
  EXPECT_EQ(Val(v), v.dump());
  EXPECT_EQ(Val(Json()), "null");
  EXPECT_EQ(Val(Json::array()), "[]");
}

// One scenario of every kind, in both languages: each line of the trace equals the Json
// object WriteJsonTrace used to build and dump.
TEST(JsonWrite, TraceLinesEqualTheDumpedObjectForEveryKind) {
  const std::vector<std::string> files = {"chan/buffered-ring.json",
                                          "concurrency/bank-account.json",
                                          "gc/chain.json",
                                          "io/five-models.json",
                                          "maps/collisions-overflow.json",
                                          "maps/compare-inserts-swiss.json",
                                          "pacer/gogc-50-100-200.json",
                                          "sched/gomaxprocs.json",
                                          "stack/escape-reasons.json",
                                          "syncmap/misses-promotion.json"};
  for (const std::string& f : files) {
    LoadResult r = LoadScenarioFile(std::string(GS_SCENARIO_DIR) + "/" + f);
    ASSERT_TRUE(r.run) << f << r.diags.FormatAll();
    const gs::Run& run = *r.run;
    for (Lang lang : {Lang::kEn, Lang::kZh}) {
      std::ostringstream out;
      WriteJsonTrace(run, lang, out);
      std::istringstream lines(out.str());
      std::string line;
      std::size_t step = 0;
      for (; std::getline(lines, line); ++step) {
        ASSERT_LT(step, run.StepCount()) << f;
        const Narration n = run.Narrate(step);
        Json j;
        j["step"] = step;
        j["op"] = run.OpIndex(step);
        j["func"] = n.func;
        j["events"] = run.EventsJson(step);
        j["say"] = n.text.Get(lang);
        j["state"] = run.StateSummary(step);
        char hash[17];
        std::snprintf(hash, sizeof hash, "%016llx",
                      static_cast<unsigned long long>(run.Hash(step)));
        j["hash"] = hash;
        ASSERT_EQ(line, j.dump()) << f << " step " << step;
      }
      EXPECT_EQ(step, run.StepCount()) << f;
    }
  }
}

}  // namespace
}  // namespace gs
