#include "app/imgui_compat.h"
#include "app/panels/panels.h"
#include "app/shell/strings.h"

namespace gs::app {
namespace {

Str TopicName(const std::string& kind) {
  if (kind == "gc") return Str::kTopicGc;
  if (kind == "sched") return Str::kTopicSched;
  if (kind == "maps") return Str::kTopicMaps;
  if (kind == "stack") return Str::kTopicStack;
  return Str::kTopicOther;
}

}  // namespace

void DrawLibraryPanel(const std::vector<LibraryEntry>& entries, const std::string& current,
                      Lang lang, char* open_buf, std::size_t open_buf_size, Commands& cmd) {
  std::string last_kind;
  bool open_group = false;
  ImGui::BeginChild("##library_list", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 4.2f));
  for (const LibraryEntry& e : entries) {
    if (e.kind != last_kind) {
      if (open_group) ImGui::TreePop();
      last_kind = e.kind;
      ImGui::SetNextItemOpen(true, ImGuiCond_Once);
      open_group = ImGui::TreeNode(e.kind.c_str(), "%s", Tr(TopicName(e.kind), lang));
    }
    if (!open_group) continue;
    ImGui::PushID(e.path.c_str());
    if (ImGui::Selectable(e.title.Get(lang).c_str(), e.path == current)) cmd.open_path = e.path;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s\n%s", e.title.Get(lang).c_str(), e.path.c_str());
    ImGui::PopID();
  }
  if (open_group) ImGui::TreePop();
  ImGui::EndChild();
  SeparatorCaption(Tr(Str::kOpenFile, lang));
  ImGui::SetNextItemWidth(-1);
  bool enter = ImGui::InputTextWithHint("##open_path", "path/to/scenario.json", open_buf,
                                        open_buf_size, ImGuiInputTextFlags_EnterReturnsTrue);
  if ((ImGui::Button(Tr(Str::kOpen, lang)) || enter) && open_buf[0]) cmd.open_path = open_buf;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", Tr(Str::kDropHint, lang));
  ImGui::PopTextWrapPos();
}

}  // namespace gs::app
