// Prompt-time recall: the memories worth adding to a prompt, once per session, silent otherwise.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSemantics } from "../../lib/recall/mod.ts";
import { promptRecall } from "../../lib/recall/prompt_recall.ts";
import { textTerms } from "../../lib/recall/terms.ts";
import { RECALL_DATA } from "../../bench/recall_data.ts";
import { openVault } from "../../lib/vault/mod.ts";
import { codexContext, codexPayload } from "../_codex.ts";
import { runKorva, tempDir, tempHome, tempRepo } from "../_helpers.ts";

const INCIDENT = {
  type: "incident" as const,
  title: "Double charge: payment lock must be keyed by payment_id",
  content: "Customers were charged twice when a retry ran after the Redis lock expired. The " +
    "lock is keyed by payment_id with a 30 s TTL.",
  tags: ["payments", "redis"],
};

Deno.test("promptRecall() returns the memory a prompt is about, once per session", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { semantics: loadSemantics() });
  const id = vault.save(INCIDENT).memory.id;
  vault.save({ type: "note", title: "Release checklist", content: "Tag, build, publish." });
  const seen = new Set<string>();
  const first = promptRecall(vault, "why does the payment retry take a redis lock?", { seen });
  assert.deepEqual(first.map((m) => m.id), [id]);
  assert.deepEqual(promptRecall(vault, "the payment lock again please", { seen }), []);
});

Deno.test("promptRecall() stays silent for short or unrelated prompts", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { semantics: loadSemantics() });
  vault.save(INCIDENT);
  assert.deepEqual(promptRecall(vault, "yes go on", { seen: new Set() }), []);
  assert.deepEqual(
    promptRecall(vault, "rename the button label on the settings page", { seen: new Set() }),
    [],
  );
});

Deno.test("promptRecall() adds nothing for a prompt about other work that shares two everyday words with a memory", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"), { semantics: loadSemantics() });
  // A real record (tests/testdata/recall, govuk-aws ADR 24): "image" and "data" are in it.
  const adr = readFileSync(join(RECALL_DATA, "adr/govuk-aws/0024-ami-lookups.md"), "utf8");
  vault.save({ type: "decision", title: "AMI Lookups", content: adr });
  vault.save(INCIDENT);
  const prompt = "apply a Gaussian blur to the canvas image data";
  const words = new Set(textTerms(adr));
  assert.deepEqual(textTerms(prompt).filter((t) => words.has(t)), ["image", "data"]);
  assert.deepEqual(promptRecall(vault, prompt, { seen: new Set() }), []);
  // Paraphrased, the prompt still reaches the memory it is about.
  assert.deepEqual(
    promptRecall(vault, "how do we stop customers paying twice", { seen: new Set() })
      .map((m) => m.title),
    [INCIDENT.title],
  );
});

Deno.test("promptRecall() without semantic recall adds a memory that shares two words with the prompt", async () => {
  await using dir = tempDir();
  using vault = openVault(join(dir.path, "vault.db"));
  vault.save({ type: "note", title: "Release checklist", content: "Tag the release, build it." });
  assert.deepEqual(
    promptRecall(vault, "build a tag cloud for the blog", { seen: new Set() }).map((m) => m.title),
    ["Release checklist"],
  );
  assert.deepEqual(promptRecall(vault, "build the blog sidebar", { seen: new Set() }), []);
});

Deno.test("korva hook prompt answers a Claude Code UserPromptSubmit payload, then stays silent", async () => {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "# shop\n", ".korva/config.yml": "project: shop\n" });
  {
    using vault = openVault(join(home.korvaHome, "vault.db"), { project: "shop" });
    vault.save({ ...INCIDENT, project: "shop" });
  }
  const payload = JSON.stringify({
    hook_event_name: "UserPromptSubmit",
    session_id: "s-1",
    cwd: repo.path,
    prompt: "Why does the payment retry take a redis lock?",
  });
  const env = home.env;
  const first = await runKorva(["hook", "prompt"], { env, stdin: payload });
  assert.equal(first.code, 0, first.stderr);
  const out = JSON.parse(first.stdout);
  assert.equal(out.hookSpecificOutput.hookEventName, "UserPromptSubmit");
  assert.match(
    out.hookSpecificOutput.additionalContext,
    /\[incident\] Double charge: payment lock/,
  );
  const again = await runKorva(["hook", "prompt"], { env, stdin: payload });
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.stdout, "");
  const garbage = await runKorva(["hook", "prompt"], { env, stdin: "{not json" });
  assert.equal(garbage.code, 0);
  assert.equal(garbage.stdout, "");
});

/** A home whose vault holds the incident in project "shop", and a repository of that project. */
function shopWithIncident() {
  const home = tempHome();
  const repo = tempRepo({ ".korva/config.yml": "project: shop\n" });
  using vault = openVault(join(home.korvaHome, "vault.db"), { project: "shop" });
  vault.save({ ...INCIDENT, project: "shop" });
  return {
    home,
    repo,
    async [Symbol.asyncDispose]() {
      await repo[Symbol.asyncDispose]();
      await home[Symbol.asyncDispose]();
    },
  };
}

Deno.test("korva hook prompt answers a Gemini CLI BeforeAgent payload in its event's name", async () => {
  await using shop = shopWithIncident();
  const result = await runKorva(["hook", "prompt"], {
    env: shop.home.env,
    stdin: JSON.stringify({
      hook_event_name: "BeforeAgent",
      session_id: "g-1",
      cwd: shop.repo.path,
      prompt: "Add a retry to the payment job without a second redis lock",
    }),
  });
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.hookSpecificOutput.hookEventName, "BeforeAgent");
  assert.match(out.hookSpecificOutput.additionalContext, /\(01[0-9A-Z]{24}\): Customers were/);
});

Deno.test("korva hook prompt answers a Codex UserPromptSubmit payload with only the keys Codex's output schema allows", async () => {
  await using shop = shopWithIncident();
  const result = await runKorva(["hook", "prompt"], {
    env: shop.home.env,
    stdin: codexPayload("UserPromptSubmit", shop.repo.path, {
      turn_id: "019d036d-c7fa-72d2-b6fd-78878bfe34e5",
      prompt: "Why does the payment retry take a redis lock?",
    }),
  });
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    codexContext(result.stdout, "UserPromptSubmit"),
    /\[incident\] Double charge: payment lock/,
  );
});

Deno.test("korva hook prompt run by GitHub Copilot CLI also answers the top-level additionalContext it reads", async () => {
  await using shop = shopWithIncident();
  const payload = {
    hook_event_name: "UserPromptSubmit",
    session_id: "c-1",
    timestamp: "2026-11-27T00:30:25.095Z",
    cwd: shop.repo.path,
    prompt: "Why does the payment retry take a redis lock?",
  };
  const copilot = await runKorva(["hook", "prompt"], {
    env: { ...shop.home.env, COPILOT_CLI: "1" },
    stdin: JSON.stringify(payload),
  });
  assert.equal(copilot.code, 0, copilot.stderr);
  const out = JSON.parse(copilot.stdout);
  assert.deepEqual(Object.keys(out), ["additionalContext", "hookSpecificOutput", "suppressOutput"]);
  assert.equal(out.additionalContext, out.hookSpecificOutput.additionalContext);
  assert.match(out.additionalContext, /\[incident\] Double charge: payment lock/);
  // VS Code reads the same file and both fields: without COPILOT_CLI only one is given.
  const vscode = await runKorva(["hook", "prompt"], {
    env: shop.home.env,
    stdin: JSON.stringify({ ...payload, session_id: "v-1" }),
  });
  assert.deepEqual(Object.keys(JSON.parse(vscode.stdout)), [
    "hookSpecificOutput",
    "suppressOutput",
  ]);
});

Deno.test("korva hook prompt --text answers Kiro's UserPromptSubmit payload in plain text, and nothing for its empty prompts", async () => {
  await using shop = shopWithIncident();
  const kiro = (prompt: string, session: string) =>
    runKorva(["hook", "prompt", "--text"], {
      env: shop.home.env,
      stdin: JSON.stringify({
        cwd: shop.repo.path,
        hook_event_name: "UserPromptSubmit",
        prompt,
        session_id: session,
      }),
    });
  const result = await kiro("Why does the payment retry take a redis lock?", "k-1");
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    /^Team memory \(korva\) that may bear on this request; call vault_get for a full record:\n- \[incident\] Double charge: payment lock must be keyed by payment_id \(01[0-9A-Z]{24}\): Customers were charged twice when a retry ran after the Redis lock expired\. The lock is keyed by payment_id with a 30 s TTL\.\n$/,
  );
  // Kiro IDE 1.0.242 sends every prompt empty.
  const empty = await kiro("", "k-2");
  assert.equal(empty.code, 0);
  assert.equal(empty.stdout, "");
});

Deno.test("korva hook prompt finds the user's words in a Gemini CLI prompt that carries the session's hook context first", async () => {
  await using shop = shopWithIncident();
  // Gemini CLI 0.61 puts what SessionStart added before the first prompt's text, in one field.
  const context = "## korva: what this team knows (shop)\n" +
    "- [decision] Dashboard area 1 is laid out with CSS grid\n".repeat(60);
  const result = await runKorva(["hook", "prompt"], {
    env: shop.home.env,
    stdin: JSON.stringify({
      hook_event_name: "BeforeAgent",
      session_id: "g-2",
      cwd: shop.repo.path,
      prompt:
        `<hook_context>${context}</hook_context>\n\nWhy does the payment retry take a redis lock?`,
    }),
  });
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    JSON.parse(result.stdout).hookSpecificOutput.additionalContext,
    /\[incident\] Double charge: payment lock/,
  );
});
