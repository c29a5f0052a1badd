#include "app/imgui_compat.h"
#include "app/panels/cjk_wrap.h"
#include "app/panels/panels.h"
#include "app/shell/strings.h"

namespace gs::app {

void DrawNarrationPanel(const Run& run, const NarrationCache& cache, Lang lang) {
  const std::size_t step = cache.step;
  const Envelope& env = run.Meta();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(env.title.Get(lang).c_str());
  ImGui::PopTextWrapPos();
  ImGui::TextDisabled("%s %zu / %zu", Tr(Str::kStep, lang), step, run.StepCount() - 1);
  const Narration& n = cache.narration;
  if (!n.func.empty()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_Header));
    ImGui::SmallButton(n.func.c_str());
    ImGui::PopStyleColor();
    ItemTooltip(Tr(Str::kRuntimeFunction, lang));
  }
  ImGui::Separator();
  ImGui::BeginChild("##narration_text", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.62f));
  ImGui::SetWindowFontScale(1.12f);
  TextWrappedCjk(n.text.Get(lang));
  ImGui::SetWindowFontScale(1.0f);
  ImGui::Spacing();
  for (const std::string& line : cache.lines) {
    ImGui::TextDisabled("· %s", line.c_str());
  }
  ImGui::EndChild();
  if (!env.summary.Empty() && ImGui::CollapsingHeader(Tr(Str::kSummary, lang))) {
    TextWrappedCjk(env.summary.Get(lang));
  }
}

void DrawQuizCard(const Run& run, std::size_t step, Lang lang, const QuizFlow& flow,
                  Commands& cmd) {
  const auto& quiz = run.Meta().quiz;
  const ImVec4 amber(0.95f, 0.65f, 0.1f, 1.0f);
  if (const int i = QuizFlow::AskedAt(quiz, step); i >= 0 && flow.AnswerOf(i).empty()) {
    const QuizItem& q = quiz[std::size_t(i)];
    ImGui::Separator();
    ImGui::TextColored(amber, "%s", Tr(Str::kPredict, lang));
    TextWrappedCjk(q.ask.Get(lang));
    ImGui::PushID(i);
    // The choices wrap onto new lines instead of running off the panel's right edge.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (std::size_t k = 0; k < q.choices.size(); ++k) {
      const std::string& choice = q.choices[k];
      if (k > 0) {
        const float w = ImGui::CalcTextSize(choice.c_str()).x + st.FramePadding.x * 2;
        const float x = ImGui::GetItemRectMax().x + st.ItemSpacing.x;
        if (x + w <= right) ImGui::SameLine();
      }
      if (ImGui::Button(choice.c_str())) cmd.quiz_pick = std::make_pair(i, choice);
    }
    ImGui::PopID();
    if (flow.Holding() == i) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextColored(amber, "%s", Tr(Str::kQuizHold, lang));
      ImGui::PopTextWrapPos();
    }
    return;
  }
  const int i = QuizFlow::RevealedAt(quiz, step);
  if (i < 0) return;
  const QuizItem& q = quiz[std::size_t(i)];
  const std::string& said = flow.AnswerOf(i);
  if (said.empty() && !flow.Skipped(i)) return;  // reached by scrubbing: nothing was asked
  ImGui::Separator();
  TextWrappedCjk(q.ask.Get(lang));
  // The verdict carries a mark and words, never colour alone.
  if (said.empty()) {
    ImGui::Text("%s %s", Tr(Str::kQuizUnanswered, lang), q.answer.c_str());
  } else {
    const bool right = said == q.answer;
    ImGui::TextColored(right ? ImVec4(0.2f, 0.75f, 0.35f, 1) : ImVec4(0.95f, 0.55f, 0.15f, 1),
                       "%s %s  (%s %s)", Tr(right ? Str::kQuizRight : Str::kQuizWrong, lang),
                       q.answer.c_str(), Tr(Str::kQuizYouSaid, lang), said.c_str());
  }
  if (!q.explain.Empty()) TextWrappedCjk(q.explain.Get(lang));
  if (flow.Answered() > 0) {
    ImGui::TextDisabled("%s: %d / %d", Tr(Str::kQuizScore, lang), flow.Right(), flow.Answered());
  }
}

bool DrawErrorsPanel(const Diagnostics& diags, Lang lang) {
  if (diags.Items().empty()) return false;
  const ImVec4 red(0.9f, 0.25f, 0.25f, 1.0f);
  const ImVec4 amber(0.85f, 0.6f, 0.1f, 1.0f);
  ImGui::TextColored(red, "%s", Tr(Str::kErrors, lang));
  if (diags.HasErrors()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(Tr(Str::kErrorsKeepLast, lang));
    ImGui::PopTextWrapPos();
  }
  ImGui::BeginChild("##errors", ImVec2(0, 0), true);
  for (const Diagnostic& d : diags.Items()) {
    ImGui::PushStyleColor(ImGuiCol_Text, d.severity == Severity::kError ? red : amber);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(d.Format().c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
  return true;
}

}  // namespace gs::app
