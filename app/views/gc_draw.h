// What the two halves of the GC view (gc_view.cpp: banner, side panel, compare; gc_graph.cpp:
// the object graph) draw alike: tri-color fills and a language pick for the view's own words.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "app/shell/theme.h"
#include "engine/core/text.h"
#include "engine/gc/state.h"

namespace gs::app::gcdraw {

/// The view's own words, in the UI language.
inline const char* L(Lang l, const char* en, const char* zh) {
  return l == Lang::kZh ? zh : en;
}

inline bool Contains(const std::vector<std::int32_t>& v, std::int32_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

inline float Ease(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

inline ImU32 FillOf(const Theme& th, gc::Color c) {
  switch (c) {
    case gc::Color::kWhite:
      return th.obj_white_fill;
    case gc::Color::kGrey:
      return th.obj_grey_fill;
    case gc::Color::kBlack:
      return th.obj_black_fill;
  }
  return th.obj_white_fill;
}

inline ImU32 OutlineOf(const Theme& th, gc::Color c) {
  switch (c) {
    case gc::Color::kWhite:
      return th.obj_white_outline;
    case gc::Color::kGrey:
      return th.obj_grey_outline;
    case gc::Color::kBlack:
      return th.obj_black_outline;
  }
  return th.obj_white_outline;
}

inline ImU32 LabelOf(const Theme& th, gc::Color c) {
  switch (c) {
    case gc::Color::kWhite:
      return th.obj_label_on_white;
    case gc::Color::kGrey:
      return th.obj_label_on_grey;
    case gc::Color::kBlack:
      return th.obj_label_on_black;
  }
  return th.obj_label_on_white;
}

/// The color word: white / grey / black (with a 中文 form).
inline const char* ColorWord(Lang l, gc::Color c) {
  switch (c) {
    case gc::Color::kWhite:
      return L(l, "white", "白");
    case gc::Color::kGrey:
      return L(l, "grey", "灰");
    case gc::Color::kBlack:
      return L(l, "black", "黑");
  }
  return "";
}

}  // namespace gs::app::gcdraw
