# cmake --install and the .deb: the program in bin/, its scenarios, schemas and docs under
# share/gopherscope/, the icon, desktop entry and AppStream metainfo in the XDG places, a man
# page made from the program's own --help, and bash completion. The installed program finds
# its scenarios and themes relative to itself (app/cli/install_paths.cpp,
# app/shell/theme_file.cpp), so the prefix can move.
include(GNUInstallDirs)

set(GS_APP_ID org.gopherscope.Gopherscope)

install(TARGETS gopherscope RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/gopherscope/scenarios)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md")
# The theme colours the window reads at start (app/shell/theme_file.h).
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/themes/ DESTINATION ${CMAKE_INSTALL_DATADIR}/gopherscope/themes
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/lessons/ DESTINATION ${CMAKE_INSTALL_DATADIR}/gopherscope/lessons
        OPTIONAL)
install(FILES ${CMAKE_SOURCE_DIR}/scripts/gopherscope.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME gopherscope)

if(GS_BUILD_APP)
  install(FILES ${CMAKE_SOURCE_DIR}/assets/${GS_APP_ID}.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${CMAKE_SOURCE_DIR}/assets/${GS_APP_ID}.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${CMAKE_SOURCE_DIR}/assets/${GS_APP_ID}.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  # PNG sizes of the icon, drawn from the SVG at build time (Debian's librsvg2-bin).
  find_program(RSVG_CONVERT rsvg-convert)
  if(RSVG_CONVERT)
    set(GS_ICON_PNGS "")
    foreach(size 48 128 256)
      set(png ${CMAKE_BINARY_DIR}/icons/${size}/${GS_APP_ID}.png)
      add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons/${size}
        COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${png} ${CMAKE_SOURCE_DIR}/assets/${GS_APP_ID}.svg
        DEPENDS ${CMAKE_SOURCE_DIR}/assets/${GS_APP_ID}.svg VERBATIM)
      list(APPEND GS_ICON_PNGS ${png})
      install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    add_custom_target(gs_icons ALL DEPENDS ${GS_ICON_PNGS})
  endif()
endif()

# The man page, from the program's own --help and --version (Debian's help2man).
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(GS_MAN ${CMAKE_BINARY_DIR}/gopherscope.1)
  add_custom_command(OUTPUT ${GS_MAN}.gz
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --version-string=${PROJECT_VERSION}
            --name "step through the Go runtime's machinery" --section 1
            --output ${GS_MAN} $<TARGET_FILE:gopherscope>
    COMMAND gzip -9nf ${GS_MAN}
    DEPENDS gopherscope VERBATIM)
  add_custom_target(gs_man ALL DEPENDS ${GS_MAN}.gz)
  install(FILES ${GS_MAN}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# Debian's package documentation: the changelog (compressed) and the copyright statement.
set(GS_CHANGELOG ${CMAKE_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${GS_CHANGELOG}
  COMMAND gzip -9nc ${CMAKE_SOURCE_DIR}/assets/changelog > ${GS_CHANGELOG}
  DEPENDS ${CMAKE_SOURCE_DIR}/assets/changelog)
add_custom_target(gs_changelog ALL DEPENDS ${GS_CHANGELOG})
install(FILES ${GS_CHANGELOG} ${CMAKE_SOURCE_DIR}/assets/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# cpack -G DEB: a Debian package whose library dependencies dpkg-shlibdeps works out.
set(CPACK_PACKAGE_NAME gopherscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Step through the Go runtime's machinery")
set(CPACK_PACKAGE_DESCRIPTION
    "Gopherscope steps through the Go runtime: tri-colour GC marking and write
barriers, GMP scheduling, map buckets and evacuation, stack growth and
escape analysis, channels and select. Every demonstration is a JSON
scenario, narrated in English and Chinese.")
set(CPACK_PACKAGE_CONTACT "Gopherscope developers <gopherscope@example.org>")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-wqy-microhei")
# File > Open… and Save As use the desktop's dialog when zenity is there (else a built-in one).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "zenity")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
include(CPack)
