import assert from "node:assert/strict";
import { parseHookPayload, userPrompt } from "../../lib/discovery/hooks.ts";

Deno.test("parseHookPayload() keeps a payload whose known fields have their types, unknown fields too", () => {
  const payload = {
    hook_event_name: "PreToolUse",
    session_id: "s1",
    cwd: "/repo",
    tool_name: "Read",
    tool_input: { file_path: "/repo/a.ts", limit: 3 },
    prompt: "why",
    source: "startup",
    stop_hook_active: false,
    transcript_path: "/t.jsonl",
  };
  assert.deepEqual(parseHookPayload(JSON.stringify(payload)), payload);
});

Deno.test("parseHookPayload() gives an empty payload for empty, invalid or mistyped input", async (t) => {
  const rows: Array<[string, string]> = [
    ["empty", "  "],
    ["not JSON", "{"],
    ["an array", "[1]"],
    ["null", "null"],
    ["a string", '"x"'],
    ["a number session_id", '{"session_id":1,"cwd":"/r"}'],
    ["a null cwd", '{"cwd":null}'],
    ["an array tool_input", '{"tool_input":[]}'],
    ["a string tool_input", '{"tool_input":"a"}'],
    ["a string stop_hook_active", '{"stop_hook_active":"true"}'],
    ["a number prompt", '{"prompt":3}'],
  ];
  for (const [name, text] of rows) {
    await t.step(name, () => assert.deepEqual(parseHookPayload(text), {}));
  }
});

Deno.test("userPrompt() drops the hook context Gemini CLI puts before a prompt, and only that", () => {
  assert.equal(
    userPrompt({ prompt: "<hook_context>## korva\n- a\n</hook_context>\n\nwhy the lock?" }),
    "why the lock?",
  );
  assert.equal(userPrompt({ prompt: "  keep <b>this</b> as typed " }), "keep <b>this</b> as typed");
  assert.equal(userPrompt({}), "");
});
