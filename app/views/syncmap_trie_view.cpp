// [SECTION] state: the step's trie, its rows (reachable nodes) and what the step touched
// [SECTION] header: Go version, the lock taken, the key's hash with the nibbles used
// [SECTION] trie: one row per indirect node, 16 slots under a 0-F header, entry cards below
// [SECTION] lanes: each goroutine's calls so far, lock-free outlined, locked filled
#include "app/views/syncmap_trie_view.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "app/views/draw_util.h"

namespace gs::app {

using syncmap::kTrieFanout;
using syncmap::kTrieNil;
using syncmap::OpCode;
using syncmap::TrieEntryId;
using syncmap::TrieIsEntry;
using K = syncmap::TrieEventKind;

namespace {

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

std::int64_t SlotId(std::int32_t node, int slot) {
  return std::int64_t(node) * kTrieFanout + slot;
}

}  // namespace

void SyncMapTrieView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const syncmap::TrieRun>(run);
  m_state_step = SIZE_MAX;
  m_calls.clear();
  if (!m_run) return;
  const auto& tl = m_run->GetTimeline();
  for (std::size_t s = 1; s < tl.StepCount(); ++s) {
    Call call;
    bool first = true;
    for (const syncmap::TrieEvent& e : tl.Events(s)) {
      if (first) {
        call.g = e.g;
        call.op = e.op;
        call.key = e.op == OpCode::kRange ? -1 : e.key;
        first = false;
      }
      call.locked |= e.kind == K::kLock;
    }
    m_calls.push_back(call);
  }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] state
// ---------------------------------------------------------------------------------------------

void SyncMapTrieView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  m_state = m_run->GetTimeline().StateAt(step);
  m_state_step = step;
  m_rows.clear();
  // Depth first, children 0..F: the order HashTrieMap.iter visits them.
  std::vector<Row> stack{{0, 0}};
  while (!stack.empty()) {
    Row r = stack.back();
    stack.pop_back();
    m_rows.push_back(r);
    const auto& ch = m_state.nodes[std::size_t(r.node)].children;
    for (int s = kTrieFanout - 1; s >= 0; --s) {
      std::int32_t c = ch[std::size_t(s)];
      if (c != kTrieNil && !TrieIsEntry(c)) stack.push_back({c, r.depth + 1});
    }
  }
  m_path.clear();
  m_changed.clear();
  m_changed_entries.clear();
  m_locked.clear();
  for (const syncmap::TrieEvent& e : m_run->GetTimeline().Events(step)) {
    switch (e.kind) {
      case K::kVisit:
        m_path.push_back(SlotId(e.node, e.slot));
        break;
      case K::kLock:
        m_locked.push_back(e.node);
        break;
      case K::kInsert:
      case K::kReplace:
      case K::kChain:
      case K::kRemove:
        m_changed.push_back(SlotId(e.node, e.slot));
        if (e.kind != K::kRemove) m_changed_entries.push_back(e.entry);
        break;
      case K::kExpand:
        m_changed.push_back(SlotId(std::int32_t(e.a), e.slot));
        break;
      case K::kPlace:
        m_changed.push_back(SlotId(e.node, e.slot));
        m_changed_entries.push_back(e.entry);
        break;
      case K::kPrune: {
        m_changed.push_back(SlotId(std::int32_t(e.a), e.slot));
        // The pruned node is unreachable now; show it once more under its parent, dead.
        auto it = std::find_if(m_rows.begin(), m_rows.end(),
                               [&](const Row& r) { return r.node == std::int32_t(e.a); });
        if (it != m_rows.end()) m_rows.insert(it + 1, Row{e.node, it->depth + 1, true});
        break;
      }
      case K::kYield:
        m_changed_entries.push_back(e.entry);
        break;
      default:
        break;
    }
  }
  m_slot_x.assign(m_state.nodes.size(), 0.0f);
}

bool SyncMapTrieView::OnPath(std::int32_t node, int slot) const {
  return std::find(m_path.begin(), m_path.end(), SlotId(node, slot)) != m_path.end();
}
bool SyncMapTrieView::Changed(std::int32_t node, int slot) const {
  return std::find(m_changed.begin(), m_changed.end(), SlotId(node, slot)) != m_changed.end();
}

// ---------------------------------------------------------------------------------------------
// [SECTION] header
// ---------------------------------------------------------------------------------------------

float SyncMapTrieView::DrawHeader(const ViewContext& ctx, ImVec2 o, float w) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const float gap = fs * 0.8f;
  const bool zh = ctx.lang == Lang::kZh;
  const float right = o.x + w;
  char buf[200];
  std::snprintf(buf, sizeof buf,
                zh ? "Go %s · sync.Map = HashTrieMap（16 叉 trie，每层 4 个哈希位）"
                   : "Go %s · sync.Map = HashTrieMap (16-way trie, 4 hash bits a level)",
                m_run->Meta().go_version.c_str());
  if (PillSize(c, buf, fs).x > w)
    std::snprintf(buf, sizeof buf, "Go %s · HashTrieMap", m_run->Meta().go_version.c_str());
  ImVec2 pill = Pill(c, o, th.accent, th.canvas_bg, buf, fs);
  const std::size_t step = m_state_step;
  const Call* call = step >= 1 && step <= m_calls.size() ? &m_calls[step - 1] : nullptr;
  m_shown.locked = !m_locked.empty();
  m_shown.locked_node = m_locked.empty() ? -1 : m_locked.front();
  float y = o.y + pill.y + fs * 0.4f;
  std::string who = call ? m_run->Prog().goroutines[std::size_t(call->g)] : "";
  if (m_shown.locked) {
    std::string nodes;
    for (std::int32_t n : m_locked) {
      std::string name = syncmap::TrieNodeName(n, ctx.lang) + ".mu";
      if (nodes.find(name) != std::string::npos) continue;
      if (!nodes.empty()) nodes += ", ";
      nodes += name;
    }
    std::snprintf(buf, sizeof buf, zh ? "%s 由 %s 加锁" : "%s locked by %s", nodes.c_str(),
                  who.c_str());
  } else {
    std::snprintf(buf, sizeof buf, "%s",
                  call ? (zh ? "无锁：只读原子指针" : "no lock: atomic loads only")
                       : (zh ? "没有锁被持有" : "no lock held"));
  }
  ImVec2 lock = Pill(c, {o.x, y}, m_shown.locked ? th.warn : th.ok, th.canvas_bg, buf, fs);
  float x = o.x + lock.x + gap;
  const float ty = y + (lock.y - fs) * 0.5f;
  // The key's hash, one hex digit per trie level: the digits the walk used are drawn in the
  // accent colour and underlined.
  if (call && call->key >= 0) {
    const auto& p = m_run->Prog();
    std::snprintf(buf, sizeof buf, "%s(\"%s\")  %s", syncmap::OpFuncName(call->op),
                  p.keys[std::size_t(call->key)].c_str(), zh ? "哈希 0x" : "hash 0x");
    float hx = TextIfFits(c, {x, ty}, right, fs, th.text, buf);
    if (hx > x) {
      char hex[20];
      std::snprintf(hex, sizeof hex, "%016" PRIx64, p.hashes[std::size_t(call->key)]);
      const int used = std::min(16, int(m_path.size()));
      char head[20], tail[20];
      std::snprintf(head, sizeof head, "%.*s", used, hex);
      std::snprintf(tail, sizeof tail, "%s", hex + used);
      const float uw = c.TextSize(fs, head).x;
      if (hx + uw + c.TextSize(fs, tail).x <= right) {
        c.Text({hx, ty}, fs, th.accent, head);
        c.Line({hx, ty + fs * 1.1f}, {hx + uw, ty + fs * 1.1f}, th.accent, ctx.Line());
        c.Text({hx + uw, ty}, fs, th.text_dim, tail);
      }
    }
  }
  return pill.y + fs * 0.4f + lock.y;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] trie
// ---------------------------------------------------------------------------------------------

// One node: its name and bit range at the left, 16 cells, then (if it holds entries) a line of
// entry cards "[3] a=1 → x=2" for each entry slot and its chain. Returns the height used.
float SyncMapTrieView::DrawNode(const ViewContext& ctx, const Row& row, ImVec2 o, float w,
                                float cell_w) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const float pad = fs * 0.3f;
  const bool zh = ctx.lang == Lang::kZh;
  const float cell_h = fs * 1.5f;
  const float label_w = w - cell_w * kTrieFanout;
  const auto& node = m_state.nodes[std::size_t(row.node)];
  const auto& keys = m_run->Prog().keys;
  const bool locked = std::find(m_locked.begin(), m_locked.end(), row.node) != m_locked.end();
  bool has_entries = false;
  for (std::int32_t ch : node.children) has_entries |= TrieIsEntry(ch);
  const float chips_h = has_entries ? fs * 1.6f : 0.0f;
  const ImVec2 rb{o.x + w, o.y + cell_h + chips_h};
  if (locked) {
    c.RectFilled({o.x - pad, o.y - pad * 0.5f}, {rb.x + pad * 0.5f, rb.y + pad * 0.5f},
                 (th.warn & 0x00FFFFFFu) | 0x40000000u, fs * 0.2f);
    c.Rect({o.x - pad, o.y - pad * 0.5f}, {rb.x + pad * 0.5f, rb.y + pad * 0.5f}, th.warn,
           fs * 0.2f, ctx.Line() * 1.5f);
  }
  // Label: "n2 55..52" (name, then the level's hash bits, dimmed).
  char buf[64];
  const int hi = syncmap::kTrieHashBits - 1 - syncmap::kTrieBits * row.depth;
  std::string name = syncmap::TrieNodeName(row.node, ctx.lang);
  if (row.dead) name += zh ? " 已死" : " dead";
  float lx = TextIfFits(c, {o.x, o.y + (cell_h - fs) * 0.5f}, o.x + label_w - pad, fs,
                        row.dead ? th.danger
                        : locked ? th.warn
                                 : th.text,
                        name.c_str());
  std::snprintf(buf, sizeof buf, zh ? " 位%d..%d" : " %d..%d", hi, hi - 3);
  TextIfFits(c, {lx, o.y + (cell_h - fs) * 0.5f}, o.x + label_w - pad, fs, th.text_dim, buf);
  const float x0 = o.x + label_w;
  m_slot_x[std::size_t(row.node)] = x0;
  for (int s = 0; s < kTrieFanout; ++s) {
    const std::int32_t ch = node.children[std::size_t(s)];
    ImVec2 a{x0 + cell_w * float(s) + pad * 0.3f, o.y},
        b{x0 + cell_w * float(s + 1) - pad * 0.3f, o.y + cell_h};
    const ImVec2 mid{(a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f};
    if (ch == kTrieNil) {
      DashedRect(c, a, b, th.grid, ctx.Line() * 0.5f, fs * 0.2f);
    } else if (TrieIsEntry(ch)) {
      c.RectFilled(a, b, th.obj_grey_fill, fs * 0.2f);
      const auto& e = m_state.entries[std::size_t(TrieEntryId(ch))];
      const char* k = keys[std::size_t(e.key)].c_str();
      if (c.TextSize(fs, k).x <= b.x - a.x - pad) {
        c.TextCentered(mid, fs, th.obj_label_on_grey, k);
      } else {
        char first[8];
        std::snprintf(first, sizeof first, "%.1s…", k);
        if (c.TextSize(fs, first).x <= b.x - a.x - pad)
          c.TextCentered(mid, fs, th.obj_label_on_grey, first);
      }
      if (e.overflow >= 0) {  // a chain: a double bottom edge
        c.Line({a.x + pad, b.y - pad * 0.6f}, {b.x - pad, b.y - pad * 0.6f}, th.danger, ctx.Line());
      }
    } else {
      c.RectFilled(a, b, th.panel_bg, fs * 0.2f);
      c.Rect(a, b, th.edge, fs * 0.2f, ctx.Line());
      std::string child = syncmap::TrieNodeName(ch, ctx.lang);
      if (c.TextSize(fs, child.c_str()).x <= b.x - a.x - pad)
        c.TextCentered(mid, fs, th.edge, child.c_str());
    }
    if (OnPath(row.node, s)) {
      c.Rect({a.x - pad * 0.3f, a.y - pad * 0.3f}, {b.x + pad * 0.3f, b.y + pad * 0.3f}, th.accent,
             fs * 0.2f, ctx.Line() * 1.5f);
      ++m_shown.path;
    }
    if (Changed(row.node, s)) {
      MarkChangedRect(c, a, b, th.changed, ctx.Line(), ctx.t, fs * 0.2f);
      ++m_shown.changed;
    }
  }
  if (!has_entries) return cell_h;
  // Entry cards: "3: a=1" then the chain "→ x=2".
  float cx = x0;
  const float cy = o.y + cell_h + fs * 0.2f;
  const float right = o.x + w;
  for (int s = 0; s < kTrieFanout; ++s) {
    const std::int32_t ch = node.children[std::size_t(s)];
    if (!TrieIsEntry(ch)) continue;
    bool head = true;
    for (std::int32_t id = TrieEntryId(ch); id >= 0;
         id = m_state.entries[std::size_t(id)].overflow) {
      const auto& e = m_state.entries[std::size_t(id)];
      if (head)
        std::snprintf(buf, sizeof buf, "%X: %s=%" PRId64, unsigned(s),
                      keys[std::size_t(e.key)].c_str(), e.value);
      else
        std::snprintf(buf, sizeof buf, "→ %s=%" PRId64, keys[std::size_t(e.key)].c_str(), e.value);
      const float tw = c.TextSize(fs, buf).x + pad * 2;
      if (cx + tw > right) {
        if (cx + c.TextSize(fs, "…").x <= right) c.Text({cx, cy}, fs, th.text_dim, "…");
        return cell_h + chips_h;
      }
      ImVec2 a{cx, cy}, b{cx + tw, cy + fs * 1.3f};
      c.Rect(a, b, head ? th.panel_border : th.danger, fs * 0.2f, ctx.Line() * 0.75f);
      c.Text({cx + pad, cy + fs * 0.15f}, fs, th.text, buf);
      if (std::find(m_changed_entries.begin(), m_changed_entries.end(), id) !=
          m_changed_entries.end()) {
        MarkChangedRect(c, a, b, th.changed, ctx.Line(), ctx.t, fs * 0.2f);
      }
      ++m_shown.entries;
      cx += tw + (e.overflow >= 0 ? pad * 0.5f : fs * 0.6f);
      head = false;
    }
  }
  return cell_h + chips_h;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] lanes
// ---------------------------------------------------------------------------------------------

void SyncMapTrieView::DrawLanes(const ViewContext& ctx, ImVec2 a, ImVec2 b) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const float pad = fs * 0.4f;
  const bool zh = ctx.lang == Lang::kZh;
  const auto& gs = m_run->Prog().goroutines;
  const float row = fs * 1.6f;
  float title_right = TextIfFits(
      c, a, b.x, fs, th.text_dim,
      zh ? "调用（场景给定的交错顺序）：空心 = 无锁，实心 = 锁了一个节点"
         : "calls, in the scenario's interleaving: outlined = no lock, filled = locked a node");
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

void SyncMapTrieView::Draw(const ViewContext& ctx) {
  if (!m_run || !ctx.canvas) return;
  UpdateState(ctx.step);
  m_shown = Shown{};
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const float pad = fs * 0.5f;
  c.RectFilled(ctx.origin, {ctx.origin.x + ctx.size.x, ctx.origin.y + ctx.size.y}, th.canvas_bg, 0);
  ImVec2 o{ctx.origin.x + pad, ctx.origin.y + pad};
  const float w = ctx.size.x - 2 * pad;
  // The what-if box sits below the picture, never over it (not in presenter mode or export).
  const bool widgets = !ctx.picture_only && !ctx.presenter;
  const float bottom = ctx.origin.y + ctx.size.y - pad - (widgets ? WhatIfBox::Height() : 0.0f);
  o.y += DrawHeader(ctx, o, w) + pad;
  const float lanes_h = fs * 1.5f + fs * 1.6f * float(m_run->Prog().goroutines.size());
  const float trie_bottom = std::max(o.y + fs * 4.0f, bottom - lanes_h - pad);
  // Cells: as wide as "n12" or two digits, capped so a row fits with its label column.
  float label_w = c.TextSize(fs, ctx.lang == Lang::kZh ? "n12 位63..60" : "n12 63..60").x + fs;
  float cell_w = std::min(fs * 3.0f, (w - label_w) / float(kTrieFanout));
  const float x0 = o.x + w - cell_w * kTrieFanout;
  // The slot-number header: the 4 hash bits of each row's level pick one of these columns.
  for (int s = 0; s < kTrieFanout; ++s) {
    char d[4];
    std::snprintf(d, sizeof d, "%X", unsigned(s));
    c.TextCentered({x0 + cell_w * (float(s) + 0.5f), o.y + fs * 0.5f}, fs, th.text_dim, d);
  }
  TextIfFits(c, {o.x, o.y}, x0 - fs * 0.5f, fs, th.text_dim,
             ctx.lang == Lang::kZh ? "节点 位" : "node bits");
  float y = o.y + fs * 1.3f;
  for (std::size_t r = 0; r < m_rows.size(); ++r) {
    const auto& node = m_state.nodes[std::size_t(m_rows[r].node)];
    bool has_entries = false;
    for (std::int32_t ch : node.children) has_entries |= TrieIsEntry(ch);
    const float h = fs * 1.5f + (has_entries ? fs * 1.6f : 0.0f);
    // A row that is not the last must leave room for the "… more nodes" line under it.
    const bool last = r + 1 == m_rows.size();
    if (y + h + (last ? 0.0f : fs * 1.3f) > trie_bottom) {
      char more[64];
      std::snprintf(more, sizeof more,
                    ctx.lang == Lang::kZh ? "… 还有 %zu 个节点" : "… %zu more nodes",
                    m_rows.size() - r);
      TextIfFits(c, {o.x, y}, o.x + w, fs, th.text_dim, more);
      break;
    }
    y += DrawNode(ctx, m_rows[r], {o.x, y}, w, cell_w) + fs * 0.4f;
    ++m_shown.nodes;
  }
  DrawLanes(ctx, {o.x, trie_bottom + pad}, {o.x + w, bottom});
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
