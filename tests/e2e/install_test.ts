// install.sh --from-source into a temp prefix, then the installed command works end to end.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { baseEnv, ROOT, tempDir } from "../_helpers.ts";

function run(command: string, args: string[], env: Record<string, string>, cwd = ROOT) {
  const out = new Deno.Command(command, {
    args,
    env: { ...baseEnv(), ...env },
    cwd,
    stdout: "piped",
    stderr: "piped",
  })
    .outputSync();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

Deno.test("./install.sh --from-source installs a working korva (a launcher when compiling is impossible)", async () => {
  await using dir = tempDir();
  const home = join(dir.path, "home");
  const bin = join(dir.path, "bin");
  const env = { HOME: home, KORVA_INSTALL_DIR: bin, SHELL: "/bin/bash" };
  Deno.mkdirSync(home);
  const install = run("bash", [join(ROOT, "install.sh"), "--from-source"], env);
  assert.equal(install.code, 0, install.stderr + install.stdout);
  assert.ok(existsSync(join(bin, "korva")));
  if (!existsSync(join(ROOT, "dist", "korva"))) {
    assert.match(install.stdout, /NOT the single executable/);
  }
  assert.match(
    readFileSync(join(home, ".bashrc"), "utf8"),
    new RegExp(`export PATH="${bin}:\\$PATH"`),
  );
  const twice = run("bash", [join(ROOT, "install.sh"), "--from-source"], env);
  assert.equal(twice.code, 0, "safe to run twice");
  assert.equal(readFileSync(join(home, ".bashrc"), "utf8").match(/korva installer/g)?.length, 1);

  const korva = join(bin, "korva");
  const korvaEnv = { HOME: home, KORVA_HOME: join(home, ".korva") };
  const version = run(korva, ["--version"], korvaEnv, dir.path);
  assert.equal(
    version.stdout.trim(),
    JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8")).version,
  );
  assert.equal(run(korva, ["init"], korvaEnv, dir.path).code, 0);
  const saved = run(
    korva,
    ["save", "--type", "note", "--title", "installed", "--content", "it works", "--json"],
    korvaEnv,
    dir.path,
  );
  assert.equal(saved.code, 0, saved.stderr);
  const found = JSON.parse(run(korva, ["search", "works", "--json"], korvaEnv, dir.path).stdout);
  assert.equal(found[0].title, "installed");

  const uninstall = run("bash", [join(ROOT, "install.sh"), "--uninstall"], env);
  assert.equal(uninstall.code, 0);
  assert.equal(existsSync(korva), false);
  assert.ok(existsSync(join(home, ".korva", "vault.db")), "the vault is kept without --purge");
  assert.equal(readFileSync(join(home, ".bashrc"), "utf8").includes("korva installer"), false);
});

const HAS_SHELLCHECK = new Deno.Command("sh", {
  args: ["-c", "command -v shellcheck"],
  stdout: "null",
  stderr: "null",
}).outputSync().success;

Deno.test({
  name: "install.sh is shellcheck-clean (skipped when shellcheck is not installed)",
  ignore: !HAS_SHELLCHECK,
  fn: () => {
    const result = run("shellcheck", [join(ROOT, "install.sh")], {});
    assert.equal(result.code, 0, result.stdout);
  },
});

Deno.test("install.sh rejects an unknown option in one sentence", () => {
  const result = run("bash", [join(ROOT, "install.sh"), "--frobnicate"], {});
  assert.equal(result.code, 1);
  assert.equal(result.stderr.trim(), 'korva install: unknown option "--frobnicate" (see --help)');
});
