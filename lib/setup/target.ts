// What a setup target is: how editors start korva, the context a target's files are computed
// in, and one change to one file.
import type { HookHandler } from "./hook_entries.ts";

/** How editors should start korva's MCP server. */
export interface ServerEntry {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** Everything a target needs to compute its files. */
export interface SetupContext {
  /** The user's home folder (HOME). */
  userHome: string;
  /** Project mode: the repository root; user mode: undefined. */
  repoRoot: string | undefined;
  platform: string;
  env: (name: string) => string | undefined;
  server: ServerEntry;
  /** The shell command an editor hook runs for a handler. */
  hookCommand: (handler: HookHandler) => string;
  /** How to run this korva: its executable and leading arguments (`korva` is `[path]`). */
  korva: string[];
  instructions: string;
}

/** One file a target changes, with how to add and remove korva's part. */
export interface FileChange {
  path: string;
  /** What is changed, for messages: "MCP server", "hooks", "instructions". */
  part: string;
  format: "json" | "jsonc" | "toml" | "markdown" | "javascript" | "shell" | "powershell";
  install(text: string | undefined): string;
  /** korva's part removed; containers korva created (and left empty) are removed too. */
  uninstall(text: string, created: string[][]): string;
  /** Objects/arrays korva may create to hold its part (recorded when it does). */
  containers: string[][];
  /** korva owns the whole file (it refuses one that is not its own): uninstall deletes it. */
  owned?: boolean;
  /** The file's mode when korva creates it (default 0644): 0755 for a script an editor runs. */
  mode?: number;
  /** Whether korva's part is present and current in the text. */
  current(text: string | undefined): boolean;
  present(text: string | undefined): boolean;
}

/** A tool korva can configure. */
export interface Target {
  id: string;
  name: string;
  detect(ctx: SetupContext): boolean;
  files(ctx: SetupContext): FileChange[];
  /** A sentence to print after configuring it (e.g. Gemini's trusted folders). */
  note?: string;
}
