// The real window: GLFW + OpenGL 3.3 core (glad) around App.
#pragma once

namespace gs::app {

/// Parses the window flags, opens the window and runs until it closes. Returns the exit code.
int RunApp(int argc, char** argv, const char* scenario_dir);

}  // namespace gs::app
