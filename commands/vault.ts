// `korva vault start|stop|status|install-service`: the local HTTP API for scripts and a web UI.
import { Command } from "commander";
import { loadConfig } from "../lib/config.ts";
import type { Deps } from "../lib/deps.ts";
import { homePaths } from "../lib/paths.ts";
import {
  removeStaleState,
  runningService,
  serveForeground,
  startBackground,
  stopService,
  writeServiceFile,
} from "../lib/service/daemon.ts";
import { openVault } from "../lib/vault/mod.ts";
import { parseCount } from "./options.ts";
import { printJson } from "./print.ts";

/** Build the `vault` command. */
export function vaultCommand(deps: Deps): Command {
  const vault = new Command("vault").description(
    "Run the local vault service: an HTTP API on 127.0.0.1 (default port 7437)",
  );
  const port = (flag: string | undefined) =>
    parseCount("--port", flag) ?? loadConfig(deps.home).service.port;
  vault.command("start")
    .description("Start the service in the background (survives the terminal closing)")
    .option("--port <n>", "port on 127.0.0.1")
    .option("--foreground", "serve in this process (for service managers)")
    .addHelpText(
      "after",
      '\nExample:\n  korva vault start && curl -H "Authorization: Bearer $(cat ~/.korva/token)" 127.0.0.1:7437/api/stats',
    )
    .action(async (flags: { port?: string; foreground?: boolean }) => {
      const chosen = port(flags.port);
      if (flags.foreground) {
        // Said only once the config is read, the vault open and the listener up.
        await serveForeground(deps, chosen, {
          onServing: (info) =>
            deps.io.err(
              `korva vault: serving on http://127.0.0.1:${info.port} (pid ${info.pid})\n`,
            ),
        });
        return;
      }
      const info = await startBackground(deps, chosen);
      deps.io.out(`korva vault service started: http://127.0.0.1:${info.port} (pid ${info.pid})\n`);
      deps.io.out(`token: ${homePaths(deps.home).token}\n`);
    });
  vault.command("stop")
    .description("Stop the background service gracefully")
    .action(async () => {
      const stopped = await stopService(deps.home);
      deps.io.out(
        !stopped
          ? "the vault service was not running\n"
          : stopped.killed
          ? `killed the vault service (pid ${stopped.pid}): it did not stop within 5 s\n`
          : `stopped the vault service (pid ${stopped.pid})\n`,
      );
    });
  vault.command("status")
    .description("Show pid, port, uptime and vault size")
    .option("--json", "print the status as JSON")
    .action((flags: { json?: boolean }) => {
      const staleRemoved = removeStaleState(deps.home);
      const info = runningService(deps.home);
      let size = 0;
      try {
        using v = openVault(homePaths(deps.home).vault, { readonly: true });
        size = v.stats().sizeBytes;
      } catch {
        size = 0;
      }
      const uptime = info
        ? Math.round((deps.now().getTime() - Date.parse(info.startedAt)) / 1000)
        : 0;
      if (flags.json) {
        return printJson(deps, {
          running: info !== undefined,
          ...(staleRemoved ? { staleStateRemoved: true } : {}),
          ...info,
          uptimeSeconds: uptime,
          vaultBytes: size,
        });
      }
      deps.io.out(
        info
          ? `running: pid ${info.pid}, http://127.0.0.1:${info.port}, up ${uptime} s, vault ${
            (size / 1024).toFixed(0)
          } KiB\n`
          : `not running${staleRemoved ? " (stale state removed)" : ""} (vault ${
            (size / 1024).toFixed(0)
          } KiB); start it with korva vault start\n`,
      );
    });
  vault.command("install-service")
    .description("Write a systemd user unit (Linux) or launchd agent (macOS) that runs the service")
    .option("--port <n>", "port on 127.0.0.1")
    .action((flags: { port?: string }) => {
      const { path, enable } = writeServiceFile(deps, port(flags.port));
      deps.io.out(`wrote ${path}\nenable it with: ${enable}\n`);
    });
  return vault;
}
