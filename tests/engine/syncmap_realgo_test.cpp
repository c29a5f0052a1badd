// The simulator's observable answers for each built-in sync.Map scenario equal what real Go
// 1.19 printed for it (tests/realgo/syncmap/NAME.out, made by replay.go; see its README).
// The Go 1.24+ (HashTrieMap) scenarios are checked the same way: what a program can observe
// of sync.Map (Load, LoadOrStore's loaded, LoadAndDelete's loaded, Range's key set) is the
// same contract in both generations, so Go 1.19's answers must also be the trie model's. The
// trie's internals were not run on Go 1.24 (none is installed); they rest on the rule tests.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/syncmap/syncmap_run.h"
#include "engine/syncmap/trie_run.h"

namespace gs::syncmap {
namespace {

// The line replay.go prints for step `step` (op `op`).
template <class RunT, class Ev, class Kind>
std::string ObservedLine(const RunT& run, std::size_t step, Kind result, Kind yield) {
  const Program& p = run.Prog();
  const Op& op = p.ops[step - 1];
  std::string g = p.goroutines[std::size_t(op.g)];
  std::string key = op.key >= 0 ? p.keys[std::size_t(op.key)] : "";
  const Ev* res = nullptr;
  std::vector<std::string> seen;
  for (const Ev& e : run.GetTimeline().Events(step)) {
    if (e.kind == result) res = &e;
    if (e.kind == yield) {
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
  int checked = 0, trie_checked = 0;
  for (const auto& f : std::filesystem::directory_iterator(GS_SCENARIO_DIR "/syncmap")) {
    if (f.path().extension() != ".json") continue;
    std::filesystem::path out =
        std::filesystem::path(GS_TEST_DIR) / "realgo/syncmap" / (f.path().stem().string() + ".out");
    ASSERT_TRUE(std::filesystem::exists(out)) << "no real Go output for " << f.path();
    LoadResult r = LoadScenarioFile(f.path().string());
    auto run = std::dynamic_pointer_cast<const SyncMapRun>(r.run);
    auto trie = std::dynamic_pointer_cast<const TrieRun>(r.run);
    ASSERT_TRUE(run || trie) << r.diags.FormatAll();
    std::ifstream in(out);
    std::string line;
    std::size_t step = 1;
    const std::size_t steps = run ? run->StepCount() : trie->StepCount();
    while (std::getline(in, line)) {
      ASSERT_LT(step, steps) << out;
      std::string got =
          run ? ObservedLine<SyncMapRun, Event>(*run, step, EventKind::kResult, EventKind::kYield)
              : ObservedLine<TrieRun, TrieEvent>(*trie, step, TrieEventKind::kResult,
                                                 TrieEventKind::kYield);
      EXPECT_EQ(got, line) << f.path() << " step " << step;
      ++step;
    }
    EXPECT_EQ(step, steps) << out;
    trie_checked += trie != nullptr;
    ++checked;
  }
  EXPECT_GE(checked, 6);
  EXPECT_GE(trie_checked, 3);
}

}  // namespace
}  // namespace gs::syncmap
