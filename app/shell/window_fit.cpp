#include "app/shell/window_fit.h"

#include <algorithm>

namespace gs::app {

WindowRect FitWindow(const WindowRect& area, const WindowRect& saved, int want_w, int want_h,
                     int frame_h) {
  if (area.w <= 0 || area.h <= 0) {  // no monitor information: the size asked for
    return saved.w > 0 ? saved : WindowRect{0, 0, want_w, want_h};
  }
  const int max_w = std::max(area.w, 1);
  const int max_h = std::max(area.h - frame_h, 1);
  WindowRect r;
  const bool have_saved = saved.w > 0 && saved.h > 0;
  r.w = std::clamp(have_saved ? saved.w : want_w, std::min(kMinWindowW, max_w), max_w);
  r.h = std::clamp(have_saved ? saved.h : want_h, std::min(kMinWindowH, max_h), max_h);
  // The saved position is kept only when the whole window (and its title bar) is inside the
  // work area: a window left on a monitor that is gone, or half off-screen, is centred.
  const bool saved_pos_fits = have_saved && saved.x >= area.x && saved.y - frame_h >= area.y &&
                              saved.x + r.w <= area.x + area.w && saved.y + r.h <= area.y + area.h;
  if (saved_pos_fits) {
    r.x = saved.x;
    r.y = saved.y;
  } else {
    r.x = area.x + (area.w - r.w) / 2;
    r.y = area.y + frame_h + (max_h - r.h) / 2;
  }
  return r;
}

}  // namespace gs::app
