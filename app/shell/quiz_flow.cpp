#include "app/shell/quiz_flow.h"

#include <algorithm>

namespace gs::app {

void QuizFlow::Reset(const std::vector<QuizItem>& quiz) {
  m_answers.assign(quiz.size(), std::string());
  m_skipped.assign(quiz.size(), 0);
  m_hold = -1;
  m_right = m_answered = 0;
}

int QuizFlow::AskedAt(const std::vector<QuizItem>& quiz, std::size_t step) {
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    if (std::size_t(quiz[i].before_step) == step + 1) return int(i);
  }
  return -1;
}

int QuizFlow::RevealedAt(const std::vector<QuizItem>& quiz, std::size_t step) {
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    if (std::size_t(quiz[i].before_step) == step) return int(i);
  }
  return -1;
}

bool QuizFlow::HoldBeforeNext(const std::vector<QuizItem>& quiz, std::size_t step) {
  const int i = AskedAt(quiz, step);
  if (i < 0 || std::size_t(i) >= m_answers.size()) return false;
  if (!m_answers[std::size_t(i)].empty() || m_skipped[std::size_t(i)]) return false;
  if (m_hold == i) {  // Next again: reveal without a prediction
    m_skipped[std::size_t(i)] = 1;
    m_hold = -1;
    return false;
  }
  m_hold = i;
  return true;
}

bool QuizFlow::Answer(const std::vector<QuizItem>& quiz, int i, const std::string& choice) {
  if (i < 0 || std::size_t(i) >= m_answers.size() || std::size_t(i) >= quiz.size()) return false;
  const QuizItem& q = quiz[std::size_t(i)];
  if (!m_answers[std::size_t(i)].empty()) return false;
  if (std::find(q.choices.begin(), q.choices.end(), choice) == q.choices.end()) return false;
  m_answers[std::size_t(i)] = choice;
  ++m_answered;
  if (choice == q.answer) ++m_right;
  if (m_hold == i) m_hold = -1;
  return true;
}

const std::string& QuizFlow::AnswerOf(int i) const {
  static const std::string kNone;
  return i >= 0 && std::size_t(i) < m_answers.size() ? m_answers[std::size_t(i)] : kNone;
}

bool QuizFlow::Skipped(int i) const {
  return i >= 0 && std::size_t(i) < m_skipped.size() && m_skipped[std::size_t(i)];
}

}  // namespace gs::app
