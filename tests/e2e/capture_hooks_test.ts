// korva hook stop / session-end and SessionStart after a compaction, driven with the editors'
// documented payloads: the exact JSON answered, and every silent case.
import assert from "node:assert/strict";
import { join } from "node:path";
import { runKorva, type TempHome, tempHome, tempRepo } from "../_helpers.ts";

const NUDGE = "You changed src/payments/payments.ts in this session and saved nothing to korva. " +
  "If that was a decision or a fix with a root cause, save it with vault_save: a specific " +
  "title, the why, the alternatives rejected, and the files. If it was routine, carry on.";

async function setup() {
  const home = tempHome();
  const repo = tempRepo({ "src/payments/payments.ts": "export const pay = 1;\n" });
  const init = await runKorva(["init"], { env: home.env, cwd: repo.path });
  assert.equal(init.code, 0, init.stderr);
  return { home, repo };
}

async function hook(home: TempHome, cwd: string, handler: string, payload: object) {
  const result = await runKorva(["hook", handler], {
    env: home.env,
    cwd,
    stdin: JSON.stringify(payload),
  });
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

/** Claude Code's PreToolUse payload for a tool on a file. */
function toolUse(session: string, cwd: string, tool: string, file: string) {
  return {
    session_id: session,
    transcript_path: join(cwd, "t.jsonl"),
    cwd,
    hook_event_name: "PreToolUse",
    tool_name: tool,
    tool_input: { file_path: join(cwd, file), old_string: "1", new_string: "2" },
  };
}

/** A session's tool use of src/payments/payments.ts, as the file hook records it. */
async function touched(home: TempHome, cwd: string, session: string, tool: string) {
  await hook(home, cwd, "file-context", toolUse(session, cwd, tool, "src/payments/payments.ts"));
}

function stop(session: string, cwd: string, active = false, event = "Stop") {
  return {
    session_id: session,
    transcript_path: join(cwd, "t.jsonl"),
    cwd,
    hook_event_name: event,
    stop_hook_active: active,
  };
}

Deno.test("korva hook stop nudges once, naming the edited file, and is silent the second time", async () => {
  const { home, repo } = await setup();
  await using _h = home;
  await using _r = repo;
  await touched(home, repo.path, "s1", "Edit");
  assert.equal(await hook(home, repo.path, "stop", stop("s1", repo.path, true)), "");
  assert.equal(
    await hook(home, repo.path, "stop", stop("s1", repo.path)),
    JSON.stringify({ decision: "block", reason: NUDGE }) + "\n",
  );
  assert.equal(await hook(home, repo.path, "stop", stop("s1", repo.path)), "");
  assert.equal(
    await hook(home, repo.path, "stop", stop("s1", repo.path, false, "SubagentStop")),
    "",
  );
});

Deno.test("korva hook stop is silent when nothing was edited or something was saved", async (t) => {
  const { home, repo } = await setup();
  await using _h = home;
  await using _r = repo;
  await t.step("only reads", async () => {
    await hook(
      home,
      repo.path,
      "file-context",
      toolUse("s2", repo.path, "Read", "src/payments/payments.ts"),
    );
    assert.equal(await hook(home, repo.path, "stop", stop("s2", repo.path)), "");
  });
  await t.step("edited, then saved a memory", async () => {
    await hook(
      home,
      repo.path,
      "file-context",
      toolUse("s3", repo.path, "Write", "src/payments/payments.ts"),
    );
    const saved = await runKorva(
      ["save", "--type", "decision", "--title", "Key the lock by payment_id", "--content", "x"],
      { env: home.env, cwd: repo.path },
    );
    assert.equal(saved.code, 0, saved.stderr);
    assert.equal(await hook(home, repo.path, "stop", stop("s3", repo.path)), "");
  });
  await t.step("no session id", async () => {
    assert.equal(await hook(home, repo.path, "stop", { hook_event_name: "Stop" }), "");
  });
});

Deno.test("korva hook stop tells the person through Gemini CLI's AfterAgent systemMessage", async () => {
  const { home, repo } = await setup();
  await using _h = home;
  await using _r = repo;
  await hook(home, repo.path, "file-context", {
    session_id: "g1",
    cwd: repo.path,
    hook_event_name: "AfterTool",
    tool_name: "write_file",
    tool_input: { file_path: join(repo.path, "src/payments/payments.ts"), content: "x" },
  });
  const out = await hook(home, repo.path, "stop", {
    session_id: "g1",
    cwd: repo.path,
    hook_event_name: "AfterAgent",
    prompt: "fix it",
    prompt_response: "done",
    stop_hook_active: false,
  });
  assert.equal(out, JSON.stringify({ systemMessage: `korva: ${NUDGE}` }) + "\n");
});

Deno.test("korva hook session-start after a compaction carries the nudge (PreCompact cannot)", async () => {
  const { home, repo } = await setup();
  await using _h = home;
  await using _r = repo;
  await touched(home, repo.path, "c1", "MultiEdit");
  const out = await hook(home, repo.path, "session-start", {
    session_id: "c1",
    cwd: repo.path,
    hook_event_name: "SessionStart",
    source: "compact",
  });
  assert.equal(
    out,
    JSON.stringify({
      hookSpecificOutput: { hookEventName: "SessionStart", additionalContext: NUDGE },
      suppressOutput: true,
    }) + "\n",
  );
  assert.equal(await hook(home, repo.path, "stop", stop("c1", repo.path)), "", "nudged once");
});

/** The session ends still queued for the detached summary writer. */
function queuedEnds(home: TempHome): string[] {
  const run = join(home.korvaHome, "run");
  try {
    return [...Deno.readDirSync(run)].map((e) => e.name).filter((n) => n.endsWith(".ending"));
  } catch {
    return [];
  }
}

/** Wait until the detached writer has taken every queued end (it removes each when written). */
async function drained(home: TempHome): Promise<void> {
  for (let waited = 0; queuedEnds(home).length > 0; waited += 50) {
    if (waited > 30_000) throw new Error(`still queued after 30 s: ${queuedEnds(home)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function summaries(home: TempHome, cwd: string): Promise<Array<[string, boolean]>> {
  const list = await runKorva(["list", "--tag", "session-summary", "--json"], {
    env: home.env,
    cwd,
  });
  assert.equal(list.code, 0, list.stderr);
  return (JSON.parse(list.stdout) as Array<{ content: string; confirmed: boolean }>)
    .map((s) => [s.content, s.confirmed]);
}

Deno.test("korva hook session-end records one summary per session, only when it did something", async () => {
  const { home, repo } = await setup();
  await using _h = home;
  await using _r = repo;
  const end = (session: string) => ({
    session_id: session,
    cwd: repo.path,
    hook_event_name: "SessionEnd",
    reason: "exit",
  });
  assert.equal(await hook(home, repo.path, "session-end", end("idle")), "");
  assert.deepEqual(queuedEnds(home), [], "a session korva saw nothing of queues nothing");
  await touched(home, repo.path, "e1", "Edit");
  assert.equal(await hook(home, repo.path, "session-end", end("e1")), "");
  assert.equal(await hook(home, repo.path, "session-end", end("e1")), "");
  await drained(home);
  assert.deepEqual(await summaries(home, repo.path), [[
    "Edited: src/payments/payments.ts.",
    false,
  ]]);
  // A third end after the summary was written queues nothing.
  assert.equal(await hook(home, repo.path, "session-end", end("e1")), "");
  assert.deepEqual(queuedEnds(home), []);
});

Deno.test("korva hook session-end --wait writes the summary before it returns", async () => {
  const { home, repo } = await setup();
  await using _h = home;
  await using _r = repo;
  await touched(home, repo.path, "w1", "Write");
  const result = await runKorva(["hook", "session-end", "--wait"], {
    env: home.env,
    cwd: repo.path,
    stdin: JSON.stringify({ session_id: "w1", cwd: repo.path, hook_event_name: "SessionEnd" }),
  });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(await summaries(home, repo.path), [[
    "Edited: src/payments/payments.ts.",
    false,
  ]]);
});

Deno.test("korva hook session-end --drain writes an end that no writer took", async () => {
  const { home, repo } = await setup();
  await using _h = home;
  await using _r = repo;
  await touched(home, repo.path, "d1", "Edit");
  // As if the detached writer had been killed before it started.
  Deno.writeTextFileSync(
    join(home.korvaHome, "run", "session-d1.ending"),
    JSON.stringify({ session_id: "d1", cwd: repo.path }),
  );
  const result = await runKorva(["hook", "session-end", "--drain"], {
    env: home.env,
    cwd: repo.path,
  });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(queuedEnds(home), []);
  assert.deepEqual(await summaries(home, repo.path), [[
    "Edited: src/payments/payments.ts.",
    false,
  ]]);
});
