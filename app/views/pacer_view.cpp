// The pacer view. [SECTION] index: setup · plot · numbers · gctrace lines
#include "app/views/pacer_view.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string_view>

#include "app/views/draw_util.h"
#include "engine/pacer/pacer_math.h"

namespace gs::app {
namespace {

using pacer::kNoLimit;
using pacer::Sample;

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

const char* T(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
}

// "12.5 MiB" into buf, rounded as the engine's narration rounds (pacer::Bytes), without
// allocating: the view formats every number each frame.
const char* Tenths(char* buf, std::size_t n, std::uint64_t b) {
  const std::uint64_t t = (b * 10 + pacer::kMiB / 2) / pacer::kMiB;
  std::snprintf(buf, n, "%" PRIu64 ".%" PRIu64, t / 10, t % 10);
  return buf;
}

const char* Mib(char* buf, std::size_t n, std::uint64_t b) {
  if (b == kNoLimit) {
    std::snprintf(buf, n, "∞");
    return buf;
  }
  char t[24];
  std::snprintf(buf, n, "%s MiB", Tenths(t, sizeof t, b));
  return buf;
}

ImU32 WithAlpha(ImU32 col, float a) {
  const ImU32 alpha = ImU32(std::clamp(a, 0.0f, 1.0f) * float((col >> IM_COL32_A_SHIFT) & 0xFF));
  return (col & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

std::uint64_t Value(const Sample& s, int which) {
  switch (which) {
    case 0:
      return s.heap_live;
    case 1:
      return s.goal;
    case 2:
      return s.trigger;
    case 3:
      return s.memory_limit;
    default:
      return s.reachable;
  }
}

// Breaks a gctrace line after its ", " separators so each row fits `maxw` (rows after the
// first are indented by `indent`): fills `starts` with each row's first byte (at most
// kMaxTraceRows rows) and returns the row count. No allocation: it runs every frame.
constexpr int kMaxTraceRows = 4;
int WrapTrace(const Canvas& c, float size, std::string_view line, float maxw, float indent,
              std::size_t (&starts)[kMaxTraceRows + 1]) {
  int rows = 0;
  std::size_t pos = 0;
  while (pos < line.size() && rows < kMaxTraceRows) {
    starts[rows] = pos;
    const float w = maxw - (rows > 0 ? indent : 0);
    std::size_t end = line.size();
    if (c.TextSize(size, line.substr(pos)).x > w) {
      // The longest run of whole ", "-separated parts that fits (at least one part).
      std::size_t best = std::string_view::npos;
      for (std::size_t k = line.find(", ", pos); k != std::string_view::npos;
           k = line.find(", ", k + 2)) {
        if (best != std::string_view::npos && c.TextSize(size, line.substr(pos, k + 1 - pos)).x > w)
          break;
        best = k + 1;
      }
      if (best != std::string_view::npos) end = best;
    }
    ++rows;
    pos = end;
    while (pos < line.size() && line[pos] == ' ') ++pos;
  }
  starts[rows] = line.size();
  return rows;
}

}  // namespace

// [SECTION] setup
void PacerView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const pacer::PacerRun>(run);
  if (!m_run) return;
  const auto& samples = m_run->Samples();
  m_max_tick = std::max<std::uint64_t>(1, samples.empty() ? 1 : samples.back().tick);
  std::uint64_t peak = m_run->PeakBytes();
  for (const Sample& s : samples) {
    if (s.memory_limit != kNoLimit) peak = std::max(peak, s.memory_limit);
  }
  m_max_bytes = std::max<std::uint64_t>(pacer::kMiB, peak + peak / 10);
}

float PacerView::X(std::uint64_t tick) const {
  return m_plot_min.x + (m_plot_max.x - m_plot_min.x) * float(double(tick) / double(m_max_tick));
}

float PacerView::Y(std::uint64_t bytes) const {
  const double f = std::min(1.0, double(bytes) / double(m_max_bytes));
  return m_plot_max.y - (m_plot_max.y - m_plot_min.y) * float(f);
}

void PacerView::Draw(const ViewContext& ctx) {
  if (!m_run || !ctx.canvas) return;
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float u = std::max(ctx.ui_font, ctx.ui_font * FitScale(ctx.size, ImVec2(1000, 560)));
  Frame f{u, ctx.origin, ImVec2(ctx.origin.x + ctx.size.x, ctx.origin.y + ctx.size.y)};
  c.RectFilled(f.min, f.max, th.canvas_bg, 0);
  m_bands = m_trace_lines = 0;
  m_trace_marked = false;
  m_goal_y = m_trigger_y = kNaN;
  DrawPlot(ctx, f);
  DrawNumbers(ctx, f);
  DrawTrace(ctx, f);
}

// [SECTION] plot
void PacerView::DrawSeries(Canvas& c, std::size_t end, int which, ImU32 col, float width) {
  // One segment per pixel column at most: runs of samples inside a column fold into a
  // vertical min–max stroke (cull what is too small to see, as Tracy does).
  const auto& samples = m_run->Samples();
  bool have = false;
  ImVec2 last{0, 0};
  float col_x = 0, lo = 0, hi = 0;
  for (std::size_t i = 0; i < end && i < samples.size(); ++i) {
    const std::uint64_t v = Value(samples[i], which);
    if (v == kNoLimit || v > pacer::kMaxHeapBytes) {
      have = false;
      continue;
    }
    const ImVec2 p(X(samples[i].tick), Y(v));
    if (!have) {
      last = p;
      col_x = p.x;
      lo = hi = p.y;
      have = true;
      continue;
    }
    if (p.x - col_x < 1.0f) {
      lo = std::min(lo, p.y);
      hi = std::max(hi, p.y);
      if (which != 0) {  // goal and trigger are steps: draw their jumps where they happen
        c.Line(ImVec2(last.x, last.y), ImVec2(last.x, p.y), col, width);
      }
      last = ImVec2(last.x, p.y);
      continue;
    }
    if (hi - lo >= 1.0f) c.Line(ImVec2(col_x, lo), ImVec2(col_x, hi), col, width);
    if (which == 0) {
      c.Line(last, p, col, width);
    } else {
      c.Line(last, ImVec2(p.x, last.y), col, width);
      c.Line(ImVec2(p.x, last.y), p, col, width);
    }
    last = p;
    col_x = p.x;
    lo = hi = p.y;
  }
}

void PacerView::DrawPlot(const ViewContext& ctx, const Frame& f) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = f.u;
  const float line = std::max(ctx.Line(), u * 0.12f);
  const auto& samples = m_run->Samples();
  const std::size_t step = std::min(ctx.step, samples.size() - 1);
  const Sample& now = samples[step];
  char buf[160], a[32];

  // Title row.
  std::snprintf(buf, sizeof buf, "%s · %s %" PRIu64, T(l, "Heap over time", "堆随时间的变化"),
                T(l, "tick", "时间片"), now.tick);
  c.Text(ImVec2(f.min.x + u * 0.5f, f.min.y + u * 0.3f), u * 1.15f, th.text, buf);

  // Plot area: left ~64% of the width, above the gctrace strip.
  const float trace_h = u * 1.3f * (float(TraceRows(f)) + 1.6f);
  const float axis_w = c.TextSize(u, "000.0 MiB").x + u * 0.6f;
  // A short panel (presenter fonts) drops the legend row: the lines are labelled at the cursor.
  const bool compact = TraceRows(f) == 2;
  m_plot_min = ImVec2(f.min.x + axis_w, f.min.y + u * (compact ? 2.1f : 3.4f));
  m_plot_max = ImVec2(f.min.x + (f.max.x - f.min.x) * 0.62f, f.max.y - trace_h - u * 1.6f);
  if (m_plot_max.y - m_plot_min.y < u * 4) m_plot_max.y = m_plot_min.y + u * 4;
  c.RectFilled(m_plot_min, m_plot_max, th.panel_bg, 0);

  // Cycles as bands: finished ones up to the step, and the one in progress.
  const auto& cycles = m_run->Cycles();
  for (const pacer::CycleSpan& cy : cycles) {
    if (cy.start_step > step) break;
    const bool done = cy.end_step <= step;
    const float x0 = X(cy.record.start_tick);
    const float x1 = std::max(x0 + 2.0f, X(done ? cy.record.end_tick : now.tick));
    c.RectFilled(ImVec2(x0, m_plot_min.y), ImVec2(x1, m_plot_max.y),
                 WithAlpha(th.warn, cy.record.forced ? 0.35f : 0.22f), 0);
    ++m_bands;
  }
  if (now.marking) {  // a cycle started but not finished yet
    std::size_t start = step;
    while (start > 0 && samples[start - 1].marking) --start;
    bool counted = false;
    for (const pacer::CycleSpan& cy : cycles)
      counted |= cy.start_step <= step && cy.end_step > step;
    if (!counted) {
      const float x0 = X(samples[start].tick);
      c.RectFilled(ImVec2(x0, m_plot_min.y), ImVec2(std::max(x0 + 2.0f, X(now.tick)), m_plot_max.y),
                   WithAlpha(th.warn, 0.22f), 0);
      ++m_bands;
    }
  }

  // Y grid in MiB.
  const double max_mib = double(m_max_bytes) / double(pacer::kMiB);
  // Grid steps of 1, 2 or 5 × 10^k MiB, at most six lines.
  double grid = 1;
  // As many grid lines as fit with a label's height between them, at most six.
  const double lines = std::clamp(double((m_plot_max.y - m_plot_min.y) / (u * 1.6f)), 1.0, 6.0);
  for (double mag = 1; grid * lines < max_mib; mag *= 10) {
    for (double k : {1.0, 2.0, 5.0}) {
      grid = k * mag;
      if (grid * lines >= max_mib) break;
    }
  }
  for (double g = 0; g <= max_mib; g += grid) {
    const float y = Y(std::uint64_t(g * double(pacer::kMiB)));
    c.Line(ImVec2(m_plot_min.x, y), ImVec2(m_plot_max.x, y), th.grid, 1.0f);
    std::snprintf(buf, sizeof buf, "%.0f MiB", g);
    const ImVec2 ts = c.TextSize(u, buf);
    c.Text(ImVec2(m_plot_min.x - ts.x - u * 0.3f, y - ts.y * 0.5f), u, th.text_dim, buf);
  }
  std::snprintf(buf, sizeof buf, "%s %" PRIu64, T(l, "ticks 0 →", "时间片 0 →"), m_max_tick);
  c.Text(ImVec2(m_plot_min.x, m_plot_max.y + u * 0.2f), u, th.text_dim, buf);

  // The lines: the future faded, the past in full.
  const std::size_t n = samples.size();
  DrawSeries(c, n, 3, WithAlpha(th.danger, 0.25f), line);
  DrawSeries(c, n, 1, WithAlpha(th.ok, 0.25f), line);
  DrawSeries(c, n, 2, WithAlpha(th.accent, 0.25f), line);
  DrawSeries(c, n, 0, WithAlpha(th.text, 0.18f), line);
  DrawSeries(c, step + 1, 3, th.danger, line);
  DrawSeries(c, step + 1, 4, th.text_dim, line * 0.6f);
  DrawSeries(c, step + 1, 1, th.ok, line * 1.2f);
  DrawSeries(c, step + 1, 2, th.accent, line);
  DrawSeries(c, step + 1, 0, th.text, line * 1.4f);

  // The step: a cursor, the heap point, and labels where the goal and trigger are now.
  const float cx = X(now.tick);
  DashedLine(c, ImVec2(cx, m_plot_min.y), ImVec2(cx, m_plot_max.y), th.text_dim, 1.5f, u * 0.3f,
             u * 0.25f);
  const ImVec2 pt(cx, Y(now.heap_live));
  c.CircleFilled(pt, u * 0.3f, th.text);
  MarkChangedCircle(c, pt, u * 0.45f, th.changed, line, ctx.t);
  // Labels beside the cursor, just above their line (left of it near the right edge); a
  // label that would overlap the one above it moves below its line.
  float taken_top = 0, taken_bottom = 0;
  bool any = false;
  auto line_label = [&](std::uint64_t v, ImU32 col, const char* name, float* out_y) {
    if (v == kNoLimit || v > pacer::kMaxHeapBytes) return;
    const float y = Y(v);
    *out_y = y;
    std::snprintf(buf, sizeof buf, "%s %s", name, Mib(a, sizeof a, v));
    const ImVec2 ts = c.TextSize(u, buf);
    float x = cx + u * 0.5f;
    if (x + ts.x > m_plot_max.x - u * 0.2f) x = cx - u * 0.5f - ts.x;
    x = std::max(x, m_plot_min.x + u * 0.2f);
    float ty = y - ts.y - u * 0.1f;
    if (any && ty + ts.y > taken_top && ty < taken_bottom)
      ty = std::max(y + u * 0.15f, taken_bottom);
    ty = std::clamp(ty, m_plot_min.y, m_plot_max.y - ts.y);
    const auto overlaps = [&](float t) { return any && t + ts.y > taken_top && t < taken_bottom; };
    if (overlaps(ty)) ty = taken_top - ts.y;  // no room below: stack it above the others
    if (ty < m_plot_min.y || overlaps(ty)) return;
    c.RectFilled(ImVec2(x - u * 0.15f, ty), ImVec2(x + ts.x + u * 0.15f, ty + ts.y),
                 WithAlpha(th.panel_bg, 0.85f), u * 0.15f);
    c.Text(ImVec2(x, ty), u, col, buf);
    taken_top = any ? std::min(taken_top, ty) : ty;
    taken_bottom = std::max(taken_bottom, ty + ts.y);
    any = true;
  };
  float lim_y = 0;
  line_label(now.memory_limit, th.danger, "GOMEMLIMIT", &lim_y);
  line_label(now.goal, th.ok, T(l, "goal", "目标"), &m_goal_y);
  line_label(now.trigger, th.accent, T(l, "trigger", "触发点"), &m_trigger_y);

  // Legend under the title.
  if (compact) return;
  float lx = m_plot_min.x;
  const float ly = f.min.y + u * 1.9f;
  auto legend = [&](ImU32 col, const char* name) {
    c.Line(ImVec2(lx, ly + u * 0.55f), ImVec2(lx + u * 1.2f, ly + u * 0.55f), col, line * 1.2f);
    lx += u * 1.5f;
    c.Text(ImVec2(lx, ly), u, th.text_dim, name);
    lx += c.TextSize(u, name).x + u * 1.0f;
  };
  legend(th.text, "heapLive");
  legend(th.ok, T(l, "goal", "目标"));
  legend(th.accent, T(l, "trigger", "触发点"));
  legend(th.text_dim, T(l, "reachable", "可达"));
  c.RectFilled(ImVec2(lx, ly + u * 0.1f), ImVec2(lx + u * 1.2f, ly + u * 1.0f),
               WithAlpha(th.warn, 0.5f), 0);
  lx += u * 1.5f;
  c.Text(ImVec2(lx, ly), u, th.text_dim, T(l, "GC cycle", "回收周期"));
}

// [SECTION] numbers
void PacerView::DrawNumbers(const ViewContext& ctx, const Frame& f) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = f.u;
  const auto& samples = m_run->Samples();
  const std::size_t step = std::min(ctx.step, samples.size() - 1);
  // Copies (a small value): StateRef's reference lasts only until the next StateRef call.
  const std::uint64_t prev_marked =
      step > 0 ? m_run->GetTimeline().StateRef(step - 1).heap_marked : 0;
  const pacer::State s = m_run->GetTimeline().StateRef(step);
  const Sample& prev = samples[step > 0 ? step - 1 : 0];
  const pacer::Config& cfg = m_run->Prog().config;
  char buf[200], a[32], b[32];

  const float x0 = f.min.x + (f.max.x - f.min.x) * 0.62f + u * 0.9f;
  const float x1 = f.max.x - u * 0.4f;
  float y = m_plot_min.y;
  const float w = x1 - x0;
  if (w < u * 6) return;
  const float row = u * 1.35f;
  // Rows that would run into the gctrace strip are left out (the most important come first).
  const float y_max = f.max.y - u * 1.3f * (float(TraceRows(f)) + 1.6f) - u * 0.3f;
  auto row_text = [&](const char* text, ImU32 col, bool changed) {
    const ImVec2 ts = c.TextSize(u, text, w);
    if (y + ts.y > y_max) return;
    c.Text(ImVec2(x0, y), u, col, text, w);
    if (changed) {
      MarkChangedRect(c, ImVec2(x0 - u * 0.2f, y - u * 0.1f),
                      ImVec2(x0 + ts.x + u * 0.2f, y + ts.y + u * 0.1f), th.changed, ctx.Line(),
                      ctx.t, u * 0.2f);
    }
    y += std::max(row, ts.y + u * 0.35f);
  };

  if (s.gogc < 0) {
    std::snprintf(buf, sizeof buf, "GOGC=off");
  } else {
    std::snprintf(buf, sizeof buf, "GOGC=%" PRId64, s.gogc);
  }
  std::snprintf(buf + std::strlen(buf), sizeof buf - std::strlen(buf), "   GOMEMLIMIT=%s",
                Mib(a, sizeof a, s.memory_limit));
  row_text(buf, th.text, step > 0 && (prev.memory_limit != s.memory_limit));
  std::snprintf(buf, sizeof buf, "%s: %s%s", T(l, "phase", "阶段"),
                s.phase == pacer::Phase::kMark ? T(l, "mark", "标记") : T(l, "off", "关闭"), "");
  row_text(buf, s.phase == pacer::Phase::kMark ? th.warn : th.text_dim,
           step > 0 && prev.marking != (s.phase == pacer::Phase::kMark));
  std::snprintf(buf, sizeof buf, "heapLive %s", Mib(a, sizeof a, s.heap_live));
  row_text(buf, th.text, step > 0 && prev.heap_live != s.heap_live);
  // The goal formula with this step's numbers filled in (commit).
  if (s.gogc >= 0) {
    // heapMarked + (heapMarked + stacks + globals) × GOGC/100, in MiB.
    char m[24], sg[24];
    Tenths(m, sizeof m, s.heap_marked);
    Tenths(sg, sizeof sg, cfg.stacks + cfg.globals);
    std::snprintf(buf, sizeof buf, "%s + (%s + %s) × %" PRId64 "/100", m, m, sg, s.gogc);
    row_text(buf, th.ok, false);
  }
  std::snprintf(buf, sizeof buf, "%s %s%s", T(l, "goal", "目标"), Mib(a, sizeof a, s.goal),
                s.memory_limited ? T(l, "  (memory limit)", "（内存上限）")
                : s.goal == pacer::HeapMinimum(s.gogc) && s.gogc > 0
                    ? T(l, "  (heapMinimum)", "（最小堆）")
                    : "");
  row_text(buf, th.ok, step > 0 && prev.goal != s.goal);
  std::snprintf(buf, sizeof buf, "%s %s", T(l, "trigger", "触发点"), Mib(a, sizeof a, s.trigger));
  row_text(buf, th.accent, step > 0 && prev.trigger != s.trigger);
  if (s.last_assist > 0) {
    std::snprintf(buf, sizeof buf, "%s %s", T(l, "mark assist:", "标记辅助："),
                  Mib(a, sizeof a, s.last_assist));
    row_text(buf, th.danger, true);
  }
  if (s.phase == pacer::Phase::kMark) {
    std::snprintf(buf, sizeof buf, "%s %s", T(l, "scan work left", "剩余扫描工作"),
                  Mib(a, sizeof a, s.scan_remaining));
    row_text(buf, th.warn, true);
    if (s.assist_ratio_1024 > 0) {
      std::snprintf(buf, sizeof buf, "assistWorkPerByte %.2f",
                    double(s.assist_ratio_1024) / 1024.0);
      row_text(buf, th.text_dim, false);
    }
  }
  std::snprintf(buf, sizeof buf, "heapMarked %s", Mib(a, sizeof a, s.heap_marked));
  row_text(buf, th.text_dim, step > 0 && prev_marked != s.heap_marked);
  std::snprintf(buf, sizeof buf, "%s %s", T(l, "reachable", "可达"), Mib(b, sizeof b, s.reachable));
  row_text(buf, th.text_dim, false);
  if (s.trigger_upper < pacer::kMaxHeapBytes) {
    char lo[24], hi[24];
    std::snprintf(buf, sizeof buf, "%s %s – %s MiB", T(l, "bounds", "范围"),
                  Tenths(lo, sizeof lo, s.trigger_lower), Tenths(hi, sizeof hi, s.trigger_upper));
    row_text(buf, th.text_dim, false);
  }
  std::snprintf(buf, sizeof buf, "%s %u", T(l, "cycles", "已完成回收"), s.numgc);
  row_text(buf, th.text_dim, false);
}

// [SECTION] gctrace lines
void PacerView::DrawTrace(const ViewContext& ctx, const Frame& f) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float u = f.u;
  const auto& cycles = m_run->Cycles();
  const float row = u * 1.3f;
  const float top = f.max.y - row * (float(TraceRows(f)) + 1.6f);
  const ImVec2 a(f.min.x + u * 0.4f, top), b(f.max.x - u * 0.4f, f.max.y - u * 0.3f);
  c.RectFilled(a, b, th.panel_bg, u * 0.2f);
  c.Text(ImVec2(a.x + u * 0.4f, a.y + u * 0.15f), u, th.text_dim,
         T(ctx.lang, "GODEBUG=gctrace=1 (simulated)", "GODEBUG=gctrace=1（模拟输出）"));
  // The newest finished cycles, oldest first, as many as fit. A line too wide for the strip
  // breaks after "ms cpu," so the sizes (the part that follows the pacer's rules) stay whole.
  std::size_t end = 0;
  while (end < cycles.size() && cycles[end].end_step <= ctx.step) ++end;
  const float maxw = b.x - a.x - u * 0.8f;
  const float first_y = a.y + row * 1.1f;
  const int rows_fit = std::max(1, int((b.y - first_y) / row));
  std::size_t starts[kMaxTraceRows + 1];
  auto rows_of = [&](const std::string& line) {
    return WrapTrace(c, u, line, maxw, u * 1.5f, starts);
  };
  std::size_t begin = end;
  int rows = 0;
  while (begin > 0 && rows + rows_of(cycles[begin - 1].gctrace) <= rows_fit) {
    rows += rows_of(cycles[begin - 1].gctrace);
    --begin;
  }
  float y = first_y;
  c.PushClip(a, b);
  for (std::size_t i = begin; i < end; ++i) {
    const std::string_view line = cycles[i].gctrace;
    const bool fresh = cycles[i].end_step == ctx.step;
    const ImU32 col = fresh ? th.text : th.text_dim;
    const float x = a.x + u * 0.4f;
    const int n = rows_of(cycles[i].gctrace);
    float right = x;
    const float y0 = y;
    for (int r = 0; r < n; ++r) {
      std::string_view part = line.substr(starts[r], starts[r + 1] - starts[r]);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      const float px = x + (r > 0 ? u * 1.5f : 0);
      c.Text(ImVec2(px, y), u, col, part);
      right = std::max(right, px + c.TextSize(u, part).x);
      y += row;
    }
    if (fresh) {
      MarkChangedRect(c, ImVec2(x - u * 0.2f, y0 - u * 0.1f),
                      ImVec2(std::min(b.x - u * 0.1f, right + u * 0.2f), y - row + u * 1.2f),
                      th.changed, ctx.Line(), ctx.t, u * 0.2f);
      m_trace_marked = true;
    }
    ++m_trace_lines;
  }
  c.PopClip();
}

}  // namespace gs::app
