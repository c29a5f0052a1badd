// Loading map scenarios: every mistake is a positioned diagnostic naming the JSON pointer;
// limits are named; and the map timeline's keyframes keep memory bounded.
#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/maps/maps_run.h"

namespace gs {
namespace {

std::string Doc(const std::string& map, const std::string& script,
                const std::string& config = "{}") {
  return R"({"format": 1, "kind": "maps", "id": "t", "title": {"en": "t", "zh": "t"},
  "config": )" +
         config + R"(, "map": )" + map + R"(, "script": )" + script + "}";
}

std::string Errors(const std::string& text) {
  LoadResult r = LoadScenarioText("t.json", text);
  EXPECT_FALSE(r.run);
  return r.diags.FormatAll();
}

TEST(MapsLoad, UnknownOpSuggestsName) {
  std::string e =
      Errors(Doc(R"({"key": "int"})", R"([{"op": "make"}, {"op": "insrt", "key": 1}])"));
  EXPECT_NE(e.find("t.json:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("/script/1/op"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean \"insert\""), std::string::npos) << e;
}

TEST(MapsLoad, KeyTypeMismatch) {
  std::string e =
      Errors(Doc(R"({"key": "int"})", R"([{"op": "make"}, {"op": "insert", "key": "a"}])"));
  EXPECT_NE(e.find("/script/1/key"), std::string::npos) << e;
  EXPECT_NE(e.find("int keys"), std::string::npos) << e;
  std::string s =
      Errors(Doc(R"({"key": "string"})", R"([{"op": "make"}, {"op": "lookup", "key": 3}])"));
  EXPECT_NE(s.find("string keys"), std::string::npos) << s;
}

TEST(MapsLoad, BadHashesAndUnknownFields) {
  std::string e = Errors(Doc(R"({"key": "int", "hashes": {"x": 5, "2": "0xZZ"}, "kye": 1})",
                             R"([{"op": "make", "hnit": 3}])"));
  EXPECT_NE(e.find("/map/hashes/x"), std::string::npos) << e;
  EXPECT_NE(e.find("/map/hashes/2"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean \"key\""), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean \"hint\""), std::string::npos) << e;
}

TEST(MapsLoad, LimitsAreNamed) {
  std::string e = Errors(
      Doc(R"({"key": "int"})",
          R"([{"op": "make", "hint": 99999999}, {"op": "insert", "range": {"count": 99999999}}])"));
  EXPECT_NE(e.find("/script/0/hint"), std::string::npos) << e;
  EXPECT_NE(e.find("/script/1/range/count"), std::string::npos) << e;
  EXPECT_NE(e.find("kMaxHint"), std::string::npos) << e;
  EXPECT_NE(e.find("kMaxRangeKeys"), std::string::npos) << e;
  std::string s = Errors(Doc(R"({"key": "string"})",
                             R"([{"op": "make"}, {"op": "insert", "range": {"count": 200000}}])"));
  EXPECT_NE(s.find("kMaxStringKeys"), std::string::npos) << s;
}

TEST(MapsLoad, NilMapAssignmentIsADiagnostic) {
  std::string e = Errors(Doc(R"({"key": "int"})", R"([{"op": "insert", "key": 1}])"));
  EXPECT_NE(e.find("/script/0"), std::string::npos) << e;
  EXPECT_NE(e.find("assignment to entry in nil map"), std::string::npos) << e;
}

TEST(MapsLoad, KeyOrRangeNotBoth) {
  std::string e =
      Errors(Doc(R"({"key": "int"})",
                 R"([{"op": "make"}, {"op": "insert", "key": 1, "range": {"count": 2}}])"));
  EXPECT_NE(e.find("either \"key\" or \"range\""), std::string::npos) << e;
}

// A string key used in the script and the same string produced by a range are one key
// (interned), so the range's insert is an update, not a duplicate.
TEST(MapsLoad, StringKeysAreInterned) {
  LoadResult r =
      LoadScenarioText("t.json", Doc(R"({"key": "string"})",
                                     R"([{"op": "make"}, {"op": "insert", "key": "k2", "value": 5},
          {"op": "insert", "range": {"from": 1, "count": 3}}])"));
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  auto* run = dynamic_cast<const maps::MapsRun*>(r.run.get());
  ASSERT_TRUE(run);
  maps::State s = run->GetTimeline().StateAt(run->StepCount() - 1);
  EXPECT_EQ(s.h.count, 3);  // k1, k2, k3
}

// Keyframes: at least kMinKeyframeInterval steps apart, and each one paid for by
// kKeyframeBytesPerStep bytes per step since the previous, so a 20000-key map (2.6 MB of
// buckets at the end) stores far fewer than 20000/32 keyframes; seeking still equals replay.
TEST(MapsLoad, KeyframesStayBoundedAndSeekEqualsReplay) {
  LoadResult r = LoadScenarioText(
      "t.json",
      Doc(R"({"key": "int"})",
          R"([{"op": "make"}, {"op": "insert", "range": {"count": 20000}}, {"op": "delete", "range": {"count": 5000}}])"));
  ASSERT_TRUE(r.run) << r.diags.FormatAll();
  auto* run = dynamic_cast<const maps::MapsRun*>(r.run.get());
  const auto& tl = run->GetTimeline();
  using TL = maps::MapsTimeline;
  using Policy = maps::SizedKeyframes<maps::MapModel>;
  std::size_t keyframe_bytes = 0;
  for (std::size_t k = 1; k < tl.KeyframeCount(); ++k) {
    std::size_t gap = tl.KeyframeStep(k) - tl.KeyframeStep(k - 1);
    EXPECT_GE(gap, TL::kMinKeyframeInterval);
    maps::State s = tl.StateAt(tl.KeyframeStep(k));
    keyframe_bytes += maps::MapModel::StateBytes(s);
  }
  EXPECT_LT(tl.KeyframeCount(), tl.StepCount() / TL::kMinKeyframeInterval / 4);
  // Bounded by the per-step budget plus one state of the biggest size (the keyframe that
  // follows a grow may be paid for by steps taken while the map was half as big).
  maps::State last = tl.StateAt(tl.StepCount() - 1);
  EXPECT_LE(keyframe_bytes,
            tl.StepCount() * Policy::kKeyframeBytesPerStep + 4 * maps::MapModel::StateBytes(last));
  for (std::size_t step :
       {std::size_t(1), std::size_t(777), std::size_t(12345), tl.StepCount() - 1}) {
    maps::State replay = tl.Advance(tl.GetModel().Initial(), 0, step);
    EXPECT_EQ(tl.GetModel().Hash(tl.StateAt(step)), tl.Hash(step)) << step;
    EXPECT_EQ(tl.GetModel().Hash(replay), tl.Hash(step)) << step;
  }
  EXPECT_EQ(last.h.count, 15000);
  EXPECT_TRUE(last.inv.checked && last.inv.count_ok && last.inv.lookup_ok && last.inv.unique_ok);
}

}  // namespace
}  // namespace gs
