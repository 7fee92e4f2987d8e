// OpenCode's prompt-time recall: the plugin `korva setup` writes, run as OpenCode runs it.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { applySetup, changedFiles, planSetup, setupContext } from "../../lib/setup/apply.ts";
import { TARGETS } from "../../lib/setup/targets.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { runCommand, runKorva, tempHome, tempRepo, testDeps, writeFiles } from "../_helpers.ts";

const PLUGIN = ".config/opencode/plugins/korva.js";
const RUNNER = new URL("../testdata/opencode_chat_message.ts", import.meta.url).pathname;
const OPENCODE = TARGETS.filter((t) => t.id === "opencode");

/** Install (or uninstall) korva for OpenCode in a temp HOME; the hooks run this checkout. */
function setup(home: string, korvaHome: string, mode: "install" | "uninstall" = "install") {
  const deps = testDeps(korvaHome, { env: { HOME: home, PATH: "" } });
  const ctx = setupContext(deps, { profile: "agent", repoRoot: undefined });
  const plans = planSetup(ctx, OPENCODE, mode, deps.home);
  return { ctx, plans, results: applySetup(changedFiles(plans), deps.home, deps.now) };
}

/** OpenCode's chat.message for one user message, through the plugin file, in a child process. */
async function chatMessage(
  home: { home: string; env: Record<string, string> },
  dir: string,
  text: string,
) {
  const message = {
    input: { sessionID: "ses_4f1c2a9e0ffeAbCdEfGhIjKlMn", agent: "build" },
    output: {
      message: { id: "msg_4f1c2a9e1000AbCdEfGhIjKlMn", role: "user" },
      parts: [{ id: "prt_4f1c2a9e1001AbCdEfGhIjKlMn", type: "text", text }],
    },
  };
  const result = await runCommand(
    Deno.execPath(),
    ["run", "-A", "--quiet", RUNNER, join(home.home, PLUGIN), dir],
    { env: home.env, stdin: JSON.stringify(message) },
  );
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as {
    id: string;
    output: { parts: Record<string, unknown>[] };
  };
}

const INCIDENT = {
  type: "incident" as const,
  title: "Double charge: payment lock must be keyed by payment_id",
  content: "Customers were charged twice when a retry ran after the Redis lock expired.",
  project: "shop",
};

Deno.test("OpenCode's plugin adds the memories korva recalls for a message as a hidden text part, once per session", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ ".korva/config.yml": "project: shop\n" });
  let id: string;
  {
    using vault = openVault(join(home.korvaHome, "vault.db"), { project: "shop" });
    id = vault.save(INCIDENT).memory.id;
  }
  setup(home.home, home.korvaHome);
  const prompt = "Why does the payment retry take a redis lock?";
  const first = await chatMessage(home, repo.path, prompt);
  assert.equal(first.id, "korva");
  const [mine, added, ...rest] = first.output.parts;
  assert.deepEqual(mine, { id: "prt_4f1c2a9e1001AbCdEfGhIjKlMn", type: "text", text: prompt });
  assert.deepEqual(rest, []);
  assert.match(String(added?.id), /^prt_[0-9a-f]{12}[0-9A-Za-z]{14}$/);
  assert.deepEqual({ ...added, id: "" }, {
    id: "",
    sessionID: "ses_4f1c2a9e0ffeAbCdEfGhIjKlMn",
    messageID: "msg_4f1c2a9e1000AbCdEfGhIjKlMn",
    type: "text",
    text: "Team memory (korva) that may bear on this request; call vault_get for a full record:\n" +
      `- [incident] ${INCIDENT.title} (${id}): ${INCIDENT.content}`,
    synthetic: true,
  });
  // The same memory is not added twice in one session; unrelated messages add nothing.
  const again = await chatMessage(home, repo.path, prompt);
  assert.equal(again.output.parts.length, 1);
  const unrelated = await chatMessage(home, repo.path, "rename the settings page button");
  assert.equal(unrelated.output.parts.length, 1);
});

Deno.test("OpenCode's plugin adds nothing and does not fail the message when korva cannot run", async () => {
  await using home = tempHome();
  await using repo = tempRepo();
  const deps = testDeps(home.korvaHome, { env: { HOME: home.home, PATH: "" } });
  deps.self.command = join(home.home, "no-such-korva");
  deps.self.args = [];
  const ctx = setupContext(deps, { profile: "agent", repoRoot: undefined });
  applySetup(changedFiles(planSetup(ctx, OPENCODE, "install", deps.home)), deps.home, deps.now);
  const result = await chatMessage(home, repo.path, "why does the payment retry take a lock?");
  assert.equal(result.output.parts.length, 1);
});

Deno.test("korva setup --opencode leaves a plugins/korva.js that is not korva's untouched and says so", async () => {
  await using home = tempHome();
  const theirs = "export default { id: 'korva', server: async () => ({}) };\n";
  writeFiles(home.home, { [PLUGIN]: theirs, ".config/opencode/opencode.json": "{}\n" });
  const result = await runKorva(["setup", "--opencode"], { env: { ...home.env, PATH: "" } });
  assert.equal(result.code, 2);
  assert.match(
    result.stderr,
    new RegExp(
      `"${join(home.home, PLUGIN)}" is not korva's prompt recall plugin; it was left untouched`,
    ),
  );
  assert.equal(readFileSync(join(home.home, PLUGIN), "utf8"), theirs);
});

Deno.test("korva setup --uninstall removes the OpenCode plugin it wrote", async () => {
  await using home = tempHome();
  writeFiles(home.home, { ".config/opencode/opencode.json": "{}\n" });
  const { ctx } = setup(home.home, home.korvaHome);
  const source = readFileSync(join(home.home, PLUGIN), "utf8");
  assert.ok(source.includes(`const COMMAND = ${JSON.stringify(ctx.hookCommand("prompt"))};`));
  setup(home.home, home.korvaHome, "uninstall");
  assert.equal(existsSync(join(home.home, PLUGIN)), false);
  assert.equal(readFileSync(join(home.home, ".config/opencode/opencode.json"), "utf8"), "{}\n");
});

Deno.test("korva setup --uninstall removes the OpenCode plugin even when its record of created files is gone", async () => {
  await using home = tempHome();
  writeFiles(home.home, { ".config/opencode/opencode.json": "{}\n" });
  setup(home.home, home.korvaHome);
  Deno.removeSync(join(home.korvaHome, "setup-state.json"));
  setup(home.home, home.korvaHome, "uninstall");
  assert.equal(existsSync(join(home.home, PLUGIN)), false);
});
