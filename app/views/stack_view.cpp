// [SECTION] index: helpers · state cache · layout · text placement · source panel ·
//                  memory column · old stack · frames · heap · messages
// (The sandbox's record panel is in stack_sandbox.cpp.)
#include "app/views/stack_view.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "app/imgui_compat.h"
#include "app/shell/strings.h"
#include "app/views/draw_util.h"
#include "engine/stack/model.h"

namespace gs::app {
namespace {

using stack::Event;
using stack::EventKind;
using stack::kNone;
using stack::Word;
using stack::WordKind;

ImU32 Alpha(ImU32 c, float a) {
  ImU32 alpha = ImU32(float((c >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(a, 0.0f, 1.0f));
  return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

void Hex(char* buf, std::size_t n, std::uint64_t v) {
  std::snprintf(buf, n, "0x%" PRIx64, v);
}

// An address in the lane beside the words: in full, or its last four hex digits when the
// panel is narrow (the column's title keeps the stack's range).
void Addr(char* buf, std::size_t n, std::uint64_t v, bool short_form) {
  if (short_form) {
    std::snprintf(buf, n, "\xE2\x80\xA6%04" PRIx64, v & 0xFFFF);
  } else {
    Hex(buf, n, v);
  }
}

// A word's value as the box shows it; `short_form` keeps only a pointer's last hex digits.
void Value(char* buf, std::size_t n, const Word& w, bool short_form = false) {
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
        Addr(buf, n, w.bits, short_form);
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

// The longest start of `text` that fits `max_w` at `size`, ending in "…" when cut (whole
// UTF-8 characters only). Empty when not even one character fits.
std::string Shorten(const Canvas& cv, float size, std::string_view text, float max_w) {
  if (cv.TextSize(size, text).x <= max_w) return std::string(text);
  const char* dots = "\xE2\x80\xA6";
  std::size_t best = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    std::string s(text.substr(0, i));
    s += dots;
    if (cv.TextSize(size, s).x > max_w) break;
    best = i;
  }
  if (best == 0) return std::string();
  std::string s(text.substr(0, best));
  s += dots;
  return s;
}

bool WordsDiffer(const stack::Stack& a, const stack::Stack& b, std::size_t idx) {
  const Word wa = idx < a.words.size() ? a.words[idx] : Word{};
  const Word wb = idx < b.words.size() ? b.words[idx] : Word{};
  return !(wa == wb);
}

}  // namespace

void FoldLabel(char* buf, std::size_t n, std::uint64_t bytes, Lang lang) {
  const bool kib = bytes >= 1024;
  std::uint64_t v = kib ? bytes / 1024 : bytes;
  // Thousands grouped with commas, as the runtime's sizes read in the narration.
  char digits[32], grouped[40];
  std::snprintf(digits, sizeof digits, "%" PRIu64, v);
  const std::size_t len = std::strlen(digits);
  std::size_t k = 0;
  for (std::size_t i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) grouped[k++] = ',';
    grouped[k++] = digits[i];
  }
  grouped[k] = '\0';
  std::snprintf(buf, n, "%s %s %s", grouped, kib ? "KiB" : "B",
                lang == Lang::kZh ? "\xE6\x9C\xAA\xE4\xBD\xBF\xE7\x94\xA8" : "unused");
}

// [SECTION] state cache
void StackView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const stack::StackRun>(run);
  m_state_step = SIZE_MAX;
  m_prev_step = SIZE_MAX;
  m_sb.run = nullptr;  // a recorded op re-runs the scenario: what can be done next changes
}

const stack::State& StackView::StateAt(std::size_t step) {
  if (step != m_state_step) {
    m_state = m_run->GetTimeline().StateAt(step);
    m_state_step = step;
  }
  return m_state;
}

const stack::State& StackView::PrevAt(std::size_t step) {
  if (step != m_prev_step) {
    m_prev = m_run->GetTimeline().StateAt(step);
    m_prev_step = step;
  }
  return m_prev;
}

// [SECTION] layout
void StackView::Draw(const ViewContext& ctx) {
  if (!m_run || !ctx.canvas) return;
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  cv.RectFilled(ctx.origin, ImVec2(ctx.origin.x + ctx.size.x, ctx.origin.y + ctx.size.y),
                th.canvas_bg, 0);
  const stack::State& s = StateAt(ctx.step);
  // What this step changed is measured against the state just before it.
  const stack::State* prev = ctx.step > 0 ? &PrevAt(ctx.step - 1) : nullptr;
  // In the sandbox the bottom of the canvas holds the record panel and, under it, the app's
  // sandbox bar (Undo, Save as) 2.9 frame heights above the bottom edge.
  const bool widgets = ctx.sandbox && !ctx.picture_only && !ctx.presenter;
  const float fh = ImGui::GetFrameHeight();
  const float sb_pad = 10.0f * ctx.scale;
  const float sb_h = widgets ? (fh + 8.0f * ctx.scale) * 3.0f + sb_pad * 1.5f + fh * 3.0f : 0.0f;
  const ImVec2 body(ctx.size.x, ctx.size.y - sb_h);

  Layout& L = m_lay;
  L.u = ctx.ui_font * FitScale(body, ImVec2(1000.0f * ctx.scale, 540.0f * ctx.scale));
  L.lh = std::ceil(L.u * 1.3f);
  L.row = std::ceil(L.u * 1.4f);
  L.pad = std::ceil(L.u * 0.6f);
  L.line = ctx.Line();
  L.min = ctx.origin;
  L.max = ImVec2(ctx.origin.x + body.x, ctx.origin.y + body.y);
  L.placed.clear();
  const float u = L.u;

  const bool has_source = !m_run->Prog().source.empty();
  const float src_w = has_source ? std::clamp(body.x * 0.27f, 10.0f * u, 24.0f * u) : 0.0f;
  DrawSource(ctx, ctx.origin, ImVec2(src_w, body.y));

  // Columns, left to right: [old stack] | addresses | words | frames | heap.
  // The old stack shows while copystack runs and, as a ghost, on the step that frees it.
  const stack::Stack* old = nullptr;
  bool freed = false;
  if (s.old_stack.hi != 0) {
    old = &s.old_stack;
  } else if (prev && prev->old_stack.hi != 0) {
    old = &prev->old_stack;
    freed = true;
  }
  const float left = ctx.origin.x + src_w + L.pad;
  const float right = L.max.x - L.pad;
  const float rest = right - left;
  const float gap = L.pad;
  // The heap gets room only when something lives there (or a global could point there).
  const bool heap_used = !s.heap.empty() || !s.globals.empty() || (prev && !prev->heap.empty());
  const float frames_w = std::clamp(rest * 0.17f, 5.0f * u, 8.0f * u);
  const float old_w = old ? std::clamp(rest * 0.17f, 5.5f * u, 7.5f * u) + gap * 2 : 0.0f;
  const float addr_full = cv.TextSize(u, "0xc000000000").x + gap * 0.5f;
  const float addr_short = cv.TextSize(u,
                                       "\xE2\x80\xA6"
                                       "0ff8")
                               .x +
                           gap * 0.5f;
  float heap_w = heap_used ? std::clamp(rest * 0.3f, 9.0f * u, 16.0f * u) : 4.0f * u;
  float box_w = rest - old_w - addr_full - frames_w - heap_w;
  L.short_addr = box_w < 9.0f * u;
  L.addr_w = L.short_addr ? addr_short : addr_full;
  box_w += addr_full - L.addr_w;
  if (box_w < 8.0f * u) {
    heap_w -= 8.0f * u - box_w;
    box_w = 8.0f * u;
  }
  box_w = std::min(box_w, 14.0f * u);
  heap_w = rest - (old_w + L.addr_w + box_w + frames_w);
  if (heap_w < 4.0f * u) heap_w = 0;

  // Vertically: titles, the columns, a note on what the runtime did, the -m messages.
  const float title_y = ctx.origin.y + L.pad * 0.6f;
  const float col_top = title_y + L.lh + L.pad * 0.3f;
  const float msg_w = right - left;
  const int msg_lines = std::min(MessageLines(ctx, msg_w), body.y > 30.0f * u ? 5 : 3);
  const float msg_h = msg_lines > 0 ? L.lh * float(msg_lines + 1) + L.pad * 0.5f : 0.0f;
  const float msg_top = L.max.y - L.pad * 0.5f - msg_h;

  // The note under the column: growth, overflow, shrink (words, not only colour).
  char note[320] = "";
  char one[192];
  bool note_bad = false;
  int adjusted = 0;
  for (const Event& e : m_run->GetTimeline().Events(ctx.step)) {
    if (e.kind == EventKind::kAdjust) ++adjusted;
  }
  for (const Event& e : m_run->GetTimeline().Events(ctx.step)) {
    switch (e.kind) {
      case EventKind::kMorestack:
        std::snprintf(one, sizeof one,
                      T(ctx.lang, "SP - %" PRId64 " < stackguard0: morestack",
                        "SP - %" PRId64 " < stackguard0：调用 morestack"),
                      e.n);
        break;
      case EventKind::kNewStack:
        std::snprintf(one, sizeof one,
                      T(ctx.lang, "newstack: %" PRId64 " B \xE2\x86\x92 %" PRId64 " B",
                        "newstack：%" PRId64 " B \xE2\x86\x92 %" PRId64 " B"),
                      e.n, e.m);
        break;
      case EventKind::kCopyStack:
        std::snprintf(one, sizeof one,
                      T(ctx.lang, "copystack: %" PRId64 " B copied, %d pointers adjusted",
                        "copystack：复制 %" PRId64 " B，调整 %d 个指针"),
                      e.n, adjusted);
        break;
      case EventKind::kStackFree:
        std::snprintf(one, sizeof one,
                      T(ctx.lang, "stackfree: old stack (%" PRId64 " B) freed",
                        "stackfree：释放旧栈（%" PRId64 " B）"),
                      e.n);
        break;
      case EventKind::kShrink:
        std::snprintf(one, sizeof one,
                      T(ctx.lang, "shrinkstack: %" PRId64 " B used of %" PRId64 ", halving",
                        "shrinkstack：%" PRId64 " B 已用（共 %" PRId64 "），减半"),
                      e.n, e.m);
        break;
      case EventKind::kOverflow:
        std::snprintf(
            note, sizeof note,
            T(ctx.lang, "\xE2\x9C\x97 fatal error: stack overflow (%" PRId64 " B > %" PRId64 " B)",
              "\xE2\x9C\x97 fatal error: stack overflow（%" PRId64 " B > %" PRId64 " B）"),
            e.n, e.m);
        note_bad = true;
        break;
      default:
        continue;
    }
    // Several runtime steps in one: morestack, then newstack.
    const std::size_t len = std::strlen(note);
    std::snprintf(note + len, sizeof note - len, "%s%s", len > 0 ? "  " : "", one);
  }
  if (note[0] == '\0' && s.crashed) {
    std::snprintf(note, sizeof note, "\xE2\x9C\x97 fatal error: stack overflow");
    note_bad = true;
  }
  const float note_w = old_w + L.addr_w + box_w + frames_w;
  const float note_h = note[0] != '\0' ? cv.TextSize(u, note, note_w).y + L.pad * 0.5f : 0.0f;
  const float col_h = std::max(L.row * 4.0f, msg_top - note_h - L.pad * 0.5f - col_top);

  const float new_x = left + old_w;
  Column col = PlaceColumn(s.stack, s.sp, ImVec2(new_x, col_top), ImVec2(L.addr_w + box_w, col_h));
  // Titles first: they are what a student reads first.
  {
    char head[128];
    std::snprintf(head, sizeof head, "%s %" PRIu64 " B  [%" PRIx64 ", %" PRIx64 ")",
                  T(ctx.lang, "stack", "栈"), s.stack.Size(), s.stack.lo, s.stack.hi);
    const float tw = L.addr_w + box_w;
    if (cv.TextSize(u, head).x > tw) {
      std::snprintf(head, sizeof head, "%s %" PRIu64 " B", T(ctx.lang, "stack", "栈"),
                    s.stack.Size());
    }
    const std::string t = Shorten(cv, u, head, tw);
    Say(ctx, ImVec2(new_x, title_y), th.text, t);
    if (prev && (prev->stack.lo != s.stack.lo || prev->stack.hi != s.stack.hi)) {
      const ImVec2 ts = cv.TextSize(u, t);
      MarkChangedRect(cv, ImVec2(new_x, title_y), ImVec2(new_x + ts.x, title_y + ts.y), th.changed,
                      L.line, ctx.t, 3.0f);
    }
  }
  if (old) {
    char head[96];
    std::snprintf(head, sizeof head, "%s %" PRIu64 " B",
                  freed ? T(ctx.lang, "freed", "已释放") : T(ctx.lang, "old", "旧栈"), old->Size());
    Say(ctx, ImVec2(left, title_y), freed ? Alpha(th.ghost, GhostAlpha(ctx.t) + 0.3f) : th.text_dim,
        Shorten(cv, u, head, old_w - gap));
  }
  if (heap_w > 0)
    Say(ctx, ImVec2(right - heap_w + gap, title_y), th.text_dim, T(ctx.lang, "heap", "堆"));

  if (old) {
    Column oc = MirrorColumn(*old, s.stack, col, left, left + old_w - gap * 2);
    DrawOldStack(ctx, *old, s.stack, oc, col, freed);
  }
  DrawStack(ctx, s, prev, col);
  DrawFrames(ctx, s, prev, col, frames_w);
  if (heap_w > 0) {
    DrawHeap(ctx, s, prev, col, ImVec2(right - heap_w + gap, col_top),
             ImVec2(heap_w - gap, msg_top - L.pad * 0.5f - col_top));
  }
  if (note[0] != '\0') {
    Say(ctx, ImVec2(left, col.band_y1 + L.pad * 0.4f), note_bad ? th.danger : th.warn, note,
        note_w);
  }
  if (msg_lines > 0) DrawMessages(ctx, ImVec2(left, msg_top), msg_w, msg_lines);
  // Predict-then-reveal by pointing: a click on the stack's words or frames names "stack", on
  // the heap column "heap"; while copystack shows both stacks, the old one is also "old
  // address" and the new one "new address" (with one stack shown, neither is meant).
  m_region[0] = old ? ImVec4(left, title_y, left + old_w, msg_top) : ImVec4(0, 0, 0, 0);
  m_region[1] = ImVec4(left + old_w, title_y, right - heap_w, msg_top);
  m_region[2] = heap_w > 0 ? ImVec4(right - heap_w, title_y, right, msg_top) : ImVec4(0, 0, 0, 0);
  if (!ctx.picture_only && !ctx.sandbox && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) {
    for (int r = 0; r < 3; ++r) {
      const ImVec4& q = m_region[r];
      if (q.z <= q.x || !ImGui::IsMouseHoveringRect(ImVec2(q.x, q.y), ImVec2(q.z, q.w))) continue;
      auto& picked = ctx.requests.picked;
      if (r == 0) picked = {"old address", "old stack", "stack"};
      if (r == 1)
        picked = old ? std::vector<std::string>{"new address", "new stack", "stack"}
                     : std::vector<std::string>{"stack"};
      if (r == 2) picked = {"heap"};
      break;
    }
  }
  if (widgets) {
    DrawSandbox(ctx, ImVec2(ctx.origin.x, ctx.origin.y + body.y), ImVec2(ctx.size.x, sb_h),
                ctx.origin.y + ctx.size.y - fh * 1.6f);
  } else {
    std::fill(std::begin(m_sb.button_live), std::end(m_sb.button_live), false);
  }
}

// [SECTION] text placement
bool StackView::RegionRect(Region r, ImVec2* min, ImVec2* max) const {
  const ImVec4& q = m_region[int(r)];
  if (q.z <= q.x) return false;
  *min = ImVec2(q.x, q.y);
  *max = ImVec2(q.z, q.w);
  return true;
}

bool StackView::Free(ImVec2 a, ImVec2 b) const {
  const float slack = 1.0f;
  if (a.x < m_lay.min.x || a.y < m_lay.min.y || b.x > m_lay.max.x || b.y > m_lay.max.y) {
    return false;
  }
  for (const ImVec4& r : m_lay.placed) {
    if (std::min(b.x, r.z) - std::max(a.x, r.x) > slack &&
        std::min(b.y, r.w) - std::max(a.y, r.y) > slack) {
      return false;
    }
  }
  return true;
}

bool StackView::Say(const ViewContext& ctx, ImVec2 pos, ImU32 col, std::string_view text,
                    float wrap) {
  if (text.empty()) return false;
  const ImVec2 ts = ctx.canvas->TextSize(m_lay.u, text, wrap);
  const ImVec2 end(pos.x + ts.x, pos.y + ts.y);
  if (!Free(pos, end)) return false;
  m_lay.placed.push_back(ImVec4(pos.x, pos.y, end.x, end.y));
  ctx.canvas->Text(pos, m_lay.u, col, text, wrap);
  return true;
}

// [SECTION] source panel
void StackView::DrawSource(const ViewContext& ctx, ImVec2 o, ImVec2 size) {
  const auto& src = m_run->Prog().source;
  if (src.empty() || size.x <= 0) return;
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Layout& L = m_lay;
  cv.RectFilled(o, ImVec2(o.x + size.x, o.y + size.y), th.panel_bg, 0);
  cv.Line(ImVec2(o.x + size.x, o.y), ImVec2(o.x + size.x, o.y + size.y), th.panel_border,
          L.line * 0.5f);
  const int line = m_run->SourceLine(ctx.step);
  const float fs = L.u, lh = L.lh, pad = L.pad * 0.6f;
  // A step whose op names no source line (a recorded op) says so under the source, which still
  // shows the program as it was written.
  float note_h = 0;
  if (m_run->LacksSourceLine(ctx.step)) {
    const char* note = Tr(Str::kStackNoSourceLine, ctx.lang);
    note_h = cv.TextSize(fs, note, size.x - 2 * pad).y + pad * 2;
    Say(ctx, ImVec2(o.x + pad, o.y + size.y - note_h + pad), th.text_dim, note, size.x - 2 * pad);
  }
  // A readable font, scrolled so the current line is in view (never shrunk to fit).
  const float top = o.y + pad;
  const float avail = size.y - pad * 2 - note_h;
  const std::size_t n = src.size();
  const std::size_t visible = std::max<std::size_t>(1, std::size_t(avail / lh));
  std::size_t first = 0;
  if (n > visible && line > 0) {
    const std::size_t cur = std::size_t(line - 1);
    first = cur > visible / 2 ? cur - visible / 2 : 0;
    first = std::min(first, n - visible);
  }
  const std::size_t last = std::min(n, first + visible);
  const float num_x = o.x + pad;
  const float code_x = num_x + cv.TextSize(fs, "00").x + pad;
  const float code_max = o.x + size.x - pad * 0.5f;
  const float tab = fs * 1.0f;
  char num[24];
  for (std::size_t i = first; i < last; ++i) {
    const float y = top + lh * float(i - first);
    const bool now = int(i) + 1 == line;
    if (now) {
      cv.RectFilled(ImVec2(o.x, y - (lh - fs) * 0.5f),
                    ImVec2(o.x + size.x, y + fs + (lh - fs) * 0.5f), Alpha(th.accent, 0.30f), 0);
      cv.RectFilled(ImVec2(o.x, y - (lh - fs) * 0.5f),
                    ImVec2(o.x + 4.0f * ctx.scale, y + fs + (lh - fs) * 0.5f), th.accent, 0);
    }
    std::snprintf(num, sizeof num, "%2zu", i + 1);
    Say(ctx, ImVec2(num_x, y), now ? th.text : th.text_dim, num);
    // Tabs as an indent; a line too long for the pane ends in "…".
    const std::string& text = src[i];
    std::size_t tabs = 0;
    while (tabs < text.size() && text[tabs] == '\t') ++tabs;
    const float x = code_x + tab * float(tabs);
    if (x >= code_max) continue;
    const std::string shown = Shorten(cv, fs, std::string_view(text).substr(tabs), code_max - x);
    Say(ctx, ImVec2(x, y), now ? th.text : th.text_dim, shown);
  }
  // More lines above / below than the pane shows: small arrows at its edge.
  const float ax = o.x + size.x - pad * 1.5f, ah = fs * 0.35f;
  if (first > 0) {
    cv.TriangleFilled(ImVec2(ax, o.y + 2), ImVec2(ax - ah, o.y + 2 + ah),
                      ImVec2(ax + ah, o.y + 2 + ah), th.text_dim);
  }
  if (last < n) {
    const float by = o.y + size.y - note_h - 2;
    cv.TriangleFilled(ImVec2(ax, by), ImVec2(ax + ah, by - ah), ImVec2(ax - ah, by - ah),
                      th.text_dim);
  }
}

// [SECTION] memory column
StackView::Column StackView::PlaceColumn(const stack::Stack& st, std::uint64_t sp, ImVec2 o,
                                         ImVec2 size) const {
  Column c;
  float row = m_lay.row;
  std::uint64_t rows = std::max<std::uint64_t>(3, std::uint64_t(size.y / row));
  // Show hi down to a few words below SP and the stale bytes under it. When that does not
  // fit, drop the stale bytes lower down; when even that does not fit, SP stays in view (the
  // newest frame and the words just under it) and the frames above are cut. A short column
  // (presenter fonts) keeps a single stale word, so the newest frame, not empty memory, fills it.
  const std::uint64_t below = std::clamp<std::uint64_t>(rows / 4, 1, 4);
  const std::uint64_t written_lo = st.hi - 8 * std::uint64_t(st.words.size());
  auto bottom_for = [&](std::uint64_t low) {
    return std::max(st.lo, low - std::min<std::uint64_t>(below * 8, low - st.lo));
  };
  std::uint64_t want_bottom = bottom_for(std::min(sp, written_lo));
  // A big stack is mostly memory no live frame uses (below SP, down to lo): it takes one band
  // under the words, labelled with its size, instead of thousands of empty rows; frames cut
  // off above take one band over them.
  auto band_for = [&](std::uint64_t bottom) -> std::uint64_t {
    return bottom > st.lo && rows > 3 ? 1 : 0;
  };
  if ((st.hi - want_bottom) / 8 + band_for(want_bottom) > rows) want_bottom = bottom_for(sp);
  const std::uint64_t need = (st.hi - want_bottom) / 8;
  const std::uint64_t band = band_for(want_bottom);
  std::uint64_t above = 0;
  if (need + band < rows) {
    // Room to spare: taller rows, up to a comfortable size.
    row = std::min(m_lay.u * 1.9f, size.y / float(std::max<std::uint64_t>(need + band, 1)));
    rows = std::max<std::uint64_t>(need, 1);
  } else {
    rows -= band;
    if (need > rows && rows > 5) {
      above = 1;
      rows -= 1;
    }
  }
  c.bottom = want_bottom;
  c.top = std::min(st.hi, c.bottom + rows * 8);
  c.row = row;
  c.above_y0 = o.y;
  c.min = ImVec2(o.x + m_lay.addr_w, o.y + (above ? row : 0.0f));
  c.max = ImVec2(o.x + size.x, c.min.y + row * float((c.top - c.bottom) / 8));
  c.fold_lo = band ? st.lo : c.bottom;
  c.band_y1 = c.max.y + (band ? row : 0.0f);
  return c;
}

StackView::Column StackView::MirrorColumn(const stack::Stack& old, const stack::Stack& st,
                                          const Column& c, float x0, float x1) const {
  // The same rows as the new stack: a word and its copy sit side by side.
  Column oc = c;
  oc.top = old.hi - std::min(st.hi - c.top, old.Size());
  oc.bottom = old.hi - std::min(st.hi - c.bottom, old.Size());
  oc.min.x = x0;
  oc.max.x = x1;
  return oc;
}

bool StackView::RowOf(const Column& c, std::uint64_t addr, float* y) const {
  if (addr < c.bottom || addr >= c.top) return false;
  *y = c.min.y + c.row * float((c.top - 8 - addr) / 8);
  return true;
}

void StackView::DrawStack(const ViewContext& ctx, const stack::State& s, const stack::State* prev,
                          const Column& c) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const stack::Program& p = m_run->Prog();
  const Layout& L = m_lay;
  const float u = L.u;
  const stack::Stack& st = s.stack;
  auto events = m_run->GetTimeline().Events(ctx.step);
  const bool same_stack = prev && prev->stack.lo == st.lo && prev->stack.hi == st.hi;
  const float t = std::clamp(ctx.t, 0.0f, 1.0f);
  const float ty = (c.row - u) * 0.5f;
  char val[48], lab[96];
  // Which words belong to a live frame and are declared (everything else is stale or unused).
  if (m_live_step != ctx.step || &s != &m_state) {
    m_live = stack::LiveWords(p, s, st);
    m_live_step = &s == &m_state ? ctx.step : SIZE_MAX;
  }
  const std::vector<std::uint8_t>& live = m_live;
  // Boxes and their texts; the address lane after the markers (they win its room).
  for (std::uint64_t a = c.top; a > c.bottom; a -= 8) {
    const std::uint64_t w_addr = a - 8;
    float y = 0;
    if (!RowOf(c, w_addr, &y)) continue;
    const std::size_t idx = std::size_t((st.hi - w_addr) / 8) - 1;
    const Word w = idx < st.words.size() ? st.words[idx] : Word{};
    const ImVec2 b0(c.min.x, y + 1), b1(c.max.x, y + c.row - 1);
    const bool written = w.kind != WordKind::kUnset;
    const bool below_sp = w_addr < s.sp;
    const bool is_live = idx < live.size() && live[idx];
    const bool stale = written && (below_sp || !is_live);
    ImU32 fill = th.panel_bg;
    if (w.kind == WordKind::kRetPC) fill = Alpha(th.warn, 0.25f);
    if (w.kind == WordKind::kSavedBP) fill = Alpha(th.grid, 0.6f);
    if (!written) {
      cv.Rect(b0, b1, Alpha(th.grid, 0.7f), 0, L.line * 0.5f);
    } else {
      cv.RectFilled(b0, b1, Alpha(fill, stale ? 0.35f : 1.0f), 0);
      // Stale bytes: hatched, so they read as "left behind" in greyscale too.
      if (stale) HatchRect(cv, b0, b1, Alpha(th.text_dim, 0.35f), 0.45f * u, L.line * 0.5f);
      cv.Rect(b0, b1, Alpha(th.panel_border, stale ? 0.5f : 1.0f), 0, L.line * 0.5f);
    }
    // A declaration over stale bytes: the old value fades out before the new one shows.
    bool fading = false;
    Word old_word;
    for (const Event& e : events) {
      if ((e.kind == EventKind::kZero || e.kind == EventKind::kInit) && e.flag &&
          w_addr == e.addr && t < 0.5f) {
        fading = true;
        old_word = Word{e.old_bits, e.old_label, 0, e.old_kind};
      }
    }
    if (fading) {
      cv.RectFilled(b0, ImVec2(b0.x + (b1.x - b0.x) * (1.0f - 2.0f * t), b1.y),
                    Alpha(th.ghost, GhostAlpha(t)), 0);
    }
    const Word& shown = fading ? old_word : w;
    if (shown.kind != WordKind::kUnset) {
      const char* label = shown.label >= 0 ? p.labels[std::size_t(shown.label)].c_str() : "";
      Value(val, sizeof val, shown);
      // A narrow box keeps a pointer's last digits so the label still reads.
      if (cv.TextSize(u, val).x + 4.0f * u > b1.x - b0.x) Value(val, sizeof val, shown, true);
      if (shown.sub > 0) {
        std::snprintf(lab, sizeof lab, "%s[%u]", label, unsigned(shown.sub));
      } else {
        std::snprintf(lab, sizeof lab, "%s", label);
      }
      ImU32 tc = stale ? th.text_dim : th.text;
      if (fading) tc = Alpha(th.ghost, 0.9f);
      // The value stays readable; the label gets what is left of the box.
      const float inner = b1.x - b0.x - u * 0.5f;
      const std::string v = Shorten(cv, u, val, inner);
      const float vw = cv.TextSize(u, v).x;
      Say(ctx, ImVec2(b1.x - vw - u * 0.25f, y + ty), tc, v);
      const float lw = inner - vw - u * 0.5f;
      if (lw > u) Say(ctx, ImVec2(b0.x + u * 0.25f, y + ty), tc, Shorten(cv, u, lab, lw));
    }
    // What this step wrote (or copystack rewrote): a change outline.
    bool changed = same_stack && WordsDiffer(prev->stack, st, idx);
    for (const Event& e : events) {
      if (e.kind == EventKind::kAdjust && e.addr == w_addr) changed = true;
    }
    if (changed) MarkChangedRect(cv, b0, b1, th.changed, L.line, ctx.t);
  }
  // SP before this step, as a ghost line: how far the call or return moved it.
  if (same_stack && prev->sp != s.sp) {
    float y = 0;
    if (RowOf(c, prev->sp, &y)) {
      DashedLine(cv, ImVec2(c.min.x, y + c.row), ImVec2(c.max.x, y + c.row),
                 Alpha(th.ghost, GhostAlpha(ctx.t) + 0.2f), L.line, u * 0.4f, u * 0.3f);
    }
  }
  // SP and stackguard0: a line under the word, its name in the address lane just below.
  auto marker = [&](std::uint64_t addr, const char* name, ImU32 col, bool dashed) {
    float y = 0;
    if (!RowOf(c, addr, &y)) return;
    const float ly = y + c.row;
    if (dashed) {
      DashedLine(cv, ImVec2(c.min.x - L.addr_w, ly), ImVec2(c.max.x, ly), col, L.line, u * 0.4f,
                 u * 0.25f);
    } else {
      cv.Line(ImVec2(c.min.x - L.addr_w, ly), ImVec2(c.max.x + u * 0.2f, ly), col, L.line * 1.5f);
    }
    const ImVec2 ts = cv.TextSize(u, name);
    // Right-aligned in the lane, on the row under the line; lower if that row is taken.
    for (int k = 0; k < 3; ++k) {
      const float yy = ly + (c.row - u) * 0.5f + c.row * float(k);
      float x = c.min.x - ts.x - u * 0.25f;
      if (x < c.min.x - L.addr_w) x = c.min.x + u * 0.25f;  // narrow lane: inside the box
      if (yy + ts.y > c.max.y + c.row && k > 0) break;
      if (Say(ctx, ImVec2(x, yy), col, name)) break;
    }
  };
  marker(s.sp, "SP", th.accent, false);
  marker(st.lo + std::uint64_t(p.config.stack_guard), "stackguard0", th.warn, true);
  char addr[32];
  const bool moving = s.old_stack.hi != 0;
  for (std::uint64_t a = c.top; a > c.bottom; a -= 8) {
    const std::uint64_t w_addr = a - 8;
    float y = 0;
    if (!RowOf(c, w_addr, &y)) continue;
    // copystack's move arrows run through the lane: their rows leave it to the arrow.
    bool arrow = false;
    for (const Event& e : events)
      arrow |= moving && e.kind == EventKind::kAdjust && e.addr == w_addr;
    if (arrow) continue;
    Addr(addr, sizeof addr, w_addr, L.short_addr);
    const float aw = cv.TextSize(u, addr).x;
    Say(ctx, ImVec2(c.min.x - aw - u * 0.25f, y + ty), th.text_dim, addr);
  }
  DrawFold(ctx, s, c);
  // More stack above what is shown (and no band says so): a small arrow over the column.
  if (c.top < st.hi && c.min.y <= c.above_y0) {
    const float cx = (c.min.x + c.max.x) * 0.5f, ah = u * 0.3f;
    cv.TriangleFilled(ImVec2(cx, c.min.y - ah - 1), ImVec2(cx + ah, c.min.y - 1),
                      ImVec2(cx - ah, c.min.y - 1), th.text_dim);
  }
}

// The folded band of never-written memory under the words: a dashed box with its size
// ("1,022 KiB unused") and, in the address lane, lo.
void StackView::DrawFold(const ViewContext& ctx, const stack::State& s, const Column& c) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Layout& L = m_lay;
  const float u = L.u;
  const ImU32 ink = Alpha(th.text_dim, 0.8f);
  auto band = [&](float y0, float y1, const char* text, bool hatch) {
    const ImVec2 b0(c.min.x, y0 + 1), b1(c.max.x, y1 - 1);
    if (hatch) HatchRect(cv, b0, b1, Alpha(th.text_dim, 0.2f), 0.45f * u, L.line * 0.5f);
    DashedLine(cv, b0, ImVec2(b1.x, b0.y), ink, L.line * 0.5f, u * 0.3f, u * 0.2f);
    DashedLine(cv, ImVec2(b0.x, b1.y), b1, ink, L.line * 0.5f, u * 0.3f, u * 0.2f);
    DashedLine(cv, b0, ImVec2(b0.x, b1.y), ink, L.line * 0.5f, u * 0.3f, u * 0.2f);
    DashedLine(cv, ImVec2(b1.x, b0.y), b1, ink, L.line * 0.5f, u * 0.3f, u * 0.2f);
    const float tw = cv.TextSize(u, text).x;
    const float ty = b0.y + (b1.y - b0.y - u) * 0.5f;
    Say(ctx, ImVec2(std::max(b0.x + u * 0.3f, (b0.x + b1.x - tw) * 0.5f), ty), th.text, text);
    return ty;
  };
  char text[96], addr[32];
  if (c.band_y1 > c.max.y && c.fold_lo < c.bottom) {
    // Stale bytes of returned frames may lie in it: hatched then, as stale words are.
    const std::uint64_t written_lo = s.stack.hi - 8 * std::uint64_t(s.stack.words.size());
    FoldLabel(text, sizeof text, c.bottom - c.fold_lo, ctx.lang);
    const float ty = band(c.max.y, c.band_y1, text, written_lo < c.bottom);
    Addr(addr, sizeof addr, c.fold_lo, L.short_addr);
    const float aw = cv.TextSize(u, addr).x;
    Say(ctx, ImVec2(c.min.x - aw - u * 0.25f, ty), th.text_dim, addr);
  }
  if (c.min.y > c.above_y0 && c.top < s.stack.hi) {
    std::size_t frames = 0;
    for (const stack::Frame& fr : s.frames) frames += fr.sp >= c.top ? 1 : 0;
    const std::uint64_t kib = (s.stack.hi - c.top) / 1024;
    std::snprintf(
        text, sizeof text,
        T(ctx.lang, "%" PRIu64 " KiB above: %zu frames", "上方还有 %" PRIu64 " KiB：%zu 个栈帧"),
        kib, frames);
    if (cv.TextSize(u, text).x > c.max.x - c.min.x - u * 0.6f) {
      std::snprintf(text, sizeof text, T(ctx.lang, "%" PRIu64 " KiB above", "上方 %" PRIu64 " KiB"),
                    kib);
    }
    band(c.above_y0, c.min.y, text, false);
  }
}

// [SECTION] old stack
void StackView::DrawOldStack(const ViewContext& ctx, const stack::Stack& old,
                             const stack::Stack& st, const Column& oc, const Column& c,
                             bool freed) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Layout& L = m_lay;
  const float u = L.u;
  // While copystack runs the old stack is faded; on the step that frees it, a ghost.
  const float a_mul = GhostAlpha(freed ? 1.0f : ctx.t) + (freed ? 0.0f : 0.15f);
  const ImU32 ink = th.ghost;
  char val[48];
  for (std::uint64_t a = oc.top; a > oc.bottom; a -= 8) {
    const std::uint64_t w_addr = a - 8;
    const std::uint64_t twin = st.hi - (old.hi - w_addr);
    float y = 0;
    if (!RowOf(c, twin, &y)) continue;
    const std::size_t idx = std::size_t((old.hi - w_addr) / 8) - 1;
    const Word w = idx < old.words.size() ? old.words[idx] : Word{};
    const ImVec2 b0(oc.min.x, y + 1), b1(oc.max.x, y + c.row - 1);
    if (w.kind == WordKind::kUnset) {
      cv.Rect(b0, b1, Alpha(th.grid, 0.6f * a_mul), 0, L.line * 0.5f);
      continue;
    }
    cv.RectFilled(b0, b1, Alpha(th.panel_bg, a_mul), 0);
    cv.Rect(b0, b1, Alpha(th.ghost, a_mul + 0.2f), 0, L.line * 0.5f);
    // Values only: the labels are the same as in the new stack.
    Value(val, sizeof val, w);
    if (cv.TextSize(u, val).x > b1.x - b0.x - u * 0.5f) Value(val, sizeof val, w, true);
    const std::string v = Shorten(cv, u, val, b1.x - b0.x - u * 0.5f);
    const float vw = cv.TextSize(u, v).x;
    Say(ctx, ImVec2(b1.x - vw - u * 0.25f, y + (c.row - u) * 0.5f), Alpha(ink, a_mul + 0.35f), v);
  }
  if (freed) return;
  // adjustpointers: each pointer into the old stack moves by the same delta; one arrow per
  // rewritten word, from its old copy to the new one.
  for (const Event& e : m_run->GetTimeline().Events(ctx.step)) {
    if (e.kind != EventKind::kAdjust) continue;
    float y = 0;
    if (!RowOf(c, e.addr, &y)) continue;
    const float my = y + c.row * 0.5f;
    MoveArrow(cv, ImVec2(oc.max.x + L.line, my), ImVec2(c.min.x - L.line, my), th.move, L.line,
              u * 0.45f, ctx.t);
  }
}

// [SECTION] frames
void StackView::DrawFrames(const ViewContext& ctx, const stack::State& s, const stack::State* prev,
                           const Column& c, float width) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const stack::Program& p = m_run->Prog();
  const Layout& L = m_lay;
  const float u = L.u;
  char buf[128];
  const bool same_stack = prev && prev->stack.lo == s.stack.lo && prev->stack.hi == s.stack.hi;
  float next_free = c.min.y - u;  // labels go top to bottom without covering each other
  auto bracket = [&](const stack::Frame& fr, std::size_t i, ImU32 col, bool fresh,
                     const char* suffix) {
    const std::uint64_t hi = fr.entry_sp + 8, lo = fr.sp;
    float y_top = 0, y_bot = 0;
    const bool top_in = RowOf(c, hi - 8, &y_top), bot_in = RowOf(c, lo, &y_bot);
    if (!top_in && !bot_in && !(hi > c.top && lo < c.bottom)) return;
    if (!top_in) y_top = c.min.y;
    if (!bot_in) y_bot = c.max.y - c.row;
    y_bot += c.row;
    const float x = c.max.x + u * 0.4f + float(i % 2) * u * 0.25f;
    const float arm = u * 0.4f;
    cv.Line(ImVec2(x, y_top + 2), ImVec2(x + arm, y_top + 2), col, L.line);
    cv.Line(ImVec2(x + arm, y_top + 2), ImVec2(x + arm, y_bot - 2), col, L.line);
    cv.Line(ImVec2(x, y_bot - 2), ImVec2(x + arm, y_bot - 2), col, L.line);
    const float lx = x + arm + u * 0.4f;
    const float max_w = c.max.x + width - lx;
    const stack::Func& fn = p.F(fr.func);
    std::snprintf(buf, sizeof buf, "%s%s  %" PRId64 "+8 B", fn.name.c_str(), suffix, fn.frame_size);
    if (cv.TextSize(u, buf).x > max_w) {
      std::snprintf(buf, sizeof buf, "%s%s", fn.name.c_str(), suffix);
    }
    // Too long for the lane: the name, and the rest (" returned") on the line under it.
    const bool two = cv.TextSize(u, buf).x > max_w && suffix[0] != '\0';
    const std::string text = Shorten(cv, u, two ? std::string_view(fn.name) : buf, max_w);
    const std::string second = two ? Shorten(cv, u, suffix + 1, max_w) : std::string();
    const float text_h = two ? L.lh + u : u;
    float ly = std::max(y_top, std::min((y_top + y_bot) * 0.5f - text_h * 0.5f, y_bot - text_h));
    ly = std::max(ly, next_free);
    if (Say(ctx, ImVec2(lx, ly), col, text)) {
      next_free = ly + L.lh;
      if (two && Say(ctx, ImVec2(lx, ly + L.lh), col, second)) next_free += L.lh;
    }
    if (fresh) {
      const float tw = cv.TextSize(u, text).x;
      MarkChangedRect(cv, ImVec2(x - 2, std::min(y_top, ly)),
                      ImVec2(lx + tw + 2, std::max(y_bot, ly + u)), th.changed, L.line, ctx.t, 3);
    }
  };
  for (std::size_t i = 0; i < s.frames.size(); ++i) {
    const stack::Frame& fr = s.frames[i];
    const bool fresh = prev && (i >= prev->frames.size() || prev->frames[i].func != fr.func ||
                                (same_stack && prev->frames[i].entry_sp != fr.entry_sp));
    bracket(fr, i, i + 1 == s.frames.size() ? th.accent : th.edge, fresh, "");
  }
  // A frame that returned this step stays one step as a ghost.
  if (same_stack) {
    for (std::size_t i = s.frames.size(); i < prev->frames.size(); ++i) {
      bracket(prev->frames[i], i, Alpha(th.ghost, GhostAlpha(ctx.t) + 0.3f), false,
              T(ctx.lang, " returned", " 已返回"));
    }
  }
  // Pointers into the stack: a curve from the slot to the word it points at.
  for (std::uint64_t a = c.top; a > c.bottom; a -= 8) {
    const std::uint64_t w_addr = a - 8;
    const Word* w = stack::ReadWord(s, w_addr);
    if (!w || w->kind != WordKind::kPtr || w_addr < s.sp || !s.stack.Contains(w->bits)) continue;
    float y0 = 0, y1 = 0;
    if (!RowOf(c, w_addr, &y0) || !RowOf(c, w->bits, &y1)) continue;
    const ImVec2 p0(c.min.x, y0 + c.row * 0.5f), p1(c.min.x, y1 + c.row * 0.5f);
    const float bend = u * 1.5f + std::abs(y1 - y0) * 0.15f;
    const float head = u * 0.4f;
    cv.Bezier(p0, ImVec2(p0.x - bend, p0.y), ImVec2(p1.x - bend, p1.y), ImVec2(p1.x - head, p1.y),
              th.edge, L.line * 0.75f);
    cv.TriangleFilled(p1, ImVec2(p1.x - head, p1.y - head * 0.55f),
                      ImVec2(p1.x - head, p1.y + head * 0.55f), th.edge);
  }
}

// [SECTION] heap
void StackView::DrawHeap(const ViewContext& ctx, const stack::State& s, const stack::State* prev,
                         const Column& c, ImVec2 o, ImVec2 size) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const stack::Program& p = m_run->Prog();
  const Layout& L = m_lay;
  const float u = L.u;
  auto events = m_run->GetTimeline().Events(ctx.step);
  char buf[160], val[48];
  float y = o.y;
  const float bw = std::min(size.x, 18.0f * u);
  // Globals first, under the heap's title.
  for (std::size_t g = 0; g < s.globals.size(); ++g) {
    Value(val, sizeof val, s.globals[g]);
    std::snprintf(buf, sizeof buf, "%s = %s", p.globals[g].name.c_str(), val);
    const std::string text = Shorten(cv, u, buf, bw);
    if (Say(ctx, ImVec2(o.x, y), th.text, text) && prev && g < prev->globals.size() &&
        !(prev->globals[g] == s.globals[g])) {
      const ImVec2 ts = cv.TextSize(u, text);
      MarkChangedRect(cv, ImVec2(o.x, y), ImVec2(o.x + ts.x, y + ts.y), th.changed, L.line, ctx.t,
                      3);
    }
    y += L.lh;
  }
  if (!s.globals.empty()) y += L.pad * 0.5f;
  m_heap_y.assign(s.heap.size(), -1.0f);
  // Allocation order keeps the story; what does not fit folds into "N more".
  const float in = u * 0.4f;
  for (std::size_t i = 0; i < s.heap.size(); ++i) {
    const stack::HeapObj& h = s.heap[i];
    const stack::Site& site = p.sites[std::size_t(h.site)];
    const std::size_t words = std::min<std::size_t>(h.words.size(), 4);
    // The escape reason in -m words, or what the runtime did instead.
    const char* why = !site.message.empty()
                          ? site.message.c_str()
                          : T(ctx.lang, "makechan: always heap", "makechan：总在堆上");
    const float why_h = cv.TextSize(u, why, bw - 2 * in).y;
    const float box_h = L.lh * float(2 + words) + why_h + in * 1.5f;
    const bool last_fits = y + box_h <= o.y + size.y;
    const bool room_for_more = i + 1 == s.heap.size() || y + box_h + L.lh <= o.y + size.y;
    if (!last_fits || !room_for_more) {
      std::snprintf(buf, sizeof buf, T(ctx.lang, "+%zu more objects", "还有 %zu 个对象"),
                    s.heap.size() - i);
      Say(ctx, ImVec2(o.x, y), th.text_dim, Shorten(cv, u, buf, bw));
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
    if (prev && i >= prev->heap.size()) fresh = true;
    const ImVec2 b0(o.x, y), b1(o.x + bw, y + box_h);
    cv.RectFilled(b0, b1, th.panel_bg, 4.0f);
    cv.Rect(b0, b1, th.panel_border, 4.0f, L.line * 0.5f);
    if (fresh) MarkChangedRect(cv, b0, b1, th.changed, L.line, ctx.t, 4.0f);
    float ty = y + in * 0.5f;
    std::snprintf(buf, sizeof buf, "%s  %" PRId64 " B", p.labels[std::size_t(site.label)].c_str(),
                  h.size);
    Say(ctx, ImVec2(b0.x + in, ty), th.text, Shorten(cv, u, buf, bw - 2 * in));
    ty += L.lh;
    Hex(val, sizeof val, h.addr);
    Say(ctx, ImVec2(b0.x + in, ty), th.text_dim, Shorten(cv, u, val, bw - 2 * in));
    ty += L.lh;
    for (std::size_t k = 0; k < words; ++k) {
      Value(val, sizeof val, h.words[k]);
      std::snprintf(buf, sizeof buf, "+%zu  %s", k * 8, val);
      Say(ctx, ImVec2(b0.x + in * 2, ty), th.text_dim, Shorten(cv, u, buf, bw - 3 * in));
      ty += L.lh;
    }
    Say(ctx, ImVec2(b0.x + in, ty), th.warn, why, bw - 2 * in);
    m_heap_y[i] = y + L.lh * 0.5f;
    y += box_h + L.pad * 0.5f;
  }
  // Arrows from live stack slots to the objects they point at.
  for (std::uint64_t a = c.top; a > c.bottom; a -= 8) {
    const std::uint64_t w_addr = a - 8;
    const Word* w = stack::ReadWord(s, w_addr);
    if (!w || w->kind != WordKind::kPtr || w->bits == 0 || w_addr < s.sp) continue;
    const std::int32_t h = stack::HeapObjectAt(s, w->bits);
    if (h == kNone || m_heap_y[std::size_t(h)] < 0) continue;
    float y0 = 0;
    if (!RowOf(c, w_addr, &y0)) continue;
    Arrow(cv, ImVec2(c.max.x, y0 + c.row * 0.5f), ImVec2(o.x - 2, m_heap_y[std::size_t(h)]),
          Alpha(th.edge, 0.8f), L.line * 0.75f, u * 0.45f);
  }
}

// [SECTION] messages
namespace {

// One -m line as printed: "LINE: message", or the message alone for a recorded op.
void MessageText(char* buf, std::size_t n, int line, const std::string& msg, bool now) {
  const char* mark = now ? "\xE2\x96\xB6 " : "";
  if (line > 0) {
    std::snprintf(buf, n, "%s%d: %s", mark, line, msg.c_str());
  } else {
    std::snprintf(buf, n, "%s%s", mark, msg.c_str());
  }
}

}  // namespace

int StackView::MessageLines(const ViewContext& ctx, float width) const {
  const stack::Program& p = m_run->Prog();
  const Canvas& cv = *ctx.canvas;
  const float u = m_lay.u;
  float x = 0;
  int lines = 0;
  char buf[192];
  auto add = [&](int line, const std::string& msg) {
    MessageText(buf, sizeof buf, line, msg, true);
    const float w = std::min(cv.TextSize(u, buf).x, width) + u;
    if (lines == 0 || x + w > width) {
      ++lines;
      x = 0;
    }
    x += w;
  };
  for (const stack::Site& s : p.sites) {
    if (!s.message.empty()) add(s.line, s.message);
  }
  for (const stack::ParamTag& t : p.tags) add(p.F(t.func).vars[std::size_t(t.var)].line, t.message);
  return lines;
}

void StackView::DrawMessages(const ViewContext& ctx, ImVec2 o, float width, int max_lines) {
  Canvas& cv = *ctx.canvas;
  const Theme& th = ctx.theme;
  const stack::Program& p = m_run->Prog();
  const Layout& L = m_lay;
  const float u = L.u;
  cv.Line(o, ImVec2(o.x + width, o.y), th.panel_border, L.line * 0.5f);
  Say(ctx, ImVec2(o.x, o.y + L.pad * 0.25f), th.text_dim, "go build -gcflags=-m");
  const int line = m_run->SourceLine(ctx.step);
  float x = o.x, y = o.y + L.pad * 0.25f + L.lh;
  int row = 1;
  int hidden = 0;
  char buf[192];
  // The current line's messages first would reorder the compiler's output; keep its order and
  // mark the current line's with ▶ (and the accent colour).
  auto add = [&](int msg_line, const std::string& msg, ImU32 col) {
    const bool now = msg_line == line && line > 0;
    MessageText(buf, sizeof buf, msg_line, msg, now);
    const std::string text = Shorten(cv, u, buf, width);
    const float w = cv.TextSize(u, text).x + u;
    if (x > o.x && x + w > o.x + width) {
      x = o.x;
      y += L.lh;
      ++row;
    }
    if (row > max_lines || !Say(ctx, ImVec2(x, y), now ? th.accent : col, text)) {
      ++hidden;
      return;
    }
    x += w;
  };
  for (const stack::Site& s : p.sites) {
    if (!s.message.empty()) add(s.line, s.message, s.escapes ? th.warn : th.ok);
  }
  for (const stack::ParamTag& t : p.tags) {
    add(p.F(t.func).vars[std::size_t(t.var)].line, t.message, th.text_dim);
  }
  (void)hidden;
}

}  // namespace gs::app
