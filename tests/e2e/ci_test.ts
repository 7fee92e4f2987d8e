// korva setup --ci: the workflow parses, and the command it runs works on a real repository.
import assert from "node:assert/strict";
import { chmodSync, readFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import {
  baseEnv,
  git,
  MAIN,
  runKorva,
  tempDir,
  tempHome,
  tempRepo,
  writeFiles,
} from "../_helpers.ts";

Deno.test("korva setup --ci github writes a workflow whose sentinel command works on a pull request branch", async () => {
  await using home = tempHome();
  await using remote = tempDir("korva-remote-");
  git(remote.path, "init", "-q", "--bare", "-b", "main");
  await using repo = tempRepo({ "README.md": "x\n" }, { origin: remote.path });
  git(repo.path, "push", "-q", "origin", "main");
  const setup = await runKorva(["setup", "--ci", "github"], { env: home.env, cwd: repo.path });
  assert.equal(setup.code, 0, setup.stderr);
  const path = join(repo.path, ".github/workflows/korva-sentinel.yml");
  assert.equal(
    setup.stdout,
    `wrote ${path}\n  note: GitHub runs it on every pull request and shows findings under Security > Code scanning\n`,
  );
  const workflow = YAML.parse(readFileSync(path, "utf8"));
  assert.deepEqual(Object.keys(workflow.on), ["pull_request"]);
  const steps = workflow.jobs.sentinel.steps as Array<
    { run?: string; uses?: string; with?: { sarif_file?: string } }
  >;
  const check = steps.find((s) => s.run?.startsWith("korva sentinel check"))?.run ?? "";
  assert.equal(
    check,
    'korva sentinel check --diff "origin/${{ github.base_ref }}...HEAD" --format sarif > korva.sarif',
  );
  assert.equal(steps.at(-1)?.uses, "github/codeql-action/upload-sarif@v3");
  assert.equal(steps.at(-1)?.with?.sarif_file, "korva.sarif");

  // A pull request branch with a focused test; the base moves on after the branch point.
  git(repo.path, "checkout", "-q", "-b", "feature");
  writeFiles(repo.path, { "src/a.test.ts": "it.only('x', () => {});\n" });
  git(repo.path, "add", "-A");
  git(repo.path, "commit", "-q", "--no-verify", "-m", "focused");
  git(repo.path, "fetch", "-q", "origin");
  await using bin = tempDir("korva-bin-");
  writeFiles(bin.path, {
    korva: `#!/bin/sh\nexec '${Deno.execPath()}' run -A --quiet '${MAIN}' "$@"\n`,
  });
  chmodSync(join(bin.path, "korva"), 0o755);
  const run = new Deno.Command("sh", {
    args: ["-c", check.replace("${{ github.base_ref }}", "main")],
    cwd: repo.path,
    env: { ...baseEnv(), ...home.env, PATH: `${bin.path}:${baseEnv().PATH}` },
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  assert.equal(run.code, 1, new TextDecoder().decode(run.stderr));
  const sarif = JSON.parse(readFileSync(join(repo.path, "korva.sarif"), "utf8"));
  assert.deepEqual(
    sarif.runs[0].results.map((
      r: {
        ruleId: string;
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
      },
    ) => `${r.ruleId} ${r.locations[0]?.physicalLocation.artifactLocation.uri}`),
    ["hygiene/focused-test src/a.test.ts"],
  );
});

Deno.test("korva setup --ci gitlab writes a job file that parses, and never replaces a file it did not write", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "x\n" });
  const setup = await runKorva(["setup", "--ci", "gitlab"], { env: home.env, cwd: repo.path });
  assert.equal(setup.code, 0, setup.stderr);
  const job = YAML.parse(readFileSync(join(repo.path, ".gitlab/korva-sentinel.yml"), "utf8"));
  assert.deepEqual(job["korva-sentinel"].script, [
    'korva sentinel check --diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME...HEAD" --format sarif > korva.sarif',
  ]);
  writeFiles(repo.path, { ".github/workflows/korva-sentinel.yml": "name: mine\n" });
  const refused = await runKorva(["setup", "--ci", "github"], { env: home.env, cwd: repo.path });
  assert.equal(refused.code, 2);
  assert.equal(
    refused.stderr,
    `korva: Cannot write "${
      join(repo.path, ".github/workflows/korva-sentinel.yml")
    }": it exists and korva did not write it\n` +
      "hint: move it aside, or add the sentinel step to it by hand (see docs/sentinel.md)\n",
  );
});

Deno.test("korva sentinel check --all and --files never say commit blocked", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "src/a.test.ts": "it.only('x', () => {});\n" });
  for (const args of [["--all"], ["--files", "src/a.test.ts"]]) {
    const result = await runKorva(["sentinel", "check", ...args], {
      env: home.env,
      cwd: repo.path,
    });
    assert.equal(result.code, 1);
    assert.equal(result.stderr.includes("commit blocked"), false, args.join(" "));
    assert.match(
      result.stderr,
      /korva sentinel: 1 error, 0 warnings in 1 file \(\d+ rules\) — failed\n$/,
    );
  }
});
