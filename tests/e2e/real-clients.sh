#!/usr/bin/env bash
# The real thing: install Claude Code, Gemini CLI, OpenCode, Codex, Copilot CLI and the Cline CLI
# from npm into a temp prefix, run `korva setup --all` in a temp HOME, and ask each client whether
# korva is there; then send each a prompt, with a stand-in model (tests/e2e/fake_model.ts) in place
# of theirs, and look in what each sent its model for korva's session context, the one memory only
# that prompt recalls, (Claude Code, Gemini CLI and Cline, whose models ask to read a file) the
# memory anchored to that file and (Claude Code, whose model then writes code a team rule forbids)
# the edit gate's refusal. Needs the npm registry (exit 77 when the clients cannot be installed).
# Usage: tests/e2e/real-clients.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
model_pid=""
# The Cline CLI leaves a hub daemon running in the folder it ran in.
trap 'pkill -f "cline-hub-daemon --cwd $work/" 2>/dev/null; rm -rf "$work"
  [ -n "$model_pid" ] && kill "$model_pid" 2>/dev/null' EXIT
prefix="$work/prefix"
echo "installing the clients from npm into $prefix"
if ! timeout 300 npm install --silent --no-audit --no-fund --prefix "$prefix" \
  @anthropic-ai/claude-code@2.1.331 @google/gemini-cli@0.61.0 opencode-ai@1.18.33 @openai/codex@0.169.0 \
  @github/copilot@1.0.102 cline@3.0.65 >/dev/null 2>&1; then
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
# A note only opening its file recalls, one only a prompt about it recalls: thirty newer decisions
# fill the session-start context.
mkdir -p src/billing
echo "export const cents = (n: number) => Math.round(n * 100);" >src/billing/amount.ts
"$KORVA_BIN" save --type note --title "Money amounts in src/billing are integer cents" \
  --content "Never store a float amount: convert at the edge with cents()." \
  --files "src/billing/**" >/dev/null 2>&1
"$KORVA_BIN" save --type note --title "Payment retries take the Redis lock keyed by payment_id" \
  --content "A retry that ran after the Redis lock expired charged customers twice." >/dev/null 2>&1
for i in $(seq 30); do
  "$KORVA_BIN" save --type decision --title "Dashboard area $i is laid out with CSS grid" \
    --content "Area $i uses named template areas; flexbox only inside its cards." >/dev/null 2>&1
done
# The team's rule against locking payments by user id, citing the incident behind it.
incident="$("$KORVA_BIN" save --type incident --title "Double charge from a user_id lock" \
  --content "Two cards of one user raced" --why "users pay with several cards at once" --json |
  sed -n 's/^  "id": "\(.*\)",$/\1/p')"
mkdir -p .korva/rules
cat >.korva/rules/pay.yml <<RULE
version: 1
rules:
  - id: payments/lock-key
    title: Payment locks are keyed by order
    message: "Payment lock keyed by a user id"
    memory: [$incident]
    fix: Key the lock by the order id
    match:
      kind: call
      callee: '(?:^|\\.)lock\$'
      built-from: '\\buser_?id\\b'
RULE
"$KORVA_BIN" setup --all >/dev/null 2>"$work/setup.err" || { cat "$work/setup.err"; exit 1; }
# Gemini CLI only starts MCP servers in trusted folders: trust the project the way a user would.
printf '{"%s": "TRUST_FOLDER"}\n' "$HOME/project" >"$HOME/.gemini/trustedFolders.json"

fail=0
verdict() { # verdict NAME PATTERN FILE: ok when FILE holds PATTERN, else FAIL and the client's last lines
  if grep -Eq "$2" "$3"; then echo "ok    $1"; else echo "FAIL  $1"; tail -5 "$work/client.out"; fail=1; fi
}
check() { # check NAME PATTERN COMMAND...: what the command prints holds PATTERN
  local name="$1" pattern="$2"
  shift 2
  NO_COLOR=1 timeout 120 "$@" >"$work/client.out" 2>&1 || true
  verdict "$name" "$pattern" "$work/client.out"
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

# Prompt-time recall, as each client's model receives it.
model_log="$work/model.log"
# The stand-in models first read that file, as a session that opens it would; Claude Code's then
# writes a payment lock keyed by user id, which the team's rule forbids.
amount="$HOME/project/src/billing/amount.ts"
calls='[{"name":"Read","input":{"file_path":"'"$amount"'"}},
  {"name":"read_file","input":{"file_path":"'"$amount"'"}},
  {"name":"read_files","input":{"files":[{"path":"'"$amount"'"}]}},
  {"name":"Write","input":{"file_path":"'"$HOME/project/src/pay.ts"'",
    "content":"export async function pay(p) {\n  await redis.lock(`pay:${p.user_id}`, 30000);\n}\n"}}]'
FAKE_MODEL_CALLS="$calls" deno run -A "$root/tests/e2e/fake_model.ts" "$model_log" >"$work/model.port" &
model_pid=$!
for _ in $(seq 50); do [ -s "$work/model.port" ] && break; sleep 0.1; done
model="http://127.0.0.1:$(head -1 "$work/model.port")"
prompt="Why does the payment retry take a redis lock?"
asked() { # asked COMMAND...: send the prompt through a client; its model requests land in the log
  : >"$model_log"
  NO_COLOR=1 timeout 120 "$@" >"$work/client.out" 2>&1 || true
}
received() { # received NAME PATTERN: what the last client sent its model holds PATTERN
  verdict "$1" "$2" "$model_log"
}
started='## korva: what this team knows'
recalled='that may bear on this request[^"]*\[note\] Payment retries take the Redis lock'
asked env ANTHROPIC_BASE_URL="$model" ANTHROPIC_API_KEY=sk-ant-stand-in "$bin/claude" -p "$prompt"
received "claude -p: the model receives korva's session context (SessionStart)" "$started"
received "claude -p: the model receives the memory the prompt recalls (UserPromptSubmit)" "$recalled"
received "claude -p: the model receives the memory of the file it reads (PreToolUse on Read)" \
  'PreToolUse:Read hook additional context: ## korva[^"]*\[note\] Money amounts in src/billing'
received "claude -p: the write that breaks a team rule is refused with the rule and its memory (edit gate)" \
  "korva sentinel: this edit breaks 1 team rule:[^\"]*payments/lock-key[^\"]*why: memory $incident"
if [ -e "$HOME/project/src/pay.ts" ]; then echo "FAIL  claude -p: the refused write left no file"; fail=1
else echo "ok    claude -p: the refused write left no file"; fi

asked "$bin/codex" exec --dangerously-bypass-hook-trust --skip-git-repo-check -c model=gpt-5 \
  -c model_provider=stand-in \
  -c "model_providers.stand-in={name=\"stand-in\",base_url=\"$model/v1\",wire_api=\"responses\"}" "$prompt"
received "codex exec: the model receives korva's session context (SessionStart; trust bypassed)" "$started"
received "codex exec: the model receives the memory the prompt recalls (UserPromptSubmit)" "$recalled"
# Gemini CLI takes GOOGLE_GEMINI_BASE_URL with the API-key sign-in a user would have chosen.
deno eval --quiet "const p = Deno.env.get('HOME') + '/.gemini/settings.json';
  const s = JSON.parse(Deno.readTextFileSync(p));
  s.security = { auth: { selectedType: 'gemini-api-key' } };
  Deno.writeTextFileSync(p, JSON.stringify(s, null, 2));"
asked env GOOGLE_GEMINI_BASE_URL="$model" GEMINI_API_KEY=stand-in "$bin/gemini" -p "$prompt"
received "gemini -p: the model receives korva's session context (SessionStart)" "$started"
received "gemini -p: the model receives the memory the prompt recalls (BeforeAgent)" "$recalled"
received "gemini -p: the model receives the memory of the file it reads (AfterTool on read_file)" \
  'functionResponse.{0,80}read_file.{0,400}hook_context>## korva[^"]*\[note\] Money amounts in src/billing'

printf '{"provider":{"stand-in":{"npm":"@ai-sdk/openai-compatible","options":{"baseURL":"%s/v1","apiKey":"x"},"models":{"m":{}}}},"model":"stand-in/m"}\n' \
  "$model" >"$work/opencode-model.json"
asked env OPENCODE_CONFIG="$work/opencode-model.json" "$bin/opencode" run "$prompt"
received "opencode run: the model receives the memory the prompt recalls (plugin chat.message)" "$recalled"
asked env COPILOT_AUTO_UPDATE=false COPILOT_PROVIDER_BASE_URL="$model/v1" COPILOT_MODEL=gpt-4.1 \
  COPILOT_PROVIDER_API_KEY=x "$bin/copilot" -p "$prompt" --no-auto-update
received "copilot -p: the model receives korva's session context (~/.copilot/hooks SessionStart)" "$started"
received "copilot -p: the model receives the memory the prompt recalls (~/.copilot/hooks)" "$recalled"
# The Cline CLI takes an OpenAI-compatible server only from its stored provider settings.
"$bin/cline" auth -p openai-compatible -k stand-in -m m -b "$model/v1" >"$work/client.out" 2>&1
asked "$bin/cline" "$prompt"
received "cline: the model is offered korva's MCP tools (~/.cline/data/settings)" \
  '"name\\":\\"korva__vault_search'
received "cline: the model receives korva's instructions (Documents/Cline/Rules)" \
  '<!-- korva:begin[^"]*Team memory \(korva\)'
received "cline: the model receives korva's session context with the task's first file read (PreToolUse)" \
  'hook_context source=[^>]*PreToolUse[^>]*>[^"]*## korva[^"]*\[decision\] Dashboard area [0-9]+ is laid out'
received "cline: the model receives the memory of the file it reads (Documents/Cline/Hooks PreToolUse)" \
  'hook_context source=[^>]*PreToolUse[^>]*>[^"]*## korva[^"]*\[note\] Money amounts in src/billing'
exit "$fail"
