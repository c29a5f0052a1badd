# The window: ImGui (Debian's libimgui-dev ships the GLFW/OpenGL3 backends in libimgui.a),
# GLFW, a glad GL 3.3 core loader generated at build time, fontconfig for the CJK font.
find_package(PkgConfig REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
find_package(glfw3 3.3 REQUIRED)
find_program(GLAD_EXE glad PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)

set(GLAD_DIR ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${GLAD_DIR}/src/gl.c ${GLAD_DIR}/include/glad/gl.h ${GLAD_DIR}/include/KHR/khrplatform.h
  COMMAND env -i PATH=/usr/bin:/bin ${GLAD_EXE} --api gl:core=3.3 --extensions= --reproducible
          --quiet --out-path ${GLAD_DIR} c
  VERBATIM)
add_library(glad STATIC ${GLAD_DIR}/src/gl.c)
target_include_directories(glad PUBLIC ${GLAD_DIR}/include)

add_library(imgui_deb INTERFACE)
target_link_libraries(imgui_deb INTERFACE PkgConfig::IMGUI)
target_include_directories(imgui_deb INTERFACE /usr/include/imgui/backends)

# gs_ui: every panel and view, with no window or GL code, so headless tests can drive it.
file(GLOB GS_VIEW_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/views/*.cpp)
file(GLOB GS_PANEL_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/panels/*.cpp)
add_library(gs_ui STATIC
  shell/app.cpp
  shell/canvas_zoom.cpp
  shell/config_store.cpp
  shell/document.cpp
  shell/file_watch.cpp
  shell/editor_buffer.cpp
  shell/fonts.cpp
  shell/lesson.cpp
  shell/library.cpp
  shell/native_dialog.cpp
  shell/presenter.cpp
  shell/quiz_flow.cpp
  shell/recovery.cpp
  shell/strings.cpp
  shell/theme.cpp
  shell/theme_file.cpp
  shell/window_fit.cpp
  ${GS_PANEL_SOURCES}
  ${GS_VIEW_SOURCES})
target_include_directories(gs_ui PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(gs_ui PUBLIC gs_engine imgui_deb PkgConfig::FONTCONFIG PRIVATE gs_warnings)

# gs_export: slides and clips rendered on the CPU from the headless App (no display, no GL).
find_package(GIF 5 REQUIRED)
file(GLOB GS_EXPORT_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/export/*.cpp)
add_library(gs_export STATIC ${GS_EXPORT_SOURCES})
target_include_directories(gs_export PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(gs_export PUBLIC gs_ui gs_cli GIF::GIF PRIVATE gs_warnings)

# gs_gui: the GLFW window, the GL renderer and screenshots.
add_library(gs_gui STATIC shell/app_main.cpp shell/presenter_window.cpp shell/screenshot.cpp
            shell/window_icon.cpp)
target_include_directories(gs_gui PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(gs_gui PUBLIC gs_ui gs_export gs_cli glad glfw PRIVATE gs_warnings)

# The theme colours in the build tree (an installed program finds its own: ThemeDir).
set(GS_THEME_DIR ${CMAKE_SOURCE_DIR}/assets/themes)
set_property(SOURCE shell/app_main.cpp export/export.cpp APPEND PROPERTY
             COMPILE_DEFINITIONS GS_THEME_DIR="${GS_THEME_DIR}")
