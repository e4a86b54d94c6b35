# syntax=docker/dockerfile:1
# Build stage: Debian 12 with the build dependencies. The dependency layer comes first and does not
# change when the sources do, so it stays cached.
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      cmake g++ make libpoco-dev libssl-dev ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt CMakePresets.json ./
COPY plugin plugin
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCCS_BUILD_TESTS=OFF \
 && cmake --build build -j "$(nproc)" \
 && strip build/plugin/codearts-check-stop
# Gather the binary, exactly the shared libraries it loads, and the CA certificates into a root.
RUN set -eu; root=/rootfs; \
    install -D build/plugin/codearts-check-stop "$root/usr/bin/codearts-check-stop"; \
    for lib in $(ldd build/plugin/codearts-check-stop | grep -o '/[^ ]*'); do \
      install -D "$lib" "$root$lib"; \
    done; \
    install -D /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"

# The image GitHub builds and runs: nothing but the program and what it needs.
FROM scratch
COPY --from=build /rootfs/ /
ENTRYPOINT ["/usr/bin/codearts-check-stop"]
