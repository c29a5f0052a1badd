// [SECTION] index: helpers · run (output, crash) · state cache · counters · actors panel
// (supervision tree, mailboxes, lost ghosts) · CSP panel (channels, blocked senders) · output
// · draw · picking
#include "app/views/concurrency_view.h"

#include <algorithm>
#include <cstdio>

#include "app/imgui_compat.h"
#include "app/views/draw_util.h"
#include "engine/sched/chan_narration.h"

namespace gs::app {
namespace {

using sched::EventKind;
using sched::kNone;
using sched::Side;

const char* T(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
}

// Text cut to max_w (whole UTF-8 characters; nothing when not one fits); returns its width.
float FitText(Canvas& c, ImVec2 pos, float size, ImU32 col, std::string_view s, float max_w) {
  if (max_w <= 0) return 0;
  std::size_t n = s.size();
  while (n > 0 && c.TextSize(size, s.substr(0, n)).x > max_w) {
    --n;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  }
  if (n == 0) return 0;
  c.Text(pos, size, col, s.substr(0, n));
  return c.TextSize(size, s.substr(0, n)).x;
}

const char* GState(const sched::G& g, Lang l) {
  switch (g.status) {
    case sched::GStatus::kRunning:
      return T(l, "running", "运行中");
    case sched::GStatus::kRunnable:
      return g.blocked ? T(l, "woken, waits for the P", "已唤醒，等待 P")
                       : T(l, "runnable", "可运行");
    case sched::GStatus::kWaiting:
      switch (g.wait) {
        case sched::WaitReason::kChanSend:
          return T(l, "blocked: send", "阻塞：发送");
        case sched::WaitReason::kChanReceive:
          return T(l, "waits: recv", "等待：接收");
        case sched::WaitReason::kActorReceive:
          return T(l, "idle: empty mailbox", "空闲：邮箱为空");
        case sched::WaitReason::kActorAsk:
          return T(l, "blocked: ask", "阻塞：ask");
        case sched::WaitReason::kSelect:
          return T(l, "waits: select", "等待：select");
        case sched::WaitReason::kSleep:
          return T(l, "sleeping", "睡眠");
        case sched::WaitReason::kSemacquire:
          return T(l, "waits: Wait", "等待：Wait");
        default:
          return T(l, "waiting", "等待");
      }
    case sched::GStatus::kDead:
      return T(l, "exited", "已退出");
    default:
      return T(l, "idle", "空闲");
  }
}

bool Blocked(const sched::G& g) {
  return g.blocked;  // parked in a send or an ask, until it runs again (the engine's counter)
}

constexpr float kCellW = 2.6f;  // a message cell or buffer slot, in u

}  // namespace

// [SECTION] run: each side's output, and the CSP crash, are known for the whole run
void ConcurrencyView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const sched::ConcurrencyRun>(run);
  m_loaded = SIZE_MAX;
  m_crash.clear();
  m_crash_step = SIZE_MAX;
  for (auto& p : m_prints) p.clear();
  if (!m_run) return;
  for (Side s : {Side::kActors, Side::kCsp}) {
    const sched::SchedRun& r = m_run->SideRun(s);
    for (std::size_t i = 0; i < r.StepCount(); ++i) {
      for (const sched::Event& e : r.GetTimeline().Events(i)) {
        if (e.kind == EventKind::kPrint) {
          m_prints[int(s)].push_back({i, sched::FormatValue(r.Prog(), sched::VType(e.n), e.n2)});
        } else if (s == Side::kCsp && m_crash_step == SIZE_MAX &&
                   (e.kind == EventKind::kPanic || e.kind == EventKind::kDeadlock)) {
          m_crash_step = i;
          m_crash =
              sched::CrashReport(r, r.GetTimeline().StateAt(i), e.kind == EventKind::kDeadlock);
        }
      }
    }
  }
}

// [SECTION] state cache
void ConcurrencyView::Load(std::size_t step) {
  if (step == m_loaded) return;
  m_loaded = step;
  const sched::SchedRun& a = m_run->SideRun(Side::kActors);
  const sched::SchedRun& c = m_run->SideRun(Side::kCsp);
  const std::size_t sa = m_run->SideStep(Side::kActors, step);
  const std::size_t sc = m_run->SideStep(Side::kCsp, step);
  m_a_moved = m_run->Advanced(Side::kActors, step);
  m_c_moved = m_run->Advanced(Side::kCsp, step);
  m_a = a.GetTimeline().StateAt(sa);
  m_a_prev = m_a_moved ? a.GetTimeline().StateAt(sa - 1) : m_a;
  m_c = c.GetTimeline().StateAt(sc);
  m_c_prev = m_c_moved ? c.GetTimeline().StateAt(sc - 1) : m_c;
}

void ConcurrencyView::AddHit(ImVec2 a, ImVec2 b, const std::string& label) {
  if (m_hit_count == m_hits.size()) m_hits.emplace_back();
  Hit& h = m_hits[m_hit_count++];
  h.min = a;
  h.max = b;
  h.label.assign(label);
}

bool ConcurrencyView::HitRect(const std::string& label, ImVec2* min, ImVec2* max) const {
  for (std::size_t i = 0; i < m_hit_count; ++i) {
    if (m_hits[i].label != label) continue;
    *min = m_hits[i].min;
    *max = m_hits[i].max;
    return true;
  }
  return false;
}

// [SECTION] counters: four pills from the engine's SideCounters
float ConcurrencyView::DrawCounters(const ViewContext& ctx, Side side, ImVec2 a, float x1,
                                    float u) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const sched::SideCounters& k = m_run->Counters(side, ctx.step);
  const sched::SideCounters& kp = m_run->Counters(side, ctx.step > 0 ? ctx.step - 1 : 0);
  const Lang l = ctx.lang;
  struct Item {
    const char* name;
    std::int64_t v, was;
    const char* unit;
    bool bad;
  } items[4] = {
      {T(l, "in flight", "在途"), k.in_flight, kp.in_flight, "", false},
      {T(l, "max queue", "最长队列"), k.max_queue, kp.max_queue, "", false},
      {T(l, "blocked", "阻塞"), k.blocked_us, kp.blocked_us, " µs", k.blocked_us > 0},
      {T(l, "lost", "丢失"), k.lost, kp.lost, "", k.lost > 0},
  };
  float x = a.x, y = a.y;
  const float h = u * 1.5f;
  for (const Item& it : items) {
    std::snprintf(m_buf, sizeof m_buf, "%s %lld%s", it.name, static_cast<long long>(it.v), it.unit);
    const float w = c.TextSize(u, m_buf).x + u * 0.8f;
    if (x + w > x1 && x > a.x) {
      x = a.x;
      y += h + u * 0.3f;
    }
    const ImVec2 p(x, y), q(x + w, y + h);
    c.RectFilled(p, q, th.panel_bg, h * 0.3f);
    c.Rect(p, q, it.bad ? th.danger : th.panel_border, h * 0.3f, ctx.Line());
    if (it.v != it.was) MarkChangedRect(c, p, q, th.changed, ctx.Line(), ctx.t, h * 0.3f);
    c.Text(ImVec2(x + u * 0.4f, y + (h - u) * 0.5f), u, it.bad ? th.danger : th.text, m_buf);
    x += w + u * 0.4f;
  }
  return y + h + u * 0.5f;
}

// [SECTION] actors panel: the supervision tree, then each actor with its mailbox
void ConcurrencyView::DrawActors(const ViewContext& ctx, ImVec2 a, ImVec2 b, float u) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const sched::SchedRun& run = m_run->SideRun(Side::kActors);
  const sched::Program& pr = run.Prog();
  const float line = ctx.Line();
  float y = a.y;
  m_cells.assign(pr.actors.size(), 0);
  // A supervised actor hangs below its supervisor's pill (one-for-one: one child each here).
  for (std::size_t ai = 0; ai < pr.actors.size(); ++ai) {
    const sched::ActorDecl& d = pr.actors[ai];
    const sched::Mailbox& mb = m_a.mailboxes[ai];
    const sched::Mailbox& mp = m_a_prev.mailboxes[ai];
    float x = a.x;
    // What does not fit the panel is left out (the counters still say it), never drawn over.
    if (y + u * 1.7f > b.y) break;
    if (d.supervisor != kNone) {
      const sched::Supervisor& sup = pr.supervisors[std::size_t(d.supervisor)];
      std::snprintf(m_buf, sizeof m_buf, "%s %s  %s %d/%d", T(l, "supervisor", "监督者"),
                    sup.name.c_str(), T(l, "restarts", "重启"), mb.restarts, sup.max_restarts);
      const ImVec2 sz = PillSize(c, m_buf, u);
      Pill(c, ImVec2(x, y), th.panel_bg, mb.restarts > mp.restarts ? th.warn : th.text_dim, m_buf,
           u);
      if (mb.restarts != mp.restarts) {
        MarkChangedRect(c, ImVec2(x, y), ImVec2(x + sz.x, y + sz.y), th.changed, line, ctx.t);
      }
      // The tree edge from the supervisor down to its child.
      c.Line(ImVec2(x + u, y + sz.y), ImVec2(x + u, y + sz.y + u * 0.6f), th.grid, line);
      y += sz.y + u * 0.6f;
      x += u * 0.4f;
    }
    // The actor's box across the panel: name, goroutine, what it does, the message in hand.
    const float bh = u * 1.7f;
    if (y + bh > b.y) break;
    const ImVec2 p(x, y), q(b.x, y + bh);
    const bool down = mb.down;
    c.RectFilled(p, q, th.panel_bg, u * 0.3f);
    c.Rect(p, q, down ? th.danger : th.accent, u * 0.3f, line);
    if (down) DashedRect(c, p, q, th.danger, line, u * 0.4f);
    float tx = x + u * 0.4f;
    tx += FitText(c, ImVec2(tx, y + u * 0.3f), u * 1.1f, th.text, d.name, q.x - tx) + u * 0.6f;
    if (mb.g != kNone) {
      const sched::G& g = m_a.Gor(mb.g);
      std::snprintf(m_buf, sizeof m_buf, "%s · %s", run.Label(mb.g).c_str(), GState(g, l));
    } else {
      std::snprintf(m_buf, sizeof m_buf, "%s",
                    down ? T(l, "down", "已停止") : T(l, "not started", "未启动"));
    }
    tx += FitText(c, ImVec2(tx, y + u * 0.4f), u, down ? th.danger : th.text_dim, m_buf,
                  q.x - tx - u * 0.4f) +
          u * 0.6f;
    if (mb.holding) {
      std::snprintf(m_buf, sizeof m_buf, "%s %s", T(l, "handling", "处理中"),
                    sched::FormatValue(pr, mb.in_hand.type, mb.in_hand.value).c_str());
      FitText(c, ImVec2(tx, y + u * 0.4f), u, th.ok, m_buf, q.x - tx - u * 0.4f);
    }
    if (mb.g != mp.g || mb.down != mp.down || mb.holding != mp.holding ||
        mb.in_hand.seq != mp.in_hand.seq) {
      MarkChangedRect(c, p, q, th.changed, line, ctx.t, u * 0.3f);
    }
    AddHit(p, q, d.name);
    y += bh + u * 0.3f;
    if (y + u * 1.7f > b.y) break;
    // The mailbox below it: FIFO from the head (left) to the newest (right), wrapping once.
    const char* mword = T(l, "mailbox", "邮箱");
    c.Text(ImVec2(x, y + u * 0.35f), u, th.text_dim, mword);
    std::snprintf(m_buf, sizeof m_buf, "%zu", mb.Length());
    const float lw = c.TextSize(u, mword).x + u * 0.3f;
    c.Text(ImVec2(x + lw, y + u * 0.35f), u, mb.Length() > mp.Length() ? th.warn : th.text, m_buf);
    const float cell0 = x + lw + c.TextSize(u, "000").x + u * 0.3f;
    float mx = cell0;
    float cy = y;
    const float ch = u * 1.7f, cw = u * kCellW;
    const std::size_t per_row = std::size_t(std::max(1.0f, (b.x - cell0) / (cw + u * 0.2f)));
    const std::size_t fit = per_row * 2;
    const std::size_t n = mb.Length();
    const std::size_t shown = n <= fit ? n : fit - 1;
    for (std::size_t i = 0; i < shown; ++i) {
      if (i == per_row) {
        if (cy + (ch + u * 0.2f) * 2 > b.y) break;  // no room for a second row
        mx = cell0;
        cy += ch + u * 0.2f;
      }
      const sched::Message& m = mb.queue[mb.head + i];
      const ImVec2 cp(mx, cy), cq(mx + cw, cy + ch);
      c.RectFilled(cp, cq, WithAlpha(th.accent, 0.25f), u * 0.2f);
      c.Rect(cp, cq, th.accent, u * 0.2f, line);
      const std::string v = sched::FormatValue(pr, m.type, m.value);
      c.TextCentered(ImVec2(mx + cw * 0.5f, cy + ch * 0.5f), u, th.text, v);
      // The newest message of a growing mailbox.
      if (i + 1 == n && n > mp.Length()) MarkChangedRect(c, cp, cq, th.changed, line, ctx.t);
      AddHit(cp, cq, v);
      mx += cw + u * 0.2f;
      ++m_cells[ai];
    }
    if (m_cells[ai] < n) {
      std::snprintf(m_buf, sizeof m_buf, "+%zu", n - m_cells[ai]);
      c.Text(ImVec2(mx, cy + (ch - u) * 0.5f), u, th.warn, m_buf);
      mx += c.TextSize(u, m_buf).x + u * 0.4f;
    }
    if (n == 0 && m_a.lost.size() == m_a_prev.lost.size()) {
      DashedRect(c, ImVec2(mx, cy), ImVec2(mx + cw, cy + ch), th.grid, line, u * 0.3f);
      mx += cw + u * 0.2f;
    }
    // Lost at this step: ghosts of the messages that died with the mailbox (or dead letters).
    for (std::size_t k = m_a_prev.lost.size(); k < m_a.lost.size(); ++k) {
      const sched::LostMsg& lm = m_a.lost[k];
      if (lm.actor != std::int16_t(ai) || mx + cw > b.x) continue;
      const ImVec2 cp(mx, cy), cq(mx + cw, cy + ch);
      c.RectFilled(cp, cq, WithAlpha(th.ghost, 0.25f * GhostAlpha(ctx.t)), u * 0.2f);
      DashedRect(c, cp, cq, th.danger, line, u * 0.3f);
      c.TextCentered(ImVec2(mx + cw * 0.5f, cy + ch * 0.5f), u, th.danger,
                     sched::FormatValue(pr, lm.msg.type, lm.msg.value));
      mx += cw + u * 0.2f;
      ++m_ghosts;
    }
    if (m_ghosts > 0 && m_a.lost.size() > m_a_prev.lost.size() && cy + ch + u * 1.2f <= b.y) {
      FitText(c, ImVec2(cell0, cy + ch + u * 0.1f), u, th.danger,
              T(l, "✕ lost (dashed)", "✕ 丢失（虚线）"), b.x - cell0);
      cy += u * 1.2f;
    }
    y = cy + ch + u * 0.9f;
  }
  // The other goroutines (producers, main): one chip each, blocked ones in the danger colour.
  float x = a.x;
  for (std::size_t i = 0; i < m_a.gs.size(); ++i) {
    const sched::G& g = m_a.gs[i];
    if (g.system || g.actor != kNone || g.status == sched::GStatus::kDead) continue;
    std::snprintf(m_buf, sizeof m_buf, "%s: %s", run.Label(g.goid).c_str(), GState(g, l));
    const ImVec2 sz = PillSize(c, m_buf, u);
    if (x + sz.x > b.x && x > a.x) {
      x = a.x;
      y += sz.y + u * 0.3f;
    }
    if (y + sz.y > b.y) break;
    Pill(c, ImVec2(x, y), th.panel_bg, Blocked(g) ? th.danger : th.text, m_buf, u);
    const sched::G& was = m_a_prev.gs.size() > i ? m_a_prev.gs[i] : g;
    if (was.status != g.status || m_a_prev.gs.size() <= i) {
      MarkChangedRect(c, ImVec2(x, y), ImVec2(x + sz.x, y + sz.y), th.changed, line, ctx.t);
    }
    AddHit(ImVec2(x, y), ImVec2(x + sz.x, y + sz.y), run.Label(g.goid));
    x += sz.x + u * 0.4f;
  }
}

// [SECTION] CSP panel: each channel's buffer, the senders parked in sendq, the goroutines
void ConcurrencyView::DrawCsp(const ViewContext& ctx, ImVec2 a, ImVec2 b, float u) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const sched::SchedRun& run = m_run->SideRun(Side::kCsp);
  const sched::Program& pr = run.Prog();
  const float line = ctx.Line();
  const bool dead = m_c.panic != sched::PanicKind::kNoPanic;
  float y = a.y;
  // Buffered channels and channels with waiters first: they carry the workload; an idle
  // unbuffered helper (done, total) comes last and is the first to fall off a short panel.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t ci = 0; ci < m_c.chans.size(); ++ci) {
      const sched::Chan& ch = m_c.chans[ci];
      const bool busy = ch.dataqsiz > 0 || !ch.sendq.empty() || !ch.recvq.empty();
      if (busy != (pass == 0)) continue;
      if (y + u * 3.0f > b.y) break;  // the name row and the slots
      const sched::Chan& cp = m_c_prev.chans[ci];
      const float hh = u * 1.3f, ch_h = u * 1.7f, cw = u * kCellW;
      std::snprintf(m_buf, sizeof m_buf, "%s  cap %d  %d/%d%s", pr.chan_names[ci].c_str(),
                    ch.dataqsiz, ch.qcount, ch.dataqsiz,
                    ch.closed ? T(l, "  closed", "  已关闭") : "");
      const bool full = ch.dataqsiz > 0 && ch.qcount == ch.dataqsiz;
      FitText(c, ImVec2(a.x, y), u, full ? th.warn : th.text, m_buf, b.x - a.x);
      y += hh;
      float x = a.x;
      const ImVec2 box0(x, y);
      // The buffer in FIFO order from recvx; an unbuffered channel shows one dashed hand-off.
      if (ch.dataqsiz == 0) {
        DashedRect(c, ImVec2(x, y), ImVec2(x + cw, y + ch_h), th.grid, line, u * 0.3f);
        x += cw + u * 0.3f;
      }
      for (int i = 0; i < ch.dataqsiz && x + cw <= b.x; ++i) {
        const std::size_t slot = (ch.recvx + std::uint32_t(i)) % std::uint32_t(ch.dataqsiz);
        const bool has = i < ch.qcount;
        const ImVec2 p(x, y), q(x + cw, y + ch_h);
        c.RectFilled(p, q, has ? WithAlpha(th.accent, 0.25f) : th.panel_bg, u * 0.2f);
        c.Rect(p, q, th.panel_border, u * 0.2f, line);
        if (has) {
          const std::string v = sched::FormatValue(pr, ch.elem, ch.buf[slot]);
          // After a panic nothing will receive it: drawn as lost.
          if (dead) DashedRect(c, p, q, th.danger, line, u * 0.3f);
          c.TextCentered(ImVec2(x + cw * 0.5f, y + ch_h * 0.5f), u, dead ? th.danger : th.text, v);
          AddHit(p, q, v);
          m_ghosts += dead ? 1 : 0;
        }
        x += cw + u * 0.2f;
      }
      const ImVec2 box1(x - u * 0.2f, y + ch_h);
      if (ch.qcount != cp.qcount || ch.closed != cp.closed) {
        MarkChangedRect(c, box0, box1, th.changed, line, ctx.t, u * 0.2f);
      }
      // Blocked senders: each chip carries the value it waits to hand over.
      x += u * 0.4f;
      for (const sched::Sudog& sg : ch.sendq) {
        std::snprintf(m_buf, sizeof m_buf, "%s %s %s", run.Label(sg.g).c_str(),
                      T(l, "blocked ←", "阻塞 ←"),
                      sched::FormatValue(pr, ch.elem, sg.value).c_str());
        const ImVec2 sz = PillSize(c, m_buf, u);
        if (x + sz.x > b.x) break;
        const ImVec2 p(x, y + (ch_h - sz.y) * 0.5f);
        Pill(c, p, WithAlpha(th.danger, 0.2f), th.danger, m_buf, u);
        bool was = false;
        for (const sched::Sudog& o : cp.sendq) was = was || o.g == sg.g;
        if (!was) MarkChangedRect(c, p, ImVec2(p.x + sz.x, p.y + sz.y), th.changed, line, ctx.t);
        AddHit(p, ImVec2(p.x + sz.x, p.y + sz.y), run.Label(sg.g));
        x += sz.x + u * 0.3f;
        ++m_blocked;
      }
      for (const sched::Sudog& sg : ch.recvq) {
        std::snprintf(m_buf, sizeof m_buf, "%s %s", run.Label(sg.g).c_str(),
                      T(l, "waits →", "等待 →"));
        const ImVec2 sz = PillSize(c, m_buf, u);
        if (x + sz.x > b.x) break;
        Pill(c, ImVec2(x, y + (ch_h - sz.y) * 0.5f), th.panel_bg, th.text_dim, m_buf, u);
        x += sz.x + u * 0.3f;
      }
      if (dead && ch.qcount > 0 && y + ch_h + u * 1.3f <= b.y) {
        FitText(c, ImVec2(a.x, y + ch_h + u * 0.1f), u, th.danger,
                T(l, "✕ lost: the panic ended the program", "✕ 丢失：panic 结束了程序"), b.x - a.x);
        y += u * 1.2f;
      }
      y += ch_h + u * 0.7f;
    }
  }
  float x = a.x;
  for (std::size_t i = 0; i < m_c.gs.size(); ++i) {
    const sched::G& g = m_c.gs[i];
    if (g.system || g.status == sched::GStatus::kDead) continue;
    std::snprintf(m_buf, sizeof m_buf, "%s: %s", run.Label(g.goid).c_str(), GState(g, l));
    const ImVec2 sz = PillSize(c, m_buf, u);
    if (x + sz.x > b.x && x > a.x) {
      x = a.x;
      y += sz.y + u * 0.3f;
    }
    if (y + sz.y > b.y) break;
    Pill(c, ImVec2(x, y), th.panel_bg, Blocked(g) ? th.danger : th.text, m_buf, u);
    const bool changed = m_c_prev.gs.size() <= i || m_c_prev.gs[i].status != g.status;
    if (changed)
      MarkChangedRect(c, ImVec2(x, y), ImVec2(x + sz.x, y + sz.y), th.changed, line, ctx.t);
    AddHit(ImVec2(x, y), ImVec2(x + sz.x, y + sz.y), run.Label(g.goid));
    x += sz.x + u * 0.4f;
  }
}

// [SECTION] output: what the side printed so far; the CSP crash in the danger colour
float ConcurrencyView::DrawOutput(const ViewContext& ctx, Side side, ImVec2 a, ImVec2 b, float u) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const std::size_t at = m_run->SideStep(side, ctx.step);
  const auto& prints = m_prints[int(side)];
  std::size_t n = 0;
  while (n < prints.size() && prints[n].step <= at) ++n;
  const bool crash = side == Side::kCsp && m_crash_step != SIZE_MAX && at >= m_crash_step;
  const float row = u * 1.2f;
  const std::size_t rows = std::size_t(std::max(1.0f, (b.y - a.y - u * 1.4f) / row));
  // The crash text (at most 3 lines) comes first when rows are short: it says how it ended.
  const std::size_t crash_rows = crash ? std::min({m_crash.size(), std::size_t(3), rows}) : 0;
  const std::size_t print_rows = rows > crash_rows ? rows - crash_rows : 0;
  c.RectFilled(a, b, th.panel_bg, u * 0.3f);
  c.Text(ImVec2(a.x + u * 0.4f, a.y + u * 0.2f), u, th.text_dim, T(ctx.lang, "output", "输出"));
  // The prints flow side by side; when they need more rows than there are, the oldest go.
  const float x0 = a.x + u * 0.4f, xmax = b.x - u * 0.4f;
  std::size_t first = n, used = print_rows > 0 ? 1 : 0;
  float w_row = 0;
  while (first > 0 && used > 0) {
    const float w = c.TextSize(u, prints[first - 1].text).x + u * 0.8f;
    if (w_row + w > xmax - x0 && w_row > 0) {
      if (++used > print_rows) break;
      w_row = 0;
    }
    w_row += w;
    --first;
  }
  float y = a.y + u * 1.4f;
  float x = x0;
  for (std::size_t i = first; i < n; ++i) {
    const float w = c.TextSize(u, prints[i].text).x;
    if (x + w > xmax && x > x0) {
      x = x0;
      y += row;
    }
    const bool fresh = prints[i].step == at && m_run->Advanced(side, ctx.step);
    c.Text(ImVec2(x, y), u, fresh ? th.ok : th.text, prints[i].text);
    x += w + u * 0.8f;
  }
  if (crash) {
    m_crash_shown = true;
    float cy = b.y - float(crash_rows) * row - u * 0.2f;
    for (std::size_t i = 0; i < crash_rows; ++i) {
      FitText(c, ImVec2(a.x + u * 0.4f, cy), u, th.danger, m_crash[i], b.x - a.x - u * 0.8f);
      cy += row;
    }
  }
  return b.y;
}

// [SECTION] draw
void ConcurrencyView::Draw(const ViewContext& ctx) {
  if (!m_run || !ctx.canvas) return;
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  Load(ctx.step);
  m_hit_count = 0;
  m_ghosts = 0;
  m_blocked = 0;
  m_crash_shown = false;
  const float u = ctx.ui_font * FitScale(ctx.size, ImVec2(ctx.ui_font * 62, ctx.ui_font * 30));
  c.RectFilled(ctx.origin, Add(ctx.origin, ctx.size), th.canvas_bg, 0);
  const float gap = u * 0.6f;
  const float half = (ctx.size.x - gap * 3) * 0.5f;
  for (Side s : {Side::kActors, Side::kCsp}) {
    const float x0 = ctx.origin.x + gap + (s == Side::kCsp ? half + gap : 0);
    const ImVec2 a(x0, ctx.origin.y + gap), b(x0 + half, ctx.origin.y + ctx.size.y - gap);
    const bool moved = s == Side::kActors ? m_a_moved : m_c_moved;
    c.Rect(a, b, moved ? th.changed : th.panel_border, u * 0.4f,
           moved ? ctx.Line() * 1.5f : ctx.Line());
    const Lang l = ctx.lang;
    const char* title = s == Side::kActors
                            ? T(l, "Actors (simulated)", "Actor（模拟）")
                            : T(l, "CSP: channels (real Go)", "CSP：通道（真实 Go）");
    const float ix0 = a.x + u * 0.6f, ix1 = b.x - u * 0.6f;
    std::snprintf(m_buf, sizeof m_buf, "t=%lld µs",
                  static_cast<long long>((s == Side::kActors ? m_a : m_c).now));
    const float tw = c.TextSize(u, m_buf).x;
    FitText(c, ImVec2(ix0, a.y + u * 0.4f), u * 1.15f, th.text, title, ix1 - ix0 - tw - u);
    c.Text(ImVec2(ix1 - tw, a.y + u * 0.5f), u, moved ? th.changed : th.text_dim, m_buf);
    float y = DrawCounters(ctx, s, ImVec2(ix0, a.y + u * 2.0f), ix1, u);
    // The output takes a quarter of what is left (2 to 4 rows); the body is clipped to the
    // rest so a short panel (presenter fonts) never draws over it.
    const float out_h = std::clamp((b.y - y) * 0.28f, u * 3.8f, u * 5.2f);
    const ImVec2 body_a(ix0, y), body_b(ix1, b.y - out_h - u * 0.6f);
    c.PushClip(ImVec2(a.x, body_a.y), ImVec2(b.x, body_b.y));
    if (s == Side::kActors) {
      DrawActors(ctx, body_a, body_b, u);
    } else {
      DrawCsp(ctx, body_a, body_b, u);
    }
    c.PopClip();
    DrawOutput(ctx, s, ImVec2(ix0, b.y - out_h - u * 0.3f), ImVec2(ix1, b.y - u * 0.4f), u);
  }
  if (ctx.picture_only) return;
  // Predict-then-reveal by pointing: a click on an actor, a goroutine or a message names it.
  if (!ctx.sandbox && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) {
    for (std::size_t i = 0; i < m_hit_count; ++i) {
      if (ImGui::IsMouseHoveringRect(m_hits[i].min, m_hits[i].max)) {
        ctx.requests.picked.push_back(m_hits[i].label);
      }
    }
  }
}

}  // namespace gs::app
