// Cline's tool hook: a script korva owns in Cline's global Hooks folder, which runs
// `korva hook file-context` when a tool reads or edits files, so the memories anchored to them
// reach the model as Cline's `<hook_context>` after the tool's result.
import { join } from "node:path";
import { ownedFile } from "./config_changes.ts";
import type { FileChange, SetupContext } from "./target.ts";

const MARK = "# korva: Cline PreToolUse hook";

/**
 * The tools whose calls carry files: the CLI's and extension 4.1's read_files and editor (paths
 * under `files[].path`, `path`), and the 3.x extension's read_file, write_to_file and
 * replace_in_file (`path`). Any other tool call exits at once without starting korva.
 */
const FILE_TOOLS = ["read_files", "editor", "read_file", "write_to_file", "replace_in_file"];

/**
 * The hook script. Cline (CLI 3.0, VS Code extension 4.1) runs `PreToolUse` from
 * `Documents/Cline/Hooks` before every tool call, with the call as JSON on stdin, and adds a
 * `contextModification` it prints to what the model sees next. On Linux and macOS the file has no
 * extension, a shebang and the executable bit (the extension checks it); on Windows Cline runs only
 * `PreToolUse.ps1`, with PowerShell.
 */
export function clineHookText(ctx: SetupContext): string {
  if (ctx.platform === "windows") {
    const quote = (word: string) => `'${word.replaceAll("'", "''")}'`;
    const home = ctx.server.env.KORVA_HOME;
    return [
      MARK,
      "# Written by `korva setup`; `korva setup --uninstall` removes it.",
      "$utf8 = [System.Text.UTF8Encoding]::new($false)",
      "[Console]::InputEncoding = $utf8; [Console]::OutputEncoding = $utf8; $OutputEncoding = $utf8",
      "$payload = [Console]::In.ReadToEnd()",
      `if ($payload -match '"(${FILE_TOOLS.join("|")})"') {`,
      ...(home === undefined ? [] : [`  $env:KORVA_HOME = ${quote(home)}`]),
      `  $payload | & ${ctx.korva.map(quote).join(" ")} hook file-context`,
      "}",
      "",
    ].join("\r\n");
  }
  return [
    "#!/bin/sh",
    MARK,
    "# Written by `korva setup`; `korva setup --uninstall` removes it.",
    'payload="$(cat)"',
    'case "$payload" in',
    `*${FILE_TOOLS.map((tool) => `'"${tool}"'`).join("*|*")}*)`,
    `  printf '%s' "$payload" | ${ctx.hookCommand("file-context")} ;;`,
    "esac",
    "",
  ].join("\n");
}

/** The hook in `hooksDir` (PreToolUse, or PreToolUse.ps1 on Windows), which korva owns whole. */
export function clineHook(hooksDir: string, ctx: SetupContext): FileChange {
  const name = ctx.platform === "windows" ? "PreToolUse.ps1" : "PreToolUse";
  return {
    ...ownedFile(join(hooksDir, name), {
      part: "file hook",
      format: ctx.platform === "windows" ? "powershell" : "shell",
      text: clineHookText(ctx),
      mine: (text) => text.includes(MARK),
    }),
    mode: 0o755,
  };
}
