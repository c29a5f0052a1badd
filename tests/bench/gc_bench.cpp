// GC topic performance at scale: a generated 10,000-object heap (a 4-ary tree, every object
// scanned: about 10,000 mark steps), loaded and built, then random seeks; and the built-in
// big-heap scenario. Counters report keyframes and timeline memory.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "engine/core/scenario.h"
#include "engine/gc/gc_run.h"

namespace {

// Object i points to 4i+1 .. 4i+4: a wide tree whose grey wavefront is a whole level.
std::string TreeHeap(int n) {
  std::string s = R"({"format": 1, "kind": "gc", "id": "tree", "title": {"en": "tree"},
    "heap": {"objects": [)";
  for (int i = 0; i < n; ++i) s += (i ? ",{\"id\":\"o" : "{\"id\":\"o") + std::to_string(i) + "\"}";
  s += R"(], "roots": [{"id": "global:root", "refs": ["o0"]}], "edges": [)";
  bool first = true;
  for (int i = 0; i < n; ++i) {
    for (int c = 4 * i + 1; c <= 4 * i + 4 && c < n; ++c) {
      s += (first ? "[\"o" : ",[\"o") + std::to_string(i) + "\",\"o" + std::to_string(c) + "\"]";
      first = false;
    }
  }
  s += R"(]}, "script": [{"op": "gc_start"}, {"op": "mark_all"}, {"op": "mark_termination"},
    {"op": "sweep"}]})";
  return s;
}

void Report(benchmark::State& state, const gs::gc::GcRun& run) {
  const auto& tl = run.GetTimeline();
  state.counters["steps"] = double(run.StepCount());
  state.counters["keyframes"] = double(tl.KeyframeCount());
  state.counters["timeline_MB"] = double(tl.MemoryBytes()) / (1024.0 * 1024.0);
}

void BM_GcLoadTree10k(benchmark::State& state) {
  const std::string text = TreeHeap(10000);
  std::shared_ptr<const gs::Run> last;
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("tree.json", text);
    if (!r.run) state.SkipWithError(r.diags.FormatAll().c_str());
    last = r.run;
    benchmark::DoNotOptimize(r.run.get());
  }
  if (auto run = std::dynamic_pointer_cast<const gs::gc::GcRun>(last)) Report(state, *run);
}
BENCHMARK(BM_GcLoadTree10k)->Unit(benchmark::kMillisecond);

// Random seeks (a fixed LCG, so runs compare); p99 of the seek time over the run.
void SeekBench(benchmark::State& state, const std::shared_ptr<const gs::Run>& any) {
  auto run = std::dynamic_pointer_cast<const gs::gc::GcRun>(any);
  if (!run) {
    state.SkipWithError("not a gc run");
    return;
  }
  const auto& tl = run->GetTimeline();
  std::uint64_t x = 12345;
  std::vector<double> us;
  for (auto _ : state) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    std::size_t step = std::size_t((x >> 33) % run->StepCount());
    auto t0 = std::chrono::steady_clock::now();
    const gs::gc::State& s = tl.StateRef(step);
    benchmark::DoNotOptimize(s.pc);
    us.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  if (!us.empty()) state.counters["p99_us"] = us[us.size() * 99 / 100];
  Report(state, *run);
}

void BM_GcSeekTree10k(benchmark::State& state) {
  gs::LoadResult r = gs::LoadScenarioText("tree.json", TreeHeap(10000));
  SeekBench(state, r.run);
}
BENCHMARK(BM_GcSeekTree10k)->Unit(benchmark::kMicrosecond);

const std::string kBig = std::string(GS_SCENARIO_DIR) + "/gc/big-heap.json";

void BM_GcLoadBigHeap(benchmark::State& state) {
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioFile(kBig);
    if (!r.run) state.SkipWithError(r.diags.FormatAll().c_str());
    benchmark::DoNotOptimize(r.run.get());
  }
}
BENCHMARK(BM_GcLoadBigHeap)->Unit(benchmark::kMillisecond);

void BM_GcSeekBigHeap(benchmark::State& state) {
  gs::LoadResult r = gs::LoadScenarioFile(kBig);
  SeekBench(state, r.run);
}
BENCHMARK(BM_GcSeekBigHeap)->Unit(benchmark::kMicrosecond);

}  // namespace
