# Installation layout and the Debian package (scripts/check-install.sh checks
# both). The program finds its data relative to its own location:
#   bin/auditor, lib/auditor/libauditor_pdf.so, lib/auditor/libauditor_ocr.so
#   (OCR of scans, Tesseract), lib/auditor/auditor_parse
#   (the parse process, importers/sandbox.h), share/auditor/checklists/
# It links only system libraries, so it needs no install RPATH.

install(TARGETS auditor RUNTIME DESTINATION bin)
install(TARGETS auditor_pdf LIBRARY DESTINATION lib/auditor)
install(TARGETS auditor_ocr LIBRARY DESTINATION lib/auditor)
install(TARGETS auditor_parse RUNTIME DESTINATION lib/auditor)
install(DIRECTORY checklists/ DESTINATION share/auditor/checklists)

# The manpage, made from `auditor --help` and `auditor --version`.
find_program(HELP2MAN_EXECUTABLE help2man)
if(NOT HELP2MAN_EXECUTABLE)
  message(FATAL_ERROR "help2man not found: it makes the manpage; install the "
    "Debian package help2man (scripts/install-deps.sh)")
endif()
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/auditor.1
  COMMAND ${HELP2MAN_EXECUTABLE} --no-info --section=1 --locale=C.UTF-8
    "--name=audit administrative-penalty case archives"
    --output=${CMAKE_BINARY_DIR}/auditor.1 $<TARGET_FILE:auditor>
  DEPENDS auditor
  COMMENT "Generating auditor.1 with help2man"
  VERBATIM)
# Not in a sanitizer build: nothing installs it, and its leak report at exit
# would fail the build.
if(AUDITOR_SANITIZE)
  add_custom_target(auditor_man DEPENDS ${CMAKE_BINARY_DIR}/auditor.1)
else()
  add_custom_target(auditor_man ALL DEPENDS ${CMAKE_BINARY_DIR}/auditor.1)
endif()
install(FILES ${CMAKE_BINARY_DIR}/auditor.1 DESTINATION share/man/man1)

# `cd build && cpack -G DEB` makes build/auditor_<version>_<arch>.deb from the
# targets already built: neither it nor `make install` builds `all` first (the
# build tree is shared and built with bbuild, which serialises the builds).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME auditor)
set(CPACK_PACKAGE_CONTACT "auditor maintainers <maintainers@users.noreply.r-seed-fe8fcb81.example>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Offline auditor of administrative-penalty case archives")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "Reads case archives (ZIP files of case documents), checks them against "
  "the bundled checklists, stores the findings in SQLite and writes "
  "HTML, DOCX, XLSX and JSON reports.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
