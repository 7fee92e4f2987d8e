import assert from "node:assert/strict";
import { hookFiles, parseHookPayload, userPrompt } from "../../lib/discovery/hooks.ts";

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

/** A PreToolUse payload as the Cline CLI 3.0.65 sent it (captured; paths shortened). */
const CLINE_CLI_READ = {
  clineVersion: "",
  timestamp: "2026-11-27T02:23:21.977Z",
  taskId: "conv_1795746201356_zwfi0fk",
  sessionContext: { rootSessionId: "1795746200907_z85hj" },
  workspaceRoots: ["/ws"],
  workspaceInfo: { rootPath: "/ws", hint: "ws" },
  userId: "unknown",
  agent_id: "agent_1795746201254_2milsc",
  parent_agent_id: null,
  hookName: "tool_call",
  iteration: 1,
  tool_call: {
    id: "call_1",
    name: "read_files",
    input: { files: [{ path: "/ws/a.ts" }, { path: "/ws/b.ts", start_line: 3 }] },
  },
  preToolUse: {
    toolName: "read_files",
    parameters: { files: '[{"path":"/ws/a.ts"},{"path":"/ws/b.ts","start_line":3}]' },
  },
};

Deno.test("parseHookPayload() reads a Cline tool hook's fields as korva's: task, workspace roots, tool and its files", async (t) => {
  const expected = {
    cline_version: "",
    session_id: "conv_1795746201356_zwfi0fk",
    hook_event_name: "PreToolUse",
    tool_name: "read_files",
    tool_input: { files: [{ path: "/ws/a.ts" }, { path: "/ws/b.ts", start_line: 3 }] },
    workspace_roots: ["/ws"],
  };
  await t.step("the CLI's tool_call", () => {
    assert.deepEqual(parseHookPayload(JSON.stringify(CLINE_CLI_READ)), expected);
  });
  await t.step("only preToolUse, its parameters as JSON text (the VS Code extension)", () => {
    const { tool_call: _, ...extension } = CLINE_CLI_READ;
    assert.deepEqual(parseHookPayload(JSON.stringify(extension)), expected);
  });
  await t.step("PostToolUse", () => {
    const { tool_call: _, preToolUse, ...rest } = CLINE_CLI_READ;
    const payload = parseHookPayload(JSON.stringify({ ...rest, postToolUse: preToolUse }));
    assert.equal(payload.hook_event_name, "PostToolUse");
  });
  await t.step("a task hook: no tool", () => {
    assert.deepEqual(
      parseHookPayload(
        JSON.stringify({ clineVersion: "3.0.65", taskId: "t1", hookName: "agent_start" }),
      ),
      {
        cline_version: "3.0.65",
        session_id: "t1",
        hook_event_name: "agent_start",
        workspace_roots: undefined,
      },
    );
  });
});

Deno.test("hookFiles() gives the file a tool names, else each path of a files list", () => {
  assert.deepEqual(hookFiles({ tool_input: { file_path: "/r/a.ts", path: "/r/b.ts" } }), [
    "/r/a.ts",
  ]);
  assert.deepEqual(hookFiles(parseHookPayload(JSON.stringify(CLINE_CLI_READ))), [
    "/ws/a.ts",
    "/ws/b.ts",
  ]);
  assert.deepEqual(hookFiles({ tool_input: { files: [{ path: "" }, 3, { line: 1 }] } }), []);
  assert.deepEqual(hookFiles({}), []);
});
