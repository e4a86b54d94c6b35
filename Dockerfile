# Three stages:
#   build   Debian 12 with the build dependencies; compiles the program and gathers its run-time root.
#   ci      Debian 12 slim + the program + a shell and procps: for GitLab `image:` jobs and Jenkins
#           `docker.image(...).inside` (`--target ci`).
#   action  the last stage, the one GitHub builds and runs: the binary, the shared libraries it
#           loads, CA certificates, nothing else (no shell, no package manager).
#
# --build-arg LINK=static (for a prebuilt, published image) links Poco, OpenSSL and libstdc++
# statically: Poco is built from Debian's source package first (scripts/build-poco-static), which
# takes minutes. The default, LINK=shared, uses Debian's libpoco-dev: the action built from a tag is
# built at the start of every job, and must not make each job wait for Poco.
# tests/container/run builds both images and runs them the way the GitHub runner does.

# ---------------------------------------------------------------------------------------------
FROM debian:bookworm-slim AS build
# The dependency layer comes first and names nothing from the sources, so it stays cached while
# the sources change.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      cmake g++ make libpoco-dev libssl-dev ca-certificates curl bzip2 xz-utils patch \
 && rm -rf /var/lib/apt/lists/*
# Declared after the dependency layer, which then does not depend on it (and stays step 2, where
# tests/container/run looks for its cache hit).
ARG LINK=shared
# Static Poco (LINK=static only): its own layer, named by the script alone, so it stays cached.
COPY scripts/build-poco-static /src/scripts/build-poco-static
RUN if [ "$LINK" = static ]; then /src/scripts/build-poco-static /poco-static; fi
# .dockerignore lets only CMakeLists.txt, CMakePresets.json, cmake/, plugin/ and the two scripts in.
COPY . /src
# Build, then gather the run-time root in /rootfs (scripts/gather-rootfs, which the prebuilt release
# images use too): the binary and its post-run name, exactly the shared libraries it loads, and the CA
# certificates where OpenSSL's default paths look for them.
RUN set -eu; \
    static=OFF; if [ "$LINK" = static ]; then static=ON; fi; \
    cmake -S /src -B /build -DCMAKE_BUILD_TYPE=Release -DCCS_BUILD_TESTS=OFF -DCCS_STATIC=$static \
      -DCMAKE_PREFIX_PATH=/poco-static; \
    cmake --build /build -j "$(nproc)" --target codearts-check-stop; \
    strip /build/plugin/codearts-check-stop; \
    /src/scripts/gather-rootfs /build/plugin/codearts-check-stop /rootfs

# ---------------------------------------------------------------------------------------------
FROM debian:bookworm-slim AS ci
ARG LINK=shared
# The Poco libraries the program loads (the .deb's Depends pull in the same ones; none when it is
# linked statically), CA certificates, and procps, which Jenkins needs to stop `sh` steps inside the
# container on abort (bash is in the base).
RUN poco=""; \
    if [ "$LINK" != static ]; then \
      poco="libpocofoundation80 libpoconet80 libpoconetssl80 libpococrypto80 libpocojson80 libpocoutil80"; \
    fi; \
    apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates procps $poco \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /rootfs/usr/bin/ /usr/bin/
# No ENTRYPOINT: GitLab and Jenkins run their own shell in this image.
CMD ["bash"]

# ---------------------------------------------------------------------------------------------
# The image GitHub builds and runs. No USER and no WORKDIR: the runner runs it as root and sets
# the working directory (/github/workspace) itself.
FROM scratch AS action
COPY --from=build /rootfs/ /
ENTRYPOINT ["/usr/bin/codearts-check-stop"]
