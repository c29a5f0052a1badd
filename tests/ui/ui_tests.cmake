# Headless UI tests: the real panels and views, driven through ImGui with no window or GL.
file(GLOB GS_UI_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_test.cpp)
add_executable(gs_ui_tests ${GS_UI_TESTS})
target_include_directories(gs_ui_tests PRIVATE ${CMAKE_SOURCE_DIR})
target_link_libraries(gs_ui_tests PRIVATE gs_ui gs_export GTest::gtest_main gs_warnings)
target_compile_definitions(gs_ui_tests PRIVATE GS_SCENARIO_DIR="${GS_SCENARIO_DIR}"
                                           GS_THEME_DIR="${CMAKE_SOURCE_DIR}/assets/themes")
gtest_discover_tests(gs_ui_tests DISCOVERY_TIMEOUT 60)

# The real window under Xvfb: a screenshot of the right size that is not blank.
find_program(XVFB_RUN xvfb-run)
if(XVFB_RUN)
  add_test(NAME smoke_window_screenshot
    COMMAND bash ${CMAKE_SOURCE_DIR}/tests/smoke/screenshot_test.sh $<TARGET_FILE:gopherscope>
            ${GS_SCENARIO_DIR}/gc/chain.json)
  add_test(NAME smoke_window_sigterm_keeps_unsaved_edits
    COMMAND bash ${CMAKE_SOURCE_DIR}/tests/smoke/sigterm_recovery_test.sh $<TARGET_FILE:gopherscope>
            ${GS_SCENARIO_DIR}/gc/chain.json)
  # Issue 17's "done when": the installed program opens a scenario through zenity's dialog.
  add_test(NAME smoke_window_installed_open_dialog
    COMMAND bash ${CMAKE_SOURCE_DIR}/tests/smoke/window_installed_open_dialog_test.sh
            ${CMAKE_BINARY_DIR})
  # It installs from the build tree, like cli_install_relocatable and deb_package.
  set_tests_properties(smoke_window_installed_open_dialog PROPERTIES
    RESOURCE_LOCK install_tree SKIP_RETURN_CODE 77 TIMEOUT 60)
endif()
