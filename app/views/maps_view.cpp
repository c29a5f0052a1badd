// [SECTION] index: labels · flow layout · state cache · focus · header · layout · bucket cards ·
// arrays · evacuation arrows · draw · pick · input
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

// Sizes and colours of one frame's picture: every text is at least `ui` px.
struct MapsView::Pic {
  Canvas& c;
  const Theme& th;
  Lang lang;
  float ui = 20;   ///< the UI font size: the smallest text in the picture
  float fs = 20;   ///< header text
  float line = 2;  ///< thinnest line
  float pad = 6;   ///< small gaps
  float t = 1;     ///< animation progress of the step
  bool zh = false;
  const char* Tx(const char* en, const char* zh_text) const { return zh ? zh_text : en; }
};

namespace {

using maps::Bucket;
using maps::EventKind;
using maps::kBucketCnt;
using maps::kNilBucket;

// [SECTION] flow layout: items left to right, wrapping at `right`
struct Flow {
  float left, right, x, y, line_h, gap;
  bool Fits(float w) const { return w <= right - left; }
  /// Top-left for an item `w` wide; wraps first when the line has no room for it.
  ImVec2 Place(float w) {
    if (x > left && x + w > right) {
      x = left;
      y += line_h;
    }
    ImVec2 p(x, y);
    x += w + gap;
    return p;
  }
  float Bottom() const { return x > left ? y + line_h : y; }
};

bool Inside(ImVec2 p, ImVec2 sz, ImVec2 a, ImVec2 b) {
  return p.x >= a.x && p.y >= a.y && p.x + sz.x <= b.x && p.y + sz.y <= b.y;
}

int ChainLength(const maps::State& st, std::int32_t head) {
  int d = 0;
  for (std::int32_t b = st.arena[std::size_t(head)].overflow; b != kNilBucket;
       b = st.arena[std::size_t(b)].overflow) {
    ++d;
  }
  return d;
}

const char* EmptyName(std::uint8_t t) {
  return t == maps::kEmptyRest    ? "emptyRest"
         : t == maps::kEmptyOne   ? "emptyOne"
         : t == maps::kEvacuatedX ? "evacuatedX"
         : t == maps::kEvacuatedY ? "evacuatedY"
                                  : "evacuatedEmpty";
}

// What a slot shows for an empty / evacuated tophash (short forms fit narrow cards).
const char* EmptyShort(std::uint8_t t) {
  return t == maps::kEmptyRest    ? "emptyRest"
         : t == maps::kEmptyOne   ? "emptyOne"
         : t == maps::kEvacuatedX ? "→X"
         : t == maps::kEvacuatedY ? "→Y"
                                  : "evacEmpty";
}

}  // namespace

// [SECTION] state cache
void MapsView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const maps::MapsRun>(run);
  // A reload of a Swiss scenario (a what-if just recorded, an edit) keeps the Swiss view, so
  // the key typed in its what-if box stays there for the next press.
  if (!m_run && std::dynamic_pointer_cast<const maps::SwissRun>(run)) {
    if (!m_swiss) m_swiss = std::make_unique<SwissView>();
    m_swiss->SetRun(run);
  } else {
    m_swiss.reset();
  }
  m_state_step = SIZE_MAX;
  m_has_prev = false;
}

bool MapsView::SetOption(std::string_view key, std::string_view value) {
  if (key != "zoom") return false;
  float z = 0;
  if (std::sscanf(std::string(value).c_str(), "%f", &z) != 1 || z < 1 || z > 256) return false;
  m_zoom = z;
  return true;
}

// Stepping forward replays from the state already held (cheap); anything else seeks. The
// state before the step is kept too: the picture marks what the step changed.
void MapsView::UpdateState(std::size_t step) {
  if (step == m_state_step) return;
  const auto& tl = m_run->GetTimeline();
  if (m_state_step != SIZE_MAX && step == m_state_step + 1) {
    m_prev = m_state;
    m_state = tl.Advance(std::move(m_state), m_state_step, step);
  } else if (m_state_step != SIZE_MAX && step + 1 == m_state_step && m_has_prev) {
    m_state = std::move(m_prev);
    m_prev = step > 0 ? tl.StateAt(step - 1) : maps::State{};
  } else {
    m_prev = step > 0 ? tl.StateAt(step - 1) : maps::State{};
    m_state = step > 0 ? tl.Advance(m_prev, step - 1, step) : tl.StateAt(0);
  }
  m_has_prev = step > 0;
  m_state_step = step;
}

// A bucket allocated by this step compares as an empty one.
const maps::Bucket* MapsView::PrevBucket(std::int32_t arena) const {
  static const Bucket kEmpty{};
  if (!m_compare || arena < 0) return nullptr;
  if (std::size_t(arena) >= m_prev.arena.size()) return &kEmpty;
  return &m_prev.arena[std::size_t(arena)];
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
        f.evac_old.push_back(e.bucket);
        f.same_size = e.slot != 0;
        break;
      case EventKind::kIterInit:
        f.bucket = e.bucket;
        break;
      case EventKind::kMake:
        f.made = true;
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
float MapsView::DrawHeader(const ViewContext& ctx, const Pic& pic, ImVec2 o, float w,
                           const Focus& f) {
  Canvas& c = pic.c;
  const Theme& th = pic.th;
  const float fs = pic.fs;
  const maps::Hmap& h = m_state.h;
  const maps::Hmap& ph = m_prev.h;
  char buf[256];
  Flow flow{o.x, o.x + w, o.x, o.y, fs * 1.45f, fs * 0.9f};
  if (!h.made) {
    const char* nil = pic.Tx("nil map: no hmap yet", "nil map：还没有 hmap");
    const ImVec2 sz = c.TextSize(fs, nil, w);
    c.Text(ImVec2(o.x, o.y), fs, th.text_dim, nil, w);
    return sz.y + fs * 0.5f;
  }
  // A field drawn as one token; outlined when this step changed it.
  auto token = [&](const char* text, ImU32 col, bool changed) {
    const ImVec2 sz = c.TextSize(fs, text);
    if (!flow.Fits(sz.x)) return;
    const ImVec2 p = flow.Place(sz.x);
    c.Text(p, fs, col, text);
    if (changed && m_compare) {
      MarkChangedRect(c, ImVec2(p.x - 2, p.y), ImVec2(p.x + sz.x + 2, p.y + sz.y), th.changed,
                      pic.line, pic.t, 3);
      ++m_marks.changed_fields;
    }
  };
  token("hmap", th.accent, false);
  std::snprintf(buf, sizeof buf, "count=%" PRId64, h.count);
  token(buf, th.text, h.count != ph.count);
  std::snprintf(buf, sizeof buf, pic.Tx("B=%d (%" PRIu64 " buckets)", "B=%d（%" PRIu64 " 个桶）"),
                int(h.B), maps::BucketShift(h.B));
  token(buf, th.text, h.B != ph.B);
  char flags[96] = "";
  const char* names[] = {"iterator", "oldIterator", "hashWriting", "sameSizeGrow"};
  for (int i = 0; i < 4; ++i) {
    if (h.flags & (1 << i)) {
      if (flags[0]) std::strncat(flags, "|", sizeof flags - std::strlen(flags) - 1);
      std::strncat(flags, names[i], sizeof flags - std::strlen(flags) - 1);
    }
  }
  std::snprintf(buf, sizeof buf, "flags=%s", flags[0] ? flags : "0");
  token(buf, th.text, h.flags != ph.flags);
  std::snprintf(buf, sizeof buf, "noverflow=%d", int(h.noverflow));
  token(buf, th.text, h.noverflow != ph.noverflow);
  std::snprintf(buf, sizeof buf, "hash0=%016" PRIx64, h.hash0);
  token(buf, th.text_dim, h.hash0 != ph.hash0);
  flow.x = flow.left;
  flow.y += flow.line_h;

  // Gauges: load factor against 6.5 (bucketCnt = 8 is full), overflow against 2^min(B, 15).
  const float gw = std::min(fs * 8.0f, w * 0.3f), gh = fs * 0.7f;
  auto gauge = [&](const char* label, double value, double limit, double full,
                   const char* val_text) {
    const ImVec2 ls = c.TextSize(fs, label), vs = c.TextSize(fs, val_text);
    const float need = ls.x + gw + vs.x + 2 * pic.pad + 4;
    if (!flow.Fits(need)) return;
    const ImVec2 p = flow.Place(need);
    c.Text(p, fs, th.text_dim, label);
    const float lx = p.x + ls.x + pic.pad;
    const ImVec2 a(lx, p.y + (ls.y - gh) * 0.5f), b(lx + gw, p.y + (ls.y + gh) * 0.5f);
    c.RectFilled(a, b, th.panel_bg, 3);
    const float frac = float(std::min(1.0, value / full));
    const bool over = value > limit;
    c.RectFilled(a, ImVec2(a.x + gw * frac, b.y), over ? th.warn : th.ok, 3);
    const float mx = a.x + gw * float(std::min(1.0, limit / full));
    c.Line(ImVec2(mx, a.y - 4), ImVec2(mx, b.y + 4), th.text, pic.line);
    c.Rect(a, b, th.panel_border, 3, 1.0f);
    c.Text(ImVec2(b.x + pic.pad, p.y), fs, over ? th.warn : th.text, val_text);
  };
  const double load = double(h.count) / double(maps::BucketShift(h.B));
  std::snprintf(buf, sizeof buf, "%.2f / 6.5%s", load,
                load > 6.5 ? pic.Tx(" → grow", " → 扩容") : "");
  gauge(pic.Tx("load count/2^B", "负载 count/2^B"), load, 6.5, 8.0, buf);
  const double limit = double(std::uint64_t(1) << std::min<int>(h.B, 15));
  std::snprintf(buf, sizeof buf, "%d / %.0f", int(h.noverflow), limit);
  gauge(pic.Tx("overflow", "溢出桶"), double(h.noverflow), limit, limit * 1.25, buf);
  flow.x = flow.left;
  flow.y += flow.line_h;

  // The hash split: 64 bits, top 8 (tophash), low B (bucket), and the X/Y bit while doubling.
  if (f.has_key) {
    const std::string key = m_run->Prog().KeyText(f.key);
    std::snprintf(buf, sizeof buf, "%s(%s) =", pic.Tx("hash", "哈希"), key.c_str());
    const float ts = pic.ui;
    const ImVec2 ks = c.TextSize(ts, buf);
    const bool doubling = maps::Growing(h) && !maps::SameSizeGrow(h);
    const int low = h.B - (doubling ? 1 : 0);  // bits [low-1 .. 0]: the bucket (old) index
    // Runs of bits: top 8, the middle, the X/Y bit, the low bits; a space every 8 bits.
    struct Run {
      std::string s;
      ImU32 col;
    };
    auto bits = [&](int hi, int lo) {
      std::string s;
      for (int bit = hi; bit >= lo; --bit) {
        s += char('0' + ((f.hash >> bit) & 1));
        if (bit % 8 == 0 && bit > 0) s += ' ';
      }
      return s;
    };
    Run runs[4] = {
        {bits(63, 56), th.accent},
        {low + (doubling ? 1 : 0) < 56 ? bits(55, low + (doubling ? 1 : 0)) : "", th.text_dim},
        {doubling ? bits(h.B - 1, h.B - 1) : "", th.warn},
        {low > 0 ? bits(low - 1, 0) : "", th.ok}};
    auto total = [&]() {
      float sum = 0;
      for (const Run& r : runs) sum += c.TextSize(ts, r.s).x;
      return sum;
    };
    float tw = total();
    if (ks.x + pic.pad + tw > w) {
      runs[1].s = " … ";  // too long for the panel: elide the middle bits
      tw = total();
    }
    if (ks.x + pic.pad + tw <= w) {
      ImVec2 p = flow.Place(ks.x);
      c.Text(p, ts, th.text, buf);
      float x = p.x + ks.x + pic.pad;
      if (x + tw > o.x + w) {  // the bits go on their own line
        flow.x = flow.left;
        flow.y += flow.line_h;
        x = flow.left;
        p.y = flow.y;
      }
      for (const Run& r : runs) {
        if (r.s.empty()) continue;
        const ImVec2 rs = c.TextSize(ts, r.s);
        c.Text(ImVec2(x, p.y), ts, r.col, r.s);
        // An underline in the run's colour ties the bits to their label below.
        c.Line(ImVec2(x + 1, p.y + rs.y + 1), ImVec2(x + rs.x - 1, p.y + rs.y + 1), r.col,
               pic.line);
        x += rs.x;
      }
      flow.x = flow.left;
      flow.y += flow.line_h;
      auto legend = [&](const char* text, ImU32 col) {
        const ImVec2 sz = c.TextSize(ts, text);
        if (!flow.Fits(sz.x)) return;
        c.Text(flow.Place(sz.x), ts, col, text);
      };
      std::snprintf(buf, sizeof buf,
                    pic.Tx("top 8 bits → tophash 0x%02x", "高 8 位 → tophash 0x%02x"),
                    int(maps::TopHash(f.hash)));
      legend(buf, th.accent);
      if (doubling) {
        std::snprintf(buf, sizeof buf, pic.Tx("next bit → %s", "下一位 → %s"),
                      (f.hash >> (h.B - 1)) & 1 ? "Y" : "X");
        legend(buf, th.warn);
      }
      std::snprintf(buf, sizeof buf,
                    pic.Tx("low %d bits → bucket %" PRIu64, "低 %d 位 → 桶 %" PRIu64), int(h.B),
                    f.hash & maps::BucketMask(h.B));
      legend(buf, th.ok);
      flow.x = flow.left;
      flow.y += flow.line_h;
    }
  }
  (void)ctx;
  return flow.Bottom() - o.y;
}

// [SECTION] layout: the biggest readable cards that fit, else compact or summary cells
MapsView::Grid MapsView::Layout(const ViewContext& ctx, const Pic& pic, std::uint64_t n,
                                std::int32_t base, float w, float h, bool old) const {
  Grid g;
  const Canvas& c = pic.c;
  const float gap = pic.pad * 1.5f;
  if (n == 0 || w < 20 || h < 20) return g;
  int max_chain = 0;
  float key_w = 0, elem_w = 0;  // widest key / elem at the UI font size
  const maps::Program& prog = m_run->Prog();
  if (n <= 512) {
    char buf[32];
    for (std::uint64_t i = 0; i < n; ++i) {
      const std::int32_t head = base + std::int32_t(i);
      max_chain = std::max(max_chain, ChainLength(m_state, head));
      for (std::int32_t b = head; b != kNilBucket; b = m_state.arena[std::size_t(b)].overflow) {
        const Bucket& bk = m_state.arena[std::size_t(b)];
        for (int s = 0; s < kBucketCnt; ++s) {
          if (bk.tophash[std::size_t(s)] < maps::kMinTopHash) continue;
          key_w = std::max(key_w, c.TextSize(pic.ui, prog.KeyText(bk.keys[std::size_t(s)])).x);
          std::snprintf(buf, sizeof buf, "%" PRId64, bk.elems[std::size_t(s)]);
          elem_w = std::max(elem_w, c.TextSize(pic.ui, buf).x);
        }
      }
    }
  } else {
    key_w = c.TextSize(pic.ui, "000000").x;
    elem_w = key_w;
  }
  key_w = std::max(key_w, c.TextSize(pic.ui, "00").x);
  elem_w = std::max(elem_w, c.TextSize(pic.ui, "0").x);
  char label[48];
  std::snprintf(label, sizeof label, "%s %" PRIu64, pic.Tx("old", "旧"), n - 1);
  float head_w = c.TextSize(pic.ui, label).x;
  std::snprintf(label, sizeof label, "b%" PRIu64 ".ovf%d", n - 1, std::max(1, max_chain));
  head_w = std::max(head_w, c.TextSize(pic.ui, label).x);
  const float marker_w = c.TextSize(pic.ui, old ? "evacEmpty" : "emptyRest").x;
  const float top_w = c.TextSize(pic.ui, "ff").x;

  // Full cards, from the biggest text down to the UI font.
  const float zoom = old ? 1.0f : m_zoom;
  const float vw = w * zoom, vh = h * zoom;
  const float ts_max = std::max(pic.ui, pic.fs * 1.1f) * std::min(zoom, 4.0f);
  std::vector<float> sizes;
  for (float ts = ts_max; ts > pic.ui * 1.01f; ts *= 0.9f) sizes.push_back(ts);
  sizes.push_back(pic.ui);
  for (float ts : sizes) {
    const float k = ts / pic.ui;
    const float p = ts * 0.3f;
    for (int columns : {3, 2, 1}) {
      if (columns < 3 && ts > pic.ui * 1.15f) break;  // keep every column while text shrinks
      float inner = columns == 3   ? std::max(key_w + p * 2 + elem_w, marker_w)
                    : columns == 2 ? std::max(key_w, marker_w)
                                   : key_w;
      const float cw0 = std::max(p + top_w * k + p * 2 + inner * k + p, head_w * k + 2 * p);
      const float head = ts * 1.35f, row = ts * 1.2f;
      const float ch = head + kBucketCnt * row + p;
      for (int chain : {std::min(max_chain, 2), std::min(max_chain, 1), 0}) {
        std::size_t cols = std::size_t(std::max(1.0f, std::floor((vw + gap) / (cw0 + gap))));
        if (cw0 > vw) continue;
        cols = std::min<std::size_t>(cols, std::size_t(n));
        const std::size_t rows = (std::size_t(n) + cols - 1) / cols;
        const float py = ch * float(1 + chain) + gap * float(1 + chain);
        const float need = float(rows) * py - gap;
        if (need > vh && !(zoom > 1.0f && ts <= pic.ui)) continue;
        // Cards share out spare width, up to 1.5× what they need.
        const float cw = std::min((vw + gap) / float(cols) - gap, cw0 * 1.5f);
        g.detail = Detail::kFull;
        g.cols = cols;
        g.cells = std::size_t(n);
        g.cw = cw;
        g.ch = ch;
        g.px = cw + gap;
        g.py = py;
        g.chain_rows = chain;
        g.ts = ts;
        g.head = head;
        g.row = row;
        g.columns = columns;
        g.top_w = top_w * k + p;
        g.key_w = key_w * k + p;
        g.height = std::min(need, vh);
        return g;
      }
    }
  }
  // Slot strips: each bucket one line, its 8 slots left to right (tophash over key), its
  // overflow buckets on the lines below. Half the height of a card, for big fonts.
  {
    // An empty slot says "✕" (emptyOne) or "→X"/"→Y" (evacuated); emptyRest stays blank.
    const float empty_w = c.TextSize(pic.ui, old ? "→Y" : "✕").x;
    for (float ts : sizes) {
      const float k = ts / pic.ui;
      const float p = ts * 0.3f;
      const float slot_w = std::max({key_w, top_w, empty_w}) * k + p * 2;
      const float name_w = head_w * k + p * 2;
      const float cw = name_w + slot_w * kBucketCnt + p;
      if (cw > vw) continue;
      const float ch = ts * 2.4f + p * 2;
      for (int chain : {std::min(max_chain, 2), std::min(max_chain, 1), 0}) {
        const std::size_t cols = std::min<std::size_t>(
            std::size_t(n), std::size_t(std::max(1.0f, std::floor((vw + gap) / (cw + gap)))));
        const std::size_t rows = (std::size_t(n) + cols - 1) / cols;
        const float py = ch * float(1 + chain) + gap * float(1 + chain);
        const float need = float(rows) * py - gap;
        if (need > vh && !(zoom > 1.0f && ts <= pic.ui)) continue;
        g.detail = Detail::kRow;
        g.cols = cols;
        g.cells = std::size_t(n);
        g.cw = cw;
        g.ch = ch;
        g.px = cw + gap;
        g.py = py;
        g.chain_rows = chain;
        g.ts = ts;
        g.name_w = name_w;
        g.slot_w = slot_w;
        g.height = std::min(need, vh);
        return g;
      }
    }
  }
  // Compact cells: one square per bucket, its 8 slots as stripes; several buckets per cell
  // (summary) when even that is too small to see.
  float p = std::sqrt(vw * vh / float(n));
  p = std::min(p, pic.ui * 5.0f);
  const float min_cell = 7;
  std::size_t fold = 1;
  while (p < min_cell && fold < n) {
    fold *= 2;
    p = std::sqrt(vw * vh / float(n / fold));
  }
  g.detail = fold == 1 ? Detail::kCompact : Detail::kSummary;
  g.fold = fold;
  g.cells = std::size_t(n / fold);
  g.cols = std::max<std::size_t>(1, std::min<std::size_t>(g.cells, std::size_t(vw / p)));
  while ((g.cells + g.cols - 1) / g.cols * p > vh && p > min_cell) {  // fit the rows too
    p *= 0.95f;
    g.cols = std::max<std::size_t>(1, std::min<std::size_t>(g.cells, std::size_t(vw / p)));
  }
  g.px = g.py = p;
  g.cw = g.ch = std::max(2.0f, p - std::max(1.0f, p * 0.12f));
  g.height = std::min(vh, float((g.cells + g.cols - 1) / g.cols) * p);
  (void)ctx;
  return g;
}

// [SECTION] bucket cards: one full bucket and its overflow chain
// [SECTION] bucket cards: what the full cards and the slot strips share
static void BucketName(char* buf, std::size_t n, const char* old_word, std::uint64_t index,
                       int depth, bool old) {
  if (depth > 0) {
    std::snprintf(buf, n, "b%" PRIu64 ".ovf%d", index, depth);
  } else if (old) {
    std::snprintf(buf, n, "%s %" PRIu64, old_word, index);
  } else {
    std::snprintf(buf, n, "b%" PRIu64, index);
  }
}

// A slot that holds an entry now and held none, or another key, value or tophash, a step ago.
static bool EntryChanged(const Bucket* pb, const Bucket& bk, int i) {
  const std::size_t k = std::size_t(i);
  return pb && (pb->tophash[k] < maps::kMinTopHash || pb->keys[k] != bk.keys[k] ||
                pb->elems[k] != bk.elems[k] || pb->tophash[k] != bk.tophash[k]);
}

// The card's frame (accented when the step is about it, dim when evacuated) and, for an
// overflow bucket made this step (newoverflow), the changed mark.
void MapsView::FinishCard(const Pic& pic, ImVec2 a, ImVec2 z, std::int32_t b, int depth,
                          bool focus_here, bool evac) {
  Canvas& c = pic.c;
  const Theme& th = pic.th;
  c.Rect(a, z, focus_here ? th.accent : (evac ? th.grid : th.panel_border), 4,
         focus_here ? pic.line * 1.25f : std::max(1.0f, pic.line * 0.6f));
  if (depth > 0 && m_compare && (std::size_t(b) >= m_prev.arena.size())) {
    MarkChangedRect(c, a, z, th.changed, pic.line, pic.t, 4);
    ++m_marks.new_overflow;
  }
}

void MapsView::DrawBucketFull(const ViewContext& ctx, const Pic& pic, ImVec2 p, const Grid& g,
                              std::int32_t bucket, std::uint64_t index, bool old, const Focus& f,
                              ImVec2 clip_a, ImVec2 clip_b) {
  Canvas& c = pic.c;
  const Theme& th = pic.th;
  const maps::Program& prog = m_run->Prog();
  const float ts = g.ts, w = g.cw, card_h = g.ch;
  const float pad = ts * 0.3f;
  const float gap = g.py / float(1 + g.chain_rows) - card_h;
  char buf[64];
  const bool focus_bucket = f.bucket >= 0 && std::uint64_t(f.bucket) == index && f.old == old;
  int depth = 0;
  auto text_in = [&](ImVec2 pos, ImU32 col, const char* s) {
    const ImVec2 sz = c.TextSize(ts, s);
    if (Inside(pos, sz, clip_a, clip_b)) c.Text(pos, ts, col, s);
    return sz;
  };
  for (std::int32_t b = bucket; b != kNilBucket && p.y < clip_b.y;
       b = m_state.arena[std::size_t(b)].overflow, ++depth) {
    if (depth > 0) {
      if (depth > g.chain_rows) break;  // the "+N" tag on the last card says how many more
      c.Line(ImVec2(p.x + w * 0.5f, p.y - gap), ImVec2(p.x + w * 0.5f, p.y), th.edge, pic.line);
    }
    const Bucket& bk = m_state.arena[std::size_t(b)];
    const Bucket* pb = PrevBucket(b);
    const bool evac = old && maps::Evacuated(bk);
    const ImVec2 a = p, z(p.x + w, p.y + card_h);
    c.RectFilled(a, z, th.panel_bg, 4);
    // Header: the bucket's name, then tags that fit (overflow count, X/Y, evacuated).
    BucketName(buf, sizeof buf, pic.Tx("old", "旧"), index, depth, old);
    const float hy = a.y + (g.head - ts) * 0.5f;
    float hx = a.x + pad + text_in(ImVec2(a.x + pad, hy), evac ? th.text_dim : th.text, buf).x;
    float right = z.x - pad;
    auto tag = [&](const char* s, ImU32 col) {
      const ImVec2 sz = c.TextSize(ts, s);
      if (right - sz.x < hx + pad) return false;
      right -= sz.x;
      text_in(ImVec2(right, hy), col, s);
      right -= pad;
      return true;
    };
    if (depth == g.chain_rows && bk.overflow != kNilBucket) {
      std::snprintf(buf, sizeof buf, pic.Tx("+%d ovf", "+%d 溢出"), ChainLength(m_state, b));
      tag(buf, th.warn);
    }
    if (depth == 0 && !old) {
      if (std::int32_t(index) == m_evac_dest_x) tag("X", th.move);
      if (std::int32_t(index) == m_evac_dest_y) tag("Y", th.move);
    }
    if (evac) tag(pic.Tx("evacuated", "已搬迁"), th.text_dim);
    m_hits.push_back(CardHit{a, ImVec2(z.x, a.y + g.head), index, depth, -1, old, false, 0});
    const float c1 = a.x + pad, c2 = a.x + pad + g.top_w + pad, c3 = c2 + g.key_w + pad;
    for (int i = 0; i < kBucketCnt; ++i) {
      const float ry = a.y + g.head + float(i) * g.row;
      const float ty = ry + (g.row - ts) * 0.5f;
      const std::uint8_t t = bk.tophash[std::size_t(i)];
      const ImVec2 ra(a.x + 2, ry + 1), rb(z.x - 2, ry + g.row - 1);
      const bool hit = focus_bucket && f.depth == depth && f.slot == i;
      const bool was_entry = pb && pb->tophash[std::size_t(i)] >= maps::kMinTopHash;
      m_hits.push_back(
          CardHit{ra, rb, index, depth, i, old, t >= maps::kMinTopHash, bk.keys[std::size_t(i)]});
      if (t >= maps::kMinTopHash) {
        c.RectFilled(ra, rb, WithAlpha(th.ok, 0.16f), 2);
        std::snprintf(buf, sizeof buf, "%02x", int(t));
        text_in(ImVec2(c1, ty), th.accent, buf);
        const std::string k = prog.KeyText(bk.keys[std::size_t(i)]);
        text_in(ImVec2(c2, ty), th.text, k.c_str());
        if (g.columns == 3) {
          std::snprintf(buf, sizeof buf, "%" PRId64, bk.elems[std::size_t(i)]);
          text_in(ImVec2(c3, ty), th.text_dim, buf);
        }
        if (EntryChanged(pb, bk, i)) {
          MarkChangedRect(c, ra, rb, th.changed, pic.line, pic.t, 2);
          ++m_marks.changed_slots;
        }
      } else {
        const bool moved = t == maps::kEvacuatedX || t == maps::kEvacuatedY;
        const ImU32 col = t == maps::kEmptyOne ? th.warn : moved ? th.move : th.text_dim;
        if (t == maps::kEmptyOne) HatchRect(c, ra, rb, WithAlpha(th.warn, 0.25f), 6, 1);
        std::snprintf(buf, sizeof buf, "%d", int(t));
        text_in(ImVec2(c1, ty), col, buf);
        if (was_entry) {
          // Removed (deleted or evacuated) this step: the old key stays one step, faded and
          // struck through, before the slot shows as empty.
          const std::string k = prog.KeyText(pb->keys[std::size_t(i)]);
          const ImU32 gcol = WithAlpha(th.ghost, GhostAlpha(pic.t));
          const ImVec2 ks = c.TextSize(ts, k);
          if (c2 + ks.x <= z.x - pad) {
            text_in(ImVec2(c2, ty), gcol, k.c_str());
            c.Line(ImVec2(c2 - 1, ty + ks.y * 0.55f), ImVec2(c2 + ks.x + 1, ty + ks.y * 0.55f),
                   gcol, pic.line);
            ++m_marks.ghost_slots;
          }
          const char* what = moved ? EmptyShort(t) : "✕";
          const ImVec2 ws = c.TextSize(ts, what);
          const float wx = std::max(c3, c2 + ks.x + pad);
          if (wx + ws.x <= z.x - pad) text_in(ImVec2(wx, ty), col, what);
        } else if (g.columns >= 2) {
          const char* name = g.columns == 3 && c2 + c.TextSize(ts, EmptyName(t)).x <= z.x - pad
                                 ? EmptyName(t)
                                 : EmptyShort(t);
          if (c2 + c.TextSize(ts, name).x <= z.x - pad) text_in(ImVec2(c2, ty), col, name);
          if (pb && pb->tophash[std::size_t(i)] != t) {
            MarkChangedRect(c, ra, rb, th.changed, pic.line, pic.t, 2);
            ++m_marks.changed_slots;
          }
        }
      }
      if (hit) c.Rect(ra, rb, th.accent, 2, pic.line * 1.25f);
    }
    FinishCard(pic, a, z, b, depth,
               focus_bucket && (f.depth == depth || (depth == 0 && f.depth > g.chain_rows)), evac);
    p.y += card_h + gap;
  }
  (void)ctx;
}

// [SECTION] slot strips: one bucket per line, slots left to right, the chain below
void MapsView::DrawBucketRow(const ViewContext& ctx, const Pic& pic, ImVec2 p, const Grid& g,
                             std::int32_t bucket, std::uint64_t index, bool old, const Focus& f,
                             ImVec2 clip_a, ImVec2 clip_b) {
  Canvas& c = pic.c;
  const Theme& th = pic.th;
  const maps::Program& prog = m_run->Prog();
  const float ts = g.ts, pad = ts * 0.3f;
  const float gap = g.py / float(1 + g.chain_rows) - g.ch;
  char buf[64];
  const bool focus_bucket = f.bucket >= 0 && std::uint64_t(f.bucket) == index && f.old == old;
  auto text_in = [&](ImVec2 pos, ImU32 col, const char* s) {
    const ImVec2 sz = c.TextSize(ts, s);
    if (Inside(pos, sz, clip_a, clip_b)) c.Text(pos, ts, col, s);
    return sz;
  };
  int depth = 0;
  for (std::int32_t b = bucket; b != kNilBucket && p.y < clip_b.y;
       b = m_state.arena[std::size_t(b)].overflow, ++depth) {
    if (depth > 0) {
      if (depth > g.chain_rows) break;
      c.Line(ImVec2(p.x + g.name_w * 0.5f, p.y - gap), ImVec2(p.x + g.name_w * 0.5f, p.y), th.edge,
             pic.line);
    }
    const Bucket& bk = m_state.arena[std::size_t(b)];
    const Bucket* pb = PrevBucket(b);
    const bool evac = old && maps::Evacuated(bk);
    const ImVec2 a = p, z(p.x + g.cw, p.y + g.ch);
    c.RectFilled(a, z, th.panel_bg, 4);
    // The name column: the bucket's name, then one tag under it (X/Y, evacuated, +N).
    BucketName(buf, sizeof buf, pic.Tx("old", "旧"), index, depth, old);
    const float line1 = a.y + pad, line2 = a.y + pad + ts * 1.2f;
    text_in(ImVec2(a.x + pad, line1), evac ? th.text_dim : th.text, buf);
    const char* tag = nullptr;
    ImU32 tag_col = th.move;
    if (depth == g.chain_rows && bk.overflow != kNilBucket) {
      std::snprintf(buf, sizeof buf, pic.Tx("+%d ovf", "+%d 溢出"), ChainLength(m_state, b));
      tag = buf;
      tag_col = th.warn;
    } else if (depth == 0 && !old && std::int32_t(index) == m_evac_dest_x) {
      tag = "X";
    } else if (depth == 0 && !old && std::int32_t(index) == m_evac_dest_y) {
      tag = "Y";
    } else if (evac) {
      tag = pic.Tx("evac.", "已搬");
      tag_col = th.text_dim;
    }
    if (tag && c.TextSize(ts, tag).x <= g.name_w - pad)
      text_in(ImVec2(a.x + pad, line2), tag_col, tag);
    m_hits.push_back(CardHit{a, ImVec2(a.x + g.name_w, z.y), index, depth, -1, old, false, 0});
    for (int i = 0; i < kBucketCnt; ++i) {
      const float sx = a.x + g.name_w + float(i) * g.slot_w;
      const ImVec2 ra(sx + 1, a.y + 2), rb(sx + g.slot_w - 1, z.y - 2);
      const std::uint8_t t = bk.tophash[std::size_t(i)];
      const bool hit = focus_bucket && f.depth == depth && f.slot == i;
      const bool was_entry = pb && pb->tophash[std::size_t(i)] >= maps::kMinTopHash;
      m_hits.push_back(
          CardHit{ra, rb, index, depth, i, old, t >= maps::kMinTopHash, bk.keys[std::size_t(i)]});
      c.Rect(ra, rb, th.grid, 2, std::max(1.0f, pic.line * 0.5f));
      if (t >= maps::kMinTopHash) {
        c.RectFilled(ra, rb, WithAlpha(th.ok, 0.16f), 2);
        std::snprintf(buf, sizeof buf, "%02x", int(t));
        text_in(ImVec2(sx + pad, line1), th.accent, buf);
        const std::string k = prog.KeyText(bk.keys[std::size_t(i)]);
        text_in(ImVec2(sx + pad, line2), th.text, k.c_str());
        if (EntryChanged(pb, bk, i)) {
          MarkChangedRect(c, ra, rb, th.changed, pic.line, pic.t, 2);
          ++m_marks.changed_slots;
        }
      } else {
        const bool moved = t == maps::kEvacuatedX || t == maps::kEvacuatedY;
        const ImU32 col = t == maps::kEmptyOne ? th.warn : moved ? th.move : th.text_dim;
        if (t == maps::kEmptyOne) HatchRect(c, ra, rb, WithAlpha(th.warn, 0.25f), 6, 1);
        // The slot's state in words, shortest first: the cell is as wide as a key.
        const char* what = moved ? EmptyShort(t) : t == maps::kEmptyOne ? "✕" : "";
        if (*what) text_in(ImVec2(sx + pad, line1), col, what);
        if (was_entry) {
          // Removed this step: the old key stays one step, faded and struck through.
          const std::string k = prog.KeyText(pb->keys[std::size_t(i)]);
          const ImU32 gcol = WithAlpha(th.ghost, GhostAlpha(pic.t));
          const ImVec2 ks = c.TextSize(ts, k);
          if (ks.x <= g.slot_w - pad * 2) {
            text_in(ImVec2(sx + pad, line2), gcol, k.c_str());
            c.Line(ImVec2(sx + pad - 1, line2 + ks.y * 0.55f),
                   ImVec2(sx + pad + ks.x + 1, line2 + ks.y * 0.55f), gcol, pic.line);
            ++m_marks.ghost_slots;
          }
        } else if (pb && pb->tophash[std::size_t(i)] != t) {
          MarkChangedRect(c, ra, rb, th.changed, pic.line, pic.t, 2);
          ++m_marks.changed_slots;
        }
      }
      if (hit) c.Rect(ra, rb, th.accent, 2, pic.line * 1.25f);
    }
    FinishCard(pic, a, z, b, depth,
               focus_bucket && (f.depth == depth || (depth == 0 && f.depth > g.chain_rows)), evac);
    p.y += g.ch + gap;
  }
  (void)ctx;
}

// [SECTION] arrays: a whole bucket array at the chosen level of detail, culled to the rect
void MapsView::DrawArray(const ViewContext& ctx, const Pic& pic, ImVec2 a, ImVec2 b,
                         std::int32_t base, bool old, const Focus& f, const Grid& g) {
  Canvas& c = pic.c;
  const Theme& th = pic.th;
  if (g.cells == 0) return;
  if (!old) {
    m_last_detail = g.detail;
    m_last_fold = g.fold;
  }
  c.PushClip(a, b);
  // Only the rows that intersect the rect.
  const std::size_t rows = (g.cells + g.cols - 1) / g.cols;
  const std::size_t row0 = g.first.y < a.y ? std::size_t((a.y - g.first.y) / g.py) : 0;
  const std::size_t row1 =
      std::min(rows, std::size_t(std::max(0.0f, (b.y - g.first.y) / g.py)) + 1);
  char buf[48];
  // ImGui 1.86 draw lists index vertices with 16 bits: keep the frame far below 65536 by
  // drawing a slot stripe per slot only when few cells are on screen.
  const std::size_t visible_cells = (row1 > row0 ? row1 - row0 : 0) * g.cols;
  const bool stripes = visible_cells * kBucketCnt * 4 < 24000;
  for (std::size_t r = row0; r < row1; ++r) {
    for (std::size_t col = 0; col < g.cols; ++col) {
      const std::size_t cell = r * g.cols + col;
      if (cell >= g.cells) break;
      const ImVec2 p = g.CellPos(cell);
      if (p.x > b.x || p.x + g.cw < a.x) continue;
      if (g.detail == Detail::kFull) {
        DrawBucketFull(ctx, pic, p, g, base + std::int32_t(cell), cell, old, f, a, b);
        continue;
      }
      if (g.detail == Detail::kRow) {
        DrawBucketRow(ctx, pic, p, g, base + std::int32_t(cell), cell, old, f, a, b);
        continue;
      }
      const ImVec2 z(p.x + g.cw, p.y + g.ch);
      const bool focus = f.bucket >= 0 && std::uint64_t(f.bucket) / g.fold == cell && f.old == old;
      if (g.detail == Detail::kCompact) {
        const std::int32_t bi = base + std::int32_t(cell);
        const Bucket& bk = m_state.arena[std::size_t(bi)];
        const Bucket* pb = PrevBucket(bi);
        const bool evac = old && maps::Evacuated(bk);
        if (m_hits.size() < 4096) m_hits.push_back(CardHit{p, z, cell, 0, -1, old, false, 0});
        c.RectFilled(p, z, th.panel_bg, 0);
        bool changed = false;
        if (stripes) {
          const float stripe = g.ch / kBucketCnt;
          for (int i = 0; i < kBucketCnt; ++i) {
            const std::uint8_t t = bk.tophash[std::size_t(i)];
            changed |= pb && (pb->tophash[std::size_t(i)] != t ||
                              pb->keys[std::size_t(i)] != bk.keys[std::size_t(i)]);
            const ImU32 fill = t >= maps::kMinTopHash ? th.ok
                               : t == maps::kEmptyOne ? WithAlpha(th.warn, 0.6f)
                               : (t == maps::kEvacuatedX || t == maps::kEvacuatedY)
                                   ? WithAlpha(th.move, 0.5f)
                                   : 0;
            if (fill) {
              c.RectFilled(ImVec2(p.x, p.y + float(i) * stripe),
                           ImVec2(z.x, p.y + float(i + 1) * stripe - (stripe > 3 ? 1 : 0)), fill,
                           0);
            }
          }
        } else {
          // Too many cells on screen for a stripe per slot: one bar as tall as the bucket is full.
          int used = 0;
          for (auto t : bk.tophash) used += t >= maps::kMinTopHash;
          if (used) {
            c.RectFilled(ImVec2(p.x, z.y - g.ch * float(used) / kBucketCnt), z,
                         evac ? th.grid : th.ok, 0);
          }
        }
        const int chain = ChainLength(m_state, bi);
        if (chain > 0) {
          c.Rect(p, z, th.warn, 0, std::min(3.0f, 1.0f + float(chain)));
          std::snprintf(buf, sizeof buf, "+%d", chain);
          const ImVec2 sz = c.TextSize(pic.ui, buf);
          const ImVec2 tp(p.x + 2, p.y + 1);
          if (sz.x + 4 <= g.cw && sz.y + 2 <= g.ch && Inside(tp, sz, a, b)) {
            c.RectFilled(tp, ImVec2(tp.x + sz.x, tp.y + sz.y), WithAlpha(th.panel_bg, 0.8f), 2);
            c.Text(tp, pic.ui, th.text, buf);
          }
        } else if (evac) {
          c.Rect(p, z, th.grid, 0, 1);
        }
        if (changed && visible_cells <= 1024) {
          MarkChangedRect(c, p, z, th.changed, pic.line * 0.75f, pic.t);
          ++m_marks.changed_slots;
        }
      } else {
        // Summary: `fold` buckets in one cell, shaded by how full they are.
        std::size_t used = 0, ovf = 0;
        for (std::size_t k = 0; k < g.fold; ++k) {
          const std::int32_t bi = base + std::int32_t(cell * g.fold + k);
          const Bucket& bk = m_state.arena[std::size_t(bi)];
          for (auto t : bk.tophash) used += t >= maps::kMinTopHash;
          ovf += bk.overflow != kNilBucket;
        }
        const float fill = std::min(1.0f, float(used) / float(kBucketCnt * g.fold));
        c.RectFilled(p, z, LerpColor(th.panel_bg, th.ok, fill), 0);
        if (ovf) c.RectFilled(ImVec2(p.x, z.y - std::max(1.0f, g.ch * 0.2f)), z, th.warn, 0);
      }
      if (focus) {
        c.Rect(ImVec2(p.x - 2, p.y - 2), ImVec2(z.x + 2, z.y + 2), th.accent, 0, pic.line * 1.25f);
      }
    }
  }
  c.PopClip();
}

// [SECTION] evacuation arrows: each entry of an old bucket evacuated this step, to its slot in
// the X (same index) or Y (index + old size) bucket
void MapsView::DrawEvacuation(const ViewContext& ctx, const Pic& pic, const Focus& f,
                              const Grid& og, const Grid& ng, ImVec2 clip_a, ImVec2 clip_b) {
  if (!m_compare || og.cells == 0 || ng.cells == 0 || og.fold != 1 || ng.fold != 1) return;
  Canvas& c = pic.c;
  const maps::Hmap& h = m_state.h;
  const std::uint64_t nold = maps::NoldBuckets(h);
  const float thick = pic.line * 1.25f, head = pic.ui * 0.55f;
  auto inside = [&](ImVec2 q) {
    return q.x >= clip_a.x && q.y >= clip_a.y && q.x <= clip_b.x && q.y <= clip_b.y;
  };
  for (std::int32_t ob : f.evac_old) {
    if (ob < 0 || std::uint64_t(ob) >= nold) continue;
    const ImVec2 op = og.CellPos(std::size_t(ob));
    int depth = 0;
    for (std::int32_t b = h.oldbuckets + ob; b != kNilBucket;
         b = m_state.arena[std::size_t(b)].overflow, ++depth) {
      const Bucket& bk = m_state.arena[std::size_t(b)];
      const Bucket* pb = PrevBucket(b);
      if (!pb) continue;
      for (int i = 0; i < kBucketCnt; ++i) {
        const std::uint8_t t = bk.tophash[std::size_t(i)];
        if (pb->tophash[std::size_t(i)] < maps::kMinTopHash ||
            (t != maps::kEvacuatedX && t != maps::kEvacuatedY)) {
          continue;
        }
        const std::uint64_t dest = std::uint64_t(ob) + (t == maps::kEvacuatedY ? nold : 0);
        if (dest >= ng.cells) continue;
        // Where the key landed: its slot in the destination chain.
        const std::int64_t key = pb->keys[std::size_t(i)];
        int ddepth = -1, dslot = -1, dd = 0;
        for (std::int32_t x = h.buckets + std::int32_t(dest); x != kNilBucket && ddepth < 0;
             x = m_state.arena[std::size_t(x)].overflow, ++dd) {
          const Bucket& xb = m_state.arena[std::size_t(x)];
          for (int s = 0; s < kBucketCnt; ++s) {
            if (xb.tophash[std::size_t(s)] >= maps::kMinTopHash && xb.keys[std::size_t(s)] == key) {
              ddepth = dd;
              dslot = s;
              break;
            }
          }
        }
        const ImVec2 dp = ng.CellPos(std::size_t(dest));
        ImVec2 from, to;
        if (og.detail == Detail::kFull && depth <= og.chain_rows) {
          const float cy = op.y + float(depth) * og.py / float(1 + og.chain_rows);
          from = ImVec2(op.x + og.cw - og.ts * 0.6f, cy + og.head + (float(i) + 0.5f) * og.row);
        } else if (og.detail == Detail::kRow && depth <= og.chain_rows) {
          const float cy = op.y + float(depth) * og.py / float(1 + og.chain_rows);
          from = ImVec2(op.x + og.name_w + (float(i) + 0.5f) * og.slot_w, cy + og.ch - 2);
        } else {
          from = ImVec2(op.x + og.cw * 0.5f, op.y + og.ch * 0.5f);
        }
        if (ng.detail == Detail::kFull && ddepth >= 0 && ddepth <= ng.chain_rows) {
          const float cy = dp.y + float(ddepth) * ng.py / float(1 + ng.chain_rows);
          to = ImVec2(dp.x + 3, cy + ng.head + (float(dslot) + 0.5f) * ng.row);
        } else if (ng.detail == Detail::kRow && ddepth >= 0 && ddepth <= ng.chain_rows) {
          const float cy = dp.y + float(ddepth) * ng.py / float(1 + ng.chain_rows);
          to = ImVec2(dp.x + ng.name_w + (float(dslot) + 0.5f) * ng.slot_w, cy + 2);
        } else {
          to = ImVec2(dp.x + ng.cw * 0.5f, dp.y + (ng.detail == Detail::kFull ? 2 : ng.ch * 0.5f));
        }
        if (!inside(from) || !inside(to)) continue;
        MoveArrow(c, from, to, pic.th.move, thick, head, pic.t);
        ++m_marks.move_arrows;
      }
    }
  }
  (void)ctx;
}

// [SECTION] draw
void MapsView::DrawWhatIf(const ViewContext& ctx) {
  WhatIfBox::Spec spec;
  spec.ops = kMapWhatIfOps;
  spec.op_count = 3;
  spec.int_keys = m_run->Prog().key_type == maps::KeyType::kInt;
  spec.max_key_bytes = maps::kMaxStringKeyBytes;
  m_whatif.Draw(ctx, spec);
}

void MapsView::Draw(const ViewContext& ctx) {
  if (m_swiss) {
    m_swiss->Draw(ctx);
    return;
  }
  if (!m_run || !ctx.canvas) return;
  const bool widgets = !ctx.picture_only && !ctx.presenter;
  if (!ctx.picture_only) HandleInput(ctx);
  if (widgets) DrawWhatIf(ctx);
  UpdateState(ctx.step);
  m_marks = Marks{};
  m_hits.clear();
  const Theme& th = ctx.theme;
  Canvas& c = *ctx.canvas;
  // The picture grows with its panel: the design fits 820 x 540 UI px at the UI font size.
  const float k = std::min(1.5f, FitScale(ctx.size, ImVec2(820 * ctx.scale, 540 * ctx.scale)));
  Pic pic{c, th, ctx.lang};
  pic.ui = ctx.ui_font;
  pic.fs = ctx.ui_font * std::min(k, 1.25f);
  pic.line = ctx.Line();
  pic.pad = ctx.ui_font * 0.3f * k;
  pic.t = ctx.t;
  pic.zh = ctx.lang == Lang::kZh;
  Focus f = FocusOf(ctx.step);
  m_compare = m_has_prev && !f.made && m_prev.h.made;
  const float margin = pic.pad * 1.5f;
  const ImVec2 o(ctx.origin.x + margin, ctx.origin.y + margin);
  const float w = ctx.size.x - 2 * margin;
  const float bottom =
      ctx.origin.y + ctx.size.y - margin - (widgets ? ImGui::GetFrameHeight() * 1.5f : 0.0f);
  float y = o.y + DrawHeader(ctx, pic, o, w, f);
  const maps::Hmap& h = m_state.h;
  if (!h.made || h.buckets == kNilBucket) return;
  char buf[128];
  const float ui = pic.ui;
  const float label_h = ui * 1.4f;

  // X / Y destinations of this step's evacuation (tags on their cards).
  m_evac_dest_x = m_evac_dest_y = -1;
  const bool growing = maps::Growing(h);
  const std::uint64_t nold = growing ? maps::NoldBuckets(h) : 0;
  if (growing && !f.evac_old.empty()) {
    m_evac_dest_x = f.evac_old.front();
    if (!f.same_size) m_evac_dest_y = f.evac_old.front() + std::int32_t(nold);
  }

  // Layout: old array above the new one while growing; both share the height left.
  const std::uint64_t nnew = maps::BucketShift(h.B);
  const float avail = bottom - y - label_h * (growing ? 2 : 1) - (growing ? pic.pad : 0);
  Grid og, ng;
  if (growing) {
    // The old array takes what it needs up to half (less when it is the smaller one).
    const float share = float(nold) / float(nold + nnew);
    og = Layout(ctx, pic, nold, h.oldbuckets, w, avail * std::max(share, 0.3f), true);
    ng = Layout(ctx, pic, nnew, h.buckets, w, avail - og.height, false);
    if (ng.detail != Detail::kFull && og.detail != Detail::kCompact &&
        og.detail != Detail::kSummary) {
      // The new array matters more: give it the room and fold the old one first.
      Grid og2 = Layout(ctx, pic, nold, h.oldbuckets, w, avail * 0.25f, true);
      Grid ng2 = Layout(ctx, pic, nnew, h.buckets, w, avail - og2.height, false);
      if (int(ng2.detail) < int(ng.detail)) {
        og = og2;
        ng = ng2;
      }
    }
  } else {
    ng = Layout(ctx, pic, nnew, h.buckets, w, avail, false);
  }

  // An array label, outlined (and tagged "new") when this step allocated the array.
  auto array_label = [&](const char* text, ImU32 col, bool fresh, float ly, float right) {
    const ImVec2 sz = c.TextSize(ui, text);
    float x = o.x;
    if (x + sz.x > right) return x;
    c.Text(ImVec2(x, ly), ui, col, text);
    x += sz.x + pic.pad * 2;
    if (fresh) {
      const char* nw = pic.Tx("new", "新");
      const ImVec2 ns = c.TextSize(ui, nw);
      if (x + ns.x <= right) {
        c.Text(ImVec2(x, ly), ui, th.changed, nw);
        MarkChangedRect(c, ImVec2(x - 3, ly), ImVec2(x + ns.x + 3, ly + ns.y), th.changed, pic.line,
                        pic.t, 3);
        ++m_marks.changed_fields;
        x += ns.x + pic.pad * 2;
      }
    }
    return x;
  };

  if (growing) {
    std::snprintf(buf, sizeof buf, "%s   nevacuate = %" PRIu64 " / %" PRIu64,
                  pic.Tx("oldbuckets (being evacuated)", "oldbuckets（旧桶，搬迁中）"), h.nevacuate,
                  nold);
    const bool fresh = m_compare && m_prev.h.oldbuckets != h.oldbuckets;
    float x = array_label(buf, th.warn, fresh, y, o.x + w);
    const float bw = std::min(ui * 10, o.x + w - x);
    if (bw > ui * 2) {
      const float by0 = y + ui * 0.3f, by1 = y + ui * 1.0f;
      c.RectFilled(ImVec2(x, by0), ImVec2(x + bw, by1), th.panel_bg, 3);
      c.RectFilled(ImVec2(x, by0), ImVec2(x + bw * float(h.nevacuate) / float(nold), by1), th.warn,
                   3);
      c.Rect(ImVec2(x, by0), ImVec2(x + bw, by1), th.panel_border, 3, 1);
      if (m_compare && m_prev.h.nevacuate != h.nevacuate && !fresh) {
        MarkChangedRect(c, ImVec2(x, by0), ImVec2(x + bw, by1), th.changed, pic.line, pic.t, 3);
        ++m_marks.changed_fields;
      }
    }
    y += label_h;
    og.first = ImVec2(o.x, y);
    const float oh = og.detail == Detail::kFull || og.detail == Detail::kRow
                         ? og.height
                         : std::max(og.height, ui);
    DrawArray(ctx, pic, ImVec2(o.x, y), ImVec2(o.x + w, y + oh + 1), h.oldbuckets, true, f, og);
    y += oh + pic.pad;
  }
  std::snprintf(buf, sizeof buf, "%s (2^%d = %" PRIu64 ")", pic.Tx("buckets", "buckets（桶数组）"),
                int(h.B), nnew);
  const bool fresh = m_compare && m_prev.h.buckets != h.buckets;
  float lx = array_label(buf, th.text_dim, fresh, y, o.x + w);
  if (ng.detail == Detail::kSummary) {
    std::snprintf(buf, sizeof buf, pic.Tx("1 cell = %zu buckets", "1 格 = %zu 个桶"), ng.fold);
    const ImVec2 ps = PillSize(c, buf, ui);
    if (lx + ps.x <= o.x + w) {
      Pill(c, ImVec2(lx, y - (ps.y - ui) * 0.5f), th.panel_bg, th.text, buf, ui);
      lx += ps.x + pic.pad * 2;
    }
  }
  if (widgets) {
    const char* hint =
        pic.Tx("wheel: zoom, drag: pan, double-click: reset", "滚轮缩放，拖动平移，双击复位");
    const ImVec2 hs = c.TextSize(ui, hint);
    if (lx + hs.x <= o.x + w) c.Text(ImVec2(o.x + w - hs.x, y), ui, th.text_dim, hint);
  }
  y += label_h;
  const ImVec2 na(o.x, y), nb(o.x + w, std::max(y + 1, bottom));
  ng.first = ImVec2(na.x + m_pan.x, na.y + m_pan.y);
  DrawArray(ctx, pic, na, nb, h.buckets, false, f, ng);
  if (growing) {
    DrawEvacuation(ctx, pic, f, og, ng, ImVec2(o.x, o.y), nb);
  }
  if (!ctx.picture_only && !ctx.sandbox) HandlePick(ctx);
}

// [SECTION] pick: predict-then-reveal by pointing at a key, a slot or a bucket
std::vector<std::string> MapsView::PickLabels(const CardHit& h) const {
  std::vector<std::string> out;
  char bucket[48];
  if (h.depth > 0) {
    std::snprintf(bucket, sizeof bucket, "b%" PRIu64 ".ovf%d", h.index, h.depth);
  } else {
    std::snprintf(bucket, sizeof bucket, "b%" PRIu64, h.index);
  }
  if (h.slot >= 0) {
    if (h.has_key) out.push_back(m_run->Prog().KeyText(h.key));
    char slot[64];
    std::snprintf(slot, sizeof slot, "%s%s[%d]", h.old ? "old " : "", bucket, h.slot);
    out.push_back(slot);
  }
  // A card in oldbuckets is "old b1"; one in the new array is "b1" or, while growing, "new b1".
  if (h.old) {
    out.push_back(std::string("old ") + bucket);
  } else {
    out.push_back(std::string("new ") + bucket);
    out.push_back(bucket);
  }
  return out;
}

bool MapsView::CardRect(std::uint64_t index, int depth, int slot, bool old, ImVec2* min,
                        ImVec2* max) const {
  for (const CardHit& h : m_hits) {
    if (h.index != index || h.depth != depth || h.slot != slot || h.old != old) continue;
    *min = h.min;
    *max = h.max;
    return true;
  }
  return false;
}

void MapsView::HandlePick(const ViewContext& ctx) const {
  (void)ctx;
  if (!ImGui::IsWindowHovered() || !ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return;
  // A drag pans the picture; only a click (no drag past ImGui's threshold) points.
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDragMaxDistanceSqr[0] > io.MouseDragThreshold * io.MouseDragThreshold) return;
  // Slot rows come after their card's header, so the last rectangle hit is the finest.
  const CardHit* hit = nullptr;
  for (const CardHit& h : m_hits) {
    if (ImGui::IsMouseHoveringRect(h.min, h.max)) hit = &h;
  }
  if (hit) ctx.requests.picked = PickLabels(*hit);
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
