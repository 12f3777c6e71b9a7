#!/usr/bin/env bash
# The whole test suite, on a fresh machine too (the README's test command; .ci/run calls it):
#   - the Debian packages the integration tests run for real (Docker engine, registry, htpasswd,
#     busybox), installed when missing and this is a root Debian machine (as CI is);
#   - node_modules from the lockfile when missing;
#   - jest over unit and integration tests. Integration tests use the engine DOCKER_HOST points at,
#     or start a private one (and a registry) themselves and stop it after.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker-registry >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    bash scripts/ci/install-packages.sh
  else
    echo "note: dockerd/docker-registry are missing and this is not a root Debian machine: the integration tests will be skipped (see .ci/run)" >&2
  fi
fi
[ -d node_modules ] || npm ci --no-audit --no-fund
echo "tests under node $(node --version)"
npm test -- "$@"
