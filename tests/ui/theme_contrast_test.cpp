// Both themes survive a greyscale projector: the colours that tell states apart in the
// pictures differ in luminance, not only in hue. Text on a fill needs a WCAG contrast ratio of
// at least 3:1; fills (or marks) that stand for different states need relative luminances at
// least 0.1 apart; an object must stand out from the canvas by its fill or its outline.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/shell/theme.h"

namespace gs::app {
namespace {

constexpr double kMinTextRatio = 3.0;  // WCAG 2.1 large text / graphical objects
constexpr double kMinDeltaL = 0.1;

double Channel(ImU32 c, int shift) {
  const double v = double((c >> shift) & 0xFFu) / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

/// WCAG relative luminance of an opaque colour, 0 (black) .. 1 (white).
double Luminance(ImU32 c) {
  return 0.2126 * Channel(c, IM_COL32_R_SHIFT) + 0.7152 * Channel(c, IM_COL32_G_SHIFT) +
         0.0722 * Channel(c, IM_COL32_B_SHIFT);
}

double Ratio(ImU32 a, ImU32 b) {
  const double la = Luminance(a), lb = Luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double DeltaL(ImU32 a, ImU32 b) {
  return std::abs(Luminance(a) - Luminance(b));
}

struct Named {
  const char* name;
  ImU32 col;
};

class ThemeContrast : public testing::TestWithParam<ThemeKind> {
 protected:
  const Theme& th() const { return GetTheme(GetParam()); }
};

// Object labels on the GC fills, and the labels of scheduler chips on theirs.
TEST_P(ThemeContrast, TextOnItsFill) {
  const Theme& t = th();
  const struct {
    const char* what;
    ImU32 fill, text;
  } pairs[] = {
      {"label on white object", t.obj_white_fill, t.obj_label_on_white},
      {"label on grey object", t.obj_grey_fill, t.obj_label_on_grey},
      {"label on black object", t.obj_black_fill, t.obj_label_on_black},
      {"chip on accent (running)", t.accent, t.canvas_bg},
      {"chip on ok (runnext, netpoll)", t.ok, t.canvas_bg},
      {"chip on warn (spinning, syscall)", t.warn, t.canvas_bg},
      {"chip on edge (schedule)", t.edge, t.canvas_bg},
      {"chip on panel_border (queued)", t.panel_border, t.text},
      {"text on canvas", t.canvas_bg, t.text},
      {"text on panel", t.panel_bg, t.text},
  };
  for (const auto& p : pairs) {
    EXPECT_GE(Ratio(p.fill, p.text), kMinTextRatio) << p.what;
  }
}

// White, grey and black are the GC state: in greyscale they must still be three greys.
TEST_P(ThemeContrast, GcFillsAreDistinctGreys) {
  const Theme& t = th();
  const Named fills[] = {
      {"white", t.obj_white_fill}, {"grey", t.obj_grey_fill}, {"black", t.obj_black_fill}};
  for (std::size_t i = 0; i < std::size(fills); ++i) {
    for (std::size_t j = i + 1; j < std::size(fills); ++j) {
      EXPECT_GE(DeltaL(fills[i].col, fills[j].col), kMinDeltaL)
          << fills[i].name << " vs " << fills[j].name;
    }
  }
}

// An object of any colour is visible on the canvas: by its fill, or else by its outline.
TEST_P(ThemeContrast, GcObjectsStandOutFromTheCanvas) {
  const Theme& t = th();
  const struct {
    const char* name;
    ImU32 fill, outline;
  } objs[] = {{"white", t.obj_white_fill, t.obj_white_outline},
              {"grey", t.obj_grey_fill, t.obj_grey_outline},
              {"black", t.obj_black_fill, t.obj_black_outline}};
  for (const auto& o : objs) {
    const bool by_fill = DeltaL(o.fill, t.canvas_bg) >= kMinDeltaL;
    const bool by_outline = Ratio(o.outline, t.canvas_bg) >= kMinTextRatio;
    EXPECT_TRUE(by_fill || by_outline) << o.name << ": fill dL " << DeltaL(o.fill, t.canvas_bg)
                                       << ", outline ratio " << Ratio(o.outline, t.canvas_bg);
  }
}

// The changed mark is seen on the canvas and on panels, and in greyscale it is not mistaken
// for an object's own outline or for an ordinary pointer arrow (new pointers are drawn in it).
TEST_P(ThemeContrast, ChangedMarkStandsOut) {
  const Theme& t = th();
  EXPECT_GE(Ratio(t.changed, t.canvas_bg), kMinTextRatio);
  EXPECT_GE(Ratio(t.changed, t.panel_bg), kMinTextRatio);
  const Named others[] = {{"white outline", t.obj_white_outline},
                          {"grey outline", t.obj_grey_outline},
                          {"black outline", t.obj_black_outline},
                          {"edge (pointer arrows)", t.edge}};
  for (const Named& o : others) {
    EXPECT_GE(DeltaL(t.changed, o.col), kMinDeltaL) << "changed vs " << o.name;
  }
}

// The move arrows and the state colours are visible on the canvas and on panels.
TEST_P(ThemeContrast, MarksAndStatesOnTheGround) {
  const Theme& t = th();
  const Named marks[] = {{"move", t.move},        {"accent", t.accent}, {"ok", t.ok},
                         {"warn", t.warn},        {"danger", t.danger}, {"edge", t.edge},
                         {"text_dim", t.text_dim}};
  for (const Named& m : marks) {
    EXPECT_GE(Ratio(m.col, t.canvas_bg), kMinTextRatio) << m.name << " on canvas";
    EXPECT_GE(Ratio(m.col, t.panel_bg), kMinTextRatio) << m.name << " on panel";
  }
}

TEST(ThemeContrastMath, LuminanceAndRatioFollowWcag) {
  EXPECT_NEAR(Luminance(IM_COL32(0, 0, 0, 255)), 0.0, 1e-9);
  EXPECT_NEAR(Luminance(IM_COL32(255, 255, 255, 255)), 1.0, 1e-9);
  EXPECT_NEAR(Ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.0, 1e-9);
  // #777 on white is the classic 4.48:1.
  EXPECT_NEAR(Ratio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)), 4.48, 0.01);
}

INSTANTIATE_TEST_SUITE_P(Themes, ThemeContrast,
                         testing::Values(ThemeKind::kDark, ThemeKind::kLight),
                         [](const testing::TestParamInfo<ThemeKind>& p) {
                           return std::string(p.param == ThemeKind::kDark ? "Dark" : "Light");
                         });

}  // namespace
}  // namespace gs::app
