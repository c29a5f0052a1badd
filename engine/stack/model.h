// StackModel: one micro-step of a goroutine's stack at a time (the Timeline's Model).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/timeline.h"
#include "engine/stack/events.h"
#include "engine/stack/program.h"
#include "engine/stack/state.h"

namespace gs::stack {

class StackModel {
 public:
  using State = stack::State;
  using Event = stack::Event;

  explicit StackModel(std::shared_ptr<const Program> program);

  State Initial() const;
  StepResult Step(State& s, std::vector<Event>& out) const;
  std::uint64_t Hash(const State& s) const;
  /// Bytes a copy of `s` owns (SizedKeyframes): the words kept grow with what the goroutine
  /// touched, not with the stack's size.
  static std::size_t StateBytes(const State& s);
  const Program& Prog() const { return *m_p; }

 private:
  struct Outcome {
    bool finished = true;
    std::string error;
  };
  Outcome Exec(State& s, const Op& op, std::vector<Event>& out) const;
  Outcome Call(State& s, const Op& op, std::vector<Event>& out) const;
  Outcome Extern(State& s, const Op& op, std::vector<Event>& out) const;
  Outcome Return(State& s, const Op& op, std::vector<Event>& out) const;
  Outcome Gc(State& s, std::vector<Event>& out) const;
  void CopyStack(State& s, std::vector<Event>& out) const;
  void FreeOld(State& s, std::vector<Event>& out) const;
  std::string PushFrame(State& s, const Op& op, std::vector<Event>& out) const;

  std::shared_ptr<const Program> m_p;
  std::vector<std::uint64_t> m_label_keys;  ///< per Program::labels: a hash of its text
};

// Memory helpers shared with the run (the app asks "what is at this address?").
/// The word at `addr` in the stack, the heap or the globals; null when nothing is there.
const Word* ReadWord(const State& s, std::uint64_t addr);
/// Address of global `g` in the data segment (illustrative).
std::uint64_t GlobalAddr(std::int32_t g);
/// Per word of `st` (same indexing as Stack::words): 1 when a live frame owns it (declared
/// locals, autotmps, saved BP, return PC, the spilled params of live frames): what the stack
/// maps would tell adjustpointers.
std::vector<std::uint8_t> LiveWords(const Program& p, const State& s, const Stack& st);
/// Index of the heap object containing `addr`, or kNone.
std::int32_t HeapObjectAt(const State& s, std::uint64_t addr);

}  // namespace gs::stack
