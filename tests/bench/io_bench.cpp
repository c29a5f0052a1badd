// IO models at scale.
// - BM_IoTenThousandConnections: loading scenarios/io/ten-thousand-connections.json (select,
//   poll and epoll on 10,000 fds, the timeline recorded), the largest built-in io scenario.
// - BM_IoPacketFlood: the eight lanes side by side on 20 connections with 500 packets each
//   (10,000 packets, kMaxArrivals), the whole load.
#include <string>

#include <benchmark/benchmark.h>

#include "engine/core/scenario.h"

namespace {

void BM_IoTenThousandConnections(benchmark::State& state) {
  const std::string file = std::string(GS_SCENARIO_DIR) + "/io/ten-thousand-connections.json";
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioFile(file);
    if (!r.run) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(r.run);
  }
}
BENCHMARK(BM_IoTenThousandConnections)->Unit(benchmark::kMillisecond);

std::string Flood() {
  std::string fds;
  for (int f = 0; f < 20; ++f) {
    if (f) fds += ", ";
    fds += R"({"id": "f)";
    fds += std::to_string(f);
    fds += R"(", "arrivals": [)";
    for (int k = 0; k < 500; ++k) {
      if (k) fds += ", ";
      fds += R"({"at": )";
      fds += std::to_string(k * 40 + f);
      fds += R"(, "bytes": 700})";
    }
    fds += "]}";
  }
  std::string s = R"({"format": 1, "kind": "io", "id": "flood", "title": {"en": "f"},
    "config": {"compare": ["bio", "nio", "select", "poll", "epoll", "epoll_et", "signal",
    "async"]}, "fds": [)";
  s += fds;
  s += R"(], "script": [{"op": "run"}]})";
  return s;
}

void BM_IoPacketFlood(benchmark::State& state) {
  const std::string text = Flood();
  std::size_t steps = 0;
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("flood.json", text);
    if (!r.run) state.SkipWithError(r.diags.FormatAll().c_str());
    steps = r.run ? r.run->StepCount() : 0;
  }
  state.counters["steps"] = double(steps);
}
BENCHMARK(BM_IoPacketFlood)->Unit(benchmark::kMillisecond);

}  // namespace
