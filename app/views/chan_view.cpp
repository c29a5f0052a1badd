// [SECTION] index: helpers · run (output, crash) · state cache · channel cards (hchan, ring,
// wait queues) · side panel (goroutines, Ps, select, output) · moves · crash box · draw ·
// tooltips
#include "app/views/chan_view.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"
#include "app/views/draw_util.h"
#include "engine/sched/chan_narration.h"

namespace gs::app {
namespace {

using sched::ChanPath;
using sched::EventKind;
using sched::kNone;

const char* T(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
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

// Text at pos shortened with "..." to max_w (nothing when not one character fits); its width.
float TextFit(Canvas& c, ImVec2 pos, float size, ImU32 col, std::string_view s, float max_w) {
  if (max_w <= 0) return 0;
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

ImVec2 Centre(ImVec2 a, ImVec2 b) {
  return ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
}

const char* StatusText(const sched::G& g, Lang l) {
  switch (g.status) {
    case sched::GStatus::kRunning:
      return T(l, "running", "运行中");
    case sched::GStatus::kRunnable:
      return T(l, "runnable", "可运行");
    case sched::GStatus::kWaiting:
      return T(l, "waiting", "等待");
    case sched::GStatus::kSyscall:
      return T(l, "syscall", "系统调用");
    case sched::GStatus::kDead:
      return T(l, "exited", "已退出");
    case sched::GStatus::kIdle:
      return T(l, "idle", "空闲");
  }
  return "";
}

// A padlock (hchan.lock): its body and shackle, `h` tall, top-left at p.
void Padlock(Canvas& c, ImVec2 p, float h, ImU32 col, float line) {
  const float w = h * 0.75f;
  c.Arc(ImVec2(p.x + w * 0.5f, p.y + h * 0.42f), w * 0.3f, 3.14159f, 6.28318f, col, line);
  c.RectFilled(ImVec2(p.x, p.y + h * 0.42f), ImVec2(p.x + w, p.y + h), col, h * 0.1f);
}

constexpr float kRow = 1.8f;       // a row of chips, in u
constexpr float kQueueRow = 1.6f;  // a row of sudogs in a card, in u

}  // namespace

// [SECTION] run: the output and the crash are known for the whole run
void ChanView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const sched::SchedRun>(run);
  m_state_step = SIZE_MAX;
  m_prints.clear();
  m_crash.clear();
  m_crash_step = SIZE_MAX;
  if (!m_run) return;
  const sched::Program& pr = m_run->Prog();
  for (std::size_t s = 0; s < m_run->StepCount(); ++s) {
    for (const sched::Event& e : m_run->GetTimeline().Events(s)) {
      if (e.kind == EventKind::kPrint) {
        m_prints.push_back({s, sched::FormatValue(pr, sched::VType(e.n), e.n2)});
      } else if ((e.kind == EventKind::kPanic || e.kind == EventKind::kDeadlock) &&
                 m_crash_step == SIZE_MAX) {
        m_crash_step = s;
        m_crash_deadlock = e.kind == EventKind::kDeadlock;
      }
    }
  }
  if (m_crash_step != SIZE_MAX) {
    const sched::State st = m_run->GetTimeline().StateAt(m_crash_step);
    m_crash = sched::CrashReport(*m_run, st, m_crash_deadlock);
  }
}

// [SECTION] state cache
void ChanView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  m_state = m_run->GetTimeline().StateAt(step);
  m_state_step = step;
  m_has_prev = step > 0;
  if (m_has_prev) m_prev = m_run->GetTimeline().StateAt(step - 1);
  // The select to show: one this step started (its orders are in the event), else the first
  // one still parked.
  m_select_shown = false;
  m_won_case = -1;
  bool select_event = false;
  for (const sched::Event& e : m_run->GetTimeline().Events(step)) {
    if (e.kind == EventKind::kSelectWake) m_won_case = e.cas;
    if (e.kind == EventKind::kSelectWake || e.kind == EventKind::kSelectDefault ||
        e.kind == EventKind::kSelectPark) {
      select_event = true;
    }
    if (e.kind != EventKind::kSelectStart) continue;
    m_select = {};
    m_select.g = e.g;
    m_select.ncases = std::int8_t(e.n);
    m_select.npoll = e.cas;
    for (int i = 0; i < e.cas && i < int(sched::kMaxSelectCases); ++i) {
      m_select.pollorder[std::size_t(i)] = std::int8_t((e.poll >> (4 * i)) & 0xF);
      m_select.lockorder[std::size_t(i)] = std::int8_t((e.lock >> (4 * i)) & 0xF);
    }
    m_select_shown = true;
  }
  if (!m_select_shown && !m_state.selects.empty()) {
    m_select = m_state.selects.front();
    m_select_shown = true;
  }
  // The step that ends a select (a case won, or default): the orders it ran with.
  if (!m_select_shown && select_event && m_state.last_select.g != kNone) {
    m_select = m_state.last_select;
    m_select_shown = true;
  }
}

// [SECTION] channel cards
float ChanView::CardHeight(int ch, float u) const {
  const sched::Chan& c = m_state.chans[std::size_t(ch)];
  const float head = 0.35f * u + u * 1.15f * 1.35f;
  if (!c.made) return head + u * 0.3f;
  const float ring = c.dataqsiz > 0 ? u * 4.25f : 0.0f;
  return head + u * 1.4f + ring + u * kQueueRow * 2.0f + u * 0.2f;
}

bool ChanView::Rect(std::int32_t goid, int ch, int queue, bool ghost, ImVec2* a, ImVec2* b) const {
  for (const Hit& h : m_hits) {
    if (h.goid != goid || h.ch != ch) continue;
    if (ch >= 0 && (h.queue != queue || (h.index < 0) != ghost)) continue;
    *a = h.min;
    *b = h.max;
    return true;
  }
  return false;
}

void ChanView::DrawQueue(const ViewContext& ctx, const Layout& lay, int ch, int queue, float x0,
                         float x1, float y) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float u = lay.u;
  const sched::Program& pr = m_run->Prog();
  const sched::Chan& cur = m_state.chans[std::size_t(ch)];
  const std::vector<sched::Sudog>& q = queue == 0 ? cur.recvq : cur.sendq;
  const std::vector<sched::Sudog>* pq = nullptr;
  if (m_has_prev && std::size_t(ch) < m_prev.chans.size()) {
    const sched::Chan& pc = m_prev.chans[std::size_t(ch)];
    pq = queue == 0 ? &pc.recvq : &pc.sendq;
  }
  auto same = [](const sched::Sudog& a, const sched::Sudog& b) {
    return a.g == b.g && a.select_case == b.select_case && a.is_select == b.is_select;
  };
  auto in = [&](const std::vector<sched::Sudog>& v, const sched::Sudog& s) {
    for (const sched::Sudog& o : v) {
      if (same(o, s)) return true;
    }
    return false;
  };
  const char* name = queue == 0 ? "recvq" : "sendq";
  const float lw = std::max(c.TextSize(u, "recvq").x, c.TextSize(u, "sendq").x) + u * 0.5f;
  c.Text(ImVec2(x0, y + u * 0.14f), u, th.text_dim, name);
  float x = x0 + lw;
  const float h = PillSize(c, "G", u).y;
  char buf[96];
  // The text of a sudog: its G and the value it carries (send) or the local it receives into.
  auto text_of = [&](const sched::Sudog& s) -> const std::string& {
    m_scratch = m_run->Label(s.g);
    if (queue == 1) {
      m_scratch += ": ";
      m_scratch += sched::FormatValue(pr, cur.elem, s.value);
    } else {
      const sched::G& g = m_state.Gor(s.g);
      const auto& locals = pr.funcs[std::size_t(g.func)].locals;
      m_scratch += " → ";
      if (s.elem >= 0 && std::size_t(s.elem) < locals.size()) {
        m_scratch += locals[std::size_t(s.elem)].name;
      } else {
        m_scratch += "_";
      }
    }
    if (s.is_select) m_scratch += T(ctx.lang, " · select", " · select");
    return m_scratch;
  };
  std::size_t drawn = 0, total = q.size();
  auto place = [&](const sched::Sudog& s, bool ghost, bool changed, int index) {
    const std::string& t = text_of(s);
    const float pad = u * 0.35f;
    const float w = c.TextSize(u, t).x + pad * 2;
    const float more_w = u * 2.6f;  // room for a "+N" after it
    if (x + w > x1 - (index >= 0 && std::size_t(index) + 1 < total ? more_w : 0.0f)) return false;
    const ImVec2 a(x, y), b(x + w, y + h);
    if (ghost) {
      const float al = GhostAlpha(ctx.t);
      c.RectFilled(a, b, WithAlpha(th.ghost, al * 0.45f), u * 0.25f);
      DashedRect(c, a, b, WithAlpha(th.ghost, std::min(1.0f, al + 0.35f)), lay.line * 0.75f,
                 u * 0.35f);
      c.Text(ImVec2(x + pad, y + pad * 0.4f), u, WithAlpha(th.text, al + 0.1f), t);
      ++m_ghost_sudogs;
    } else {
      // A tint of the pointer colour: readable in both themes; a select's sudog is outlined.
      c.RectFilled(a, b, WithAlpha(th.edge, 0.22f), u * 0.25f);
      c.Rect(a, b, s.is_select ? th.warn : th.panel_border, u * 0.25f,
             s.is_select ? lay.line : lay.line * 0.5f);
      c.Text(ImVec2(x + pad, y + pad * 0.4f), u, th.text, t);
      if (changed) MarkChangedRect(c, a, b, th.changed, lay.line * 0.75f, ctx.t, u * 0.25f);
    }
    m_hits.push_back({a, b, s.g, ch, queue, index});
    x = b.x;
    // sudog.next: an arrow to the next one in the chain.
    x += u * 0.2f;
    return true;
  };
  if (pq) {
    for (const sched::Sudog& s : *pq) {
      if (!in(q, s) && place(s, true, false, -1)) x += u * 0.4f;
    }
  }
  if (q.empty() && (!pq || pq->empty() || x == x0 + lw)) {
    c.Text(ImVec2(x, y + u * 0.14f), u, th.text_dim, T(ctx.lang, "(empty)", "（空）"));
    return;
  }
  for (std::size_t i = 0; i < q.size(); ++i) {
    const bool changed = pq && !in(*pq, q[i]);
    if (!place(q[i], false, changed, int(i))) break;
    ++drawn;
    if (i + 1 < q.size() && x + u * 0.9f < x1) {
      Arrow(c, ImVec2(x, y + h * 0.5f), ImVec2(x + u * 0.7f, y + h * 0.5f), th.edge,
            lay.line * 0.75f, u * 0.35f);
      x += u * 0.9f;
    }
  }
  if (drawn < total) {
    std::snprintf(buf, sizeof buf, "+%zu", total - drawn);
    if (x + PillSize(c, buf, u).x <= x1) Pill(c, ImVec2(x, y), th.grid, th.text, buf, u);
  }
}

void ChanView::DrawChan(const ViewContext& ctx, const Layout& lay, int ch, ImVec2 a, ImVec2 b) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = lay.u;
  const sched::Program& pr = m_run->Prog();
  const sched::Chan& cc = m_state.chans[std::size_t(ch)];
  const sched::Chan* pc = m_has_prev && std::size_t(ch) < m_prev.chans.size()
                              ? &m_prev.chans[std::size_t(ch)]
                              : nullptr;
  const float r = u * 0.3f;
  c.RectFilled(a, b, th.panel_bg, r);
  c.Rect(a, b, cc.closed ? th.danger : th.panel_border, r, cc.closed ? lay.line * 1.5f : lay.line);
  if (pc && pc->made != cc.made) MarkChangedRect(c, a, b, th.changed, lay.line, ctx.t, r);
  const float xi = a.x + u * 0.5f, xr = b.x - u * 0.5f;
  float y = a.y + u * 0.35f;
  // Name, type and cap on the title row; the lock and the closed flag at its right.
  static const char* kElem[] = {"int", "string", "bool", "struct{}"};
  char buf[160];
  const char* elem = kElem[std::size_t(cc.elem) < 4 ? std::size_t(cc.elem) : 0];
  const std::string& name = pr.chan_names[std::size_t(ch)];
  float right = xr;
  if (cc.made) {
    const char* flag = cc.closed ? T(l, "closed", "已关闭") : "closed = 0";
    const float fw = cc.closed ? PillSize(c, flag, u).x : c.TextSize(u, flag).x;
    const float fy = y + (lay.title - u) * 0.5f;
    if (fw + u * 10.0f < xr - xi) {
      const ImVec2 fp(xr - fw, fy - (cc.closed ? u * 0.14f : 0.0f));
      if (cc.closed) {
        const ImVec2 sz = Pill(c, fp, th.danger, th.canvas_bg, flag, u);
        if (pc && !pc->closed) {
          MarkChangedRect(c, fp, Add(fp, sz), th.changed, lay.line, ctx.t, sz.y * 0.5f);
        }
        m_closed_shown.push_back(ch);
      } else {
        c.Text(fp, u, th.text_dim, flag);
      }
      right = xr - fw - u * 0.6f;
      // hchan.lock: every operation on the channel takes it.
      Padlock(c, ImVec2(right - u * 0.8f, fy), u, th.text_dim, lay.line * 0.75f);
      right -= u * 1.3f;
    }
  }
  if (cc.made) {
    std::snprintf(buf, sizeof buf, "%s  chan %s  cap %d", name.c_str(), elem, cc.dataqsiz);
  } else {
    std::snprintf(buf, sizeof buf, "%s  chan %s  = nil", name.c_str(), elem);
  }
  const float nw = TextFit(c, ImVec2(xi, y), lay.title, th.text, buf, right - xi);
  if (!cc.made) {
    TextFit(c, ImVec2(xi + nw + u * 0.8f, y + (lay.title - u) * 0.5f), u, th.text_dim,
            T(l, "(no hchan: send and receive block forever)", "（无 hchan：收发永久阻塞）"),
            xr - xi - nw - u * 0.8f);
    return;
  }
  y += lay.title * 1.35f;
  // Unbuffered: no ring; a sender and a receiver meet (sendDirect / recvDirect).
  if (cc.dataqsiz == 0) {
    std::snprintf(buf, sizeof buf, "%s   %s %lld  %s %lld",
                  T(l, "unbuffered: no ring, stack to stack", "无缓冲：没有环形缓冲区，栈到栈"),
                  T(l, "sends", "发送"), static_cast<long long>(cc.sends), T(l, "recvs", "接收"),
                  static_cast<long long>(cc.recvs));
  } else {
    std::snprintf(buf, sizeof buf, "qcount %d  /  dataqsiz %d   %s %lld  %s %lld", cc.qcount,
                  cc.dataqsiz, T(l, "sends", "发送"), static_cast<long long>(cc.sends),
                  T(l, "recvs", "接收"), static_cast<long long>(cc.recvs));
  }
  const float qw = TextFit(c, ImVec2(xi, y), u, th.text_dim, buf, xr - xi);
  if (pc && pc->made && pc->qcount != cc.qcount && qw > 0 && cc.dataqsiz > 0) {
    std::snprintf(buf, sizeof buf, "qcount %d", cc.qcount);
    const float w = c.TextSize(u, buf).x + u * 0.15f;
    MarkChangedRect(c, ImVec2(xi - u * 0.15f, y), ImVec2(xi + w, y + u), th.changed,
                    lay.line * 0.75f, ctx.t, u * 0.2f);
  }
  y += u * 1.4f;
  // The ring: dataqsiz raw slots in index order, recvx above, sendx below.
  if (cc.dataqsiz > 0) {
    const float lw = c.TextSize(u, "buf").x + u * 0.5f;
    const float sy = y + u * 1.25f, sh = u * 1.7f;
    c.Text(ImVec2(xi, sy + (sh - u) * 0.5f), u, th.text_dim, "buf");
    const float x0 = xi + lw;
    const int n = cc.dataqsiz;
    float sw = std::min(u * 3.2f, (xr - x0) / float(n));
    int shown = n;
    if (sw < u * 2.2f) {  // too many slots to draw each: the first ones, then "+N"
      sw = u * 2.2f;
      shown = std::max(1, int((xr - x0 - u * 2.6f) / sw));
    }
    // Which slot this step wrote or read (kChanSend/kChanRecv's p2 on this channel).
    int touched = -1;
    for (const sched::Event& e : m_run->GetTimeline().Events(ctx.step)) {
      if ((e.kind == EventKind::kChanSend || e.kind == EventKind::kChanRecv) && e.ch == ch &&
          (e.n == std::int64_t(ChanPath::kBuffer) || e.n == std::int64_t(ChanPath::kSlotReuse)) &&
          e.p2 >= 0) {
        touched = e.p2;
      }
    }
    for (int i = 0; i < shown; ++i) {
      const ImVec2 s0(x0 + sw * float(i), sy), s1(x0 + sw * float(i + 1), sy + sh);
      const bool full = std::size_t(i) < cc.full.size() && std::size_t(i) < cc.buf.size() &&
                        cc.full[std::size_t(i)] != 0;
      if (full) {
        c.RectFilled(s0, s1, WithAlpha(th.accent, 0.30f), 0);
        const std::string v = sched::FormatValue(pr, cc.elem, cc.buf[std::size_t(i)]);
        bool cut = false;
        Shorten(c, u, v, sw - u * 0.3f, &cut);
        if (!cut) c.TextCentered(Centre(s0, s1), u, th.text, v);
      } else {
        HatchRect(c, s0, s1, th.grid, u * 0.45f, lay.line * 0.5f);  // zeroed (typedmemclr)
      }
      c.Rect(s0, s1, th.panel_border, 0, lay.line * 0.75f);
      const bool changed = i == touched;
      if (changed) MarkChangedRect(c, s0, s1, th.changed, lay.line, ctx.t, 0);
      m_slots.push_back({s0, s1, ch, i, changed});
    }
    if (shown < n) {
      std::snprintf(buf, sizeof buf, "+%d", n - shown);
      c.Text(ImVec2(x0 + sw * float(shown) + u * 0.3f, sy + (sh - u) * 0.5f), u, th.text_dim, buf);
    }
    // recvx over its slot, sendx under it; each clamped to the card.
    auto index_arrow = [&](std::uint32_t idx, bool over, const char* word, ImU32 col) {
      if (int(idx) >= shown) return;
      const float cx = x0 + sw * (float(idx) + 0.5f);
      const float tw = c.TextSize(u, word).x;
      const float tx = std::clamp(cx - tw * 0.5f, xi, xr - tw);
      if (over) {
        c.Text(ImVec2(tx, y - u * 0.05f), u, col, word);
        Arrow(c, ImVec2(cx, y + u * 0.95f), ImVec2(cx, sy - u * 0.03f), col, lay.line * 0.75f,
              u * 0.25f);
      } else {
        Arrow(c, ImVec2(cx, sy + sh + u * 0.3f), ImVec2(cx, sy + sh + u * 0.05f), col,
              lay.line * 0.75f, u * 0.25f);
        c.Text(ImVec2(tx, sy + sh + u * 0.25f), u, col, word);
      }
    };
    index_arrow(cc.recvx, true, "recvx", th.ok);
    index_arrow(cc.sendx, false, "sendx", th.warn);
    y = sy + sh + u * 1.3f;
  }
  DrawQueue(ctx, lay, ch, 0, xi, xr, y);
  DrawQueue(ctx, lay, ch, 1, xi, xr, y + u * kQueueRow);
}

// [SECTION] side panel: goroutines, the Ps' runnext and runq, the select, the output
void ChanView::DrawSide(const ViewContext& ctx, const Layout& lay) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = lay.u;
  const sched::Program& pr = m_run->Prog();
  char buf[160];
  c.RectFilled(lay.side_min, lay.side_max, th.panel_bg, u * 0.3f);
  c.Rect(lay.side_min, lay.side_max, th.panel_border, u * 0.3f, lay.line * 0.5f);
  const float xi = lay.side_min.x + u * 0.5f, xr = lay.side_max.x - u * 0.5f;
  const float y_end = lay.side_max.y - u * 0.3f;
  const float chip_h = PillSize(c, "G", u).y;
  float y = lay.side_min.y + u * 0.35f;
  // A chip; records it for arrows and hover.
  auto chip = [&](float x, float yy, std::int32_t g, ImU32 bg, ImU32 fg, bool changed,
                  float max_w) {
    const std::string& lab = m_run->Label(g);
    bool cut = false;
    const std::string_view head = Shorten(c, u, lab, max_w - u * 0.7f, &cut);
    m_scratch.assign(head);
    if (cut) m_scratch += "...";
    const ImVec2 sz = Pill(c, ImVec2(x, yy), bg, fg, m_scratch, u);
    const ImVec2 b(x + sz.x, yy + sz.y);
    if (changed)
      MarkChangedRect(c, ImVec2(x, yy), b, th.changed, lay.line * 0.75f, ctx.t, sz.y * 0.5f);
    m_hits.push_back({ImVec2(x, yy), b, g, -1, 0, 0});
    return sz;
  };
  // Goroutines.
  std::size_t n_user = 0;
  for (std::size_t i = 0; i < m_state.gs.size(); ++i) n_user += m_state.gs[i].system ? 0 : 1;
  std::snprintf(buf, sizeof buf, "%s (%zu)", T(l, "goroutines", "goroutine"), n_user);
  c.Text(ImVec2(xi, y), u, th.text, buf);
  y += u * 1.4f;
  std::size_t shown = 0;
  const float reserve =
      u * (kRow + 1.0f) * float(std::max(1, m_run->MaxProcs() == 1 ? 1 : m_state.gomaxprocs)) +
      u * 3.0f;
  // One row per goroutine (chip, state, wait reason) when they all fit; otherwise the chips
  // flow side by side, their colour giving the state (the tooltip has the rest), so no
  // goroutine is folded away while there is room for its chip.
  const float rows_room = (y_end - reserve - y) / (u * kRow);
  const bool flow = float(n_user) > std::floor(rows_room);
  float fx = xi;
  for (std::size_t i = 0; i < m_state.gs.size(); ++i) {
    const sched::G& g = m_state.gs[i];
    if (g.system) continue;
    if (y + chip_h > y_end - reserve) break;
    if (flow) {
      ImU32 bg = th.panel_border, fg = th.text;
      if (g.status == sched::GStatus::kRunning) {
        bg = th.accent;
        fg = th.canvas_bg;
      } else if (g.status == sched::GStatus::kRunnable) {
        bg = th.ok;
        fg = th.canvas_bg;
      } else if (g.status == sched::GStatus::kDead) {
        bg = th.grid;
        fg = th.text_dim;
      }
      const float w = PillSize(c, m_run->Label(g.goid), u).x;
      if (fx > xi && fx + w > xr) {
        fx = xi;
        y += u * kRow;
        if (y + chip_h > y_end - reserve) break;
      }
      const bool had = m_has_prev && i < m_prev.gs.size();
      const bool changed =
          m_has_prev && (!had || m_prev.gs[i].status != g.status || m_prev.gs[i].wait != g.wait);
      fx += chip(fx, y, g.goid, bg, fg, changed, xr - xi).x + u * 0.35f;
      ++shown;
      continue;
    }
    ImU32 bg = th.panel_border, fg = th.text;
    if (g.status == sched::GStatus::kRunning) {
      bg = th.accent;
      fg = th.canvas_bg;
    } else if (g.status == sched::GStatus::kRunnable) {
      bg = th.ok;
      fg = th.canvas_bg;
    } else if (g.status == sched::GStatus::kDead) {
      bg = th.grid;
      fg = th.text_dim;
    }
    const bool had = m_has_prev && i < m_prev.gs.size();
    const bool changed =
        m_has_prev && (!had || m_prev.gs[i].status != g.status || m_prev.gs[i].wait != g.wait);
    const ImVec2 sz = chip(xi, y, g.goid, bg, fg, changed, (xr - xi) * 0.45f);
    const std::string_view why = sched::WaitReasonName(g.wait);
    if (g.status == sched::GStatus::kWaiting && !why.empty()) {
      std::snprintf(buf, sizeof buf, "%s: %.*s", StatusText(g, l), int(why.size()), why.data());
    } else if (g.status == sched::GStatus::kRunning && g.m != kNone &&
               m_state.ms[std::size_t(g.m)].p != kNone) {
      std::snprintf(buf, sizeof buf, "%s P%d", StatusText(g, l), m_state.ms[std::size_t(g.m)].p);
    } else {
      std::snprintf(buf, sizeof buf, "%s", StatusText(g, l));
    }
    const float tx = xi + sz.x + u * 0.5f;
    TextFit(c, ImVec2(tx, y + u * 0.14f), u,
            g.status == sched::GStatus::kDead ? th.text_dim : th.text, buf, xr - tx);
    y += u * kRow;
    ++shown;
  }
  if (flow && shown > 0) y += u * kRow;
  if (shown < n_user && y + u <= y_end) {
    std::snprintf(buf, sizeof buf, T(l, "+%zu more", "另有 %zu 个"), n_user - shown);
    c.Text(ImVec2(xi, y), u, th.text_dim, buf);
    y += u * 1.3f;
  }
  y += u * 0.3f;
  // The Ps: runnext and the local runq (why a woken G runs when it does).
  const int procs = m_run->MaxProcs() == 1 ? 1 : m_state.gomaxprocs;
  for (int p = 0; p < procs && std::size_t(p) < m_state.ps.size(); ++p) {
    if (y + chip_h > y_end) break;
    const sched::P& pp = m_state.ps[std::size_t(p)];
    const sched::P* prev =
        m_has_prev && std::size_t(p) < m_prev.ps.size() ? &m_prev.ps[std::size_t(p)] : nullptr;
    std::snprintf(buf, sizeof buf, "P%d runnext", p);
    float x = xi + TextFit(c, ImVec2(xi, y + u * 0.14f), u, th.text_dim, buf, xr - xi) + u * 0.4f;
    const ImVec2 next_min(x, y);
    ImVec2 next_max(x + u * 2.2f, y + chip_h);
    if (pp.runnext != kNone && x + u * 2.0f < xr) {
      const bool changed = prev && prev->runnext != pp.runnext;
      const ImVec2 sz = chip(x, y, pp.runnext, th.ok, th.canvas_bg, changed, xr - x);
      next_max = ImVec2(x + sz.x, y + sz.y);
    } else if (x + u * 2.2f < xr) {
      DashedRect(c, next_min, next_max, th.grid, lay.line * 0.75f, u * 0.3f);
    }
    x = next_max.x + u * 0.8f;
    // runq on the same row when it fits, else under.
    const float rqw = c.TextSize(u, "runq").x;
    if (x + rqw + u * 3.0f > xr) {
      x = xi;
      y += u * kRow;
    }
    const ImVec2 runq_min(x, y);
    if (y + chip_h <= y_end) {
      c.Text(ImVec2(x, y + u * 0.14f), u, th.text_dim, "runq");
      x += rqw + u * 0.4f;
      const std::uint32_t n = pp.RunqSize();
      if (n == 0) {
        c.Text(ImVec2(x, y + u * 0.14f), u, th.text_dim, T(l, "(empty)", "（空）"));
        x += c.TextSize(u, T(l, "(empty)", "（空）")).x;
      }
      for (std::uint32_t i = 0; i < n; ++i) {
        const std::int32_t g = pp.RunqAt(i);
        const float w = PillSize(c, m_run->Label(g), u).x;
        if (x + w > xr) {
          std::snprintf(buf, sizeof buf, "+%u", n - i);
          if (x + c.TextSize(u, buf).x <= xr) c.Text(ImVec2(x, y + u * 0.14f), u, th.text_dim, buf);
          break;
        }
        bool was = false;
        if (prev) {
          for (std::uint32_t j = 0; j < prev->RunqSize(); ++j) was = was || prev->RunqAt(j) == g;
        }
        x += chip(x, y, g, th.panel_border, th.text, prev && !was, xr - x).x + u * 0.4f;
      }
    }
    const ImVec2 runq_max(std::max(x, runq_min.x + u * 2.0f), y + chip_h);
    const float tail_x = std::max(runq_min.x + u * 1.0f, x - u * 1.2f);  // the runq's last chip
    // runqput(next=true): the old runnext is kicked to the runq's tail.
    for (const sched::Event& e : m_run->GetTimeline().Events(ctx.step)) {
      if (e.kind == EventKind::kRunnextKick && e.p == p) {
        // Under the row: down from runnext, along, and up into the runq's tail.
        const float cx = Centre(next_min, next_max).x, ly = next_max.y + u * 0.42f;
        c.Line(ImVec2(cx, next_max.y), ImVec2(cx, ly), th.move, lay.line * 1.25f);
        c.Line(ImVec2(cx, ly), ImVec2(tail_x, ly), th.move, lay.line * 1.25f);
        MoveArrow(c, ImVec2(tail_x, ly), ImVec2(tail_x, runq_max.y + u * 0.02f), th.move,
                  lay.line * 1.25f, u * 0.35f, ctx.t);
        ++m_arrows;
      }
    }
    y += u * kRow;
  }
  y += u * 0.3f;
  // A select in progress: pollorder (the order cases are tried) and lockorder (the order
  // the channels' locks are taken, by address), as case numbers with their channels.
  if (m_select_shown && m_select.g > 0 && y + u * 1.4f * 3.0f <= y_end) {
    std::snprintf(buf, sizeof buf, "select (%s)", m_run->Label(m_select.g).c_str());
    m_select_drawn = true;
    TextFit(c, ImVec2(xi, y), u, th.warn, buf, xr - xi);
    y += u * 1.4f;
    // The select spec of the G's current op gives each case's channel.
    const sched::G& g = m_state.Gor(m_select.g);
    const sched::SelectSpec* spec = nullptr;
    const auto& body = pr.funcs[std::size_t(g.func)].body;
    // The nearest select op at or before its pc: case bodies follow their select op.
    for (int back = 0; back <= g.pc && !spec; ++back) {
      const int pc = g.pc - back;
      if (pc >= 0 && std::size_t(pc) < body.size() &&
          body[std::size_t(pc)].op == sched::GOp::kSelect && body[std::size_t(pc)].sel >= 0) {
        spec = &pr.selects[std::size_t(body[std::size_t(pc)].sel)];
      }
    }
    const float lw =
        std::max(c.TextSize(u, "pollorder").x, c.TextSize(u, "lockorder").x) + u * 0.5f;
    for (int row = 0; row < 2; ++row) {
      const auto& order = row == 0 ? m_select.pollorder : m_select.lockorder;
      c.Text(ImVec2(xi, y + u * 0.14f), u, th.text_dim, row == 0 ? "pollorder" : "lockorder");
      float x = xi + lw;
      for (int i = 0; i < m_select.npoll && i < int(sched::kMaxSelectCases); ++i) {
        const int cs = order[std::size_t(i)];
        const char* chn = "?";
        if (spec && cs >= 0 && std::size_t(cs) < spec->cases.size() &&
            spec->cases[std::size_t(cs)].ch >= 0) {
          chn = pr.chan_names[std::size_t(spec->cases[std::size_t(cs)].ch)].c_str();
        }
        std::snprintf(buf, sizeof buf, "%d %s", cs, chn);
        const float w = PillSize(c, buf, u).x;
        if (x + w > xr) {
          std::snprintf(buf, sizeof buf, "+%d", m_select.npoll - i);
          if (x + c.TextSize(u, buf).x <= xr) c.Text(ImVec2(x, y + u * 0.14f), u, th.text_dim, buf);
          break;
        }
        const ImVec2 sz = Pill(c, ImVec2(x, y), WithAlpha(th.edge, 0.22f), th.text, buf, u);
        if (cs == m_won_case) {  // selectgo's pass 3: the case that won
          MarkChangedRect(c, ImVec2(x, y), Add(ImVec2(x, y), sz), th.changed, lay.line * 0.75f,
                          ctx.t, sz.y * 0.5f);
        }
        x += sz.x + u * 0.3f;
      }
      y += u * kRow;
    }
  }
  // The program's output, newest last.
  std::size_t n_out = 0;
  while (n_out < m_prints.size() && m_prints[n_out].step <= m_state_step) ++n_out;
  if (y + u * 2.8f <= y_end) {
    c.Text(ImVec2(xi, y), u, th.text, T(l, "Output", "输出"));
    y += u * 1.3f;
    const float box_h = u * 0.3f + u * 1.25f * float(std::clamp<std::size_t>(n_out, 3, 8));
    const ImVec2 b0(xi, y), b1(xr, std::min(y_end, y + box_h));
    c.RectFilled(b0, b1, th.canvas_bg, u * 0.2f);
    c.Rect(b0, b1, th.grid, u * 0.2f, lay.line * 0.5f);
    const int fit = int((b1.y - b0.y - u * 0.3f) / (u * 1.25f));
    const std::size_t first = n_out > std::size_t(std::max(0, fit)) ? n_out - std::size_t(fit) : 0;
    float oy = b0.y + u * 0.15f;
    for (std::size_t i = first; i < n_out; ++i) {
      const bool fresh = m_prints[i].step == m_state_step;
      const float w =
          TextFit(c, ImVec2(xi + u * 0.4f, oy), u, th.text, m_prints[i].text, xr - xi - u * 0.8f);
      if (fresh && w > 0) {
        MarkChangedRect(c, ImVec2(xi + u * 0.2f, oy), ImVec2(xi + u * 0.6f + w, oy + u), th.changed,
                        lay.line * 0.75f, ctx.t, u * 0.2f);
      }
      oy += u * 1.25f;
    }
  }
}

// [SECTION] moves: arrows for the value the step copied
void ChanView::DrawMoves(const ViewContext& ctx, const Layout& lay) {
  Canvas& c = *ctx.canvas;
  const Lang l = ctx.lang;
  const float u = lay.u;
  auto arrow = [&](ImVec2 a0, ImVec2 a1, ImVec2 b0, ImVec2 b1) {
    const ImVec2 ca = Centre(a0, a1), cb = Centre(b0, b1);
    MoveArrow(c, RectEdge(a0, a1, cb), RectEdge(b0, b1, ca), ctx.theme.move, lay.line * 1.25f,
              u * 0.6f, ctx.t);
    ++m_arrows;
  };
  auto slot = [&](int ch, int s, ImVec2* a, ImVec2* b) { return SlotRect(ch, s, a, b); };
  ImVec2 a0, a1, b0, b1;
  char buf[160];
  m_move_caption.clear();
  for (const sched::Event& e : m_run->GetTimeline().Events(ctx.step)) {
    if (e.kind == EventKind::kClose && e.ch >= 0) {
      std::snprintf(buf, sizeof buf,
                    T(l, "close(%s): closed = 1; %lld receiver(s) and %lld sender(s) woken",
                      "close(%s)：closed = 1；唤醒 %lld 个接收者、%lld 个发送者"),
                    m_run->Prog().chan_names[std::size_t(e.ch)].c_str(),
                    static_cast<long long>(e.n), static_cast<long long>(e.n2));
      m_move_caption = buf;
      continue;
    }
    if (e.kind == EventKind::kMakeChan && e.ch >= 0) {
      std::snprintf(buf, sizeof buf,
                    T(l, "make(chan, %lld): makechan allocates %s's hchan",
                      "make(chan, %lld)：makechan 为 %s 分配 hchan"),
                    static_cast<long long>(e.n),
                    m_run->Prog().chan_names[std::size_t(e.ch)].c_str());
      m_move_caption = buf;
      continue;
    }
    if (e.kind == EventKind::kSelectPark) {
      std::snprintf(buf, sizeof buf,
                    T(l, "%s parks in select: one sudog (isSelect) on each of %lld channels",
                      "%s 在 select 中挂起：在 %lld 个通道上各挂一个 sudog（isSelect）"),
                    m_run->Label(e.g).c_str(), static_cast<long long>(e.n));
      m_move_caption = buf;
      continue;
    }
    if (e.kind == EventKind::kSelectWake) {
      std::snprintf(buf, sizeof buf,
                    T(l, "%s wakes in select: case %d won; %lld other sudog(s) dequeued",
                      "%s 在 select 中被唤醒：case %d 胜出；其余 %lld 个 sudog 出队"),
                    m_run->Label(e.g).c_str(), int(e.cas), static_cast<long long>(e.n));
      m_move_caption = buf;
      continue;
    }
    if (e.kind != EventKind::kChanSend && e.kind != EventKind::kChanRecv) continue;
    const auto path = ChanPath(e.n);
    const bool send = e.kind == EventKind::kChanSend;
    if (path == ChanPath::kDirect) {
      // send: sender → parked receiver; recv: parked sender → receiver. Stack to stack.
      // The parked partner's sudog has just left its queue (a ghost): the value goes from it
      // (recv) or into it (send), so the arrow crosses from the card to the goroutines; two
      // chips stacked in the goroutine list would leave no room to see one between them.
      const std::int32_t from = send ? e.g : e.g2, to = send ? e.g2 : e.g;
      const bool from_sudog = !send && Rect(from, e.ch, 1, true, &a0, &a1);
      const bool to_sudog = send && Rect(to, e.ch, 0, true, &b0, &b1);
      if ((from_sudog || Rect(from, -1, 0, false, &a0, &a1)) &&
          (to_sudog || Rect(to, -1, 0, false, &b0, &b1))) {
        arrow(a0, a1, b0, b1);
        m_direct = true;
        std::snprintf(buf, sizeof buf, "%s: %s → %s  (%s)", send ? "sendDirect" : "recvDirect",
                      m_run->Label(from).c_str(), m_run->Label(to).c_str(),
                      T(l, "stack→stack, no buffer", "栈→栈，不经缓冲"));
        m_move_caption = buf;
      }
    } else if (path == ChanPath::kBuffer && e.p2 >= 0) {
      if (!slot(e.ch, e.p2, &b0, &b1) || !Rect(e.g, -1, 0, false, &a0, &a1)) continue;
      if (send) {
        arrow(a0, a1, b0, b1);
        std::snprintf(buf, sizeof buf,
                      T(l, "%s copies its value into buf[%d]", "%s 把值复制进 buf[%d]"),
                      m_run->Label(e.g).c_str(), e.p2);
      } else {
        arrow(b0, b1, a0, a1);
        std::snprintf(buf, sizeof buf,
                      T(l, "buf[%d] copied out to %s, slot zeroed", "buf[%d] 复制给 %s，槽位清零"),
                      e.p2, m_run->Label(e.g).c_str());
      }
      m_move_caption = buf;
    } else if (path == ChanPath::kPark) {
      // gopark: the G's sudog joins the channel's wait queue.
      if (Rect(e.g, -1, 0, false, &a0, &a1) && Rect(e.g, e.ch, send ? 1 : 0, false, &b0, &b1)) {
        arrow(a0, a1, b0, b1);
        std::snprintf(buf, sizeof buf,
                      T(l, "%s parks: its sudog joins %s.%s", "%s 挂起：它的 sudog 加入 %s.%s"),
                      m_run->Label(e.g).c_str(),
                      m_run->Prog().chan_names[std::size_t(e.ch)].c_str(),
                      send ? "sendq" : "recvq");
        m_move_caption = buf;
      }
    } else if (path == ChanPath::kClosed) {
      std::snprintf(buf, sizeof buf,
                    T(l, "%s: closed and drained, gets the zero value, ok = false",
                      "%s：通道已关闭且为空，得到零值，ok = false"),
                    m_run->Label(e.g).c_str());
      m_move_caption = buf;
    } else if (path == ChanPath::kNilBlock) {
      std::snprintf(buf, sizeof buf,
                    T(l, "%s: nil channel, blocks forever", "%s：nil 通道，永久阻塞"),
                    m_run->Label(e.g).c_str());
      m_move_caption = buf;
    } else if (path == ChanPath::kSlotReuse && e.p2 >= 0) {
      // recv on a full buffer with a parked sender: buf[recvx] out, the sender's value in.
      if (!slot(e.ch, e.p2, &b0, &b1)) continue;
      if (Rect(e.g, -1, 0, false, &a0, &a1)) arrow(b0, b1, a0, a1);
      if (Rect(e.g2, e.ch, 1, true, &a0, &a1)) arrow(a0, a1, b0, b1);
      std::snprintf(buf, sizeof buf,
                    T(l, "buf[%d] → %s, then %s's sudog value → buf[%d]",
                      "buf[%d] → %s，再把 %s 的 sudog 值 → buf[%d]"),
                    e.p2, m_run->Label(e.g).c_str(), m_run->Label(e.g2).c_str(), e.p2);
      m_move_caption = buf;
    }
  }
}

// [SECTION] crash box
void ChanView::DrawCrash(const ViewContext& ctx, const Layout& lay) {
  if (m_crash_step == SIZE_MAX || m_state_step < m_crash_step || m_crash.empty()) return;
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float u = lay.u;
  const float lines = float(std::min<std::size_t>(m_crash.size(), 6));
  const float h = u * 0.5f + u * 1.3f * lines;
  const ImVec2 a(lay.chans_min.x, lay.chans_max.y - h), b(lay.chans_max.x, lay.chans_max.y);
  c.RectFilled(a, b, th.panel_bg, u * 0.3f);
  c.RectFilled(a, b, WithAlpha(th.danger, 0.15f), u * 0.3f);
  c.Rect(a, b, th.danger, u * 0.3f, lay.line * 1.5f);
  float y = a.y + u * 0.25f;
  for (std::size_t i = 0; i < m_crash.size() && i < 6; ++i) {
    TextFit(c, ImVec2(a.x + u * 0.5f, y), u, i == 0 ? th.danger : th.text, m_crash[i],
            b.x - a.x - u);
    y += u * 1.3f;
  }
  m_crash_shown = true;
}

// [SECTION] sandbox: a one-op goroutine on a channel (the loader's "chan" script op), then run
void ChanView::DrawSandbox(const ViewContext& ctx, const Layout& lay, ImVec2 a, ImVec2 b) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = lay.u;
  const sched::Program& pr = m_run->Prog();
  if (pr.chan_names.empty()) return;
  c.RectFilled(a, b, th.panel_bg, u * 0.3f);
  c.Rect(a, b, th.warn, u * 0.3f, lay.line);
  const float x0 = a.x + u * 0.5f;
  c.Text(ImVec2(x0, a.y + u * 0.3f), u, th.warn, Tr(Str::kSandboxActions, l));
  if (m_state.ended) {
    c.Text(ImVec2(x0 + c.TextSize(u, Tr(Str::kSandboxActions, l)).x + u, a.y + u * 0.3f), u,
           th.text_dim, T(l, "the program has ended", "程序已结束"));
    return;
  }
  m_sb_chan = std::clamp(m_sb_chan, 0, int(pr.chan_names.size()) - 1);
  const std::string& name = pr.chan_names[std::size_t(m_sb_chan)];
  const sched::VType elem = pr.chan_elems[std::size_t(m_sb_chan)];
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetCursorScreenPos(ImVec2(x0, a.y + u * 1.6f));
  ImGui::SetNextItemWidth(u * 6.0f);
  if (ImGui::BeginCombo("##sb_chan", name.c_str())) {
    for (std::size_t i = 0; i < pr.chan_names.size(); ++i) {
      if (ImGui::Selectable(pr.chan_names[i].c_str(), int(i) == m_sb_chan)) m_sb_chan = int(i);
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  switch (elem) {
    case sched::VType::kInt:
      ImGui::SetNextItemWidth(u * 5.0f);
      ImGui::InputInt("##sb_int", &m_sb_int, 0, 0);
      break;
    case sched::VType::kBool:
      ImGui::Checkbox("##sb_bool", &m_sb_bool);
      break;
    case sched::VType::kString:
      ImGui::SetNextItemWidth(u * 5.0f);
      ImGui::InputText("##sb_string", m_sb_string, sizeof m_sb_string);
      break;
    case sched::VType::kStruct:
      ImGui::TextUnformatted("struct{}{}");
      break;
  }
  auto record = [&ctx](Json op) {
    ctx.requests.record_ops.push_back(Json::array({std::move(op), Json{{"op", "run"}}}));
  };
  (void)style;
  ImGui::SameLine();
  if (ImGui::Button(T(l, "go send", "go 发送"))) {
    Json op{{"op", "chan"}, {"do", "send"}, {"ch", name}};
    if (elem == sched::VType::kInt) op["value"] = m_sb_int;
    if (elem == sched::VType::kBool) op["value"] = m_sb_bool;
    if (elem == sched::VType::kString) op["value"] = std::string(m_sb_string);
    record(std::move(op));
  }
  m_sb_send_drawn = true;
  m_sb_send_min = ImGui::GetItemRectMin();
  m_sb_send_max = ImGui::GetItemRectMax();
  ImGui::SameLine();
  if (ImGui::Button(T(l, "go recv", "go 接收"))) {
    record(Json{{"op", "chan"}, {"do", "recv"}, {"ch", name}});
  }
  ImGui::SameLine();
  if (ImGui::Button(T(l, "go close", "go 关闭"))) {
    record(Json{{"op", "chan"}, {"do", "close"}, {"ch", name}});
  }
}

// [SECTION] draw
void ChanView::Draw(const ViewContext& ctx) {
  if (!m_run || !ctx.canvas) return;
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  UpdateState(ctx.step);
  m_hits.clear();
  m_slots.clear();
  m_closed_shown.clear();
  m_arrows = 0;
  m_direct = false;
  m_ghost_sudogs = 0;
  m_crash_shown = false;
  m_sb_send_drawn = false;
  m_select_drawn = false;
  // Design size in units of the UI font: the cards stacked on the left, the side panel on the
  // right; the picture grows with the panel and never shrinks under the UI font.
  const float ui = ctx.ui_font;
  const int nch = int(m_state.chans.size());
  float cards = 0;
  int max_cap = 0;
  for (int i = 0; i < nch; ++i) {
    cards += CardHeight(i, 1.0f) + 0.4f;
    max_cap = std::max(max_cap, m_state.chans[std::size_t(i)].dataqsiz);
  }
  const bool crash = m_crash_step != SIZE_MAX && ctx.step >= m_crash_step && !m_crash.empty();
  const float crash_h = crash ? 0.9f + 1.3f * float(std::min<std::size_t>(m_crash.size(), 6)) : 0;
  std::size_t n_user = 0;
  for (std::size_t i = 0; i < m_state.gs.size(); ++i) n_user += m_state.gs[i].system ? 0 : 1;
  const float side_rows = 1.4f + kRow * float(n_user) + 0.6f + (kRow + 0.5f) +
                          (m_select_shown ? 1.4f + kRow * 2 : 0.0f) + 1.3f + 1.25f * 4.0f + 0.6f;
  const float chans_w = std::clamp(6.0f + 3.2f * float(max_cap), 30.0f, 44.0f);
  const float side_w = 22.0f;
  const float head = 1.15f * 1.5f + 1.3f;
  const ImVec2 design(ui * (chans_w + side_w + 1.2f),
                      ui * (head + std::max(cards + crash_h, side_rows) + 0.6f));
  Layout lay;
  lay.u = ui * FitScale(ctx.size, design);
  lay.title = lay.u * 1.15f;
  lay.line = std::max(ctx.Line(), lay.u * 0.1f);
  const float u = lay.u;
  c.RectFilled(ctx.origin, Add(ctx.origin, ctx.size), th.canvas_bg, 0);
  const float top = ctx.origin.y + lay.title * 1.5f + u * 1.3f;
  const float bottom =
      ctx.origin.y + ctx.size.y - (ctx.sandbox ? ImGui::GetFrameHeight() * 3.0f : u * 0.3f);
  const float split =
      ctx.origin.x + (ctx.size.x - u * 0.9f) * chans_w / (chans_w + side_w) + u * 0.3f;
  lay.chans_min = ImVec2(ctx.origin.x + u * 0.3f, top);
  const bool sandbox = ctx.sandbox && !ctx.picture_only && !ctx.presenter;
  const float sb_h = sandbox ? u * 1.9f + ImGui::GetFrameHeight() : 0.0f;
  lay.chans_max = ImVec2(split, bottom - (sandbox ? sb_h + u * 0.4f : 0.0f));
  lay.side_min = ImVec2(split + u * 0.3f, top);
  lay.side_max = ImVec2(ctx.origin.x + ctx.size.x - u * 0.3f, bottom);
  // Header: the title, then what this step's arrows mean (filled in by DrawMoves, drawn last).
  const float x0 = ctx.origin.x + u * 0.5f, x1 = ctx.origin.x + ctx.size.x - u * 0.5f;
  const float title_w = TextFit(c, ImVec2(x0, ctx.origin.y + u * 0.3f), lay.title, th.text,
                                T(ctx.lang, "channels (hchan)", "通道（hchan）"), x1 - x0);
  // What the marks mean, at the right of the title when there is room (as in SchedView).
  {
    const char* words[3] = {T(ctx.lang, "changed", "有变化"),
                            T(ctx.lang, "left (dequeued)", "已离开（出队）"),
                            T(ctx.lang, "value copied", "值的复制")};
    const float sw = u * 1.6f, sg = u * 0.4f, ig = u * 0.9f;
    float legend_w = 0;
    for (const char* w : words) legend_w += sw + sg + c.TextSize(u, w).x + ig;
    if (title_w + u * 2.0f + legend_w <= x1 - x0) {
      float x = x1 - legend_w + ig;
      const float cy = ctx.origin.y + u * 0.3f + lay.title * 0.5f, h = u * 0.9f;
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
  }
  // Cards, top to bottom; those that do not fit are counted.
  float y = lay.chans_min.y;
  const float cards_end = lay.chans_max.y - (crash ? u * crash_h : 0.0f);
  int drawn = 0;
  for (int i = 0; i < nch; ++i) {
    const float h = CardHeight(i, u);
    if (y + h > cards_end) break;
    DrawChan(ctx, lay, i, ImVec2(lay.chans_min.x, y), ImVec2(lay.chans_max.x, y + h));
    y += h + u * 0.4f;
    ++drawn;
  }
  if (drawn < nch && y + u <= cards_end) {
    char buf[64];
    std::snprintf(buf, sizeof buf, T(ctx.lang, "+%d more channels", "另有 %d 个通道"), nch - drawn);
    c.Text(ImVec2(lay.chans_min.x + u * 0.5f, y), u, th.text_dim, buf);
  }
  DrawSide(ctx, lay);
  DrawCrash(ctx, lay);
  DrawMoves(ctx, lay);
  if (!m_move_caption.empty()) {
    // With the arrow glyph (and the move colour) only when the caption explains arrows drawn.
    const float cy = ctx.origin.y + lay.title * 1.5f;
    const float tx = m_arrows > 0 ? x0 + u * 2.0f : x0;
    if (m_arrows > 0) {
      Arrow(c, ImVec2(x0, cy + u * 0.5f), ImVec2(x0 + u * 1.5f, cy + u * 0.5f), th.move, lay.line,
            u * 0.45f);
    }
    TextFit(c, ImVec2(tx, cy - u * 0.05f), u, m_arrows > 0 ? th.move : th.text, m_move_caption,
            x1 - tx);
  }
  if (ctx.picture_only) return;
  if (sandbox) {
    DrawSandbox(ctx, lay, ImVec2(lay.chans_min.x, lay.chans_max.y + u * 0.4f),
                ImVec2(lay.chans_max.x, lay.chans_max.y + u * 0.4f + sb_h));
  }
  // Hover: the last item drawn under the mouse.
  const Hit* hover = nullptr;
  for (const Hit& h : m_hits) {
    if (ImGui::IsMouseHoveringRect(h.min, h.max)) hover = &h;
  }
  if (hover) Tooltip(ctx, *hover);
  // Predict-then-reveal by pointing: a click on a goroutine names it, on a slot "buf[i]".
  if (!ctx.sandbox && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) {
    if (hover) {
      ctx.requests.picked.push_back(m_run->Label(hover->goid));
    } else {
      for (const SlotHit& sl : m_slots) {
        if (!ImGui::IsMouseHoveringRect(sl.min, sl.max)) continue;
        char name[24];
        std::snprintf(name, sizeof name, "buf[%d]", sl.slot);
        ctx.requests.picked.push_back(name);
      }
    }
  }
}

// [SECTION] tooltips
void ChanView::Tooltip(const ViewContext& ctx, const Hit& h) const {
  if (h.goid <= 0 || std::size_t(h.goid) > m_state.gs.size()) return;
  const Lang l = ctx.lang;
  const sched::Program& pr = m_run->Prog();
  const sched::G& g = m_state.Gor(h.goid);
  const sched::Func& f = pr.funcs[std::size_t(g.func)];
  ImGui::BeginTooltip();
  if (h.ch >= 0) {
    const sched::Chan& cc = m_state.chans[std::size_t(h.ch)];
    const auto& q = h.queue == 0 ? cc.recvq : cc.sendq;
    ImGui::Text("sudog: %s %s.%s", m_run->Label(h.goid).c_str(),
                pr.chan_names[std::size_t(h.ch)].c_str(), h.queue == 0 ? "recvq" : "sendq");
    if (h.index < 0) {
      ImGui::TextUnformatted(T(l, "left the queue this step (dequeued)", "本步离开队列（已出队）"));
    } else if (std::size_t(h.index) < q.size()) {
      const sched::Sudog& s = q[std::size_t(h.index)];
      if (h.queue == 1) {
        ImGui::Text("%s %s", T(l, "carries", "携带"),
                    sched::FormatValue(pr, cc.elem, s.value).c_str());
      } else if (s.elem >= 0 && std::size_t(s.elem) < f.locals.size()) {
        ImGui::Text("elem → %s", f.locals[std::size_t(s.elem)].name.c_str());
      } else {
        ImGui::TextUnformatted(T(l, "elem: none (value dropped)", "elem：无（值被丢弃）"));
      }
      ImGui::Text(T(l, "position %d in the FIFO", "FIFO 中第 %d 个"), h.index + 1);
      if (s.is_select) {
        ImGui::Text(T(l, "select case %d (isSelect)", "select 的第 %d 个 case（isSelect）"),
                    int(s.select_case));
      }
    }
    ImGui::Separator();
  }
  const std::string_view st = sched::GStatusName(g.status);
  const std::string_view why = sched::WaitReasonName(g.wait);
  ImGui::Text("%s  (goid %d, func %s)", m_run->Label(g.goid).c_str(), g.goid, f.name.c_str());
  ImGui::Text("%s: %.*s%s%.*s", T(l, "state", "状态"), int(st.size()), st.data(),
              why.empty() ? "" : "  ", int(why.size()), why.data());
  for (std::size_t i = 0; i < f.locals.size() && i < g.locals.size(); ++i) {
    ImGui::Text("%s = %s", f.locals[i].name.c_str(),
                sched::FormatValue(pr, f.locals[i].type, g.locals[i]).c_str());
  }
  ImGui::EndTooltip();
}

bool ChanView::ChipRect(std::int32_t goid, ImVec2* min, ImVec2* max) const {
  return Rect(goid, -1, 0, false, min, max);
}

bool ChanView::SlotRect(int ch, int slot, ImVec2* min, ImVec2* max, bool* changed) const {
  for (const SlotHit& s : m_slots) {
    if (s.ch != ch || s.slot != slot) continue;
    *min = s.min;
    *max = s.max;
    if (changed) *changed = s.changed;
    return true;
  }
  return false;
}

bool ChanView::ClosedShown(int ch) const {
  return std::find(m_closed_shown.begin(), m_closed_shown.end(), ch) != m_closed_shown.end();
}

}  // namespace gs::app
