// The stack view's sandbox panel (record by demonstration): call / declare / return at the
// current step, as ImGui widgets under the picture. The picture itself is in stack_view.cpp.
// [SECTION] index: helpers · state for the next op · panel · rows
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"
#include "app/views/stack_view.h"

namespace gs::app {

// [SECTION] helpers
namespace {

// "a", or "counter.func1 via next" for a call through a func value.
void CallLabel(char* buf, std::size_t n, const stack::CallChoice& c) {
  if (c.via.empty()) {
    std::snprintf(buf, n, "%s", c.func.c_str());
  } else {
    std::snprintf(buf, n, "%s via %s", c.func.c_str(), c.via.c_str());
  }
}

void CopyText(char* dst, std::size_t n, const std::string& text) {
  std::snprintf(dst, n, "%s", text.c_str());
}

constexpr ImGuiInputTextFlags kEnter = ImGuiInputTextFlags_EnterReturnsTrue;

bool HoveredEvenDisabled() {
  return ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
}

}  // namespace

bool StackView::SandboxButton(SandboxAction a, ImVec2* center) const {
  const int i = int(a);
  if (!m_sb.button_live[i]) return false;
  *center = Lerp(m_sb.button_min[i], m_sb.button_max[i], 0.5f);
  return true;
}

void StackView::UpdateSandbox(std::size_t step) {
  // An op under way finishes first (App::RecordOp appends after the op this step belongs
  // to): the new op starts from the state after that op's last step.
  std::size_t from = step;
  if (step > 0) {
    const int op = m_run->OpIndex(step);
    while (from + 1 < m_run->StepCount() && m_run->OpIndex(from + 1) == op) ++from;
  }
  if (m_sb.run == m_run.get() && m_sb.from_step == from) return;
  const stack::Program& p = m_run->Prog();
  std::string keep_func, keep_via;
  if (m_sb.run == m_run.get() && m_sb.callee < m_sb.actions.calls.size()) {
    keep_func = m_sb.actions.calls[m_sb.callee].func;
    keep_via = m_sb.actions.calls[m_sb.callee].via;
  }
  m_sb.run = m_run.get();
  m_sb.from_step = from;
  m_sb.state = m_run->GetTimeline().StateAt(from);
  m_sb.actions = stack::AvailableActions(p, m_sb.state);
  const auto& calls = m_sb.actions.calls;
  std::size_t pick = calls.size();
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (calls[i].func == keep_func && calls[i].via == keep_via &&
        calls[i].callee != m_sb.actions.func) {
      pick = i;
    }
  }
  if (pick == calls.size()) {
    // A first guess worth showing: another function, else the running one again (recursion),
    // and the entry function last.
    auto rank = [&](const stack::CallChoice& c) {
      if (c.println) return 3;
      if (c.callee == p.entry && m_sb.actions.func != stack::kNone) return 2;
      return c.callee == m_sb.actions.func ? 1 : 0;
    };
    pick = 0;
    for (std::size_t i = 1; i < calls.size(); ++i) {
      if (rank(calls[i]) < rank(calls[pick])) pick = i;
    }
  }
  SelectCallee(pick);
  m_sb.local = 0;
  m_sb.decl_value[0] = '\0';
  m_sb.ret_value[0] = '\0';
  if (m_sb.actions.func != stack::kNone && p.F(m_sb.actions.func).has_result) {
    CopyText(m_sb.ret_value, sizeof m_sb.ret_value,
             stack::DefaultValueText(p, m_sb.state, p.F(m_sb.actions.func).result));
  }
}

void StackView::SelectCallee(std::size_t i) {
  const stack::Program& p = m_run->Prog();
  m_sb.callee = i;
  m_sb.into.clear();
  m_sb.into_sel = -1;
  for (auto& a : m_sb.args) a[0] = '\0';
  m_sb.println_args[0] = '\0';
  if (i >= m_sb.actions.calls.size()) return;
  const stack::CallChoice& c = m_sb.actions.calls[i];
  m_sb.into = stack::IntoChoices(p, m_sb.state, c);
  // A local not declared yet is the natural home for the result (x := f()).
  if (m_sb.actions.func != stack::kNone) {
    const stack::Func& fn = p.F(m_sb.actions.func);
    for (std::size_t k = 0; k < m_sb.into.size() && m_sb.into_sel < 0; ++k) {
      for (std::int32_t v : m_sb.actions.undeclared) {
        if (fn.vars[std::size_t(v)].name == m_sb.into[k]) m_sb.into_sel = int(k);
      }
    }
  }
  if (c.println) {
    // fmt.Println takes variables: start from the first one the running function has.
    if (m_sb.actions.func == stack::kNone) return;
    const stack::Func& fn = p.F(m_sb.actions.func);
    const stack::Frame& fr = m_sb.state.frames.back();
    for (std::size_t v = 0; v < fn.vars.size(); ++v) {
      if (v < fr.declared.size() && fr.declared[v]) {
        CopyText(m_sb.println_args, sizeof m_sb.println_args, fn.vars[v].name);
        break;
      }
    }
    return;
  }
  const stack::Func& callee = p.F(c.callee);
  for (std::int32_t k = 0; k < callee.nparams && k < stack::limits::kMaxArgs; ++k) {
    CopyText(m_sb.args[k], sizeof m_sb.args[k],
             stack::DefaultValueText(p, m_sb.state, callee.vars[std::size_t(k)].type));
  }
}

void StackView::DrawSandbox(const ViewContext& ctx, ImVec2 o, ImVec2 size, float note_y) {
  UpdateSandbox(ctx.step);
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float s = ctx.scale;
  const stack::Program& p = m_run->Prog();
  Canvas& cv = *ctx.canvas;
  std::fill(std::begin(m_sb.button_live), std::end(m_sb.button_live), false);
  // One card around the record rows and the app's Undo / Save-as bar below them.
  const ImVec2 a(o.x + 4 * s, o.y + 2 * s), b(o.x + size.x - 4 * s, o.y + size.y - 4 * s);
  cv.RectFilled(a, b, th.panel_bg, 6 * s);
  cv.Rect(a, b, WithAlpha(th.warn, 0.9f), 6 * s, ctx.Line());
  const float x = o.x + 12 * s, width = size.x - 24 * s;
  const float row = ImGui::GetFrameHeight() + 8 * s;
  float y = o.y + 10 * s;
  const ImGuiStyle& style = ImGui::GetStyle();
  float bw = 0;
  for (Str v : {Str::kStackCall, Str::kStackDeclare, Str::kStackReturn}) {
    bw = std::max(bw, ImGui::CalcTextSize(Tr(v, l)).x);
  }
  bw += style.FramePadding.x * 2 + ImGui::GetFontSize();
  const stack::Actions& act = m_sb.actions;
  char buf[192];
  switch (act.where) {
    case stack::Where::kFinished:
    case stack::Where::kCrashed:
      ImGui::SetCursorScreenPos(ImVec2(x, y));
      ImGui::PushTextWrapPos(x + width);
      ImGui::TextColored(
          ImGui::ColorConvertU32ToFloat4(th.warn), "%s",
          Tr(act.where == stack::Where::kCrashed ? Str::kStackCrashed : Str::kStackFinished, l));
      ImGui::PopTextWrapPos();
      return;
    case stack::Where::kNotStarted:
      DrawCallRow(ctx, x, y, width, bw);
      ImGui::SetCursorScreenPos(ImVec2(x, y + row));
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%s", Tr(Str::kStackNotStarted, l));
      return;
    case stack::Where::kRunning:
      break;
  }
  DrawCallRow(ctx, x, y, width, bw);
  DrawDeclareRow(ctx, x, y + row, width, bw);
  DrawReturnRow(ctx, x, y + row * 2, width, bw);
  // Under the app's bar: where the op goes, in words.
  const int n = std::snprintf(buf, sizeof buf, Tr(Str::kStackRecordsIn, l),
                              p.F(act.func).name.c_str(), m_sb.from_step);
  if (m_sb.from_step != ctx.step && n > 0 && std::size_t(n) < sizeof buf) {
    std::snprintf(buf + n, sizeof buf - std::size_t(n), "  ");
    std::snprintf(buf + n + 2, sizeof buf - std::size_t(n) - 2, Tr(Str::kStackUnderWay, l),
                  m_sb.from_step);
  }
  cv.Text(ImVec2(x, note_y), ctx.ui_font, th.text_dim, buf);
}

void StackView::DrawCallRow(const ViewContext& ctx, float x, float y, float width, float button_w) {
  const Lang l = ctx.lang;
  const stack::Program& p = m_run->Prog();
  const auto& calls = m_sb.actions.calls;
  const float font = ImGui::GetFontSize();
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  const bool can = m_sb.callee < calls.size();
  ImGui::BeginDisabled(!can);
  // Enter in one of the row's fields records too.
  bool pressed = ImGui::Button(Tr(Str::kStackCall, l), ImVec2(button_w, 0));
  ImGui::EndDisabled();
  m_sb.button_min[0] = ImGui::GetItemRectMin();
  m_sb.button_max[0] = ImGui::GetItemRectMax();
  m_sb.button_live[0] = can;
  if (!can) return;
  char label[160];
  CallLabel(label, sizeof label, calls[m_sb.callee]);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(font * 8.0f, width * 0.3f));
  if (ImGui::BeginCombo("##sb_callee", label)) {
    for (std::size_t i = 0; i < calls.size(); ++i) {
      CallLabel(label, sizeof label, calls[i]);
      if (ImGui::Selectable(label, i == m_sb.callee) && i != m_sb.callee) SelectCallee(i);
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetNextWindowSize(ImVec2(font * 24.0f, 0));
    ImGui::BeginTooltip();
    ImGui::TextWrapped("%s", Tr(Str::kStackCallHint, l));
    ImGui::EndTooltip();
  }
  const stack::CallChoice& c = calls[m_sb.callee];
  const float gap = 3.0f * ctx.scale;
  ImGui::SameLine(0, gap);
  ImGui::TextUnformatted("(");
  if (c.println) {
    ImGui::SameLine(0, gap);
    ImGui::SetNextItemWidth(font * 7.0f);
    pressed |= ImGui::InputTextWithHint("##sb_println", Tr(Str::kStackPrintlnArgs, l),
                                        m_sb.println_args, sizeof m_sb.println_args, kEnter);
  } else {
    const stack::Func& callee = p.F(c.callee);
    const std::int32_t n = std::min<std::int32_t>(callee.nparams, stack::limits::kMaxArgs);
    const float arg_w = std::clamp(width * 0.3f / float(std::max(n, 1)), font * 2.5f, font * 5.0f);
    for (std::int32_t k = 0; k < n; ++k) {
      const stack::Var& v = callee.vars[std::size_t(k)];
      if (k > 0) {
        ImGui::SameLine(0, gap);
        ImGui::TextUnformatted(",");
      }
      ImGui::SameLine(0, gap);
      ImGui::SetNextItemWidth(arg_w);
      ImGui::PushID(k);
      pressed |= ImGui::InputTextWithHint("##sb_arg", v.name.c_str(), m_sb.args[k],
                                          sizeof m_sb.args[k], kEnter);
      ImGui::PopID();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", v.name.c_str(), v.type.text.c_str());
    }
  }
  ImGui::SameLine(0, gap);
  ImGui::TextUnformatted(")");
  if (!m_sb.into.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", Tr(Str::kStackInto, l));
    ImGui::SameLine();
    const char* unused = Tr(Str::kStackResultUnused, l);
    const char* cur = m_sb.into_sel < 0 ? unused : m_sb.into[std::size_t(m_sb.into_sel)].c_str();
    ImGui::SetNextItemWidth(std::max(font * 4.5f, ImGui::CalcTextSize(cur).x + font * 2.0f));
    if (ImGui::BeginCombo("##sb_into", cur)) {
      if (ImGui::Selectable(unused, m_sb.into_sel < 0)) m_sb.into_sel = -1;
      for (std::size_t k = 0; k < m_sb.into.size(); ++k) {
        if (ImGui::Selectable(m_sb.into[k].c_str(), int(k) == m_sb.into_sel))
          m_sb.into_sel = int(k);
      }
      ImGui::EndCombo();
    }
  }
  if (!pressed) return;
  std::vector<Json> args;
  if (c.println) {
    const std::string_view text(m_sb.println_args);
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      Json v = stack::ValueFromText(text.substr(start, comma - start));
      if (!v.is_null()) args.push_back(std::move(v));
      start = comma + 1;
    }
  } else {
    const std::int32_t n = std::min<std::int32_t>(p.F(c.callee).nparams, stack::limits::kMaxArgs);
    for (std::int32_t k = 0; k < n; ++k) args.push_back(stack::ValueFromText(m_sb.args[k]));
  }
  const std::string into = m_sb.into_sel < 0 ? "" : m_sb.into[std::size_t(m_sb.into_sel)];
  ctx.requests.record_ops.push_back(stack::CallOp(c, args, into));
}

void StackView::DrawDeclareRow(const ViewContext& ctx, float x, float y, float width,
                               float button_w) {
  const Lang l = ctx.lang;
  const stack::Program& p = m_run->Prog();
  const stack::Func& fn = p.F(m_sb.actions.func);
  const auto& locals = m_sb.actions.undeclared;
  const float font = ImGui::GetFontSize();
  const bool can = !locals.empty();
  if (m_sb.local >= locals.size()) m_sb.local = 0;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  ImGui::BeginDisabled(!can);
  // Enter in one of the row's fields records too.
  bool pressed = ImGui::Button(Tr(Str::kStackDeclare, l), ImVec2(button_w, 0));
  m_sb.button_min[1] = ImGui::GetItemRectMin();
  m_sb.button_max[1] = ImGui::GetItemRectMax();
  m_sb.button_live[1] = can;
  char label[160];
  if (can) {
    const stack::Var& v = fn.vars[std::size_t(locals[m_sb.local])];
    std::snprintf(label, sizeof label, "%s %s", v.name.c_str(), v.type.text.c_str());
  } else {
    std::snprintf(label, sizeof label, "%s", Tr(Str::kStackAllDeclared, l));
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(font * 8.0f, width * 0.3f));
  if (ImGui::BeginCombo("##sb_local", label)) {
    for (std::size_t i = 0; i < locals.size(); ++i) {
      const stack::Var& v = fn.vars[std::size_t(locals[i])];
      std::snprintf(label, sizeof label, "%s %s", v.name.c_str(), v.type.text.c_str());
      if (ImGui::Selectable(label, i == m_sb.local)) m_sb.local = i;
    }
    ImGui::EndCombo();
  }
  if (HoveredEvenDisabled()) {
    ImGui::SetNextWindowSize(ImVec2(font * 24.0f, 0));
    ImGui::BeginTooltip();
    ImGui::TextWrapped("%s", Tr(Str::kStackDeclareHint, l));
    ImGui::EndTooltip();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("=");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(font * 6.0f);
  pressed |= ImGui::InputTextWithHint("##sb_decl", Tr(Str::kStackZeroValue, l), m_sb.decl_value,
                                      sizeof m_sb.decl_value, kEnter);
  ImGui::EndDisabled();
  if (!pressed || !can) return;
  const stack::Var& v = fn.vars[std::size_t(locals[m_sb.local])];
  ctx.requests.record_ops.push_back(
      stack::DeclareOp(v.name, stack::ValueFromText(m_sb.decl_value)));
}

void StackView::DrawReturnRow(const ViewContext& ctx, float x, float y, float width,
                              float button_w) {
  (void)width;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const stack::Func& fn = m_run->Prog().F(m_sb.actions.func);
  const float font = ImGui::GetFontSize();
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  // Enter in one of the row's fields records too.
  bool pressed = ImGui::Button(Tr(Str::kStackReturn, l), ImVec2(button_w, 0));
  m_sb.button_min[2] = ImGui::GetItemRectMin();
  m_sb.button_max[2] = ImGui::GetItemRectMax();
  m_sb.button_live[2] = true;
  if (m_sb.actions.bottom && HoveredEvenDisabled()) {
    ImGui::SetTooltip("%s", Tr(Str::kStackReturnEnds, l));
  }
  if (fn.has_result) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 6.0f);
    pressed |= ImGui::InputTextWithHint("##sb_ret", fn.result.text.c_str(), m_sb.ret_value,
                                        sizeof m_sb.ret_value, kEnter);
  }
  char buf[128];
  std::snprintf(buf, sizeof buf, Tr(Str::kStackReturnFrom, l), fn.name.c_str());
  ImGui::SameLine();
  ImGui::TextUnformatted(buf);
  if (m_sb.actions.bottom) {
    // Returning from the goroutine's first function lands in goexit: say so where it shows.
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.warn), "%s", "→ goexit");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(Str::kStackReturnEnds, l));
  }
  if (!pressed) return;
  ctx.requests.record_ops.push_back(
      stack::ReturnOp(fn.has_result ? stack::ValueFromText(m_sb.ret_value) : Json(nullptr)));
}

}  // namespace gs::app
