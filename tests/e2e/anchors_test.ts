// Anchors follow renames: after git moves src/payments/ to src/billing/, memories and rule paths
// written for the old folder still apply, and korva anchors fix rewrites them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { git, runKorva, tempHome, tempRepo, writeFiles } from "../_helpers.ts";

const RULE = `version: 1
rules:
  # keyed locks only
  - id: payments/lock-key
    message: "Payment locks must be keyed by payment_id, not user_id"
    paths: { include: ["src/payments/**"] }
    match:
      kind: pattern
      pattern: 'lock\\([^)]*user_?[iI]d'
`;

async function saveAnchored(
  env: Record<string, string>,
  cwd: string,
  title: string,
  files: string,
) {
  const saved = await runKorva(
    [
      "save",
      "--type",
      "decision",
      "--title",
      title,
      "--content",
      `${title}.`,
      "--files",
      files,
      "--json",
    ],
    { env, cwd },
  );
  assert.equal(saved.code, 0, saved.stderr);
  return JSON.parse(saved.stdout).id as string;
}

Deno.test("memories and rule paths follow src/payments/ to src/billing/, and korva anchors fix rewrites them", async () => {
  await using repo = tempRepo({
    "src/payments/payments.ts": "export const pay = 1;\n",
    "src/payments/refunds.ts": "export const refund = 1;\n",
    ".korva/rules/payments.yml": RULE,
  }, { origin: "https://example.test/acme/shop.git" });
  await using home = tempHome();
  const env = home.env;
  const cwd = repo.path;
  const file = await saveAnchored(
    env,
    cwd,
    "Pay keys the lock by payment_id",
    "src/payments/payments.ts",
  );
  const folder = await saveAnchored(env, cwd, "Payments use integer cents", "src/payments/**");
  git(cwd, "mv", "src/payments", "src/billing");
  git(cwd, "commit", "-q", "-m", "payments becomes billing");

  const context = await runKorva(["context", "--file", "src/billing/payments.ts", "--json"], {
    env,
    cwd,
  });
  assert.equal(context.code, 0, context.stderr);
  const memories = JSON.parse(context.stdout).memories as Array<{ id: string; reasons: string[] }>;
  const byId = new Map(memories.map((m) => [m.id, m.reasons]));
  assert.equal(
    byId.get(file)?.[0],
    "anchored to src/payments/payments.ts (src/payments/payments.ts was renamed to src/billing/payments.ts)",
  );
  assert.equal(
    byId.get(folder)?.[0],
    "anchored to src/payments/** (src/payments/payments.ts was renamed to src/billing/payments.ts)",
  );

  writeFiles(cwd, { "src/billing/payments.ts": "redis.lock(`pay:${user_id}`);\n" });
  git(cwd, "add", "-A");
  const check = await runKorva(["sentinel", "check", "--format", "json"], { env, cwd });
  assert.equal(check.code, 1, check.stderr);
  assert.deepEqual(
    JSON.parse(check.stdout).findings.map((
      f: { ruleId: string; path: string },
    ) => [f.ruleId, f.path]),
    [["payments/lock-key", "src/billing/payments.ts"]],
  );
  git(cwd, "checkout", "-q", "--", ".");
  git(cwd, "reset", "-q");
  git(cwd, "checkout", "-q", "--", ".");

  const dry = await runKorva(["anchors", "fix", "--dry-run", "--json"], { env, cwd });
  assert.equal(dry.code, 0, dry.stderr);
  const expected = [
    { memory: file, from: "src/payments/payments.ts", to: "src/billing/payments.ts" },
    { memory: folder, from: "src/payments/**", to: "src/billing/**" },
    {
      file: ".korva/rules/payments.yml",
      rule: "payments/lock-key",
      from: "src/payments/**",
      to: "src/billing/**",
    },
  ];
  assert.deepEqual(JSON.parse(dry.stdout), { dryRun: true, changes: expected });
  assert.equal(readFileSync(join(cwd, ".korva/rules/payments.yml"), "utf8"), RULE);

  const fixed = await runKorva(["anchors", "fix", "--json"], { env, cwd });
  assert.deepEqual(JSON.parse(fixed.stdout), { dryRun: false, changes: expected });
  const got = async (id: string) =>
    JSON.parse((await runKorva(["get", id, "--json"], { env })).stdout).files;
  assert.deepEqual(await got(file), ["src/billing/payments.ts"]);
  assert.deepEqual(await got(folder), ["src/billing/**"]);
  assert.equal(
    readFileSync(join(cwd, ".korva/rules/payments.yml"), "utf8"),
    RULE.replace('["src/payments/**"]', '["src/billing/**"]'),
  );
  const again = await runKorva(["anchors", "fix"], { env, cwd });
  assert.equal(again.stdout, "Every anchor points at a file that exists or never moved\n");
});
