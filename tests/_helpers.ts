// Shared test fixtures: temp dirs, temp KORVA_HOME, temp git repos, spawning the real CLI.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Deps } from "../lib/deps.ts";
import { loadGlobCompiler } from "../lib/glob.ts";

// Unit tests call lib functions the way the CLI does, after its start loads the glob compiler.
await loadGlobCompiler();

/** Absolute path of the CLI entry point. */
export const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
/** Absolute path of the project root. */
export const ROOT = dirname(MAIN);
/**
 * Deno's module cache, passed to every spawned korva: a child with a temp HOME would otherwise
 * start an empty cache and try to download every npm package again.
 */
export const DENO_DIR = Deno.env.get("DENO_DIR") ??
  join(Deno.env.get("XDG_CACHE_HOME") ?? join(Deno.env.get("HOME") ?? tmpdir(), ".cache"), "deno");

/** Environment every spawned korva gets besides its own: PATH (git), the Deno cache, no colour. */
export function baseEnv(): Record<string, string> {
  return {
    PATH: Deno.env.get("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
    DENO_DIR,
    NO_COLOR: "1",
    ...gitEnv(),
  };
}

/** A fixed clock for anything time-based. */
export const FIXED_NOW = new Date("2026-06-01T12:00:00.000Z");

/** A temporary directory removed on dispose. */
export interface TempDir extends AsyncDisposable {
  path: string;
}

/** Make a temp dir that `await using` removes. */
export function tempDir(prefix = "korva-test-"): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    [Symbol.asyncDispose]: () => {
      rmSync(path, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** A temp HOME with KORVA_HOME inside it; `env` is what a spawned korva needs. */
export interface TempHome extends TempDir {
  home: string;
  korvaHome: string;
  env: Record<string, string>;
}

/** Make a temp HOME (and KORVA_HOME = HOME/.korva) that `await using` removes. */
export function tempHome(): TempHome {
  const dir = tempDir("korva-home-");
  const korvaHome = join(dir.path, ".korva");
  return {
    ...dir,
    home: dir.path,
    korvaHome,
    env: { HOME: dir.path, KORVA_HOME: korvaHome, NO_COLOR: "1" },
  };
}

/** Write a map of relative path → content under root, creating folders. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** Run git in a directory; throws with stderr on failure. */
export function git(cwd: string, ...args: string[]): string {
  const result = new Deno.Command("git", {
    args,
    cwd,
    env: gitEnv(),
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  const text = new TextDecoder();
  if (!result.success) {
    throw new Error(`git ${args.join(" ")} failed: ${text.decode(result.stderr)}`);
  }
  return text.decode(result.stdout);
}

/** Environment for git in tests: no user config, fixed identity. */
export function gitEnv(): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: "Test Author",
    GIT_AUTHOR_EMAIL: "author@example.test",
    GIT_COMMITTER_NAME: "Test Author",
    GIT_COMMITTER_EMAIL: "author@example.test",
    GIT_CONFIG_NOSYSTEM: "1",
  };
}

/** Make a git repo with the given files committed (unless `commit: false`). */
export function tempRepo(
  files: Record<string, string | Uint8Array> = {},
  options: { commit?: boolean; origin?: string } = {},
): TempDir {
  const dir = tempDir("korva-repo-");
  git(dir.path, "init", "-q", "-b", "main");
  git(dir.path, "config", "user.name", "Test Author");
  git(dir.path, "config", "user.email", "author@example.test");
  git(dir.path, "config", "commit.gpgsign", "false");
  if (options.origin) git(dir.path, "remote", "add", "origin", options.origin);
  writeFiles(dir.path, files);
  if (options.commit !== false && Object.keys(files).length > 0) {
    git(dir.path, "add", "-A");
    git(dir.path, "commit", "-q", "-m", "initial");
  }
  return dir;
}

/**
 * Where a spawned korva runs unless a test says otherwise: an empty folder outside any git
 * repository, so no test writes team files or reads rules of the project's own checkout.
 */
export const NEUTRAL_CWD = Deno.makeTempDirSync({ prefix: "korva-cwd-" });

/** The result of running the CLI. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawn the real CLI (`deno run -A main.ts …`) with a clean environment. */
export function runKorva(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; stdin?: string } = {},
): Promise<CliResult> {
  return runCommand(Deno.execPath(), ["run", "-A", "--quiet", MAIN, ...args], {
    ...options,
    cwd: options.cwd ?? NEUTRAL_CWD,
  });
}

/** Spawn a command with a clean environment (baseEnv() and `env`), `stdin` written then closed. */
export async function runCommand(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; stdin?: string } = {},
): Promise<CliResult> {
  const child = new Deno.Command(command, {
    args,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...baseEnv(), ...options.env },
    clearEnv: true,
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(options.stdin));
    await writer.close();
  }
  const output = await child.output();
  const text = new TextDecoder();
  return {
    code: output.code,
    stdout: text.decode(output.stdout),
    stderr: text.decode(output.stderr),
  };
}

/** In-process Deps over a temp home, capturing output. */
export function testDeps(
  home: string,
  options: { cwd?: string; now?: Date; stdin?: string; env?: Record<string, string> } = {},
): Deps & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  const env: Record<string, string> = { KORVA_HOME: home, ...options.env };
  return {
    home,
    homeFromEnv: true,
    env: (name) => env[name],
    now: () => options.now ?? FIXED_NOW,
    cwd: options.cwd ?? home,
    io: {
      out: (text) => void (out += text),
      err: (text) => void (err += text),
      readStdin: () => Promise.resolve(options.stdin ?? ""),
      isTerminal: false,
      confirm: () => Promise.resolve(false),
    },
    version: "0.0.0-test",
    self: { command: Deno.execPath(), args: ["run", "-A", "--quiet", MAIN] },
    status: { exitCode: 0 },
    stdout: () => out,
    stderr: () => err,
  };
}

/** A TCP port free on 127.0.0.1 right now (for starting the vault service). */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** Send a raw HTTP/1.1 request (fetch() will not forge a Host header); returns the status. */
export async function rawHttpStatus(port: number, request: string): Promise<number> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  await conn.write(new TextEncoder().encode(request));
  const buffer = new Uint8Array(256);
  const n = await conn.read(buffer) ?? 0;
  conn.close();
  return Number(
    new TextDecoder().decode(buffer.subarray(0, n)).match(/^HTTP\/1\.1 (\d+)/)?.[1] ?? 0,
  );
}
