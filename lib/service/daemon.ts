// Running the vault service: foreground server, background start with a pid file, stop, status,
// and service-manager files (systemd user unit, launchd plist).
import { existsSync, readFileSync, rmSync } from "node:fs";
import process from "node:process";
import { join } from "node:path";
import { writeFileAtomic } from "../atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../file_modes.ts";
import type { Deps } from "../deps.ts";
import { KorvaError } from "../errors.ts";
import { homePaths } from "../paths.ts";
import { openMemories, resolveRepoContext, withVault } from "../memory/mod.ts";
import { createApiHandler } from "./api.ts";
import { type GuardedServer, serveGuarded } from "./guard.ts";
import { loadAssets } from "./ui/assets.ts";
import { createDashboardHandler } from "./ui/dashboard.ts";
import { UiSessions } from "./ui/session.ts";
import { ensureToken } from "./token.ts";

/** How long a stopping service waits for open requests before it closes anyway. */
export const SHUTDOWN_GRACE_MS = 2_000;

/** What the pid file records. */
export interface ServiceInfo {
  pid: number;
  port: number;
  startedAt: string;
}

function pidPath(home: string): string {
  return join(homePaths(home).run, "vault-service.json");
}

/** Held (flock) by the running service for its whole life; the kernel drops it when it dies. */
function lockPath(home: string): string {
  return join(homePaths(home).run, "vault-service.lock");
}

/** Whether a process id is alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/**
 * What the run folder says about the service: `running` only while a process holds the lock
 * file, so a pid file left by a crash or a reboot (whose pid may now be anyone's) is `stale`.
 */
export type ServiceState =
  | { state: "running"; info: ServiceInfo }
  | { state: "stale" }
  | { state: "stopped" };

/** Read the pid file and check that its writer still holds the service lock. */
export function serviceState(home: string): ServiceState {
  if (!existsSync(pidPath(home))) return { state: "stopped" };
  let info: ServiceInfo;
  try {
    info = JSON.parse(readFileSync(pidPath(home), "utf8")) as ServiceInfo;
  } catch {
    return { state: "stale" };
  }
  const lock = tryLock(home);
  if (lock === undefined) return { state: "running", info };
  lock.close();
  return { state: "stale" };
}

/** The running service, if any (a stale pid file is ignored). */
export function runningService(home: string): ServiceInfo | undefined {
  const state = serviceState(home);
  return state.state === "running" ? state.info : undefined;
}

/** Remove a stale pid file; returns whether there was one. */
export function removeStaleState(home: string): boolean {
  if (serviceState(home).state !== "stale") return false;
  rmSync(pidPath(home), { force: true });
  return true;
}

/** The service lock, or undefined when another process holds it. */
function tryLock(home: string): Deno.FsFile | undefined {
  ensurePrivateDir(homePaths(home).run);
  const file = Deno.openSync(lockPath(home), {
    read: true,
    write: true,
    create: true,
    mode: PRIVATE_FILE_MODE,
  });
  try {
    if (file.tryLockSync(true)) return file;
  } catch (error) {
    file.close();
    throw new KorvaError(`Cannot lock "${lockPath(home)}": ${(error as Error).message}`, {
      exitCode: 3,
      cause: error,
    });
  }
  file.close();
  return undefined;
}

/** Serve in the foreground until SIGTERM/SIGINT; resolves when stopped. */
export async function serveForeground(
  deps: Deps,
  port: number,
  options: { onServing?: (info: ServiceInfo) => void } = {},
): Promise<void> {
  const lock = tryLock(deps.home);
  if (!lock) {
    const existing = runningService(deps.home);
    throw new KorvaError(
      existing
        ? `The vault service is already running (pid ${existing.pid}, port ${existing.port})`
        : "The vault service is already starting in another process",
      { exitCode: 2, hint: "korva vault stop first" },
    );
  }
  try {
    await serveLocked(deps, port, options.onServing);
  } finally {
    lock.close();
  }
}

async function serveLocked(
  deps: Deps,
  port: number,
  onServing: ((info: ServiceInfo) => void) | undefined,
): Promise<void> {
  const { token } = ensureToken(deps.home);
  const memories = openMemories(resolveRepoContext(deps), { client: "http", person: true });
  const vault = memories.vault;
  const stopping = new AbortController();
  const sessions = new UiSessions(port, deps.now);
  const api = createApiHandler({
    deps,
    memories,
    token,
    startedAt: deps.now(),
    stopping: stopping.signal,
    sessions,
  });
  // The dashboard shares the connection; its writes are recorded as client "ui".
  const dashboard = createDashboardHandler({
    memories: withVault(memories.ctx, vault, { client: "ui", person: true }),
    sessions,
    assets: await loadAssets(),
  });
  const handler = (request: Request) => {
    const path = new URL(request.url).pathname;
    return path === "/health" || path.startsWith("/api/") ? api(request) : dashboard(request);
  };
  let server: GuardedServer;
  try {
    server = serveGuarded({ hostname: "127.0.0.1", port }, handler);
  } catch (error) {
    vault.close();
    throw new KorvaError(`Cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`, {
      exitCode: 3,
      hint: "pick another port with --port",
    });
  }
  ensurePrivateDir(homePaths(deps.home).run);
  const info = { pid: Deno.pid, port, startedAt: deps.now().toISOString() };
  writeFileAtomic(pidPath(deps.home), JSON.stringify(info) + "\n", { mode: PRIVATE_FILE_MODE });
  onServing?.(info);
  // A graceful shutdown waits for every connection, and one whose body never finishes would
  // hold it forever: body reads end at once, and open connections get a short grace.
  let stopped: Promise<void> | undefined;
  let onStopped: () => void = () => {};
  const done = new Promise<void>((resolve) => onStopped = resolve);
  const stop = () => {
    stopping.abort();
    stopped ??= server.shutdown(SHUTDOWN_GRACE_MS).finally(onStopped);
  };
  Deno.addSignalListener("SIGTERM", stop);
  Deno.addSignalListener("SIGINT", stop);
  await Promise.race([server.finished, done]);
  Deno.removeSignalListener("SIGTERM", stop);
  Deno.removeSignalListener("SIGINT", stop);
  vault.close();
  rmSync(pidPath(deps.home), { force: true });
}

/** Start the service in the background and wait until it answers /health. */
export async function startBackground(deps: Deps, port: number): Promise<ServiceInfo> {
  removeStaleState(deps.home);
  const existing = runningService(deps.home);
  if (existing) {
    throw new KorvaError(
      `The vault service is already running (pid ${existing.pid}, port ${existing.port})`,
      { exitCode: 2, hint: "korva vault status shows it; korva vault stop ends it" },
    );
  }
  ensurePrivateDir(homePaths(deps.home).logs);
  const log = await Deno.open(join(homePaths(deps.home).logs, "vault-service.log"), {
    append: true,
    create: true,
    mode: PRIVATE_FILE_MODE,
  });
  const child = new Deno.Command(deps.self.command, {
    args: [...deps.self.args, "vault", "start", "--foreground", "--port", String(port)],
    cwd: deps.cwd,
    env: { KORVA_HOME: deps.home },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
    detached: true,
  }).spawn();
  void child.stderr.pipeTo(log.writable).catch(() => {});
  child.unref();
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const info = runningService(deps.home);
    if (info && await healthy(port)) return info;
    if (!alive(child.pid)) break;
  }
  throw new KorvaError(`The vault service did not start on port ${port}`, {
    exitCode: 3,
    hint: `see ${join(homePaths(deps.home).logs, "vault-service.log")}`,
  });
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Stop the service gracefully; returns the pid it stopped, or undefined when none ran. Only a
 * process holding the service lock is signalled, never whatever now has a stale file's pid.
 */
export async function stopService(
  home: string,
): Promise<{ pid: number; killed: boolean } | undefined> {
  const state = serviceState(home);
  if (state.state !== "running") {
    rmSync(pidPath(home), { force: true });
    return undefined;
  }
  const { pid } = state.info;
  signal(pid, "SIGTERM");
  for (let i = 0; i < 50 && runningService(home)?.pid === pid; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const killed = runningService(home)?.pid === pid;
  if (killed) signal(pid, "SIGKILL");
  rmSync(pidPath(home), { force: true });
  return { pid, killed };
}

function signal(pid: number, name: "SIGTERM" | "SIGKILL"): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ESRCH") return;
    throw new KorvaError(
      `Cannot stop the vault service (pid ${pid}): ${
        code === "EPERM" ? "it runs as another user" : (error as Error).message
      }`,
      { exitCode: 3, cause: error, hint: "stop it as the user that started it" },
    );
  }
}

/** Write a systemd user unit (Linux) or a launchd agent (macOS); returns its path. */
export function writeServiceFile(deps: Deps, port: number): { path: string; enable: string } {
  const userHome = deps.env("HOME") ?? deps.home;
  const command = [
    deps.self.command,
    ...deps.self.args,
    "vault",
    "start",
    "--foreground",
    "--port",
    String(port),
  ];
  if (Deno.build.os === "darwin") {
    const path = join(userHome, "Library", "LaunchAgents", "dev.korva.vault.plist");
    const args = command.map((a) => `    <string>${escapeXml(a)}</string>`).join("\n");
    writeFileAtomic(
      path,
      `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>dev.korva.vault</string>
  <key>ProgramArguments</key>
  <array>
${args}
  </array>
  <key>EnvironmentVariables</key>
  <dict><key>KORVA_HOME</key><string>${escapeXml(deps.home)}</string></dict>
  <key>RunAtLoad</key><true/>
  <key>KeepAlive</key><true/>
</dict>
</plist>
`,
      { backupDir: homePaths(deps.home).backups, now: deps.now },
    );
    return { path, enable: `launchctl load -w ${path}` };
  }
  const path = join(
    deps.env("XDG_CONFIG_HOME") ?? join(userHome, ".config"),
    "systemd",
    "user",
    "korva.service",
  );
  const quoted = command.map((a) => /[\s"\\]/.test(a) ? JSON.stringify(a) : a).join(" ");
  writeFileAtomic(
    path,
    `[Unit]
Description=korva vault service (local HTTP API on 127.0.0.1:${port})

[Service]
Environment=KORVA_HOME=${deps.home}
ExecStart=${quoted}
Restart=on-failure

[Install]
WantedBy=default.target
`,
    { backupDir: homePaths(deps.home).backups, now: deps.now },
  );
  return { path, enable: "systemctl --user daemon-reload && systemctl --user enable --now korva" };
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Whether the pid file exists (for doctor). */
export function pidFileExists(home: string): boolean {
  return existsSync(pidPath(home));
}
