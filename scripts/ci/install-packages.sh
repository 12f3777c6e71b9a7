#!/usr/bin/env bash
# The Debian packages the integration tests run for real (TESTING-ENV.md): a Docker engine,
# docker-registry, htpasswd (apache2-utils) and busybox for the stand-in base images.
# Skips apt entirely when they are all there already (a developer machine, a re-run).
set -euo pipefail

packages=(docker.io docker-registry apache2-utils busybox-static)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "apt packages already installed: ${packages[*]}"
  exit 0
fi
echo "installing: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
