// What Codex (0.169) sends korva's hooks and accepts back: its hook input schemas require every
// field below, and its output schemas allow no key beyond the ones korva answers with.
import assert from "node:assert/strict";

/** A Codex hook payload for `event` in `cwd`, with the event's own fields. */
export function codexPayload(event: string, cwd: string, fields: Record<string, unknown>): string {
  return JSON.stringify({
    session_id: "019d036d-c7fa-72d2-b6fd-78878bfe34e4",
    transcript_path: null,
    cwd,
    hook_event_name: event,
    model: "gpt-5.5",
    permission_mode: "default",
    ...fields,
  });
}

/**
 * The context a hook's stdout adds for `event`, after checking that it holds only keys Codex's
 * output schema allows (additionalProperties false, at the top and in hookSpecificOutput).
 */
export function codexContext(stdout: string, event: string): string {
  const out = JSON.parse(stdout);
  assert.deepEqual(Object.keys(out).sort(), ["hookSpecificOutput", "suppressOutput"]);
  assert.deepEqual(Object.keys(out.hookSpecificOutput).sort(), [
    "additionalContext",
    "hookEventName",
  ]);
  assert.equal(out.hookSpecificOutput.hookEventName, event);
  return out.hookSpecificOutput.additionalContext;
}
