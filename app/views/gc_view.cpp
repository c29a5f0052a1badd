// The GC view: the phase banner, the side panel (counts, invariants, grey queue), compare
// mode and the sandbox controls. The object graph itself is drawn in gc_graph.cpp.
// [SECTION] index: states · compare · run layout · banner · side panel · sandbox
#include "app/views/gc_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"
#include "app/views/draw_util.h"
#include "app/views/gc_draw.h"
#include "engine/core/scenario.h"
#include "engine/gc/load.h"
#include "engine/gc/outcome.h"

namespace gs::app {
namespace {

using gc::Color;
using gc::kNil;
using gcdraw::Contains;
using gcdraw::FillOf;
using gcdraw::L;
using gcdraw::OutlineOf;

}  // namespace

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
    view->m_compact_banner = true;
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

// [SECTION] compare
void GcView::DrawCompare(const ViewContext& ctx) {
  if (m_columns_for != m_run.get()) LoadCompareRuns();
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float uf = ctx.ui_font;
  const std::size_t n = m_columns.size();
  const float pad = uf * 0.5f;
  const float big = uf * 1.3f;
  auto outcome_text = [&](std::size_t i) {
    if (!m_columns[i]->m_run) return m_column_errors[i];
    const gc::RunOutcome& o = m_column_outcomes[i];
    return std::string(o.lost_object ? "✕ " : "✓ ") + o.line.Get(ctx.lang);
  };
  // Every cell's header is as tall as the tallest outcome line, so the pictures line up.
  auto head_height = [&](float cell_w) {
    float text_h = 0;
    for (std::size_t i = 0; i < n; ++i) {
      text_h = std::max(text_h, cv.TextSize(uf, outcome_text(i), cell_w - pad * 2).y);
    }
    return pad * 3 + big + text_h;
  };
  // One row of columns, or two rows when that leaves each picture more room: four columns
  // across a projector are 220 px wide, too narrow for root names and the graph.
  std::size_t cols = n;
  float cell_w = ctx.size.x / float(n), cell_h = ctx.size.y;
  float head_h = head_height(cell_w);
  // The graph each cell leaves (as DrawRun lays it out) decides: the grid whose shape fits
  // (root names clear of nodes and of each other), then the one with bigger nodes.
  for (std::size_t i = 0; i < n; ++i) {  // this step's banners, to measure them
    GcView& col = *m_columns[i];
    if (!col.m_run) continue;
    const std::size_t step = AlignStep(*m_run, ctx.step, *col.m_run);
    col.UpdateStates(*col.m_run, step, step > 0 ? step - 1 : 0);
  }
  auto shape_of = [&](float w, float h, float head) {
    float banner = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (m_columns[i]->m_run) {
        banner = std::max(
            banner, m_columns[i]->DrawBanner(ctx, *m_columns[i]->m_run, ctx.origin, w, false));
      }
    }
    const float margin = uf * 0.4f;
    return ChooseShape(cv, m_run->Prog(), uf,
                       ImVec2(w - 2 * margin, h - head - banner - 2 * margin));
  };
  if (n >= 3) {
    const std::size_t cols2 = (n + 1) / 2;
    const float w2 = ctx.size.x / float(cols2), h2 = ctx.size.y * 0.5f;
    const float head2 = head_height(w2);
    const GraphShape one = shape_of(cell_w, cell_h, head_h), two = shape_of(w2, h2, head2);
    const bool better = two.fits != one.fits ? two.fits
                        : !two.fits          ? two.closeness > one.closeness
                                             : two.radius > one.radius;
    if (better) {
      cols = cols2;
      cell_w = w2;
      cell_h = h2;
      head_h = head2;
    }
  }
  const float wrap = cell_w - pad * 2;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t row = i / cols, col_i = i % cols;
    const ImVec2 o(ctx.origin.x + cell_w * float(col_i), ctx.origin.y + cell_h * float(row));
    cv.RectFilled(o, ImVec2(o.x + cell_w, o.y + head_h), th.panel_bg, 0);
    if (col_i > 0) cv.Line(o, ImVec2(o.x, o.y + cell_h), th.panel_border, ctx.Line());
    if (row > 0) cv.Line(o, ImVec2(o.x + cell_w, o.y), th.panel_border, ctx.Line());
    const std::string mode(gc::BarrierName(m_compare_modes[i]));
    cv.Text(ImVec2(o.x + pad, o.y + pad), big, th.text, mode);
    GcView& col = *m_columns[i];
    const ImU32 line_col = !col.m_run                         ? th.danger
                           : m_column_outcomes[i].lost_object ? th.danger
                                                              : th.ok;
    cv.Text(ImVec2(o.x + pad, o.y + pad * 2 + big), uf, line_col, outcome_text(i), wrap);
    if (!col.m_run) continue;
    const std::size_t step = AlignStep(*m_run, ctx.step, *col.m_run);
    const std::size_t prev = AlignStep(*m_run, ctx.prev_step, *col.m_run);
    ViewContext sub{*col.m_run,
                    step,
                    prev,
                    ctx.t,
                    ctx.lang,
                    ctx.theme,
                    ctx.scale,
                    ctx.dl,
                    ImVec2(o.x, o.y + head_h),
                    ImVec2(cell_w, cell_h - head_h),
                    {}};
    sub.canvas = ctx.canvas;
    sub.ui_font = ctx.ui_font;
    sub.presenter = ctx.presenter;
    sub.picture_only = ctx.picture_only;
    col.DrawRun(sub, *col.m_run, sub.origin, sub.size, false);
  }
  if (!ctx.picture_only) {
    const char* close = Tr(Str::kClose, ctx.lang);
    const float bw = ImGui::CalcTextSize(close).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetCursorScreenPos(ImVec2(ctx.origin.x + ctx.size.x - bw - pad,
                                     ctx.origin.y + ctx.size.y - ImGui::GetFrameHeight() - pad));
    if (ImGui::Button(close)) m_compare = false;
  }
}

// [SECTION] run layout
// Depth runs left to right, or top to bottom when that gives bigger nodes: a compare column
// is tall and narrow, and five depths across it leave 40 px. Root names go on two lines, or
// to the name alone (the kind moves to the caption), only when in full they fit neither way. A
// shape fits when the widest root name has room beside its neighbours and the root boxes clear each
// other and the first column of nodes.
GcView::GraphShape GcView::ChooseShape(const Canvas& cv, const gc::Program& p, float uf,
                                       ImVec2 graph) const {
  // The widest root name at the UI font: in full, on two lines, the name alone.
  float widest[3] = {0, 0, 0};
  for (std::size_t r = 0; r < p.roots.size(); ++r) {
    const std::string& name = p.RootName(std::int32_t(r));
    for (int how = 0; how < 3; ++how) {
      std::string_view a, b;
      RootLines(name, RootText(how), &a, &b);
      widest[how] =
          std::max({widest[how], cv.TextSize(uf, a).x, b.empty() ? 0.0f : cv.TextSize(uf, b).x});
    }
  }
  const float depths = m_layout.columns + 1.0f;  // roots are depth 0
  GraphShape best;
  float best_score = -1;
  for (int how = 0; how < 3; ++how) {
    const float box_w = widest[how] + uf, box_h = uf * (how == 1 ? 2.8f : 1.6f);
    for (bool vertical : {false, true}) {
      const float along = (vertical ? graph.y : graph.x) / depths;
      const float across = (vertical ? graph.x : graph.y) / m_layout.rows;
      GraphShape s;
      s.vertical = vertical;
      s.root_text = RootText(how);
      s.radius = std::max(uf * 0.8f, std::min({along * 0.27f, across * 0.3f, uf * 3.6f}));
      // The root box (centred half a depth in, pushed in when wider) must clear the first
      // depth of nodes along, and its neighbours across.
      const float gap = uf * 0.3f;
      const float box_along = vertical ? box_h : box_w, box_across = vertical ? box_w : box_h;
      const float root_c = std::max(along * 0.5f, box_along * 0.5f);
      const float need_along = root_c + box_along * 0.5f + s.radius + gap;
      const float need_across = box_across + gap;
      s.fits = need_along <= along * 1.5f && need_across <= across;
      // Fitting first, then the full name before two lines before the name alone, then the
      // bigger nodes (across unless down is clearly bigger). When nothing fits, the shape
      // that comes closest.
      const float ratio = std::min(along * 1.5f / need_along, across / need_across);
      s.closeness = ratio;
      const float score = (s.fits ? 1e6f + float(2 - how) * 1e5f : ratio * 1e5f) +
                          s.radius * (vertical ? 0.8f : 1.0f);
      if (score > best_score) {
        best = s;
        best_score = score;
      }
    }
  }
  return best;
}

void GcView::DrawRun(const ViewContext& ctx, const gc::GcRun& run, ImVec2 origin, ImVec2 size,
                     bool show_side_panel) {
  if (!ctx.canvas) return;
  Canvas& cv = *ctx.canvas;
  if (&run != m_run.get()) m_layout = ComputeGcLayout(run.Prog());
  // Marks show what this step did, so the state it is compared with is the one just before
  // it (not where a scrub came from), for as long as the step is shown.
  UpdateStates(run, ctx.step, ctx.step > 0 ? ctx.step - 1 : 0);
  const float uf = ctx.ui_font;
  // The side panel needs about a dozen UI-font characters; it grows with the panel.
  const float side_w =
      show_side_panel ? std::min(std::max(size.x * 0.26f, uf * 11.0f), size.x * 0.36f) : 0.0f;
  const float banner_h = DrawBanner(ctx, run, origin, size.x - side_w, true);
  Geometry g;
  g.cap = uf;
  g.line = ctx.Line();
  g.clip_min = ImVec2(origin.x, origin.y + banner_h);
  g.clip_max = ImVec2(origin.x + size.x - side_w, origin.y + size.y);
  // Nodes fill the panel: one layout cell per column and row, a node about 60 % of its cell.
  const float margin = uf * 0.4f;
  g.graph_min = Add(g.clip_min, ImVec2(margin, margin));
  g.graph_max = Sub(g.clip_max, ImVec2(margin, margin));
  const float gw = g.graph_max.x - g.graph_min.x, gh = g.graph_max.y - g.graph_min.y;
  const GraphShape shape = ChooseShape(cv, run.Prog(), uf, ImVec2(gw, gh));
  g.vertical = shape.vertical;
  g.root_text = shape.root_text;
  float widest_ui = 0;
  for (std::size_t r = 0; r < run.Prog().roots.size(); ++r) {
    std::string_view a, b;
    RootLines(run.Prog().RootName(std::int32_t(r)), g.root_text, &a, &b);
    widest_ui =
        std::max({widest_ui, cv.TextSize(uf, a).x, b.empty() ? 0.0f : cv.TextSize(uf, b).x});
  }
  const float across_h = gh / m_layout.rows, along_h = gw / (m_layout.columns + 1.0f);
  const float across_v = gw / m_layout.rows, along_v = gh / (m_layout.columns + 1.0f);
  auto node_r = [&](float along, float across) {
    return std::min({along * 0.27f, across * 0.3f, uf * 3.6f});
  };
  const float cell_w = g.vertical ? across_v : along_h;  // room for one root name
  const float along = g.vertical ? along_v : along_h;
  const float across = g.vertical ? across_v : across_h;
  g.radius = std::max(uf * 0.8f, node_r(along, across));
  g.font = std::clamp(g.radius * 0.8f, uf, uf * 2.4f);
  const float widest = widest_ui * g.font / uf;
  const float root_room = cell_w * 0.92f - g.font;
  g.root_font =
      widest > root_room && widest > 0 ? std::max(uf, g.font * root_room / widest) : g.font;
  const float root_half = widest * g.root_font / std::max(g.font, 1.0f) * 0.5f + g.root_font * 0.5f;
  const float root_half_h = g.root_font * (g.root_text == RootText::kTwoLines ? 1.4f : 0.8f);
  if (g.vertical) {
    g.root_x = std::max(g.graph_min.y + along * 0.5f, g.clip_min.y + root_half_h + g.line * 4.0f);
  } else {
    g.root_x = std::max(g.graph_min.x + along * 0.5f, g.clip_min.x + root_half + g.line * 4.0f);
  }
  m_placed.clear();
  m_captions.clear();
  cv.PushClip(g.clip_min, g.clip_max);
  if (m_cur.objects.size() > kDenseObjects) {
    DrawRoots(ctx, run, g);
    DrawDense(ctx, run, g);
  } else {
    DrawEdges(ctx, run, g);
    DrawBarrierLinks(ctx, run, g);
    DrawRoots(ctx, run, g);
    DrawObjects(ctx, run, g);
  }
  if (ctx.sandbox && show_side_panel) HandleSelection(ctx, run, g);
  PlaceCaptions(ctx, g);
  HoverTooltip(ctx, run, g);
  cv.PopClip();
  if (show_side_panel) {
    DrawSidePanel(ctx, run, ImVec2(origin.x + size.x - side_w, origin.y), ImVec2(side_w, size.y));
  }
}

// [SECTION] banner
// The phase, stop-the-world and the barrier, laid out left to right and wrapped onto a
// second row when the panel is narrow.
float GcView::DrawBanner(const ViewContext& ctx, const gc::GcRun& run, ImVec2 o, float w,
                         bool draw) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float uf = ctx.ui_font;
  const gc::Phase phase = m_cur.phase;
  const bool stw = gc::IsStopTheWorld(phase);
  const float pad = uf * 0.6f;
  const float room = w - pad * 2;
  // The phase: the long form when it fits, then shorter ones.
  static const char* const kPhaseZh[] = {"未运行", "清扫终止", "标记", "标记终止", "清扫"};
  const std::string name(gc::PhaseName(phase));
  std::string phase_text[3];
  if (l == Lang::kZh) {
    phase_text[0] =
        std::string(Tr(Str::kPhase, l)) + "：" + kPhaseZh[int(phase)] + "（" + name + "）";
    phase_text[1] = std::string(Tr(Str::kPhase, l)) + "：" + kPhaseZh[int(phase)];
    phase_text[2] = kPhaseZh[int(phase)];
  } else {
    phase_text[0] = std::string(Tr(Str::kPhase, l)) + ": " + name;
    phase_text[1] = name;
    phase_text[2] = name;
  }
  const float big_size = m_compact_banner ? uf : uf * 1.4f;
  float big = big_size;
  const std::string* phase_str = &phase_text[2];
  for (float size : {big_size, uf}) {
    bool found = false;
    for (const std::string& s : phase_text) {
      if (cv.TextSize(size, s).x <= room) {
        phase_str = &s;
        big = size;
        found = true;
        break;
      }
    }
    if (found) break;
  }
  const float pill = uf * 1.05f;
  const char* stw_label = Tr(Str::kStopTheWorld, l);
  if (m_compact_banner || PillSize(cv, stw_label, pill).x > room) {
    stw_label = L(l, "STOP THE WORLD", "世界暂停（STW）");
  }
  // No barrier configured: say so, never "ON".
  const gc::Barrier mode = run.Prog().config.barrier;
  const bool on = gc::BarrierEnabled(phase);
  const std::string mode_name(gc::BarrierName(mode));
  std::string barrier_label, barrier_short;
  if (mode == gc::Barrier::kNone) {
    barrier_label = L(l, "✕ no write barrier", "✕ 无写屏障");
    barrier_short = barrier_label;
  } else {
    barrier_label = std::string(on ? "✓ " : "– ") + Tr(on ? Str::kBarrierOn : Str::kBarrierOff, l) +
                    (l == Lang::kZh ? "（" : " (") + mode_name + (l == Lang::kZh ? "）" : ")");
    barrier_short = std::string(on ? "✓ " : "– ") + mode_name + (on ? " ON" : " off");
  }
  if (m_compact_banner || PillSize(cv, barrier_label, pill).x > room) barrier_label = barrier_short;
  // Flow layout: up to three items, wrapped when the next does not fit.
  struct Item {
    ImVec2 size;
    ImVec2 pos;
  };
  Item items[3];
  const int count = stw ? 3 : 2;
  items[0].size = cv.TextSize(big, *phase_str);
  items[1].size = PillSize(cv, stw ? stw_label : barrier_label, pill);
  if (stw) items[2].size = PillSize(cv, barrier_label, pill);
  float x = o.x + pad, y = o.y + pad, row_h = 0, total = pad;
  for (int i = 0; i < count; ++i) {
    if (i > 0 && x + items[i].size.x > o.x + w - pad) {
      y += row_h + pad * 0.5f;
      total += row_h + pad * 0.5f;
      x = o.x + pad;
      row_h = 0;
    }
    items[i].pos = ImVec2(x, y);
    x += items[i].size.x + pad * 1.5f;
    row_h = std::max(row_h, items[i].size.y);
  }
  total += row_h + pad;
  // Centre each item on its row's line.
  if (!draw) return total;
  const ImVec2 a = o, b(o.x + w, o.y + total);
  if (stw) {
    // Stop-the-world: a striped warning band nobody can miss.
    cv.RectFilled(a, b, WithAlpha(th.warn, 0.9f), 0);
    HatchRect(cv, a, b, WithAlpha(th.danger, 0.35f), uf * 1.2f, uf * 0.45f);
  } else {
    cv.RectFilled(a, b, th.panel_bg, 0);
  }
  cv.Line(ImVec2(a.x, b.y), b, th.panel_border, ctx.Line());
  const ImU32 text_col = stw ? IM_COL32(0, 0, 0, 255) : th.text;
  cv.Text(items[0].pos, big, text_col, *phase_str);
  if (m_prev.phase != m_cur.phase) {
    MarkChangedRect(cv, items[0].pos, Add(items[0].pos, items[0].size), th.changed, ctx.Line(),
                    ctx.t, uf * 0.2f);
  }
  auto barrier_pill = [&](const Item& it) {
    const bool none = mode == gc::Barrier::kNone;
    Pill(cv, it.pos, on && !none ? th.accent : th.grid,
         on && !none ? IM_COL32(255, 255, 255, 255) : th.text, barrier_label, pill);
    if (gc::BarrierEnabled(m_prev.phase) != on && !none) {
      MarkChangedRect(cv, it.pos, Add(it.pos, it.size), th.changed, ctx.Line(), ctx.t,
                      it.size.y * 0.5f);
    }
  };
  if (stw) {
    Pill(cv, items[1].pos, IM_COL32(0, 0, 0, 255), IM_COL32(255, 220, 60, 255), stw_label, pill);
    barrier_pill(items[2]);
  } else {
    barrier_pill(items[1]);
  }
  return total;
}

// [SECTION] side panel
void GcView::DrawSidePanel(const ViewContext& ctx, const gc::GcRun& run, ImVec2 o, ImVec2 size) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const gc::Program& p = run.Prog();
  const float uf = ctx.ui_font;
  const float line = ctx.Line();
  cv.RectFilled(o, ImVec2(o.x + size.x, o.y + size.y), th.panel_bg, 0);
  cv.Line(o, ImVec2(o.x, o.y + size.y), th.panel_border, line);
  const float pad = uf * 0.6f;
  const float inner = size.x - pad * 2;
  const float left = o.x + pad;
  const float bottom = o.y + size.y - pad;
  const float row = uf * 1.35f;
  float y = o.y + pad;
  const bool widgets = !ctx.picture_only && !ctx.presenter;
  if (widgets) {
    // Barrier mode selector: re-runs the scenario, staying on the same step.
    ImGui::SetCursorScreenPos(ImVec2(left, y));
    ImGui::TextUnformatted(Tr(Str::kBarrier, l));
    ImGui::SetCursorScreenPos(ImVec2(left, y + ImGui::GetTextLineHeightWithSpacing()));
    ImGui::SetNextItemWidth(inner);
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
    ImGui::SetCursorScreenPos(
        ImVec2(left, ImGui::GetItemRectMax().y + ImGui::GetStyle().ItemSpacing.y));
    if (ImGui::Button(Tr(Str::kCompare, l), ImVec2(inner, 0))) {
      SetCompare(true, {gc::Barrier::kNone, gc::Barrier::kDijkstra, gc::Barrier::kYuasa,
                        gc::Barrier::kGo});
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(Str::kCompareHint, l));
    y = ImGui::GetItemRectMax().y + pad;
  }
  auto fits = [&](float h) { return y + h <= bottom; };
  // Counts per color, two to a row when they fit; a count the step changed is outlined.
  int counts[4] = {0, 0, 0, 0}, before[4] = {0, 0, 0, 0};
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const auto& obj = m_cur.objects[i];
    counts[obj.freed ? 3 : int(obj.color)] += obj.freed || obj.live ? 1 : 0;
    if (i < m_prev.objects.size()) {
      const auto& was = m_prev.objects[i];
      before[was.freed ? 3 : int(was.color)] += was.freed || was.live ? 1 : 0;
    }
  }
  const float r = uf * 0.42f;
  const Str names_str[4] = {Str::kWhite, Str::kGrey, Str::kBlack, Str::kFreed};
  char cells[4][64];
  float widest = 0;
  for (int i = 0; i < 4; ++i) {
    std::snprintf(cells[i], sizeof cells[i], "%s %d", Tr(names_str[i], l), counts[i]);
    widest = std::max(widest, cv.TextSize(uf, cells[i]).x);
  }
  const float cell_w = r * 2 + uf * 0.4f + widest + uf * 0.6f;
  const int per_row = cell_w * 2 <= inner ? 2 : 1;
  for (int i = 0; i < 4; ++i) {
    if (i % per_row == 0 && i > 0) y += row;
    if (!fits(row)) break;
    const float cx = left + float(i % per_row) * (inner / float(per_row));
    const ImVec2 c(cx + r, y + uf * 0.5f);
    if (i < 3) {
      cv.CircleFilled(c, r, FillOf(th, Color(i)));
      if (i == 1) HatchCircle(cv, c, r, th.obj_grey_outline, r * 0.6f, line * 0.6f);
      cv.Circle(c, r, OutlineOf(th, Color(i)), line * 0.75f);
    } else {
      DashedCircle(cv, c, r, th.text_dim, line * 0.75f, 8);
      cv.Line(ImVec2(c.x - r * 0.5f, c.y - r * 0.5f), ImVec2(c.x + r * 0.5f, c.y + r * 0.5f),
              th.text_dim, line * 0.75f);
      cv.Line(ImVec2(c.x - r * 0.5f, c.y + r * 0.5f), ImVec2(c.x + r * 0.5f, c.y - r * 0.5f),
              th.text_dim, line * 0.75f);
    }
    const ImVec2 tp(c.x + r + uf * 0.4f, y);
    cv.Text(tp, uf, th.text, cells[i]);
    if (counts[i] != before[i] && m_cur_step != m_prev_step) {
      MarkChangedRect(cv, ImVec2(cx, y), ImVec2(tp.x + cv.TextSize(uf, cells[i]).x, y + uf),
                      th.changed, line * 0.75f, ctx.t, uf * 0.2f);
    }
  }
  y += row + uf * 0.4f;
  // Invariants: ✓ or ✕ as well as the colour.
  const bool marking =
      m_cur.phase == gc::Phase::kMark || m_cur.phase == gc::Phase::kMarkTermination;
  const bool strong_ok = m_cur.strong_violations.empty();
  const bool weak_ok = m_cur.weak_violations.empty();
  if (fits(row)) {
    cv.Text(ImVec2(left, y), uf, th.text_dim, Tr(Str::kInvariants, l), inner);
    y += row;
  }
  auto invariant = [&](bool ok, bool was_ok, Str ok_s, Str broken_s, ImU32 broken_col) {
    if (!fits(row)) return;
    const std::string text = std::string(!marking ? "– "
                                         : ok     ? "✓ "
                                                  : "✕ ") +
                             Tr(ok ? ok_s : broken_s, l);
    const ImVec2 ts = cv.TextSize(uf, text, inner);
    if (!fits(ts.y)) return;
    cv.Text(ImVec2(left, y), uf, !marking ? th.text_dim : ok ? th.ok : broken_col, text, inner);
    if (ok != was_ok) {
      MarkChangedRect(cv, ImVec2(left, y), ImVec2(left + ts.x, y + ts.y), th.changed, line * 0.75f,
                      ctx.t, uf * 0.2f);
    }
    y += ts.y + uf * 0.35f;
  };
  invariant(strong_ok, m_prev.strong_violations.empty(), Str::kStrongOk, Str::kStrongBroken,
            th.warn);
  invariant(weak_ok, m_prev.weak_violations.empty(), Str::kWeakOk, Str::kWeakBroken, th.danger);
  y += uf * 0.4f;
  // The grey queue, top of the workbuf first; its heading wraps rather than leave the panel.
  const char* head = L(l, "Grey queue", "灰色队列");
  const char* sub = L(l, "(workbuf, top first)", "（workbuf，栈顶在前）");
  const std::string full = std::string(head) + (l == Lang::kZh ? "" : " ") + sub;
  if (cv.TextSize(uf, full).x <= inner) {
    if (fits(row)) {
      cv.Text(ImVec2(left, y), uf, th.text_dim, full);
      y += row;
    }
  } else if (fits(row * 2)) {
    cv.Text(ImVec2(left, y), uf, th.text_dim, head);
    y += row;
    const float h = cv.TextSize(uf, sub, inner).y;
    cv.Text(ImVec2(left, y), uf, th.text_dim, sub, inner);
    y += h + uf * 0.35f;
  }
  const float chip_h = PillSize(cv, "A", uf).y;
  const float chip_row = chip_h + uf * 0.35f;
  // Chips: what this step pushed is outlined, what it popped stays as a ghost after them.
  float x = left;
  if (m_cur.grey_queue.empty() && fits(chip_h)) {
    const char* empty = Tr(Str::kEmpty, l);
    cv.Text(ImVec2(left, y), uf, th.text_dim, empty);
    x += cv.TextSize(uf, empty).x + uf * 0.45f;
  }
  bool stopped = false;
  auto chip = [&](std::int32_t obj, bool ghost, bool pushed, std::size_t left_over) {
    if (stopped) return;
    const std::string& id = p.ObjectName(obj);
    const ImVec2 sz = PillSize(cv, id, uf);
    const float gap = uf * 0.45f;
    if (x + sz.x > left + inner) {
      x = left;
      y += chip_row;
    }
    // Not enough room for another row: say how many are left.
    if (!fits(chip_h) || (y + chip_row + chip_h > bottom && left_over > 1 &&
                          x + sz.x + gap + PillSize(cv, "+99", uf).x > left + inner)) {
      if (fits(chip_h) && !ghost) {
        char more[16];
        std::snprintf(more, sizeof more, "+%zu", left_over);
        cv.Text(ImVec2(x, y), uf, th.text_dim, more);
      }
      stopped = true;
      return;
    }
    const ImVec2 at(x, y);
    if (ghost) {
      const ImU32 gc_col = WithAlpha(th.ghost, GhostAlpha(ctx.t));
      DashedRect(cv, at, Add(at, sz), gc_col, line * 0.75f, uf * 0.3f);
      cv.Text(ImVec2(at.x + uf * 0.35f, at.y + uf * 0.14f), uf, gc_col, id);
    } else {
      Pill(cv, at, th.obj_grey_fill, th.obj_label_on_grey, id, uf);
      cv.Rect(at, Add(at, sz), th.obj_grey_outline, sz.y * 0.5f, line * 0.5f);
      if (pushed)
        MarkChangedRect(cv, at, Add(at, sz), th.changed, line * 0.75f, ctx.t, sz.y * 0.5f);
    }
    x += sz.x + gap;
  };
  const auto& q = m_cur.grey_queue;
  const auto& pq = m_prev.grey_queue;
  const bool stepped = m_cur_step != m_prev_step;
  std::size_t shown = 0;
  for (auto it = q.rbegin(); it != q.rend(); ++it, ++shown) {
    chip(*it, false, stepped && !Contains(pq, *it), q.size() - shown);
  }
  if (stepped) {
    for (auto it = pq.rbegin(); it != pq.rend(); ++it) {
      if (!Contains(q, *it)) chip(*it, true, false, 0);
    }
  }
  y += chip_row + uf * 0.4f;
  // Secondary lines: only while there is room for them.
  char buf[128];
  if ((!m_cur.wb_buf.empty() || p.config.wb_buffer) && fits(row)) {
    std::snprintf(buf, sizeof buf, "wbBuf: %zu / %d", m_cur.wb_buf.size(), p.config.wb_buffer_size);
    cv.Text(ImVec2(left, y), uf, th.text, buf);
    y += row;
  }
  if (m_cur.stw_rescan_work > 0) {
    std::snprintf(buf, sizeof buf, L(l, "STW rescan: %u objects", "STW 重新扫描：%u 个对象"),
                  m_cur.stw_rescan_work);
    const float h = cv.TextSize(uf, buf, inner).y;
    if (fits(h)) {
      cv.Text(ImVec2(left, y), uf, th.text, buf, inner);
      y += h + uf * 0.35f;
    }
  }
  std::snprintf(buf, sizeof buf, L(l, "scanobject × %u, cycle %u", "scanobject × %u，第 %u 轮"),
                m_cur.objects_scanned, m_cur.cycle);
  const float h = cv.TextSize(uf, buf, inner).y;
  if (fits(h)) {
    cv.Text(ImVec2(left, y), uf, th.text_dim, buf, inner);
    y += h + uf * 0.35f;
  }
  if (ctx.sandbox && widgets) DrawSandbox(ctx, run, o, size.x, y + uf * 0.3f);
}

// [SECTION] sandbox (record by demonstration)
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

}  // namespace gs::app
