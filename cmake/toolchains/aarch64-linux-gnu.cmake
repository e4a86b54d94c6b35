# Cross-compiles for 64-bit Arm Linux on a Debian (amd64) machine, with Debian's cross compiler and
# its multiarch arm64 libraries (scripts/install-deps --release installs both):
#
#   cmake --preset static-arm64      # the program, linked statically, for arm64
#   scripts/build-poco-static --arch arm64   # Poco for arm64 (uses this file too)
#
# Debian's cross g++ already compiles and links against /usr/include/aarch64-linux-gnu and
# /usr/lib/aarch64-linux-gnu. What must be kept from mixing in the host's (amd64) files is CMake's
# own search: find_package(OpenSSL) takes hints from pkg-config, and the find_* commands look in
# the host's multiarch directories, either of which would hand an x86-64 libssl.a to an arm64 link.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(ccs_target aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${ccs_target}-gcc)
set(CMAKE_CXX_COMPILER ${ccs_target}-g++)
# Searched as <prefix>/lib/<architecture> (so /usr/lib/aarch64-linux-gnu) and for package configs.
set(CMAKE_LIBRARY_ARCHITECTURE ${ccs_target})

# The host's multiarch directories are never right for the target.
set(ccs_host ${CMAKE_HOST_SYSTEM_PROCESSOR}-linux-gnu)
if(NOT ccs_host STREQUAL ccs_target)
  list(APPEND CMAKE_IGNORE_PATH /usr/lib/${ccs_host} /lib/${ccs_host} /usr/include/${ccs_host}
       /usr/lib/${ccs_host}/cmake /usr/lib/${ccs_host}/cmake/Poco)
endif()

# pkg-config reads the target's .pc files only (Debian's cross wrapper is not installed by default).
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/${ccs_target}/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")

# try_run and tests of a cross build run under user-mode QEMU when it is installed.
find_program(CCS_QEMU_AARCH64 qemu-aarch64-static)
if(CCS_QEMU_AARCH64)
  # -L /: the loader and libc of libc6:arm64 together (the cross package's loader with multiarch
  # libc.so.6 from ld.so.cache hangs at the first thread; tests/arm64/run says more).
  set(CMAKE_CROSSCOMPILING_EMULATOR ${CCS_QEMU_AARCH64} -L /)
endif()
