// The words korva says at the end of a working stretch: a nudge to save what was learned, and
// the session summary. Pure functions over what the session did.

/** Tools that change files, across Claude Code and Gemini CLI. */
const EDIT_TOOLS = new Set(["Edit", "Write", "MultiEdit", "NotebookEdit", "write_file", "replace"]);

/** Whether a hook's tool call edits the file it names. */
export function isEditTool(toolName: string | undefined): boolean {
  return toolName !== undefined && EDIT_TOOLS.has(toolName);
}

/** `a`, `a and b`, `a, b and 3 more files`. */
export function fileList(files: string[], shown = 3): string {
  const head = files.slice(0, shown);
  const rest = files.length - head.length;
  if (rest > 0) return `${head.join(", ")} and ${rest} more file${rest === 1 ? "" : "s"}`;
  if (head.length <= 1) return head.join("");
  return `${head.slice(0, -1).join(", ")} and ${head.at(-1)}`;
}

/** The one nudge a session gets when it edited code and saved nothing. */
export function nudgeText(edited: string[]): string {
  return `You changed ${fileList(edited)} in this session and saved nothing to korva. ` +
    "If that was a decision or a fix with a root cause, save it with vault_save: a specific " +
    "title, the why, the alternatives rejected, and the files. If it was routine, carry on.";
}

/** A session summary for vault_timeline: what was edited and what was saved. */
export function summaryText(edited: string[], saved: Array<{ id: string; title: string }>): string {
  const lines: string[] = [];
  if (edited.length > 0) lines.push(`Edited: ${edited.join(", ")}.`);
  if (saved.length > 0) {
    lines.push(`Saved: ${saved.map((m) => `${m.title} (${m.id})`).join("; ")}.`);
  }
  return lines.join("\n");
}

/** The hook answer for an end-of-stretch event carrying a nudge. */
export function stopAnswer(event: string, nudge: string): string | undefined {
  switch (event) {
    case "Stop":
    case "SubagentStop":
      // Claude Code hands `reason` to the model, which continues once; stop_hook_active on the
      // next stop, and the once-per-session mark, keep it from repeating.
      return JSON.stringify({ decision: "block", reason: nudge });
    case "AfterAgent":
      // Gemini CLI would reject the model's answer on a decision; tell the person instead.
      return JSON.stringify({ systemMessage: `korva: ${nudge}` });
    default:
      return undefined;
  }
}
