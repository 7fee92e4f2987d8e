#!/usr/bin/env bash
# Checks `korva mcp` with the official MCP Inspector in CLI mode (tools/list and tools/call).
# Needs the npm registry; run by hand or with KORVA_INSPECTOR=1 deno task test.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export KORVA_HOME="$home/.korva"
inspector=(npx -y @modelcontextprotocol/inspector@0.17.2 --cli deno run -A --quiet "$root/main.ts" mcp)
list="$("${inspector[@]}" --method tools/list 2>/dev/null)"
grep -q '"name": "vault_context"' <<<"$list" || { echo "tools/list did not list vault_context" >&2; exit 1; }
call="$("${inspector[@]}" --method tools/call --tool-name vault_save --tool-arg type=note --tool-arg title=inspected --tool-arg content=hello 2>/dev/null)"
grep -q '"duplicate": false' <<<"$call" || { echo "tools/call vault_save failed: $call" >&2; exit 1; }
echo "MCP Inspector: tools/list and tools/call ok"
