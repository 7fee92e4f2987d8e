// Private modes under KORVA_HOME, checked on real files created by korva processes that run with
// umask 000 (the worst case: nothing but korva's own modes keeps the files private).
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/client/stdio"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import assert from "node:assert/strict";
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { findOpenModes, fixOpenModes } from "../lib/file_modes.ts";
import { baseEnv, MAIN, ROOT, tempDir, tempHome } from "./_helpers.ts";

const posix = Deno.build.os !== "windows";

/** Run korva under `umask 000`. */
async function korvaUmask0(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = new Deno.Command("sh", {
    args: ["-c", 'umask 000; exec "$0" run -A --quiet "$@"', Deno.execPath(), MAIN, ...args],
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    clearEnv: true,
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(stdin));
    await writer.close();
  }
  const out = await child.output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

/** Every path under `home` with its mode, as `relative path → octal`. */
function modes(home: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (path: string) => {
    const stat = statSync(path);
    out[relative(home, path) || "."] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) { for (const name of readdirSync(path)) visit(join(path, name)); }
  };
  visit(home);
  return out;
}

function assertPrivate(home: string, expected: string[]): void {
  const found = modes(home);
  for (const path of expected) assert.ok(path in found, `${path} was not created`);
  for (const [path, mode] of Object.entries(found)) {
    const dir = statSync(join(home, path)).isDirectory();
    assert.equal(mode, dir ? "700" : "600", `${path} has mode ${mode}`);
  }
}

Deno.test({
  name: "korva init and save under umask 000 leave KORVA_HOME 0700 and its files 0600",
  ignore: !posix,
  async fn() {
    await using home = tempHome();
    const init = await korvaUmask0(["init"], home.env);
    assert.equal(init.code, 0, init.stderr);
    const save = await korvaUmask0(
      ["save", "--type", "decision", "--title", "Modes", "--content", "Private files"],
      home.env,
    );
    assert.equal(save.code, 0, save.stderr);
    assertPrivate(home.korvaHome, ["vault.db", "config.json", "token"]);
  },
});

Deno.test({
  name: "writeFileAtomic() under umask 000 keeps a 0600 file 0600 and writes private backups",
  ignore: !posix,
  async fn() {
    await using home = tempHome();
    const target = join(home.path, "claude.json");
    writeFileSync(target, '{"token":"old"}', { mode: 0o600 });
    chmodSync(target, 0o600);
    const script = `import { writeFileAtomic } from ${
      JSON.stringify(join(ROOT, "lib/atomic_write.ts"))
    };
writeFileAtomic(${JSON.stringify(target)}, "{}", { backupDir: ${
      JSON.stringify(join(home.korvaHome, "backups"))
    } });
writeFileAtomic(${JSON.stringify(join(home.korvaHome, "new.json"))}, "{}", { mode: 0o600 });`;
    const child = await new Deno.Command("sh", {
      args: ["-c", 'umask 000; exec "$KORVA_TEST_DENO" eval "$KORVA_TEST_SCRIPT"'],
      env: { ...baseEnv(), KORVA_TEST_DENO: Deno.execPath(), KORVA_TEST_SCRIPT: script },
      clearEnv: true,
      stderr: "piped",
    }).output();
    assert.equal(child.code, 0, new TextDecoder().decode(child.stderr));
    assert.equal(statSync(target).mode & 0o777, 0o600);
    assertPrivate(home.korvaHome, ["backups", "new.json"]);
    assert.equal(readdirSync(join(home.korvaHome, "backups")).length, 1);
  },
});

Deno.test({
  name: "korva mcp under umask 000 creates the vault, its -wal/-shm and logs/mcp.log private",
  ignore: !posix,
  async fn() {
    await using home = tempHome();
    const transport = new StdioClientTransport({
      command: "sh",
      // The paths go through the environment: Deno's child_process rewrites argv that names
      // the deno executable.
      args: ["-c", 'umask 000; exec "$KORVA_TEST_DENO" run -A --quiet "$KORVA_TEST_MAIN" mcp'],
      env: { ...baseEnv(), ...home.env, KORVA_TEST_DENO: Deno.execPath(), KORVA_TEST_MAIN: MAIN },
      stderr: "pipe",
    });
    const client = new Client({ name: "modes-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const saved = await client.callTool({
        name: "vault_save",
        arguments: { type: "decision", title: "Modes over MCP", content: "private", project: "p" },
      });
      assert.notEqual(saved.isError, true);
      assertPrivate(home.korvaHome, ["vault.db", "vault.db-wal", "vault.db-shm", "logs/mcp.log"]);
    } finally {
      await client.close();
    }
  },
});

Deno.test({
  name: "korva hook session-start under umask 000 writes its run/ file private",
  ignore: !posix,
  async fn() {
    await using home = tempHome();
    assert.equal((await korvaUmask0(["init"], home.env)).code, 0);
    const hook = await korvaUmask0(
      ["hook", "session-start"],
      home.env,
      JSON.stringify({ hook_event_name: "SessionStart", session_id: "abc-123", cwd: home.path }),
    );
    assert.equal(hook.code, 0, hook.stderr);
    assertPrivate(home.korvaHome, ["run", "run/hook-seen-abc-123.json"]);
  },
});

Deno.test({
  name: "korva hook session-start hashes a session_id that is not a plain, UUID-like file name",
  ignore: !posix,
  async fn() {
    await using home = tempHome();
    assert.equal((await korvaUmask0(["init"], home.env)).code, 0);
    const token = "ghp_" + "Ab3".repeat(12);
    for (const id of ["../../escape", "a/b", ".hidden", "x".repeat(300), token]) {
      const hook = await korvaUmask0(
        ["hook", "session-start"],
        home.env,
        JSON.stringify({ hook_event_name: "SessionStart", session_id: id, cwd: home.path }),
      );
      assert.equal(hook.code, 0, hook.stderr);
    }
    const all = readdirSync(join(home.korvaHome, "run")).sort();
    // Beside the five session files: the hooks' cached config.json (lib/config_cache.ts).
    assert.deepEqual(all.filter((f) => !f.startsWith("hook-seen-")).map((f) => f.slice(0, 7)), [
      "config-",
    ]);
    const files = all.filter((f) => f.startsWith("hook-seen-"));
    assert.equal(files.length, 5);
    for (const f of files) assert.match(f, /^hook-seen-sha256-[0-9a-f]{32}\.json$/);
    assert.ok(!existsSync(join(home.path, "escape")));
  },
});

Deno.test({
  name: "korva doctor reports files other users can read and --fix makes them private",
  ignore: !posix,
  async fn() {
    await using home = tempHome();
    assert.equal((await korvaUmask0(["init"], home.env)).code, 0);
    chmodSync(join(home.korvaHome, "vault.db"), 0o644);
    chmodSync(home.korvaHome, 0o755);
    const report = await korvaUmask0(["doctor", "--json"], home.env);
    const check = (JSON.parse(report.stdout) as { checks: Array<Record<string, string>> }).checks
      .find((c) => c.id === "permissions");
    assert.deepEqual(check, {
      id: "permissions",
      status: "fail",
      message:
        `2 file(s) under ${home.korvaHome} can be read by other users, e.g. ${home.korvaHome} (mode 0755)`,
      fix: `run korva doctor --fix, or chmod -R go-rwx '${home.korvaHome}'`,
    });
    const fixed = await korvaUmask0(["doctor", "--fix", "--json"], home.env);
    const after = (JSON.parse(fixed.stdout) as { checks: Array<Record<string, string>> }).checks
      .find((c) => c.id === "permissions");
    assert.equal(after?.status, "ok");
    assert.equal(statSync(join(home.korvaHome, "vault.db")).mode & 0o777, 0o600);
    assert.equal(statSync(home.korvaHome).mode & 0o777, 0o700);
  },
});

Deno.test({
  name: "fixOpenModes() keeps the owner's execute bit and removes group and other bits",
  ignore: !posix,
  async fn() {
    await using dir = tempDir();
    const bin = join(dir.path, "korva");
    writeFileSync(bin, "#!/bin/sh\n", { mode: 0o755 });
    chmodSync(bin, 0o755);
    chmodSync(dir.path, 0o700);
    fixOpenModes(findOpenModes(dir.path));
    assert.equal(statSync(bin).mode & 0o777, 0o700);
    assert.deepEqual(findOpenModes(dir.path), []);
  },
});
