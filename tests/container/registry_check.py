#!/usr/bin/env python3
"""What a registry serves for a multi-arch release, read over the registry API (v2) as `docker pull` does.

    registry_check.py HOST:PORT REPOSITORY DIGEST TAG [TAG ...]
    registry_check.py --sizes HOST:PORT REPOSITORY DIGEST


Prints nothing and exits 0 when every TAG resolves to the manifest list DIGEST, and that list names
exactly linux/amd64 and linux/arm64, each of whose image manifests the registry also serves with an
entrypoint-bearing config. Otherwise prints what differs (one line) and exits 1. With --sizes it
prints, for each architecture of the list DIGEST, "download_bytes_<arch> N": what a pull of that
architecture's image transfers (its manifest's config and compressed layers). Plain HTTP: it is
meant for a registry on loopback.
"""

import json
import sys
import urllib.request

LIST = "application/vnd.docker.distribution.manifest.list.v2+json"
IMAGE = "application/vnd.docker.distribution.manifest.v2+json"
PLATFORMS = ["linux/amd64", "linux/arm64"]


def get(base, path, accept):
    request = urllib.request.Request(base + path, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.headers.get("Docker-Content-Digest"), json.load(answer)


def check_image(base, repository, entry):
    """Problems with one platform's image: its manifest and config as the registry serves them."""
    platform = "%s/%s" % (entry["platform"]["os"], entry["platform"]["architecture"])
    _, manifest = get(base, "/v2/%s/manifests/%s" % (repository, entry["digest"]), IMAGE)
    _, config = get(base, "/v2/%s/blobs/%s" % (repository, manifest["config"]["digest"]), "*/*")
    problems = []
    if config.get("architecture") != entry["platform"]["architecture"]:
        problems.append("%s: its config says architecture %s" % (platform, config.get("architecture")))
    if config.get("config", {}).get("Entrypoint") != ["/usr/bin/codearts-check-stop"]:
        problems.append("%s: entrypoint %s" % (platform, config.get("config", {}).get("Entrypoint")))
    return problems


def print_sizes(base, repository, digest):
    _, manifest_list = get(base, "/v2/%s/manifests/%s" % (repository, digest), LIST)
    for entry in manifest_list.get("manifests", []):
        _, manifest = get(base, "/v2/%s/manifests/%s" % (repository, entry["digest"]), IMAGE)
        size = manifest["config"]["size"] + sum(layer["size"] for layer in manifest["layers"])
        print("download_bytes_%s %d" % (entry["platform"]["architecture"], size))
    return 0


def main(argv):
    if len(argv) == 5 and argv[1] == "--sizes":
        return print_sizes("http://" + argv[2], argv[3], argv[4])
    if len(argv) < 5:
        sys.exit(__doc__)
    host, repository, digest, tags = argv[1], argv[2], argv[3], argv[4:]
    base = "http://" + host
    problems = []
    for tag in tags:
        served, manifest_list = get(base, "/v2/%s/manifests/%s" % (repository, tag), LIST)
        if served != digest:
            problems.append("tag %s has digest %s, not %s" % (tag, served, digest))
        entries = manifest_list.get("manifests", [])
        platforms = sorted("%s/%s" % (m["platform"]["os"], m["platform"]["architecture"]) for m in entries)
        if platforms != PLATFORMS:
            problems.append("tag %s lists %s, not %s" % (tag, platforms, PLATFORMS))
    if not problems:
        for entry in entries:
            problems += check_image(base, repository, entry)
    if problems:
        print("; ".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
