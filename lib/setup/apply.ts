// Planning and applying setup: compute every file's new text first (nothing written when a file
// cannot be parsed), then write atomically with backups; uninstall removes exactly korva's part.
import { accessSync, constants, existsSync, readFileSync, rmSync } from "node:fs";
import { createTwoFilesPatch } from "diff";
import { writeFileAtomic } from "../atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../file_modes.ts";
import type { Deps } from "../deps.ts";
import { renderInstructions } from "../discovery/instructions.ts";
import { messageOf } from "../errors.ts";
import { homePaths } from "../paths.ts";
import { join } from "node:path";
import { getJson, UnparseableError } from "./edit.ts";
import { type SetupContext, type Target, TARGETS } from "./targets.ts";

/** One file's planned change. */
export interface PlannedFile {
  path: string;
  parts: string[];
  before: string | undefined;
  after: string | undefined;
  /** JSON containers this install creates (remembered for uninstall). */
  containers: string[][];
  /** The mode of a file korva creates (FileChange.mode). */
  mode?: number;
}

/** One target's plan: its files, or why it was skipped. */
export interface TargetPlan {
  target: Target;
  files: PlannedFile[];
  error: string | undefined;
}

/** Build the context targets compute their files from. */
export function setupContext(
  deps: Deps,
  options: { profile: string; repoRoot: string | undefined },
): SetupContext {
  const quote = (word: string) =>
    /^[\w./@:+=-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
  const self = [deps.self.command, ...deps.self.args];
  const envPrefix = deps.homeFromEnv ? `KORVA_HOME=${quote(deps.home)} ` : "";
  return {
    userHome: deps.env("HOME") ?? deps.env("USERPROFILE") ?? deps.home,
    repoRoot: options.repoRoot,
    platform: Deno.build.os,
    env: deps.env,
    server: {
      command: deps.self.command,
      args: [...deps.self.args, "mcp", "--profile", options.profile],
      env: deps.homeFromEnv ? { KORVA_HOME: deps.home } : {},
    },
    hookCommand: (handler) => `${envPrefix}${self.map(quote).join(" ")} hook ${handler}`,
    korva: self,
    instructions: renderInstructions(),
  };
}

const STATE_FILE = "setup-state.json";

interface SetupState {
  /** Files that did not exist before korva first wrote them (removed again on uninstall). */
  created: string[];
  /** Per file, the JSON containers korva created to hold its part. */
  containers?: Record<string, string[][]>;
}

function readState(home: string): SetupState {
  try {
    return JSON.parse(readFileSync(join(home, STATE_FILE), "utf8")) as SetupState;
  } catch {
    return { created: [] };
  }
}

/** Plan install or uninstall for the chosen targets. */
export function planSetup(
  ctx: SetupContext,
  targets: Target[],
  mode: "install" | "uninstall",
  home: string,
): TargetPlan[] {
  const texts = new Map<string, string | undefined>();
  const read = (path: string) => {
    if (!texts.has(path)) {
      texts.set(path, existsSync(path) ? readFileSync(path, "utf8") : undefined);
    }
    return texts.get(path);
  };
  const state = readState(home);
  const created = new Set(state.created);
  return targets.map((target) => {
    const staged = new Map<string, PlannedFile>();
    let path = "";
    try {
      for (const change of target.files(ctx)) {
        path = change.path;
        const current = staged.get(change.path)?.after ?? read(change.path);
        let after: string | undefined;
        const newContainers: string[][] = [];
        // Idempotent: a part that is already current is left exactly as it is.
        if (mode === "install") {
          if (change.current(current)) after = current;
          else {
            for (const path of change.containers) {
              if (getJson(current, path) === undefined) newContainers.push(path);
            }
            after = change.install(current);
          }
        } else if (current === undefined) after = undefined;
        else {
          const mine = state.containers?.[change.path] ?? [];
          after = change.present(current) ? change.uninstall(current, mine) : current;
          // A file korva created, or one it owns whole, goes when nothing is left in it.
          if ((created.has(change.path) || change.owned) && isBlank(after)) after = undefined;
        }
        const planned = staged.get(change.path) ??
          {
            path: change.path,
            parts: [],
            before: read(change.path),
            after: current,
            containers: [],
          };
        planned.containers.push(...newContainers);
        if (change.mode !== undefined) planned.mode = change.mode;
        planned.after = after;
        planned.parts.push(change.part);
        staged.set(change.path, planned);
      }
    } catch (error) {
      const reason = error instanceof UnparseableError
        ? `cannot parse "${path}": ${error.message}; the file was left untouched`
        : messageOf(error);
      return { target, files: [], error: reason };
    }
    // Later targets see earlier targets' changes to a shared file (e.g. AGENTS.md).
    for (const file of staged.values()) texts.set(file.path, file.after);
    return { target, files: [...staged.values()], error: undefined };
  });
}

function isBlank(text: string | undefined): boolean {
  if (text === undefined) return true;
  return /^\s*(?:\{\s*\})?\s*$/.test(text);
}

/** Files whose text would change. */
export function changedFiles(plans: TargetPlan[]): PlannedFile[] {
  const seen = new Map<string, PlannedFile>();
  for (const plan of plans) {
    for (const file of plan.files) {
      const earlier = seen.get(file.path);
      // A file two targets share (AGENTS.md, ~/.copilot/hooks/korva.json): the first one's text
      // before, the last one's after, and the containers either created.
      seen.set(
        file.path,
        earlier
          ? {
            ...file,
            before: earlier.before,
            containers: [...earlier.containers, ...file.containers],
          }
          : file,
      );
    }
  }
  return [...seen.values()].filter((f) => f.before !== f.after);
}

/** A unified diff of every planned change. */
export function renderDiff(files: PlannedFile[]): string {
  return files.map((f) =>
    createTwoFilesPatch(
      f.path,
      f.path,
      f.before ?? "",
      f.after ?? "",
      f.before === undefined ? "(new file)" : "",
      f.after === undefined ? "(removed)" : "",
    )
      .replace(/^Index: .*\n=+\n/, "")
  ).join("\n");
}

/** Write the plan: atomic writes with backups; a failure on one file does not stop the others. */
export function applySetup(
  files: PlannedFile[],
  home: string,
  now: () => Date,
): Array<{ path: string; error?: string; backup?: string }> {
  const state = readState(home);
  const created = new Set(state.created);
  const containers = state.containers ?? {};
  const results = files.map((file) => {
    try {
      if (file.before !== undefined && existsSync(file.path)) {
        try {
          accessSync(file.path, constants.W_OK);
        } catch {
          return {
            path: file.path,
            error: `"${file.path}" is read-only; make it writable or edit it by hand`,
          };
        }
      }
      if (file.after === undefined) {
        rmSync(file.path, { force: true });
        created.delete(file.path);
        delete containers[file.path];
        return { path: file.path };
      }
      if (file.containers.length > 0) {
        const known = containers[file.path] ?? [];
        for (const c of file.containers) {
          if (!known.some((k) => JSON.stringify(k) === JSON.stringify(c))) known.push(c);
        }
        containers[file.path] = known;
      }
      const backup = writeFileAtomic(file.path, file.after, {
        backupDir: homePaths(home).backups,
        now,
        ...(file.mode !== undefined ? { mode: file.mode } : {}),
      });
      if (file.before === undefined) created.add(file.path);
      return backup ? { path: file.path, backup } : { path: file.path };
    } catch (error) {
      return { path: file.path, error: messageOf(error) };
    }
  });
  try {
    ensurePrivateDir(home);
    writeFileAtomic(
      join(home, STATE_FILE),
      JSON.stringify({ created: [...created].sort(), containers }, null, 2) + "\n",
      { mode: PRIVATE_FILE_MODE },
    );
  } catch {
    // The state only helps uninstall delete files korva created; losing it is not fatal.
  }
  return results;
}

/** Per target: detected, configured and up to date (for `korva setup --status` and doctor). */
export interface TargetStatus {
  id: string;
  name: string;
  detected: boolean;
  configured: boolean;
  current: boolean;
  files: string[];
  error?: string;
}

/** The status of every target for this context. */
export function setupStatus(ctx: SetupContext): TargetStatus[] {
  return TARGETS.map((target) => {
    const changes = target.files(ctx);
    let current = "";
    try {
      const texts = changes.map((c) =>
        existsSync(c.path) ? readFileSync(c.path, "utf8") : undefined
      );
      changes.forEach((c, i) => {
        current = c.path;
        c.present(texts[i]);
      });
      return {
        id: target.id,
        name: target.name,
        detected: target.detect(ctx),
        configured: changes.every((c, i) => c.present(texts[i])),
        current: changes.every((c, i) => c.current(texts[i])),
        files: changes.map((c) => c.path),
      };
    } catch (error) {
      return {
        id: target.id,
        name: target.name,
        detected: target.detect(ctx),
        configured: false,
        current: false,
        files: changes.map((c) => c.path),
        error: `cannot parse "${current}": ${messageOf(error)}`,
      };
    }
  });
}
