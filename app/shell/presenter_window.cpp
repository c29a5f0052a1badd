#include "app/shell/presenter_window.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/shell/app.h"

namespace gs::app {

bool PresenterWindow::Open(GLFWwindow* main, ImGuiContext* main_ctx) {
  if (m_win) return true;
  int mx = 0, my = 0, mw = 0, mh = 0;
  glfwGetWindowPos(main, &mx, &my);
  glfwGetWindowSize(main, &mw, &mh);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  m_win = glfwCreateWindow(960, 600, "Gopherscope — presenter view", nullptr, main);
  if (!m_win) return false;
  // With a second monitor the notes go there (the audience sees the projector); otherwise
  // the window opens beside the main one.
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  if (count > 1) {
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetMonitorWorkarea(monitors[1], &x, &y, &w, &h);
    glfwSetWindowPos(m_win, x + 40, y + 40);
  } else {
    glfwSetWindowPos(m_win, mx + mw / 3, my + mh / 4);
  }
  glfwShowWindow(m_win);
  // The clicker's keys reach the main context whichever window has focus.
  glfwSetKeyCallback(m_win, ImGui_ImplGlfw_KeyCallback);
  ImGuiIO& main_io = ImGui::GetIO();
  m_ctx = ImGui::CreateContext(main_io.Fonts);
  ImGui::SetCurrentContext(m_ctx);
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
  glfwMakeContextCurrent(m_win);
  ImGui_ImplGlfw_InitForOpenGL(m_win, false);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  glfwMakeContextCurrent(main);
  ImGui::SetCurrentContext(main_ctx);
  m_first_frame = true;
  return true;
}

void PresenterWindow::Close(GLFWwindow* main, ImGuiContext* main_ctx) {
  if (!m_win) return;
  ImGui::SetCurrentContext(m_ctx);
  glfwMakeContextCurrent(m_win);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext(m_ctx);
  glfwDestroyWindow(m_win);
  m_win = nullptr;
  m_ctx = nullptr;
  glfwMakeContextCurrent(main);
  ImGui::SetCurrentContext(main_ctx);
}

bool PresenterWindow::CloseRequested() const {
  return m_win && glfwWindowShouldClose(m_win);
}

void PresenterWindow::Frame(App& app, GLFWwindow* main, ImGuiContext* main_ctx) {
  if (!m_win) return;
  // The main context's style (theme, font size) carries over.
  const ImGuiStyle style = ImGui::GetStyle();
  const ImTextureID main_tex = ImGui::GetIO().Fonts->TexID;
  glfwMakeContextCurrent(m_win);
  ImGui::SetCurrentContext(m_ctx);
  ImGui::GetStyle() = style;
  ImGui_ImplOpenGL3_NewFrame();
  if (m_first_frame) {
    // The backend made its own copy of the font texture; both contexts use the main one,
    // which lives as long as the main window and follows its rebuilds.
    ImGui::GetIO().Fonts->SetTexID(main_tex);
    m_first_frame = false;
  }
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  app.DrawPresenterView();
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_win, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(m_win);
  glfwMakeContextCurrent(main);
  ImGui::SetCurrentContext(main_ctx);
}

}  // namespace gs::app
