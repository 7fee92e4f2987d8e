#!/usr/bin/env bash
# The real thing: install Claude Code, Gemini CLI, OpenCode and Codex from npm into a temp
# prefix, run `korva setup --all` in a temp HOME, and ask each client whether korva is there.
# Needs the npm registry (exit 77 when the clients cannot be installed). Usage: tests/e2e/real-clients.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
echo "installing the clients from npm into $prefix"
if ! timeout 300 npm install --silent --no-audit --no-fund --prefix "$prefix" \
  @anthropic-ai/claude-code@2.1.331 @google/gemini-cli@0.61.0 opencode-ai@1.18.33 @openai/codex@0.169.0 >/dev/null 2>&1; then
  echo "skipped: the clients could not be installed from npm (no registry?)"
  exit 77
fi
bin="$prefix/node_modules/.bin"

export HOME="$work/home"
mkdir -p "$HOME/project"
unset KORVA_HOME
# A launcher like the one install.sh writes, so the editors start korva by absolute path.
KORVA_BIN="$work/korva"
deno_bin="$(command -v deno)"
cat >"$KORVA_BIN" <<LAUNCHER
#!/bin/sh
KORVA_BIN="$KORVA_BIN"; export KORVA_BIN
DENO_DIR="${DENO_DIR:-$(deno info --json | sed -n 's/.*"denoDir": "\([^"]*\)".*/\1/p')}"; export DENO_DIR
exec "$deno_bin" run -A --quiet --frozen --config "$root/deno.json" "$root/main.ts" "\$@"
LAUNCHER
chmod +x "$KORVA_BIN"
export KORVA_BIN

cd "$HOME/project"
git init -q .
"$KORVA_BIN" init >/dev/null
"$KORVA_BIN" setup --all >/dev/null
# Gemini CLI only starts MCP servers in trusted folders: trust the project the way a user would.
printf '{"%s": "TRUST_FOLDER"}\n' "$HOME/project" >"$HOME/.gemini/trustedFolders.json"

fail=0
check() {
  local name="$1" pattern="$2"
  shift 2
  local out
  out="$(NO_COLOR=1 timeout 120 "$@" 2>&1 || true)"
  if grep -Eq "$pattern" <<<"$out"; then echo "ok    $name"; else echo "FAIL  $name"; echo "$out" | tail -5; fail=1; fi
}
check "claude mcp list: korva connected" 'korva:.*Connected' "$bin/claude" mcp list
check "gemini mcp list: korva connected" 'korva:.*Connected' "$bin/gemini" mcp list
check "opencode mcp list: korva connected" 'korva.*connected' "$bin/opencode" mcp list
check "codex mcp list: korva listed" '^korva +.*mcp --profile agent' "$bin/codex" mcp list
# Codex parses ~/.codex/hooks.json itself: its app-server lists korva's prompt hook, no errors.
codex_hooks='{
  echo "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"korva-ci\",\"version\":\"1\"}}}"
  echo "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}"
  echo "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"hooks/list\",\"params\":{\"cwds\":[\"$HOME/project\"]}}"
  sleep 8
} | "$0" app-server'
check "codex hooks/list: korva's prompt hook parsed" \
  '"eventName":"userPromptSubmit","handlerType":"command","command":"[^"]* hook prompt".*"warnings":\[\],"errors":\[\]' \
  bash -c "$codex_hooks" "$bin/codex"
exit "$fail"
