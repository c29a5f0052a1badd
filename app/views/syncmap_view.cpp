// [SECTION] state: the step's map and what it touched, read from its events
// [SECTION] header: Go version, m.mu, misses against len(dirty), read.amended
// [SECTION] maps: read and dirty side by side, one row per key, shared entries linked
// [SECTION] lanes: each goroutine's calls so far, fast path outlined, lock taken filled
#include "app/views/syncmap_view.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "app/views/draw_util.h"

namespace gs::app {

using syncmap::EntryState;
using syncmap::EventKind;
using syncmap::kAbsent;
using syncmap::OpCode;

namespace {

// Draws `text` at `pos` when it fits before `right`; returns the x after it (or pos.x).
float TextIfFits(Canvas& c, ImVec2 pos, float right, float size, ImU32 col, const char* text) {
  ImVec2 sz = c.TextSize(size, text);
  if (pos.x + sz.x > right) return pos.x;
  c.Text(pos, size, col, text);
  return pos.x + sz.x;
}

const char* ShortOp(OpCode op) {
  switch (op) {
    case OpCode::kLoad:
      return "L";
    case OpCode::kStore:
      return "S";
    case OpCode::kLoadOrStore:
      return "LS";
    case OpCode::kDelete:
      return "D";
    case OpCode::kRange:
      return "R";
  }
  return "";
}

}  // namespace

void SyncMapView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const syncmap::SyncMapRun>(run);
  m_state_step = SIZE_MAX;
  m_calls.clear();
  // A reload of a 1.24+ scenario (a what-if just recorded, an edit) keeps the trie view, so
  // the key, value and goroutine in its what-if box stay for the next press.
  if (!m_run && std::dynamic_pointer_cast<const syncmap::TrieRun>(run)) {
    if (!m_trie) m_trie = std::make_unique<SyncMapTrieView>();
    m_trie->SetRun(run);
  } else {
    m_trie.reset();
  }
  if (!m_run) return;
  const auto& tl = m_run->GetTimeline();
  for (std::size_t s = 1; s < tl.StepCount(); ++s) {
    Call call;
    for (const syncmap::Event& e : tl.Events(s)) {
      call.g = e.g;
      call.op = e.op;
      if (e.kind == EventKind::kFast || e.kind == EventKind::kLock) call.key = e.key;
      call.locked |= e.kind == EventKind::kLock;
      call.promoted |= e.kind == EventKind::kPromote;
    }
    m_calls.push_back(call);
  }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] state
// ---------------------------------------------------------------------------------------------

void SyncMapView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  m_state = m_run->GetTimeline().StateAt(step);
  m_state_step = step;
  m_changed.assign(m_run->Prog().keys.size(), 0);
  m_promoted = m_copied = false;
  for (const syncmap::Event& e : m_run->GetTimeline().Events(step)) {
    if (e.kind == EventKind::kPromote) m_promoted = true;
    if (e.kind == EventKind::kDirtyCopy) m_copied = true;
    const bool touches = e.kind == EventKind::kStored || e.kind == EventKind::kNewEntry ||
                         e.kind == EventKind::kDeleted || e.kind == EventKind::kExpunge ||
                         e.kind == EventKind::kUnexpunge || e.kind == EventKind::kResult ||
                         e.kind == EventKind::kYield;
    if (touches && e.key >= 0) m_changed[std::size_t(e.key)] = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] header
// ---------------------------------------------------------------------------------------------

float SyncMapView::DrawHeader(const ViewContext& ctx, ImVec2 o, float w) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const float gap = fs * 0.8f;
  const bool zh = ctx.lang == Lang::kZh;
  const float right = o.x + w;
  const Envelope& env = m_run->Meta();
  char buf[160];
  std::snprintf(
      buf, sizeof buf,
      zh ? "Go %s · sync.Map（read / dirty / misses）" : "Go %s · sync.Map (read / dirty / misses)",
      env.go_version.empty() ? "1.9–1.23" : env.go_version.c_str());
  ImVec2 pill = Pill(c, o, th.accent, th.canvas_bg, buf, fs);
  // m.mu: taken by this step's goroutine, or free.
  const std::size_t step = m_state_step;
  const Call* call = step >= 1 && step <= m_calls.size() ? &m_calls[step - 1] : nullptr;
  m_shown.locked = call && call->locked;
  float y = o.y + pill.y + fs * 0.4f;
  std::string who = call ? m_run->Prog().goroutines[std::size_t(call->g)] : "";
  if (m_shown.locked) {
    std::snprintf(buf, sizeof buf, zh ? "m.mu 由 %s 加锁" : "m.mu locked by %s", who.c_str());
  } else {
    std::snprintf(buf, sizeof buf, zh ? "m.mu 空闲（无锁）" : "m.mu free (no lock)");
  }
  ImVec2 lock = Pill(c, {o.x, y}, m_shown.locked ? th.warn : th.ok, th.canvas_bg, buf, fs);
  float x = o.x + lock.x + gap;
  // misses against len(dirty): promotion when the bar is full (missLocked).
  const std::int64_t dl = syncmap::DirtyLen(m_state);
  std::snprintf(buf, sizeof buf, "misses %" PRId64 " / len(dirty) %" PRId64, m_state.misses, dl);
  const float ty = y + (lock.y - fs) * 0.5f;
  float after = TextIfFits(c, {x, ty}, right, fs, th.text, buf);
  if (after > x) {
    const float gw = fs * 5.0f;
    if (after + gap + gw <= right) {
      ImVec2 ga{after + gap * 0.5f, ty + fs * 0.2f}, gb{after + gap * 0.5f + gw, ty + fs * 0.9f};
      c.Rect(ga, gb, th.panel_border, fs * 0.15f, ctx.Line());
      float frac = dl > 0 ? std::min(1.0f, float(m_state.misses) / float(dl)) : 0.0f;
      if (m_promoted) frac = 1.0f * (1.0f - ctx.t);  // the bar empties as dirty is promoted
      if (frac > 0) c.RectFilled(ga, {ga.x + gw * frac, gb.y}, th.warn, fs * 0.15f);
      after = gb.x;
    }
    x = after + gap;
  }
  std::snprintf(buf, sizeof buf, "read.amended = %s", m_state.amended ? "true" : "false");
  TextIfFits(c, {x, ty}, right, fs, m_state.amended ? th.warn : th.text_dim, buf);
  return pill.y + fs * 0.4f + lock.y;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] maps
// ---------------------------------------------------------------------------------------------

void SyncMapView::DrawMap(const ViewContext& ctx, ImVec2 a, ImVec2 b, bool dirty) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const float pad = fs * 0.4f;
  const bool zh = ctx.lang == Lang::kZh;
  const bool changed_whole = dirty ? m_copied : m_promoted;
  c.RectFilled(a, b, th.panel_bg, fs * 0.3f);
  c.Rect(a, b, th.panel_border, fs * 0.3f, ctx.Line());
  if (changed_whole) MarkChangedRect(c, a, b, th.changed, ctx.Line(), ctx.t, fs * 0.3f);
  const char* title = dirty ? (zh ? "dirty（持有 m.mu 才能访问）" : "dirty (only under m.mu)")
                            : (zh ? "read（原子读取，无锁）" : "read (atomic, lock-free)");
  if (TextIfFits(c, {a.x + pad, a.y + pad}, b.x - pad, fs, th.text, title) == a.x + pad) {
    TextIfFits(c, {a.x + pad, a.y + pad}, b.x - pad, fs, th.text, dirty ? "dirty" : "read");
  }
  float y = a.y + pad + fs * 1.5f;
  if (dirty && m_state.dirty_nil) {
    TextIfFits(c, {a.x + pad, y}, b.x - pad, fs, th.text_dim, "m.dirty = nil");
    return;
  }
  const std::vector<std::int32_t>& m = dirty ? m_state.dirty : m_state.read;
  const std::vector<std::int32_t>& other = dirty ? m_state.read : m_state.dirty;
  const float row = fs * 1.6f;
  const auto& keys = m_run->Prog().keys;
  const float box_w =
      std::max(c.TextSize(fs, "expunged").x, c.TextSize(fs, "-0000000").x) + pad * 5;
  const float key_w = (b.x - a.x) - box_w - pad * 3;
  int rows = 0;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    // One row per key either map holds, so a key sits at the same height in both columns.
    if (m[k] == kAbsent && (other[k] == kAbsent || m_state.dirty_nil)) continue;
    if (y + row > b.y - pad) {
      TextIfFits(c, {a.x + pad, y}, b.x - pad, fs, th.text_dim, "…");
      break;
    }
    char text[48];
    std::snprintf(text, sizeof text, "\"%s\"", keys[k].c_str());
    if (c.TextSize(fs, text).x <= key_w)
      c.Text({a.x + pad, y + (row - fs) * 0.5f}, fs, th.text, text);
    ImVec2 ba{b.x - pad - box_w, y + fs * 0.1f}, bb{b.x - pad, y + row - fs * 0.1f};
    if (m[k] != kAbsent) {
      const syncmap::Entry& e = m_state.entries[std::size_t(m[k])];
      if (e.p == EntryState::kValue) {
        c.RectFilled(ba, bb, th.obj_grey_fill, fs * 0.2f);
        std::snprintf(text, sizeof text, "%" PRId64, e.value);
        c.TextCentered({(ba.x + bb.x) * 0.5f, (ba.y + bb.y) * 0.5f}, fs, th.obj_label_on_grey,
                       text);
      } else if (e.p == EntryState::kNil) {
        DashedRect(c, ba, bb, th.text_dim, ctx.Line(), fs * 0.3f);
        c.TextCentered({(ba.x + bb.x) * 0.5f, (ba.y + bb.y) * 0.5f}, fs, th.text_dim, "nil");
      } else {
        // Hatched like a Swiss tombstone, with the word on a plain band so it stays readable.
        HatchRect(c, ba, bb, th.danger, fs * 0.4f, ctx.Line() * 0.75f);
        c.Rect(ba, bb, th.danger, fs * 0.2f, ctx.Line());
        const float tw = c.TextSize(fs, "expunged").x;
        const ImVec2 mid{(ba.x + bb.x) * 0.5f, (ba.y + bb.y) * 0.5f};
        c.RectFilled({mid.x - tw * 0.5f - pad * 0.5f, mid.y - fs * 0.55f},
                     {mid.x + tw * 0.5f + pad * 0.5f, mid.y + fs * 0.55f}, th.panel_bg, 0);
        c.TextCentered(mid, fs, th.text, "expunged");
      }
      // The same *entry in both maps: a link across to the other column.
      if (dirty && !m_state.dirty_nil && other[k] == m[k]) {
        c.Line({a.x - fs * 1.6f - pad, (ba.y + bb.y) * 0.5f}, {a.x, (ba.y + bb.y) * 0.5f}, th.edge,
               ctx.Line());
      }
      if (m_changed[k]) {
        MarkChangedRect(c, ba, bb, th.changed, ctx.Line(), ctx.t, fs * 0.2f);
        ++m_shown.changed;
      }
    } else {
      DashedRect(c, ba, bb, th.grid, ctx.Line() * 0.5f, fs * 0.2f);
    }
    y += row;
    ++rows;
  }
  (dirty ? m_shown.dirty_rows : m_shown.read_rows) = rows;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] lanes
// ---------------------------------------------------------------------------------------------

void SyncMapView::DrawLanes(const ViewContext& ctx, ImVec2 a, ImVec2 b) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const float pad = fs * 0.4f;
  const bool zh = ctx.lang == Lang::kZh;
  const auto& gs = m_run->Prog().goroutines;
  const float row = fs * 1.6f;
  float title_right =
      TextIfFits(c, a, b.x, fs, th.text_dim,
                 zh ? "调用（场景给定的交错顺序）：空心 = 快速路径，实心 = 加锁"
                    : "calls, in the scenario's interleaving: outlined = fast, filled = lock");
  if (title_right == a.x) TextIfFits(c, a, b.x, fs, th.text_dim, zh ? "调用" : "calls");
  float name_w = 0;
  for (const std::string& g : gs) name_w = std::max(name_w, c.TextSize(fs, g.c_str()).x);
  const float x0 = a.x + name_w + pad * 2;
  const float chip = std::max(fs * 2.6f, c.TextSize(fs, "LS").x + pad * 2);
  const std::size_t done = std::min(m_state_step, m_calls.size());
  const std::size_t fit = std::size_t(std::max(0.0f, (b.x - x0) / (chip + pad)));
  const std::size_t first = done > fit ? done - fit : 0;
  float y = a.y + fs * 1.5f;
  for (std::size_t gi = 0; gi < gs.size() && y + row <= b.y; ++gi, y += row) {
    c.Text({a.x, y + (row - fs) * 0.5f}, fs, th.text, gs[gi].c_str());
    c.Line({x0, y + row * 0.5f}, {b.x, y + row * 0.5f}, th.grid, ctx.Line() * 0.5f);
    for (std::size_t i = first; i < done; ++i) {
      const Call& call = m_calls[i];
      if (std::size_t(call.g) != gi) continue;
      float cx = x0 + float(i - first) * (chip + pad);
      ImVec2 ca{cx, y + fs * 0.15f}, cb{cx + chip, y + row - fs * 0.15f};
      char label[48];
      std::snprintf(label, sizeof label, "%s", ShortOp(call.op));
      if (call.key >= 0) {
        char full[48];
        std::snprintf(full, sizeof full, "%s %s", ShortOp(call.op),
                      m_run->Prog().keys[std::size_t(call.key)].c_str());
        if (c.TextSize(fs, full).x + pad <= chip) std::snprintf(label, sizeof label, "%s", full);
      }
      if (call.locked) {
        c.RectFilled(ca, cb, th.warn, fs * 0.25f);
        c.TextCentered({(ca.x + cb.x) * 0.5f, (ca.y + cb.y) * 0.5f}, fs, th.canvas_bg, label);
      } else {
        c.RectFilled(ca, cb, th.canvas_bg, fs * 0.25f);
        c.Rect(ca, cb, th.ok, fs * 0.25f, ctx.Line());
        c.TextCentered({(ca.x + cb.x) * 0.5f, (ca.y + cb.y) * 0.5f}, fs, th.text, label);
      }
      if (i + 1 == done) MarkChangedRect(c, ca, cb, th.changed, ctx.Line(), ctx.t, fs * 0.25f);
      ++m_shown.chips;
    }
  }
}

void SyncMapView::Draw(const ViewContext& ctx) {
  if (m_trie) {
    m_trie->Draw(ctx);
    const SyncMapTrieView::Shown& t = m_trie->LastShown();
    m_shown = Shown{};
    m_shown.changed = t.changed;
    m_shown.chips = t.chips;
    m_shown.locked = t.locked;
    return;
  }
  if (!m_run || !ctx.canvas) return;
  UpdateState(ctx.step);
  m_shown = Shown{};
  Canvas& c = *ctx.canvas;
  const float fs = ctx.ui_font;
  const float pad = fs * 0.5f;
  c.RectFilled(ctx.origin, {ctx.origin.x + ctx.size.x, ctx.origin.y + ctx.size.y},
               ctx.theme.canvas_bg, 0);
  ImVec2 o{ctx.origin.x + pad, ctx.origin.y + pad};
  const float w = ctx.size.x - 2 * pad;
  // The what-if box sits below the picture, never over it (not in presenter mode or export).
  const bool widgets = !ctx.picture_only && !ctx.presenter;
  const float bottom = ctx.origin.y + ctx.size.y - pad - (widgets ? WhatIfBox::Height() : 0.0f);
  o.y += DrawHeader(ctx, o, w) + pad;
  const float lanes_h = fs * 1.5f + fs * 1.6f * float(m_run->Prog().goroutines.size());
  const float maps_bottom = std::max(o.y + fs * 4.0f, bottom - lanes_h - pad);
  const float gap = fs * 1.6f;
  const float col = (w - gap) * 0.5f;
  DrawMap(ctx, o, {o.x + col, maps_bottom}, false);
  DrawMap(ctx, {o.x + col + gap, o.y}, {o.x + w, maps_bottom}, true);
  DrawLanes(ctx, {o.x, maps_bottom + pad}, {o.x + w, bottom});
  if (widgets) {
    // Load / Store / Delete of a typed key from one of the scenario's goroutines.
    WhatIfBox::Spec spec;
    spec.ops = kSyncMapWhatIfOps;
    spec.op_count = 3;
    spec.int_keys = false;
    spec.max_key_bytes = syncmap::kMaxKeyBytes;
    spec.value = true;
    spec.goroutines = &m_run->Prog().goroutines;
    m_whatif.Draw(ctx, spec);
  }
}

}  // namespace gs::app
