# Debian package of the program, built by CPack from what `install()` installs (only the program:
# bin/codearts-check-stop). From a configured build tree:
#
#   cmake --build build/release --target codearts-check-stop
#   (cd build/release && cpack -G DEB)     # -> build/release/codearts-check-stop_<version>_<arch>.deb
#
# `cpack` does not build anything first (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY: the install step does
# not depend on `all`, which would build every test too): build the program, then package it.
#
# The run-time dependencies are computed by dpkg-shlibdeps (package dpkg-dev) from the libraries
# the binary links, so they always match the Poco and OpenSSL the package was built against;
# ca-certificates is added because the program trusts the system store by default. A static build
# (CCS_STATIC) links only glibc dynamically, so its package depends on libc6 and ca-certificates.
#
# Cross-compiled (the static-arm64 preset), the package is for the target's Debian architecture:
# CPack would otherwise ask dpkg for the host's. dpkg-shlibdeps then needs the target's libc6 in
# dpkg's database (libc6:arm64, which the multiarch libssl-dev:arm64 of `scripts/install-deps
# --release` pulls in) to map libc.so.6 to its package.
# tests/container/run installs the package into a clean Debian 12 tree and runs it there.

set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "codearts-check-stop")
set(CPACK_PACKAGE_VENDOR "codearts-check-stop")
set(CPACK_PACKAGE_CONTACT "codearts-check-stop maintainers <codearts-check-stop@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Stops Huawei Cloud CodeArts Check tasks when a CI build is cancelled or fails")
set(CPACK_PACKAGE_DESCRIPTION
    "codearts-check-stop stops Huawei Cloud CodeArts Check tasks from CI (GitHub Actions, GitLab CI,
Jenkins) when a build is cancelled, fails or times out, so no scan keeps running after the job is
gone. It confirms each stop, retries transient errors within a deadline, and reports per task.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/;/node_modules/")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "ca-certificates")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
if(CMAKE_CROSSCOMPILING)
  # GNU processor names -> Debian architectures, for the targets there is a toolchain file for.
  set(ccs_debian_architectures aarch64=arm64 x86_64=amd64)
  list(FILTER ccs_debian_architectures INCLUDE REGEX "^${CMAKE_SYSTEM_PROCESSOR}=")
  if(NOT ccs_debian_architectures)
    message(FATAL_ERROR "packaging: no Debian architecture known for ${CMAKE_SYSTEM_PROCESSOR}")
  endif()
  string(REGEX REPLACE "^.*=" "" CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${ccs_debian_architectures}")
endif()

include(CPack)
