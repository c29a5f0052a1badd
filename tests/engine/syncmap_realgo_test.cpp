// The simulator's observable answers for each built-in sync.Map scenario equal what real Go
// 1.19 printed for it (tests/realgo/syncmap/NAME.out, made by replay.go; see its README).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/syncmap/syncmap_run.h"

namespace gs::syncmap {
namespace {

// The line replay.go prints for step `step` (op `op`).
std::string ObservedLine(const SyncMapRun& run, std::size_t step) {
  const Program& p = run.Prog();
  const Op& op = p.ops[step - 1];
  std::string g = p.goroutines[std::size_t(op.g)];
  std::string key = op.key >= 0 ? p.keys[std::size_t(op.key)] : "";
  const Event* res = nullptr;
  std::vector<std::string> seen;
  for (const Event& e : run.GetTimeline().Events(step)) {
    if (e.kind == EventKind::kResult) res = &e;
    if (e.kind == EventKind::kYield) {
      seen.push_back(p.keys[std::size_t(e.key)] + "=" + std::to_string(e.a));
    }
  }
  const std::string b = [](bool v) { return v ? "true" : "false"; }(res && res->ok);
  switch (op.code) {
    case OpCode::kLoad:
      return g + " Load " + key + " -> " + (res && res->ok ? std::to_string(res->a) : "nil") + " " +
             b;
    case OpCode::kStore:
      return g + " Store " + key + " " + std::to_string(op.value);
    case OpCode::kLoadOrStore:
      return g + " LoadOrStore " + key + " -> " + std::to_string(res ? res->a : 0) + " " + b;
    case OpCode::kDelete:
      return g + " Delete " + key + " -> " + b;
    case OpCode::kRange: {
      std::sort(seen.begin(), seen.end());
      std::string s = g + " Range:";
      for (const std::string& kv : seen) s += " " + kv;
      return s;
    }
  }
  return "";
}

TEST(SyncMapRealGo, BuiltinScenariosMatchGo119) {
  int checked = 0;
  for (const auto& f : std::filesystem::directory_iterator(GS_SCENARIO_DIR "/syncmap")) {
    if (f.path().extension() != ".json") continue;
    std::filesystem::path out =
        std::filesystem::path(GS_TEST_DIR) / "realgo/syncmap" / (f.path().stem().string() + ".out");
    ASSERT_TRUE(std::filesystem::exists(out)) << "no real Go output for " << f.path();
    LoadResult r = LoadScenarioFile(f.path().string());
    auto run = std::dynamic_pointer_cast<const SyncMapRun>(r.run);
    ASSERT_TRUE(run) << r.diags.FormatAll();
    std::ifstream in(out);
    std::string line;
    std::size_t step = 1;
    while (std::getline(in, line)) {
      ASSERT_LT(step, run->StepCount()) << out;
      EXPECT_EQ(ObservedLine(*run, step), line) << f.path() << " step " << step;
      ++step;
    }
    EXPECT_EQ(step, run->StepCount()) << out;
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

}  // namespace
}  // namespace gs::syncmap
