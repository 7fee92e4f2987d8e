import assert from "node:assert/strict";
import { join } from "node:path";
import { clineHook, clineHookText } from "../../lib/setup/cline_hooks.ts";
import type { SetupContext } from "../../lib/setup/target.ts";

function windows(env: Record<string, string>): SetupContext {
  return {
    userHome: "C:\\Users\\Ana",
    repoRoot: undefined,
    platform: "windows",
    env: () => undefined,
    server: { command: "C:\\Program Files\\korva\\korva.exe", args: [], env },
    hookCommand: (handler) => `korva hook ${handler}`,
    korva: ["C:\\Program Files\\korva\\korva.exe"],
    instructions: "",
  };
}

Deno.test("clineHookText() on Windows is PowerShell that pipes a file tool's payload to korva in UTF-8, KORVA_HOME set when it is not the default", () => {
  assert.equal(
    clineHookText(windows({ KORVA_HOME: "C:\\Users\\Ana's\\korva" })),
    [
      "# korva: Cline PreToolUse hook",
      "# Written by `korva setup`; `korva setup --uninstall` removes it.",
      "$utf8 = [System.Text.UTF8Encoding]::new($false)",
      "[Console]::InputEncoding = $utf8; [Console]::OutputEncoding = $utf8; $OutputEncoding = $utf8",
      "$payload = [Console]::In.ReadToEnd()",
      `if ($payload -match '"(read_files|editor|read_file|write_to_file|replace_in_file)"') {`,
      "  $env:KORVA_HOME = 'C:\\Users\\Ana''s\\korva'",
      "  $payload | & 'C:\\Program Files\\korva\\korva.exe' hook file-context",
      "}",
      "",
    ].join("\r\n"),
  );
  assert.doesNotMatch(clineHookText(windows({})), /KORVA_HOME/);
});

Deno.test("clineHook() on Windows is PreToolUse.ps1, the only name Cline runs there", () => {
  const dir = "C:\\Users\\Ana\\Documents\\Cline\\Hooks";
  assert.equal(clineHook(dir, windows({})).path, join(dir, "PreToolUse.ps1"));
});
