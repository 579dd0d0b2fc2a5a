#!/usr/bin/env bash
# Installs real VS Code (code-server from npm) and playwright-core for the integration tests,
# offline-safe: every download that code-server's install would make is satisfied locally.
# Needs Debian's build-essential pkg-config libkrb5-dev ripgrep chromium (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")"
if [ -x node_modules/.bin/code-server ] && [ -f node_modules/.installed ]; then exit 0; fi
# @vscode/ripgrep downloads rg from GitHub unless its cache already holds the archive.
cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$archive" ]; then
  tmp=$(mktemp -d)
  cp "$(command -v rg)" "$tmp/rg"
  tar -czf "$archive" -C "$tmp" rg
fi
export npm_config_nodedir=/usr npm_config_yes=true npm_config_unsafe_perm=true
npm ci --no-audit --no-fund --foreground-scripts >/tmp/un-code-server-install.log 2>&1 || { tail -40 /tmp/un-code-server-install.log; exit 1; }
touch node_modules/.installed
