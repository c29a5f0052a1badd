// [SECTION] index: labels · state cache · focus · layout · header · bucket cards · arrays ·
// draw · input
#include "app/views/maps_view.h"

#include <cstdlib>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "app/imgui_compat.h"
#include "app/views/draw_util.h"

namespace gs::app {
namespace {

using maps::Bucket;
using maps::EventKind;
using maps::kBucketCnt;
using maps::kNilBucket;

// [SECTION] labels (this view's own words, in both languages)
enum class L {
  kBuckets,
  kOld,
  kLoad,
  kOverflow,
  kHash,
  kTop,
  kLowB,
  kXY,
  kEvac,
  kDone,
  kNil,
  kMore,
  kZoom
};
const char* Lbl(L id, Lang lang) {
  const bool zh = lang == Lang::kZh;
  switch (id) {
    case L::kBuckets:
      return zh ? "buckets（桶数组）" : "buckets";
    case L::kOld:
      return zh ? "oldbuckets（旧桶，搬迁中）" : "oldbuckets (being evacuated)";
    case L::kLoad:
      return zh ? "负载因子 count/2^B" : "load factor count/2^B";
    case L::kOverflow:
      return zh ? "溢出桶 noverflow" : "overflow noverflow";
    case L::kHash:
      return zh ? "哈希" : "hash";
    case L::kTop:
      return zh ? "高 8 位 → tophash" : "top 8 bits → tophash";
    case L::kLowB:
      return zh ? "低 B 位 → 桶号" : "low B bits → bucket";
    case L::kXY:
      return zh ? "下一位 → X/Y" : "next bit → X/Y";
    case L::kEvac:
      return zh ? "已搬迁" : "evacuated";
    case L::kDone:
      return zh ? "nevacuate" : "nevacuate";
    case L::kNil:
      return zh ? "nil map：还没有 hmap" : "nil map: no hmap yet";
    case L::kMore:
      return zh ? "溢出" : "ovf";
    case L::kZoom:
      return zh ? "滚轮缩放，拖动平移，双击复位" : "wheel: zoom, drag: pan, double-click: reset";
  }
  return "";
}

float TextW(float size, const char* s) {
  return ImGui::GetFont()->CalcTextSizeA(size, 1e9f, 0, s).x;
}

void Text(ImDrawList* dl, ImVec2 p, ImU32 col, float size, const char* s) {
  dl->AddText(ImGui::GetFont(), size, p, col, s);
}

using ArrayLayout = MapsView::Grid;

// The grid for n buckets in a virtual canvas of w x h (the zoomed canvas).
ArrayLayout ComputeLayout(std::uint64_t n, int max_chain, float w, float h, float s) {
  ArrayLayout L;
  const float gap = 8 * s;
  // Full cards: 8 readable rows each, overflow cards hanging below.
  const float min_card = 120 * s;
  std::size_t cols = std::size_t(std::max(1.0f, std::floor((w + gap) / (min_card + gap))));
  cols = std::min<std::size_t>(cols, std::size_t(n));
  std::size_t rows = (std::size_t(n) + cols - 1) / cols;
  float cw = std::min((w + gap) / float(cols) - gap, 230 * s);
  // Cards get shorter when space is tight, down to rows still readable (12 px at scale 1).
  // Overflow cards hang below; when they do not fit, the chain shows as a "+N" badge.
  for (int chain : {std::min(max_chain, 2), 0}) {
    float ch =
        std::min(cw * 1.02f, (h / float(rows) - gap) / float(1 + chain) - gap * float(chain > 0));
    if (ch / 9.0f >= 12.0f * s) {
      L.detail = MapsView::Detail::kFull;
      L.cols = cols;
      L.cw = cw;
      L.ch = ch;
      L.px = cw + gap;
      L.py = ch * float(1 + chain) + gap * float(1 + chain);
      L.chain_rows = chain;
      L.cells = std::size_t(n);
      return L;
    }
    if (max_chain == 0) break;
  }
  // Compact cells: one square per bucket, its 8 slots as stripes.
  float p = std::sqrt(w * h / float(n));
  const float min_cell = 7;
  std::size_t fold = 1;
  while (p < min_cell && fold < n) {
    fold *= 2;
    p = std::sqrt(w * h / float(n / fold));
  }
  L.detail = fold == 1 ? MapsView::Detail::kCompact : MapsView::Detail::kSummary;
  L.fold = fold;
  L.cells = std::size_t(n / fold);
  L.cols = std::max<std::size_t>(1, std::size_t(w / p));
  while ((L.cells + L.cols - 1) / L.cols * p > h && p > min_cell) {  // fit the rows too
    p *= 0.95f;
    L.cols = std::max<std::size_t>(1, std::size_t(w / p));
  }
  L.px = L.py = p;
  L.cw = L.ch = std::max(2.0f, p - std::max(1.0f, p * 0.12f));
  return L;
}

int ChainLength(const maps::State& st, std::int32_t head) {
  int d = 0;
  for (std::int32_t b = st.arena[std::size_t(head)].overflow; b != kNilBucket;
       b = st.arena[std::size_t(b)].overflow) {
    ++d;
  }
  return d;
}

}  // namespace

// [SECTION] state cache
void MapsView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const maps::MapsRun>(run);
  m_state_step = SIZE_MAX;
}

bool MapsView::SetOption(std::string_view key, std::string_view value) {
  if (key != "zoom") return false;
  float z = 0;
  if (std::sscanf(std::string(value).c_str(), "%f", &z) != 1 || z < 1 || z > 256) return false;
  m_zoom = z;
  return true;
}

// Stepping forward replays from the state already held (cheap); anything else seeks.
void MapsView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  const auto& tl = m_run->GetTimeline();
  if (m_state_step != SIZE_MAX && step > m_state_step && step - m_state_step <= 4096) {
    m_state = tl.Advance(std::move(m_state), m_state_step, step);
  } else {
    m_state = tl.StateAt(step);
  }
  m_state_step = step;
}

// [SECTION] focus: what this step touched, from its events
MapsView::Focus MapsView::FocusOf(std::size_t step) const {
  Focus f;
  for (const maps::Event& e : m_run->GetTimeline().Events(step)) {
    switch (e.kind) {
      case EventKind::kHash:
        f.has_key = true;
        f.key = e.a;
        f.hash = e.b;
        f.bucket = e.bucket;
        break;
      case EventKind::kInsert:
        f.has_key = true;
        f.key = e.a;
        f.hash = e.b;
        [[fallthrough]];
      case EventKind::kUpdate:
      case EventKind::kFound:
      case EventKind::kDeleteSlot:
      case EventKind::kIterYield:
      case EventKind::kEmptyRest:
        f.bucket = e.bucket;
        f.depth = e.depth & ~maps::kOldArrayBit;
        f.slot = e.slot;
        f.old = (e.depth & maps::kOldArrayBit) != 0;
        break;
      case EventKind::kProbe:
        f.bucket = e.bucket;
        f.depth = e.depth & ~maps::kOldArrayBit;
        f.old = (e.depth & maps::kOldArrayBit) != 0;
        break;
      case EventKind::kEvacuate:
        f.evac_old = e.bucket;
        f.same_size = e.slot != 0;
        break;
      case EventKind::kIterInit:
        f.bucket = e.bucket;
        break;
      default:
        break;
    }
  }
  if (!f.has_key) {
    // Keep the hash of the op's key visible on later steps of the same op.
    const auto& tl = m_run->GetTimeline();
    int op = tl.OpIndex(step);
    for (std::size_t s = step; s > 0 && tl.OpIndex(s) == op; --s) {
      for (const maps::Event& e : tl.Events(s)) {
        if (e.kind == EventKind::kHash) {
          f.has_key = true;
          f.key = e.a;
          f.hash = e.b;
        }
      }
      if (f.has_key || step - s > 64) break;
    }
  }
  return f;
}

// [SECTION] header: hmap fields, gauges, the hash split
float MapsView::DrawHeader(const ViewContext& ctx, ImVec2 o, float w, const Focus& f) {
  const Theme& th = ctx.theme;
  ImDrawList* dl = ctx.dl;
  const float s = ctx.scale;
  const float fs = ImGui::GetFontSize();
  const maps::Hmap& h = m_state.h;
  char buf[256];
  float y = o.y + 6 * s;
  if (!h.made) {
    Text(dl, ImVec2(o.x + 10 * s, y), th.text_dim, fs * 1.2f, Lbl(L::kNil, ctx.lang));
    return fs * 2.5f;
  }
  char flags[96] = "";
  const char* names[] = {"iterator", "oldIterator", "hashWriting", "sameSizeGrow"};
  for (int i = 0; i < 4; ++i) {
    if (h.flags & (1 << i)) {
      if (flags[0]) std::strncat(flags, "|", sizeof flags - std::strlen(flags) - 1);
      std::strncat(flags, names[i], sizeof flags - std::strlen(flags) - 1);
    }
  }
  std::snprintf(
      buf, sizeof buf,
      "hmap  count=%" PRId64 "  B=%d (%" PRIu64 ")  flags=%s  noverflow=%d  hash0=%016" PRIx64,
      h.count, int(h.B), maps::BucketShift(h.B), flags[0] ? flags : "0", int(h.noverflow), h.hash0);
  Text(dl, ImVec2(o.x + 10 * s, y), th.text, fs * 1.05f, buf);
  y += fs * 1.5f;

  // Gauges: load factor against 6.5 (and bucketCnt = 8), overflow against 2^min(B, 15).
  const float gw = std::min(240 * s, w * 0.2f), gh = fs * 0.8f;
  float x = o.x + 10 * s;
  auto gauge = [&](const char* label, double value, double limit, double full,
                   const char* val_text) {
    float need = TextW(fs * 0.85f, label) + gw + TextW(fs * 0.85f, val_text) + 20 * s;
    if (x > o.x + 10 * s && x + need > o.x + w) {  // no room left on this line: wrap
      x = o.x + 10 * s;
      y += fs * 1.3f;
    }
    Text(dl, ImVec2(x, y), th.text_dim, fs * 0.85f, label);
    float lx = x + TextW(fs * 0.85f, label) + 8 * s;
    ImVec2 a(lx, y + fs * 0.1f), b(lx + gw, y + fs * 0.1f + gh);
    dl->AddRectFilled(a, b, th.panel_bg, 3 * s);
    float frac = float(std::min(1.0, value / full));
    bool over = value > limit;
    dl->AddRectFilled(a, ImVec2(a.x + gw * frac, b.y),
                      over ? th.danger : (value > limit * 0.8 ? th.warn : th.ok), 3 * s);
    float mx = a.x + gw * float(std::min(1.0, limit / full));
    dl->AddLine(ImVec2(mx, a.y - 3 * s), ImVec2(mx, b.y + 3 * s), th.text, 2 * s);
    dl->AddRect(a, b, th.panel_border, 3 * s);
    Text(dl, ImVec2(b.x + 6 * s, y), th.text, fs * 0.85f, val_text);
    x = b.x + 6 * s + TextW(fs * 0.85f, val_text) + 24 * s;
  };
  double load = double(h.count) / double(maps::BucketShift(h.B));
  std::snprintf(buf, sizeof buf, "%.2f / 6.5", load);
  gauge(Lbl(L::kLoad, ctx.lang), load, 6.5, 8.0, buf);
  double limit = double(std::uint64_t(1) << std::min<int>(h.B, 15));
  std::snprintf(buf, sizeof buf, "%d / %.0f", int(h.noverflow), limit);
  gauge(Lbl(L::kOverflow, ctx.lang), double(h.noverflow), limit, limit * 1.25, buf);
  y += fs * 1.5f;

  // The hash split: 64 bits, top 8 (tophash), low B (bucket), and the X/Y bit while doubling.
  if (f.has_key) {
    const std::string key = m_run->Prog().KeyText(f.key);
    std::snprintf(buf, sizeof buf, "%s(%s) = ", Lbl(L::kHash, ctx.lang), key.c_str());
    float hx = o.x + 10 * s;
    Text(dl, ImVec2(hx, y), th.text, fs, buf);
    hx += TextW(fs, buf);
    const float bw = std::max(6.0f, std::min(fs * 0.62f, (w - (hx - o.x) - 20 * s) / 68.0f));
    const bool doubling = maps::Growing(h) && !maps::SameSizeGrow(h);
    for (int bit = 63; bit >= 0; --bit) {
      char c[2] = {char('0' + ((f.hash >> bit) & 1)), 0};
      ImU32 col = th.text_dim;
      if (bit >= 56) col = th.accent;
      if (bit < h.B) col = th.ok;
      if (doubling && bit == h.B - 1) col = th.warn;
      float bx = hx + float(63 - bit) * bw + float((63 - bit) / 8) * bw * 0.5f;
      Text(dl, ImVec2(bx, y), col, std::min(fs, bw * 1.6f), c);
    }
    float ly = y + fs * 1.1f;
    std::snprintf(buf, sizeof buf, "%s 0x%02x", Lbl(L::kTop, ctx.lang), int(maps::TopHash(f.hash)));
    Text(dl, ImVec2(hx, ly), th.accent, fs * 0.8f, buf);
    std::snprintf(buf, sizeof buf, "%s %" PRIu64, Lbl(L::kLowB, ctx.lang),
                  f.hash & maps::BucketMask(h.B));
    float tw = TextW(fs * 0.8f, buf);
    float end = hx + 64 * bw + 7 * bw * 0.5f;
    Text(dl, ImVec2(end - tw, ly), th.ok, fs * 0.8f, buf);
    if (doubling) {
      std::snprintf(buf, sizeof buf, "%s: %s", Lbl(L::kXY, ctx.lang),
                    (f.hash >> (h.B - 1)) & 1 ? "Y" : "X");
      Text(dl, ImVec2(end - tw - TextW(fs * 0.8f, buf) - 16 * s, ly), th.warn, fs * 0.8f, buf);
    }
    y = ly + fs * 1.2f;
  }
  return y - o.y + 4 * s;
}

// [SECTION] bucket cards: one full bucket and its overflow chain
void MapsView::DrawBucketFull(const ViewContext& ctx, ImVec2 p, float w, float card_h,
                              std::int32_t bucket, std::uint64_t index, bool old, const Focus& f,
                              float max_y, int chain_rows) {
  const Theme& th = ctx.theme;
  ImDrawList* dl = ctx.dl;
  const float s = ctx.scale;
  const maps::Program& prog = m_run->Prog();
  char buf[64];
  const bool focus_bucket = f.bucket >= 0 && std::uint64_t(f.bucket) == index && f.old == old;
  int depth = 0;
  float gap = 8 * s;
  for (std::int32_t b = bucket; b != kNilBucket && p.y < max_y;
       b = m_state.arena[std::size_t(b)].overflow, ++depth) {
    if (depth > 0) {
      if (depth > chain_rows) {
        int rest = 0;
        for (std::int32_t x = b; x != kNilBucket; x = m_state.arena[std::size_t(x)].overflow)
          ++rest;
        std::snprintf(buf, sizeof buf, "+%d %s", rest, Lbl(L::kMore, ctx.lang));
        // On the last card drawn, at its header's right end.
        const float bfs = ImGui::GetFontSize() * 0.8f;
        Text(dl, ImVec2(p.x + w - TextW(bfs, buf) - 4 * s, p.y - gap - card_h + 1), th.warn, bfs,
             buf);
        break;
      }
      dl->AddLine(ImVec2(p.x + w * 0.5f, p.y - gap), ImVec2(p.x + w * 0.5f, p.y), th.edge, 2 * s);
    }
    const Bucket& bk = m_state.arena[std::size_t(b)];
    const bool evac = old && maps::Evacuated(bk);
    ImVec2 a = p, z(p.x + w, p.y + card_h);
    dl->AddRectFilled(a, z, th.panel_bg, 4 * s);
    const float head = card_h * 0.12f;
    const float row = (card_h - head) / kBucketCnt;
    const float fs = std::min(ImGui::GetFontSize(), row * 0.86f);
    if (depth == 0) {
      std::snprintf(buf, sizeof buf, old ? "old %" PRIu64 : "b%" PRIu64, index);
    } else {
      std::snprintf(buf, sizeof buf, "b%" PRIu64 ".ovf%d", index, depth);
    }
    Text(dl, ImVec2(a.x + 4 * s, a.y + (head - fs) * 0.5f), evac ? th.text_dim : th.text, fs, buf);
    if (evac) {
      Text(dl, ImVec2(a.x + w * 0.5f, a.y + (head - fs) * 0.5f), th.text_dim, fs * 0.85f,
           Lbl(L::kEvac, ctx.lang));
    }
    const float c1 = a.x + 4 * s, c2 = a.x + w * 0.24f, c3 = a.x + w * 0.66f;
    for (int i = 0; i < kBucketCnt; ++i) {
      float ry = a.y + head + float(i) * row;
      std::uint8_t t = bk.tophash[std::size_t(i)];
      ImVec2 ra(a.x + 2 * s, ry), rb(z.x - 2 * s, ry + row - 1);
      const bool hit = focus_bucket && f.depth == depth && f.slot == i;
      if (t >= maps::kMinTopHash) {
        dl->AddRectFilled(ra, rb, WithAlpha(th.ok, 0.16f), 2 * s);
        std::snprintf(buf, sizeof buf, "%02x", int(t));
        Text(dl, ImVec2(c1, ry), th.accent, fs, buf);
        std::string k = prog.KeyText(bk.keys[std::size_t(i)]);
        dl->PushClipRect(ImVec2(c2, ry), ImVec2(c3 - 2 * s, ry + row), true);
        Text(dl, ImVec2(c2, ry), th.text, fs, k.c_str());
        dl->PopClipRect();
        std::snprintf(buf, sizeof buf, "%" PRId64, bk.elems[std::size_t(i)]);
        dl->PushClipRect(ImVec2(c3, ry), ImVec2(z.x - 2 * s, ry + row), true);
        Text(dl, ImVec2(c3, ry), th.text_dim, fs, buf);
        dl->PopClipRect();
      } else {
        const char* mark = t == maps::kEmptyRest    ? "emptyRest"
                           : t == maps::kEmptyOne   ? "emptyOne"
                           : t == maps::kEvacuatedX ? "→X"
                           : t == maps::kEvacuatedY ? "→Y"
                                                    : "evacEmpty";
        ImU32 col = t == maps::kEmptyOne                                 ? th.warn
                    : (t == maps::kEvacuatedX || t == maps::kEvacuatedY) ? th.edge
                                                                         : th.grid;
        if (t == maps::kEmptyOne) HatchRect(dl, ra, rb, WithAlpha(th.warn, 0.25f), 6 * s, 1);
        std::snprintf(buf, sizeof buf, "%d", int(t));
        Text(dl, ImVec2(c1, ry), col, fs, buf);
        Text(dl, ImVec2(c2, ry), col, fs * 0.85f, mark);
      }
      if (hit) dl->AddRect(ra, rb, th.accent, 2 * s, 0, 2.5f * s);
    }
    const bool focus_here =
        focus_bucket && (f.depth == depth || (depth == 0 && f.depth > chain_rows));
    dl->AddRect(a, z, focus_here ? th.accent : (evac ? th.grid : th.panel_border), 4 * s, 0,
                (focus_here ? 2.5f : 1.2f) * s);
    p.y += card_h + gap;
  }
}

// [SECTION] arrays: a whole bucket array at the chosen level of detail, culled to the rect
MapsView::Grid MapsView::DrawArray(const ViewContext& ctx, ImVec2 a, ImVec2 b, std::int32_t base,
                                   std::uint64_t n, bool old, const Focus& f) {
  const Theme& th = ctx.theme;
  ImDrawList* dl = ctx.dl;
  const float s = ctx.scale;
  const float w = b.x - a.x, h = b.y - a.y;
  if (w < 20 || h < 20) return Grid{};
  int max_chain = 0;
  if (n <= 512) {
    for (std::uint64_t i = 0; i < n; ++i)
      max_chain = std::max(max_chain, ChainLength(m_state, base + std::int32_t(i)));
  }
  const float zoom = old ? 1.0f : m_zoom;
  ArrayLayout L = ComputeLayout(n, max_chain, w * zoom, h * zoom, s);
  const ImVec2 pan = old ? ImVec2(0, 0) : m_pan;
  L.first = ImVec2(a.x + pan.x, a.y + pan.y);
  if (!old) {
    m_last_detail = L.detail;
    m_last_fold = L.fold;
  }
  dl->PushClipRect(a, b, true);
  // Only the rows that intersect the rect.
  std::size_t rows = (L.cells + L.cols - 1) / L.cols;
  std::size_t row0 = L.first.y < a.y ? std::size_t((a.y - L.first.y) / L.py) : 0;
  std::size_t row1 = std::min(rows, std::size_t((b.y - L.first.y) / L.py) + 1);
  char buf[32];
  // ImGui 1.86 draw lists index vertices with 16 bits: keep the frame far below 65536 by
  // drawing a slot stripe per slot only when few cells are on screen.
  const std::size_t visible_cells = (row1 - row0) * L.cols;
  const bool stripes = visible_cells * kBucketCnt * 4 < 24000;
  for (std::size_t r = row0; r < row1; ++r) {
    for (std::size_t c = 0; c < L.cols; ++c) {
      std::size_t cell = r * L.cols + c;
      if (cell >= L.cells) break;
      ImVec2 p = L.CellPos(cell);
      if (p.x > b.x || p.x + L.cw < a.x) continue;
      if (L.detail == Detail::kFull) {
        DrawBucketFull(ctx, p, L.cw, L.ch, base + std::int32_t(cell), cell, old, f, b.y,
                       L.chain_rows);
        continue;
      }
      ImVec2 z(p.x + L.cw, p.y + L.ch);
      if (L.detail == Detail::kCompact) {
        std::int32_t bi = base + std::int32_t(cell);
        const Bucket& bk = m_state.arena[std::size_t(bi)];
        const bool evac = old && maps::Evacuated(bk);
        dl->AddRectFilled(p, z, th.panel_bg);
        if (stripes) {
          float stripe = L.ch / kBucketCnt;
          for (int i = 0; i < kBucketCnt; ++i) {
            std::uint8_t t = bk.tophash[std::size_t(i)];
            ImU32 col = t >= maps::kMinTopHash ? th.ok
                        : t == maps::kEmptyOne ? WithAlpha(th.warn, 0.6f)
                        : (t == maps::kEvacuatedX || t == maps::kEvacuatedY)
                            ? WithAlpha(th.edge, 0.5f)
                            : 0;
            if (col) {
              dl->AddRectFilled(ImVec2(p.x, p.y + float(i) * stripe),
                                ImVec2(z.x, p.y + float(i + 1) * stripe - (stripe > 3 ? 1 : 0)),
                                col);
            }
          }
        } else {
          // Too many cells on screen for a stripe per slot: one bar as tall as the bucket is full.
          int used = 0;
          for (auto t : bk.tophash) used += t >= maps::kMinTopHash;
          if (used)
            dl->AddRectFilled(ImVec2(p.x, z.y - L.ch * float(used) / kBucketCnt), z,
                              evac ? th.grid : th.ok);
        }
        int chain = ChainLength(m_state, bi);
        if (chain > 0) {
          dl->AddRect(p, z, th.warn, 0, 0, std::min(3.0f, 1.0f + float(chain)) * s);
          if (L.cw > 22 * s) {
            std::snprintf(buf, sizeof buf, "+%d", chain);
            Text(dl, ImVec2(p.x + 2, p.y), th.text, std::min(ImGui::GetFontSize(), L.ch * 0.4f),
                 buf);
          }
        } else if (evac) {
          dl->AddRect(p, z, th.grid);
        }
        if (f.bucket >= 0 && std::uint64_t(f.bucket) == cell && f.old == old) {
          dl->AddRect(ImVec2(p.x - 2, p.y - 2), ImVec2(z.x + 2, z.y + 2), th.accent, 0, 0,
                      2.5f * s);
        }
      } else {
        // Summary: `fold` buckets in one cell, shaded by how full they are.
        std::size_t used = 0, ovf = 0;
        for (std::size_t k = 0; k < L.fold; ++k) {
          std::int32_t bi = base + std::int32_t(cell * L.fold + k);
          const Bucket& bk = m_state.arena[std::size_t(bi)];
          for (auto t : bk.tophash) used += t >= maps::kMinTopHash;
          ovf += bk.overflow != kNilBucket;
        }
        float fill = std::min(1.0f, float(used) / float(kBucketCnt * L.fold));
        dl->AddRectFilled(p, z, LerpColor(th.panel_bg, th.ok, fill));
        if (ovf) dl->AddRectFilled(ImVec2(p.x, z.y - std::max(1.0f, L.ch * 0.2f)), z, th.warn);
        if (f.bucket >= 0 && std::uint64_t(f.bucket) / L.fold == cell && f.old == old) {
          dl->AddRect(ImVec2(p.x - 2, p.y - 2), ImVec2(z.x + 2, z.y + 2), th.accent, 0, 0,
                      2.5f * s);
        }
      }
    }
  }
  if (L.detail == Detail::kSummary && !old) {
    std::snprintf(buf, sizeof buf, "1 cell = %zu buckets", L.fold);
    Pill(dl,
         ImVec2(b.x - TextW(ImGui::GetFontSize() * 0.8f, buf) - 24 * s,
                b.y - ImGui::GetFontSize() * 1.6f),
         th.panel_bg, th.text, buf, ImGui::GetFontSize() * 0.8f);
  }
  dl->PopClipRect();
  return L;
}

// [SECTION] draw
void MapsView::DrawWhatIf(const ViewContext& ctx) {
  const float s = ctx.scale;
  const bool zh = ctx.lang == Lang::kZh;
  ImGui::SetCursorScreenPos(
      ImVec2(ctx.origin.x + 10 * s, ctx.origin.y + ctx.size.y - ImGui::GetFrameHeight() * 1.35f));
  ImGui::TextDisabled("%s", zh ? "假如：" : "What if:");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  const bool ints = m_run->Prog().key_type == maps::KeyType::kInt;
  const bool enter =
      ImGui::InputTextWithHint("##whatif_key", ints ? "key (int)" : "key", m_whatif_key,
                               sizeof m_whatif_key, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited()) m_whatif_not_int = false;
  const char* ops[3] = {"insert", "delete", "lookup"};
  const char* labels_zh[3] = {"插入", "删除", "查找"};
  const char* labels_en[3] = {"Insert", "Delete", "Look up"};
  int chosen = enter ? 0 : -1;
  for (int i = 0; i < 3; ++i) {
    ImGui::SameLine();
    if (ImGui::SmallButton(zh ? labels_zh[i] : labels_en[i])) chosen = i;
  }
  if (m_whatif_not_int) {
    ImGui::SameLine();
    ImGui::TextColored(
        ImGui::ColorConvertU32ToFloat4(ctx.theme.warn), "%s",
        zh ? "这个 map 的键是 int：请输入整数" : "this map's keys are ints: type a number");
  }
  if (chosen < 0 || !m_whatif_key[0]) return;
  Json key;
  if (ints) {
    char* end = nullptr;
    const long long v = std::strtoll(m_whatif_key, &end, 10);
    if (!end || *end != '\0') {  // not an integer: nothing to record, and say why
      m_whatif_not_int = true;
      return;
    }
    key = v;
  } else {
    key = std::string(m_whatif_key);
  }
  Json op{{"op", ops[chosen]}, {"key", key}};
  ctx.requests.record_ops.push_back(std::move(op));
}

void MapsView::Draw(const ViewContext& ctx) {
  if (!m_run) return;
  HandleInput(ctx);
  DrawWhatIf(ctx);
  UpdateState(ctx.step);
  const Theme& th = ctx.theme;
  ImDrawList* dl = ctx.dl;
  const float s = ctx.scale;
  const float fs = ImGui::GetFontSize();
  const ImVec2 o = ctx.origin;
  const float w = ctx.size.x;
  Focus f = FocusOf(ctx.step);
  float y = o.y + DrawHeader(ctx, o, w, f);
  const maps::Hmap& h = m_state.h;
  if (!h.made || h.buckets == kNilBucket) return;
  const float bottom = o.y + ctx.size.y - 4 * s;
  char buf[96];

  Grid old_grid, new_grid;
  std::uint64_t nold = 0;
  if (maps::Growing(h)) {
    nold = maps::NoldBuckets(h);
    std::snprintf(buf, sizeof buf, "%s   nevacuate = %" PRIu64 " / %" PRIu64,
                  Lbl(L::kOld, ctx.lang), h.nevacuate, nold);
    Text(dl, ImVec2(o.x + 10 * s, y), th.warn, fs * 0.9f, buf);
    float bx = o.x + 20 * s + TextW(fs * 0.9f, buf);
    float bw = std::min(220 * s, o.x + w - bx - 10 * s);
    if (bw > 20) {
      dl->AddRectFilled(ImVec2(bx, y + fs * 0.2f), ImVec2(bx + bw, y + fs * 0.8f), th.panel_bg,
                        3 * s);
      dl->AddRectFilled(ImVec2(bx, y + fs * 0.2f),
                        ImVec2(bx + bw * float(h.nevacuate) / float(nold), y + fs * 0.8f), th.warn,
                        3 * s);
    }
    y += fs * 1.2f;
    float band = nold <= 16 ? (bottom - y) * 0.46f : std::min((bottom - y) * 0.3f, 160 * s);
    old_grid = DrawArray(ctx, ImVec2(o.x + 10 * s, y), ImVec2(o.x + w - 10 * s, y + band),
                         h.oldbuckets, nold, true, f);
    y += band + 4 * s;
  }
  std::snprintf(buf, sizeof buf, "%s  (2^%d = %" PRIu64 ")", Lbl(L::kBuckets, ctx.lang), int(h.B),
                maps::BucketShift(h.B));
  Text(dl, ImVec2(o.x + 10 * s, y), th.text_dim, fs * 0.9f, buf);
  Text(dl, ImVec2(o.x + w - TextW(fs * 0.75f, Lbl(L::kZoom, ctx.lang)) - 10 * s, y), th.text_dim,
       fs * 0.75f, Lbl(L::kZoom, ctx.lang));
  y += fs * 1.2f;
  new_grid = DrawArray(ctx, ImVec2(o.x + 10 * s, y), ImVec2(o.x + w - 10 * s, bottom), h.buckets,
                       maps::BucketShift(h.B), false, f);

  // X/Y arrows for the old bucket evacuated in this step: to index i (X) and i + nold (Y).
  if (f.evac_old >= 0 && maps::Growing(h) && old_grid.cells > 0 && new_grid.cells > 0 &&
      old_grid.fold == 1 && new_grid.fold == 1) {
    const std::size_t xi = std::size_t(f.evac_old);
    ImVec2 op = old_grid.CellPos(xi);
    ImVec2 from(op.x + old_grid.cw * 0.5f, op.y + old_grid.ch);
    auto target = [&](std::size_t i) {
      ImVec2 p = new_grid.CellPos(i);
      return ImVec2(p.x + new_grid.cw * 0.5f, p.y + 2 * s);
    };
    const float clip_y = bottom;
    auto arrow = [&](std::size_t i, ImU32 col, const char* label) {
      ImVec2 t = target(i);
      if (t.y > clip_y || t.y < o.y || from.y > clip_y) return;
      Arrow(dl, from, t, col, 2.5f * s, 10 * s);
      Text(dl, ImVec2(t.x + 5 * s, t.y - fs * 1.1f), col, fs, label);
    };
    arrow(xi, th.edge, "X");
    if (!f.same_size) arrow(xi + nold, th.warn, "Y");
  }
}

// [SECTION] input: wheel zoom about the cursor, drag to pan, double-click to reset
void MapsView::HandleInput(const ViewContext& ctx) {
  if (!ImGui::IsWindowHovered()) return;
  ImGuiIO& io = ImGui::GetIO();
  if (io.MouseWheel != 0) {
    float old_zoom = m_zoom;
    m_zoom = std::clamp(m_zoom * (io.MouseWheel > 0 ? 1.25f : 0.8f), 1.0f, 256.0f);
    ImVec2 m(io.MousePos.x - ctx.origin.x, io.MousePos.y - ctx.origin.y);
    float k = m_zoom / old_zoom;
    m_pan = ImVec2(m.x - (m.x - m_pan.x) * k, m.y - (m.y - m_pan.y) * k);
  }
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    m_pan.x += io.MouseDelta.x;
    m_pan.y += io.MouseDelta.y;
  }
  if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    m_zoom = 1;
    m_pan = ImVec2(0, 0);
  }
  if (m_zoom == 1.0f) m_pan = ImVec2(0, 0);
}

}  // namespace gs::app
