// Stack topic performance: loading (escape analysis + building the whole timeline) and
// seeking (keyframe + replay) on the largest built-in stack scenario, and a deep recursion.
#include <string>

#include <benchmark/benchmark.h>

#include "engine/core/scenario.h"
#include "engine/stack/stack_run.h"

namespace {

const std::string kGrow = std::string(GS_SCENARIO_DIR) + "/stack/grow-by-copying.json";

void BM_StackLoadGrow(benchmark::State& state) {
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioFile(kGrow);
    benchmark::DoNotOptimize(r.run.get());
  }
}
BENCHMARK(BM_StackLoadGrow);

void BM_StackSeekGrow(benchmark::State& state) {
  gs::LoadResult r = gs::LoadScenarioFile(kGrow);
  auto run = std::dynamic_pointer_cast<const gs::stack::StackRun>(r.run);
  std::size_t step = 0;
  for (auto _ : state) {
    gs::stack::State s = run->GetTimeline().StateAt(step);
    benchmark::DoNotOptimize(s.sp);
    step = (step + 17) % run->StepCount();
  }
}
BENCHMARK(BM_StackSeekGrow);

// 1500 levels of a 40-byte frame: 60 KB of stack, five growths (2 → 64 KiB).
void BM_StackDeepRecursion(benchmark::State& state) {
  const std::string text = R"J({"format": 1, "kind": "stack", "id": "deep", "title": {"en": "deep"},
    "funcs": [{"name": "main", "locals": [{"name": "x", "type": "int"}, {"name": "p", "type": "*int"}]},
              {"name": "f", "params": [{"name": "n", "type": "int"}, {"name": "p", "type": "*int"}]}],
    "script": [{"op": "call", "func": "main"}, {"op": "declare", "var": "x"}, {"op": "addr", "of": "x", "into": "p"},
               {"op": "call", "func": "f", "args": [1500, "p"], "depth": 1500, "recurse_args": ["n-1", "p"]},
               {"op": "return", "depth": 1500}, {"op": "gc"}, {"op": "return"}]})J";
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("deep.json", text);
    if (!r.run) state.SkipWithError(r.diags.FormatAll().c_str());
    benchmark::DoNotOptimize(r.run.get());
  }
}
BENCHMARK(BM_StackDeepRecursion);

}  // namespace
