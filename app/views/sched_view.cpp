// [SECTION] index: run/lanes · state cache · header · P columns · side panel (global queue,
// M pool, sysmon, poller, timers, syscalls, parked) · moving Gs · timeline lanes · sandbox
// (select a G, go / syscall / wake) · G details on hover
#include "app/views/sched_view.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <string>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"
#include "app/views/draw_util.h"
#include "engine/sched/script_ops.h"

namespace gs::app {
namespace {

using sched::EventKind;
using sched::kNone;

const char* T(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
}

// The M's state in the student's language (netpoll and sysmon are the runtime's names).
const char* MStateText(const sched::M& m, Lang l) {
  switch (m.state) {
    case sched::MState::kIdle:
      return T(l, "idle", "空闲");
    case sched::MState::kRunning:
      return T(l, "running", "运行");
    case sched::MState::kSchedule:
      return m.spinning ? T(l, "spinning", "自旋") : T(l, "schedule", "调度");
    case sched::MState::kSyscall:
      return T(l, "syscall", "系统调用");
    case sched::MState::kNetpoll:
      return "netpoll";
    case sched::MState::kSysmon:
      return "sysmon";
  }
  return "";
}

// The longest prefix of `s` (whole UTF-8 characters) that fits in max_w with "..." after it.
std::string_view Shorten(const Canvas& c, float size, std::string_view s, float max_w, bool* cut) {
  *cut = false;
  if (c.TextSize(size, s).x <= max_w) return s;
  *cut = true;
  const float dots = c.TextSize(size, "...").x;
  std::size_t n = s.size();
  while (n > 0) {
    --n;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    if (c.TextSize(size, s.substr(0, n)).x + dots <= max_w) break;
  }
  return s.substr(0, n);
}

// Text at pos, shortened with "..." to max_w; nothing when not even one character fits.
// Returns the width drawn.
float TextFit(Canvas& c, ImVec2 pos, float size, ImU32 col, std::string_view s, float max_w) {
  bool cut = false;
  std::string_view head = Shorten(c, size, s, max_w, &cut);
  if (!cut) {
    c.Text(pos, size, col, s);
    return c.TextSize(size, s).x;
  }
  if (head.empty()) return 0;
  std::string t(head);
  t += "...";
  c.Text(pos, size, col, t);
  return c.TextSize(size, t).x;
}

// The first of `options` that fits in max_w (the last one shortened if none does).
float TextFirstFit(Canvas& c, ImVec2 pos, float size, ImU32 col,
                   std::initializer_list<std::string_view> options, float max_w) {
  for (std::string_view o : options) {
    if (c.TextSize(size, o).x <= max_w) {
      c.Text(pos, size, col, o);
      return c.TextSize(size, o).x;
    }
  }
  return TextFit(c, pos, size, col, *(options.end() - 1), max_w);
}

// The legend's row height (in u) when it cannot sit beside the time.
constexpr float kLegendRow = 1.3f;

// Width of the legend (three swatches and their words) at text size u.
float LegendWidth(const Canvas& c, float u, Lang l) {
  const char* words[3] = {T(l, "changed", "有变化"), T(l, "left this slot", "已离开"),
                          T(l, "moved", "移动")};
  float w = 0;
  for (const char* word : words) w += u * 1.6f + u * 0.4f + c.TextSize(u, word).x + u * 0.9f;
  return w;
}

// The shortest form of the header's time line.
void HeaderBrief(char* buf, std::size_t n, const sched::State& st) {
  std::snprintf(buf, n, "t = %lld µs   GOMAXPROCS = %d", static_cast<long long>(st.now),
                st.gomaxprocs);
}

}  // namespace

// [SECTION] run/lanes
void SchedView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const sched::SchedRun>(run);
  m_state_step = SIZE_MAX;
  m_lanes.clear();
  if (!m_run) return;
  // A re-run of the same file (a recorded action, an edit) keeps the sandbox selection: its
  // goids are the same up to the step acted at. Another file starts with none.
  if (m_run->Meta().file != m_run_file) {
    m_run_file = m_run->Meta().file;
    m_sel_goid = 0;
  }
  // The sandbox's go offers the program's funcs: the one picked last if this run has it
  // (recording re-runs the scenario), else the first that is not main.
  const auto& funcs = m_run->Prog().funcs;
  m_go_func = -1;
  for (std::size_t i = 0; i < funcs.size(); ++i) {
    if (funcs[i].name == m_go_func_name) m_go_func = int(i);
  }
  for (std::size_t i = 0; i < funcs.size() && m_go_func < 0; ++i) {
    if (funcs[i].name != "main") m_go_func = int(i);
  }
  if (m_go_func < 0) m_go_func = 0;
  if (!m_sel_label.empty()) {
    for (std::size_t g = 1; g <= m_run->GoroutineCount(); ++g) {
      if (m_run->Label(std::int32_t(g)) == m_sel_label) m_sel_goid = std::int32_t(g);
    }
    m_sel_label.clear();
  }
  // Per-P segments of the same running G, built once: drawing then walks cached vectors.
  const std::int32_t procs = m_run->MaxProcs();
  m_lanes.assign(std::size_t(procs), {});
  const std::size_t n = m_run->StepCount();
  m_t_end = std::max<std::int64_t>(1, m_run->TimeAt(n - 1));
  for (std::int32_t p = 0; p < procs; ++p) {
    auto& lane = m_lanes[std::size_t(p)];
    std::int32_t cur = kNone;
    for (std::size_t s = 0; s < n; ++s) {
      std::int32_t g = m_run->LaneAt(s, p);
      if (g == cur) continue;
      if (cur != kNone) lane.back().t1 = m_run->TimeAt(s);
      if (g != kNone) lane.push_back({m_run->TimeAt(s), m_run->TimeAt(s), g, std::uint32_t(s)});
      cur = g;
    }
    if (cur != kNone) lane.back().t1 = m_t_end;
  }
}

// [SECTION] state cache
namespace {

// Sleepers and readers already show as timers and on the poller; the other waiting Gs and
// those in a syscall get their own rows, so every G can be clicked somewhere.
void WaitLists(const sched::State& st, std::vector<std::int32_t>* in_syscall,
               std::vector<std::int32_t>* parked) {
  in_syscall->clear();
  parked->clear();
  for (std::size_t i = 0; i < st.gs.size(); ++i) {
    const sched::G& g = st.gs[i];
    if (g.status == sched::GStatus::kSyscall) in_syscall->push_back(g.goid);
    if (g.status != sched::GStatus::kWaiting) continue;
    if (g.wait != sched::WaitReason::kSleep && g.wait != sched::WaitReason::kIOWait) {
      parked->push_back(g.goid);
    }
  }
}

// The G running on P p (kNone: none).
std::int32_t RunningOn(const sched::State& st, std::int32_t p) {
  if (p < 0 || std::size_t(p) >= st.ps.size()) return kNone;
  const sched::P& pp = st.ps[std::size_t(p)];
  if (pp.m == kNone) return kNone;
  const sched::M& mm = st.ms[std::size_t(pp.m)];
  return mm.state == sched::MState::kRunning ? mm.curg : kNone;
}

// A P in _Psyscall still belongs to the G in the call (m.oldp), until retake.
std::int32_t InCallOn(const sched::State& st, std::int32_t p) {
  if (p < 0 || std::size_t(p) >= st.ps.size()) return kNone;
  if (st.ps[std::size_t(p)].status != sched::PStatus::kSyscall) return kNone;
  for (const sched::M& mm : st.ms) {
    if (mm.state == sched::MState::kSyscall && mm.oldp == p) return mm.curg;
  }
  return kNone;
}

ImVec2 Centre(ImVec2 a, ImVec2 b) {
  return ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
}

}  // namespace

void SchedView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  m_state = m_run->GetTimeline().StateAt(step);
  m_state_step = step;
  WaitLists(m_state, &m_in_syscall, &m_parked);
  m_has_prev = step > 0;
  if (m_has_prev) {
    m_prev = m_run->GetTimeline().StateAt(step - 1);
    WaitLists(m_prev, &m_prev_in_syscall, &m_prev_parked);
  } else {
    m_prev_in_syscall.clear();
    m_prev_parked.clear();
  }
  m_in_cur.assign(m_run->GoroutineCount() + 2, 0);
}

template <class Prev, class Cur>
void SchedView::BuildItems(std::size_t n_prev, Prev prev, std::size_t n_cur, Cur cur) {
  m_items.clear();
  const std::size_t lim = m_in_cur.size();
  auto ok = [lim](std::int32_t g) { return g > 0 && std::size_t(g) < lim; };
  // Bit 0: in the current list; bit 1: in the previous one.
  for (std::size_t i = 0; i < n_cur; ++i) {
    if (ok(cur(i))) m_in_cur[std::size_t(cur(i))] |= 1;
  }
  if (m_has_prev) {
    for (std::size_t i = 0; i < n_prev; ++i) {
      const std::int32_t g = prev(i);
      if (!ok(g) || (m_in_cur[std::size_t(g)] & 3) != 0) continue;
      m_items.push_back({g, Mark::kGhost});
      m_in_cur[std::size_t(g)] |= 2;
    }
    for (std::size_t i = 0; i < n_prev; ++i) {
      if (ok(prev(i))) m_in_cur[std::size_t(prev(i))] |= 2;
    }
  }
  for (std::size_t i = 0; i < n_cur; ++i) {
    const std::int32_t g = cur(i);
    const bool added = m_has_prev && ok(g) && (m_in_cur[std::size_t(g)] & 2) == 0;
    m_items.push_back({g, added ? Mark::kChanged : Mark::kNone});
  }
  for (std::size_t i = 0; i < n_cur; ++i) {
    if (ok(cur(i))) m_in_cur[std::size_t(cur(i))] = 0;
  }
  for (std::size_t i = 0; i < n_prev && m_has_prev; ++i) {
    if (ok(prev(i))) m_in_cur[std::size_t(prev(i))] = 0;
  }
}

bool SchedView::SetOption(std::string_view key, std::string_view value) {
  if (key != "select") return false;
  m_sel_label = std::string(value);
  if (m_run) SetRun(m_run);
  return true;
}

// Red means an error only: the Gs' colours are the others, and every bar and chip also
// carries the G's name.
ImU32 SchedView::GColor(const Theme& th, std::int32_t goid) const {
  const ImU32 palette[] = {th.accent, th.ok, th.warn, th.edge};
  return WithAlpha(palette[std::size_t(goid) % 4], 0.85f);
}

ImVec2 SchedView::GChip(const ViewContext& ctx, ImVec2 pos, std::int32_t goid, ImU32 bg, ImU32 fg,
                        float size, Mark mark, float max_w) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const std::string& full = m_run->Label(goid);
  const float pad = size * 0.35f;
  bool cut = false;
  const std::string_view head = Shorten(c, size, full, max_w - pad * 2, &cut);
  std::string shortened;
  if (cut) {
    shortened.assign(head);
    shortened += "...";
  }
  const std::string_view text = cut ? std::string_view(shortened) : std::string_view(full);
  const ImVec2 sz = PillSize(c, text, size);
  const ImVec2 end(pos.x + sz.x, pos.y + sz.y);
  if (mark == Mark::kGhost) {
    // Taken from this slot by the step: faded, dashed, not clickable.
    const float a = GhostAlpha(ctx.t);
    c.RectFilled(pos, end, WithAlpha(th.ghost, a * 0.45f), sz.y * 0.5f);
    DashedRect(c, pos, end, WithAlpha(th.ghost, std::min(1.0f, a + 0.35f)), ctx.Line() * 0.75f,
               size * 0.35f);
    c.Text(ImVec2(pos.x + pad, pos.y + pad * 0.4f), size, WithAlpha(th.text, a + 0.1f), text);
    m_ghosts.push_back({pos, end, goid});
    return sz;
  }
  Pill(c, pos, bg, fg, text, size);
  m_hits.push_back({pos, end, goid});
  if (mark == Mark::kChanged) {
    MarkChangedRect(c, pos, end, th.changed, ctx.Line() * 0.75f, ctx.t, sz.y * 0.5f);
    m_changed.push_back(goid);
  }
  if (ctx.sandbox && goid == m_sel_goid) {
    // The sandbox selection: a ring in the text color, visible on every chip color.
    const float gap = 2.5f * ctx.scale;
    c.Rect(ImVec2(pos.x - gap, pos.y - gap), ImVec2(end.x + gap, end.y + gap), th.text,
           sz.y * 0.5f + gap, 2.5f * ctx.scale);
  }
  return sz;
}

void SchedView::Flow(const ViewContext& ctx, const Layout& lay, float x0, float x1, float* y,
                     float y_max, const std::vector<Item>& items, ImU32 bg, ImU32 fg) {
  Canvas& c = *ctx.canvas;
  const float u = lay.u;
  const float gap = u * 0.5f;
  const float row = u * 1.7f;  // a chip and the room its change mark needs
  const float chip_h = PillSize(c, "G", u).y;
  const std::size_t n = items.size();
  if (n == 0 || *y + chip_h > y_max || x1 - x0 < u * 2.0f) return;
  const float max_w = x1 - x0;
  const int rows = 1 + int((y_max - *y - chip_h) / row);
  auto width = [&](std::size_t i) {
    return std::min(max_w, PillSize(c, m_run->Label(items[i].goid), u).x);
  };
  char more[24];
  // Whether the first k items (then "+N" and the last item, when folded) fit in `rows`.
  auto fits = [&](std::size_t k, bool fold) {
    float x = x0;
    int r = 0;
    auto place = [&](float w) {
      if (x > x0 && x + w > x1) {
        x = x0;
        ++r;
      }
      x += w + gap;
      return r < rows;
    };
    for (std::size_t i = 0; i < k; ++i) {
      if (!place(width(i))) return false;
    }
    if (!fold) return true;
    std::snprintf(more, sizeof more, "+%zu", n - k - 1);
    return place(PillSize(c, more, u).x) && place(width(n - 1));
  };
  std::size_t k = n;
  bool fold = false;
  if (!fits(n, false)) {
    fold = true;
    k = 0;
    while (k + 2 < n && fits(k + 1, true)) ++k;
    if (!fits(k, true)) return;  // not even "+N" and one chip: the heading's count says it
  }
  float x = x0, yy = *y;
  auto next = [&](float w) {
    if (x > x0 && x + w > x1) {
      x = x0;
      yy += row;
    }
  };
  for (std::size_t i = 0; i < k; ++i) {
    next(width(i));
    x += GChip(ctx, ImVec2(x, yy), items[i].goid, bg, fg, u, items[i].mark, max_w).x + gap;
  }
  if (fold) {
    std::snprintf(more, sizeof more, "+%zu", n - k - 1);
    next(PillSize(c, more, u).x);
    x += Pill(c, ImVec2(x, yy), ctx.theme.grid, ctx.theme.text, more, u).x + gap;
    next(width(n - 1));
    GChip(ctx, ImVec2(x, yy), items[n - 1].goid, bg, fg, u, items[n - 1].mark, max_w);
  }
  *y = yy + row;
}

// [SECTION] header: time, GOMAXPROCS and what the marks mean
void SchedView::DrawHeader(const ViewContext& ctx, const Layout& lay) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = lay.u;
  const float x0 = ctx.origin.x + u * 0.5f, x1 = ctx.origin.x + ctx.size.x - u * 0.5f;
  const float y = ctx.origin.y + u * 0.3f;
  // The legend on the right when there is room for it next to the time, else on a row of its
  // own when Draw left one (a narrow picture: one P at a large text size).
  const char* words[3] = {T(l, "changed", "有变化"), T(l, "left this slot", "已离开"),
                          T(l, "moved", "移动")};
  const float sw = u * 1.6f, sg = u * 0.4f, ig = u * 0.9f;
  const float legend_w = LegendWidth(c, u, l);
  char full[160], mid[120], brief[80];
  const long long now = static_cast<long long>(m_state.now);
  std::snprintf(full, sizeof full, "t = %lld µs (%.3f ms)   GOMAXPROCS = %d   nmspinning = %d", now,
                double(m_state.now) / 1000.0, m_state.gomaxprocs, m_state.nmspinning);
  std::snprintf(mid, sizeof mid, "t = %lld µs   GOMAXPROCS = %d   nmspinning = %d", now,
                m_state.gomaxprocs, m_state.nmspinning);
  HeaderBrief(brief, sizeof brief, m_state);
  const bool beside = c.TextSize(lay.title, brief).x + u + legend_w <= x1 - x0;
  const bool below =
      !beside && legend_w - ig <= x1 - x0 && lay.cols_min.y - (y + lay.title) >= u * kLegendRow;
  const float room = x1 - x0 - (beside ? legend_w + u : 0.0f);
  TextFirstFit(c, ImVec2(x0, y), lay.title, th.text, {full, mid, brief}, room);
  if (!beside && !below) return;
  float x = beside ? x1 - legend_w + ig : x0;
  const float cy = beside ? y + lay.title * 0.5f : y + lay.title + u * kLegendRow * 0.5f;
  const float h = u * 0.9f;
  for (int i = 0; i < 3; ++i) {
    const ImVec2 a(x, cy - h * 0.5f), b(x + sw, cy + h * 0.5f);
    if (i == 0) {
      c.Rect(a, b, th.changed, h * 0.5f, lay.line);
    } else if (i == 1) {
      c.RectFilled(a, b, WithAlpha(th.ghost, 0.25f), h * 0.5f);
      DashedRect(c, a, b, th.ghost, lay.line * 0.75f, u * 0.3f);
    } else {
      Arrow(c, ImVec2(a.x, cy), ImVec2(b.x, cy), th.move, lay.line, u * 0.45f);
    }
    x += sw + sg;
    c.Text(ImVec2(x, cy - u * 0.5f), u, th.text_dim, words[i]);
    x += c.TextSize(u, words[i]).x + ig;
  }
}

// [SECTION] P columns
void SchedView::DrawPs(const ViewContext& ctx, const Layout& lay) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = lay.u;
  char buf[96];
  m_spots.assign(std::size_t(std::max(0, m_state.gomaxprocs)), {});
  for (std::int32_t p = 0; p < m_state.gomaxprocs; ++p) {
    const sched::P& pp = m_state.ps[std::size_t(p)];
    const bool had = m_has_prev && p < m_prev.gomaxprocs;
    const sched::P* prev = had ? &m_prev.ps[std::size_t(p)] : nullptr;
    PSpots& spot = m_spots[std::size_t(p)];
    const float x0 = lay.cols_min.x + lay.col_w * float(p) + u * 0.2f;
    const float x1 = x0 + lay.col_w - u * 0.4f;
    const float y0 = lay.cols_min.y;
    const float y1 = lay.cols_max.y;
    const float xi = x0 + u * 0.5f, xr = x1 - u * 0.5f, inner = xr - xi;
    c.RectFilled(ImVec2(x0, y0), ImVec2(x1, y1), th.panel_bg, u * 0.3f);
    c.Rect(ImVec2(x0, y0), ImVec2(x1, y1),
           pp.status == sched::PStatus::kRunning ? th.accent : th.panel_border, u * 0.3f, lay.line);
    if (m_has_prev && !had)
      MarkChangedRect(c, ImVec2(x0, y0), ImVec2(x1, y1), th.changed, lay.line, ctx.t, u * 0.3f);
    float y = y0 + u * 0.35f;
    // P0 and its status.
    std::snprintf(buf, sizeof buf, "P%d", p);
    const float pw = c.TextSize(lay.title, buf).x;
    c.Text(ImVec2(xi, y), lay.title, th.text, buf);
    const std::string_view st = sched::PStatusName(pp.status);
    const float sx = xi + pw + u * 0.5f;
    const float sy = y + (lay.title - u) * 0.5f;
    const float stw = TextFit(c, ImVec2(sx, sy), u, th.text_dim, st, xr - sx);
    if (prev && prev->status != pp.status && stw > 0) {
      MarkChangedRect(c, ImVec2(sx, sy), ImVec2(sx + stw, sy + u), th.changed, lay.line * 0.75f,
                      ctx.t, u * 0.2f);
    }
    y += lay.title * 1.4f;
    // Its M, then on the same row (when it fits) the G it runs, or the one in the syscall
    // that still owns the P, and a ghost of the one that ran here a step before.
    const std::int32_t prev_m = prev ? prev->m : kNone;
    const float ty = y + u * 0.12f;  // text aligned with the chips of the row
    float x = xi;
    if (pp.m != kNone) {
      const sched::M& mm = m_state.ms[std::size_t(pp.m)];
      if (mm.state == sched::MState::kSchedule) {
        std::snprintf(buf, sizeof buf, "M%d %s", pp.m, MStateText(mm, l));
      } else {
        std::snprintf(buf, sizeof buf, "M%d", pp.m);
      }
      const float w = TextFit(c, ImVec2(xi, ty), u, th.text_dim, buf, inner);
      if (prev && prev_m != pp.m && w > 0) {
        MarkChangedRect(c, ImVec2(xi, ty), ImVec2(xi + w, ty + u), th.changed, lay.line * 0.75f,
                        ctx.t, u * 0.2f);
      }
      x = xi + w + u * 0.6f;
    } else if (pp.status == sched::PStatus::kSyscall) {
      TextFit(c, ImVec2(xi, ty), u, th.warn, T(l, "its M is in a syscall", "其 M 在系统调用中"),
              inner);
      x = xr;  // the G in the call goes on the next row
    }
    const std::int32_t g = RunningOn(m_state, p);
    const std::int32_t in_call = InCallOn(m_state, p);
    const std::int32_t cur = g != kNone ? g : in_call;
    std::int32_t was = kNone;
    if (prev) was = RunningOn(m_prev, p) != kNone ? RunningOn(m_prev, p) : InCallOn(m_prev, p);
    const Mark mk = prev && was != cur ? Mark::kChanged : Mark::kNone;
    const char* idle_text = T(l, "(no G running)", "（无 G 运行）");
    const float need =
        cur != kNone ? PillSize(c, m_run->Label(cur), u).x : c.TextSize(u, idle_text).x;
    if (x > xi && x + need > xr) {
      x = xi;
      y += u * 1.7f;
    }
    spot.run_min = ImVec2(x, y);
    if (g != kNone) {
      const ImVec2 sz = GChip(ctx, ImVec2(x, y), g, th.accent, th.canvas_bg, u, mk, xr - x);
      spot.run_max = ImVec2(x + sz.x, y + sz.y);
      x += sz.x + u * 0.5f;
    } else if (in_call != kNone) {
      const ImVec2 sz = GChip(ctx, ImVec2(x, y), in_call, th.warn, th.canvas_bg, u, mk, xr - x);
      spot.run_max = ImVec2(x + sz.x, y + sz.y);
      x += sz.x + u * 0.4f;
      x += TextFit(c, ImVec2(x, y + u * 0.12f), u, th.warn, "syscall", xr - x) + u * 0.5f;
    } else if (pp.m == kNone || m_state.ms[std::size_t(pp.m)].state != sched::MState::kSchedule) {
      const float w = TextFit(c, ImVec2(x, y + u * 0.12f), u, th.text_dim, idle_text, xr - x);
      spot.run_max = ImVec2(x + std::max(w, u), y + u * 1.3f);
      x += w + u * 0.5f;
    } else {
      spot.run_max = ImVec2(x + u, y + u * 1.3f);  // a spinning M: its words say it
    }
    if (was != kNone && was != cur && x + PillSize(c, m_run->Label(was), u).x <= xr) {
      GChip(ctx, ImVec2(x, y), was, 0, 0, u, Mark::kGhost, xr - x);
    }
    y += u * 1.8f;
    // A column too short for the rest (a small window with the sandbox open) stops here.
    spot.next_min = spot.next_max = spot.runq_min = spot.runq_max = spot.run_max;
    if (y + u * 1.4f > y1) continue;
    // runnext: the label, then its one slot.
    const float rw = c.TextSize(u, "runnext").x;
    const bool same_row = rw + u * 0.5f + u * 3.0f <= inner;
    c.Text(ImVec2(xi, y + u * 0.12f), u, th.text_dim, "runnext");
    if (!same_row) y += u * 1.4f;
    x = same_row ? xi + rw + u * 0.5f : xi;
    spot.next_min = ImVec2(x, y);
    const std::int32_t was_next = prev ? prev->runnext : kNone;
    if (pp.runnext != kNone) {
      const Mark nm = prev && was_next != pp.runnext ? Mark::kChanged : Mark::kNone;
      const ImVec2 sz = GChip(ctx, ImVec2(x, y), pp.runnext, th.ok, th.canvas_bg, u, nm, xr - x);
      spot.next_max = ImVec2(x + sz.x, y + sz.y);
      x += sz.x + u * 0.5f;
    } else {
      const float h = PillSize(c, "G", u).y;
      DashedRect(c, ImVec2(x, y), ImVec2(x + u * 2.2f, y + h), th.grid, lay.line * 0.75f, u * 0.3f);
      spot.next_max = ImVec2(x + u * 2.2f, y + h);
      x += u * 2.7f;
    }
    if (was_next != kNone && was_next != pp.runnext &&
        x + PillSize(c, m_run->Label(was_next), u).x <= xr) {
      GChip(ctx, ImVec2(x, y), was_next, 0, 0, u, Mark::kGhost, xr - x);
    }
    y += u * 1.8f;
    if (y + u * 1.3f > y1) continue;
    // The local runq: its fill, then the entries (folded when long), schedtick at the bottom.
    const std::uint32_t size = pp.RunqSize();
    const float cap = float(std::max<std::size_t>(1, pp.runq.size()));
    std::snprintf(buf, sizeof buf, "runq %u/%u", size, unsigned(pp.runq.size()));
    const float runq_row = y;
    const float qw = TextFit(c, ImVec2(xi, y), u, th.text_dim, buf, inner);
    // The fill bar: beside the count when it has room, else under it.
    float bx = xi + qw + u * 0.5f, by = y + u * 0.35f;
    if (xr - bx < u * 3.0f) {
      bx = xi;
      by = y + u * 1.3f;
      y += u * 0.7f;
    }
    c.Rect(ImVec2(bx, by), ImVec2(xr, by + u * 0.4f), th.grid, 0, lay.line * 0.5f);
    c.RectFilled(ImVec2(bx, by), ImVec2(bx + (xr - bx) * float(size) / cap, by + u * 0.4f),
                 size == pp.runq.size() ? th.warn : th.edge, 0);
    y += u * 1.5f;
    const float tick_y = y1 - u * 1.5f;
    spot.runq_min = ImVec2(xi, y);
    if (prev) {
      BuildItems(
          prev->RunqSize(), [prev](std::size_t i) { return prev->RunqAt(std::uint32_t(i)); }, size,
          [&pp](std::size_t i) { return pp.RunqAt(std::uint32_t(i)); });
    } else {
      BuildItems(
          0, [](std::size_t) { return kNone; }, size,
          [&pp](std::size_t i) { return pp.RunqAt(std::uint32_t(i)); });
    }
    float qy = y;
    Flow(ctx, lay, xi, xr, &qy, tick_y - u * 0.2f, m_items, th.panel_border, th.text);
    if (qy == y) {  // no room for the entries: the count row stands for the queue
      spot.runq_min = ImVec2(xi, runq_row);
      spot.runq_max = ImVec2(xr, runq_row + u);
    } else {
      spot.runq_max = ImVec2(xr, std::min(qy, tick_y));
    }
    if (tick_y >= y) {
      char brief[48];
      std::snprintf(buf, sizeof buf, "schedtick %u  syscalltick %u", pp.schedtick, pp.syscalltick);
      std::snprintf(brief, sizeof brief, "tick %u/%u", pp.schedtick, pp.syscalltick);
      TextFirstFit(c, ImVec2(xi, tick_y), u, th.text, {buf, brief}, inner);
    }
  }
}

// [SECTION] side panel
void SchedView::DrawSide(const ViewContext& ctx, const Layout& lay) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = lay.u;
  char buf[160];
  c.RectFilled(lay.side_min, lay.side_max, th.panel_bg, u * 0.3f);
  c.Rect(lay.side_min, lay.side_max, th.panel_border, u * 0.3f, lay.line * 0.5f);
  const float xi = lay.side_min.x + u * 0.5f, xr = lay.side_max.x - u * 0.5f;
  const float y_end = lay.side_max.y - u * 0.3f;
  const float row = u * 1.7f;
  float y = lay.side_min.y + u * 0.35f;
  // A heading row; false when the panel has no room left for it and one row of chips.
  auto heading = [&](const char* text, bool need_chips) {
    if (y + u * 1.3f + (need_chips ? u * 1.3f : 0.0f) > y_end) return false;
    TextFit(c, ImVec2(xi, y), u, th.text, text, xr - xi);
    y += u * 1.4f;
    return true;
  };
  // The global run queue: up to three rows.
  std::snprintf(buf, sizeof buf, "%s (%zu)", T(l, "global runq", "全局运行队列"),
                m_state.runq.size());
  m_global_min = ImVec2(lay.side_min.x + u * 0.2f, y);
  if (heading(buf, false)) {
    BuildItems(
        m_prev.runq.size(), [this](std::size_t i) { return m_prev.runq[i]; }, m_state.runq.size(),
        [this](std::size_t i) { return m_state.runq[i]; });
    Flow(ctx, lay, xi, xr, &y, std::min(y_end, y + row * 3.0f), m_items, th.panel_border, th.text);
  }
  m_global_max = ImVec2(lay.side_max.x - u * 0.2f, std::max(y, m_global_min.y + u * 1.3f));
  // The poller and timers.
  std::snprintf(
      buf, sizeof buf, "%s (%zu)%s", T(l, "netpoller", "网络轮询器"), m_state.poller.size(),
      m_state.netpoll_m != kNone ? T(l, " · an M blocks in netpoll", " · 有 M 阻塞在 netpoll")
                                 : "");
  if ((!m_state.poller.empty() || (m_has_prev && !m_prev.poller.empty()) ||
       m_state.netpoll_m != kNone) &&
      heading(buf, false)) {
    BuildItems(
        m_prev.poller.size(), [this](std::size_t i) { return m_prev.poller[i].g; },
        m_state.poller.size(), [this](std::size_t i) { return m_state.poller[i].g; });
    Flow(ctx, lay, xi, xr, &y, std::min(y_end, y + row * 2.0f), m_items, th.ok, th.canvas_bg);
  }
  std::snprintf(buf, sizeof buf, "%s (%zu)", T(l, "timers", "定时器"), m_state.timers.size());
  if ((!m_state.timers.empty() || (m_has_prev && !m_prev.timers.empty())) && heading(buf, false)) {
    BuildItems(
        m_prev.timers.size(), [this](std::size_t i) { return m_prev.timers[i].g; },
        m_state.timers.size(), [this](std::size_t i) { return m_state.timers[i].g; });
    Flow(ctx, lay, xi, xr, &y, std::min(y_end, y + row * 2.0f), m_items, th.edge, th.canvas_bg);
  }
  // Gs in a system call, and Gs parked on channels, in Wait or for runtime reasons.
  std::snprintf(buf, sizeof buf, "%s (%zu)", Tr(Str::kSchedSbInSyscall, l), m_in_syscall.size());
  if ((!m_in_syscall.empty() || !m_prev_in_syscall.empty()) && heading(buf, false)) {
    BuildItems(
        m_prev_in_syscall.size(), [this](std::size_t i) { return m_prev_in_syscall[i]; },
        m_in_syscall.size(), [this](std::size_t i) { return m_in_syscall[i]; });
    Flow(ctx, lay, xi, xr, &y, std::min(y_end, y + row * 2.0f), m_items, th.warn, th.canvas_bg);
  }
  std::snprintf(buf, sizeof buf, "%s (%zu)", Tr(Str::kSchedSbParked, l), m_parked.size());
  if ((!m_parked.empty() || !m_prev_parked.empty()) && heading(buf, false)) {
    BuildItems(
        m_prev_parked.size(), [this](std::size_t i) { return m_prev_parked[i]; }, m_parked.size(),
        [this](std::size_t i) { return m_parked[i]; });
    Flow(ctx, lay, xi, xr, &y, y_end, m_items, th.panel_border, th.text);
  }
  // The Ms and sysmon, last: the Gs come first when the panel is short.
  std::snprintf(buf, sizeof buf, "%s (%zu)", T(l, "Ms", "M 线程"), m_state.ms.size());
  if (heading(buf, true)) {
    float x = xi;
    const float rows_end = std::min(y_end, y + row * 3.0f);
    const float chip_h = PillSize(c, "M", u).y;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < m_state.ms.size(); ++i) {
      const sched::M& m = m_state.ms[i];
      ImU32 bg = th.panel_border, fg = th.text;
      switch (m.state) {
        case sched::MState::kRunning:
          bg = th.accent;
          fg = th.canvas_bg;
          break;
        case sched::MState::kSchedule:
          bg = m.spinning ? th.warn : th.edge;
          fg = th.canvas_bg;
          break;
        case sched::MState::kSyscall:
          bg = th.warn;
          fg = th.canvas_bg;
          break;
        case sched::MState::kNetpoll:
          bg = th.ok;
          fg = th.canvas_bg;
          break;
        case sched::MState::kSysmon:
        case sched::MState::kIdle:
          break;
      }
      if (m.p != kNone) {
        std::snprintf(buf, sizeof buf, "M%zu %s P%d", i, MStateText(m, l), m.p);
      } else {
        std::snprintf(buf, sizeof buf, "M%zu %s", i, MStateText(m, l));
      }
      const float full_w = PillSize(c, buf, u).x;
      if (full_w > xr - xi) continue;  // an M chip wider than the panel: the count says it
      if (x > xi && x + full_w > xr) {
        x = xi;
        y += row;
      }
      if (y + chip_h > rows_end) break;
      // Compared as whole pill widths: shortening to the pill's own width minus its padding
      // could drop a chip that fits by a rounding error.
      const ImVec2 sz = Pill(c, ImVec2(x, y), bg, fg, buf, u);
      const bool changed =
          m_has_prev && (i >= m_prev.ms.size() || m_prev.ms[i].state != m.state ||
                         m_prev.ms[i].p != m.p || m_prev.ms[i].spinning != m.spinning);
      if (changed) {
        MarkChangedRect(c, ImVec2(x, y), ImVec2(x + sz.x, y + sz.y), th.changed, ctx.Line() * 0.75f,
                        ctx.t, sz.y * 0.5f);
      }
      x += sz.x + u * 0.5f;
      ++shown;
    }
    (void)shown;
    y += row;
  }
  // sysmon.
  if (y + u * 1.3f <= y_end) {
    std::snprintf(buf, sizeof buf,
                  T(l, "sysmon: next round at %lld µs (sleeps %lld µs)",
                    "sysmon：下一轮 %lld µs（睡眠 %lld µs）"),
                  static_cast<long long>(m_state.sysmon.next),
                  static_cast<long long>(m_state.sysmon.delay));
    char brief[64];
    std::snprintf(brief, sizeof brief, T(l, "sysmon: next %lld µs", "sysmon：下一轮 %lld µs"),
                  static_cast<long long>(m_state.sysmon.next));
    TextFirstFit(c, ImVec2(xi, y), u, th.text_dim, {buf, brief}, xr - xi);
    y += u * 1.5f;
  }
}

// [SECTION] moves: arrows from where a G was to where the step put it
void SchedView::DrawMoves(const ViewContext& ctx, const Layout& lay) {
  if (!m_has_prev) return;
  Canvas& c = *ctx.canvas;
  const float u = lay.u;
  auto spot = [this](std::int32_t p) -> const PSpots* {
    return p >= 0 && std::size_t(p) < m_spots.size() ? &m_spots[std::size_t(p)] : nullptr;
  };
  auto arrow = [&](ImVec2 a0, ImVec2 a1, ImVec2 b0, ImVec2 b1) {
    const ImVec2 ca = Centre(a0, a1), cb = Centre(b0, b1);
    const ImVec2 from = RectEdge(a0, a1, cb), to = RectEdge(b0, b1, ca);
    MoveArrow(c, from, to, ctx.theme.move, lay.line * 1.25f, u * 0.6f, ctx.t);
    ++m_arrows;
  };
  ImVec2 a, b;
  for (const sched::Event& e : m_run->GetTimeline().Events(ctx.step)) {
    const PSpots* sp = spot(e.p);
    switch (e.kind) {
      case EventKind::kRunqputSlow:  // runqputslow: half the local runq and gp to the global
        if (sp) arrow(sp->runq_min, sp->runq_max, m_global_min, m_global_max);
        break;
      case EventKind::kSteal:  // runqsteal: half of p2's runq to the thief p
        if (sp && spot(e.p2)) {
          const PSpots* from = spot(e.p2);
          const bool runs = RunningOn(m_state, e.p) == e.g;
          arrow(from->runq_min, from->runq_max, runs ? sp->run_min : sp->runq_min,
                runs ? sp->run_max : sp->runq_max);
        }
        break;
      case EventKind::kRunnextKick:  // runqput: the old runnext goes to the tail of the runq
        if (sp) arrow(sp->next_min, sp->next_max, sp->runq_min, sp->runq_max);
        break;
      case EventKind::kReady:  // ready: the woken G goes to runnext
        if (!sp) break;
        if (GhostRect(e.g, &a, &b) || ChipRect(e.g2, &a, &b)) {
          arrow(a, b, sp->next_min, sp->next_max);
        }
        break;
      case EventKind::kGlobrunqget:  // globrunqget: the P takes Gs from the global queue
        if (sp) arrow(m_global_min, m_global_max, sp->run_min, sp->run_max);
        break;
      case EventKind::kGosched:
      case EventKind::kPreempt:
        if (sp) arrow(sp->run_min, sp->run_max, m_global_min, m_global_max);
        break;
      case EventKind::kExitSyscall:
        if (e.n == 2 && GhostRect(e.g, &a, &b)) arrow(a, b, m_global_min, m_global_max);
        break;
      default:
        break;
    }
  }
}

// [SECTION] timeline lanes
void SchedView::DrawLanes(const ViewContext& ctx, const Layout& lay) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float u = lay.u;
  const std::int32_t procs = std::int32_t(m_lanes.size());
  if (procs == 0) return;
  char buf[32];
  std::snprintf(buf, sizeof buf, "P%d", procs - 1);
  const float label_w = c.TextSize(u, buf).x + u * 0.6f;
  const float x0 = lay.lanes_min.x + label_w, x1 = lay.lanes_max.x - u * 0.5f;
  const float top = lay.lanes_min.y + u * 1.4f;
  const float lane_h = std::min(u * 1.5f, (lay.lanes_max.y - top) / float(procs));
  TextFit(c, lay.lanes_min, u, th.text_dim,
          T(ctx.lang, "which G ran on each P (time →)", "每个 P 上运行的 G（时间 →）"),
          lay.lanes_max.x - lay.lanes_min.x);
  auto tx = [&](std::int64_t t) { return x0 + (x1 - x0) * float(double(t) / double(m_t_end)); };
  const bool labels = lane_h >= u * 1.1f;
  for (std::int32_t p = 0; p < procs; ++p) {
    const float y = top + lane_h * float(p);
    std::snprintf(buf, sizeof buf, "P%d", p);
    if (labels) c.Text(ImVec2(lay.lanes_min.x, y + (lane_h - u) * 0.5f), u, th.text_dim, buf);
    c.Line(ImVec2(x0, y + lane_h - 1), ImVec2(x1, y + lane_h - 1), th.grid, 1.0f);
    const auto& lane = m_lanes[std::size_t(p)];
    // Stop at the scrubber; a segment narrower than a pixel after the last one is folded.
    float last_x = -1e9f;
    for (const Segment& s : lane) {
      if (s.step0 > ctx.step) break;
      const float a = tx(s.t0);
      const float b =
          std::max(a + 1.5f, tx(s.step0 <= ctx.step && s.t1 > m_state.now ? m_state.now : s.t1));
      if (b < last_x + 1.0f) continue;
      c.RectFilled(ImVec2(a, y + 2), ImVec2(b, y + lane_h - 3), GColor(th, s.goid), 0);
      if (ctx.sandbox && s.goid == m_sel_goid) {
        c.Rect(ImVec2(a, y + 1), ImVec2(b, y + lane_h - 2), th.text, 0, 2.0f * ctx.scale);
      }
      const std::string& name = m_run->Label(s.goid);
      if (labels && b - a > c.TextSize(u, name).x + u * 0.4f) {
        c.Text(ImVec2(a + u * 0.2f, y + (lane_h - u) * 0.5f - 1), u, th.canvas_bg, name);
      }
      m_hits.push_back({ImVec2(a, y), ImVec2(b, y + lane_h), s.goid});
      last_x = b;
    }
  }
  const float sx = tx(m_state.now);
  c.Line(ImVec2(sx, top - 4), ImVec2(sx, top + lane_h * float(procs)), th.accent, lay.line);
}

// [SECTION] sandbox: the selected G and what can be done to it here (each action is a
// script op at this step, followed by a run so the program goes on from it)
namespace {

// The sandbox strip's height for its width: a title row, a row of controls, the help under
// them (each in half the width) and the note about branching.
float SandboxHeight(const Canvas& c, float fs, float width, Lang l) {
  const float inner = width - fs * 1.2f;
  const float half = (inner - fs * 1.5f) * 0.5f;
  auto h = [&](Str s, float w) { return c.TextSize(fs, Tr(s, l), w).y; };
  const float help = std::max(h(Str::kSchedSbGoHelp, half), h(Str::kSchedSbSyscallHelp, half));
  return fs * 0.4f + fs * 1.5f + ImGui::GetFrameHeight() + fs * 0.35f + help + fs * 0.45f +
         h(Str::kSchedSbBranchNote, inner) + fs * 0.4f;
}

Str WakeText(sched::WakePath how) {
  switch (how) {
    case sched::WakePath::kTimer:
      return Str::kSchedSbWakeTimer;
    case sched::WakePath::kSyscall:
      return Str::kSchedSbWakeSyscall;
    case sched::WakePath::kFd:
      return Str::kSchedSbWakeFd;
    case sched::WakePath::kFdReady:
      return Str::kSchedSbWakeFdReady;
    case sched::WakePath::kChannel:
      return Str::kSchedSbWakeChannel;
    case sched::WakePath::kWaitGroup:
      return Str::kSchedSbWakeWaitGroup;
    default:
      return Str::kSchedSbWakeUnmodelled;
  }
}

}  // namespace

void SchedView::DrawSandbox(const ViewContext& ctx, const Layout& lay) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float fs = lay.u;
  const float small = lay.u;
  const float pad = fs * 0.6f;
  c.RectFilled(lay.sb_min, lay.sb_max, th.panel_bg, fs * 0.3f);
  c.Rect(lay.sb_min, lay.sb_max, th.warn, fs * 0.3f, lay.line);
  const float x0 = lay.sb_min.x + pad, x1 = lay.sb_max.x - pad;
  // Wrapped text; returns its height.
  auto text = [&](float x, float y, float right, ImU32 col, float size, const char* t) {
    c.Text(ImVec2(x, y), size, col, t, right - x);
    return c.TextSize(size, t, right - x).y;
  };
  // Title row: "Record at this step   w3  _Grunning · P1".
  float y = lay.sb_min.y + fs * 0.4f;
  const char* title = Tr(Str::kSandboxActions, l);
  text(x0, y, x1, th.warn, fs, title);
  float tx = x0 + c.TextSize(fs, title).x + fs * 1.2f;
  // The note about branching sits at the bottom.
  const float note_y =
      lay.sb_max.y - fs * 0.4f - c.TextSize(small, Tr(Str::kSchedSbBranchNote, l), x1 - x0).y;
  text(x0, note_y, x1, th.text_dim, small, Tr(Str::kSchedSbBranchNote, l));
  const float row_y = y + fs * 1.5f;
  auto record = [&ctx](Json op) {
    ctx.requests.record_ops.push_back(Json::array({std::move(op), Json{{"op", "run"}}}));
  };
  const std::int32_t g = m_sel_goid;
  if (m_state.ended || g <= 0 || std::size_t(g) > m_state.gs.size()) {
    const Str why = m_state.ended ? Str::kSchedSbEnded
                    : g <= 0      ? Str::kSchedSbHint
                                  : Str::kSchedSbNotYet;
    if (g > 0 && !m_state.ended) {
      text(tx, y, x1, th.text, fs, m_run->Label(g).c_str());
    }
    text(x0, row_y, x1, th.text_dim, fs, Tr(why, l));
    return;
  }
  const sched::G& gg = m_state.Gor(g);
  const std::string& label = m_run->Label(g);
  char where[96];
  const std::string_view st = sched::GStatusName(gg.status);
  const std::string_view why = sched::WaitReasonName(gg.wait);
  const std::int32_t on_p = gg.status == sched::GStatus::kRunning && gg.m != kNone
                                ? m_state.ms[std::size_t(gg.m)].p
                                : kNone;
  if (on_p != kNone) {
    std::snprintf(where, sizeof where, "%.*s · P%d", int(st.size()), st.data(), on_p);
  } else if (!why.empty()) {
    std::snprintf(where, sizeof where, "%.*s · %.*s", int(st.size()), st.data(), int(why.size()),
                  why.data());
  } else {
    std::snprintf(where, sizeof where, "%.*s", int(st.size()), st.data());
  }
  const ImVec2 chip = Pill(c, ImVec2(tx, y - fs * 0.1f), th.text, th.canvas_bg, label, fs);
  text(tx + chip.x + fs * 0.5f, y, x1, th.text_dim, fs, where);

  const ImGuiStyle& style = ImGui::GetStyle();
  const float gap = fs * 1.5f;
  const float half = (x1 - x0 - gap) * 0.5f;
  const float help_y = row_y + ImGui::GetFrameHeight() + fs * 0.35f;
  if (sched::IsRunning(m_state, g)) {
    const auto& funcs = m_run->Prog().funcs;
    // Left half: go <func>.
    const char* go = Tr(Str::kSchedSbGoButton, l);
    const float go_w = ImGui::CalcTextSize(go).x + style.FramePadding.x * 2 + fs * 0.8f;
    ImGui::SetCursorScreenPos(ImVec2(x0, row_y));
    ImGui::SetNextItemWidth(std::max(fs * 3.0f, half - go_w - style.ItemSpacing.x));
    if (ImGui::BeginCombo("##go_func", funcs[std::size_t(m_go_func)].name.c_str())) {
      for (std::size_t i = 0; i < funcs.size(); ++i) {
        if (ImGui::Selectable(funcs[i].name.c_str(), int(i) == m_go_func)) {
          m_go_func = int(i);
          m_go_func_name = funcs[i].name;
        }
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button(go, ImVec2(go_w, 0))) {
      record(Json{{"op", "go"}, {"from", label}, {"func", funcs[std::size_t(m_go_func)].name}});
    }
    m_buttons[int(SandboxButton::kGo)] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), g};
    text(x0, help_y, x0 + half, th.text_dim, small, Tr(Str::kSchedSbGoHelp, l));
    // Right half: syscall <µs>.
    const float xs = x0 + half + gap;
    const char* sc = Tr(Str::kSchedSbSyscallButton, l);
    const float sc_w = ImGui::CalcTextSize(sc).x + style.FramePadding.x * 2 + fs * 0.8f;
    const float unit_w = ImGui::CalcTextSize("µs").x + style.ItemSpacing.x;
    const float in_w = half - sc_w - unit_w - style.ItemSpacing.x;
    ImGui::SetCursorScreenPos(ImVec2(xs, row_y));
    ImGui::SetNextItemWidth(std::max(fs * 3.0f, in_w));
    // Step buttons only when they leave room for the number.
    if (ImGui::InputInt("##syscall_us", &m_syscall_us, in_w > fs * 7.0f ? 50 : 0, 500)) {
      m_syscall_us = std::clamp(m_syscall_us, 0, 1000000000);
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("µs");
    ImGui::SameLine();
    if (ImGui::Button(sc, ImVec2(sc_w, 0))) {
      record(Json{{"op", "syscall"}, {"g", label}, {"us", m_syscall_us}});
    }
    m_buttons[int(SandboxButton::kSyscall)] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), g};
    text(xs, help_y, x1, th.text_dim, small, Tr(Str::kSchedSbSyscallHelp, l));
    return;
  }
  if (gg.status == sched::GStatus::kRunnable || gg.status == sched::GStatus::kDead) {
    text(x0, row_y, x1, th.text_dim, fs,
         Tr(gg.status == sched::GStatus::kDead ? Str::kSchedSbDead : Str::kSchedSbRunnable, l));
    return;
  }
  // Waiting or in a syscall: wake, when what it waits for can be made to happen now.
  const sched::WakePath how = sched::HowToWake(m_state, g);
  const bool can = how == sched::WakePath::kTimer || how == sched::WakePath::kSyscall ||
                   how == sched::WakePath::kFd;
  const char* wake = Tr(Str::kSchedSbWakeButton, l);
  const float wake_w = ImGui::CalcTextSize(wake).x + style.FramePadding.x * 2 + fs * 0.8f;
  ImGui::SetCursorScreenPos(ImVec2(x0, row_y));
  ImGui::BeginDisabled(!can);
  if (ImGui::Button(wake, ImVec2(wake_w, 0))) record(Json{{"op", "wake"}, {"g", label}});
  ImGui::EndDisabled();
  if (can)
    m_buttons[int(SandboxButton::kWake)] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), g};
  const float ex = x0 + wake_w + fs * 0.8f;
  text(ex, row_y + style.FramePadding.y, x1, can ? th.text : th.warn, fs, Tr(WakeText(how), l));
}

void SchedView::Draw(const ViewContext& ctx) {
  if (!m_run || !ctx.canvas) return;
  Canvas& c = *ctx.canvas;
  UpdateState(ctx.step);
  m_hover_goid = 0;
  m_hits.clear();
  m_ghosts.clear();
  m_changed.clear();
  m_arrows = 0;
  for (auto& b : m_buttons) b = {};
  // The picture grows with its panel: every size is a multiple of u, the text size, which
  // never goes below the UI font. Its design size follows the P count (columns) and the lanes,
  // so one P is not stretched thin and four still fit.
  const float ui = ctx.ui_font;
  const float procs = float(std::clamp(m_run->MaxProcs(), 1, 4));
  const ImVec2 design(ui * (17.0f + 11.0f * procs), ui * (16.0f + 1.5f * float(m_lanes.size())));
  Layout lay;
  lay.u = ui * FitScale(ctx.size, design);
  lay.title = lay.u * 1.15f;
  lay.line = std::max(ctx.Line(), lay.u * 0.1f);
  const float u = lay.u;
  const bool widgets = !ctx.picture_only;
  const bool sandbox = ctx.sandbox && widgets && !ctx.presenter;
  const float side_w = std::max(u * 15.0f, ctx.size.x * 0.3f);
  float lanes_h = u * 1.6f + u * 1.5f * float(m_lanes.size());
  // The app's sandbox bar (undo, save as) sits near the canvas bottom: keep the lanes above
  // it; the sandbox strip spans the width between the columns and the lanes.
  const float bottom = ctx.sandbox ? ImGui::GetFrameHeight() * 3.0f : u * 0.2f;
  const float strip_h = sandbox ? SandboxHeight(c, u, ctx.size.x - u * 0.85f, ctx.lang) : 0.0f;
  const float strip = sandbox ? strip_h + u * 0.4f : 0.0f;
  // The P columns and the side panel need about 12 rows; the lanes give up room for them,
  // and are left out when they could not label their Ps.
  // The legend takes a row of its own under the time when it does not fit beside it, but
  // only where that row costs the columns and the lanes nothing; else it is left out.
  char brief[80];
  HeaderBrief(brief, sizeof brief, m_state);
  const float head_w = ctx.size.x - u;
  const float legend_w = LegendWidth(c, u, ctx.lang);
  const float room_one = ctx.size.y - lay.title * 1.6f - bottom - strip - u * 0.4f;
  const bool legend_row = c.TextSize(lay.title, brief).x + u + legend_w > head_w &&
                          legend_w - u * 0.9f <= head_w &&
                          room_one - u * kLegendRow - lanes_h >= u * 12.5f;
  const float top = lay.title * 1.6f + (legend_row ? u * kLegendRow : 0.0f);
  const float room = ctx.size.y - top - bottom - strip - u * 0.4f;
  if (room - lanes_h < u * 12.5f) {
    lanes_h = std::max(0.0f, room - u * 12.5f);
    if (lanes_h < u * 1.6f + u * 1.15f * float(m_lanes.size())) lanes_h = 0;
  }
  lay.cols_min = ImVec2(ctx.origin.x + u * 0.3f, ctx.origin.y + top);
  lay.cols_max = ImVec2(ctx.origin.x + ctx.size.x - side_w - u * 0.6f,
                        ctx.origin.y + ctx.size.y - bottom - lanes_h - strip - u * 0.4f);
  lay.side_min = ImVec2(lay.cols_max.x + u * 0.3f, lay.cols_min.y);
  lay.side_max = ImVec2(ctx.origin.x + ctx.size.x - u * 0.3f, lay.cols_max.y);
  if (sandbox) {
    lay.sb_min = ImVec2(lay.cols_min.x + u * 0.25f, lay.cols_max.y + u * 0.4f);
    lay.sb_max = ImVec2(lay.side_max.x, lay.sb_min.y + strip_h);
  }
  lay.lanes_min = ImVec2(ctx.origin.x + u * 0.5f, lay.cols_max.y + strip + u * 0.4f);
  lay.lanes_max = ImVec2(ctx.origin.x + ctx.size.x - u * 0.3f, ctx.origin.y + ctx.size.y - bottom);
  lay.col_w = (lay.cols_max.x - lay.cols_min.x) / float(std::max(1, m_state.gomaxprocs));
  c.RectFilled(ctx.origin, Add(ctx.origin, ctx.size), ctx.theme.canvas_bg, 0);
  DrawHeader(ctx, lay);
  DrawPs(ctx, lay);
  DrawSide(ctx, lay);
  if (lanes_h > 0) DrawLanes(ctx, lay);
  DrawMoves(ctx, lay);
  if (!widgets) return;
  // Hover: the last chip or lane bar drawn under the mouse (the one on top).
  for (const Hit& h : m_hits) {
    if (ImGui::IsMouseHoveringRect(h.min, h.max)) m_hover_goid = h.goid;
  }
  if (sandbox) {
    DrawSandbox(ctx, lay);
    if (m_hover_goid > 0 && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) {
      m_sel_goid = m_hover_goid;
    }
  } else if (m_hover_goid > 0 && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) {
    ctx.requests.picked.push_back(m_run->Label(m_hover_goid));  // a quiz answer by pointing
  }
  // [SECTION] G details on hover
  if (m_hover_goid > 0 && std::size_t(m_hover_goid) <= m_state.gs.size()) {
    const sched::G& g = m_state.Gor(m_hover_goid);
    const sched::Program& pr = m_run->Prog();
    std::string_view st = sched::GStatusName(g.status);
    std::string_view why = sched::WaitReasonName(g.wait);
    ImGui::BeginTooltip();
    ImGui::Text("%s  (goid %d, func %s)", m_run->Label(g.goid).c_str(), g.goid,
                pr.funcs[std::size_t(g.func)].name.c_str());
    ImGui::Text("%s: %.*s%s%.*s", T(ctx.lang, "state", "状态"), int(st.size()), st.data(),
                why.empty() ? "" : "  ", int(why.size()), why.data());
    if (g.created_by != kNone) {
      ImGui::Text(T(ctx.lang, "created by %s (its op %d)", "由 %s 创建（其第 %d 个操作）"),
                  m_run->Label(g.created_by).c_str(), g.created_pc);
    } else {
      ImGui::TextUnformatted(T(ctx.lang, "in the initial state", "初始状态中已存在"));
    }
    ImGui::Text(T(ctx.lang, "started %d time(s); next op %d", "已被调度 %d 次；下一个操作 %d"),
                g.runs, g.pc);
    if (g.m != kNone) ImGui::Text("M%d", g.m);
    ImGui::EndTooltip();
  }
}

bool SchedView::ChipRect(std::int32_t goid, ImVec2* min, ImVec2* max) const {
  for (const Hit& h : m_hits) {
    if (h.goid != goid) continue;
    *min = h.min;
    *max = h.max;
    return true;
  }
  return false;
}

bool SchedView::GhostRect(std::int32_t goid, ImVec2* min, ImVec2* max) const {
  for (const Hit& h : m_ghosts) {
    if (h.goid != goid) continue;
    *min = h.min;
    *max = h.max;
    return true;
  }
  return false;
}

bool SchedView::ButtonRect(SandboxButton b, ImVec2* min, ImVec2* max) const {
  const Hit& h = m_buttons[int(b)];
  if (h.goid == 0) return false;
  *min = h.min;
  *max = h.max;
  return true;
}

}  // namespace gs::app
