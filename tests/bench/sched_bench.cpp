// Scheduler timeline build cost: 10,000 goroutines on 8 Ps (spawn, steal, run, exit).
// Memory: run this binary under /usr/bin/time -v and read "Maximum resident set size".
#include <string>

#include <benchmark/benchmark.h>

#include "engine/core/scenario.h"
#include "engine/sched/sched_run.h"

namespace {

std::string TenThousand(int gomaxprocs, int goroutines) {
  return R"({"format": 1, "kind": "sched", "id": "bench-10k",
    "title": {"en": "10k goroutines", "zh": "一万个 goroutine"},
    "config": {"gomaxprocs": )" +
         std::to_string(gomaxprocs) + R"(, "seed": 9},
    "funcs": {
      "main": [{"do": "go", "func": "work", "name": "w", "repeat": )" +
         std::to_string(goroutines) +
         R"(}, {"do": "wait", "for": "w"}],
      "work": [{"do": "run", "us": 50}, {"do": "gosched"}, {"do": "run", "us": 20}]
    },
    "script": [{"op": "run"}]})";
}

void BM_SchedBuild10kOn8Ps(benchmark::State& state) {
  const std::string text = TenThousand(8, int(state.range(0)));
  std::size_t steps = 0, keyframes = 0;
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("bench.json", text);
    if (!r.run) {
      state.SkipWithError(r.diags.FormatAll().c_str());
      return;
    }
    const auto* run = dynamic_cast<const gs::sched::SchedRun*>(r.run.get());
    steps = run->StepCount();
    keyframes = run->GetTimeline().KeyframeCount();
    benchmark::DoNotOptimize(steps);
  }
  state.counters["steps"] = double(steps);
  state.counters["keyframes"] = double(keyframes);
  state.counters["steps/s"] =
      benchmark::Counter(double(steps), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SchedBuild10kOn8Ps)->Arg(10000)->Unit(benchmark::kMillisecond);

// Seeking: the cost of StateAt (nearest keyframe + up to 31 replayed steps).
void BM_SchedSeek10k(benchmark::State& state) {
  gs::LoadResult r = gs::LoadScenarioText("bench.json", TenThousand(8, 10000));
  const auto* run = dynamic_cast<const gs::sched::SchedRun*>(r.run.get());
  if (!run) {
    state.SkipWithError("load failed");
    return;
  }
  std::size_t step = run->StepCount() / 2 + 31;
  for (auto _ : state) {
    auto s = run->GetTimeline().StateAt(step);
    benchmark::DoNotOptimize(s.now);
  }
}
BENCHMARK(BM_SchedSeek10k)->Unit(benchmark::kMicrosecond);

}  // namespace
