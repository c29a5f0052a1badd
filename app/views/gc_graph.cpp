// The GC view's object graph: roots, heap objects, pointers, what the step changed and the
// captions around them.
// [SECTION] index: geometry · edges · barrier links · roots · objects · captions · input
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"
#include "app/views/draw_util.h"
#include "app/views/gc_draw.h"
#include "app/views/gc_view.h"

namespace gs::app {
namespace {

using gc::Color;
using gc::EventKind;
using gc::kNil;
using gcdraw::Contains;
using gcdraw::Ease;
using gcdraw::FillOf;
using gcdraw::L;
using gcdraw::LabelOf;
using gcdraw::OutlineOf;

bool EdgeIn(const std::vector<gc::EdgeRef>& v, bool from_root, std::int32_t from,
            std::int32_t slot) {
  for (const auto& e : v) {
    if (e.from_root == from_root && e.from == from && e.slot == slot) return true;
  }
  return false;
}

bool Overlaps(const ImVec4& r, ImVec2 a, ImVec2 b, float margin) {
  return a.x < r.z + margin && b.x > r.x - margin && a.y < r.w + margin && b.y > r.y - margin;
}

ImVec2 BezierAt(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, float u) {
  const float v = 1.0f - u;
  const float a = v * v * v, b = 3 * v * v * u, c = 3 * v * u * u, d = u * u * u;
  return ImVec2(a * p0.x + b * p1.x + c * p2.x + d * p3.x,
                a * p0.y + b * p1.y + c * p2.y + d * p3.y);
}

// A dashed cubic curve with an arrowhead at p3 (the barrier's link to what it shaded).
void DashedCurveArrow(Canvas& cv, ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, ImU32 col,
                      float thickness, float head) {
  constexpr int kSegments = 24;
  ImVec2 prev = p0;
  for (int i = 1; i <= kSegments; ++i) {
    const ImVec2 p = BezierAt(p0, p1, p2, p3, float(i) / float(kSegments));
    if (i % 2 == 1 && i < kSegments) cv.Line(prev, p, col, thickness);
    prev = p;
  }
  const ImVec2 from = BezierAt(p0, p1, p2, p3, 0.9f);
  const float dx = p3.x - from.x, dy = p3.y - from.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) return;
  const ImVec2 d(dx / len, dy / len), n(-d.y, d.x);
  const ImVec2 base(p3.x - d.x * head, p3.y - d.y * head);
  cv.Line(from, base, col, thickness);
  cv.TriangleFilled(p3, ImVec2(base.x + n.x * head * 0.5f, base.y + n.y * head * 0.5f),
                    ImVec2(base.x - n.x * head * 0.5f, base.y - n.y * head * 0.5f), col);
}

// A cross: a freed object, or a pointer that breaks the weak invariant.
void Cross(Canvas& cv, ImVec2 c, float k, ImU32 col, float thickness) {
  cv.Line(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), col, thickness);
  cv.Line(ImVec2(c.x - k, c.y + k), ImVec2(c.x + k, c.y - k), col, thickness);
}

}  // namespace

// [SECTION] geometry
ImVec2 GcView::ObjPos(const Geometry& g, std::size_t i) const {
  const float cols = m_layout.columns + 1.0f;  // column 0 holds the roots
  const float w = g.graph_max.x - g.graph_min.x, h = g.graph_max.y - g.graph_min.y;
  const float along = (m_layout.obj_x[i] + 0.5f) / cols;      // depth from the roots
  float across = (m_layout.obj_y[i] + 0.5f) / m_layout.rows;  // row within a depth
  if (m_layout.obj_x.size() > kDenseObjects && m_layout.col_count[i] > 0) {
    // Big heaps: each column spreads over the full height (12 shards over 9,744 values
    // would otherwise sit on one spot).
    const float cnt = m_layout.col_count[i];
    across = (m_layout.obj_y[i] - (m_layout.rows - cnt) * 0.5f + 0.5f) / cnt;
  }
  if (g.vertical) return ImVec2(g.graph_min.x + w * across, g.graph_min.y + h * along);
  return ImVec2(g.graph_min.x + w * along, g.graph_min.y + h * across);
}

ImVec2 GcView::RootPos(const Geometry& g, std::size_t r) const {
  const float across = (m_layout.root_y[r] + 0.5f) / m_layout.rows;
  if (g.vertical) return ImVec2(g.graph_min.x + (g.graph_max.x - g.graph_min.x) * across, g.root_x);
  return ImVec2(g.root_x, g.graph_min.y + (g.graph_max.y - g.graph_min.y) * across);
}

// A root is a box around its name, drawn at the node label size.
ImVec2 GcView::RootHalf(const ViewContext& ctx, const Geometry& g, std::size_t r) const {
  std::string_view a, b;
  RootLines(m_run->Prog().RootName(std::int32_t(r)), g.root_text, &a, &b);
  const float w = std::max(ctx.canvas->TextSize(g.root_font, a).x,
                           b.empty() ? 0.0f : ctx.canvas->TextSize(g.root_font, b).x);
  return ImVec2(w * 0.5f + g.root_font * 0.5f, g.root_font * (b.empty() ? 0.8f : 1.4f));
}

void GcView::RootLines(std::string_view name, RootText how, std::string_view* first,
                       std::string_view* second) {
  const std::size_t colon = name.find(':');
  *first = name;
  *second = {};
  if (how == RootText::kFull || colon == std::string_view::npos || colon + 1 >= name.size()) {
    return;
  }
  if (how == RootText::kShort) {
    *first = name.substr(colon + 1);
    return;
  }
  *first = name.substr(0, colon + 1);
  *second = name.substr(colon + 1);
}

// [SECTION] edges
void GcView::DrawEdges(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float t = Ease(ctx.t);
  const auto events = run.GetTimeline().Events(ctx.step);
  const float thick = std::max(g.line, g.radius * 0.08f);
  const float head = std::max(g.line * 4.0f, g.radius * 0.42f);
  const ImU32 ghost = WithAlpha(th.ghost, GhostAlpha(ctx.t));
  // Which slot the step stores to (a barrier runs before its store, so it does not count),
  // and which edges lie on a dangling path.
  std::int32_t w_obj = kNil, w_root = kNil, w_field = -1;
  auto& dangling_hops = m_dangling_hops;  // (from obj, to obj), reused between frames
  dangling_hops.clear();
  for (const auto& e : events) {
    if (e.kind == EventKind::kWrite) {
      w_obj = e.obj;
      w_field = e.field;
    }
    if (e.kind == EventKind::kRootWrite) {
      w_root = e.root;
      w_field = e.field;
    }
    if (e.kind == EventKind::kDangling) {
      for (std::size_t i = 2; i < e.path.size(); ++i)
        dangling_hops.emplace_back(e.path[i - 1], e.path[i]);
    }
  }
  enum class Look { kPlain, kNew, kGhost, kStrong, kWeak, kDanger };
  auto draw = [&](ImVec2 from_c, float from_r, bool from_is_root, ImVec2 root_half, std::int32_t to,
                  std::int32_t slot, std::size_t nslots, Look look) {
    if (to == kNil) return;
    const ImVec2 tc = ObjPos(g, std::size_t(to));
    // Spread the slots of one source a little so parallel pointers stay distinct.
    const float spread =
        nslots > 1 ? (float(slot) - float(nslots - 1) * 0.5f) * g.radius * 0.35f : 0.0f;
    ImVec2 start = from_is_root ? RectEdge(Sub(from_c, root_half), Add(from_c, root_half), tc)
                                : CircleEdge(from_c, from_r, tc);
    (g.vertical ? start.x : start.y) += spread;
    const ImVec2 end = CircleEdge(tc, g.radius + g.line, start);
    switch (look) {
      case Look::kPlain:
        Arrow(cv, start, end, th.edge, thick, head);
        break;
      case Look::kNew:  // the pointer this step stored grows in
        MoveArrow(cv, start, end, th.changed, thick * 1.8f, head * 1.1f, t);
        break;
      case Look::kGhost:  // the pointer this step overwrote, for this step only
        Arrow(cv, start, end, ghost, thick, head, /*dashed=*/true);
        break;
      case Look::kStrong:
        Arrow(cv, start, end, th.warn, thick * 1.4f, head, /*dashed=*/true);
        break;
      case Look::kWeak:
      case Look::kDanger: {
        Arrow(cv, start, end, th.danger, thick * 1.8f, head * 1.1f, look == Look::kWeak);
        // A cross on the pointer: the danger is not told by colour alone.
        Cross(cv, Lerp(start, end, 0.5f), head * 0.45f, th.danger, thick * 1.5f);
        break;
      }
    }
  };
  auto freed_target = [&](std::int32_t to) {
    return to != kNil && m_cur.objects[std::size_t(to)].freed;
  };
  // Objects' fields.
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const auto& cur = m_cur.objects[i];
    const auto& prev = i < m_prev.objects.size() ? m_prev.objects[i] : cur;
    if (!cur.live && !cur.freed) continue;
    if (cur.freed && prev.freed) continue;  // swept earlier: its memory is gone
    const bool freed_now = cur.freed;       // swept this step: its pointers are ghosts
    const std::size_t nf = std::max(cur.fields.size(), prev.fields.size());
    const ImVec2 c = ObjPos(g, i);
    for (std::size_t f = 0; f < nf; ++f) {
      const std::int32_t now = f < cur.fields.size() ? cur.fields[f] : kNil;
      const std::int32_t was = f < prev.fields.size() ? prev.fields[f] : kNil;
      const std::int32_t slot = std::int32_t(f);
      if (freed_now) {
        draw(c, g.radius, false, {}, now, slot, nf, Look::kGhost);
        continue;
      }
      const bool written = std::int32_t(i) == w_obj && slot == w_field;
      const bool weak = EdgeIn(m_cur.weak_violations, false, std::int32_t(i), slot);
      const bool strong = EdgeIn(m_cur.strong_violations, false, std::int32_t(i), slot);
      // A marked object, or any survivor once sweeping is done, that points to freed memory:
      // the lost object. (Garbage pointing to garbage swept a step earlier is no error.)
      bool dang =
          freed_target(now) && (cur.color != Color::kWhite || m_cur.phase == gc::Phase::kOff);
      for (auto& h : dangling_hops) dang |= h.first == std::int32_t(i) && h.second == now;
      if (was != now && was != kNil) draw(c, g.radius, false, {}, was, slot, nf, Look::kGhost);
      const Look look = weak                                     ? Look::kWeak
                        : dang                                   ? Look::kDanger
                        : strong                                 ? Look::kStrong
                        : (written || was != now) && now != kNil ? Look::kNew
                                                                 : Look::kPlain;
      draw(c, g.radius, false, {}, now, slot, nf, look);
    }
  }
  // Roots' slots.
  for (std::size_t r = 0; r < m_cur.roots.size(); ++r) {
    const auto& cur = m_cur.roots[r];
    const auto& prev = r < m_prev.roots.size() ? m_prev.roots[r] : cur;
    const ImVec2 c = RootPos(g, r);
    const ImVec2 half = RootHalf(ctx, g, r);
    const std::size_t ns = std::max(cur.slots.size(), prev.slots.size());
    for (std::size_t k = 0; k < ns; ++k) {
      const std::int32_t now = k < cur.slots.size() ? cur.slots[k] : kNil;
      const std::int32_t was = k < prev.slots.size() ? prev.slots[k] : kNil;
      const std::int32_t slot = std::int32_t(k);
      const bool written = std::int32_t(r) == w_root && slot == w_field;
      bool dang = freed_target(now);
      for (const auto& e : events) {
        if (e.kind == EventKind::kDangling && e.path.size() >= 2 && e.path[0] == std::int32_t(r) &&
            e.path[1] == now) {
          dang = true;
        }
      }
      if (was != now && was != kNil) draw(c, 0, true, half, was, slot, ns, Look::kGhost);
      const Look look = dang                                     ? Look::kDanger
                        : (written || was != now) && now != kNil ? Look::kNew
                                                                 : Look::kPlain;
      draw(c, 0, true, half, now, slot, ns, look);
    }
  }
}

// [SECTION] barrier links
// A barrier that shaded an object this step: a dashed curve from the store it guarded (the
// written object or root) to the object it shaded, and a badge on that object.
void GcView::DrawBarrierLinks(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const auto events = run.GetTimeline().Events(ctx.step);
  const gc::Event* store = nullptr;
  for (const auto& e : events) {
    if (e.kind == EventKind::kBarrier) store = &e;
  }
  const float thick = std::max(g.line, g.radius * 0.07f) * 1.3f;
  const float head = std::max(g.line * 4.0f, g.radius * 0.4f);
  for (const auto& e : events) {
    const bool barrier_cause =
        e.cause == gc::ShadeCause::kInsertion || e.cause == gc::ShadeCause::kDeletion;
    const bool shade = e.kind == EventKind::kShade;
    const bool already = e.kind == EventKind::kAlreadyShaded;
    const bool queued = e.kind == EventKind::kWbEnqueue;
    if (!barrier_cause || !(shade || already || queued) || e.obj == kNil) continue;
    const bool ins = e.cause == gc::ShadeCause::kInsertion;
    const ImVec2 tc = ObjPos(g, std::size_t(e.obj));
    if (store) {
      ImVec2 sc;
      ImVec2 half(g.radius, g.radius);
      if (store->on_root && store->root != kNil) {
        sc = RootPos(g, std::size_t(store->root));
        half = RootHalf(ctx, g, std::size_t(store->root));
      } else if (store->obj != kNil) {
        sc = ObjPos(g, std::size_t(store->obj));
      } else {
        sc = tc;
      }
      const float dx = tc.x - sc.x, dy = tc.y - sc.y;
      const float len = std::sqrt(dx * dx + dy * dy);
      if (len > g.radius * 2.0f) {
        // Bow the two halves to opposite sides, clear of the pointer the store drew.
        const float bow = (ins ? 0.32f : -0.32f) * len;
        const ImVec2 n(-dy / len * bow, dx / len * bow);
        const ImVec2 p1(sc.x + dx * 0.3f + n.x, sc.y + dy * 0.3f + n.y);
        const ImVec2 p2(sc.x + dx * 0.7f + n.x, sc.y + dy * 0.7f + n.y);
        const ImVec2 p0 = store->on_root ? RectEdge(Sub(sc, half), Add(sc, half), p1)
                                         : CircleEdge(sc, g.radius, p1);
        const ImVec2 p3 = CircleEdge(tc, g.radius + g.line * 2.0f, p2);
        const ImU32 col = already ? WithAlpha(th.warn, 0.6f) : th.warn;
        DashedCurveArrow(cv, p0, p1, p2, p3, col, already ? thick * 0.7f : thick, head);
      }
    }
    Caption cap;
    cap.centre = tc;
    cap.half = ImVec2(g.radius, g.radius);
    cap.bg = th.warn;
    cap.fg = IM_COL32(0, 0, 0, 255);
    if (shade) {
      cap.text = Tr(ins ? Str::kBadgeInsertion : Str::kBadgeDeletion, l);
      cap.short_text = ins ? L(l, "insertion", "插入") : L(l, "deletion", "删除");
      cap.priority = 1;
    } else if (queued) {
      cap.text = ins ? L(l, "insertion half → wbBuf", "插入 → wbBuf")
                     : L(l, "deletion half → wbBuf", "删除 → wbBuf");
      cap.short_text = "→ wbBuf";
      cap.priority = 1;
    } else {
      cap.text = L(l, "barrier: already marked", "写屏障：已标记");
      cap.short_text = L(l, "already marked", "已标记");
      cap.bg = th.panel_bg;
      cap.fg = th.text;
      cap.priority = 3;
    }
    m_captions.push_back(cap);
  }
}

// [SECTION] roots
void GcView::DrawRoots(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const gc::Program& p = run.Prog();
  const auto events = run.GetTimeline().Events(ctx.step);
  const float round = g.root_font * 0.3f;
  for (std::size_t r = 0; r < m_cur.roots.size(); ++r) {
    const ImVec2 c = RootPos(g, r);
    const ImVec2 half = RootHalf(ctx, g, r);
    const ImVec2 a = Sub(c, half), b = Add(c, half);
    const std::int32_t ri = std::int32_t(r);
    const bool pending = Contains(m_cur.root_jobs, ri);
    const bool scanned = m_cur.roots[r].scanned;
    const bool was_pending = Contains(m_prev.root_jobs, ri);
    const bool was_scanned = r < m_prev.roots.size() && m_prev.roots[r].scanned;
    bool active = pending != was_pending || scanned != was_scanned;
    for (const auto& e : events) {
      active |=
          (e.kind == EventKind::kScanRoot || e.kind == EventKind::kRescanStack) && e.root == ri;
    }
    // A root waiting for markroot is grey; a scanned root is black.
    const Color col = scanned ? Color::kBlack : pending ? Color::kGrey : Color::kWhite;
    cv.RectFilled(a, b, FillOf(th, col), round);
    if (col == Color::kGrey) {
      HatchRect(cv, a, b, WithAlpha(th.obj_grey_outline, 0.6f), g.root_font * 0.45f, g.line * 0.6f);
    }
    cv.Rect(a, b, OutlineOf(th, col), round, g.line);
    if (active) MarkChangedRect(cv, a, b, th.changed, g.line, ctx.t, round);
    std::string_view lines[2];
    RootLines(p.RootName(ri), g.root_text, &lines[0], &lines[1]);
    m_placed.push_back(ImVec4(a.x, a.y, b.x, b.y));
    const int nlines = lines[1].empty() ? 1 : 2;
    for (int li = 0; li < nlines; ++li) {
      const std::string_view id = lines[li];
      const ImVec2 lc(c.x, c.y + (nlines == 1 ? 0.0f : (li == 0 ? -0.55f : 0.55f) * g.root_font));
      const ImVec2 ts = cv.TextSize(g.root_font, id);
      if (col == Color::kGrey) {
        // The name stays readable over the hatching.
        cv.RectFilled(ImVec2(lc.x - ts.x * 0.5f - 2, lc.y - ts.y * 0.5f),
                      ImVec2(lc.x + ts.x * 0.5f + 2, lc.y + ts.y * 0.5f), th.obj_grey_fill, 3.0f);
      }
      const ImVec2 tp = cv.TextCentered(lc, g.root_font, LabelOf(th, col), id);
      m_placed.push_back(ImVec4(tp.x, tp.y, tp.x + ts.x, tp.y + ts.y));
    }
    const bool stack = p.roots[r].kind == gc::RootKind::kStack;
    Caption cap;
    cap.text = stack ? (scanned ? Tr(Str::kScanned, ctx.lang) : Tr(Str::kUnscanned, ctx.lang))
                     : L(ctx.lang, "global", "全局变量");
    if (g.root_text == RootText::kShort && stack) {
      cap.text = scanned ? L(ctx.lang, "stack, scanned", "栈，已扫描")
                         : L(ctx.lang, "stack, unscanned", "栈，未扫描");
      cap.short_text = L(ctx.lang, "stack", "栈");
    }
    cap.centre = c;
    cap.half = half;
    cap.fg = th.text_dim;
    // With the kind cut from the name, the caption is the only place that says it.
    cap.priority = g.root_text == RootText::kShort ? 0 : 3;
    m_captions.push_back(cap);
  }
}

// [SECTION] objects
void GcView::DrawObjects(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const gc::Program& p = run.Prog();
  const float t = Ease(ctx.t);
  const auto events = run.GetTimeline().Events(ctx.step);
  const float r = g.radius;
  const float ghost_a = GhostAlpha(ctx.t);
  // Every node's box first, so no caption lands on a node drawn later.
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const ImVec2 c = ObjPos(g, i);
    const float k = r * 0.85f;
    m_placed.push_back(ImVec4(c.x - k, c.y - k, c.x + k, c.y + k));
  }
  auto label = [&](ImVec2 c, const std::string& id, ImU32 col, ImU32 bg, ImU32 fill = 0,
                   ImU32 outline = 0) {
    const float natural = cv.TextSize(g.font, id).x;
    // Long ids shrink to fit inside the node, never below the UI font; past that they sit on
    // a box of the node's fill.
    const float fs = natural > r * 1.7f ? std::max(g.cap, g.font * (r * 1.7f) / natural) : g.font;
    const ImVec2 ts = cv.TextSize(fs, id);
    const ImVec2 h(ts.x * 0.5f + fs * 0.25f, ts.y * 0.5f);
    if (ts.x > r * 1.8f && fill != 0) {
      cv.RectFilled(Sub(c, h), Add(c, h), fill, fs * 0.25f);
      cv.Rect(Sub(c, h), Add(c, h), outline, fs * 0.25f, g.line * 0.75f);
    }
    if (bg != 0) cv.RectFilled(Sub(c, h), Add(c, h), bg, fs * 0.2f);
    const ImVec2 tp = cv.TextCentered(c, fs, col, id);
    m_placed.push_back(ImVec4(tp.x, tp.y, tp.x + ts.x, tp.y + ts.y));
  };
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const auto& cur = m_cur.objects[i];
    const auto& prev = i < m_prev.objects.size() ? m_prev.objects[i] : cur;
    const ImVec2 c = ObjPos(g, i);
    const std::string& id = p.ObjectName(std::int32_t(i));
    const bool noscan = p.objects[i].noscan;
    Caption cap;
    cap.centre = c;
    cap.half = ImVec2(r, r);
    if (!cur.live && !cur.freed) {
      // Not allocated yet: a faint placeholder keeps the layout readable.
      DashedCircle(cv, c, r * 0.8f, WithAlpha(th.grid, 0.8f), g.line * 0.6f, 10);
      label(c, id, WithAlpha(th.text_dim, 0.7f), 0);
      continue;
    }
    if (cur.freed) {
      if (prev.freed) {
        // Swept in an earlier step: only a trace of where it was.
        DashedCircle(cv, c, r * 0.8f, WithAlpha(th.grid, 0.8f), g.line * 0.6f, 10);
        Cross(cv, c, r * 0.3f, WithAlpha(th.grid, 0.8f), g.line * 0.6f);
        label(c, id, WithAlpha(th.text_dim, 0.6f), 0);
        continue;
      }
      // Swept this step: a ghost of the object for this step.
      const ImU32 col = WithAlpha(th.ghost, ghost_a);
      cv.CircleFilled(c, r, WithAlpha(FillOf(th, prev.color), ghost_a * 0.6f));
      DashedCircle(cv, c, r, col, g.line * 1.2f, 14);
      Cross(cv, c, r * 0.55f, col, g.line * 1.2f);
      label(c, id, WithAlpha(th.text, std::max(ghost_a, 0.7f)), WithAlpha(th.canvas_bg, 0.8f));
      cap.text = L(l, "freed (sweepone)", "已释放（sweepone）");
      cap.short_text = Tr(Str::kFreed, l);
      cap.fg = th.text;
      cap.bg = th.panel_bg;
      cap.priority = 2;
      m_captions.push_back(cap);
      continue;
    }
    const Color from = prev.live ? prev.color : cur.color;
    const float blend = from == cur.color ? 1.0f : t;
    const ImU32 fill = LerpColor(FillOf(th, from), FillOf(th, cur.color), blend);
    const ImU32 outline = LerpColor(OutlineOf(th, from), OutlineOf(th, cur.color), blend);
    const float born = prev.live ? 1.0f : t;  // allocation fades in
    const bool grey = cur.color == Color::kGrey;
    const float outline_w = grey ? g.line * 1.6f : g.line * 1.2f;
    if (noscan) {
      const ImVec2 a(c.x - r, c.y - r), b(c.x + r, c.y + r);
      cv.RectFilled(a, b, WithAlpha(fill, born), r * 0.25f);
      if (grey) HatchRect(cv, a, b, th.obj_grey_outline, r * 0.35f, g.line * 0.7f);
      cv.Rect(a, b, WithAlpha(outline, born), r * 0.25f, outline_w);
    } else {
      cv.CircleFilled(c, r, WithAlpha(fill, born));
      if (grey) {
        HatchCircle(cv, c, r - 1.0f, WithAlpha(th.obj_grey_outline, blend * born), r * 0.32f,
                    g.line * 0.75f);
      }
      cv.Circle(c, r, WithAlpha(outline, born), outline_w);
    }
    // Shaded, blackened or allocated by this step.
    if (!prev.live || prev.color != cur.color) {
      if (noscan) {
        MarkChangedRect(cv, ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), th.changed, g.line,
                        ctx.t, r * 0.25f);
      } else {
        MarkChangedCircle(cv, c, r, th.changed, g.line, ctx.t);
      }
    }
    label(c, id, LabelOf(th, cur.color), grey ? th.obj_grey_fill : 0, FillOf(th, cur.color),
          OutlineOf(th, cur.color));
    if (noscan) {
      Caption ns = cap;
      ns.text = "noscan";
      ns.fg = th.text_dim;
      ns.priority = 4;
      m_captions.push_back(ns);
    }
    for (const auto& e : events) {
      if (e.obj != std::int32_t(i)) continue;
      if (e.kind == EventKind::kAlloc && e.to == Color::kBlack) {
        Caption bb = cap;
        bb.text = Tr(Str::kBadgeBornBlack, l);
        bb.bg = th.accent;
        bb.fg = IM_COL32(255, 255, 255, 255);
        bb.priority = 2;
        m_captions.push_back(bb);
      }
    }
  }
  // Dangling pointers last, on top of everything.
  for (const auto& e : events) {
    if (e.kind != EventKind::kDangling || e.obj == kNil) continue;
    const ImVec2 c = ObjPos(g, std::size_t(e.obj));
    cv.Circle(c, r + g.line * 4.0f, th.danger, g.line * 2.0f);
    Caption cap;
    cap.text = Tr(Str::kDangling, l);
    cap.short_text = L(l, "DANGLING", "悬空指针");
    cap.centre = c;
    cap.half = ImVec2(r + g.line * 5.0f, r + g.line * 5.0f);
    cap.bg = th.danger;
    cap.fg = IM_COL32(255, 255, 255, 255);
    cap.priority = 0;
    m_captions.push_back(cap);
  }
}

// [SECTION] captions
void GcView::DrawDense(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float k = std::max(g.line * 0.5f, g.radius * 0.7f);
  // Neighbours in declaration order usually sit next to each other in one column (the layout
  // orders a column by parent): a run of same-coloured cells that touch is one rectangle, so
  // thousands of cells smaller than a pixel cost a few hundred rectangles.
  // One open run per column (a few slots, no allocation): declaration order interleaves
  // columns (a bucket, then its values), so a single run would break at every switch.
  struct Run {
    bool open = false;
    ImVec2 min, max;
    ImU32 col = 0;
  };
  std::array<Run, 8> runs{};
  std::size_t next_slot = 0;
  // The cells sit on a card: on the light theme the canvas is as white as a white object,
  // and an outline per cell would cost ten thousand rectangles more.
  const float pad = k + g.line * 2.0f;
  cv.RectFilled(ImVec2(g.graph_min.x - pad, g.graph_min.y - pad),
                ImVec2(g.graph_max.x + pad, g.graph_max.y + pad), th.panel_bg, g.line * 2.0f);
  auto flush = [&](Run& r) {
    if (!r.open) return;
    cv.RectFilled(r.min, r.max, r.col, 0);
    r.open = false;
  };
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const gc::Object& o = m_cur.objects[i];
    if (!o.live) continue;
    const ImVec2 c = ObjPos(g, i);
    if (c.x + k < g.clip_min.x || c.x - k > g.clip_max.x || c.y + k < g.clip_min.y ||
        c.y - k > g.clip_max.y) {
      continue;
    }
    const ImU32 col = FillOf(th, o.color);
    const ImVec2 a(c.x - k, c.y - k), b(c.x + k, c.y + k);
    Run* slot = nullptr;
    for (Run& r : runs) {
      if (r.open && r.min.x == a.x) slot = &r;
    }
    if (slot && slot->col == col && a.y <= slot->max.y + g.line && b.y >= slot->min.y - g.line) {
      slot->min.y = std::min(slot->min.y, a.y);
      slot->max.y = std::max(slot->max.y, b.y);
      continue;
    }
    if (!slot) {
      slot = &runs[next_slot];
      next_slot = (next_slot + 1) % runs.size();
    }
    flush(*slot);
    *slot = Run{true, a, b, col};
  }
  for (Run& r : runs) flush(r);
  // This step's change: a ring around every object shaded or freed (a handful per step).
  const float ring = std::max(g.line * 3.0f, k * 1.8f);
  for (const auto& e : run.GetTimeline().Events(ctx.step)) {
    if (e.kind != gc::EventKind::kShade && e.kind != gc::EventKind::kFree &&
        e.kind != gc::EventKind::kBlacken) {
      continue;
    }
    if (e.obj == gc::kNil) continue;
    const ImVec2 c = ObjPos(g, std::size_t(e.obj));
    cv.Rect(ImVec2(c.x - ring, c.y - ring), ImVec2(c.x + ring, c.y + ring), th.accent, 0, g.line);
  }
}

bool GcView::TryPlace(const Geometry& g, ImVec2 pos, ImVec2 size, ImVec2* out) const {
  if (size.x > g.clip_max.x - g.clip_min.x || size.y > g.clip_max.y - g.clip_min.y) return false;
  pos.x = std::clamp(pos.x, g.clip_min.x + 1.0f, g.clip_max.x - size.x - 1.0f);
  pos.y = std::clamp(pos.y, g.clip_min.y + 1.0f, g.clip_max.y - size.y - 1.0f);
  const ImVec2 b = Add(pos, size);
  for (const ImVec4& r : m_placed) {
    if (Overlaps(r, pos, b, 2.0f)) return false;
  }
  *out = pos;
  return true;
}

// Essential captions first; each tries below, above, right and left of its item, then its
// short form; one that finds no room is left out rather than drawn over another.
void GcView::PlaceCaptions(const ViewContext& ctx, const Geometry& g) {
  Canvas& cv = *ctx.canvas;
  const float gap = g.line * 1.5f;
  for (int prio = 0; prio <= 4; ++prio) {
    for (const Caption& cap : m_captions) {
      if (cap.priority != prio) continue;
      for (const char* text : {cap.text, cap.short_text}) {
        if (!text) continue;
        const ImVec2 sz = cap.bg ? PillSize(cv, text, g.cap) : cv.TextSize(g.cap, text);
        const ImVec2 c = cap.centre, h = cap.half;
        const ImVec2 tries[] = {
            {c.x - sz.x * 0.5f, c.y + h.y + gap}, {c.x - sz.x * 0.5f, c.y - h.y - gap - sz.y},
            {c.x + h.x + gap, c.y - sz.y * 0.5f}, {c.x - h.x - gap - sz.x, c.y - sz.y * 0.5f},
            {c.x + h.x * 0.5f, c.y + h.y + gap},  {c.x - h.x * 0.5f - sz.x, c.y - h.y - gap - sz.y},
        };
        ImVec2 at;
        bool ok = false;
        for (const ImVec2& p : tries) {
          if (TryPlace(g, p, sz, &at)) {
            ok = true;
            break;
          }
        }
        if (!ok) continue;
        if (cap.bg) {
          Pill(cv, at, cap.bg, cap.fg, text, g.cap);
        } else {
          cv.Text(at, g.cap, cap.fg, text);
        }
        m_placed.push_back(ImVec4(at.x, at.y, at.x + sz.x, at.y + sz.y));
        break;
      }
    }
  }
}

// [SECTION] input
void GcView::HandleSelection(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  if (m_sel_obj != kNil && std::size_t(m_sel_obj) < m_cur.objects.size()) {
    ctx.canvas->Circle(ObjPos(g, std::size_t(m_sel_obj)), g.radius + g.line * 6.0f,
                       ctx.theme.accent, g.line);
  }
  if (ctx.picture_only || !ImGui::IsWindowHovered() || !ImGui::IsMouseClicked(0)) return;
  const ImVec2 m = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const ImVec2 c = ObjPos(g, i);
    if ((m.x - c.x) * (m.x - c.x) + (m.y - c.y) * (m.y - c.y) <= g.radius * g.radius) {
      m_sel_obj = std::int32_t(i);
      m_sel_root = kNil;
      if (!ctx.sandbox) ctx.requests.picked.push_back(run.Prog().ObjectName(std::int32_t(i)));
      return;
    }
  }
  for (std::size_t r = 0; r < m_cur.roots.size(); ++r) {
    const ImVec2 c = RootPos(g, r);
    const ImVec2 half = RootHalf(ctx, g, r);
    if (std::fabs(m.x - c.x) <= half.x && std::fabs(m.y - c.y) <= half.y) {
      m_sel_root = std::int32_t(r);
      m_sel_obj = kNil;
      return;
    }
  }
}

// Hover: what an object is, in words.
void GcView::HoverTooltip(const ViewContext& ctx, const gc::GcRun& run, const Geometry& g) {
  if (ctx.picture_only || !ImGui::IsWindowHovered()) return;
  const gc::Program& p = run.Prog();
  const Lang l = ctx.lang;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < m_cur.objects.size(); ++i) {
    const ImVec2 c = ObjPos(g, i);
    const float dx = mouse.x - c.x, dy = mouse.y - c.y;
    if (dx * dx + dy * dy > g.radius * g.radius) continue;
    const auto& o = m_cur.objects[i];
    std::string fields;
    for (std::size_t f = 0; f < o.fields.size(); ++f) {
      fields += " f" + std::to_string(f) + "=" +
                (o.fields[f] == kNil ? "nil" : p.ObjectName(o.fields[f]));
    }
    ImGui::SetTooltip("%s: %s%s%s", p.ObjectName(std::int32_t(i)).c_str(),
                      o.freed   ? Tr(Str::kFreed, l)
                      : !o.live ? L(l, "not allocated", "尚未分配")
                                : gcdraw::ColorWord(l, o.color),
                      p.objects[i].noscan ? " (noscan)" : "", fields.c_str());
  }
}

}  // namespace gs::app
