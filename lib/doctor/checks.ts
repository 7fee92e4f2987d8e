// korva doctor: every check explains what it found and, when something needs fixing, how.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../config.ts";
import type { Deps } from "../deps.ts";
import { messageOf } from "../errors.ts";
import { repoRoot } from "../git.ts";
import { findOpenModes } from "../file_modes.ts";
import { homePaths } from "../paths.ts";
import { hooksStatus } from "../sentinel/hooks.ts";
import { missingHooks } from "../sentinel/repo_hooks.ts";
import { runningService } from "../service/daemon.ts";
import { looseTokenMode } from "../service/token.ts";
import { setupContext, setupStatus } from "../setup/apply.ts";
import { lazySemantics, loadSemantics } from "../recall/mod.ts";
import { openVault } from "../vault/mod.ts";

/** One check's outcome. */
export interface Check {
  id: string;
  status: "ok" | "warn" | "fail";
  message: string;
  fix?: string;
}

const ok = (id: string, message: string): Check => ({ id, status: "ok", message });
const warn = (id: string, message: string, fix: string): Check => ({
  id,
  status: "warn",
  message,
  fix,
});
const fail = (id: string, message: string, fix: string): Check => ({
  id,
  status: "fail",
  message,
  fix,
});

/** Run every check. */
export function runDoctor(deps: Deps): Check[] {
  return [
    checkPath(deps),
    ...checkVault(deps),
    checkConfig(deps),
    ...checkEditors(deps),
    checkHooks(deps),
    checkService(deps),
    checkToken(deps),
    checkDisk(deps),
    checkModes(deps),
  ];
}

/** The shell command that makes every file under KORVA_HOME private (what `--fix` does). */
export function chmodCommand(home: string): string {
  const q = `'${home.replace(/'/g, "'\\''")}'`;
  return `chmod -R go-rwx ${q}`;
}

/**
 * Give every memory still without a semantic-recall vector its vector (what `--fix` does besides
 * file modes): batches of 2,000, each in its own transaction, so an interrupted run resumes.
 * Returns how many memories got one.
 */
export function fillVectors(deps: Deps): number {
  const path = homePaths(deps.home).vault;
  if (!existsSync(path)) return 0;
  using vault = openVault(path, { now: deps.now, semantics: loadSemantics() });
  let total = 0;
  for (let done; (done = vault.backfillVectors({ limit: 2000, budgetMs: Infinity })) > 0;) {
    total += done;
  }
  return total;
}

function checkModes(deps: Deps): Check {
  const open = findOpenModes(deps.home);
  if (open.length === 0) {
    return ok("permissions", `${deps.home} and everything in it is private to you`);
  }
  const first = open[0]!;
  return fail(
    "permissions",
    `${open.length} file(s) under ${deps.home} can be read by other users, e.g. ${first.path} (mode ${
      first.mode.toString(8).padStart(4, "0")
    })`,
    `run korva doctor --fix, or ${chmodCommand(deps.home)}`,
  );
}

function checkPath(deps: Deps): Check {
  const dirs = (deps.env("PATH") ?? "").split(":").filter((d) => d !== "");
  const found = dirs.map((d) => join(d, "korva")).find((p) => existsSync(p));
  return found ? ok("path", `korva ${deps.version} on PATH at ${found}`) : warn(
    "path",
    `korva ${deps.version} runs, but no "korva" is on PATH`,
    "run ./install.sh (it adds ~/.korva/bin to PATH)",
  );
}

function checkVault(deps: Deps): Check[] {
  const path = homePaths(deps.home).vault;
  if (!existsSync(path)) return [warn("vault", `no vault at ${path} yet`, "run korva init")];
  try {
    // Lazy semantics load no table: they name the vectors' model, so vectors of an older
    // model count as waiting.
    using vault = openVault(path, { now: deps.now, semantics: lazySemantics() });
    vault.checkWritable();
    const stats = vault.stats();
    const problems = vault.integrityCheck();
    const waiting = vault.vectorBacklog();
    return [
      ok(
        "vault",
        `vault ${path} is readable and writable (${stats.total} memories, schema ${stats.schemaVersion})`,
      ),
      problems.length === 0
        ? ok("integrity", "SQLite and full-text index integrity checks pass")
        : fail(
          "integrity",
          `integrity check failed: ${problems.slice(0, 3).join("; ")}`,
          "restore vault.db from a backup, or export what you can with korva export",
        ),
      // Informational: searches add the missing vectors themselves (Vault.backfillVectors).
      ok(
        "recall",
        waiting === 0
          ? "every memory has its semantic-recall vector"
          : `${waiting} memories wait for their semantic-recall vector; korva search and vault_search add them in batches, korva doctor --fix all at once`,
      ),
    ];
  } catch (error) {
    return [
      fail(
        "vault",
        `cannot use the vault: ${messageOf(error)}`,
        "check the permissions of KORVA_HOME, or restore vault.db from a backup",
      ),
    ];
  }
}

function checkConfig(deps: Deps): Check {
  try {
    loadConfig(deps.home);
    return ok("config", `config ${homePaths(deps.home).config} is valid`);
  } catch (error) {
    return fail(
      "config",
      messageOf(error),
      "fix the named field by hand (korva never replaces a config)",
    );
  }
}

/** The command an editor config starts korva with, found next to the "korva" key. */
export function configuredCommand(text: string): string | undefined {
  const m = text.match(
    /["']?korva["']?\s*[\]:=]?[\s\S]{0,600}?["']?command["']?\s*[:=]\s*\[?\s*"([^"]+)"/,
  );
  return m?.[1];
}

function checkEditors(deps: Deps): Check[] {
  let statuses;
  try {
    let profile = "agent";
    try {
      profile = loadConfig(deps.home).mcp.profile;
    } catch {
      // an invalid config is reported by the config check
    }
    const ctx = setupContext(deps, { profile, repoRoot: undefined });
    statuses = setupStatus(ctx);
  } catch (error) {
    return [
      warn(
        "editors",
        `cannot read editor configs: ${messageOf(error)}`,
        "run korva setup --status",
      ),
    ];
  }
  const checks: Check[] = [];
  for (const s of statuses) {
    if (s.error) {
      checks.push(
        fail(
          `editor:${s.id}`,
          `${s.name}: ${s.error}`,
          "fix the file by hand; korva setup skips files it cannot parse",
        ),
      );
      continue;
    }
    if (!s.configured) {
      if (s.detected) {
        checks.push(
          warn(
            `editor:${s.id}`,
            `${s.name} is installed but not connected to korva`,
            `korva setup --${s.id}`,
          ),
        );
      }
      continue;
    }
    const file = s.files.find((f) => existsSync(f) && configuredCommand(readFileSync(f, "utf8")));
    const command = file ? configuredCommand(readFileSync(file, "utf8")) : undefined;
    if (command && !existsSync(command)) {
      checks.push(
        fail(
          `editor:${s.id}`,
          `${s.name} starts korva from ${command}, which does not exist`,
          `korva setup --${s.id}`,
        ),
      );
    } else if (!s.current) {
      checks.push(
        warn(
          `editor:${s.id}`,
          `${s.name} is connected but its korva entry is out of date`,
          `korva setup --${s.id}`,
        ),
      );
    } else checks.push(ok(`editor:${s.id}`, `${s.name} is connected`));
  }
  return checks;
}

function checkHooks(deps: Deps): Check {
  if (!repoRoot(deps.cwd)) return ok("hooks", "not inside a git repository (no hooks to check)");
  try {
    const status = hooksStatus(deps.cwd, deps.self);
    const unchecked = missingHooks(deps.cwd, deps.self);
    if (unchecked) return warn("hooks", unchecked.message, unchecked.fix);
    const missing = status.filter((h) => !h.installed).map((h) => h.name);
    const stale = status.filter((h) => h.installed && !h.current).map((h) => h.name);
    if (missing.length) {
      return warn(
        "hooks",
        `git hooks not installed here: ${missing.join(", ")}`,
        "korva hooks install",
      );
    }
    if (stale.length) {
      return warn(
        "hooks",
        `git hooks point at another korva: ${stale.join(", ")}`,
        "korva hooks install",
      );
    }
    return ok("hooks", `git hooks installed (${status.map((h) => h.name).join(", ")})`);
  } catch (error) {
    return warn("hooks", `cannot read the git hooks: ${messageOf(error)}`, "korva hooks status");
  }
}

function checkService(deps: Deps): Check {
  const info = runningService(deps.home);
  return info
    ? ok("service", `vault service running (pid ${info.pid}, port ${info.port})`)
    : ok("service", "vault service not running (optional: korva vault start)");
}

function checkToken(deps: Deps): Check {
  const path = homePaths(deps.home).token;
  if (!existsSync(path)) return ok("token", "no service token yet (korva init writes one)");
  const loose = looseTokenMode(deps.home);
  return loose === undefined ? ok("token", `service token ${path} is readable only by you`) : fail(
    "token",
    `service token ${path} has mode 0${loose.toString(8)}: other users can read it`,
    `korva init (or chmod 600 ${path})`,
  );
}

function checkDisk(deps: Deps): Check {
  try {
    const out = new Deno.Command("df", {
      args: ["-Pk", existsSync(deps.home) ? deps.home : "/"],
      stdout: "piped",
      stderr: "null",
    })
      .outputSync();
    const fields = new TextDecoder().decode(out.stdout).trim().split("\n").pop()?.split(/\s+/) ??
      [];
    const freeMb = Math.round(Number(fields[3] ?? 0) / 1024);
    return freeMb < 100
      ? fail(
        "disk",
        `only ${freeMb} MB free where the vault lives`,
        "free disk space; SQLite needs room for its WAL",
      )
      : ok("disk", `${freeMb} MB free where the vault lives`);
  } catch {
    return ok("disk", "disk space not checked (df unavailable)");
  }
}
