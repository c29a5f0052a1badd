// Helpers for the gc engine tests: build a scenario from JSON pieces, load it, and look at
// the steps, events and states of its timeline by object / root name.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/scenario.h"
#include "engine/gc/gc_run.h"

namespace gs::gc::test {

/// A complete gc scenario around the given config, heap and script JSON.
inline std::string Scenario(std::string_view config, std::string_view heap,
                            std::string_view script) {
  return std::string(
             R"({"format": 1, "kind": "gc", "id": "t", "title": {"en": "t", "zh": "t"}, "config": )") +
         std::string(config) + R"(, "heap": )" + std::string(heap) + R"(, "script": )" +
         std::string(script) + "}";
}

/// Loads scenario text; null (with the diagnostics printed) when it does not load.
inline std::shared_ptr<const GcRun> LoadGc(const std::string& text, const LoadOptions& opts = {}) {
  LoadResult r = LoadScenarioText("t.json", text, opts);
  if (!r.run) {
    ADD_FAILURE() << r.diags.FormatAll() << "\n" << text;
    return nullptr;
  }
  return std::dynamic_pointer_cast<const GcRun>(r.run);
}

inline std::shared_ptr<const GcRun> LoadGcFile(const std::string& path, std::string_view barrier) {
  LoadOptions opts;
  opts.sets.emplace_back("config.barrier", std::string(barrier));
  LoadResult r = LoadScenarioFile(path, opts);
  if (!r.run) {
    ADD_FAILURE() << r.diags.FormatAll();
    return nullptr;
  }
  return std::dynamic_pointer_cast<const GcRun>(r.run);
}

inline std::int32_t Obj(const GcRun& run, std::string_view id) {
  const auto& objs = run.Prog().objects;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    if (objs[i].id == id) return std::int32_t(i);
  }
  ADD_FAILURE() << "no object " << id;
  return kNil;
}

inline std::int32_t RootIx(const GcRun& run, std::string_view id) {
  const auto& roots = run.Prog().roots;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    if (roots[i].id == id) return std::int32_t(i);
  }
  ADD_FAILURE() << "no root " << id;
  return kNil;
}

inline std::span<const Event> EventsAt(const GcRun& run, std::size_t step) {
  return run.GetTimeline().Events(step);
}

/// The last step that belongs to script op `op` (its state is the state after the op).
inline std::size_t LastStepOfOp(const GcRun& run, int op) {
  std::size_t last = 0;
  for (std::size_t i = 1; i < run.StepCount(); ++i) {
    if (run.OpIndex(i) == op) last = i;
  }
  EXPECT_NE(last, 0u) << "op " << op << " made no step";
  return last;
}

inline State StateAfterOp(const GcRun& run, int op) {
  return run.GetTimeline().StateAt(LastStepOfOp(run, op));
}

inline State FinalState(const GcRun& run) {
  return run.GetTimeline().StateAt(run.StepCount() - 1);
}

/// Every event of the whole timeline with the step it happened in.
struct StepEvent {
  std::size_t step;
  Event event;
};
inline std::vector<StepEvent> AllEvents(const GcRun& run) {
  std::vector<StepEvent> out;
  for (std::size_t i = 0; i < run.StepCount(); ++i) {
    for (const Event& e : EventsAt(run, i)) out.push_back({i, e});
  }
  return out;
}

inline std::vector<StepEvent> EventsOfKind(const GcRun& run, EventKind k) {
  std::vector<StepEvent> out;
  for (const StepEvent& se : AllEvents(run)) {
    if (se.event.kind == k) out.push_back(se);
  }
  return out;
}

/// Names of the objects freed by the end of the run, in index order.
inline std::vector<std::string> FreedNames(const GcRun& run) {
  State s = FinalState(run);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.objects.size(); ++i) {
    if (s.objects[i].freed) out.push_back(run.Prog().objects[i].id);
  }
  return out;
}

}  // namespace gs::gc::test
