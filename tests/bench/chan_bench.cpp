// Channels at scale: 10,000 goroutines (5,000 senders, 5,000 receivers) exchanging messages
// over 100 buffered channels on 4 Ps.
// - BM_ChanModel1M: the engine alone (SchedModel::Step until the program ends) for 10^6
//   messages; a timeline of that run would exceed kMaxSteps (2,000,000 steps), so this is the
//   simulation cost without recording.
// - BM_ChanTimeline100k: the whole load (loader + recorded timeline with keyframes) for 10^5
//   messages, the largest such run a scenario can hold.
// Memory: run this binary under /usr/bin/time -v with --benchmark_filter and read "Maximum
// resident set size".
#include <memory>
#include <string>

#include <benchmark/benchmark.h>

#include "engine/core/scenario.h"
#include "engine/sched/sched_run.h"

namespace {

// 100 channels; per channel 50 senders that each send `per_g` values and 50 receivers that
// each receive as many.
std::string Exchange(int per_g, bool limit_steps) {
  // Built with += only (GCC 12 gives a false -Wrestrict on "x" + std::to_string(...)).
  const std::string n = std::to_string(per_g);
  std::string chans, funcs, main = R"("main": [)";
  for (int k = 0; k < 100; ++k) {
    const std::string id = std::to_string(k);
    if (k) chans += ", ";
    chans += "\"c";
    chans += id;
    chans += "\": {\"cap\": 8}";
    funcs += ", \"s";
    funcs += id;
    funcs += R"(": [{"do": "repeat", "times": )";
    funcs += n;
    funcs += R"(, "body": [{"do": "send", "ch": "c)";
    funcs += id;
    funcs += R"(", "value_of": "index"}]}], "r)";
    funcs += id;
    funcs += R"(": [{"do": "var", "name": "v", "type": "int"}, {"do": "repeat", "times": )";
    funcs += n;
    funcs += R"(, "body": [{"do": "recv", "ch": "c)";
    funcs += id;
    funcs += R"(", "into": "v"}]}])";
    for (const char* role : {"s", "r"}) {
      main += R"({"do": "go", "func": ")";
      main += role;
      main += id;
      main += R"(", "name": ")";
      main += role;
      main += id;
      main += R"(", "repeat": 50}, )";
    }
  }
  for (int k = 0; k < 100; ++k) {
    if (k) main += ", ";
    main += R"({"do": "wait", "for": "r)";
    main += std::to_string(k);
    main += R"("})";
  }
  main += "]";
  std::string out =
      R"({"format": 1, "kind": "chan", "id": "bench-chan", "title": {"en": "b", "zh": "b"},
    "config": {"gomaxprocs": 4, "seed": 3}, "chans": {)";
  out += chans;
  out += R"(}, "funcs": {)";
  out += main;
  out += funcs;
  out += R"(}, "script": [{"op": "run")";
  if (limit_steps) out += R"(, "events": 1)";
  out += "}]}";
  return out;
}

void BM_ChanModel1M(benchmark::State& state) {
  // Load with a one-step script to get the checked Program, then step the model to the end.
  gs::LoadResult r = gs::LoadScenarioText("bench.json", Exchange(200, true));
  const auto* run = dynamic_cast<const gs::sched::SchedRun*>(r.run.get());
  if (!run) {
    state.SkipWithError(r.diags.FormatAll().c_str());
    return;
  }
  auto prog = std::make_shared<gs::sched::Program>(run->Prog());
  prog->ops = {gs::sched::ScriptOp{}};  // one "run" until the program ends
  gs::sched::SchedModel model(prog);
  std::size_t steps = 0;
  std::int64_t messages = 0;
  for (auto _ : state) {
    gs::sched::State s = model.Initial();
    std::vector<gs::sched::Event> events;
    steps = 0;
    messages = 0;
    while (true) {
      events.clear();
      gs::StepResult res = model.Step(s, events);
      if (res.kind != gs::StepResult::Kind::kStepped) break;
      ++steps;
    }
    for (const gs::sched::Chan& c : s.chans) messages += c.recvs;
    benchmark::DoNotOptimize(s.now);
  }
  state.counters["steps"] = double(steps);
  state.counters["messages"] = double(messages);
  state.counters["steps/s"] =
      benchmark::Counter(double(steps), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ChanModel1M)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_ChanTimeline100k(benchmark::State& state) {
  const std::string text = Exchange(20, false);
  std::size_t steps = 0;
  for (auto _ : state) {
    gs::LoadResult r = gs::LoadScenarioText("bench.json", text);
    const auto* run = dynamic_cast<const gs::sched::SchedRun*>(r.run.get());
    if (!run) {
      state.SkipWithError(r.diags.FormatAll().c_str());
      return;
    }
    steps = run->StepCount();
    benchmark::DoNotOptimize(steps);
  }
  state.counters["steps"] = double(steps);
  state.counters["steps/s"] =
      benchmark::Counter(double(steps), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ChanTimeline100k)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
