// Run: a loaded scenario with its finished timeline, seen through a topic-independent
// interface (the CLI and the app's generic panels use this; topic views downcast).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/json_source.h"
#include "engine/core/text.h"

namespace gs {

struct QuizItem {
  int before_step = 0;  ///< shown before this timeline step is revealed
  LocalizedText ask;
  std::vector<std::string> choices;
  std::string answer;
  LocalizedText explain;  ///< why the answer is right, shown once the step is revealed
};

/// The common envelope of every scenario (format 1).
struct Envelope {
  std::string file;
  int format = 1;
  std::string kind;
  std::string id;
  LocalizedText title;
  LocalizedText summary;
  std::string go_version;
  std::vector<std::string> tags;
  Json config = Json::object();
  std::vector<LocalizedText> says;  ///< author narration per script op (may be empty)
  /// Teacher notes per script op: shown only in the presenter view, never to the audience.
  std::vector<LocalizedText> notes;
  std::vector<QuizItem> quiz;
};

struct Narration {
  LocalizedText text;
  std::string func;  ///< the runtime function doing the work, e.g. "scanobject"
};

class Run {
 public:
  virtual ~Run() = default;

  const Envelope& Meta() const { return m_env; }
  virtual std::size_t StepCount() const = 0;
  virtual std::uint64_t Hash(std::size_t step) const = 0;
  virtual int OpIndex(std::size_t step) const = 0;
  /// One short line per event of the step, in `lang`.
  virtual std::vector<std::string> EventLines(std::size_t step, Lang lang) const = 0;
  /// What the step did and why, naming the runtime function; includes the author's "say"
  /// on the first step of an op.
  virtual Narration Narrate(std::size_t step) const = 0;
  /// Events of the step as JSON objects, for --json traces.
  virtual Json EventsJson(std::size_t step) const = 0;
  /// A compact summary of the state after the step.
  virtual Json StateSummary(std::size_t step) const = 0;
  /// The teacher's notes for the script op `step` belongs to (null: none).
  const LocalizedText* Notes(std::size_t step) const {
    const int op = OpIndex(step);
    if (op < 0 || static_cast<std::size_t>(op) >= m_env.notes.size()) return nullptr;
    const LocalizedText& t = m_env.notes[static_cast<std::size_t>(op)];
    return t.Empty() ? nullptr : &t;
  }
  /// Steps worth a mark on the scrubber (phase changes, violations, frees ...).
  virtual bool Notable(std::size_t step) const = 0;
  /// Record by demonstration: `op` is the script op (as written) that step `step` belongs
  /// to. Returns the op to put in its place so that the script stops right after `step`, or
  /// null when an op cannot stop midway (it then finishes before anything is appended).
  virtual Json CutOpAt(const Json& op, std::size_t step) const {
    (void)op;
    (void)step;
    return nullptr;
  }

 protected:
  explicit Run(Envelope env) : m_env(std::move(env)) {}
  /// The author's narration when `step` is the first step of its script op.
  const LocalizedText* AuthorSay(std::size_t step) const {
    int op = OpIndex(step);
    if (op < 0 || static_cast<std::size_t>(op) >= m_env.says.size()) return nullptr;
    if (step > 0 && OpIndex(step - 1) == op) return nullptr;
    const LocalizedText& t = m_env.says[static_cast<std::size_t>(op)];
    return t.Empty() ? nullptr : &t;
  }

  Envelope m_env;
};

}  // namespace gs
