// Helpers for the map engine tests: build a Program in code and run it step by step.
#pragma once

#include <memory>
#include <vector>

#include "engine/maps/hashing.h"
#include "engine/maps/model.h"

namespace gs::maps::test {

/// A program builder with int keys.
struct Prog {
  std::shared_ptr<Program> p = std::make_shared<Program>();

  explicit Prog(std::uint64_t seed = 1) { p->config.seed = seed; }
  Prog& Make(std::int64_t hint = 0) {
    Op o;
    o.code = OpCode::kMake;
    o.hint = hint;
    return Push(o);
  }
  Prog& Insert(std::int64_t key, std::int64_t value) {
    Op o;
    o.code = OpCode::kInsert;
    o.key = key;
    o.value = value;
    return Push(o);
  }
  Prog& InsertRange(std::int64_t from, std::int64_t count) {
    Op o;
    o.code = OpCode::kInsertRange;
    o.from = from;
    o.count = count;
    return Push(o);
  }
  Prog& Delete(std::int64_t key) {
    Op o;
    o.code = OpCode::kDelete;
    o.key = key;
    return Push(o);
  }
  Prog& Lookup(std::int64_t key) {
    Op o;
    o.code = OpCode::kLookup;
    o.key = key;
    return Push(o);
  }
  Prog& Iterate(std::int64_t limit = -1) {
    Op o;
    o.code = OpCode::kIterate;
    o.limit = limit;
    return Push(o);
  }
  Prog& Clear() {
    Op o;
    o.code = OpCode::kClear;
    return Push(o);
  }
  Prog& Hash(std::int64_t key, std::uint64_t hash) {
    p->int_explicit[key] = hash;
    return *this;
  }
  Prog& Push(Op o) {
    o.source = std::int32_t(p->ops.size());
    p->ops.push_back(o);
    return *this;
  }
};

/// One step's outcome, kept for assertions.
struct StepRecord {
  int op = -1;
  std::vector<Event> events;
  State after;
};

/// Runs `prog` to the end; keeps every step (small programs only) unless `keep` is false.
struct Runner {
  MapModel model;
  State state;
  std::vector<StepRecord> steps;
  std::string error;

  explicit Runner(const Prog& prog) : model(prog.p), state(model.Initial()) {}

  /// Steps until done or error. Returns the number of steps taken.
  std::size_t RunAll(bool keep = true) {
    std::size_t n = 0;
    std::vector<Event> out;
    while (true) {
      out.clear();
      StepResult r = model.Step(state, out);
      if (r.kind == StepResult::Kind::kDone) return n;
      if (r.kind == StepResult::Kind::kError) {
        error = r.message;
        return n;
      }
      ++n;
      if (keep) steps.push_back({r.op_index, out, state});
    }
  }

  /// The events of every step that belongs to script op `op`.
  std::vector<Event> EventsOfOp(int op) const {
    std::vector<Event> all;
    for (const auto& s : steps) {
      if (s.op == op) all.insert(all.end(), s.events.begin(), s.events.end());
    }
    return all;
  }
};

inline int CountKind(const std::vector<Event>& ev, EventKind k) {
  int n = 0;
  for (const Event& e : ev) n += e.kind == k;
  return n;
}

}  // namespace gs::maps::test
