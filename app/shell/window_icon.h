// The window's icon (the taskbar and title bar show it): the PNG sizes the build draws from
// assets/org.gopherscope.Gopherscope.svg, found next to the program (installed prefix or
// build folder).
#pragma once

struct GLFWwindow;

namespace gs::app {

/// Sets the icon from the PNGs it finds; returns how many sizes it set (0: none found).
int SetWindowIcon(GLFWwindow* win);

}  // namespace gs::app
