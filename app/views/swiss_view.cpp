// [SECTION] state and focus: what the step did, read from its events
// [SECTION] header: Go version, Map fields, the key's hash split
// [SECTION] directory
// [SECTION] table: gauge, groups, probe hops
// [SECTION] pick: answering a quiz by pointing at a slot or group
#include "app/views/swiss_view.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>

#include "app/views/draw_util.h"

namespace gs::app {

using maps::SwissEvent;
using K = maps::SwissEventKind;

void SwissView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const maps::SwissRun>(run);
  m_state_step = SIZE_MAX;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] state and focus
// ---------------------------------------------------------------------------------------------

void SwissView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  m_state = m_run->GetTimeline().StateAt(step);
  m_state_step = step;
  UpdateFocus(step);
}

void SwissView::UpdateFocus(std::size_t step) {
  Focus f;
  for (const SwissEvent& e : m_run->GetTimeline().Events(step)) {
    switch (e.kind) {
      case K::kHash:
        f.has_key = true;
        f.key = e.a;
        f.hash = e.b;
        f.dir_index = e.bucket;
        f.hops.clear();
        break;
      case K::kProbe:
        if (e.depth == 0) f.hops.clear();  // a new pass after a grow starts over
        f.table = e.bucket;
        f.hops.push_back(std::uint16_t(e.a));
        break;
      case K::kInsert:
      case K::kReuseTombstone:
      case K::kUpdate:
      case K::kFound:
      case K::kIterYield:
      case K::kDeleteEmpty:
      case K::kDeleteTombstone:
        f.table = e.bucket;
        f.changed_group = e.depth;
        f.changed_slot = e.slot;
        f.ghost = e.kind == K::kDeleteEmpty || e.kind == K::kDeleteTombstone;
        f.ghost_key = e.a;
        if (e.kind == K::kIterYield) {
          f.has_key = true;
          f.key = e.a;
        }
        break;
      case K::kSplit:
        f.table = e.bucket;
        f.split_left = e.bucket;
        f.split_right = std::int32_t(e.a);
        break;
      case K::kGrow:
        f.table = e.bucket;
        break;
      default:
        break;
    }
  }
  // The hash event names the directory entry before a split may have doubled it: read the
  // key's entry in the directory as it is after the step.
  if (f.has_key && !m_state.m.small && !m_state.m.dir.empty()) {
    f.dir_index = std::int32_t(maps::DirectoryIndex(m_state.m.global_depth, f.hash));
  }
  if (f.table < 0 && !m_state.m.small && !m_state.m.dir.empty()) {
    f.table = f.dir_index >= 0 ? m_state.m.dir[std::size_t(f.dir_index)] : m_state.m.dir[0];
  }
  m_focus = std::move(f);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] header
// ---------------------------------------------------------------------------------------------

namespace {

// Draws `text` at `pos` when it fits before `right`; returns the x after it (or pos.x).
float TextIfFits(Canvas& c, ImVec2 pos, float right, float size, ImU32 col, const char* text) {
  ImVec2 sz = c.TextSize(size, text);
  if (pos.x + sz.x > right) return pos.x;
  c.Text(pos, size, col, text);
  return pos.x + sz.x;
}

}  // namespace

float SwissView::DrawHeader(const ViewContext& ctx, ImVec2 o, float w) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const float gap = fs * 0.6f;
  const bool zh = ctx.lang == Lang::kZh;
  const maps::SwissMap& m = m_state.m;
  const Envelope& env = m_run->Meta();
  char buf[160];
  // Which Go the picture is true for: a forced model says so.
  const bool forced = m_run->Prog().model == "swiss";
  std::snprintf(buf, sizeof buf, zh ? "Go %s · Swiss 表%s" : "Go %s · Swiss tables%s",
                env.go_version.empty() ? "1.24+" : env.go_version.c_str(),
                forced ? (zh ? "（config.model 指定）" : " (config.model)") : "");
  ImVec2 pill = Pill(c, o, th.accent, th.canvas_bg, buf, fs);
  float x = o.x + pill.x + gap;
  const float right = o.x + w;
  if (!m.made) {
    TextIfFits(c, {x, o.y + (pill.y - fs) * 0.5f}, right, fs, th.text_dim,
               zh ? "nil map：还没有 Map" : "nil map: no Map yet");
    return pill.y;
  }
  std::snprintf(buf, sizeof buf, "used %" PRIu64, m.used);
  x = TextIfFits(c, {x, o.y + (pill.y - fs) * 0.5f}, right, fs, th.text, buf) + gap;
  if (m.small) {
    std::snprintf(buf, sizeof buf, zh ? "小 map（一个组）" : "small map (one group)");
  } else {
    std::snprintf(buf, sizeof buf, "globalDepth %d · dir %zu", m.global_depth, m.dir.size());
  }
  x = TextIfFits(c, {x, o.y + (pill.y - fs) * 0.5f}, right, fs, th.text, buf) + gap;
  std::snprintf(buf, sizeof buf, zh ? "%" PRIu64 " 字节" : "%" PRIu64 " bytes",
                maps::SwissMapBytes(m_state));
  x = TextIfFits(c, {x, o.y + (pill.y - fs) * 0.5f}, right, fs, th.text_dim, buf) + gap;
  std::snprintf(buf, sizeof buf, "seed 0x%016" PRIx64, m.seed);
  TextIfFits(c, {x, o.y + (pill.y - fs) * 0.5f}, right, fs, th.text_dim, buf);
  float y = o.y + pill.y + gap * 0.5f;
  if (m_focus.has_key) {
    // The key's hash, split as the runtime splits it.
    const std::uint64_t h = m_focus.hash;
    std::string key = m_run->Prog().KeyText(m_focus.key);
    std::snprintf(buf, sizeof buf, "hash(%s) = 0x%016" PRIx64, key.c_str(), h);
    float hx = TextIfFits(c, {o.x, y}, right, fs, th.text, buf) + gap;
    std::snprintf(buf, sizeof buf, "H2 = 0x%02x", unsigned(h & 0x7f));
    ImVec2 p2 = PillSize(c, buf, fs);
    if (hx + p2.x <= right) {
      Pill(c, {hx, y - (p2.y - fs) * 0.5f}, th.warn, th.canvas_bg, buf, fs);
      hx += p2.x + gap;
    }
    if (!m.small && m_focus.table >= 0 && std::size_t(m_focus.table) < m_state.tables.size()) {
      const maps::Table& t = m_state.tables[std::size_t(m_focus.table)];
      std::snprintf(buf, sizeof buf, zh ? "H1 → 组 %" PRIu64 : "H1 → group %" PRIu64,
                    maps::H1(h) & (t.groups.size() - 1));
      hx = TextIfFits(c, {hx, y}, right, fs, th.text, buf) + gap;
      if (m.global_depth > 0) {
        std::snprintf(buf, sizeof buf,
                      zh ? "高 %d 位 → dir[%" PRIu64 "]" : "top %d bits → dir[%" PRIu64 "]",
                      m.global_depth, maps::DirectoryIndex(m.global_depth, h));
        TextIfFits(c, {hx, y}, right, fs, th.text, buf);
      }
    }
    y += fs * 1.3f;
  }
  return y - o.y;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] directory
// ---------------------------------------------------------------------------------------------

float SwissView::DrawDirectory(const ViewContext& ctx, ImVec2 o, float w) {
  const maps::SwissMap& m = m_state.m;
  if (m.small || m.dir.empty()) return 0;
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const bool zh = ctx.lang == Lang::kZh;
  char buf[64];
  std::snprintf(buf, sizeof buf, zh ? "目录 (2^%d)" : "directory (2^%d)", m.global_depth);
  ImVec2 lab = c.TextSize(fs, buf);
  c.Text(o, fs, th.text_dim, buf);
  float x = o.x + lab.x + fs * 0.5f;
  const float cell_w = c.TextSize(fs, "t000").x + fs * 0.5f;
  const float cell_h = fs * 1.3f;
  const std::size_t fit = std::size_t(std::max(0.0f, (o.x + w - x) / cell_w));
  const std::size_t shown = std::min(fit, m.dir.size());
  for (std::size_t i = 0; i < shown; ++i) {
    ImVec2 a{x + float(i) * cell_w, o.y - (cell_h - fs) * 0.5f};
    ImVec2 b{a.x + cell_w - fs * 0.15f, a.y + cell_h};
    std::int32_t id = m.dir[i];
    bool focus = id == m_focus.table || id == m_focus.split_left || id == m_focus.split_right;
    c.RectFilled(a, b, focus ? th.accent : th.panel_bg, fs * 0.15f);
    c.Rect(a, b, th.panel_border, fs * 0.15f, ctx.Line() * 0.5f);
    // A table that fills several entries shows its id in each (it is the same pointer).
    std::snprintf(buf, sizeof buf, "t%d", id);
    c.TextCentered({(a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f}, fs, focus ? th.canvas_bg : th.text,
                   buf);
    if (std::int32_t(i) == m_focus.dir_index) {
      MarkChangedRect(c, a, b, th.changed, ctx.Line(), 1.0f, fs * 0.15f);
    }
  }
  if (shown < m.dir.size() && shown > 0) {
    std::snprintf(buf, sizeof buf, "+%zu", m.dir.size() - shown);
    ImVec2 sz = c.TextSize(fs, buf);
    float bx = x + float(shown) * cell_w;
    if (bx + sz.x > o.x + w) {
      // Not even the count fits after the cells: the last cell makes room for it.
    } else {
      c.Text({bx, o.y}, fs, th.text_dim, buf);
    }
  }
  return cell_h + fs * 0.4f;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] table
// ---------------------------------------------------------------------------------------------

void SwissView::DrawTable(const ViewContext& ctx, std::int32_t id, ImVec2 a, ImVec2 b) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const float fs = ctx.ui_font;
  const float line = ctx.Line();
  const bool zh = ctx.lang == Lang::kZh;
  const bool small = id < 0;
  const maps::Group* groups = small ? &m_state.m.small_group : nullptr;
  std::size_t ngroups = 1;
  const maps::Table* t = nullptr;
  if (!small) {
    t = &m_state.tables[std::size_t(id)];
    groups = t->groups.data();
    ngroups = t->groups.size();
  }
  char buf[128];
  // Title and growthLeft gauge: used | tombstones | growthLeft of the usable slots.
  float y = a.y;
  if (t) {
    std::uint64_t tomb = maps::Tombstones(*t);
    std::snprintf(buf, sizeof buf,
                  zh ? "t%d：%d 槽 · localDepth %d · used %d · 墓碑 %" PRIu64 " · growthLeft %d"
                     : "t%d: %d slots · localDepth %d · used %d · tombstones %" PRIu64
                       " · growthLeft %d",
                  id, t->capacity, t->local_depth, t->used, tomb, t->growth_left);
    if (c.TextSize(fs, buf).x > b.x - a.x) {
      std::snprintf(buf, sizeof buf, "t%d · %d · gL %d", id, t->capacity, t->growth_left);
    }
    c.Text({a.x, y}, fs, th.text, buf);
    y += fs * 1.25f;
    const float usable = float(maps::InitialGrowthLeft(t->capacity));
    const float gh = fs * 0.6f;
    const float gw = b.x - a.x;
    float u = float(t->used) / usable * gw;
    float d = float(tomb) / usable * gw;
    c.RectFilled({a.x, y}, {a.x + gw, y + gh}, th.panel_bg, 0);
    c.RectFilled({a.x, y}, {a.x + u, y + gh}, th.accent, 0);
    c.RectFilled({a.x + u, y}, {a.x + u + d, y + gh}, th.warn, 0);
    HatchRect(c, {a.x + u, y}, {a.x + u + d, y + gh}, th.canvas_bg, fs * 0.3f, line * 0.5f);
    c.Rect({a.x, y}, {a.x + gw, y + gh}, th.panel_border, 0, line * 0.5f);
    y += gh + fs * 0.4f;
  } else {
    c.Text({a.x, y}, fs, th.text,
           zh ? "小 map：一个组，8 个槽都可用，没有墓碑"
              : "small map: one group, all 8 slots usable, no tombstones");
    y += fs * 1.4f;
  }
  // Groups: one row each (label, then 8 slots), in as many columns as the height needs.
  const float label_w = c.TextSize(fs, "#99 g127").x + fs * 0.4f;
  const float hex_w = c.TextSize(fs, "0xFE").x + fs * 0.4f;
  const float avail_h = b.y - y;
  const float avail_w = b.x - a.x;
  float row_h = fs * 2.5f;  // control byte over key
  std::size_t rows = std::max<std::size_t>(1, std::size_t(avail_h / row_h));
  std::size_t cols = (ngroups + rows - 1) / rows;
  float col_w = avail_w / float(cols);
  float cw = (col_w - label_w - fs * 0.5f) / 8.0f;
  bool two_lines = cw >= hex_w;
  bool labels = true;
  if (!two_lines) {
    row_h = fs * 1.3f;  // control byte only
    rows = std::max<std::size_t>(1, std::size_t(avail_h / row_h));
    cols = (ngroups + rows - 1) / rows;
    col_w = avail_w / float(cols);
    cw = (col_w - label_w - fs * 0.5f) / 8.0f;
  }
  // Words in at most 32 groups (256 slots) a table: more would not be read from the back
  // row anyway, and a split's two 1024-slot tables with text overflow one draw list.
  bool text = cw >= hex_w && ngroups <= 32;
  if (!text) {
    // Too many groups for words: colour and shape only, as many columns as needed.
    labels = false;
    row_h = std::max(4.0f, std::min(fs, avail_h / float(std::min<std::size_t>(ngroups, 32))));
    rows = std::max<std::size_t>(1, std::size_t(avail_h / row_h));
    cols = (ngroups + rows - 1) / rows;
    col_w = avail_w / float(cols);
    cw = (col_w - fs * 0.3f) / 8.0f;
  }
  m_shown.slot_text = m_shown.slot_text || text;
  const float lw = labels ? label_w : 0.0f;
  const float gap = std::max(1.0f, std::min(fs * 0.1f, cw * 0.1f));
  ImVec2 prev_hop{0, 0};
  bool have_prev = false;
  for (std::size_t g = 0; g < ngroups; ++g) {
    const float gx = a.x + float(g / rows) * col_w;
    const float gy = y + float(g % rows) * row_h;
    if (gy + row_h > b.y + 0.5f) continue;
    int hop = -1;
    if (id == m_focus.table) {
      for (std::size_t i = 0; i < m_focus.hops.size(); ++i) {
        if (m_focus.hops[i] == g) hop = int(i);
      }
    }
    if (labels) {
      if (hop >= 0) {
        std::snprintf(buf, sizeof buf, "#%d g%zu", hop + 1, g);
        ImVec2 ps = PillSize(c, buf, fs);
        Pill(c, {gx, gy + (fs * 1.1f - ps.y) * 0.5f}, th.move, th.canvas_bg, buf, fs);
        ImVec2 here{gx + ps.x * 0.5f, gy + fs * 0.55f};
        if (have_prev && std::fabs(here.x - prev_hop.x) < 1.0f) {
          Arrow(c, {prev_hop.x, prev_hop.y + fs * 0.6f}, {here.x, here.y - fs * 0.6f}, th.move,
                line, fs * 0.4f);
        }
        prev_hop = here;
        have_prev = true;
        ++m_shown.hops;
      } else {
        std::snprintf(buf, sizeof buf, "g%zu", g);
        c.Text({gx, gy}, fs, th.text_dim, buf);
      }
      m_hits.push_back({{gx, gy}, {gx + lw, gy + row_h}, id, int(g), -1, false, 0});
    } else if (hop >= 0) {
      ++m_shown.hops;
    }
    const maps::Group& G = groups[g];
    for (int s = 0; s < maps::kGroupSlots; ++s) {
      const auto u = std::size_t(s);
      ImVec2 ca{gx + lw + float(s) * cw, gy};
      ImVec2 cb{ca.x + cw - gap, gy + row_h - gap};
      const std::uint8_t ctrl = G.ctrl[u];
      if (!text) {
        // Compact cells (a 1024-slot table): few vertices per slot, shapes still differ:
        // empty an outline, full a filled box, a tombstone a box with one diagonal.
        if (ctrl == maps::kCtrlEmpty) {
          c.Rect(ca, cb, th.grid, 0, 1.0f);
        } else if (ctrl == maps::kCtrlDeleted) {
          c.RectFilled(ca, cb, th.warn, 0);
          c.Line(ca, cb, th.danger, std::max(1.0f, line * 0.5f));
          ++m_shown.tombstones;
        } else {
          c.RectFilled(ca, cb, th.accent, 0);
        }
      } else if (ctrl == maps::kCtrlEmpty) {
        // Empty: a dashed outline, nothing inside.
        DashedRect(c, ca, cb, th.grid, std::max(1.0f, line * 0.5f), fs * 0.25f);
        c.TextCentered({(ca.x + cb.x) * 0.5f, ca.y + fs * 0.6f}, fs, th.text_dim, "80");
      } else if (ctrl == maps::kCtrlDeleted) {
        // Tombstone: a hatched box with a cross: another shape, not only another colour.
        c.RectFilled(ca, cb, th.warn, fs * 0.1f);
        HatchRect(c, ca, cb, th.canvas_bg, fs * 0.3f, std::max(1.0f, line * 0.5f));
        c.Line(ca, cb, th.danger, line);
        c.Line({ca.x, cb.y}, {cb.x, ca.y}, th.danger, line);
        // The byte on a plain patch, so the cross does not cut through it.
        ImVec2 mid{(ca.x + cb.x) * 0.5f, ca.y + fs * 0.6f};
        ImVec2 half = c.TextSize(fs, "FE");
        half = {half.x * 0.5f + fs * 0.15f, half.y * 0.5f};
        c.RectFilled({mid.x - half.x, mid.y - half.y}, {mid.x + half.x, mid.y + half.y},
                     th.canvas_bg, fs * 0.1f);
        c.TextCentered(mid, fs, th.text, "FE");
        ++m_shown.tombstones;
      } else {
        c.RectFilled(ca, cb, th.panel_bg, fs * 0.1f);
        c.Rect(ca, cb, th.accent, fs * 0.1f, std::max(1.0f, line * 0.5f));
        std::snprintf(buf, sizeof buf, "%02X", ctrl);
        c.TextCentered({(ca.x + cb.x) * 0.5f, ca.y + fs * 0.6f}, fs, th.warn, buf);
        if (two_lines) {
          std::string k = m_run->Prog().KeyText(G.keys[u]);
          if (c.TextSize(fs, k).x <= cw - gap) {
            c.TextCentered({(ca.x + cb.x) * 0.5f, ca.y + fs * 1.75f}, fs, th.text, k);
          }
        }
      }
      if (id == m_focus.table && int(g) == m_focus.changed_group && s == m_focus.changed_slot) {
        if (m_focus.ghost && two_lines) {
          std::string k = m_run->Prog().KeyText(m_focus.ghost_key);
          if (c.TextSize(fs, k).x <= cw - gap) {
            c.TextCentered({(ca.x + cb.x) * 0.5f, ca.y + fs * 1.75f}, fs, th.text_dim, k);
          }
        }
        MarkChangedRect(c, ca, cb, th.changed, line, ctx.t, fs * 0.1f);
        ++m_shown.changed;
      }
      m_hits.push_back({ca, cb, id, int(g), s, maps::CtrlIsFull(ctrl), G.keys[u]});
    }
  }
}

void SwissView::Draw(const ViewContext& ctx) {
  if (!m_run || !ctx.canvas) return;
  // The what-if box sits below the picture, never over it (not in presenter mode or export).
  const bool widgets = !ctx.picture_only && !ctx.presenter;
  DrawPicture(ctx, widgets ? WhatIfBox::Height() : 0.0f);
  if (widgets) {
    WhatIfBox::Spec spec;
    spec.ops = kMapWhatIfOps;
    spec.op_count = 3;
    spec.int_keys = m_run->Prog().key_type == maps::KeyType::kInt;
    spec.max_key_bytes = maps::kMaxStringKeyBytes;
    m_whatif.Draw(ctx, spec);
  }
  if (!ctx.picture_only && !ctx.sandbox) HandlePick(ctx);
}

void SwissView::DrawPicture(const ViewContext& ctx, float reserve) {
  UpdateState(ctx.step);
  m_shown = Shown{};
  m_hits.clear();
  Canvas& c = *ctx.canvas;
  const float fs = ctx.ui_font;
  const float pad = fs * 0.5f;
  c.RectFilled(ctx.origin, {ctx.origin.x + ctx.size.x, ctx.origin.y + ctx.size.y},
               ctx.theme.canvas_bg, 0);
  ImVec2 o{ctx.origin.x + pad, ctx.origin.y + pad};
  const float w = ctx.size.x - 2 * pad;
  const float bottom = ctx.origin.y + ctx.size.y - pad - reserve;
  o.y += DrawHeader(ctx, o, w) + pad * 0.5f;
  if (!m_state.m.made) return;
  o.y += DrawDirectory(ctx, o, w);
  if (!m_state.m.small && m_state.m.dir.empty()) {
    c.Text(o, fs, ctx.theme.text_dim,
           ctx.lang == Lang::kZh ? "还没有分配组：第一次写入时分配"
                                 : "No group yet: the first write allocates one");
    return;
  }
  if (m_state.m.small) {
    DrawTable(ctx, -1, o, {o.x + w, bottom});
    m_shown.tables = 1;
  } else if (m_focus.split_right >= 0) {
    // A split: the two new tables slide apart from the middle as the step animates in.
    const float half = (w - pad) * 0.5f;
    const float slide = (1.0f - ctx.t) * half * 0.5f;
    DrawTable(ctx, m_focus.split_left, {o.x + slide, o.y}, {o.x + slide + half, bottom});
    DrawTable(ctx, m_focus.split_right, {o.x + half + pad - slide, o.y}, {o.x + w - slide, bottom});
    m_shown.tables = 2;
  } else {
    DrawTable(ctx, m_focus.table >= 0 ? m_focus.table : 0, o, {o.x + w, bottom});
    m_shown.tables = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] pick
// ---------------------------------------------------------------------------------------------

void SwissView::HandlePick(const ViewContext& ctx) const {
  if (!ImGui::IsWindowHovered() || !ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDragMaxDistanceSqr[0] > io.MouseDragThreshold * io.MouseDragThreshold) return;
  const Hit* hit = nullptr;
  for (const Hit& h : m_hits) {
    if (ImGui::IsMouseHoveringRect(h.min, h.max)) hit = &h;
  }
  if (!hit) return;
  // Labels as quiz choices spell them: the key, "t0.g3[2]" / "small[2]", "t0.g3" / "g3".
  char group[32];
  if (hit->table < 0) {
    std::snprintf(group, sizeof group, "small");
  } else {
    std::snprintf(group, sizeof group, "t%d.g%d", hit->table, hit->group);
  }
  std::vector<std::string>& out = ctx.requests.picked;
  char label[48];
  if (hit->slot >= 0) {
    if (hit->has_key) out.push_back(m_run->Prog().KeyText(hit->key));
    std::snprintf(label, sizeof label, "%s[%d]", group, hit->slot);
    out.emplace_back(label);
  }
  out.emplace_back(group);
  std::snprintf(label, sizeof label, "g%d", hit->group);
  out.emplace_back(label);
}

}  // namespace gs::app
