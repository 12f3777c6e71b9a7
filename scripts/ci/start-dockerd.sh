#!/usr/bin/env bash
# Starts a private Docker engine for tests, the way TESTING-ENV.md says works on these machines:
# vfs storage, no iptables, no bridge (only the host and none networks), a unix socket in DIR.
# Prints `DOCKER_HOST=...` and `DOCKERD_PID=...`; stop it with `kill -TERM <pid>` (it takes its
# containerd with it). Usage: start-dockerd.sh DIR
set -euo pipefail

dir=${1:?usage: start-dockerd.sh DIR}
mkdir -p "$dir/data" "$dir/exec"
sock="$dir/docker.sock"

# stdin/stdout/stderr are detached so whoever runs this script is not kept waiting on its pipes.
dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
  --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" \
  -H "unix://$sock" </dev/null >"$dir/dockerd.log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
  if DOCKER_HOST="unix://$sock" docker info >/dev/null 2>&1; then
    echo "DOCKER_HOST=unix://$sock"
    echo "DOCKERD_PID=$pid"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.25
done

echo "dockerd did not come up; its log:" >&2
tail -n 20 "$dir/dockerd.log" >&2 || true
kill -TERM "$pid" 2>/dev/null || true
exit 1
