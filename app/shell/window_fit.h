// Where the window opens: inside the monitor's work area (never larger than it), at the size
// and position the user left it when that still fits, else centred at the default size.
// No window system here, so the rule is unit-tested.
#pragma once

namespace gs::app {

/// A rectangle in screen coordinates; w == 0 means "not known".
struct WindowRect {
  int x = 0, y = 0, w = 0, h = 0;
  friend bool operator==(const WindowRect&, const WindowRect&) = default;
};

/// The smallest window the layout is designed for (issue 11: 1024×768 and up).
inline constexpr int kMinWindowW = 640;
inline constexpr int kMinWindowH = 480;

/// The window to open in `work_area` (the monitor minus panels and docks). `saved` is the
/// last window (w == 0 when none), `want_w`/`want_h` the default size. `frame_h` is room
/// kept for the title bar the window manager adds above the content.
WindowRect FitWindow(const WindowRect& work_area, const WindowRect& saved, int want_w, int want_h,
                     int frame_h = 0);

}  // namespace gs::app
