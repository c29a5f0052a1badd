// Map engine benchmarks: 1,000,000 inserts recorded in full (every step's events and hash,
// keyframes under the map timeline's byte budget), then seeks into the finished timeline.
// Peak memory: run under /usr/bin/time -v and read "Maximum resident set size".
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include <ostream>
#include <streambuf>

#include "engine/core/scenario.h"
#include "engine/core/trace.h"
#include "engine/maps/maps_run.h"

namespace {

std::string MillionInserts(std::int64_t n) {
  return R"({"format": 1, "kind": "maps", "id": "bench", "title": {"en": "b", "zh": "b"},
    "config": {"seed": 42}, "map": {"key": "int"},
    "script": [{"op": "make"}, {"op": "insert", "range": {"from": 0, "count": )" +
         std::to_string(n) + R"(}}]})";
}

void BM_MapsInsertRecorded(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  std::string text = MillionInserts(n);
  std::size_t steps = 0, keyframes = 0, bytes = 0;
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("bench.json", text);
    if (!r.run) {
      state.SkipWithError(r.diags.FormatAll().c_str());
      return;
    }
    const auto& tl = dynamic_cast<const gs::maps::MapsRun&>(*r.run).GetTimeline();
    steps = tl.StepCount();
    keyframes = tl.KeyframeCount();
    bytes = tl.MemoryBytes();
    benchmark::DoNotOptimize(tl.Hash(steps - 1));
  }
  state.counters["steps"] = double(steps);
  state.counters["keyframes"] = double(keyframes);
  state.counters["timeline_MB"] = double(bytes) / (1024.0 * 1024.0);
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_MapsInsertRecorded)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

// Seeking into the 1M timeline: the worst case replays from the previous keyframe.
void BM_MapsSeek(benchmark::State& state) {
  static std::shared_ptr<const gs::Run> run =
      gs::LoadScenarioText("bench.json", MillionInserts(1000000)).run;
  const auto& tl = dynamic_cast<const gs::maps::MapsRun&>(*run).GetTimeline();
  std::size_t step = tl.StepCount() - 1 - std::size_t(state.range(0));
  for (auto _ : state) {
    auto s = tl.StateAt(step);
    benchmark::DoNotOptimize(s.h.count);
  }
}
BENCHMARK(BM_MapsSeek)->Arg(0)->Arg(500000)->Unit(benchmark::kMillisecond);

}  // namespace

namespace {

// trace over a 10^6-step map timeline: the text trace and the JSON trace (state summary per
// step) on the same scenario. Both stream each step once (StateRef); JSON replays the model
// once more to reach each step's state and writes ~2x the bytes, so it costs a constant
// factor more, not one that grows with the run. Arg 0: text or json; arg 1: 1 = the whole
// `gopherscope trace` command (load and build the timeline, then print), 0 = printing only.
class NullBuf : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

void BM_TraceMillionSteps(benchmark::State& state) {
  const bool json = state.range(0) == 1;
  const bool with_load = state.range(1) == 1;
  const std::string text = MillionInserts(1000000);
  gs::LoadResult r = gs::LoadScenarioText("bench.json", text);
  if (!r.run) {
    state.SkipWithError(r.diags.FormatAll().c_str());
    return;
  }
  NullBuf buf;
  std::ostream out(&buf);
  for (auto _ : state) {
    if (with_load) r = gs::LoadScenarioText("bench.json", text);
    if (json) {
      gs::WriteJsonTrace(*r.run, gs::Lang::kEn, out);
    } else {
      gs::WriteTextTrace(*r.run, gs::Lang::kEn, out);
    }
  }
  state.SetLabel(std::string(json ? "json" : "text") + (with_load ? " command" : " print"));
  state.counters["steps"] = double(r.run->StepCount());
}
BENCHMARK(BM_TraceMillionSteps)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
