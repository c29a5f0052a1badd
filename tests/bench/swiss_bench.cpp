// Swiss-table map benchmarks: 1,000,000 inserts recorded in full on the Swiss model (the
// same script as BM_MapsInsertRecorded with "go_version": "1.24"), so the two models'
// times and timeline sizes come from the same run of gs_bench. Peak memory: run under
// /usr/bin/time -v with --benchmark_filter=BM_SwissInsertRecorded.
#include <benchmark/benchmark.h>

#include <string>

#include "engine/core/scenario.h"
#include "engine/maps/swiss_run.h"

namespace {

std::string SwissInserts(std::int64_t n) {
  return R"({"format": 1, "kind": "maps", "id": "bench", "title": {"en": "b", "zh": "b"},
    "go_version": "1.24", "config": {"seed": 42}, "map": {"key": "int"},
    "script": [{"op": "make"}, {"op": "insert", "range": {"from": 0, "count": )" +
         std::to_string(n) + R"(}}]})";
}

void BM_SwissInsertRecorded(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  std::string text = SwissInserts(n);
  std::size_t steps = 0, keyframes = 0, bytes = 0, tables = 0, map_bytes = 0;
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("bench.json", text);
    if (!r.run) {
      state.SkipWithError(r.diags.FormatAll().c_str());
      return;
    }
    const auto& tl = dynamic_cast<const gs::maps::SwissRun&>(*r.run).GetTimeline();
    steps = tl.StepCount();
    keyframes = tl.KeyframeCount();
    bytes = tl.MemoryBytes();
    const gs::maps::SwissState& last = tl.StateRef(steps - 1);
    tables = last.tables.size();
    map_bytes = gs::maps::SwissMapBytes(last);
    benchmark::DoNotOptimize(tl.Hash(steps - 1));
  }
  state.counters["steps"] = double(steps);
  state.counters["keyframes"] = double(keyframes);
  state.counters["timeline_MB"] = double(bytes) / (1024.0 * 1024.0);
  state.counters["tables"] = double(tables);
  state.counters["go_map_MB"] = double(map_bytes) / (1024.0 * 1024.0);
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_SwissInsertRecorded)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
