// Pacer topic performance: loading a long run (building the timeline and the plot's samples
// and cycle list) — 100000 ticks with several thousand cycles — and one trace of it.
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "engine/core/scenario.h"
#include "engine/core/trace.h"
#include "engine/pacer/pacer_run.h"

namespace {

const std::string kLong = R"({"format": 1, "kind": "pacer", "id": "long", "title": {"en": "long"},
  "config": {"live_kib": 8192, "mark_kib_per_tick": 2048, "cons_mark": 0.5},
  "script": [{"op": "run", "ticks": 100000, "alloc_kib": 512, "keep_kib": 0}]})";

void BM_PacerLoad100kTicks(benchmark::State& state) {
  std::size_t cycles = 0;
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("long.json", kLong);
    auto run = std::dynamic_pointer_cast<const gs::pacer::PacerRun>(r.run);
    cycles = run ? run->Cycles().size() : 0;
    benchmark::DoNotOptimize(cycles);
  }
  state.counters["cycles"] = double(cycles);
}
BENCHMARK(BM_PacerLoad100kTicks)->Unit(benchmark::kMillisecond);

void BM_PacerTrace100kTicks(benchmark::State& state) {
  gs::LoadResult r = gs::LoadScenarioText("long.json", kLong);
  for (auto _ : state) {
    std::ostringstream out;
    gs::WriteTextTrace(*r.run, gs::Lang::kEn, out);
    benchmark::DoNotOptimize(out.tellp());
  }
}
BENCHMARK(BM_PacerTrace100kTicks)->Unit(benchmark::kMillisecond);

}  // namespace
