#include "app/views/whatif_box.h"

#include <cstdlib>
#include <cstring>

namespace gs::app {
namespace {

// An integer as the whole text (no trailing junk); false when it is not one.
bool ParseInt(const char* text, long long* out) {
  if (!text[0]) return false;
  char* end = nullptr;
  *out = std::strtoll(text, &end, 10);
  return end && *end == '\0';
}

void Copy(char* dst, std::size_t n, std::string_view text) {
  const std::size_t k = text.size() < n - 1 ? text.size() : n - 1;
  std::memcpy(dst, text.data(), k);
  dst[k] = '\0';
}

}  // namespace

void WhatIfBox::SetKey(std::string_view text) {
  Copy(m_key, sizeof m_key, text);
  m_refusal = Refusal::kNone;
}

void WhatIfBox::SetValue(std::string_view text) {
  Copy(m_value, sizeof m_value, text);
  m_refusal = Refusal::kNone;
}

bool WhatIfBox::ButtonRect(int i, ImVec2* min, ImVec2* max) const {
  if (i < 0 || i >= m_drawn) return false;
  *min = m_btn_min[i];
  *max = m_btn_max[i];
  return true;
}

void WhatIfBox::Draw(const ViewContext& ctx, const Spec& spec) {
  const Lang l = ctx.lang;
  const float fs = ImGui::GetFontSize();
  ImGui::SetCursorScreenPos(ImVec2(ctx.origin.x + 10 * ctx.scale,
                                   ctx.origin.y + ctx.size.y - ImGui::GetFrameHeight() * 1.35f));
  ImGui::TextDisabled("%s", Tr(Str::kWhatIf, l));
  const bool has_g = spec.goroutines && !spec.goroutines->empty();
  if (has_g) {
    const auto& gs = *spec.goroutines;
    if (m_goroutine < 0 || m_goroutine >= int(gs.size())) m_goroutine = 0;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", Tr(Str::kWhatIfFrom, l));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 5.0f);
    if (ImGui::BeginCombo("##whatif_g", gs[std::size_t(m_goroutine)].c_str())) {
      for (std::size_t i = 0; i < gs.size(); ++i) {
        if (ImGui::Selectable(gs[i].c_str(), int(i) == m_goroutine)) m_goroutine = int(i);
      }
      ImGui::EndCombo();
    }
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 7.0f);
  const bool enter = ImGui::InputTextWithHint(
      "##whatif_key", Tr(spec.int_keys ? Str::kWhatIfKeyInt : Str::kWhatIfKey, l), m_key,
      sizeof m_key, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited()) m_refusal = Refusal::kNone;
  if (spec.value) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 6.0f);
    ImGui::InputTextWithHint("##whatif_value", Tr(Str::kWhatIfValueInt, l), m_value,
                             sizeof m_value);
    if (ImGui::IsItemEdited()) m_refusal = Refusal::kNone;
  }
  int chosen = enter ? 0 : -1;
  m_drawn = spec.op_count < kMaxButtons ? spec.op_count : kMaxButtons;
  for (int i = 0; i < m_drawn; ++i) {
    ImGui::SameLine();
    ImGui::PushID(i);
    if (ImGui::SmallButton(Tr(spec.ops[i].label, l))) chosen = i;
    ImGui::PopID();
    m_btn_min[i] = ImGui::GetItemRectMin();
    m_btn_max[i] = ImGui::GetItemRectMax();
  }
  if (m_refusal != Refusal::kNone) {
    ImGui::SameLine();
    const ImVec4 warn = ImGui::ColorConvertU32ToFloat4(ctx.theme.warn);
    if (m_refusal == Refusal::kKeyTooLong) {
      ImGui::TextColored(warn, "%s %zu", Tr(Str::kWhatIfKeyTooLong, l), spec.max_key_bytes);
    } else {
      ImGui::TextColored(
          warn, "%s",
          Tr(m_refusal == Refusal::kKeyNotInt ? Str::kWhatIfKeyNotInt : Str::kWhatIfValueNotInt,
             l));
    }
  }
  if (chosen < 0 || !m_key[0]) return;
  const WhatIfOp& op = spec.ops[chosen];
  Json key;
  if (long long v = 0; spec.int_keys) {
    if (!ParseInt(m_key, &v)) {  // not an integer: nothing to record, and say why
      m_refusal = Refusal::kKeyNotInt;
      return;
    }
    key = v;
  } else {
    if (spec.max_key_bytes && std::strlen(m_key) > spec.max_key_bytes) {
      m_refusal = Refusal::kKeyTooLong;
      return;
    }
    key = std::string(m_key);
  }
  Json rec{{"op", op.op}};
  if (has_g) rec["g"] = (*spec.goroutines)[std::size_t(m_goroutine)];
  rec["key"] = std::move(key);
  if (op.needs_value) {
    long long v = 0;
    if (!ParseInt(m_value, &v)) {
      m_refusal = Refusal::kValueNotInt;
      return;
    }
    rec["value"] = v;
  }
  m_refusal = Refusal::kNone;
  ctx.requests.record_ops.push_back(std::move(rec));
}

}  // namespace gs::app
