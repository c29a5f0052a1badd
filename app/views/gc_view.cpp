// [SECTION] index: states · geometry · banner · side panel · edges · roots · objects
#include "app/views/gc_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"
#include "app/views/draw_util.h"
#include "engine/core/scenario.h"
#include "engine/gc/load.h"
#include "engine/gc/outcome.h"

namespace gs::app {
namespace {

using gc::Color;
using gc::EventKind;
using gc::kNil;

float Ease(float t) {
  return t * t * (3.0f - 2.0f * t);
}

ImU32 FillOf(const Theme& th, Color c) {
  switch (c) {
    case Color::kWhite:
      return th.obj_white_fill;
    case Color::kGrey:
      return th.obj_grey_fill;
    case Color::kBlack:
      return th.obj_black_fill;
  }
  return th.obj_white_fill;
}

ImU32 OutlineOf(const Theme& th, Color c) {
  switch (c) {
    case Color::kWhite:
      return th.obj_white_outline;
    case Color::kGrey:
      return th.obj_grey_outline;
    case Color::kBlack:
      return th.obj_black_outline;
  }
  return th.obj_white_outline;
}

ImU32 LabelOf(const Theme& th, Color c) {
  switch (c) {
    case Color::kWhite:
      return th.obj_label_on_white;
    case Color::kGrey:
      return th.obj_label_on_grey;
    case Color::kBlack:
      return th.obj_label_on_black;
  }
  return th.obj_label_on_white;
}

bool EdgeIn(const std::vector<gc::EdgeRef>& v, bool from_root, std::int32_t from,
            std::int32_t slot) {
  for (const auto& e : v) {
    if (e.from_root == from_root && e.from == from && e.slot == slot) return true;
  }
  return false;
}

}  // namespace

// A small label above-right of a node, kept inside the graph area.
void GcView::BadgeNear(ImDrawList* dl, const Geometry& g, ImVec2 c, ImU32 bg, ImU32 fg,
                       const char* text) {
  const float fs = g.font * 0.6f;
  const float w = ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0.0f, text).x + fs * 0.7f;
  const float x = std::clamp(c.x + g.radius * 0.7f, g.graph_min.x, g.graph_max.x - w);
  const float y = std::max(c.y - g.radius * 1.7f, g.graph_min.y - fs);
  Pill(dl, ImVec2(x, y), bg, fg, text, fs);
}

float GcView::RootFont(const Geometry& g) {
  return std::min(g.font * 0.8f, g.radius * 0.75f);
}

float GcView::RootWidth(const Geometry& g, const std::string& id) {
  const float f = RootFont(g);
  return ImGui::GetFont()->CalcTextSizeA(f, 1e9f, 0.0f, id.c_str()).x + f * 1.2f;
}

// [SECTION] states
void GcView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const gc::GcRun>(run);
  m_cur_step = m_prev_step = SIZE_MAX;
  m_state_run = nullptr;
  if (m_run) m_layout = ComputeGcLayout(m_run->Prog());
}

void GcView::UpdateStates(const gc::GcRun& run, std::size_t step, std::size_t prev) {
  if (m_state_run != &run) {
    m_cur_step = m_prev_step = SIZE_MAX;
    m_state_run = &run;
  }
  if (step == m_cur_step && prev == m_prev_step) return;
  const auto& tl = run.GetTimeline();
  if (prev == m_cur_step) {
    m_prev = m_cur;  // moving forward one step: reuse
  } else if (prev != m_prev_step) {
    m_prev = tl.StateAt(prev);
  }
  m_cur = tl.StateAt(step);
  m_cur_step = step;
  m_prev_step = prev;
}

void GcView::Draw(const ViewContext& ctx) {
  if (!m_run) return;
  if (m_compare) {
    DrawCompare(ctx);
    return;
  }
  DrawRun(ctx, *m_run, ctx.origin, ctx.size, true);
}

bool GcView::SetOption(std::string_view key, std::string_view value) {
  if (key != "compare") return false;
  std::vector<gc::Barrier> modes;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    std::string_view name =
        value.substr(start, comma == std::string_view::npos ? value.npos : comma - start);
    gc::Barrier b;
    if (!gc::ParseBarrier(name, &b)) return false;
    modes.push_back(b);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (modes.size() < 2 || modes.size() > 4) return false;
  SetCompare(true, std::move(modes));
  return true;
}

void GcView::SetCompare(bool on, std::vector<gc::Barrier> modes) {
  m_compare = on;
  if (!modes.empty()) m_compare_modes = std::move(modes);
  m_columns_for = nullptr;  // reload lazily
}

void GcView::LoadCompareRuns() {
  m_columns.clear();
  m_column_errors.clear();
  m_column_outcomes.clear();
  for (gc::Barrier b : m_compare_modes) {
    LoadOptions opts;
    // The same file and overrides as the main run, with this column's barrier.
    opts.sets.emplace_back("config.barrier", std::string(gc::BarrierName(b)));
    LoadResult r = LoadScenarioFile(m_run->Meta().file, opts);
    auto view = std::make_unique<GcView>();
    if (r.run) {
      view->SetRun(r.run);
      m_column_outcomes.push_back(gc::SummarizeOutcome(*view->m_run));
      m_column_errors.emplace_back();
    } else {
      m_column_outcomes.emplace_back();
      m_column_errors.push_back(r.diags.FormatAll());
    }
    m_columns.push_back(std::move(view));
  }
  m_columns_for = m_run.get();
}

// Columns step together by script position: the k-th step of script op i in the main run
// maps to the k-th step of op i in each column, and the op's last step to the op's last step
// (barrier steps make the counts differ between modes).
static std::size_t AlignStep(const Run& main, std::size_t step, const Run& other) {
  const int op = main.OpIndex(step);
  if (op < 0) return 0;
  std::size_t k = 0;
  while (k < step && main.OpIndex(step - k - 1) == op) ++k;
  const bool main_last = step + 1 >= main.StepCount() || main.OpIndex(step + 1) != op;
  std::size_t first = SIZE_MAX, count = 0, before = 0;
  for (std::size_t s = 0; s < other.StepCount(); ++s) {
    const int o = other.OpIndex(s);
    if (o == op) {
      if (first == SIZE_MAX) first = s;
      ++count;
    } else if (o >= 0 && o < op) {
      before = s;
    }
  }
  if (first == SIZE_MAX) return before;  // the op took no step in this mode
  return first + (main_last ? count - 1 : std::min(k, count - 1));
}

void GcView::DrawCompare(const ViewContext& ctx) {
  if (m_columns_for != m_run.get()) LoadCompareRuns();
  const Theme& th = ctx.theme;
  const float n = float(m_columns.size());
  const float col_w = ctx.size.x / n;
  const float head_h = ImGui::GetFontSize() * 4.6f;
  ImGui::SetCursorScreenPos(ImVec2(ctx.origin.x + ctx.size.x - ImGui::GetFontSize() * 9.0f,
                                   ctx.origin.y + ctx.size.y - ImGui::GetFrameHeight() * 1.3f));
  if (ImGui::Button(Tr(Str::kClose, ctx.lang))) m_compare = false;
  for (std::size_t i = 0; i < m_columns.size(); ++i) {
    const ImVec2 o(ctx.origin.x + col_w * float(i), ctx.origin.y);
    ctx.dl->AddRectFilled(o, ImVec2(o.x + col_w, o.y + head_h), th.panel_bg);
    ctx.dl->AddLine(ImVec2(o.x, o.y), ImVec2(o.x, o.y + ctx.size.y), th.panel_border, 2.0f);
    const std::string mode(gc::BarrierName(m_compare_modes[i]));
    const float big = ImGui::GetFontSize() * 1.3f;
    ctx.dl->AddText(ImGui::GetFont(), big, ImVec2(o.x + 10, o.y + 6), th.text, mode.c_str());
    GcView& col = *m_columns[i];
    if (!col.m_run) {
      ctx.dl->AddText(ImVec2(o.x + 10, o.y + head_h), th.danger, m_column_errors[i].c_str());
      continue;
    }
    const gc::RunOutcome& outcome = m_column_outcomes[i];
    ctx.dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(o.x + 10, o.y + 8 + big),
                    outcome.lost_object ? th.danger : th.ok, outcome.line.Get(ctx.lang).c_str(),
                    nullptr, col_w - 20);
    const std::size_t step = AlignStep(*m_run, ctx.step, *col.m_run);
    const std::size_t prev = AlignStep(*m_run, ctx.prev_step, *col.m_run);
    ViewContext sub{*col.m_run,
                    step,
                    prev,
                    ctx.t,
                    ctx.lang,
                    ctx.theme,
                    ctx.scale * 0.8f,
                    ctx.dl,
                    ImVec2(o.x, o.y + head_h),
                    ImVec2(col_w, ctx.size.y - head_h),
                    {}};
    col.DrawRun(sub, *col.m_run, sub.origin, sub.size, false);
  }
}

// [SECTION] geometry
ImVec2 GcView::ObjPos(const Geometry& g, std::size_t i) const {
  const float cols = m_layout.columns + 1.0f;  // column 0 holds the roots
  const float w = g.graph_max.x - g.graph_min.x, h = g.graph_max.y - g.graph_min.y;
  const float x = g.graph_min.x + w * (m_layout.obj_x[i] + 0.5f) / cols;
  const float y = g.graph_min.y + h * (m_layout.obj_y[i] + 0.5f) / m_layout.rows;
  return ImVec2(x, y);
}

ImVec2 GcView::RootPos(const Geometry& g, std::size_t r) const {
  const float cols = m_layout.columns + 1.0f;
  const float w = g.graph_max.x - g.graph_min.x, h = g.graph_max.y - g.graph_min.y;
  return ImVec2(g.graph_min.x + w * 0.5f / cols,
                g.graph_min.y + h * (m_layout.root_y[r] + 0.5f) / m_layout.rows);
}

void GcView::DrawRun(const ViewContext& ctx, const gc::GcRun& run, ImVec2 origin, ImVec2 size,
                     bool show_side_panel) {
  if (&run != m_run.get()) m_layout = ComputeGcLayout(run.Prog());
  UpdateStates(run, ctx.step, ctx.prev_step);
  const float s = ctx.scale;
  const float banner_h = 58.0f * s;
  const float side_w = show_side_panel ? std::min(250.0f * s, size.x * 0.3f) : 0.0f;
  DrawBanner(ctx, run, origin, size.x - side_w, banner_h);
  Geometry g;
  const float margin = 16.0f * s;
  g.graph_min = ImVec2(origin.x + margin, origin.y + banner_h + margin);
  g.graph_max = ImVec2(origin.x + size.x - side_w - margin, origin.y + size.y - margin);
  const float cell_w = (g.graph_max.x - g.graph_min.x) / (m_layout.columns + 1.0f);
  const float cell_h = (g.graph_max.y - g.graph_min.y) / m_layout.rows;
  g.radius = std::clamp(std::min(cell_w * 0.24f, cell_h * 0.3f), 9.0f * s, 42.0f * s);
  g.font = std::clamp(g.radius * 0.85f, 12.0f, 30.0f * s);
  ctx.dl->PushClipRect(Sub(g.graph_min, ImVec2(margin, margin)),
                       Add(g.graph_max, ImVec2(margin, margin)), true);
  DrawEdges(ctx, run, g);
  DrawRoots(ctx, run, g);
  DrawObjects(ctx, run, g);
  if (ctx.sandbox && show_side_panel) HandleSelection(ctx, run, g);
  ctx.dl->PopClipRect();
  if (show_side_panel) {
    DrawSidePanel(ctx, run, ImVec2(origin.x + size.x - side_w, origin.y), ImVec2(side_w, size.y));
  }
}

// [SECTION] banner
void GcView::DrawBanner(const ViewContext& ctx, const gc::GcRun& run, ImVec2 o, float w, float h) {
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  ImDrawList* dl = ctx.dl;
  const gc::Phase phase = m_cur.phase;
  const bool stw = gc::IsStopTheWorld(phase);
  const ImVec2 a = o, b(o.x + w, o.y + h);
  if (stw) {
    // Stop-the-world: a striped warning band nobody can miss.
    dl->AddRectFilled(a, b, WithAlpha(th.warn, 0.9f));
    HatchRect(dl, a, b, WithAlpha(th.danger, 0.35f), 22.0f * ctx.scale, 9.0f * ctx.scale);
  } else {
    dl->AddRectFilled(a, b, th.panel_bg);
  }
  dl->AddLine(ImVec2(a.x, b.y), b, th.panel_border, 2.0f);
  const float big = ImGui::GetFontSize() * 1.45f;
  char buf[160];
  static const char* const kPhaseZh[] = {"未运行", "清扫终止", "标记", "标记终止", "清扫"};
  if (l == Lang::kZh) {
    std::snprintf(buf, sizeof buf, "%s: %s (%s)", Tr(Str::kPhase, l), kPhaseZh[int(phase)],
                  std::string(gc::PhaseName(phase)).c_str());
  } else {
    std::snprintf(buf, sizeof buf, "%s: %s", Tr(Str::kPhase, l),
                  std::string(gc::PhaseName(phase)).c_str());
  }
  const ImU32 text_col = stw ? IM_COL32(0, 0, 0, 255) : th.text;
  dl->AddText(ImGui::GetFont(), big, ImVec2(a.x + 14 * ctx.scale, a.y + (h - big) * 0.5f), text_col,
              buf);
  float x =
      a.x + 14 * ctx.scale + ImGui::GetFont()->CalcTextSizeA(big, 1e9f, 0, buf).x + 24 * ctx.scale;
  const float pill = ImGui::GetFontSize() * 1.05f;
  const float py = a.y + (h - pill * 1.3f) * 0.5f;
  if (stw) {
    // The long form when it fits, else just the words everyone knows.
    const char* label = Tr(Str::kStopTheWorld, l);
    const float room = a.x + w - x - 10 * ctx.scale;
    if (ImGui::GetFont()->CalcTextSizeA(pill, 1e9f, 0, label).x + pill > room)
      label = "STOP THE WORLD";
    x += Pill(dl, ImVec2(x, py), IM_COL32(0, 0, 0, 255), IM_COL32(255, 220, 60, 255), label, pill)
             .x +
         10 * ctx.scale;
    if (x > a.x + w - pill * 4) return;  // no room left for the barrier pill
  }
  const bool barrier = gc::BarrierEnabled(phase);
  std::snprintf(buf, sizeof buf, "%s (%s)", Tr(barrier ? Str::kBarrierOn : Str::kBarrierOff, l),
                std::string(gc::BarrierName(run.Prog().config.barrier)).c_str());
  Pill(dl, ImVec2(x, py), barrier ? th.accent : th.grid,
       barrier ? IM_COL32(255, 255, 255, 255) : th.text, buf, pill);
}

// [SECTION] side panel
void GcView::DrawSidePanel(const ViewContext& ctx, const gc::GcRun& run, ImVec2 o, ImVec2 size) {
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  ImDrawList* dl = ctx.dl;
  const gc::Program& p = run.Prog();
  dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), th.panel_bg);
  dl->AddLine(o, ImVec2(o.x, o.y + size.y), th.panel_border, 2.0f);
  const float pad = 12.0f * ctx.scale;
  const float fs = ImGui::GetFontSize();
  float y = o.y + pad;
  // Barrier mode selector: re-runs the scenario, staying on the same step.
  ImGui::SetCursorScreenPos(ImVec2(o.x + pad, y));
  ImGui::TextUnformatted(Tr(Str::kBarrier, l));
  ImGui::SetCursorScreenPos(ImVec2(o.x + pad, y + fs * 1.3f));
  ImGui::SetNextItemWidth(size.x - pad * 2);
  const auto& names = gc::BarrierNames();
  int current =
      int(std::find(names.begin(), names.end(), std::string(gc::BarrierName(p.config.barrier))) -
          names.begin());
  if (ImGui::BeginCombo("##barrier_mode", names[std::size_t(current)].c_str())) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (ImGui::Selectable(names[i].c_str(), int(i) == current) && int(i) != current) {
        ctx.requests.set_config.emplace_back("barrier", names[i]);
      }
    }
    ImGui::EndCombo();
  }
  y += fs * 3.0f;
  ImGui::SetCursorScreenPos(ImVec2(o.x + pad, y));
  if (ImGui::Button(Tr(Str::kCompare, l), ImVec2(size.x - pad * 2, 0))) {
    SetCompare(true,
               {gc::Barrier::kNone, gc::Barrier::kDijkstra, gc::Barrier::kYuasa, gc::Barrier::kGo});
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(Str::kCompareHint, l));
  y += fs * 2.2f;
  // Counts per color.
  int counts[4] = {0, 0, 0, 0};
  for (const auto& obj : m_cur.objects) {
    if (obj.freed) {
      ++counts[3];
    } else if (obj.live) {
      ++counts[int(obj.color)];
    }
  }
  const float r = fs * 0.45f;
  const Str names_str[4] = {Str::kWhite, Str::kGrey, Str::kBlack, Str::kFreed};
  for (int i = 0; i < 4; ++i) {
    const ImVec2 c(o.x + pad + r, y + fs * 0.55f);
    if (i < 3) {
      dl->AddCircleFilled(c, r, FillOf(th, Color(i)));
      if (i == 1) HatchCircle(dl, c, r, th.obj_grey_outline, r * 0.6f, 1.2f);
      dl->AddCircle(c, r, OutlineOf(th, Color(i)), 0, 1.5f);
    } else {
      DashedCircle(dl, c, r, th.danger, 1.5f, 6);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s  %d", Tr(names_str[i], l), counts[i]);
    dl->AddText(ImVec2(c.x + r * 2, y), th.text, buf);
    y += fs * 1.35f;
  }
  y += fs * 0.4f;
  // Invariants.
  dl->AddText(ImVec2(o.x + pad, y), th.text_dim, Tr(Str::kInvariants, l));
  y += fs * 1.3f;
  const bool marking =
      m_cur.phase == gc::Phase::kMark || m_cur.phase == gc::Phase::kMarkTermination;
  const bool strong_ok = m_cur.strong_violations.empty();
  const bool weak_ok = m_cur.weak_violations.empty();
  dl->AddText(ImVec2(o.x + pad, y),
              !marking    ? th.text_dim
              : strong_ok ? th.ok
                          : th.warn,
              Tr(strong_ok ? Str::kStrongOk : Str::kStrongBroken, l));
  y += fs * 1.3f;
  dl->AddText(ImVec2(o.x + pad, y),
              !marking  ? th.text_dim
              : weak_ok ? th.ok
                        : th.danger,
              Tr(weak_ok ? Str::kWeakOk : Str::kWeakBroken, l));
  y += fs * 1.8f;
  // The grey queue, top of the workbuf first.
  dl->AddText(ImVec2(o.x + pad, y), th.text_dim, Tr(Str::kGreyQueue, l));
  y += fs * 1.3f;
  // "(empty)" takes the height of one row of chips, so what is drawn below (the sandbox's
  // buttons) does not jump when the queue fills or drains.
  if (m_cur.grey_queue.empty()) dl->AddText(ImVec2(o.x + pad, y), th.text_dim, Tr(Str::kEmpty, l));
  float x = o.x + pad;
  for (auto it = m_cur.grey_queue.rbegin(); it != m_cur.grey_queue.rend(); ++it) {
    const std::string& id = p.ObjectName(*it);
    const float tw = ImGui::CalcTextSize(id.c_str()).x + fs * 0.8f;
    if (x + tw > o.x + size.x - pad) {
      x = o.x + pad;
      y += fs * 1.5f;
    }
    Pill(dl, ImVec2(x, y), th.obj_grey_fill, th.obj_label_on_grey, id.c_str(), fs);
    x += tw + fs * 0.3f;
  }
  y += fs * 1.9f;
  if (!m_cur.wb_buf.empty() || p.config.wb_buffer) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "wbBuf: %zu / %d", m_cur.wb_buf.size(), p.config.wb_buffer_size);
    dl->AddText(ImVec2(o.x + pad, y), th.text, buf);
    y += fs * 1.4f;
  }
  if (m_cur.stw_rescan_work > 0) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "STW rescan: %u obj", m_cur.stw_rescan_work);
    dl->AddText(ImVec2(o.x + pad, y), th.warn, buf);
    y += fs * 1.4f;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "scanobject × %u   cycle %u", m_cur.objects_scanned, m_cur.cycle);
  dl->AddText(ImVec2(o.x + pad, y), th.text_dim, buf);
  y += fs * 1.6f;
  if (ctx.sandbox) DrawSandbox(ctx, run, o, size.x, y);
}

// [SECTION] sandbox (record by demonstration)
void GcView::HandleSelection(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  if (!ImGui::IsWindowHovered() || !ImGui::IsMouseClicked(0)) {
    // Outline the selection.
    if (m_sel_obj != kNil && std::size_t(m_sel_obj) < m_cur.objects.size()) {
      ctx.dl->AddCircle(ObjPos(g, std::size_t(m_sel_obj)), g.radius + 12.0f, ctx.theme.accent, 40,
                        2.0f);
    }
    return;
  }
  const ImVec2 m = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const ImVec2 c = ObjPos(g, i);
    if ((m.x - c.x) * (m.x - c.x) + (m.y - c.y) * (m.y - c.y) <= g.radius * g.radius) {
      m_sel_obj = std::int32_t(i);
      m_sel_root = kNil;
      return;
    }
  }
  const float rh = g.radius * 1.3f;
  for (std::size_t r = 0; r < m_cur.roots.size(); ++r) {
    const ImVec2 c = RootPos(g, r);
    const float rw = RootWidth(g, run.Prog().RootName(std::int32_t(r)));
    if (std::fabs(m.x - c.x) <= rw * 0.5f && std::fabs(m.y - c.y) <= rh * 0.5f) {
      m_sel_root = std::int32_t(r);
      m_sel_obj = kNil;
      return;
    }
  }
}

void GcView::DrawSandbox(const ViewContext& ctx, const gc::GcRun& run, ImVec2 o, float width,
                         float y) {
  const gc::Program& p = run.Prog();
  const Lang l = ctx.lang;
  const float pad = 12.0f * ctx.scale;
  ImGui::SetCursorScreenPos(ImVec2(o.x + pad, y));
  ImGui::BeginGroup();
  // Combos leave room on their right for the slot label (".f3", "[2] +").
  ImGui::PushItemWidth(width - pad * 2 - ImGui::CalcTextSize("[00] +").x -
                       ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::TextUnformatted(Tr(Str::kSandboxActions, l));
  auto record = [&](Json op) { ctx.requests.record_ops.push_back(std::move(op)); };
  // Collector control.
  const char* gc_ops[] = {"gc_start", "mark", "mark_all", "mark_termination", "sweep"};
  for (int i = 0; i < 5; ++i) {
    if (i % 3) ImGui::SameLine();
    if (ImGui::SmallButton(gc_ops[i])) record(Json{{"op", gc_ops[i]}});
  }
  // Allocate into the selected root, or the first stack.
  std::int32_t target_root = m_sel_root != kNil ? m_sel_root : p.DefaultWriter();
  if (target_root == kNil && !p.roots.empty()) target_root = 0;
  if (target_root != kNil && ImGui::SmallButton(Tr(Str::kSandboxAlloc, l))) {
    std::string id;
    do {
      id = std::to_string(++m_alloc_counter);
      id.insert(0, 1, 'N');  // (not "N" + ...: GCC 12 warns falsely with -Wrestrict)
    } while (std::any_of(p.objects.begin(), p.objects.end(),
                         [&](const gc::ObjectDecl& d) { return d.id == id; }));
    record(Json{{"op", "alloc"}, {"id", id}, {"root", p.RootName(target_root)}});
  }
  // The pointer slots of the selection, each a combo of targets.
  auto target_combo = [&](const char* label, std::int32_t current, auto on_pick) {
    const std::string cur = current == kNil ? "nil" : p.ObjectName(current);
    if (!ImGui::BeginCombo(label, cur.c_str())) return;
    if (ImGui::Selectable("nil", current == kNil) && current != kNil) on_pick(kNil);
    for (std::size_t t = 0; t < m_cur.objects.size(); ++t) {
      if (!m_cur.objects[t].live) continue;
      if (ImGui::Selectable(p.objects[t].id.c_str(), current == std::int32_t(t)) &&
          current != std::int32_t(t)) {
        on_pick(std::int32_t(t));
      }
    }
    ImGui::EndCombo();
  };
  auto name_or_null = [&](std::int32_t t) {
    return t == kNil ? Json(nullptr) : Json(p.ObjectName(t));
  };
  if (m_sel_obj != kNil && std::size_t(m_sel_obj) < m_cur.objects.size() &&
      m_cur.objects[std::size_t(m_sel_obj)].live && !p.objects[std::size_t(m_sel_obj)].noscan) {
    const auto& obj = m_cur.objects[std::size_t(m_sel_obj)];
    ImGui::Text("%s", p.ObjectName(m_sel_obj).c_str());
    for (std::size_t f = 0; f < obj.fields.size(); ++f) {
      char label[32];
      std::snprintf(label, sizeof label, ".f%zu", f);
      target_combo(label, obj.fields[f], [&](std::int32_t t) {
        record(Json{{"op", "write"},
                    {"obj", p.ObjectName(m_sel_obj)},
                    {"field", f},
                    {"to", name_or_null(t)}});
      });
    }
  } else if (m_sel_root != kNil) {
    const auto& root = m_cur.roots[std::size_t(m_sel_root)];
    ImGui::Text("%s", p.RootName(m_sel_root).c_str());
    for (std::size_t k = 0; k <= root.slots.size(); ++k) {
      char label[32];
      std::snprintf(label, sizeof label, k < root.slots.size() ? "[%zu]" : "[%zu] +", k);
      target_combo(label, k < root.slots.size() ? root.slots[k] : kNil, [&](std::int32_t t) {
        Json op{{"op", "set_root"}, {"root", p.RootName(m_sel_root)}, {"to", name_or_null(t)}};
        if (k < root.slots.size()) op["slot"] = k;
        record(std::move(op));
      });
    }
  } else {
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - pad * 2);
    ImGui::TextDisabled("%s", Tr(Str::kSandboxHint, l));
    ImGui::PopTextWrapPos();
  }
  ImGui::PopItemWidth();
  ImGui::EndGroup();
}

// [SECTION] edges
void GcView::DrawEdges(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  const Theme& th = ctx.theme;
  ImDrawList* dl = ctx.dl;
  const float t = Ease(ctx.t);
  const auto events = run.GetTimeline().Events(ctx.step);
  const float thick = std::max(1.5f, g.radius * 0.09f);
  const float head = g.radius * 0.45f;
  // Which slot the step writes, and which edges lie on a dangling path.
  std::int32_t w_obj = kNil, w_root = kNil, w_field = -1;
  auto& dangling_hops = m_dangling_hops;  // (from obj, to obj), reused between frames
  dangling_hops.clear();
  for (const auto& e : events) {
    if (e.kind == EventKind::kWrite || (e.kind == EventKind::kBarrier && !e.on_root)) {
      w_obj = e.obj;
      w_field = e.field;
    }
    if (e.kind == EventKind::kRootWrite || (e.kind == EventKind::kBarrier && e.on_root)) {
      w_root = e.root;
      w_field = e.field;
    }
    if (e.kind == EventKind::kDangling) {
      for (std::size_t i = 2; i < e.path.size(); ++i)
        dangling_hops.emplace_back(e.path[i - 1], e.path[i]);
    }
  }
  auto target_point = [&](std::int32_t to, ImVec2 from) {
    return CircleEdge(ObjPos(g, std::size_t(to)), g.radius + 2.0f, from);
  };
  auto draw = [&](ImVec2 from_c, float from_r, bool from_is_root, ImVec2 root_a, ImVec2 root_b,
                  std::int32_t to, std::int32_t slot, std::size_t nslots, ImU32 col, float alpha,
                  bool dashed, float width) {
    if (to == kNil || alpha <= 0.01f) return;
    const ImVec2 tc = ObjPos(g, std::size_t(to));
    // Spread the slots of one source a little so parallel pointers stay distinct.
    const float spread =
        nslots > 1 ? (float(slot) - float(nslots - 1) * 0.5f) * g.radius * 0.35f : 0.0f;
    ImVec2 start = from_is_root ? RectEdge(root_a, root_b, tc) : CircleEdge(from_c, from_r, tc);
    start.y += spread;
    const ImVec2 end = target_point(to, start);
    Arrow(dl, start, end, WithAlpha(col, alpha), width, head, dashed);
  };
  // Objects' fields: current edges fade in; removed ones fade out.
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const auto& cur = m_cur.objects[i];
    const auto& prev = i < m_prev.objects.size() ? m_prev.objects[i] : cur;
    const std::size_t nf = std::max(cur.fields.size(), prev.fields.size());
    const ImVec2 c = ObjPos(g, i);
    const float obj_alpha = cur.live ? 1.0f : cur.freed ? 0.35f : 0.0f;
    for (std::size_t f = 0; f < nf; ++f) {
      const std::int32_t now = f < cur.fields.size() ? cur.fields[f] : kNil;
      const std::int32_t was = f < prev.fields.size() ? prev.fields[f] : kNil;
      const bool written = std::int32_t(i) == w_obj && std::int32_t(f) == w_field;
      const bool weak = EdgeIn(m_cur.weak_violations, false, std::int32_t(i), std::int32_t(f));
      const bool strong = EdgeIn(m_cur.strong_violations, false, std::int32_t(i), std::int32_t(f));
      bool dang = false;
      for (auto& h : dangling_hops) dang |= h.first == std::int32_t(i) && h.second == now;
      ImU32 col = weak || dang ? th.danger : strong ? th.warn : written ? th.accent : th.edge;
      const float w = (weak || dang || written) ? thick * 1.8f : thick;
      if (was != now && was != kNil) {
        draw(c, g.radius, false, {}, {}, was, std::int32_t(f), nf, th.edge, (1.0f - t) * obj_alpha,
             true, thick);
      }
      const float a = (was != now ? t : 1.0f) * obj_alpha;
      draw(c, g.radius, false, {}, {}, now, std::int32_t(f), nf, col, a, weak || strong, w);
    }
  }
  // Roots' slots.
  const float rh = g.radius * 1.3f;
  for (std::size_t r = 0; r < m_cur.roots.size(); ++r) {
    const auto& cur = m_cur.roots[r];
    const auto& prev = r < m_prev.roots.size() ? m_prev.roots[r] : cur;
    const ImVec2 c = RootPos(g, r);
    const float rw = RootWidth(g, run.Prog().RootName(std::int32_t(r)));
    const ImVec2 a(c.x - rw * 0.5f, c.y - rh * 0.5f), b(c.x + rw * 0.5f, c.y + rh * 0.5f);
    const std::size_t ns = std::max(cur.slots.size(), prev.slots.size());
    for (std::size_t k = 0; k < ns; ++k) {
      const std::int32_t now = k < cur.slots.size() ? cur.slots[k] : kNil;
      const std::int32_t was = k < prev.slots.size() ? prev.slots[k] : kNil;
      const bool written = std::int32_t(r) == w_root && std::int32_t(k) == w_field;
      bool dang = false;
      for (const auto& e : events) {
        if (e.kind == EventKind::kDangling && e.path.size() >= 2 && e.path[0] == std::int32_t(r) &&
            e.path[1] == now) {
          dang = true;
        }
      }
      if (was != now && was != kNil) {
        draw(c, 0, true, a, b, was, std::int32_t(k), ns, th.edge, 1.0f - t, true, thick);
      }
      ImU32 col = dang ? th.danger : written ? th.accent : th.edge;
      draw(c, 0, true, a, b, now, std::int32_t(k), ns, col, was != now ? t : 1.0f, false,
           dang || written ? thick * 1.8f : thick);
    }
  }
}

// [SECTION] roots
void GcView::DrawRoots(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  const Theme& th = ctx.theme;
  ImDrawList* dl = ctx.dl;
  const gc::Program& p = run.Prog();
  const float rh = g.radius * 1.3f;
  const auto events = run.GetTimeline().Events(ctx.step);
  for (std::size_t r = 0; r < m_cur.roots.size(); ++r) {
    const ImVec2 c = RootPos(g, r);
    const float rw = RootWidth(g, p.RootName(std::int32_t(r)));
    const ImVec2 a(c.x - rw * 0.5f, c.y - rh * 0.5f), b(c.x + rw * 0.5f, c.y + rh * 0.5f);
    const bool pending = std::find(m_cur.root_jobs.begin(), m_cur.root_jobs.end(),
                                   std::int32_t(r)) != m_cur.root_jobs.end();
    const bool scanned = m_cur.roots[r].scanned;
    bool active = false;
    for (const auto& e : events) {
      active |= (e.kind == EventKind::kScanRoot || e.kind == EventKind::kRescanStack) &&
                e.root == std::int32_t(r);
    }
    // A root waiting for markroot is grey; a scanned root is black.
    const Color col = scanned ? Color::kBlack : pending ? Color::kGrey : Color::kWhite;
    dl->AddRectFilled(a, b, FillOf(th, col), 6.0f);
    if (col == Color::kGrey) HatchRect(dl, a, b, WithAlpha(th.obj_grey_outline, 0.6f), 7.0f, 1.2f);
    dl->AddRect(a, b, active ? th.accent : OutlineOf(th, col), 6.0f, 0, active ? 4.0f : 2.0f);
    const bool stack = p.roots[r].kind == gc::RootKind::kStack;
    const std::string& id = p.RootName(std::int32_t(r));
    CenteredText(dl, c, LabelOf(th, col), id.c_str(), RootFont(g));
    const char* tag =
        stack ? (scanned ? Tr(Str::kScanned, ctx.lang) : Tr(Str::kUnscanned, ctx.lang)) : "global";
    CenteredText(dl, ImVec2(c.x, b.y + g.font * 0.45f), th.text_dim, tag, g.font * 0.6f);
  }
}

// [SECTION] objects
void GcView::DrawObjects(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  const Theme& th = ctx.theme;
  ImDrawList* dl = ctx.dl;
  const gc::Program& p = run.Prog();
  const float t = Ease(ctx.t);
  const auto events = run.GetTimeline().Events(ctx.step);
  const float r = g.radius;
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const auto& cur = m_cur.objects[i];
    const auto& prev = i < m_prev.objects.size() ? m_prev.objects[i] : cur;
    const ImVec2 c = ObjPos(g, i);
    const std::string& id = p.ObjectName(std::int32_t(i));
    const bool noscan = p.objects[i].noscan;
    if (!cur.live && !cur.freed) {
      // Not allocated yet: a faint placeholder keeps the layout readable.
      DashedCircle(dl, c, r * 0.8f, WithAlpha(th.grid, 0.8f), 1.0f, 10);
      CenteredText(dl, c, WithAlpha(th.text_dim, 0.7f), id.c_str(), g.font * 0.8f);
      continue;
    }
    if (cur.freed) {
      const float a = prev.freed ? 1.0f : 1.0f - 0.6f * t;
      const ImU32 col = WithAlpha(th.danger, std::max(a, 0.5f));
      DashedCircle(dl, c, r, col, 2.0f, 12);
      const float k = r * 0.55f;
      dl->AddLine(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), col, 2.5f);
      dl->AddLine(ImVec2(c.x - k, c.y + k), ImVec2(c.x + k, c.y - k), col, 2.5f);
      CenteredText(dl, ImVec2(c.x, c.y + r * 1.45f), col, id.c_str(), g.font * 0.8f);
      continue;
    }
    const Color from = prev.live ? prev.color : cur.color;
    const float blend = from == cur.color ? 1.0f : t;
    const ImU32 fill = LerpColor(FillOf(th, from), FillOf(th, cur.color), blend);
    const ImU32 outline = LerpColor(OutlineOf(th, from), OutlineOf(th, cur.color), blend);
    const float born = prev.live ? 1.0f : t;  // allocation fades in
    if (noscan) {
      const ImVec2 a(c.x - r, c.y - r), b(c.x + r, c.y + r);
      dl->AddRectFilled(a, b, WithAlpha(fill, born), r * 0.25f);
      if (cur.color == Color::kGrey) HatchRect(dl, a, b, th.obj_grey_outline, r * 0.35f, 1.5f);
      dl->AddRect(a, b, WithAlpha(outline, born), r * 0.25f, 0, 2.5f);
    } else {
      dl->AddCircleFilled(c, r, WithAlpha(fill, born), 40);
      if (cur.color == Color::kGrey) {
        HatchCircle(dl, c, r - 1.0f, WithAlpha(th.obj_grey_outline, blend * born), r * 0.32f, 1.6f);
      }
      dl->AddCircle(c, r, WithAlpha(outline, born), 40, cur.color == Color::kGrey ? 3.5f : 2.5f);
    }
    // Shrink long ids to fit inside the node.
    const float natural = ImGui::GetFont()->CalcTextSizeA(g.font, 1e9f, 0.0f, id.c_str()).x;
    const float label = natural > r * 1.7f ? g.font * (r * 1.7f) / natural : g.font;
    if (cur.color == Color::kGrey) {
      const ImVec2 half(std::min(natural, r * 1.7f) * 0.5f + 3.0f, label * 0.55f);
      dl->AddRectFilled(Sub(c, half), Add(c, half), th.obj_grey_fill, 4.0f);
    }
    CenteredText(dl, c, LabelOf(th, cur.color), id.c_str(), label);
    if (noscan)
      CenteredText(dl, ImVec2(c.x, c.y + r * 1.35f), th.text_dim, "noscan", g.font * 0.55f);
    // This step's activity around the node.
    for (const auto& e : events) {
      if (e.obj != std::int32_t(i)) continue;
      if (e.kind == EventKind::kScanObject) {
        dl->AddCircle(c, r + 6.0f, th.accent, 40, 3.5f);
      } else if (e.kind == EventKind::kShade &&
                 (e.cause == gc::ShadeCause::kInsertion || e.cause == gc::ShadeCause::kDeletion)) {
        const bool ins = e.cause == gc::ShadeCause::kInsertion;
        dl->AddCircle(c, r + 7.0f, th.warn, 40, 3.5f);
        BadgeNear(dl, g, c, th.warn, IM_COL32(0, 0, 0, 255),
                  Tr(ins ? Str::kBadgeInsertion : Str::kBadgeDeletion, ctx.lang));
      } else if (e.kind == EventKind::kAlloc && e.to == Color::kBlack) {
        BadgeNear(dl, g, c, th.accent, IM_COL32(255, 255, 255, 255),
                  Tr(Str::kBadgeBornBlack, ctx.lang));
      }
    }
  }
  // Dangling pointers last, on top of everything.
  for (const auto& e : events) {
    if (e.kind != EventKind::kDangling) continue;
    const ImVec2 c = ObjPos(g, std::size_t(e.obj));
    dl->AddCircle(c, r + 10.0f, th.danger, 40, 5.0f);
    const char* label = Tr(Str::kDangling, ctx.lang);
    const float fs = g.font * 0.75f;
    const float tw = ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0.0f, label).x + fs;
    const float x = std::clamp(c.x - tw * 0.5f, g.graph_min.x, g.graph_max.x - tw);
    Pill(dl, ImVec2(x, c.y + r * 1.9f), th.danger, IM_COL32(255, 255, 255, 255), label, fs);
  }
  // Hover: what an object is, in words.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const ImVec2 c = ObjPos(g, i);
    const float dx = mouse.x - c.x, dy = mouse.y - c.y;
    if (dx * dx + dy * dy > r * r || !ImGui::IsWindowHovered()) continue;
    const auto& o = m_cur.objects[i];
    std::string fields;
    for (std::size_t f = 0; f < o.fields.size(); ++f) {
      fields += " f" + std::to_string(f) + "=" +
                (o.fields[f] == kNil ? "nil" : p.ObjectName(o.fields[f]));
    }
    ImGui::SetTooltip("%s: %s%s%s", p.ObjectName(std::int32_t(i)).c_str(),
                      o.freed   ? "freed"
                      : !o.live ? "not allocated"
                                : std::string(gc::ColorName(o.color)).c_str(),
                      p.objects[i].noscan ? " (noscan)" : "", fields.c_str());
  }
}

}  // namespace gs::app
