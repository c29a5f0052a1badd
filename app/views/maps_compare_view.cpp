// [SECTION] index: helpers · run · panes · counter table · kind dispatch
#include "app/views/maps_compare_view.h"

#include <algorithm>
#include <cstdio>

#include "app/imgui_compat.h"
#include "app/views/draw_util.h"

namespace gs::app {
namespace {

using maps::CompareCounters;
using maps::CompareGrowth;
using maps::CompareSide;

const char* T(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
}

// Text cut to max_w (whole UTF-8 characters); returns its width.
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

/// "912 B" below 10,000 bytes, else "18.0 KiB" (one decimal is enough to compare two maps).
void Bytes(char* buf, std::size_t n, std::uint64_t b) {
  if (b < 10000) {
    std::snprintf(buf, n, "%llu B", static_cast<unsigned long long>(b));
  } else {
    std::snprintf(buf, n, "%.1f KiB", double(b) / 1024.0);
  }
}

}  // namespace

// [SECTION] run
void MapsCompareView::SetRun(const std::shared_ptr<const Run>& run) {
  m_run = std::dynamic_pointer_cast<const maps::MapsCompareRun>(run);
  if (!m_run) return;
  m_classic.SetRun(m_run->ClassicRun());
  m_swiss.SetRun(m_run->SwissSideRun());
}

// [SECTION] panes
void MapsCompareView::Draw(const ViewContext& ctx) {
  m_shown = Shown{};
  if (!m_run || !ctx.canvas) return;
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float u = ctx.ui_font;
  const float gap = u * 0.5f;
  c.RectFilled(ctx.origin, Add(ctx.origin, ctx.size), th.canvas_bg, 0);
  // The counter table: a header row and five rows of numbers, at the UI font.
  const float row = u * 1.45f;
  const float table_h = row * 6 + gap;
  const float x0 = ctx.origin.x + gap, x1 = ctx.origin.x + ctx.size.x - gap;
  const float y0 = ctx.origin.y + gap, yt = ctx.origin.y + ctx.size.y - table_h - gap;
  const float half = (x1 - x0 - gap) * 0.5f;
  for (CompareSide s : {CompareSide::kClassic, CompareSide::kSwiss}) {
    const bool classic = s == CompareSide::kClassic;
    const float px = classic ? x0 : x0 + half + gap;
    const ImVec2 a(px, y0), b(px + half, yt);
    const std::size_t side_step = m_run->SideStep(s, ctx.step);
    const std::size_t side_prev = m_run->SideStep(s, ctx.prev_step);
    const bool moved = ctx.step > 0 && side_step != m_run->SidePrevStep(s, ctx.step);
    c.Rect(a, b, moved ? th.changed : th.panel_border, u * 0.3f,
           moved ? ctx.Line() * 1.5f : ctx.Line());
    const char* title = classic ? T(l, "Classic map · Go ≤ 1.23 (runtime/map.go)",
                                    "经典 map · Go ≤ 1.23（runtime/map.go）")
                                : T(l, "Swiss table · Go ≥ 1.24 (internal/runtime/maps)",
                                    "Swiss 表 · Go ≥ 1.24（internal/runtime/maps）");
    FitText(c, ImVec2(a.x + u * 0.5f, a.y + u * 0.25f), u, th.text, title, half - u);
    const ImVec2 pa(a.x + ctx.Line(), a.y + u * 1.5f), pb(b.x - ctx.Line(), b.y - ctx.Line());
    if (pb.y - pa.y < u * 3 || pb.x - pa.x < u * 6) continue;
    // The pane is the kind's own view drawn into a smaller canvas; as in presenter mode it
    // shows the picture only (no what-if box: the compare's script is the one being compared).
    const Run& side_run = classic ? static_cast<const Run&>(*m_run->ClassicRun())
                                  : static_cast<const Run&>(*m_run->SwissSideRun());
    ViewContext sub{.run = side_run,
                    .step = side_step,
                    .prev_step = side_prev,
                    .t = ctx.t,
                    .lang = ctx.lang,
                    .theme = ctx.theme,
                    .scale = ctx.scale,
                    .dl = ctx.dl,
                    .origin = pa,
                    .size = ImVec2(pb.x - pa.x, pb.y - pa.y),
                    .requests = {},
                    .sandbox = false,
                    .canvas = ctx.canvas,
                    .ui_font = ctx.ui_font,
                    .presenter = true,
                    .picture_only = ctx.picture_only};
    if (pb.y - pa.y < u * 13) {
      // Too short for the map picture (presenter fonts): a few lines of the side's state,
      // each cut to the pane, instead of a picture that would spill past it.
      DrawSummary(ctx, s, side_step, pa, pb, u);
      continue;
    }
    c.PushClip(pa, pb);
    if (classic) {
      m_classic.Draw(sub);
    } else {
      m_swiss.Draw(sub);
    }
    c.PopClip();
    // A click on a bucket, group or key still answers the scenario's quiz.
    for (std::string& p : sub.requests.picked) ctx.requests.picked.push_back(std::move(p));
  }
  m_shown.panes = true;
  DrawTable(ctx, ImVec2(x0, yt + gap), ImVec2(x1, yt + table_h), u);
}

void MapsCompareView::DrawSummary(const ViewContext& ctx, CompareSide s, std::size_t side_step,
                                  ImVec2 a, ImVec2 b, float u) {
  Canvas& c = *ctx.canvas;
  const Lang l = ctx.lang;
  float y = a.y + u * 0.2f;
  auto line = [&](ImU32 col) {
    if (y + u * 1.2f > b.y) return;
    FitText(c, ImVec2(a.x + u * 0.5f, y), u, col, m_buf, b.x - a.x - u);
    y += u * 1.3f;
  };
  if (s == CompareSide::kClassic) {
    const maps::Hmap& h = m_run->Classic().GetTimeline().StateRef(side_step).h;
    std::snprintf(m_buf, sizeof m_buf, T(l, "B=%d · %llu buckets", "B=%d · %llu 个桶"), int(h.B),
                  static_cast<unsigned long long>(h.made ? maps::BucketShift(h.B) : 0));
    line(ctx.theme.text);
    std::snprintf(m_buf, sizeof m_buf, "noverflow %d", int(h.noverflow));
    line(ctx.theme.text_dim);
    if (maps::Growing(h)) {
      std::snprintf(m_buf, sizeof m_buf, T(l, "evacuating %llu / %llu", "搬迁中 %llu / %llu"),
                    static_cast<unsigned long long>(h.nevacuate),
                    static_cast<unsigned long long>(maps::NoldBuckets(h)));
      line(ctx.theme.warn);
    }
  } else {
    const maps::SwissState& st = m_run->Swiss().GetTimeline().StateRef(side_step);
    std::uint64_t slots = 0;
    for (const maps::Table& t : st.tables) slots += t.capacity;
    if (st.m.small) slots = maps::kGroupSlots;
    std::snprintf(m_buf, sizeof m_buf,
                  T(l, "dir %zu · globalDepth %d", "目录 %zu · globalDepth %d"), st.m.dir.size(),
                  int(st.m.global_depth));
    line(ctx.theme.text);
    std::snprintf(m_buf, sizeof m_buf, T(l, "%zu table(s) · %llu slots", "%zu 个表 · %llu 个槽"),
                  st.m.small ? std::size_t(0) : st.tables.size(),
                  static_cast<unsigned long long>(slots));
    line(ctx.theme.text_dim);
  }
}

// [SECTION] counter table
float MapsCompareView::DrawTable(const ViewContext& ctx, ImVec2 a, ImVec2 b, float u) {
  Canvas& c = *ctx.canvas;
  const Theme& th = ctx.theme;
  const Lang l = ctx.lang;
  const float row = (b.y - a.y) / 6.0f;
  const float name_w = std::min((b.x - a.x) * 0.24f, u * 9.0f);
  const float col_w = (b.x - a.x - name_w) * 0.5f;
  c.RectFilled(a, b, th.panel_bg, u * 0.3f);
  c.Rect(a, b, th.panel_border, u * 0.3f, ctx.Line());
  const std::size_t step = ctx.step, prev = ctx.step > 0 ? ctx.step - 1 : 0;
  const char* names[5] = {
      T(l, "memory", "内存"),           T(l, "this op", "本次操作"),
      T(l, "max · avg", "最大 · 平均"), T(l, "growths", "增长次数"),
      T(l, "last growth", "最近增长"),
  };
  const float ty = (row - u) * 0.5f;
  // Header row: which map each column is.
  c.Text(ImVec2(a.x + u * 0.5f, a.y + ty), u, th.text_dim,
         T(l, "counters (engine)", "计数器（模型）"));
  for (int side = 0; side < 2; ++side) {
    const float cx = a.x + name_w + col_w * float(side);
    std::snprintf(m_buf, sizeof m_buf, "%s · len %lld",
                  side == 0 ? T(l, "classic", "经典") : T(l, "Swiss", "Swiss"),
                  static_cast<long long>(m_run->Counters(CompareSide(side), step).len));
    FitText(c, ImVec2(cx + u * 0.4f, a.y + ty), u, th.text, m_buf, col_w - u * 0.6f);
  }
  for (int r = 0; r < 5; ++r) {
    const float y = a.y + row * float(r + 1);
    c.Line(ImVec2(a.x + u * 0.3f, y), ImVec2(b.x - u * 0.3f, y), th.grid, ctx.Line() * 0.5f);
    FitText(c, ImVec2(a.x + u * 0.5f, y + ty), u, th.text_dim, names[r], name_w - u * 0.6f);
    for (int side = 0; side < 2; ++side) {
      const CompareSide s = CompareSide(side);
      const CompareCounters& k = m_run->Counters(s, step);
      const CompareCounters& kp = m_run->Counters(s, prev);
      const bool classic = side == 0;
      bool changed = false;
      ImU32 col = th.text;
      switch (r) {
        case 0:
          Bytes(m_buf, sizeof m_buf, k.bytes);
          changed = k.bytes != kp.bytes;
          break;
        case 1:
          if (classic) {
            std::snprintf(m_buf, sizeof m_buf, T(l, "%lld bucket(s) walked", "遍历 %lld 个桶"),
                          static_cast<long long>(k.probe));
          } else {
            std::snprintf(m_buf, sizeof m_buf, T(l, "%lld group(s) probed", "探测 %lld 个组"),
                          static_cast<long long>(k.probe));
          }
          changed = step > 0 && k.probe > 0;
          break;
        case 2:
          std::snprintf(m_buf, sizeof m_buf, "%lld · %lld.%lld",
                        static_cast<long long>(k.probe_max),
                        static_cast<long long>(k.ProbeAvgTenths() / 10),
                        static_cast<long long>(k.ProbeAvgTenths() % 10));
          changed = k.probe_max != kp.probe_max || k.ProbeAvgTenths() != kp.ProbeAvgTenths();
          break;
        case 3:
          std::snprintf(m_buf, sizeof m_buf, "%lld", static_cast<long long>(k.growths));
          changed = k.growths != kp.growths;
          break;
        default: {
          // The latest step with a growth of this side, naming its first event (hashGrow
          // before the growDone of the same step) and how many more it had.
          const CompareGrowth* last = nullptr;
          int more = 0;
          for (const CompareGrowth& g : m_run->Growths()) {
            if (g.step > step) break;
            if (g.side != s) continue;
            if (last && last->step == g.step) {
              ++more;
            } else {
              last = &g;
              more = 0;
            }
          }
          char extra[16] = "";
          if (more > 0) std::snprintf(extra, sizeof extra, " +%d", more);
          if (!last) {
            std::snprintf(m_buf, sizeof m_buf, "%s", T(l, "none yet", "尚无"));
            col = th.text_dim;
          } else if (last->what == "growDone" || last->what == "split") {
            std::snprintf(m_buf, sizeof m_buf, T(l, "%s%s · step %zu", "%s%s · 第 %zu 步"),
                          last->what.c_str(), extra, last->step);
          } else {
            std::snprintf(m_buf, sizeof m_buf,
                          T(l, "%s %llu→%llu%s · step %zu", "%s %llu→%llu%s · 第 %zu 步"),
                          last->what.c_str(), static_cast<unsigned long long>(last->from),
                          static_cast<unsigned long long>(last->to), extra, last->step);
          }
          if (last && last->step == step) {
            changed = true;
            col = th.warn;
          }
          if (r == 4) m_shown.growth_rows += last ? 1 : 0;
          break;
        }
      }
      const float cx = a.x + name_w + col_w * float(side);
      const ImVec2 p(cx + u * 0.15f, y + row * 0.08f), q(cx + col_w - u * 0.15f, y + row * 0.92f);
      if (changed) {
        MarkChangedRect(c, p, q, th.changed, ctx.Line(), ctx.t, u * 0.2f);
        ++m_shown.changed_cells;
      }
      FitText(c, ImVec2(cx + u * 0.4f, y + ty), u, col, m_buf, col_w - u * 0.6f);
    }
  }
  return b.y;
}

// [SECTION] kind dispatch
void MapsKindView::SetRun(const std::shared_ptr<const Run>& run) {
  m_compare = std::dynamic_pointer_cast<const maps::MapsCompareRun>(run) != nullptr;
  if (m_compare) {
    m_cmp.SetRun(run);
  } else {
    m_maps.SetRun(run);
  }
}

void MapsKindView::Draw(const ViewContext& ctx) {
  if (m_compare) {
    m_cmp.Draw(ctx);
  } else {
    m_maps.Draw(ctx);
  }
}

}  // namespace gs::app
