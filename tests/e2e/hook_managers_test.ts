// korva hooks install/uninstall next to the hook managers people use, each installed for real
// (from npm, or a pip-free shim of pre-commit's installed hook), with a user hook that fails.
import assert from "node:assert/strict";
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  baseEnv,
  DENO_DIR,
  git,
  MAIN,
  runKorva,
  tempDir,
  tempHome,
  tempRepo,
  writeFiles,
} from "../_helpers.ts";

const USER_HOOK = `#!/bin/sh
if git diff --cached | grep -q FORBIDDEN; then
  echo "user hook: FORBIDDEN found" >&2
  exit 1
fi
`;

/** A snapshot of every file (bytes and mode) under the folders hooks live in. */
function snapshot(repo: string, folders: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        files.set(
          path.slice(repo.length + 1),
          `${(statSync(path).mode & 0o777).toString(8)} ${readFileSync(path, "base64")}`,
        );
      }
    }
  };
  for (const folder of folders) walk(join(repo, folder));
  return files;
}

function run(cwd: string, command: string, args: string[], env: Record<string, string>) {
  const out = new Deno.Command(command, {
    args,
    cwd,
    env: { ...baseEnv(), ...env },
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

function npm(cwd: string, env: Record<string, string>, ...args: string[]): void {
  const result = run(cwd, "npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"], {
    ...env,
    npm_config_cache: join(Deno.env.get("HOME") ?? "/tmp", ".npm"),
  });
  assert.equal(result.code, 0, `npm ${args.join(" ")}: ${result.stderr}`);
}

/** Stage one new file and commit it; the file is unstaged and removed when the commit fails. */
function tryCommit(repo: string, env: Record<string, string>, file: string, content: string) {
  writeFiles(repo, { [file]: content });
  git(repo, "add", file);
  const result = run(repo, "git", ["commit", "-q", "-m", `add ${file}`], env);
  if (result.code !== 0) {
    git(repo, "reset", "-q", "--", file);
    rmSync(join(repo, file));
  }
  return result;
}

interface Manager {
  name: string;
  /** Folders (relative to the repo) holding hook files, compared byte for byte. */
  folders: string[];
  /** Install the manager with the user's failing hook; returns extra env for commits. */
  setup(repo: string, env: Record<string, string>): Record<string, string>;
}

const PACKAGE_JSON = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: "demo", version: "1.0.0", private: true, ...extra }, null, 2) + "\n";

const MANAGERS: Manager[] = [
  {
    name: "husky v9",
    folders: [".husky", ".git/hooks"],
    setup(repo, env) {
      writeFiles(repo, { "package.json": PACKAGE_JSON() });
      npm(repo, env, "install", "--save-dev", "husky@9.1.7");
      assert.equal(run(repo, "npx", ["--no-install", "husky"], env).code, 0);
      writeFiles(repo, { ".husky/pre-commit": USER_HOOK.replace("#!/bin/sh\n", "") });
      return {};
    },
  },
  {
    name: "husky v4",
    folders: [".git/hooks"],
    setup(repo, env) {
      writeFiles(repo, {
        "user-hook.sh": USER_HOOK,
        "package.json": PACKAGE_JSON({ husky: { hooks: { "pre-commit": "sh user-hook.sh" } } }),
      });
      // husky v4 writes .git/hooks in its install script.
      npm(repo, env, "install", "--save-dev", "husky@4.3.8");
      assert.match(readFileSync(join(repo, ".git/hooks/pre-commit"), "utf8"), /husky/);
      return {};
    },
  },
  {
    name: "lefthook",
    folders: [".git/hooks"],
    setup(repo, env) {
      writeFiles(repo, {
        "user-hook.sh": USER_HOOK,
        "package.json": PACKAGE_JSON(),
        "lefthook.yml": "pre-commit:\n  commands:\n    user:\n      run: sh user-hook.sh\n",
      });
      npm(repo, env, "install", "--save-dev", "--ignore-scripts", "lefthook@1.11.13");
      const installed = run(repo, "npx", ["--no-install", "lefthook", "install"], env);
      assert.equal(installed.code, 0, installed.stderr);
      return {};
    },
  },
  {
    name: "simple-git-hooks",
    folders: [".git/hooks"],
    setup(repo, env) {
      writeFiles(repo, {
        "user-hook.sh": USER_HOOK,
        "package.json": PACKAGE_JSON({ "simple-git-hooks": { "pre-commit": "sh user-hook.sh" } }),
      });
      npm(repo, env, "install", "--save-dev", "--ignore-scripts", "simple-git-hooks@2.13.0");
      const installed = run(repo, "npx", ["--no-install", "simple-git-hooks"], env);
      assert.equal(installed.code, 0, installed.stderr);
      return {};
    },
  },
  {
    name: "pre-commit (pip-free shim of its installed hook)",
    folders: [".git/hooks"],
    setup(repo, env) {
      const bin = join(repo, ".shim-bin");
      writeFiles(repo, {
        "user-hook.sh": USER_HOOK,
        ".pre-commit-config.yaml": `repos:
  - repo: local
    hooks:
      - id: user
        name: user hook
        entry: sh user-hook.sh
        language: system
        pass_filenames: false
`,
        ".shim-bin/pre-commit": PRE_COMMIT_SHIM,
      });
      chmodSync(join(bin, "pre-commit"), 0o755);
      const extra = { PATH: `${bin}:${baseEnv().PATH}` };
      const installed = run(repo, "pre-commit", ["install"], { ...env, ...extra });
      assert.equal(installed.code, 0, installed.stderr);
      return extra;
    },
  },
  {
    name: "a tracked core.hooksPath",
    folders: [".githooks"],
    setup(repo) {
      writeFiles(repo, { ".githooks/pre-commit": USER_HOOK });
      chmodSync(join(repo, ".githooks/pre-commit"), 0o755);
      git(repo, "config", "core.hooksPath", ".githooks");
      return {};
    },
  },
];

/**
 * What `pre-commit install` writes, reduced to shell: the generated hook has the same layout as
 * pre-commit's template (INSTALL_PYTHON, then `pre-commit hook-impl` found on PATH), and the
 * `pre-commit` on PATH runs the `entry` of each local hook in the config.
 */
const PRE_COMMIT_SHIM = `#!/bin/sh
case "$1" in
install)
  hook="$(git rev-parse --git-path hooks)/pre-commit"
  [ -f "$hook" ] && mv "$hook" "$hook.legacy"
  cat > "$hook" <<'EOF'
#!/usr/bin/env bash
# File generated by pre-commit: https://pre-commit.com
# ID: 138fd403232d2ddd5efb44317e38bf03

# start templated
INSTALL_PYTHON=/nonexistent/python3
ARGS=(hook-impl --config=.pre-commit-config.yaml --hook-type=pre-commit)
# end templated

HERE="$(cd "$(dirname "$0")" && pwd)"
ARGS+=(--hook-dir "$HERE" -- "$@")

if [ -x "$INSTALL_PYTHON" ]; then
    exec "$INSTALL_PYTHON" -mpre_commit "\${ARGS[@]}"
elif command -v pre-commit > /dev/null; then
    exec pre-commit "\${ARGS[@]}"
else
    echo '\`pre-commit\` not found.  Did you forget to activate your virtualenv?' 1>&2
    exit 1
fi
EOF
  chmod 755 "$hook"
  echo "pre-commit installed at $hook"
  ;;
hook-impl)
  sed -n 's/^ *entry: *//p' .pre-commit-config.yaml | while read -r entry; do
    sh -c "$entry" || exit 1
  done
  ;;
*)
  echo "shim: unsupported command $1" >&2
  exit 2
  ;;
esac
`;

for (const manager of MANAGERS) {
  Deno.test(`korva hooks install and uninstall with ${manager.name}: the user's failing hook and korva's gate both block`, async () => {
    await using home = tempHome();
    await using repo = tempRepo({
      "README.md": "x\n",
      ".gitignore": "node_modules/\n.shim-bin/\n",
    });
    const env = { ...home.env, DENO_DIR };
    const extra = manager.setup(repo.path, env);
    git(repo.path, "add", "-A");
    git(repo.path, "commit", "-q", "--no-verify", "-m", "manager");
    const commitEnv = { ...env, ...extra };
    // The user's hook blocks before korva is installed.
    assert.notEqual(tryCommit(repo.path, commitEnv, "a.txt", "FORBIDDEN\n").code, 0);
    const before = snapshot(repo.path, manager.folders);

    const install = await runKorva(["hooks", "install"], { env: home.env, cwd: repo.path });
    assert.equal(install.code, 0, install.stderr);
    const status = JSON.parse(
      (await runKorva(["hooks", "status", "--json"], { env: home.env, cwd: repo.path })).stdout,
    );
    assert.deepEqual(
      status.map((h: { installed: boolean; current: boolean }) => [h.installed, h.current]),
      [[true, true], [true, true], [true, true]],
    );

    const user = tryCommit(repo.path, commitEnv, "b.txt", "FORBIDDEN\n");
    assert.notEqual(user.code, 0, "the user's hook must still block");
    assert.match(user.stderr, /user hook: FORBIDDEN found/);
    const gate = tryCommit(repo.path, commitEnv, "src/c.test.ts", "it.only('x', () => {});\n");
    assert.notEqual(gate.code, 0, "korva's gate must block");
    assert.match(gate.stderr, /hygiene\/focused-test/);
    const clean = tryCommit(repo.path, commitEnv, "d.txt", "fine\n");
    assert.equal(clean.code, 0, clean.stderr);

    const uninstall = await runKorva(["hooks", "uninstall"], { env: home.env, cwd: repo.path });
    assert.equal(uninstall.code, 0, uninstall.stderr);
    assert.deepEqual(snapshot(repo.path, manager.folders), before);
    const after = tryCommit(repo.path, commitEnv, "e.txt", "FORBIDDEN\n");
    assert.notEqual(after.code, 0, "the user's hook must block after uninstall");
    assert.match(after.stderr, /user hook: FORBIDDEN found/);
    const ungated = tryCommit(repo.path, commitEnv, "src/f.test.ts", "it.only('x', () => {});\n");
    assert.equal(ungated.code, 0, ungated.stderr);
  });
}

Deno.test("korva hooks install into a tracked core.hooksPath writes no absolute path there", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n", ".githooks/pre-commit": USER_HOOK });
  git(repo.path, "config", "core.hooksPath", ".githooks");
  const install = await runKorva(["hooks", "install"], { env: home.env, cwd: repo.path });
  assert.equal(install.code, 0, install.stderr);
  for (const name of ["pre-commit", "post-merge", "post-checkout"]) {
    const text = readFileSync(join(repo.path, ".githooks", name), "utf8");
    assert.doesNotMatch(text, /(^|[\s"'=])\/[A-Za-z]/m, `${name} must carry no absolute path`);
    assert.equal([repo.path, MAIN, Deno.execPath()].some((p) => text.includes(p)), false);
  }
  // korva's own scripts, with this machine's paths, live inside .git where nothing commits them.
  assert.match(
    readFileSync(join(repo.path, ".git/korva/hooks/pre-commit"), "utf8"),
    new RegExp(MAIN.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  );
  await runKorva(["hooks", "uninstall"], { env: home.env, cwd: repo.path });
  assert.equal(git(repo.path, "status", "--porcelain"), "");
});

Deno.test("korva hooks: a clone without korva's scripts runs a tracked hook unchanged", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n", ".githooks/pre-commit": USER_HOOK });
  chmodSync(join(repo.path, ".githooks/pre-commit"), 0o755);
  git(repo.path, "config", "core.hooksPath", ".githooks");
  await runKorva(["hooks", "install"], { env: home.env, cwd: repo.path });
  git(repo.path, "add", "-A");
  git(repo.path, "commit", "-q", "--no-verify", "-m", "share hooks");
  await using clone = tempDir("korva-clone-");
  git(clone.path, "clone", "-q", repo.path, "c");
  const cloned = join(clone.path, "c");
  git(cloned, "config", "core.hooksPath", ".githooks");
  const env = { ...home.env, DENO_DIR };
  const gate = tryCommit(cloned, env, "src/c.test.ts", "it.only('x', () => {});\n");
  assert.equal(gate.code, 0, gate.stderr);
  const user = tryCommit(cloned, env, "b.txt", "FORBIDDEN\n");
  assert.notEqual(user.code, 0);
  assert.match(user.stderr, /user hook: FORBIDDEN found/);
});

Deno.test("korva hooks install converts the layout older korva versions wrote (a renamed .korva-chained hook)", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  const hook = join(repo.path, ".git", "hooks", "pre-commit");
  writeFiles(repo.path, {
    ".git/hooks/pre-commit":
      "#!/bin/sh\n# korva-managed-hook (pre-commit): written by `korva hooks install`\nexit 0\n",
    ".git/hooks/pre-commit.korva-chained": USER_HOOK,
  });
  chmodSync(hook, 0o755);
  chmodSync(hook + ".korva-chained", 0o755);
  const install = await runKorva(["hooks", "install"], { env: home.env, cwd: repo.path });
  assert.equal(install.code, 0, install.stderr);
  assert.equal(existsSync(hook + ".korva-chained"), false);
  const text = readFileSync(hook, "utf8");
  assert.ok(text.startsWith("#!/bin/sh\n# >>> korva hook >>>"), text);
  assert.ok(text.endsWith(USER_HOOK.slice("#!/bin/sh\n".length)), text);
  await runKorva(["hooks", "uninstall"], { env: home.env, cwd: repo.path });
  assert.equal(readFileSync(hook, "utf8"), USER_HOOK);
});

Deno.test("korva hooks install leaves post-commit capture out unless asked for", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "a.txt": "x\n" });
  const install = await runKorva(["hooks", "install", "--json"], { env: home.env, cwd: repo.path });
  assert.equal(install.code, 0, install.stderr);
  assert.deepEqual(
    (JSON.parse(install.stdout) as Array<{ name: string }>).map((h) => h.name),
    ["pre-commit", "post-merge", "post-checkout"],
  );
  assert.equal(existsSync(join(repo.path, ".git", "hooks", "post-commit")), false);
});

Deno.test("git commit of a race fix after korva hooks install --post-commit drafts a candidate and says so", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "src/payments/payments.ts": "lock(user.id)\n" });
  assert.equal((await runKorva(["init"], { env: home.env, cwd: repo.path })).code, 0);
  const install = await runKorva(["hooks", "install", "--post-commit"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.equal(install.code, 0, install.stderr);
  const again = await runKorva(["hooks", "install", "--json"], { env: home.env, cwd: repo.path });
  assert.ok(
    (JSON.parse(again.stdout) as Array<{ name: string }>).some((h) => h.name === "post-commit"),
    "an installed post-commit hook stays installed and current",
  );
  writeFiles(repo.path, { "src/payments/payments.ts": "lock(payment.id)\n" });
  git(repo.path, "add", "-A");
  const env = { ...home.env, DENO_DIR };
  const committed = run(
    repo.path,
    "git",
    ["commit", "-q", "-m", "Fix race condition in the payment lock"],
    env,
  );
  assert.equal(committed.code, 0, committed.stderr);
  const sha = git(repo.path, "rev-parse", "HEAD").trim();
  // The sentinel's own "ok" line comes first (pre-commit); the post-commit line is the last.
  assert.equal(
    committed.stderr.split("\n").at(-2),
    `korva: ${
      sha.slice(0, 7)
    } looks like a concurrency fix; the next session that opens its files will ask why`,
  );
});
