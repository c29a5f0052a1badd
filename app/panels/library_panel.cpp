#include <algorithm>
#include <string>

#include "app/imgui_compat.h"
#include "app/panels/panels.h"
#include "app/shell/strings.h"

namespace gs::app {
namespace {

Str TopicName(const std::string& kind) {
  if (kind == "gc") return Str::kTopicGc;
  if (kind == "sched") return Str::kTopicSched;
  if (kind == "chan") return Str::kTopicChan;
  if (kind == "concurrency") return Str::kTopicConcurrency;
  if (kind == "pacer") return Str::kTopicPacer;
  if (kind == "maps") return Str::kTopicMaps;
  if (kind == "stack") return Str::kTopicStack;
  if (kind == "io") return Str::kTopicIo;
  if (kind == "syncmap") return Str::kTopicSyncMap;
  return Str::kTopicOther;
}

}  // namespace

void DrawLibraryPanel(const std::vector<LibraryEntry>& entries, const std::string& current,
                      Lang lang, LibraryInput& input, Commands& cmd) {
  std::string last_kind;
  bool open_group = false;
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##library_search", Tr(Str::kSearchHint, lang), input.search,
                           sizeof input.search);
  const bool searching = input.search[0] != 0;
  ImGui::BeginChild("##library_list", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 4.2f));
  int shown = 0;
  for (const LibraryEntry& e : entries) {
    if (searching && !LibraryMatches(e, input.search)) continue;
    ++shown;
    const std::string& group = e.group.empty() ? e.kind : e.group;
    if (group != last_kind) {
      if (open_group) ImGui::TreePop();
      last_kind = group;
      // A search opens every group that has a match.
      if (searching)
        ImGui::SetNextItemOpen(true, ImGuiCond_Always);
      else
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
      const Str name = e.group == "recent" ? Str::kRecent
                       : e.group == "mine" ? Str::kMyScenarios
                                           : TopicName(e.kind);
      open_group = ImGui::TreeNode(group.c_str(), "%s", Tr(name, lang));
    }
    if (!open_group) continue;
    ImGui::PushID(e.path.c_str());
    // Titles wrap inside the list instead of being cut at its edge.
    const std::string& title = e.title.Get(lang);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float wrap = std::max(40.0f, ImGui::GetContentRegionAvail().x);
    const ImVec2 ts = ImGui::CalcTextSize(title.c_str(), nullptr, false, wrap);
    if (ImGui::Selectable("##entry", e.path == current, 0, ImVec2(0, ts.y))) cmd.open_path = e.path;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", title.c_str(), e.path.c_str());
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                        ImGui::GetColorU32(ImGuiCol_Text), title.c_str(), nullptr,
                                        wrap);
    ImGui::PopID();
  }
  if (open_group) ImGui::TreePop();
  if (shown == 0) ImGui::TextDisabled("%s", Tr(Str::kNoMatch, lang));
  ImGui::EndChild();
  SeparatorCaption(Tr(Str::kOpenFile, lang));
  ImGui::SetNextItemWidth(-1);
  bool enter = ImGui::InputTextWithHint("##open_path", "path/to/scenario.json", input.open,
                                        sizeof input.open, ImGuiInputTextFlags_EnterReturnsTrue);
  if ((ImGui::Button(Tr(Str::kOpen, lang)) || enter) && input.open[0]) cmd.open_path = input.open;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", Tr(Str::kDropHint, lang));
  ImGui::PopTextWrapPos();
}

}  // namespace gs::app
