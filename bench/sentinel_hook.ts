// The pre-commit check as the hook runs it: a typical commit (10 files, 300 changed lines,
// 30 rules) and a 5,000-line diff, whole process. Run: deno run -A bench/sentinel_hook.ts
// deno-lint-ignore-file no-console
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { summary, timeKorva } from "./_process.ts";

function git(cwd: string, ...args: string[]) {
  const out = new Deno.Command("git", { args, cwd, stdout: "null", stderr: "piped" }).outputSync();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
}

function repoWith(files: number, linesPerFile: number): string {
  const dir = mkdtempSync(join(tmpdir(), "korva-hook-bench-"));
  git(dir, "init", "-q");
  git(dir, "config", "user.email", "b@e.test");
  git(dir, "config", "user.name", "bench");
  mkdirSync(join(dir, ".korva", "rules"), { recursive: true });
  // 24 team rules + the 6 built-in ones = 30 rules.
  const rules = Array.from(
    { length: 24 },
    (_, i) =>
      `  - id: team/rule-${i}\n    message: rule ${i}\n    paths: { include: ["src/**"] }\n    match: { kind: pattern, pattern: 'forbiddenCall${i}\\(' }\n`,
  ).join("");
  writeFileSync(join(dir, ".korva", "rules", "team.yml"), `version: 1\nrules:\n${rules}`);
  writeFileSync(join(dir, "README.md"), "bench\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "init");
  mkdirSync(join(dir, "src"), { recursive: true });
  for (let f = 0; f < files; f++) {
    const lines = Array.from(
      { length: linesPerFile },
      (_, i) =>
        `export function handler${f}_${i}(input: Request): Promise<Response> { return process(input, ${i}); }`,
    );
    writeFileSync(join(dir, "src", `module_${f}.ts`), lines.join("\n") + "\n");
  }
  git(dir, "add", "-A");
  return dir;
}

const env = {
  PATH: Deno.env.get("PATH") ?? "",
  DENO_DIR: Deno.env.get("DENO_DIR") ?? join(Deno.env.get("HOME") ?? "", ".cache/deno"),
};
for (
  const [name, files, lines] of [["typical commit (10 files, 300 lines, 30 rules)", 10, 30], [
    "5,000-line diff (20 files)",
    20,
    250,
  ]] as const
) {
  const repo = repoWith(files, lines);
  const home = mkdtempSync(join(tmpdir(), "korva-hook-home-"));
  try {
    const samples = Array.from(
      { length: 10 },
      () =>
        timeKorva(["sentinel", "check", "--staged", "--format", "json"], {
          ...env,
          HOME: home,
          KORVA_HOME: home,
        }, repo),
    );
    const s = summary(samples);
    console.log(`sentinel check --staged, ${name}: p50 ${s.p50} ms, p95 ${s.p95} ms`);
  } finally {
    rmSync(repo, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}
