// Actors near the mailbox limit: 16 goroutines tell one actor 64,000 messages in all (one P:
// each teller runs its 4,000 tells before the actor gets the P), and the actor takes them all.
// - BM_MailboxFloodTimeline: loader + recorded timeline of both compare sides; the CSP side is
//   trivial, so this is the actor side's cost (a step per tell and per receive, states that
//   hold mailboxes of thousands of messages). Memory: run under /usr/bin/time -v.
#include <string>

#include <benchmark/benchmark.h>

#include "engine/core/scenario.h"

namespace {

std::string Flood() {
  return R"({"format": 1, "kind": "concurrency", "id": "flood", "title": {"en": "f", "zh": "f"},
    "config": {"gomaxprocs": 1}, "workload": {"en": "w", "zh": "w"},
    "actors": {"actors": {"e": {"func": "e"}}, "funcs": {
      "main": [{"do": "spawn", "actor": "e"},
               {"do": "repeat", "times": 4000, "body": [{"do": "tell", "to": "e", "value": 1}]},
               {"do": "go", "func": "more", "repeat": 15}, {"do": "sleep", "us": 10}],
      "more": [{"do": "repeat", "times": 4000, "body": [{"do": "tell", "to": "e", "value": 2}]}],
      "e": [{"do": "forever", "body": [{"do": "receive"}]}]}},
    "csp": {"funcs": {"main": []}}, "script": [{"op": "run"}]})";
}

void BM_MailboxFloodTimeline(benchmark::State& state) {
  const std::string text = Flood();
  std::size_t steps = 0;
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("flood.json", text);
    if (!r.run) {
      state.SkipWithError(r.diags.FormatAll().c_str());
      return;
    }
    steps = r.run->StepCount();
    benchmark::DoNotOptimize(steps);
  }
  state.counters["steps"] = double(steps);
}
BENCHMARK(BM_MailboxFloodTimeline)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
