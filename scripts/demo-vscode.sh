#!/usr/bin/env bash
# npm run demo:vscode — VS Code in the browser (code-server from npm) on http://127.0.0.1:8080 with
# the extension and the examples/ folder open. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/vscode/setup.sh
root=$(mktemp -d)
ext="$root/extensions/un-citations.un-citations-0.1.0"
mkdir -p "$ext" "$root/user/User"
cp -r package.json README.md LICENSE data syntaxes media dist "$ext/"
printf '[{"identifier":{"id":"un-citations.un-citations"},"version":"0.1.0","location":{"$mid":1,"path":"%s","scheme":"file"},"relativeLocation":"un-citations.un-citations-0.1.0"}]' "$ext" > "$root/extensions/extensions.json"
printf '{"workbench.startupEditor":"none","security.workspace.trust.enabled":false}' > "$root/user/User/settings.json"
printf 'bind-addr: 127.0.0.1:8080\nauth: none\ncert: false\n' > "$root/config.yaml"
echo "Open http://127.0.0.1:8080 and then examples/background-note.md"
exec test/vscode/node_modules/.bin/code-server --config "$root/config.yaml" --disable-telemetry --disable-update-check \
  --user-data-dir "$root/user" --extensions-dir "$root/extensions" "$PWD/examples"
