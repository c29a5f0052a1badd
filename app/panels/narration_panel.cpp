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

void DrawQuizCard(const Run& run, std::size_t step, Lang lang, std::vector<std::string>& answers) {
  const auto& quiz = run.Meta().quiz;
  answers.resize(quiz.size());
  for (std::size_t i = 0; i < quiz.size(); ++i) {
    const QuizItem& q = quiz[i];
    if (std::size_t(q.before_step) != step + 1) continue;
    ImGui::Separator();
    ImGui::TextColored(ImVec4(0.95f, 0.65f, 0.1f, 1.0f), "%s", Tr(Str::kPredict, lang));
    TextWrappedCjk(q.ask.Get(lang));
    ImGui::PushID(int(i));
    for (const std::string& choice : q.choices) {
      const bool picked = answers[i] == choice;
      if (picked)
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      if (ImGui::Button(choice.c_str())) answers[i] = choice;
      if (picked) ImGui::PopStyleColor();
      ImGui::SameLine();
    }
    ImGui::NewLine();
    if (!answers[i].empty()) {
      const bool right = answers[i] == q.answer;
      ImGui::TextColored(right ? ImVec4(0.2f, 0.75f, 0.35f, 1) : ImVec4(0.9f, 0.25f, 0.25f, 1),
                         "%s %s", Tr(right ? Str::kQuizRight : Str::kQuizWrong, lang),
                         q.answer.c_str());
    }
    ImGui::PopID();
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
