// [SECTION] index: state cache · source panel · memory column · frames · heap · messages ·
//                  sandbox
#include "app/views/stack_view.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <string_view>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"
#include "app/views/draw_util.h"

namespace gs::app {
namespace {

using stack::Event;
using stack::EventKind;
using stack::kNone;
using stack::Word;
using stack::WordKind;

ImU32 Alpha(ImU32 c, float a) {
  ImU32 alpha = ImU32(float((c >> IM_COL32_A_SHIFT) & 0xFF) * a);
  return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

void Hex(char* buf, std::size_t n, std::uint64_t v) {
  std::snprintf(buf, n, "0x%" PRIx64, v);
}

void Value(char* buf, std::size_t n, const Word& w) {
  switch (w.kind) {
    case WordKind::kUnset:
      std::snprintf(buf, n, "?");
      break;
    case WordKind::kInt:
      std::snprintf(buf, n, "%" PRId64, std::int64_t(w.bits));
      break;
    case WordKind::kPtr:
      if (w.bits == 0) {
        std::snprintf(buf, n, "nil");
      } else {
        Hex(buf, n, w.bits);
      }
      break;
    case WordKind::kRetPC:
      std::snprintf(buf, n, "ret %" PRIx64, w.bits);
      break;
    case WordKind::kSavedBP:
      std::snprintf(buf, n, "BP %" PRIx64, w.bits);
      break;
    case WordKind::kFuncPC:
      std::snprintf(buf, n, "code %" PRIx64, w.bits);
      break;
  }
}

const char* T(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
}

}  // namespace

// [SECTION] state cache
void StackView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const stack::StackRun>(run);
  m_state_step = SIZE_MAX;
  m_sb.run = nullptr;  // a recorded op re-runs the scenario: what can be done next changes
}

const stack::State& StackView::StateAt(std::size_t step) {
  if (step != m_state_step) {
    m_state = m_run->GetTimeline().StateAt(step);
    m_state_step = step;
  }
  return m_state;
}

void StackView::Draw(const ViewContext& ctx) {
  if (!m_run) return;
  const Theme& th = ctx.theme;
  const float font = 15.0f * ctx.scale;
  ImDrawList* dl = ctx.dl;
  dl->AddRectFilled(ctx.origin, ImVec2(ctx.origin.x + ctx.size.x, ctx.origin.y + ctx.size.y),
                    th.canvas_bg);
  const stack::State& s = StateAt(ctx.step);
  const float pad = 10.0f * ctx.scale;
  // In the sandbox the bottom of the canvas holds the record panel and, under it, the app's
  // sandbox bar (Undo, Save as) 2.9 frame heights above the bottom edge.
  const float fh = ImGui::GetFrameHeight();
  const float sb_h = ctx.sandbox ? (fh + 8.0f * ctx.scale) * 3.0f + pad * 1.5f + fh * 3.0f : 0.0f;
  const float body_h = ctx.size.y - sb_h;
  const bool has_source = !m_run->Prog().source.empty();
  const float src_w = has_source ? std::min(ctx.size.x * 0.26f, 400.0f * ctx.scale) : 0.0f;
  DrawSource(ctx, ctx.origin, ImVec2(src_w, body_h));

  // Growth in progress: the old stack is drawn (dimmed) to the left of the new one.
  const bool growing = s.old_stack.hi != 0;
  const float col_x = ctx.origin.x + src_w + pad;
  const float avail = ctx.size.x - src_w - pad * 2;
  const float col_w = std::min(340.0f * ctx.scale, avail * (growing ? 0.34f : 0.44f));
  const float msg_h = font * 1.3f * 4.0f;
  // (The column's caption, "stack 2048 B [lo, hi)", goes under it: keep it off the messages.)
  const float col_h = body_h - pad * 2 - msg_h - font * 1.1f;
  Column old_col;
  float x = col_x;
  if (growing) {
    old_col = PlaceColumn(s.old_stack, s.old_stack.hi - (s.stack.hi - s.sp),
                          ImVec2(x, ctx.origin.y + pad), ImVec2(col_w * 0.85f, col_h), font);
    DrawStack(ctx, s, s.old_stack, old_col, true, font);
    x += col_w * 0.85f + avail * 0.05f;
  }
  Column col =
      PlaceColumn(s.stack, s.sp, ImVec2(x, ctx.origin.y + pad), ImVec2(col_w, col_h), font);
  if (growing) {
    // The copied range, old → new (copystack keeps each word's distance from hi).
    float y0 = 0, y1 = 0, z0 = 0, z1 = 0;
    std::uint64_t used_lo_old = s.old_stack.hi - (s.stack.hi - s.sp);
    if (RowOf(old_col, s.old_stack.hi - 8, &y0) && RowOf(col, s.stack.hi - 8, &z0)) {
      RowOf(old_col, std::max(used_lo_old, old_col.bottom), &y1);
      RowOf(col, std::max(s.sp, col.bottom), &z1);
      ImVec2 poly[4] = {ImVec2(old_col.max.x, y0), ImVec2(col.min.x - 46 * ctx.scale, z0),
                        ImVec2(col.min.x - 46 * ctx.scale, z1 + col.row),
                        ImVec2(old_col.max.x, y1 + old_col.row)};
      dl->AddConvexPolyFilled(poly, 4, Alpha(th.accent, 0.12f));
    }
  }
  DrawStack(ctx, s, s.stack, col, false, font);
  DrawFrames(ctx, s, col, font);
  const float heap_x = col.max.x + std::min(170.0f * ctx.scale, avail * 0.2f);
  DrawHeap(ctx, s, col, ImVec2(heap_x, ctx.origin.y + pad),
           ImVec2(ctx.origin.x + ctx.size.x - heap_x - pad, col_h), font);
  DrawMessages(ctx, ImVec2(col_x, ctx.origin.y + body_h - msg_h),
               ctx.origin.x + ctx.size.x - col_x - pad, font);
  if (ctx.sandbox) {
    DrawSandbox(ctx, ImVec2(ctx.origin.x, ctx.origin.y + body_h), ImVec2(ctx.size.x, sb_h),
                ctx.origin.y + ctx.size.y - fh * 1.6f);
  } else {
    std::fill(std::begin(m_sb.button_live), std::end(m_sb.button_live), false);
  }
}

// [SECTION] source panel
void StackView::DrawSource(const ViewContext& ctx, ImVec2 o, ImVec2 size) {
  const auto& src = m_run->Prog().source;
  if (src.empty() || size.x <= 0) return;
  const Theme& th = ctx.theme;
  ImDrawList* dl = ctx.dl;
  dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), th.panel_bg);
  dl->AddLine(ImVec2(o.x + size.x, o.y), ImVec2(o.x + size.x, o.y + size.y), th.panel_border, 1.0f);
  const int line = m_run->SourceLine(ctx.step);
  float fs = 15.0f * ctx.scale;
  float lh = fs * 1.25f;
  // A step whose op names no source line (a recorded op) says so under the source, which still
  // shows the program as it was written.
  const bool unsourced = m_run->LacksSourceLine(ctx.step);
  const float note_h = unsourced ? ImGui::GetFontSize() * 5.4f : 0.0f;
  const float avail = size.y - 12.0f * ctx.scale - note_h;
  if (unsourced) {
    const float pad = 8.0f * ctx.scale;
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.85f,
                ImVec2(o.x + pad, o.y + size.y - note_h + pad), th.text_dim,
                Tr(Str::kStackNoSourceLine, ctx.lang), nullptr, size.x - 2 * pad);
  }
  if (lh * float(src.size()) > avail) {
    lh = std::max(9.0f, avail / float(src.size()));
    fs = lh / 1.25f;
  }
  ImFont* f = ImGui::GetFont();
  char num[24];
  for (std::size_t i = 0; i < src.size(); ++i) {
    float y = o.y + 6.0f * ctx.scale + lh * float(i);
    if (int(i) + 1 == line) {
      dl->AddRectFilled(ImVec2(o.x, y), ImVec2(o.x + size.x, y + lh), Alpha(th.accent, 0.30f));
      dl->AddRectFilled(ImVec2(o.x, y), ImVec2(o.x + 4.0f * ctx.scale, y + lh), th.accent);
    }
    std::snprintf(num, sizeof num, "%2zu", i + 1);
    dl->AddText(f, fs, ImVec2(o.x + 8.0f * ctx.scale, y), th.text_dim, num);
    dl->PushClipRect(o, ImVec2(o.x + size.x - 2, o.y + size.y), true);
    // Tabs as two spaces, without building a string: draw the leading tabs as an indent.
    const std::string& text = src[i];
    std::size_t tabs = 0;
    while (tabs < text.size() && text[tabs] == '\t') ++tabs;
    dl->AddText(f, fs, ImVec2(o.x + 8.0f * ctx.scale + fs * (1.6f + 1.2f * float(tabs)), y),
                int(i) + 1 == line ? th.text : th.text_dim, text.c_str() + tabs);
    dl->PopClipRect();
  }
}

// [SECTION] memory column
StackView::Column StackView::PlaceColumn(const stack::Stack& st, std::uint64_t sp, ImVec2 o,
                                         ImVec2 size, float font) const {
  Column c;
  float row = std::clamp(font * 1.35f, 10.0f, 30.0f);
  std::uint64_t rows = std::max<std::uint64_t>(4, std::uint64_t(size.y / row));
  // Show hi down to a few words below SP (the stale bytes just under it); when that does not
  // fit, keep the bottom of the used part in view.
  std::uint64_t below = 6;
  std::uint64_t written_lo = st.hi - 8 * std::uint64_t(st.words.size());
  std::uint64_t want_bottom =
      std::max(st.lo, std::min(sp, written_lo) - std::min<std::uint64_t>(below * 8, sp - st.lo));
  std::uint64_t need = (st.hi - want_bottom) / 8;
  if (need < rows) {
    row = std::min(30.0f, size.y / float(std::max<std::uint64_t>(need, 8)));
    rows = std::max<std::uint64_t>(need, 1);
  }
  c.bottom = want_bottom;
  c.top = std::min(st.hi, c.bottom + rows * 8);
  c.row = row;
  const float addr_w = font * 6.2f;
  c.min = ImVec2(o.x + addr_w, o.y);
  c.max = ImVec2(o.x + size.x, o.y + row * float((c.top - c.bottom) / 8));
  return c;
}

bool StackView::RowOf(const Column& c, std::uint64_t addr, float* y) const {
  if (addr < c.bottom || addr >= c.top) return false;
  *y = c.min.y + c.row * float((c.top - 8 - addr) / 8);
  return true;
}

void StackView::DrawStack(const ViewContext& ctx, const stack::State& s, const stack::Stack& st,
                          const Column& c, bool old_copy, float font) {
  const Theme& th = ctx.theme;
  const stack::Program& p = m_run->Prog();
  ImDrawList* dl = ctx.dl;
  ImFont* f = ImGui::GetFont();
  const float fs = std::min(font, c.row * 0.78f);
  auto events = m_run->GetTimeline().Events(ctx.step);
  char addr[32], val[48];
  // Which words belong to a live frame and are declared (everything else is stale or unused).
  std::vector<std::uint8_t> live =
      old_copy ? std::vector<std::uint8_t>() : stack::LiveWords(p, s, st);
  for (std::uint64_t a = c.top; a > c.bottom; a -= 8) {
    std::uint64_t w_addr = a - 8;
    float y = 0;
    if (!RowOf(c, w_addr, &y)) continue;
    std::size_t idx = std::size_t((st.hi - w_addr) / 8) - 1;
    Word w = idx < st.words.size() ? st.words[idx] : Word{};
    ImVec2 b0(c.min.x, y + 1), b1(c.max.x, y + c.row - 1);
    bool written = w.kind != WordKind::kUnset;
    bool below_sp = !old_copy && w_addr < s.sp;
    bool is_live = !old_copy && idx < live.size() && live[idx];
    bool stale = written && (below_sp || (!is_live && !old_copy));
    ImU32 fill = th.panel_bg;
    if (w.kind == WordKind::kRetPC) fill = Alpha(th.warn, 0.25f);
    if (w.kind == WordKind::kSavedBP) fill = Alpha(th.grid, 0.6f);
    float a_mul = old_copy ? 0.55f : 1.0f;
    if (!written) {
      dl->AddRect(b0, b1, Alpha(th.grid, 0.7f * a_mul), 0, 0, 1.0f);
    } else {
      dl->AddRectFilled(b0, b1, Alpha(fill, stale ? 0.35f : a_mul));
      if (stale) HatchRect(dl, b0, b1, Alpha(th.text_dim, 0.35f), 7.0f * ctx.scale, 1.0f);
      dl->AddRect(b0, b1, Alpha(th.panel_border, stale ? 0.5f : a_mul), 0, 0, 1.0f);
    }
    Hex(addr, sizeof addr, w_addr);
    dl->AddText(f, fs * 0.8f, ImVec2(c.min.x - font * 6.0f, y + (c.row - fs * 0.8f) * 0.5f),
                Alpha(th.text_dim, a_mul), addr);
    if (written && c.row >= 11.0f) {
      const char* label = w.label >= 0 ? p.labels[std::size_t(w.label)].c_str() : "";
      Value(val, sizeof val, w);
      ImU32 tc = Alpha(stale ? th.text_dim : th.text, stale ? 0.75f : a_mul);
      // The value stays readable; the label gets what is left of the box.
      float vw = f->CalcTextSizeA(fs, 1e9f, 0.0f, val).x;
      dl->PushClipRect(b0, b1, true);
      dl->AddText(f, fs, ImVec2(b1.x - vw - 5, y + (c.row - fs) * 0.5f), tc, val);
      dl->PopClipRect();
      dl->PushClipRect(b0, ImVec2(std::max(b0.x, b1.x - vw - 10), b1.y), true);
      if (old_copy) {
        // The old copy shows values only: the labels are the same as in the new stack.
      } else if (w.sub > 0) {
        char lab[96];
        std::snprintf(lab, sizeof lab, "%s[%u]", label, unsigned(w.sub));
        dl->AddText(f, fs, ImVec2(b0.x + 5, y + (c.row - fs) * 0.5f), tc, lab);
      } else {
        dl->AddText(f, fs, ImVec2(b0.x + 5, y + (c.row - fs) * 0.5f), tc, label);
      }
      dl->PopClipRect();
    }
    if (old_copy) continue;
    // This step's writes: a flash; a declaration over stale bytes animates the old value
    // fading out while the zero (or initial value) fades in.
    for (const Event& e : events) {
      bool hit = false, zeroing = false;
      switch (e.kind) {
        case EventKind::kZero:
        case EventKind::kInit:
          hit = w_addr >= e.addr &&
                w_addr < e.addr + 8 * std::uint64_t(std::max<std::int64_t>(e.n, 1));
          zeroing = e.flag;
          break;
        case EventKind::kAssign:
        case EventKind::kStore:
        case EventKind::kSpill:
        case EventKind::kAdjust:
        case EventKind::kMovedToHeap:
          hit = w_addr == e.addr;
          break;
        default:
          break;
      }
      if (!hit) continue;
      float t = std::clamp(ctx.t, 0.0f, 1.0f);
      dl->AddRect(ImVec2(b0.x - 2, b0.y - 1), ImVec2(b1.x + 2, b1.y + 1),
                  e.kind == EventKind::kAdjust ? th.accent : Alpha(th.ok, 1.0f - 0.6f * t), 0, 0,
                  2.5f * ctx.scale);
      if (zeroing && t < 1.0f && w_addr == e.addr) {
        Word old{e.old_bits, e.old_label, 0, e.old_kind};
        Value(val, sizeof val, old);
        dl->AddRectFilled(b0, ImVec2(b0.x + (b1.x - b0.x) * (1.0f - t), b1.y),
                          Alpha(th.danger, 0.25f * (1.0f - t)));
        dl->AddText(f, fs, ImVec2(b1.x + 6, y + (c.row - fs) * 0.5f - fs * t),
                    Alpha(th.danger, 1.0f - t), val);
      }
      if (e.kind == EventKind::kAdjust) {
        Hex(val, sizeof val, e.old_bits);
        dl->AddText(f, fs * 0.85f, ImVec2(b1.x + 6, y + (c.row - fs) * 0.5f), th.accent, val);
      }
    }
  }
  // SP and stackguard0 markers.
  float y = 0;
  if (!old_copy && RowOf(c, s.sp, &y)) {
    dl->AddLine(ImVec2(c.min.x - 4, y + c.row), ImVec2(c.max.x + 4, y + c.row), th.accent,
                2.0f * ctx.scale);
  }
  if (!old_copy && RowOf(c, s.sp, &y)) {
    dl->AddText(f, font, ImVec2(c.min.x - font * 2.0f, y + c.row - font * 0.5f), th.accent, "SP");
  }
  std::uint64_t guard = st.lo + std::uint64_t(p.config.stack_guard);
  if (RowOf(c, guard, &y)) {
    DashedLine(dl, ImVec2(c.min.x, y + c.row), ImVec2(c.max.x, y + c.row), th.danger, 1.5f, 6, 4);
    dl->AddText(f, fs * 0.85f, ImVec2(c.min.x + 4, y + c.row + 1), th.danger, "stackguard0");
  }
  char head[96];
  if (old_copy) {
    std::snprintf(head, sizeof head, "%s %" PRIu64 " B", T(ctx.lang, "old", "旧栈"), st.Size());
  } else {
    std::snprintf(head, sizeof head, "%s %" PRIu64 " B  [%" PRIx64 ", %" PRIx64 ")",
                  T(ctx.lang, "stack", "栈"), st.Size(), st.lo, st.hi);
  }
  dl->AddText(f, font * 0.9f, ImVec2(c.min.x - font * 6.0f, c.max.y + 4),
              old_copy ? th.text_dim : th.text, head);
  if (c.top < st.hi) {
    dl->AddText(f, fs, ImVec2(c.min.x + 4, c.min.y - fs - 2), th.text_dim, "...");
  }
}

// [SECTION] frames
void StackView::DrawFrames(const ViewContext& ctx, const stack::State& s, const Column& c,
                           float font) {
  const Theme& th = ctx.theme;
  const stack::Program& p = m_run->Prog();
  ImDrawList* dl = ctx.dl;
  ImFont* f = ImGui::GetFont();
  char buf[96];
  for (std::size_t i = 0; i < s.frames.size(); ++i) {
    const stack::Frame& fr = s.frames[i];
    std::uint64_t hi = fr.entry_sp + 8, lo = fr.sp;
    float y_top = 0, y_bot = 0;
    bool top_in = RowOf(c, hi - 8, &y_top), bot_in = RowOf(c, lo, &y_bot);
    if (!top_in && !bot_in && !(hi > c.top && lo < c.bottom)) continue;
    if (!top_in) y_top = c.min.y;
    if (!bot_in) y_bot = c.max.y - c.row;
    y_bot += c.row;
    float x = c.max.x + 8.0f * ctx.scale + float(i % 2) * 4.0f * ctx.scale;
    ImU32 col = i + 1 == s.frames.size() ? th.accent : th.edge;
    dl->AddLine(ImVec2(x, y_top + 2), ImVec2(x + 8, y_top + 2), col, 2.0f);
    dl->AddLine(ImVec2(x + 8, y_top + 2), ImVec2(x + 8, y_bot - 2), col, 2.0f);
    dl->AddLine(ImVec2(x, y_bot - 2), ImVec2(x + 8, y_bot - 2), col, 2.0f);
    std::snprintf(buf, sizeof buf, "%s  %" PRId64 "+8 B", p.F(fr.func).name.c_str(),
                  p.F(fr.func).frame_size);
    float ly = std::max(y_top, std::min((y_top + y_bot) * 0.5f - font * 0.5f, y_bot - font));
    dl->AddText(f, font, ImVec2(x + 14, ly), col, buf);
  }
  // Pointers into the stack: a curve from the slot to the word it points at.
  for (std::uint64_t a = c.top; a > c.bottom; a -= 8) {
    std::uint64_t w_addr = a - 8;
    const Word* w = stack::ReadWord(s, w_addr);
    if (!w || w->kind != WordKind::kPtr || w_addr < s.sp || !s.stack.Contains(w->bits)) continue;
    float y0 = 0, y1 = 0;
    if (!RowOf(c, w_addr, &y0) || !RowOf(c, w->bits, &y1)) continue;
    ImVec2 p0(c.min.x, y0 + c.row * 0.5f), p1(c.min.x, y1 + c.row * 0.5f);
    float bend = 30.0f * ctx.scale + std::abs(y1 - y0) * 0.15f;
    dl->AddBezierCubic(p0, ImVec2(p0.x - bend, p0.y), ImVec2(p1.x - bend, p1.y),
                       ImVec2(p1.x - 6, p1.y), th.edge, 1.5f);
    dl->AddTriangleFilled(ImVec2(p1.x, p1.y), ImVec2(p1.x - 7, p1.y - 4),
                          ImVec2(p1.x - 7, p1.y + 4), th.edge);
  }
}

// [SECTION] heap
void StackView::DrawHeap(const ViewContext& ctx, const stack::State& s, const Column& c, ImVec2 o,
                         ImVec2 size, float font) {
  const Theme& th = ctx.theme;
  const stack::Program& p = m_run->Prog();
  ImDrawList* dl = ctx.dl;
  ImFont* f = ImGui::GetFont();
  dl->AddText(f, font, o, th.text_dim, T(ctx.lang, "heap", "堆"));
  if (size.x < 80) return;
  auto events = m_run->GetTimeline().Events(ctx.step);
  char buf[160], val[48];
  float y = o.y + font * 1.4f;
  const float line = font * 1.25f;
  m_heap_y.assign(s.heap.size(), -1.0f);
  // Newest objects first would hide the story; keep allocation order and fold what does not fit.
  std::size_t shown = 0;
  for (std::size_t i = 0; i < s.heap.size(); ++i) {
    const stack::HeapObj& h = s.heap[i];
    const stack::Site& site = p.sites[std::size_t(h.site)];
    std::size_t words = std::min<std::size_t>(h.words.size(), 4);
    float box_h = line * (1.0f + float(words)) + line * 1.1f + 6;
    if (y + box_h > o.y + size.y) {
      std::snprintf(buf, sizeof buf, T(ctx.lang, "... %zu more objects", "……还有 %zu 个对象"),
                    s.heap.size() - i);
      dl->AddText(f, font, ImVec2(o.x, y), th.text_dim, buf);
      break;
    }
    bool fresh = false;
    for (const Event& e : events) {
      if ((e.kind == EventKind::kHeapAlloc || e.kind == EventKind::kMovedToHeap ||
           e.kind == EventKind::kBox) &&
          (e.addr == h.addr || e.addr2 == h.addr)) {
        fresh = true;
      }
    }
    ImVec2 b0(o.x, y), b1(o.x + std::min(size.x, 360.0f * ctx.scale), y + box_h - 6);
    dl->AddRectFilled(b0, b1, th.panel_bg, 4.0f);
    dl->AddRect(b0, b1, fresh ? th.accent : th.panel_border, 4.0f, 0, fresh ? 2.5f : 1.0f);
    Hex(val, sizeof val, h.addr);
    std::snprintf(buf, sizeof buf, "%s  %s  %" PRId64 " B",
                  p.labels[std::size_t(site.label)].c_str(), val, h.size);
    dl->AddText(f, font, ImVec2(b0.x + 6, y + 2), th.text, buf);
    for (std::size_t k = 0; k < words; ++k) {
      Value(val, sizeof val, h.words[k]);
      std::snprintf(buf, sizeof buf, "+%zu  %s", k * 8, val);
      dl->AddText(f, font * 0.9f, ImVec2(b0.x + 14, y + 2 + line * float(k + 1)), th.text_dim, buf);
    }
    // The escape reason in -m words, or what the runtime did instead.
    const char* why = !site.message.empty()
                          ? site.message.c_str()
                          : T(ctx.lang, "makechan: always heap", "makechan：总在堆上");
    dl->AddText(f, font * 0.9f, ImVec2(b0.x + 6, y + 2 + line * float(words + 1)), th.warn, why);
    m_heap_y[i] = y + line * 0.5f;
    y += box_h;
    ++shown;
  }
  (void)shown;
  // Arrows from live stack slots (and globals) to the objects they point at.
  for (std::uint64_t a = c.top; a > c.bottom; a -= 8) {
    std::uint64_t w_addr = a - 8;
    const Word* w = stack::ReadWord(s, w_addr);
    if (!w || w->kind != WordKind::kPtr || w->bits == 0 || w_addr < s.sp) continue;
    std::int32_t h = stack::HeapObjectAt(s, w->bits);
    if (h == kNone || m_heap_y[std::size_t(h)] < 0) continue;
    float y0 = 0;
    if (!RowOf(c, w_addr, &y0)) continue;
    Arrow(dl, ImVec2(c.max.x, y0 + c.row * 0.5f), ImVec2(o.x - 2, m_heap_y[std::size_t(h)]),
          Alpha(th.edge, 0.8f), 1.5f * ctx.scale, 8.0f * ctx.scale);
  }
  // Globals, under the heap column's title.
  float gy = o.y;
  for (std::size_t g = 0; g < s.globals.size(); ++g) {
    Value(val, sizeof val, s.globals[g]);
    std::snprintf(buf, sizeof buf, "%s = %s", p.globals[g].name.c_str(), val);
    float w = f->CalcTextSizeA(font, 1e9f, 0.0f, buf).x;
    dl->AddText(f, font, ImVec2(o.x + size.x - w, gy), th.text, buf);
    gy += line;
  }
}

// [SECTION] messages
void StackView::DrawMessages(const ViewContext& ctx, ImVec2 o, float width, float font) {
  const Theme& th = ctx.theme;
  const stack::Program& p = m_run->Prog();
  ImDrawList* dl = ctx.dl;
  ImFont* f = ImGui::GetFont();
  dl->AddLine(o, ImVec2(o.x + width, o.y), th.panel_border, 1.0f);
  dl->AddText(f, font * 0.9f, ImVec2(o.x, o.y + 3), th.text_dim, "go build -gcflags=-m");
  const int line = m_run->SourceLine(ctx.step);
  float x = o.x, y = o.y + font * 1.3f;
  char buf[160];
  for (const stack::Site& s : p.sites) {
    if (s.message.empty()) continue;
    // An op recorded in the sandbox has no source line: its sites print without one.
    if (s.line > 0) {
      std::snprintf(buf, sizeof buf, "%d: %s", s.line, s.message.c_str());
    } else {
      std::snprintf(buf, sizeof buf, "%s", s.message.c_str());
    }
    float w = f->CalcTextSizeA(font * 0.9f, 1e9f, 0.0f, buf).x + font;
    if (x + w > o.x + width) {
      x = o.x;
      y += font * 1.2f;
    }
    bool now = s.line == line && line > 0;
    dl->AddText(f, font * 0.9f, ImVec2(x, y), now ? th.accent : (s.escapes ? th.warn : th.ok), buf);
    x += w;
  }
  for (const stack::ParamTag& t : p.tags) {
    const int var_line = p.F(t.func).vars[std::size_t(t.var)].line;
    if (var_line > 0) {
      std::snprintf(buf, sizeof buf, "%d: %s", var_line, t.message.c_str());
    } else {
      std::snprintf(buf, sizeof buf, "%s", t.message.c_str());
    }
    float w = f->CalcTextSizeA(font * 0.9f, 1e9f, 0.0f, buf).x + font;
    if (x + w > o.x + width) {
      x = o.x;
      y += font * 1.2f;
    }
    dl->AddText(f, font * 0.9f, ImVec2(x, y), th.text_dim, buf);
    x += w;
  }
}

// [SECTION] sandbox
namespace {

// "a", or "counter.func1 via next" for a call through a func value.
void CallLabel(char* buf, std::size_t n, const stack::CallChoice& c) {
  if (c.via.empty()) {
    std::snprintf(buf, n, "%s", c.func.c_str());
  } else {
    std::snprintf(buf, n, "%s via %s", c.func.c_str(), c.via.c_str());
  }
}

void CopyText(char* dst, std::size_t n, const std::string& text) {
  std::snprintf(dst, n, "%s", text.c_str());
}

constexpr ImGuiInputTextFlags kEnter = ImGuiInputTextFlags_EnterReturnsTrue;

bool HoveredEvenDisabled() {
  return ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
}

}  // namespace

bool StackView::SandboxButton(SandboxAction a, ImVec2* center) const {
  const int i = int(a);
  if (!m_sb.button_live[i]) return false;
  *center = Lerp(m_sb.button_min[i], m_sb.button_max[i], 0.5f);
  return true;
}

void StackView::UpdateSandbox(std::size_t step) {
  // An op under way finishes first (App::RecordOp appends after the op this step belongs
  // to): the new op starts from the state after that op's last step.
  std::size_t from = step;
  if (step > 0) {
    const int op = m_run->OpIndex(step);
    while (from + 1 < m_run->StepCount() && m_run->OpIndex(from + 1) == op) ++from;
  }
  if (m_sb.run == m_run.get() && m_sb.from_step == from) return;
  const stack::Program& p = m_run->Prog();
  std::string keep_func, keep_via;
  if (m_sb.run == m_run.get() && m_sb.callee < m_sb.actions.calls.size()) {
    keep_func = m_sb.actions.calls[m_sb.callee].func;
    keep_via = m_sb.actions.calls[m_sb.callee].via;
  }
  m_sb.run = m_run.get();
  m_sb.from_step = from;
  m_sb.state = m_run->GetTimeline().StateAt(from);
  m_sb.actions = stack::AvailableActions(p, m_sb.state);
  const auto& calls = m_sb.actions.calls;
  std::size_t pick = calls.size();
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (calls[i].func == keep_func && calls[i].via == keep_via &&
        calls[i].callee != m_sb.actions.func) {
      pick = i;
    }
  }
  if (pick == calls.size()) {
    // A first guess worth showing: another function, else the running one again (recursion),
    // and the entry function last.
    auto rank = [&](const stack::CallChoice& c) {
      if (c.println) return 3;
      if (c.callee == p.entry && m_sb.actions.func != stack::kNone) return 2;
      return c.callee == m_sb.actions.func ? 1 : 0;
    };
    pick = 0;
    for (std::size_t i = 1; i < calls.size(); ++i) {
      if (rank(calls[i]) < rank(calls[pick])) pick = i;
    }
  }
  SelectCallee(pick);
  m_sb.local = 0;
  m_sb.decl_value[0] = '\0';
  m_sb.ret_value[0] = '\0';
  if (m_sb.actions.func != stack::kNone && p.F(m_sb.actions.func).has_result) {
    CopyText(m_sb.ret_value, sizeof m_sb.ret_value,
             stack::DefaultValueText(p, m_sb.state, p.F(m_sb.actions.func).result));
  }
}

void StackView::SelectCallee(std::size_t i) {
  const stack::Program& p = m_run->Prog();
  m_sb.callee = i;
  m_sb.into.clear();
  m_sb.into_sel = -1;
  for (auto& a : m_sb.args) a[0] = '\0';
  m_sb.println_args[0] = '\0';
  if (i >= m_sb.actions.calls.size()) return;
  const stack::CallChoice& c = m_sb.actions.calls[i];
  m_sb.into = stack::IntoChoices(p, m_sb.state, c);
  // A local not declared yet is the natural home for the result (x := f()).
  if (m_sb.actions.func != stack::kNone) {
    const stack::Func& fn = p.F(m_sb.actions.func);
    for (std::size_t k = 0; k < m_sb.into.size() && m_sb.into_sel < 0; ++k) {
      for (std::int32_t v : m_sb.actions.undeclared) {
        if (fn.vars[std::size_t(v)].name == m_sb.into[k]) m_sb.into_sel = int(k);
      }
    }
  }
  if (c.println) {
    // fmt.Println takes variables: start from the first one the running function has.
    if (m_sb.actions.func == stack::kNone) return;
    const stack::Func& fn = p.F(m_sb.actions.func);
    const stack::Frame& fr = m_sb.state.frames.back();
    for (std::size_t v = 0; v < fn.vars.size(); ++v) {
      if (v < fr.declared.size() && fr.declared[v]) {
        CopyText(m_sb.println_args, sizeof m_sb.println_args, fn.vars[v].name);
        break;
      }
    }
    return;
  }
  const stack::Func& callee = p.F(c.callee);
  for (std::int32_t k = 0; k < callee.nparams && k < stack::limits::kMaxArgs; ++k) {
    CopyText(m_sb.args[k], sizeof m_sb.args[k],
             stack::DefaultValueText(p, m_sb.state, callee.vars[std::size_t(k)].type));
  }
}

void StackView::DrawSandbox(const ViewContext& ctx, ImVec2 o, ImVec2 size, float note_y) {
  UpdateSandbox(ctx.step);
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float s = ctx.scale;
  const stack::Program& p = m_run->Prog();
  ImDrawList* dl = ctx.dl;
  std::fill(std::begin(m_sb.button_live), std::end(m_sb.button_live), false);
  // One card around the record rows and the app's Undo / Save-as bar below them.
  const ImVec2 a(o.x + 4 * s, o.y + 2 * s), b(o.x + size.x - 4 * s, o.y + size.y - 4 * s);
  dl->AddRectFilled(a, b, th.panel_bg, 6 * s);
  dl->AddRect(a, b, WithAlpha(th.warn, 0.9f), 6 * s, 0, 2 * s);
  const float x = o.x + 12 * s, width = size.x - 24 * s;
  const float row = ImGui::GetFrameHeight() + 8 * s;
  float y = o.y + 10 * s;
  const ImGuiStyle& style = ImGui::GetStyle();
  float bw = 0;
  for (Str v : {Str::kStackCall, Str::kStackDeclare, Str::kStackReturn}) {
    bw = std::max(bw, ImGui::CalcTextSize(Tr(v, l)).x);
  }
  bw += style.FramePadding.x * 2 + ImGui::GetFontSize();
  const stack::Actions& act = m_sb.actions;
  char buf[192];
  switch (act.where) {
    case stack::Where::kFinished:
    case stack::Where::kCrashed:
      ImGui::SetCursorScreenPos(ImVec2(x, y));
      ImGui::PushTextWrapPos(x + width);
      ImGui::TextColored(
          ImGui::ColorConvertU32ToFloat4(th.warn), "%s",
          Tr(act.where == stack::Where::kCrashed ? Str::kStackCrashed : Str::kStackFinished, l));
      ImGui::PopTextWrapPos();
      return;
    case stack::Where::kNotStarted:
      DrawCallRow(ctx, x, y, width, bw);
      ImGui::SetCursorScreenPos(ImVec2(x, y + row));
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%s", Tr(Str::kStackNotStarted, l));
      return;
    case stack::Where::kRunning:
      break;
  }
  DrawCallRow(ctx, x, y, width, bw);
  DrawDeclareRow(ctx, x, y + row, width, bw);
  DrawReturnRow(ctx, x, y + row * 2, width, bw);
  // Under the app's bar: where the op goes, in words.
  const int n = std::snprintf(buf, sizeof buf, Tr(Str::kStackRecordsIn, l),
                              p.F(act.func).name.c_str(), m_sb.from_step);
  if (m_sb.from_step != ctx.step && n > 0 && std::size_t(n) < sizeof buf) {
    std::snprintf(buf + n, sizeof buf - std::size_t(n), "  ");
    std::snprintf(buf + n + 2, sizeof buf - std::size_t(n) - 2, Tr(Str::kStackUnderWay, l),
                  m_sb.from_step);
  }
  dl->AddText(ImVec2(x, note_y), th.text_dim, buf);
}

void StackView::DrawCallRow(const ViewContext& ctx, float x, float y, float width, float button_w) {
  const Lang l = ctx.lang;
  const stack::Program& p = m_run->Prog();
  const auto& calls = m_sb.actions.calls;
  const float font = ImGui::GetFontSize();
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  const bool can = m_sb.callee < calls.size();
  ImGui::BeginDisabled(!can);
  // Enter in one of the row's fields records too.
  bool pressed = ImGui::Button(Tr(Str::kStackCall, l), ImVec2(button_w, 0));
  ImGui::EndDisabled();
  m_sb.button_min[0] = ImGui::GetItemRectMin();
  m_sb.button_max[0] = ImGui::GetItemRectMax();
  m_sb.button_live[0] = can;
  if (!can) return;
  char label[160];
  CallLabel(label, sizeof label, calls[m_sb.callee]);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(font * 8.0f, width * 0.3f));
  if (ImGui::BeginCombo("##sb_callee", label)) {
    for (std::size_t i = 0; i < calls.size(); ++i) {
      CallLabel(label, sizeof label, calls[i]);
      if (ImGui::Selectable(label, i == m_sb.callee) && i != m_sb.callee) SelectCallee(i);
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetNextWindowSize(ImVec2(font * 24.0f, 0));
    ImGui::BeginTooltip();
    ImGui::TextWrapped("%s", Tr(Str::kStackCallHint, l));
    ImGui::EndTooltip();
  }
  const stack::CallChoice& c = calls[m_sb.callee];
  const float gap = 3.0f * ctx.scale;
  ImGui::SameLine(0, gap);
  ImGui::TextUnformatted("(");
  if (c.println) {
    ImGui::SameLine(0, gap);
    ImGui::SetNextItemWidth(font * 7.0f);
    pressed |= ImGui::InputTextWithHint("##sb_println", Tr(Str::kStackPrintlnArgs, l),
                                        m_sb.println_args, sizeof m_sb.println_args, kEnter);
  } else {
    const stack::Func& callee = p.F(c.callee);
    const std::int32_t n = std::min<std::int32_t>(callee.nparams, stack::limits::kMaxArgs);
    const float arg_w = std::clamp(width * 0.3f / float(std::max(n, 1)), font * 2.5f, font * 5.0f);
    for (std::int32_t k = 0; k < n; ++k) {
      const stack::Var& v = callee.vars[std::size_t(k)];
      if (k > 0) {
        ImGui::SameLine(0, gap);
        ImGui::TextUnformatted(",");
      }
      ImGui::SameLine(0, gap);
      ImGui::SetNextItemWidth(arg_w);
      ImGui::PushID(k);
      pressed |= ImGui::InputTextWithHint("##sb_arg", v.name.c_str(), m_sb.args[k],
                                          sizeof m_sb.args[k], kEnter);
      ImGui::PopID();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", v.name.c_str(), v.type.text.c_str());
    }
  }
  ImGui::SameLine(0, gap);
  ImGui::TextUnformatted(")");
  if (!m_sb.into.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", Tr(Str::kStackInto, l));
    ImGui::SameLine();
    const char* unused = Tr(Str::kStackResultUnused, l);
    const char* cur = m_sb.into_sel < 0 ? unused : m_sb.into[std::size_t(m_sb.into_sel)].c_str();
    ImGui::SetNextItemWidth(std::max(font * 4.5f, ImGui::CalcTextSize(cur).x + font * 2.0f));
    if (ImGui::BeginCombo("##sb_into", cur)) {
      if (ImGui::Selectable(unused, m_sb.into_sel < 0)) m_sb.into_sel = -1;
      for (std::size_t k = 0; k < m_sb.into.size(); ++k) {
        if (ImGui::Selectable(m_sb.into[k].c_str(), int(k) == m_sb.into_sel))
          m_sb.into_sel = int(k);
      }
      ImGui::EndCombo();
    }
  }
  if (!pressed) return;
  std::vector<Json> args;
  if (c.println) {
    const std::string_view text(m_sb.println_args);
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      Json v = stack::ValueFromText(text.substr(start, comma - start));
      if (!v.is_null()) args.push_back(std::move(v));
      start = comma + 1;
    }
  } else {
    const std::int32_t n = std::min<std::int32_t>(p.F(c.callee).nparams, stack::limits::kMaxArgs);
    for (std::int32_t k = 0; k < n; ++k) args.push_back(stack::ValueFromText(m_sb.args[k]));
  }
  const std::string into = m_sb.into_sel < 0 ? "" : m_sb.into[std::size_t(m_sb.into_sel)];
  ctx.requests.record_ops.push_back(stack::CallOp(c, args, into));
}

void StackView::DrawDeclareRow(const ViewContext& ctx, float x, float y, float width,
                               float button_w) {
  const Lang l = ctx.lang;
  const stack::Program& p = m_run->Prog();
  const stack::Func& fn = p.F(m_sb.actions.func);
  const auto& locals = m_sb.actions.undeclared;
  const float font = ImGui::GetFontSize();
  const bool can = !locals.empty();
  if (m_sb.local >= locals.size()) m_sb.local = 0;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  ImGui::BeginDisabled(!can);
  // Enter in one of the row's fields records too.
  bool pressed = ImGui::Button(Tr(Str::kStackDeclare, l), ImVec2(button_w, 0));
  m_sb.button_min[1] = ImGui::GetItemRectMin();
  m_sb.button_max[1] = ImGui::GetItemRectMax();
  m_sb.button_live[1] = can;
  char label[160];
  if (can) {
    const stack::Var& v = fn.vars[std::size_t(locals[m_sb.local])];
    std::snprintf(label, sizeof label, "%s %s", v.name.c_str(), v.type.text.c_str());
  } else {
    std::snprintf(label, sizeof label, "%s", Tr(Str::kStackAllDeclared, l));
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(font * 8.0f, width * 0.3f));
  if (ImGui::BeginCombo("##sb_local", label)) {
    for (std::size_t i = 0; i < locals.size(); ++i) {
      const stack::Var& v = fn.vars[std::size_t(locals[i])];
      std::snprintf(label, sizeof label, "%s %s", v.name.c_str(), v.type.text.c_str());
      if (ImGui::Selectable(label, i == m_sb.local)) m_sb.local = i;
    }
    ImGui::EndCombo();
  }
  if (HoveredEvenDisabled()) {
    ImGui::SetNextWindowSize(ImVec2(font * 24.0f, 0));
    ImGui::BeginTooltip();
    ImGui::TextWrapped("%s", Tr(Str::kStackDeclareHint, l));
    ImGui::EndTooltip();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("=");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(font * 6.0f);
  pressed |= ImGui::InputTextWithHint("##sb_decl", Tr(Str::kStackZeroValue, l), m_sb.decl_value,
                                      sizeof m_sb.decl_value, kEnter);
  ImGui::EndDisabled();
  if (!pressed || !can) return;
  const stack::Var& v = fn.vars[std::size_t(locals[m_sb.local])];
  ctx.requests.record_ops.push_back(
      stack::DeclareOp(v.name, stack::ValueFromText(m_sb.decl_value)));
}

void StackView::DrawReturnRow(const ViewContext& ctx, float x, float y, float width,
                              float button_w) {
  (void)width;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const stack::Func& fn = m_run->Prog().F(m_sb.actions.func);
  const float font = ImGui::GetFontSize();
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  // Enter in one of the row's fields records too.
  bool pressed = ImGui::Button(Tr(Str::kStackReturn, l), ImVec2(button_w, 0));
  m_sb.button_min[2] = ImGui::GetItemRectMin();
  m_sb.button_max[2] = ImGui::GetItemRectMax();
  m_sb.button_live[2] = true;
  if (m_sb.actions.bottom && HoveredEvenDisabled()) {
    ImGui::SetTooltip("%s", Tr(Str::kStackReturnEnds, l));
  }
  if (fn.has_result) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 6.0f);
    pressed |= ImGui::InputTextWithHint("##sb_ret", fn.result.text.c_str(), m_sb.ret_value,
                                        sizeof m_sb.ret_value, kEnter);
  }
  char buf[128];
  std::snprintf(buf, sizeof buf, Tr(Str::kStackReturnFrom, l), fn.name.c_str());
  ImGui::SameLine();
  ImGui::TextUnformatted(buf);
  if (m_sb.actions.bottom) {
    // Returning from the goroutine's first function lands in goexit: say so where it shows.
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.warn), "%s", "→ goexit");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(Str::kStackReturnEnds, l));
  }
  if (!pressed) return;
  ctx.requests.record_ops.push_back(
      stack::ReturnOp(fn.has_result ? stack::ValueFromText(m_sb.ret_value) : Json(nullptr)));
}

}  // namespace gs::app
