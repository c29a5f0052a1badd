// [SECTION] index: run/lanes · state cache · header · P columns · side panel (global queue,
// M pool, sysmon, poller) · moving Gs · timeline lanes · G details on hover
#include "app/views/sched_view.h"

#include <algorithm>
#include <cstdio>

#include "app/imgui_compat.h"
#include "app/views/draw_util.h"

namespace gs::app {
namespace {

using sched::EventKind;
using sched::kNone;

const char* T(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
}

float Ease(float t) {
  return t * t * (3.0f - 2.0f * t);
}

float TextW(float size, const char* s) {
  return ImGui::GetFont()->CalcTextSizeA(size, 1e9f, 0, s).x;
}

}  // namespace

// [SECTION] run/lanes
void SchedView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const sched::SchedRun>(run);
  m_state_step = SIZE_MAX;
  m_lanes.clear();
  if (!m_run) return;
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
void SchedView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  m_state = m_run->GetTimeline().StateAt(step);
  m_state_step = step;
}

ImU32 SchedView::GColor(const Theme& th, std::int32_t goid) const {
  const ImU32 palette[] = {th.accent, th.ok, th.warn, th.edge, th.danger};
  return WithAlpha(palette[std::size_t(goid) % 5], 0.85f);
}

float SchedView::GChip(const ViewContext& ctx, ImVec2 pos, std::int32_t goid, ImU32 bg, ImU32 fg,
                       float fs) {
  const std::string& label = m_run->Label(goid);
  ImVec2 sz = Pill(ctx.dl, pos, bg, fg, label.c_str(), fs);
  if (ImGui::IsMouseHoveringRect(pos, ImVec2(pos.x + sz.x, pos.y + sz.y))) m_hover_goid = goid;
  return sz.x;
}

ImVec2 SchedView::PColumnAnchor(const Layout& lay, std::int32_t p) const {
  return ImVec2(lay.cols_min.x + lay.col_w * (float(p) + 0.5f), lay.cols_min.y + lay.fs * 3.2f);
}

// [SECTION] header
void SchedView::DrawHeader(const ViewContext& ctx, const Layout& lay) {
  const Theme& th = ctx.theme;
  char buf[160];
  const double ms = double(m_state.now) / 1000.0;
  std::snprintf(buf, sizeof buf, "t = %lld µs (%.3f ms)   GOMAXPROCS = %d   nmspinning = %d",
                static_cast<long long>(m_state.now), ms, m_state.gomaxprocs, m_state.nmspinning);
  ctx.dl->AddText(ImGui::GetFont(), lay.fs * 1.3f,
                  ImVec2(ctx.origin.x + lay.fs, ctx.origin.y + lay.fs * 0.4f), th.text, buf);
}

// [SECTION] P columns
void SchedView::DrawPs(const ViewContext& ctx, const Layout& lay) {
  const Theme& th = ctx.theme;
  const float fs = lay.fs;
  const float small = fs * 0.85f;
  char buf[96];
  for (std::int32_t p = 0; p < m_state.gomaxprocs; ++p) {
    const sched::P& pp = m_state.ps[std::size_t(p)];
    const float x0 = lay.cols_min.x + lay.col_w * float(p) + fs * 0.25f;
    const float x1 = x0 + lay.col_w - fs * 0.5f;
    const float y0 = lay.cols_min.y;
    const float y1 = lay.cols_max.y;
    ctx.dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), th.panel_bg, fs * 0.3f);
    ctx.dl->AddRect(ImVec2(x0, y0), ImVec2(x1, y1),
                    pp.status == sched::PStatus::kRunning ? th.accent : th.panel_border, fs * 0.3f,
                    0, 1.5f * ctx.scale);
    float y = y0 + fs * 0.3f;
    std::snprintf(buf, sizeof buf, "P%d", p);
    ctx.dl->AddText(ImGui::GetFont(), fs * 1.2f, ImVec2(x0 + fs * 0.4f, y), th.text, buf);
    std::string_view st = sched::PStatusName(pp.status);
    ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(x0 + fs * 2.2f, y + fs * 0.2f), th.text_dim,
                    st.data(), st.data() + st.size());
    y += fs * 1.5f;
    // The running G and its M.
    std::int32_t g = kNone;
    if (pp.m != kNone) {
      const sched::M& mm = m_state.ms[std::size_t(pp.m)];
      if (mm.state == sched::MState::kRunning) g = mm.curg;
      std::snprintf(
          buf, sizeof buf, "M%d%s", pp.m,
          mm.state == sched::MState::kSchedule ? (mm.spinning ? " spinning" : " schedule") : "");
      ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(x0 + fs * 0.4f, y), th.text_dim, buf);
    } else if (pp.status == sched::PStatus::kSyscall) {
      ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(x0 + fs * 0.4f, y), th.warn,
                      T(ctx.lang, "M in syscall", "M 在系统调用中"));
    }
    y += fs * 1.1f;
    if (g != kNone) {
      GChip(ctx, ImVec2(x0 + fs * 0.4f, y), g, th.accent, th.canvas_bg, fs);
    } else {
      ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(x0 + fs * 0.4f, y), th.grid,
                      T(ctx.lang, "(no G)", "（无 G）"));
    }
    y += fs * 1.6f;
    ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(x0 + fs * 0.4f, y), th.text_dim, "runnext");
    y += fs * 1.0f;
    if (pp.runnext != kNone) {
      GChip(ctx, ImVec2(x0 + fs * 0.4f, y), pp.runnext, th.ok, th.canvas_bg, small);
    } else {
      ctx.dl->AddRect(ImVec2(x0 + fs * 0.4f, y), ImVec2(x0 + fs * 2.4f, y + small * 1.3f), th.grid,
                      small * 0.6f);
    }
    y += fs * 1.5f;
    // The ring: a fill bar with the count, then the entries, folded when long.
    const std::uint32_t size = pp.RunqSize();
    const float cap = float(pp.runq.size());
    std::snprintf(buf, sizeof buf, "runq %u/%u", size, unsigned(pp.runq.size()));
    ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(x0 + fs * 0.4f, y), th.text_dim, buf);
    y += fs * 1.0f;
    const float bw = x1 - x0 - fs * 0.8f;
    ctx.dl->AddRect(ImVec2(x0 + fs * 0.4f, y), ImVec2(x0 + fs * 0.4f + bw, y + fs * 0.4f), th.grid);
    ctx.dl->AddRectFilled(ImVec2(x0 + fs * 0.4f, y),
                          ImVec2(x0 + fs * 0.4f + bw * float(size) / cap, y + fs * 0.4f),
                          size == pp.runq.size() ? th.danger : th.edge);
    y += fs * 0.7f;
    const float row = small * 1.45f;
    const float room = y1 - fs * 1.8f - y;  // leave room for schedtick at the bottom
    std::uint32_t fit = std::max<std::uint32_t>(2, std::uint32_t(room / row));
    std::uint32_t head = size, tail = 0;
    if (size > fit) {
      head = (fit - 1) / 2 + (fit - 1) % 2;
      tail = fit - 1 - head;
    }
    for (std::uint32_t i = 0; i < head && i < size; ++i) {
      GChip(ctx, ImVec2(x0 + fs * 0.4f, y), pp.RunqAt(i), th.panel_border, th.text, small);
      y += row;
    }
    if (size > fit) {
      std::snprintf(buf, sizeof buf, T(ctx.lang, "... %u more", "... 还有 %u 个"),
                    size - head - tail);
      ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(x0 + fs * 0.4f, y), th.text_dim, buf);
      y += row;
      for (std::uint32_t i = size - tail; i < size; ++i) {
        GChip(ctx, ImVec2(x0 + fs * 0.4f, y), pp.RunqAt(i), th.panel_border, th.text, small);
        y += row;
      }
    }
    std::snprintf(buf, sizeof buf, "schedtick %u  syscalltick %u", pp.schedtick, pp.syscalltick);
    if (TextW(small, buf) > x1 - x0 - fs * 0.6f)
      std::snprintf(buf, sizeof buf, "tick %u/%u", pp.schedtick, pp.syscalltick);
    ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(x0 + fs * 0.4f, y1 - fs * 1.4f), th.text, buf);
  }
}

// [SECTION] side panel
void SchedView::DrawSide(const ViewContext& ctx, const Layout& lay) {
  const Theme& th = ctx.theme;
  const float fs = lay.fs;
  const float small = fs * 0.85f;
  char buf[128];
  const float x0 = lay.side_min.x, x1 = lay.side_max.x;
  ctx.dl->AddRectFilled(lay.side_min, lay.side_max, th.panel_bg, fs * 0.3f);
  ctx.dl->AddRect(lay.side_min, lay.side_max, th.panel_border, fs * 0.3f);
  float y = lay.side_min.y + fs * 0.3f;
  const float xi = x0 + fs * 0.4f;
  auto wrap_chips = [&](auto count, auto at, ImU32 bg, ImU32 fg, std::size_t max_shown) {
    float x = xi;
    const std::size_t n = std::size_t(count);
    const std::size_t shown = std::min(n, max_shown);
    for (std::size_t i = 0; i < shown; ++i) {
      const std::string& l = m_run->Label(at(i));
      float w = TextW(small, l.c_str()) + small * 0.9f;
      if (x + w > x1 - fs * 0.4f) {
        x = xi;
        y += small * 1.5f;
      }
      x += GChip(ctx, ImVec2(x, y), at(i), bg, fg, small) + small * 0.3f;
    }
    if (n > shown) {
      std::snprintf(buf, sizeof buf, "+%zu", n - shown);
      ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(x, y), th.text_dim, buf);
    }
    y += small * 1.7f;
  };
  // Global run queue.
  std::snprintf(buf, sizeof buf, "%s (%zu)", T(ctx.lang, "global runq", "全局运行队列"),
                m_state.runq.size());
  ctx.dl->AddText(ImGui::GetFont(), fs, ImVec2(xi, y), th.text, buf);
  y += fs * 1.3f;
  wrap_chips(
      m_state.runq.size(), [this](std::size_t i) { return m_state.runq[i]; }, th.panel_border,
      th.text, 18);
  // M pool.
  ctx.dl->AddText(ImGui::GetFont(), fs, ImVec2(xi, y), th.text, T(ctx.lang, "Ms", "M 线程"));
  y += fs * 1.3f;
  float x = xi;
  for (std::size_t i = 0; i < m_state.ms.size() && i < 64; ++i) {
    const sched::M& m = m_state.ms[i];
    ImU32 bg = th.panel_border;
    const char* st = sched::MStateName(m.state).data();
    switch (m.state) {
      case sched::MState::kRunning:
        bg = th.accent;
        break;
      case sched::MState::kSchedule:
        bg = m.spinning ? th.warn : th.edge;
        st = m.spinning ? "spinning" : "schedule";
        break;
      case sched::MState::kSyscall:
        bg = th.danger;
        break;
      case sched::MState::kNetpoll:
        bg = th.ok;
        break;
      case sched::MState::kSysmon:
        bg = th.grid;
        break;
      case sched::MState::kIdle:
        break;
    }
    if (m.p != kNone) {
      std::snprintf(buf, sizeof buf, "M%zu %s P%d", i, st, m.p);
    } else {
      std::snprintf(buf, sizeof buf, "M%zu %s", i, st);
    }
    float w = TextW(small, buf) + small * 0.9f;
    if (x + w > x1 - fs * 0.4f) {
      x = xi;
      y += small * 1.5f;
    }
    Pill(ctx.dl, ImVec2(x, y), bg, m.state == sched::MState::kIdle ? th.text : th.canvas_bg, buf,
         small);
    x += w + small * 0.3f;
  }
  y += small * 1.9f;
  // sysmon.
  std::snprintf(buf, sizeof buf,
                T(ctx.lang, "sysmon: next round at %lld µs (sleep %lld µs)",
                  "sysmon：下一轮 %lld 微秒（睡眠 %lld 微秒）"),
                static_cast<long long>(m_state.sysmon.next),
                static_cast<long long>(m_state.sysmon.delay));
  ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(xi, y), th.text_dim, buf);
  y += fs * 1.4f;
  // The poller and timers.
  std::snprintf(buf, sizeof buf, "%s (%zu)%s", T(ctx.lang, "netpoller", "网络轮询器"),
                m_state.poller.size(),
                m_state.netpoll_m != kNone
                    ? T(ctx.lang, "  · an M blocks in netpoll", "  · 有 M 阻塞在 netpoll")
                    : "");
  ctx.dl->AddText(ImGui::GetFont(), fs, ImVec2(xi, y), th.text, buf);
  y += fs * 1.3f;
  wrap_chips(
      m_state.poller.size(), [this](std::size_t i) { return m_state.poller[i].g; }, th.ok,
      th.canvas_bg, 12);
  std::snprintf(buf, sizeof buf, "%s (%zu)", T(ctx.lang, "timers", "定时器"),
                m_state.timers.size());
  ctx.dl->AddText(ImGui::GetFont(), fs, ImVec2(xi, y), th.text, buf);
  y += fs * 1.3f;
  wrap_chips(
      m_state.timers.size(), [this](std::size_t i) { return m_state.timers[i].g; }, th.warn,
      th.canvas_bg, 12);
}

// [SECTION] moving Gs: steals, preemptions, handoffs to the global queue
void SchedView::DrawMoves(const ViewContext& ctx, const Layout& lay) {
  if (ctx.t >= 1.0f || ctx.prev_step + 1 != ctx.step) return;
  const float k = Ease(ctx.t);
  const ImVec2 global(lay.side_min.x + lay.fs, lay.side_min.y + lay.fs * 1.8f);
  for (const sched::Event& e : m_run->GetTimeline().Events(ctx.step)) {
    ImVec2 from, to;
    std::int32_t g = e.g;
    switch (e.kind) {
      case EventKind::kSteal:
        from = PColumnAnchor(lay, e.p2);
        to = PColumnAnchor(lay, e.p);
        break;
      case EventKind::kPreempt:
      case EventKind::kGosched:
      case EventKind::kRunqputSlow:
        from = PColumnAnchor(lay, e.p);
        to = global;
        break;
      case EventKind::kExitSyscall:
        if (e.n != 2 || e.p == kNone) continue;
        from = PColumnAnchor(lay, e.p);
        to = global;
        break;
      default:
        continue;
    }
    const ImVec2 pos = Lerp(from, to, k);
    Pill(ctx.dl, pos, ctx.theme.warn, ctx.theme.canvas_bg, m_run->Label(g).c_str(), lay.fs);
  }
}

// [SECTION] timeline lanes
void SchedView::DrawLanes(const ViewContext& ctx, const Layout& lay) {
  const Theme& th = ctx.theme;
  const float fs = lay.fs;
  const float small = fs * 0.8f;
  const std::int32_t procs = std::int32_t(m_lanes.size());
  if (procs == 0) return;
  const float label_w = fs * 2.2f;
  const float x0 = lay.lanes_min.x + label_w, x1 = lay.lanes_max.x - fs * 0.5f;
  const float top = lay.lanes_min.y + fs * 1.2f;
  const float lane_h = std::min(fs * 1.5f, (lay.lanes_max.y - top) / float(procs));
  ctx.dl->AddText(ImGui::GetFont(), small, lay.lanes_min, th.text_dim,
                  T(ctx.lang, "which G ran on each P (time →)", "每个 P 上运行的 G（时间 →）"));
  auto tx = [&](std::int64_t t) { return x0 + (x1 - x0) * float(double(t) / double(m_t_end)); };
  char buf[32];
  for (std::int32_t p = 0; p < procs; ++p) {
    const float y = top + lane_h * float(p);
    std::snprintf(buf, sizeof buf, "P%d", p);
    ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(lay.lanes_min.x, y), th.text_dim, buf);
    ctx.dl->AddLine(ImVec2(x0, y + lane_h - 1), ImVec2(x1, y + lane_h - 1), th.grid);
    const auto& lane = m_lanes[std::size_t(p)];
    // Cull: the first segment that ends after the left edge is the first; stop at the scrubber.
    float last_x = -1e9f;
    for (const Segment& s : lane) {
      if (s.step0 > ctx.step) break;
      float a = tx(s.t0);
      float b =
          std::max(a + 1.5f, tx(s.step0 <= ctx.step && s.t1 > m_state.now ? m_state.now : s.t1));
      if (b < last_x + 1.0f) continue;  // narrower than a pixel after the last one: folded
      ctx.dl->AddRectFilled(ImVec2(a, y + 2), ImVec2(b, y + lane_h - 3), GColor(th, s.goid));
      if (b - a > TextW(small, m_run->Label(s.goid).c_str()) + 4) {
        ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(a + 2, y + 2), th.canvas_bg,
                        m_run->Label(s.goid).c_str());
      }
      if (ImGui::IsMouseHoveringRect(ImVec2(a, y), ImVec2(b, y + lane_h))) m_hover_goid = s.goid;
      last_x = b;
    }
  }
  const float sx = tx(m_state.now);
  ctx.dl->AddLine(ImVec2(sx, top - 4), ImVec2(sx, top + lane_h * float(procs)), th.accent,
                  2.0f * ctx.scale);
}

void SchedView::Draw(const ViewContext& ctx) {
  if (!m_run) return;
  UpdateState(ctx.step);
  m_hover_goid = 0;
  Layout lay;
  lay.fs = ImGui::GetFontSize();
  const float fs = lay.fs;
  const float side_w = std::max(fs * 16.0f, ctx.size.x * 0.26f);
  const float lanes_h =
      std::max(fs * 4.0f, std::min(ctx.size.y * 0.26f, fs * (2.0f + 1.5f * float(m_lanes.size()))));
  lay.cols_min = ImVec2(ctx.origin.x + fs * 0.3f, ctx.origin.y + fs * 2.2f);
  lay.cols_max = ImVec2(ctx.origin.x + ctx.size.x - side_w - fs * 0.6f,
                        ctx.origin.y + ctx.size.y - lanes_h - fs * 0.6f);
  lay.side_min = ImVec2(lay.cols_max.x + fs * 0.3f, lay.cols_min.y);
  lay.side_max = ImVec2(ctx.origin.x + ctx.size.x - fs * 0.3f, lay.cols_max.y);
  lay.lanes_min = ImVec2(ctx.origin.x + fs * 0.3f, lay.cols_max.y + fs * 0.4f);
  lay.lanes_max =
      ImVec2(ctx.origin.x + ctx.size.x - fs * 0.3f, ctx.origin.y + ctx.size.y - fs * 0.2f);
  lay.col_w = (lay.cols_max.x - lay.cols_min.x) / float(std::max(1, m_state.gomaxprocs));
  ctx.dl->AddRectFilled(ctx.origin, Add(ctx.origin, ctx.size), ctx.theme.canvas_bg);
  DrawHeader(ctx, lay);
  DrawPs(ctx, lay);
  DrawSide(ctx, lay);
  DrawLanes(ctx, lay);
  DrawMoves(ctx, lay);
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

}  // namespace gs::app
