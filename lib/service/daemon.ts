// Running the vault service: foreground server, background start with a pid file, stop, status,
// and service-manager files (systemd user unit, launchd plist).
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import process from "node:process";
import { join } from "node:path";
import { writeFileAtomic } from "../atomic_write.ts";
import type { Deps } from "../deps.ts";
import { KorvaError } from "../errors.ts";
import { homePaths } from "../paths.ts";
import { openMemories, resolveRepoContext, withVault } from "../memory/mod.ts";
import { createApiHandler } from "./api.ts";
import { loadAssets } from "./ui/assets.ts";
import { createDashboardHandler } from "./ui/dashboard.ts";
import { UiSessions } from "./ui/session.ts";
import { ensureToken } from "./token.ts";

/** What the pid file records. */
export interface ServiceInfo {
  pid: number;
  port: number;
  startedAt: string;
}

function pidPath(home: string): string {
  return join(homePaths(home).run, "vault-service.json");
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

/** The running service, if any (a stale pid file is ignored). */
export function runningService(home: string): ServiceInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(pidPath(home), "utf8")) as ServiceInfo;
    return alive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Serve in the foreground until SIGTERM/SIGINT; resolves when stopped. */
export async function serveForeground(deps: Deps, port: number): Promise<void> {
  const existing = runningService(deps.home);
  if (existing && existing.pid !== Deno.pid) {
    throw new KorvaError(
      `The vault service is already running (pid ${existing.pid}, port ${existing.port})`,
      { exitCode: 2, hint: "korva vault stop first" },
    );
  }
  const { token } = ensureToken(deps.home);
  const memories = openMemories(resolveRepoContext(deps), { client: "http", person: true });
  const vault = memories.vault;
  const sessions = new UiSessions(port, deps.now);
  const api = createApiHandler({ deps, memories, token, startedAt: deps.now(), sessions });
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
  let server: Deno.HttpServer;
  try {
    server = Deno.serve({ hostname: "127.0.0.1", port, onListen: () => {} }, handler);
  } catch (error) {
    vault.close();
    throw new KorvaError(`Cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`, {
      exitCode: 3,
      hint: "pick another port with --port",
    });
  }
  mkdirSync(homePaths(deps.home).run, { recursive: true });
  writeFileAtomic(
    pidPath(deps.home),
    JSON.stringify({ pid: Deno.pid, port, startedAt: deps.now().toISOString() }) + "\n",
  );
  const stop = () => void server.shutdown();
  Deno.addSignalListener("SIGTERM", stop);
  Deno.addSignalListener("SIGINT", stop);
  await server.finished;
  Deno.removeSignalListener("SIGTERM", stop);
  Deno.removeSignalListener("SIGINT", stop);
  vault.close();
  rmSync(pidPath(deps.home), { force: true });
}

/** Start the service in the background and wait until it answers /health. */
export async function startBackground(deps: Deps, port: number): Promise<ServiceInfo> {
  const existing = runningService(deps.home);
  if (existing) {
    throw new KorvaError(
      `The vault service is already running (pid ${existing.pid}, port ${existing.port})`,
      { exitCode: 2, hint: "korva vault status shows it; korva vault stop ends it" },
    );
  }
  mkdirSync(homePaths(deps.home).logs, { recursive: true });
  const log = await Deno.open(join(homePaths(deps.home).logs, "vault-service.log"), {
    append: true,
    create: true,
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

/** Stop the service gracefully; returns the pid it stopped, or undefined when none ran. */
export async function stopService(home: string): Promise<number | undefined> {
  const info = runningService(home);
  if (!info) {
    rmSync(pidPath(home), { force: true });
    return undefined;
  }
  process.kill(info.pid, "SIGTERM");
  for (let i = 0; i < 50 && alive(info.pid); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (alive(info.pid)) process.kill(info.pid, "SIGKILL");
  rmSync(pidPath(home), { force: true });
  return info.pid;
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
