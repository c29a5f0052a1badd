// The presenter view's own OS window: a second GLFW window (sharing the main window's GL
// objects, so the font texture is one) with its own ImGui context (sharing the font atlas).
// Its keys go to the main window's context, so a clicker works whichever window has focus.
#pragma once

struct GLFWwindow;
struct ImGuiContext;

namespace gs::app {

class App;

class PresenterWindow {
 public:
  /// Opens it beside (or, with two monitors, on the other monitor from) `main`.
  bool Open(GLFWwindow* main, ImGuiContext* main_ctx);
  void Close(GLFWwindow* main, ImGuiContext* main_ctx);
  bool IsOpen() const { return m_win != nullptr; }
  /// The user closed it with the window manager.
  bool CloseRequested() const;
  /// One frame of the presenter view; the main window's GL and ImGui contexts are current
  /// again when it returns.
  void Frame(App& app, GLFWwindow* main, ImGuiContext* main_ctx);

 private:
  GLFWwindow* m_win = nullptr;
  ImGuiContext* m_ctx = nullptr;
  bool m_first_frame = true;
};

}  // namespace gs::app
