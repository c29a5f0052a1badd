// Stack topic performance: loading (escape analysis + building the whole timeline) and
// seeking (keyframe + replay) on the largest built-in stack scenario, and a deep recursion.
#include <string>

#include <benchmark/benchmark.h>

#include "engine/core/scenario.h"
#include "engine/stack/model.h"
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

// grow-to-1mib: 64 frames of 8 KiB, seven growths (2 KiB → 1 MiB), then nine shrinks. Every
// state keeps the words written so far (up to 1 MiB of stack, 16 bytes a word), so keyframes
// are taken by size; the counters report how many there are and what they hold.
const std::string k1MiB = std::string(GS_SCENARIO_DIR) + "/stack/grow-to-1mib.json";

void BM_StackLoad1MiB(benchmark::State& state) {
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioFile(k1MiB);
    benchmark::DoNotOptimize(r.run.get());
  }
}
BENCHMARK(BM_StackLoad1MiB)->Unit(benchmark::kMillisecond);

void BM_StackSeek1MiB(benchmark::State& state) {
  gs::LoadResult r = gs::LoadScenarioFile(k1MiB);
  auto run = std::dynamic_pointer_cast<const gs::stack::StackRun>(r.run);
  const auto& tl = run->GetTimeline();
  std::size_t bytes = 0;
  for (std::size_t k = 0; k < tl.KeyframeCount(); ++k) {
    bytes += gs::stack::StackModel::StateBytes(tl.StateAt(tl.KeyframeStep(k)));
  }
  std::size_t step = 0;
  for (auto _ : state) {
    // Backwards by 37 (mod the step count): each seek replays from a keyframe, not the cursor.
    step = (step + run->StepCount() - 37) % run->StepCount();
    const gs::stack::State& s = tl.StateRef(step);
    benchmark::DoNotOptimize(s.sp);
  }
  state.counters["keyframes"] = double(tl.KeyframeCount());
  state.counters["keyframe_bytes"] = double(bytes);
  state.counters["steps"] = double(run->StepCount());
}
BENCHMARK(BM_StackSeek1MiB)->Unit(benchmark::kMillisecond);

// 11000 levels of an 88-byte step (return PC + 80-byte frame with a [64]byte local, as
// tests/realgo/stack's rec64): 968 KB of a 1 MiB stack (2 KiB → 1 MiB in nine growths) built one
// level per step.
void BM_StackDeepTo1MiB(benchmark::State& state) {
  const std::string text = R"J({"format": 1, "kind": "stack", "id": "deep", "title": {"en": "deep"},
    "funcs": [{"name": "worker"}, {"name": "rec", "params": [{"name": "n", "type": "int"}],
               "locals": [{"name": "buf", "type": "[64]byte"}]}],
    "script": [{"op": "call", "func": "worker"}, {"op": "call", "func": "rec", "args": [0]},
               {"op": "declare", "var": "buf"},
               {"op": "call", "func": "rec", "args": ["n+1"], "depth": 10999, "recurse_args": ["n+1"]}]})J";
  std::size_t size = 0, keyframes = 0;
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("deep.json", text);
    if (!r.run) {
      state.SkipWithError(r.diags.FormatAll().c_str());
      break;
    }
    auto run = std::dynamic_pointer_cast<const gs::stack::StackRun>(r.run);
    size = run->GetTimeline().StateRef(run->StepCount() - 1).stack.Size();
    keyframes = run->GetTimeline().KeyframeCount();
    benchmark::DoNotOptimize(r.run.get());
  }
  state.counters["stack_bytes"] = double(size);
  state.counters["keyframes"] = double(keyframes);
}
BENCHMARK(BM_StackDeepTo1MiB)->Unit(benchmark::kMillisecond);

// Seeks into that deep stack, backwards (from a keyframe, never the cursor): the p99 of a
// random seek is bounded by the keyframe spacing (StackKeyframes).
void BM_StackSeekDeep(benchmark::State& state) {
  const std::string text = R"J({"format": 1, "kind": "stack", "id": "deep", "title": {"en": "deep"},
    "funcs": [{"name": "worker"}, {"name": "rec", "params": [{"name": "n", "type": "int"}],
               "locals": [{"name": "buf", "type": "[64]byte"}]}],
    "script": [{"op": "call", "func": "worker"}, {"op": "call", "func": "rec", "args": [0]},
               {"op": "declare", "var": "buf"},
               {"op": "call", "func": "rec", "args": ["n+1"], "depth": 10999, "recurse_args": ["n+1"]}]})J";
  gs::LoadResult r = gs::LoadScenarioText("deep.json", text);
  auto run = std::dynamic_pointer_cast<const gs::stack::StackRun>(r.run);
  if (!run) {
    state.SkipWithError(r.diags.FormatAll().c_str());
    return;
  }
  const auto& tl = run->GetTimeline();
  std::size_t bytes = 0;
  for (std::size_t k = 0; k < tl.KeyframeCount(); ++k) {
    bytes += gs::stack::StackModel::StateBytes(tl.StateAt(tl.KeyframeStep(k)));
  }
  std::size_t step = 0;
  for (auto _ : state) {
    step = (step + run->StepCount() - 997) % run->StepCount();
    benchmark::DoNotOptimize(tl.StateRef(step).sp);
  }
  state.counters["keyframes"] = double(tl.KeyframeCount());
  state.counters["keyframe_bytes"] = double(bytes);
  state.counters["steps"] = double(run->StepCount());
}
BENCHMARK(BM_StackSeekDeep)->Unit(benchmark::kMillisecond);

}  // namespace
