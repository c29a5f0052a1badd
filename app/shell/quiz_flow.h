// Predict, then reveal: a scenario's quiz as a loop. At a checkpoint (the step before a quiz
// item's `before_step`) the picture waits: the next step is not shown until the learner has
// picked an answer, or pressed Next a second time to skip. Picking reveals the step, and
// the card then says whether the prediction was right and why. No ImGui here: App drives it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/core/run.h"

namespace gs::app {

class QuizFlow {
 public:
  /// A new run: nothing answered, nothing held.
  void Reset(const std::vector<QuizItem>& quiz);
  /// The quiz item asked while `step` is shown (its before_step is step + 1), or -1.
  static int AskedAt(const std::vector<QuizItem>& quiz, std::size_t step);
  /// The quiz item whose answer `step` reveals (its before_step is step), or -1.
  static int RevealedAt(const std::vector<QuizItem>& quiz, std::size_t step);
  /// Asked before moving from `step` to the next step: true when the move must wait for a
  /// prediction (the first time for an unanswered item); a second Next for the same item
  /// skips it and lets the step play.
  bool HoldBeforeNext(const std::vector<QuizItem>& quiz, std::size_t step);
  /// The learner picks `choice` for item `i`; false if `i` is already answered (the first
  /// pick is the one scored) or `choice` is not one of its choices.
  bool Answer(const std::vector<QuizItem>& quiz, int i, const std::string& choice);
  const std::string& AnswerOf(int i) const;
  bool Skipped(int i) const;
  /// The item the picture is waiting on, or -1.
  int Holding() const { return m_hold; }
  int Right() const { return m_right; }
  int Answered() const { return m_answered; }

 private:
  std::vector<std::string> m_answers;
  std::vector<char> m_skipped;
  int m_hold = -1;
  int m_right = 0;
  int m_answered = 0;
};

}  // namespace gs::app
