// [SECTION] index: run/lanes · state cache · header · P columns · side panel (global queue,
// M pool, sysmon, poller, timers, syscalls, parked) · moving Gs · timeline lanes · sandbox
// (select a G, go / syscall / wake) · G details on hover
#include "app/views/sched_view.h"

#include <algorithm>
#include <cstdio>

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
void SchedView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  m_state = m_run->GetTimeline().StateAt(step);
  m_state_step = step;
  // Sleepers and readers already show as timers and on the poller; the other waiting Gs and
  // those in a syscall get their own rows, so every G can be clicked somewhere.
  m_in_syscall.clear();
  m_parked.clear();
  for (std::size_t i = 0; i < m_state.gs.size(); ++i) {
    const sched::G& g = m_state.gs[i];
    if (g.status == sched::GStatus::kSyscall) m_in_syscall.push_back(g.goid);
    if (g.status != sched::GStatus::kWaiting) continue;
    if (g.wait != sched::WaitReason::kSleep && g.wait != sched::WaitReason::kIOWait) {
      m_parked.push_back(g.goid);
    }
  }
}

bool SchedView::SetOption(std::string_view key, std::string_view value) {
  if (key != "select") return false;
  m_sel_label = std::string(value);
  if (m_run) SetRun(m_run);
  return true;
}

ImU32 SchedView::GColor(const Theme& th, std::int32_t goid) const {
  const ImU32 palette[] = {th.accent, th.ok, th.warn, th.edge, th.danger};
  return WithAlpha(palette[std::size_t(goid) % 5], 0.85f);
}

float SchedView::GChip(const ViewContext& ctx, ImVec2 pos, std::int32_t goid, ImU32 bg, ImU32 fg,
                       float fs) {
  const std::string& label = m_run->Label(goid);
  ImVec2 sz = Pill(ctx.dl, pos, bg, fg, label.c_str(), fs);
  m_hits.push_back({pos, ImVec2(pos.x + sz.x, pos.y + sz.y), goid});
  if (ctx.sandbox && goid == m_sel_goid) {
    // The sandbox selection: a ring in the text color, visible on every chip color.
    const float gap = 2.5f * ctx.scale;
    ctx.dl->AddRect(ImVec2(pos.x - gap, pos.y - gap),
                    ImVec2(pos.x + sz.x + gap, pos.y + sz.y + gap), ctx.theme.text,
                    sz.y * 0.5f + gap, 0, 2.5f * ctx.scale);
  }
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
    // A P in _Psyscall still belongs to the G in the call (m.oldp), until retake.
    std::int32_t in_call = kNone;
    if (pp.status == sched::PStatus::kSyscall) {
      for (const sched::M& mm : m_state.ms) {
        if (mm.state == sched::MState::kSyscall && mm.oldp == p) in_call = mm.curg;
      }
    }
    if (g != kNone) {
      GChip(ctx, ImVec2(x0 + fs * 0.4f, y), g, th.accent, th.canvas_bg, fs);
    } else if (in_call != kNone) {
      GChip(ctx, ImVec2(x0 + fs * 0.4f, y), in_call, th.danger, th.canvas_bg, fs);
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
  ctx.dl->PushClipRect(lay.side_min, lay.side_max, true);
  float y = lay.side_min.y + fs * 0.3f;
  const float xi = x0 + fs * 0.4f;
  // Chips from x_start, wrapping to new rows at xi; the row after them starts at y.
  auto wrap_chips_from = [&](float x_start, auto count, auto at, ImU32 bg, ImU32 fg,
                             std::size_t max_shown) {
    float x = x_start;
    const std::size_t n = std::size_t(count);
    if (n == 0) {  // the "(0)" in the heading says it; keep the room for the lists that have Gs
      y += small * 0.5f;
      return;
    }
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
  auto wrap_chips = [&](auto count, auto at, ImU32 bg, ImU32 fg, std::size_t max_shown) {
    wrap_chips_from(xi, count, at, bg, fg, max_shown);
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
  // Gs in a system call, and Gs parked on channels, in Wait or for runtime reasons.
  if (!m_in_syscall.empty()) {
    std::snprintf(buf, sizeof buf, "%s (%zu)", Tr(Str::kSchedSbInSyscall, ctx.lang),
                  m_in_syscall.size());
    // Short headings: the chips follow on the same row.
    ctx.dl->AddText(ImGui::GetFont(), fs, ImVec2(xi, y), th.text, buf);
    y += (fs - small) * 0.5f;
    wrap_chips_from(
        xi + TextW(fs, buf) + fs * 0.5f, m_in_syscall.size(),
        [this](std::size_t i) { return m_in_syscall[i]; }, th.danger, th.canvas_bg, 12);
  }
  if (!m_parked.empty()) {
    std::snprintf(buf, sizeof buf, "%s (%zu)", Tr(Str::kSchedSbParked, ctx.lang), m_parked.size());
    ctx.dl->AddText(ImGui::GetFont(), fs, ImVec2(xi, y), th.text, buf);
    y += (fs - small) * 0.5f;
    wrap_chips_from(
        xi + TextW(fs, buf) + fs * 0.5f, m_parked.size(),
        [this](std::size_t i) { return m_parked[i]; }, th.panel_border, th.text, 12);
  }
  ctx.dl->PopClipRect();
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
      if (ctx.sandbox && s.goid == m_sel_goid) {
        ctx.dl->AddRect(ImVec2(a, y + 1), ImVec2(b, y + lane_h - 2), th.text, 0, 0,
                        2.0f * ctx.scale);
      }
      if (b - a > TextW(small, m_run->Label(s.goid).c_str()) + 4) {
        ctx.dl->AddText(ImGui::GetFont(), small, ImVec2(a + 2, y + 2), th.canvas_bg,
                        m_run->Label(s.goid).c_str());
      }
      m_hits.push_back({ImVec2(a, y), ImVec2(b, y + lane_h), s.goid});
      last_x = b;
    }
  }
  const float sx = tx(m_state.now);
  ctx.dl->AddLine(ImVec2(sx, top - 4), ImVec2(sx, top + lane_h * float(procs)), th.accent,
                  2.0f * ctx.scale);
}

// [SECTION] sandbox: the selected G and what can be done to it here (each action is a
// script op at this step, followed by a run so the program goes on from it)
namespace {

// The sandbox strip's height for its width: a title row, a row of controls, the help under
// them (each in half the width) and the note about branching.
float SandboxHeight(float fs, float width, Lang l) {
  const float small = fs * 0.85f;
  const float inner = width - fs * 1.2f;
  const float half = (inner - fs * 1.5f) * 0.5f;
  ImFont* font = ImGui::GetFont();
  auto h = [&](Str s, float w) { return font->CalcTextSizeA(small, 1e9f, w, Tr(s, l)).y; };
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
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float fs = lay.fs;
  const float small = fs * 0.85f;
  const float pad = fs * 0.6f;
  ImFont* font = ImGui::GetFont();
  ImDrawList* dl = ctx.dl;
  dl->AddRectFilled(lay.sb_min, lay.sb_max, th.panel_bg, fs * 0.3f);
  dl->AddRect(lay.sb_min, lay.sb_max, th.warn, fs * 0.3f, 0, 2.0f * ctx.scale);
  const float x0 = lay.sb_min.x + pad, x1 = lay.sb_max.x - pad;
  // Wrapped text drawn straight into the canvas; returns its height.
  auto text = [&](float x, float y, float right, ImU32 col, float size, const char* t) {
    dl->AddText(font, size, ImVec2(x, y), col, t, nullptr, right - x);
    return font->CalcTextSizeA(size, 1e9f, right - x, t).y;
  };
  // Title row: "Record at this step   w3  _Grunning · P1".
  float y = lay.sb_min.y + fs * 0.4f;
  const char* title = Tr(Str::kSandboxActions, l);
  text(x0, y, x1, th.warn, fs, title);
  float tx = x0 + font->CalcTextSizeA(fs, 1e9f, 0, title).x + fs * 1.2f;
  // The note about branching sits at the bottom.
  const float note_y = lay.sb_max.y - fs * 0.4f -
                       font->CalcTextSizeA(small, 1e9f, x1 - x0, Tr(Str::kSchedSbBranchNote, l)).y;
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
  const ImVec2 chip = Pill(dl, ImVec2(tx, y - fs * 0.1f), th.text, th.canvas_bg, label.c_str(), fs);
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
  if (!m_run) return;
  UpdateState(ctx.step);
  m_hover_goid = 0;
  m_hits.clear();
  for (auto& b : m_buttons) b = {};
  Layout lay;
  lay.fs = ImGui::GetFontSize();
  const float fs = lay.fs;
  const float side_w = std::max(fs * 16.0f, ctx.size.x * 0.26f);
  const float lanes_h =
      std::max(fs * 4.0f, std::min(ctx.size.y * 0.26f, fs * (2.0f + 1.5f * float(m_lanes.size()))));
  // The app's sandbox bar (undo, save as) sits near the canvas bottom: keep the lanes above
  // it; the sandbox strip spans the width between the columns and the lanes.
  const float bottom = ctx.sandbox ? ImGui::GetFrameHeight() * 3.0f : fs * 0.2f;
  const float strip_h = ctx.sandbox ? SandboxHeight(fs, ctx.size.x - fs * 0.85f, ctx.lang) : 0.0f;
  const float strip = ctx.sandbox ? strip_h + fs * 0.4f : 0.0f;
  lay.cols_min = ImVec2(ctx.origin.x + fs * 0.3f, ctx.origin.y + fs * 2.2f);
  lay.cols_max = ImVec2(ctx.origin.x + ctx.size.x - side_w - fs * 0.6f,
                        ctx.origin.y + ctx.size.y - bottom - lanes_h - strip - fs * 0.4f);
  lay.side_min = ImVec2(lay.cols_max.x + fs * 0.3f, lay.cols_min.y);
  lay.side_max = ImVec2(ctx.origin.x + ctx.size.x - fs * 0.3f, lay.cols_max.y);
  if (ctx.sandbox) {
    lay.sb_min = ImVec2(lay.cols_min.x + fs * 0.25f, lay.cols_max.y + fs * 0.4f);
    lay.sb_max = ImVec2(lay.side_max.x, lay.sb_min.y + strip_h);
  }
  lay.lanes_min = ImVec2(ctx.origin.x + fs * 0.3f, lay.cols_max.y + strip + fs * 0.4f);
  lay.lanes_max = ImVec2(ctx.origin.x + ctx.size.x - fs * 0.3f, ctx.origin.y + ctx.size.y - bottom);
  lay.col_w = (lay.cols_max.x - lay.cols_min.x) / float(std::max(1, m_state.gomaxprocs));
  ctx.dl->AddRectFilled(ctx.origin, Add(ctx.origin, ctx.size), ctx.theme.canvas_bg);
  DrawHeader(ctx, lay);
  DrawPs(ctx, lay);
  DrawSide(ctx, lay);
  DrawLanes(ctx, lay);
  DrawMoves(ctx, lay);
  // Hover: the last chip or lane bar drawn under the mouse (the one on top).
  for (const Hit& h : m_hits) {
    if (ImGui::IsMouseHoveringRect(h.min, h.max)) m_hover_goid = h.goid;
  }
  if (ctx.sandbox) {
    DrawSandbox(ctx, lay);
    if (m_hover_goid > 0 && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) {
      m_sel_goid = m_hover_goid;
    }
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

bool SchedView::ButtonRect(SandboxButton b, ImVec2* min, ImVec2* max) const {
  const Hit& h = m_buttons[int(b)];
  if (h.goid == 0) return false;
  *min = h.min;
  *max = h.max;
  return true;
}

}  // namespace gs::app
