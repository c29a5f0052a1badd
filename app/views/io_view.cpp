// [SECTION] index: helpers · state · layout · header and axis · lanes (threads, kernel,
// counters) · hover, picking and the sandbox
#include "app/views/io_view.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "app/imgui_compat.h"
#include "app/views/draw_util.h"

namespace gs::app {
namespace {

using io::Call;
using io::ThreadState;

const char* T(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
}

// Text at pos, shortened with "..." to max_w (nothing when not one character fits); its width.
float TextFit(Canvas& c, ImVec2 pos, float size, ImU32 col, std::string_view s, float max_w) {
  if (max_w <= 0) return 0;
  if (c.TextSize(size, s).x <= max_w) {
    c.Text(pos, size, col, s);
    return c.TextSize(size, s).x;
  }
  const float dots = c.TextSize(size, "...").x;
  std::size_t n = s.size();
  while (n > 0) {
    --n;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    if (c.TextSize(size, s.substr(0, n)).x + dots <= max_w) break;
  }
  if (n == 0) return 0;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%.*s...", int(std::min<std::size_t>(n, 240)), s.data());
  c.Text(pos, size, col, buf);
  return c.TextSize(size, buf).x;
}

// 12345 -> "12,345" (counts of fds and bytes get large).
const char* Grouped(std::int64_t v, char* buf, std::size_t n) {
  char raw[32];
  std::snprintf(raw, sizeof raw, "%lld", static_cast<long long>(v < 0 ? -v : v));
  const std::size_t len = std::strlen(raw);
  std::size_t o = 0;
  if (v < 0 && o + 1 < n) buf[o++] = '-';
  for (std::size_t i = 0; i < len && o + 2 < n; ++i) {
    buf[o++] = raw[i];
    const std::size_t left = len - i - 1;
    if (left > 0 && left % 3 == 0) buf[o++] = ',';
  }
  buf[o] = 0;
  return buf;
}

bool InKernel(ThreadState s) {
  return s == ThreadState::kBlocked || s == ThreadState::kCopying || s == ThreadState::kPolling;
}

ImU32 StateFill(const Theme& th, ThreadState s) {
  switch (s) {
    case ThreadState::kRunning:
      return WithAlpha(th.edge, 0.55f);
    case ThreadState::kWork:
      return WithAlpha(th.ok, 0.6f);
    case ThreadState::kHandler:
      return WithAlpha(th.accent, 0.7f);
    case ThreadState::kPolling:
      return WithAlpha(th.danger, 0.75f);
    case ThreadState::kCopying:
      return th.warn;
    case ThreadState::kBlocked:
      return WithAlpha(th.text_dim, 0.18f);
    case ThreadState::kDone:
      break;
  }
  return 0;
}

const char* StateName(ThreadState s, Lang l) {
  switch (s) {
    case ThreadState::kRunning:
      return T(l, "user code", "用户代码");
    case ThreadState::kBlocked:
      return T(l, "phase 1: waiting for data (blocked)", "阶段 1：等待数据（阻塞）");
    case ThreadState::kCopying:
      return T(l, "phase 2: copying kernel -> user", "阶段 2：内核 -> 用户拷贝");
    case ThreadState::kPolling:
      return T(l, "polling: EAGAIN or scanning fds", "轮询：EAGAIN 或扫描 fd");
    case ThreadState::kHandler:
      return T(l, "signal handler / completion", "信号处理 / 完成通知");
    case ThreadState::kWork:
      return T(l, "other work (waits for nothing)", "别的工作（不等待）");
    case ThreadState::kDone:
      return T(l, "done", "结束");
  }
  return "";
}

}  // namespace

// [SECTION] state
void IoView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const io::IoRun>(run);
  m_state_step = SIZE_MAX;
  m_has_prev = false;
}

void IoView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  m_has_prev = step > 0;
  if (m_has_prev) m_prev = m_run->GetTimeline().StateAt(step - 1);
  m_state = m_run->GetTimeline().StateAt(step);
  m_state_step = step;
}

float IoView::LaneHeight(std::size_t lane, float u) const {
  const std::size_t threads = std::min<std::size_t>(m_state.worlds[lane].threads.size(), 4);
  return u * (3.3f + 1.1f * float(threads > 1 ? threads - 1 : 0));
}

bool IoView::LaneLabelRect(std::size_t lane, ImVec2* min, ImVec2* max) const {
  for (const Hit& h : m_hits) {
    if (h.kind == 0 && h.lane == lane) {
      *min = h.min;
      *max = h.max;
      return true;
    }
  }
  return false;
}

bool IoView::BufferRect(std::size_t lane, std::int32_t fd, ImVec2* min, ImVec2* max) const {
  for (const Hit& h : m_hits) {
    if (h.kind == 1 && h.lane == lane && h.fd == fd) {
      *min = h.min;
      *max = h.max;
      return true;
    }
  }
  return false;
}

// [SECTION] layout
void IoView::Draw(const ViewContext& ctx) {
  if (!m_run || !ctx.canvas) return;
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  UpdateState(ctx.step);
  m_step = ctx.step;
  m_now = m_run->TimeAt(ctx.step);
  m_hits.clear();
  m_segments_drawn = m_phase1 = m_phase2 = m_changed = 0;
  m_fdsetsize_shown = m_stalled_shown = false;
  const std::size_t lanes = m_state.worlds.size();
  const float ui = ctx.ui_font;
  float lanes_h = 0;
  for (std::size_t l = 0; l < lanes; ++l) lanes_h += LaneHeight(l, 1.0f) + 0.3f;
  const ImVec2 design(ui * 52.0f, ui * (4.4f + lanes_h));
  Geometry g;
  g.u = ui * FitScale(ctx.size, design);
  g.line = std::max(ctx.Line(), g.u * 0.08f);
  const float u = g.u;
  c.RectFilled(ctx.origin, Add(ctx.origin, ctx.size), th.canvas_bg, 0);
  const float x0 = ctx.origin.x + u * 0.4f, x1 = ctx.origin.x + ctx.size.x - u * 0.4f;
  const float width = x1 - x0;
  // Columns: the lane's name, the time line, the kernel side (when there is room), the costs.
  // The time line keeps at least 20 units; the kernel column goes first when space is short.
  // The sandbox needs the buffers (a click sends a packet), and one lane has room for them.
  const bool kernel_col =
      ctx.sandbox || lanes == 1 || width - u * (11.0f + 12.6f + 11.0f) >= u * 20.0f;
  g.x_label0 = x0;
  g.x_tl0 = x0 + u * 11.0f;
  g.x_end = x1;
  g.x_counters0 = x1 - u * 12.6f;
  g.kernel = kernel_col;
  // Vertical layout: the header (title and legend), the time axis, then the lanes, which share
  // what is left in proportion to their design heights and grow (a few lanes, at most twice;
  // a single one, four times) so taller rows show more of the kernel side.
  const float legend_rows = width >= u * 50.0f ? 1.0f : 2.0f;
  const float top = ctx.origin.y + u * 0.3f;
  const float axis_y = top + u * (1.5f + 1.2f * legend_rows);
  const float bottom = ctx.origin.y + ctx.size.y - u * 0.3f;
  float y = axis_y + u * 1.5f;
  const float scale = std::min(lanes == 1 ? 4.0f : 2.0f, (bottom - y) / (u * lanes_h));
  // A lane tall enough for the buffers and the costs stacks them in one column, so the time
  // line keeps its width.
  float shortest = 1e9f;
  std::size_t most_fds = 0;
  for (std::size_t l = 0; l < lanes; ++l) {
    shortest = std::min(shortest, LaneHeight(l, u) * scale);
    most_fds = std::max(most_fds, m_state.worlds[l].fds.size());
  }
  const float kernel_rows = float(std::min<std::size_t>(most_fds, 6)) + 2.0f;
  g.stacked = kernel_col && shortest >= u * (1.05f * kernel_rows + 5.9f);
  g.x_kernel0 = kernel_col && !g.stacked ? g.x_counters0 - u * 11.0f : g.x_counters0;
  g.x_tl1 = g.x_kernel0 - u * 0.8f;
  g.t0 = 0;
  g.t1 = std::max<std::int64_t>(m_run->EndTime(), 1);
  g.t1 += std::max<std::int64_t>(g.t1 / 50, 1);  // room after the last step
  DrawHeader(ctx, g, top);
  for (std::size_t l = 0; l < lanes; ++l) {
    const float h = LaneHeight(l, u) * scale;
    DrawLane(ctx, g, l, y, y + h);
    y += h + u * 0.3f * scale;
  }
  DrawAxis(ctx, g, axis_y, y);
  // [SECTION] hover, picking and the sandbox
  if (ctx.picture_only) return;
  const Hit* hover = nullptr;
  for (const Hit& h : m_hits) {
    if (ImGui::IsMouseHoveringRect(h.min, h.max)) hover = &h;
  }
  if (hover) Tooltip(ctx, *hover);
  if (!hover || !ImGui::IsWindowHovered() || !ImGui::IsMouseClicked(0)) return;
  const io::Program& p = m_run->Prog();
  if (ctx.sandbox && hover->kind == 1 && hover->fd >= 0) {
    // Sandbox: a packet of 512 bytes arrives now on the clicked connection, in every lane.
    // Then a run, so the lanes go on from the packet (one action, one undo).
    ctx.requests.record_ops.push_back(Json::array(
        {Json{{"op", "arrive"}, {"fd", p.fds[std::size_t(hover->fd)].id}, {"bytes", 512}},
         Json{{"op", "run"}}}));
    return;
  }
  if (ctx.sandbox) return;
  if (hover->kind == 0) ctx.requests.picked.push_back(p.lanes[hover->lane].name);
  if (hover->kind == 1 && hover->fd >= 0) {
    ctx.requests.picked.push_back(p.fds[std::size_t(hover->fd)].id);
  }
  if (hover->kind == 2) ctx.requests.picked.push_back(p.lanes[hover->lane].name);
}

// [SECTION] header and axis
void IoView::DrawHeader(const ViewContext& ctx, const Geometry& g, float y) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = g.u;
  const float x0 = g.x_label0, x1 = g.x_end;
  TextFit(c, ImVec2(x0, y), u * 1.15f, th.text,
          T(l, "IO models: each read has two phases (upper half: user space, lower: kernel)",
            "IO 模型：每次读分两个阶段（上半：用户空间，下半：内核）"),
          x1 - x0);
  // The legend: a swatch per thread state, wrapping to a second row on narrow panels.
  const ThreadState order[] = {ThreadState::kBlocked, ThreadState::kCopying, ThreadState::kPolling,
                               ThreadState::kRunning, ThreadState::kHandler, ThreadState::kWork};
  const char* short_en[] = {"phase 1: waiting", "phase 2: copy", "polling / EAGAIN",
                            "user code",        "handler",       "other work"};
  const char* short_zh[] = {"阶段1：等待数据", "阶段2：拷贝",   "轮询 / EAGAIN",
                            "用户代码",        "信号/完成处理", "别的工作"};
  float x = x0, ly = y + u * 1.55f;
  for (int i = 0; i < 6; ++i) {
    const char* text = l == Lang::kZh ? short_zh[i] : short_en[i];
    const float w = u * 1.5f + c.TextSize(u, text).x + u * 0.9f;
    if (x + w > x1 && x > x0) {
      x = x0;
      ly += u * 1.2f;
    }
    const ImVec2 a(x, ly + u * 0.1f), b(x + u * 1.2f, ly + u * 0.95f);
    c.RectFilled(a, b, StateFill(th, order[i]), u * 0.1f);
    if (order[i] == ThreadState::kBlocked) {
      HatchRect(c, a, b, th.text_dim, u * 0.3f, g.line * 0.5f);
      c.Rect(a, b, th.text_dim, u * 0.1f, g.line * 0.5f);
    }
    TextFit(c, ImVec2(x + u * 1.5f, ly), u, th.text, text, x1 - x - u * 1.5f);
    x += w;
  }
}

void IoView::DrawAxis(const ViewContext& ctx, const Geometry& g, float y, float bottom) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float u = g.u;
  // Ticks at 1, 2 or 5 × 10^k µs, at least 5 units apart.
  const double span = double(g.t1 - g.t0);
  const double min_step = span * double(u * 5.5f) / double(std::max(1.0f, g.x_tl1 - g.x_tl0));
  double step = 1;
  while (step < min_step) {
    if (step * 2 >= min_step) {
      step *= 2;
      break;
    }
    if (step * 5 >= min_step) {
      step *= 5;
      break;
    }
    step *= 10;
  }
  const float base = y + u * 1.2f;
  c.Line(ImVec2(g.x_tl0, base), ImVec2(g.x_tl1, base), th.grid, g.line * 0.5f);
  char buf[48], num[32];
  for (double t = 0; t <= span; t += step) {
    const float x = g.X(std::int64_t(t));
    c.Line(ImVec2(x, base - u * 0.2f), ImVec2(x, bottom), WithAlpha(th.grid, 0.5f), 1.0f);
    std::snprintf(buf, sizeof buf, "%s µs", Grouped(std::int64_t(t), num, sizeof num));
    const float w = c.TextSize(u, buf).x;
    if (x + w * 0.5f <= g.x_tl1 + u * 0.6f) c.Text(ImVec2(x - w * 0.5f, y), u, th.text_dim, buf);
  }
  // Arrivals: a triangle per packet under the axis; this step's in the change colour.
  for (const io::ArrivalMark& a : m_run->Arrivals()) {
    const float x = g.X(a.at_us);
    const bool now = a.step == m_step;
    const bool past = a.step <= m_step;
    const float s = u * (now ? 0.45f : 0.3f);
    const ImU32 col = now ? th.changed : past ? th.text : WithAlpha(th.text_dim, 0.6f);
    c.TriangleFilled(ImVec2(x - s, base + u * 0.05f), ImVec2(x + s, base + u * 0.05f),
                     ImVec2(x, base + s * 1.6f), col);
    if (now)
      DashedLine(c, ImVec2(x, base), ImVec2(x, bottom), th.changed, g.line * 0.6f, u * 0.3f,
                 u * 0.25f);
  }
  // Now: the time of the step shown.
  const float xn = g.X(m_now);
  c.Line(ImVec2(xn, base - u * 0.3f), ImVec2(xn, bottom), th.accent, g.line);
}

// [SECTION] lanes
void IoView::DrawLane(const ViewContext& ctx, const Geometry& g, std::size_t lane, float y0,
                      float y1) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = g.u;
  const io::Lane& ln = m_run->Prog().lanes[lane];
  const io::World& w = m_state.worlds[lane];
  c.RectFilled(ImVec2(g.x_label0 - u * 0.2f, y0), ImVec2(g.x_end + u * 0.2f, y1), th.panel_bg,
               u * 0.25f);
  c.Rect(ImVec2(g.x_label0 - u * 0.2f, y0), ImVec2(g.x_end + u * 0.2f, y1), th.panel_border,
         u * 0.25f, g.line * 0.5f);
  // The lane's name (its model) and the IO model's one-line character.
  std::string title = io::LaneTitle(ln, l);
  const float lw = g.x_tl0 - g.x_label0 - u * 0.5f;
  float ty = y0 + u * 0.2f;
  const float tw = TextFit(c, ImVec2(g.x_label0, ty), u, th.text, title, lw);
  m_hits.push_back({ImVec2(g.x_label0, ty), ImVec2(g.x_label0 + tw, ty + u), 0, lane});
  ty += u * 1.15f;
  const char* kind = "";
  switch (ln.model) {
    case io::ModelKind::kBio:
      kind = T(l, "blocking, sync", "阻塞、同步");
      break;
    case io::ModelKind::kNio:
      kind = T(l, "non-blocking, sync", "非阻塞、同步");
      break;
    case io::ModelKind::kMultiplex:
      kind = T(l, "blocks in the poller, sync", "阻塞在多路复用上、同步");
      break;
    case io::ModelKind::kSignal:
      kind = T(l, "non-blocking, sync copy", "非阻塞、同步拷贝");
      break;
    case io::ModelKind::kAsync:
      kind = T(l, "non-blocking, async", "非阻塞、异步");
      break;
  }
  if (ty + u <= y1) TextFit(c, ImVec2(g.x_label0, ty), u, th.text_dim, kind, lw);
  // The threads run the scenario's own programs, not the model's canonical loop.
  ty += u * 1.15f;
  if (m_run->Prog().HasPrograms() && ty + u <= y1) {
    TextFit(c, ImVec2(g.x_label0, ty), u, th.text, T(l, "your program", "自编程序"), lw);
  }
  // Threads: each a row (user half above, kernel half below), at most four.
  const std::size_t shown = std::min<std::size_t>(w.threads.size(), 4);
  const float rows_top = y0 + u * 0.25f, rows_bottom = y1 - u * 0.25f;
  const float row_h = (rows_bottom - rows_top) / float(std::max<std::size_t>(shown, 1));
  for (std::size_t t = 0; t < shown; ++t) {
    DrawThread(ctx, g, lane, t, rows_top + row_h * float(t), rows_top + row_h * float(t + 1));
  }
  if (g.kernel && g.stacked) {
    const std::size_t fds = std::min<std::size_t>(w.fds.size(), 6);
    const float split =
        y0 +
        u * (0.3f + 1.05f * float(fds + 1 + (m_run->Prog().fds.size() > w.fds.size() ? 1 : 0)));
    DrawKernel(ctx, g, lane, y0, split);
    DrawCounters(ctx, g, lane, split + u * 0.2f, y1);
  } else {
    if (g.kernel) DrawKernel(ctx, g, lane, y0, y1);
    DrawCounters(ctx, g, lane, y0, y1);
  }
}

void IoView::DrawThread(const ViewContext& ctx, const Geometry& g, std::size_t lane, std::size_t t,
                        float y0, float y1) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = g.u;
  const float gap = std::min(u * 0.15f, (y1 - y0) * 0.08f);
  const float mid = y0 + (y1 - y0) * 0.45f;
  // The user/kernel boundary of this thread.
  c.Line(ImVec2(g.x_tl0, mid), ImVec2(g.x_tl1, mid), WithAlpha(th.grid, 0.8f), 1.0f);
  auto draw_seg = [&](const io::Segment& s, bool kernel_copy) {
    if (s.step > m_step || s.state == ThreadState::kDone) return;
    const std::int64_t to = s.to_us < 0 || s.to_us > m_now ? m_now : s.to_us;
    if (to < s.from_us) return;
    const bool kernel = kernel_copy || InKernel(s.state);
    float xa = g.X(s.from_us), xb = g.X(to);
    if (s.to_us < 0 || s.to_us > m_now) {
      if (s.state == ThreadState::kBlocked || s.state == ThreadState::kWork) {
        xb = std::max(xb, xa + 2.0f);  // still on: visible at the now line
      }
    }
    // A copy takes a µs or two: it keeps a visible width at any time scale, as polls do.
    if (s.state == ThreadState::kCopying) xb = std::max(xb, xa + u * 0.4f);
    if (s.state == ThreadState::kPolling) xb = std::max(xb, xa + u * 0.15f);
    if (xb - xa < 1.0f) xb = xa + 1.0f;
    const ImVec2 a(xa, kernel ? mid + gap * 0.5f : y0 + gap),
        b(xb, kernel ? y1 - gap : mid - gap * 0.5f);
    c.RectFilled(a, b, StateFill(th, s.state), 0);
    if (s.state == ThreadState::kBlocked) {
      HatchRect(c, a, b, th.text_dim, u * 0.35f, g.line * 0.5f);
      ++m_phase1;
    }
    if (s.state == ThreadState::kCopying) ++m_phase2;
    if (kernel_copy) DashedRect(c, a, b, th.text, g.line * 0.6f, u * 0.25f);
    ++m_segments_drawn;
    if (s.step == m_step) {
      MarkChangedRect(c, a, b, th.changed, g.line * 0.75f, ctx.t);
      ++m_changed;
    }
    // A label inside when the segment has room: which phase, which call.
    const float hh = b.y - a.y;
    if (hh >= u * 1.0f) {
      const char* text = nullptr;
      char buf[64];
      if (s.state == ThreadState::kBlocked) {
        std::snprintf(buf, sizeof buf, "%s %s", T(l, "1 wait", "1 等待"), io::CallName(s.call));
        text = buf;
      } else if (s.state == ThreadState::kCopying) {
        text = kernel_copy ? T(l, "2 kernel copies", "2 内核拷贝") : T(l, "2 copy", "2 拷贝");
      } else if (s.state == ThreadState::kWork) {
        text = T(l, "other work", "别的工作");
      }
      // Past the copy drawn just before it (copies keep a minimum width of 0.4 units).
      const float pad = s.state == ThreadState::kCopying ? u * 0.15f : u * 0.55f;
      if (text && c.TextSize(u, text).x + pad + u * 0.15f <= b.x - a.x) {
        c.Text(ImVec2(a.x + pad, a.y + (hh - u) * 0.5f), u,
               s.state == ThreadState::kCopying ? th.canvas_bg : th.text, text);
      }
    }
    m_hits.push_back({a, b, 2, lane, std::int32_t(t), s.fd, &s});
  };
  for (const io::Segment& s : m_run->Segments(lane, t)) {
    if (s.step > m_step) break;
    draw_seg(s, false);
  }
  if (t == 0) {
    for (const io::Segment& s : m_run->KernelCopies(lane)) {
      if (s.step > m_step) break;
      draw_seg(s, true);
    }
  }
}

void IoView::DrawKernel(const ViewContext& ctx, const Geometry& g, std::size_t lane, float y0,
                        float y1) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = g.u;
  const io::Program& p = m_run->Prog();
  const io::Lane& ln = p.lanes[lane];
  const io::World& w = m_state.worlds[lane];
  const io::World* pw = m_has_prev ? &m_prev.worlds[lane] : nullptr;
  const float x0 = g.x_kernel0, x1 = g.stacked ? g.x_end : g.x_counters0 - u * 0.6f;
  float y = y0 + u * 0.2f;
  char buf[96], num[32];
  // The structure the kernel keeps for this model, on the first row.
  std::string line;
  if (ln.model == io::ModelKind::kMultiplex) {
    if (ln.poller == io::Poller::kEpoll) {
      line = T(l, "ready list: ", "就绪列表：");
      if (w.rdllist.empty()) line += "-";
      for (std::size_t i = 0; i < w.rdllist.size() && i < 4; ++i) {
        line += (i ? " " : "") + p.fds[std::size_t(w.rdllist[i])].id;
      }
    } else {
      std::snprintf(buf, sizeof buf, T(l, "%s %s fds", "%s %s 个 fd"),
                    ln.poller == io::Poller::kSelect ? "fd_set:" : "pollfd[]:",
                    Grouped(std::int64_t(p.fds.size()), num, sizeof num));
      line = buf;
    }
  } else if (ln.model == io::ModelKind::kSignal) {
    line = T(l, "queued signals: ", "排队的信号：");
    if (w.sigq.empty()) line += "-";
    for (std::size_t i = 0; i < w.sigq.size() && i < 4; ++i) {
      line += (i ? " " : "") + p.fds[std::size_t(w.sigq[i])].id;
    }
  } else if (ln.model == io::ModelKind::kAsync) {
    line = T(l, "completions: ", "完成队列：");
    if (w.cq.empty()) line += "-";
    for (std::size_t i = 0; i < w.cq.size() && i < 4; ++i) {
      line += (i ? " " : "") + p.fds[std::size_t(w.cq[i])].id;
    }
  } else {
    line = T(l, "socket receive buffers", "socket 接收缓冲区");
  }
  if (y + u <= y1) TextFit(c, ImVec2(x0, y), u, th.text_dim, line, x1 - x0);
  y += u * 1.05f;
  // One row per connection: name, a bar filled by the bytes waiting, the bytes.
  std::int64_t most = p.config.read_bytes;
  for (const io::FdState& f : w.fds) most = std::max(most, f.rcvbuf);
  const std::size_t named = w.fds.size();
  const bool idle = p.fds.size() > named;
  for (std::size_t i = 0; i < named; ++i) {
    const bool last_row = y + u * 2.05f > y1;
    const std::size_t left = named - i + (idle ? 1 : 0);
    if (y + u > y1) break;
    if (last_row && left > 1) {
      std::snprintf(buf, sizeof buf, T(l, "+%zu more fds", "另有 %zu 个 fd"), left);
      TextFit(c, ImVec2(x0, y), u, th.text_dim, buf, x1 - x0);
      return;
    }
    const io::FdState& f = w.fds[i];
    const float nw = TextFit(c, ImVec2(x0, y), u, th.text, p.fds[i].id, u * 2.6f);
    (void)nw;
    const ImVec2 a(x0 + u * 2.8f, y + u * 0.15f), b(x1 - u * 4.2f, y + u * 0.9f);
    c.RectFilled(a, b, th.canvas_bg, u * 0.1f);
    const float fill = float(double(f.rcvbuf) / double(std::max<std::int64_t>(most, 1)));
    if (f.rcvbuf > 0) {
      c.RectFilled(a, ImVec2(a.x + (b.x - a.x) * std::min(1.0f, fill), b.y), th.warn, u * 0.1f);
    }
    c.Rect(a, b, th.panel_border, u * 0.1f, g.line * 0.5f);
    if (pw && pw->fds[i].rcvbuf != f.rcvbuf) {
      MarkChangedRect(c, a, b, th.changed, g.line * 0.75f, ctx.t, u * 0.1f);
    }
    std::snprintf(buf, sizeof buf, "%s B", Grouped(f.rcvbuf, num, sizeof num));
    TextFit(c, ImVec2(b.x + u * 0.3f, y), u, th.text, buf, x1 - b.x - u * 0.3f);
    m_hits.push_back({ImVec2(x0, y), ImVec2(x1, y + u), 1, lane, -1, std::int32_t(i)});
    y += u * 1.05f;
  }
  if (idle && y + u <= y1) {
    std::snprintf(buf, sizeof buf, T(l, "+%s idle fds", "另有 %s 个空闲 fd"),
                  Grouped(std::int64_t(p.fds.size() - named), num, sizeof num));
    TextFit(c, ImVec2(x0, y), u, th.text_dim, buf, x1 - x0);
  }
}

void IoView::DrawCounters(const ViewContext& ctx, const Geometry& g, std::size_t lane, float y0,
                          float y1) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = g.u;
  const io::World& w = m_state.worlds[lane];
  const io::Counters& k = w.c;
  const io::Counters* pk = m_has_prev ? &m_prev.worlds[lane].c : nullptr;
  const float x0 = g.x_counters0, x1 = g.x_end;
  float y = y0 + u * 0.2f;
  char buf[128], a[32], b[32];
  auto row = [&](const char* text, bool changed, ImU32 col) {
    if (y + u > y1) return;
    const float tw = TextFit(c, ImVec2(x0, y), u, col, text, x1 - x0);
    if (changed && tw > 0) {
      MarkChangedRect(c, ImVec2(x0 - u * 0.1f, y), ImVec2(x0 + tw + u * 0.1f, y + u), th.changed,
                      g.line * 0.6f, ctx.t, u * 0.15f);
    }
    y += u * 1.05f;
  };
  if (w.error == io::LaneError::kFdSetSize) {
    const char* text = T(l, "FD_SETSIZE 1024: select fails", "FD_SETSIZE 1024：select 失败");
    if (y + u * 1.2f <= y1) {
      const ImVec2 sz = PillSize(c, text, u);
      if (sz.x <= x1 - x0) {
        Pill(c, ImVec2(x0, y), th.danger, th.canvas_bg, text, u);
        y += sz.y + u * 0.15f;
      } else {
        row(text, false, th.danger);
      }
    }
    m_fdsetsize_shown = true;
  } else if (w.stalled) {
    std::int64_t unread = 0;
    for (const io::FdState& f : w.fds) unread += f.arrived - f.read;
    std::snprintf(buf, sizeof buf, T(l, "stalled: %s B never read", "卡住：%s B 读不到"),
                  Grouped(unread, a, sizeof a));
    if (y + u * 1.2f <= y1) {
      const ImVec2 sz = PillSize(c, buf, u);
      if (sz.x <= x1 - x0) {
        Pill(c, ImVec2(x0, y), th.danger, th.canvas_bg, buf, u);
        y += sz.y + u * 0.15f;
      } else {
        row(buf, false, th.danger);
      }
    }
    m_stalled_shown = true;
  } else {
    if (k.first_byte_us >= 0) {
      std::snprintf(buf, sizeof buf, T(l, "1st byte after %s µs", "首字节延迟 %s µs"),
                    Grouped(k.first_byte_us, a, sizeof a));
    } else {
      std::snprintf(buf, sizeof buf, "%s", T(l, "1st byte: not yet", "首字节：尚未"));
    }
    row(buf, pk && pk->first_byte_us != k.first_byte_us, th.text);
  }
  // Wasted calls first; else how many calls were one-time set-up (epoll's interest list is
  // registered once: 10,000 epoll_ctl are not 10,000 calls per wait).
  if (k.eagain == 0 && k.setup > 0) {
    std::snprintf(buf, sizeof buf, T(l, "%s syscalls · %s at setup", "%s 次系统调用 · 设置 %s"),
                  Grouped(k.syscalls, a, sizeof a), Grouped(k.setup, b, sizeof b));
  } else {
    std::snprintf(buf, sizeof buf, T(l, "%s syscalls · %s EAGAIN", "%s 次系统调用 · %s 次 EAGAIN"),
                  Grouped(k.syscalls, a, sizeof a), Grouped(k.eagain, b, sizeof b));
  }
  row(buf, pk && (pk->syscalls != k.syscalls || pk->eagain != k.eagain),
      k.eagain > 0 ? th.danger : th.text);
  const bool scanned_changed =
      pk && (pk->kernel_scanned != k.kernel_scanned || pk->user_scanned != k.user_scanned);
  const bool copied_changed = pk && pk->meta_bytes != k.meta_bytes;
  auto cpu_row = [&] {
    std::snprintf(buf, sizeof buf, T(l, "threads: %s · polling %s µs", "线程 %s 个 · 轮询 %s µs"),
                  Grouped(k.threads, a, sizeof a), Grouped(k.polling_us, b, sizeof b));
    row(buf, pk && pk->polling_us != k.polling_us, th.text);
  };
  if (y1 - y >= u * 3.1f) {
    // Room for a line each: the fds scanned and the bytes of fd lists copied.
    std::snprintf(buf, sizeof buf, T(l, "%s fds scanned", "扫描 %s 个 fd"),
                  Grouped(k.kernel_scanned + k.user_scanned, a, sizeof a));
    row(buf, scanned_changed, th.text);
    std::snprintf(buf, sizeof buf, T(l, "%s B of fd lists copied", "fd 列表拷贝 %s B"),
                  Grouped(k.meta_bytes, b, sizeof b));
    row(buf, copied_changed, th.text);
    cpu_row();
    return;
  }
  // A compact lane has room for one more line: what sets this model apart — fds scanned and
  // fd lists copied for select/poll/epoll; threads and CPU burnt polling for the others (the
  // study sheet's comparison: bio's thread per connection, nio's wasted polling).
  const bool mux = m_run->Prog().lanes[lane].model == io::ModelKind::kMultiplex;
  if (!mux) cpu_row();
  std::snprintf(buf, sizeof buf, T(l, "%s scanned · %s B copied", "扫描 %s · 拷贝 %s B"),
                Grouped(k.kernel_scanned + k.user_scanned, a, sizeof a),
                Grouped(k.meta_bytes, b, sizeof b));
  row(buf, scanned_changed || copied_changed, th.text);
  if (mux) cpu_row();
}

void IoView::Tooltip(const ViewContext& ctx, const Hit& h) const {
  const Lang l = ctx.lang;
  const io::Program& p = m_run->Prog();
  ImGui::BeginTooltip();
  if (h.kind == 0) {
    const io::Lane& ln = p.lanes[h.lane];
    ImGui::TextUnformatted(io::LaneTitle(ln, l).c_str());
    ImGui::TextUnformatted(T(l, "Click to answer with this model.", "点击以这个模型作答。"));
  } else if (h.kind == 1) {
    const io::FdState& f = m_state.worlds[h.lane].fds[std::size_t(h.fd)];
    const io::FdDecl& d = p.fds[std::size_t(h.fd)];
    ImGui::Text("%s (fd %lld)", d.id.c_str(), static_cast<long long>(d.number));
    ImGui::Text(T(l, "in the kernel's buffer: %lld B · arrived %lld B · read %lld of %lld B",
                  "内核缓冲区：%lld B · 已到达 %lld B · 已读 %lld / %lld B"),
                static_cast<long long>(f.rcvbuf), static_cast<long long>(f.arrived),
                static_cast<long long>(f.read), static_cast<long long>(f.expected));
    if (ctx.sandbox) {
      ImGui::TextUnformatted(T(l, "Click: 512 bytes arrive now.", "点击：现在到达 512 字节。"));
    }
  } else if (h.seg) {
    const io::Segment& s = *h.seg;
    ImGui::Text("T%d · %s", h.thread, StateName(s.state, l));
    if (s.call != Call::kNoCall) ImGui::Text("%s", io::CallName(s.call));
    if (s.fd >= 0) ImGui::Text("fd: %s", p.fds[std::size_t(s.fd)].id.c_str());
    const std::int64_t to = s.to_us < 0 ? m_now : s.to_us;
    ImGui::Text("%lld – %lld µs", static_cast<long long>(s.from_us), static_cast<long long>(to));
  }
  ImGui::EndTooltip();
}

}  // namespace gs::app
