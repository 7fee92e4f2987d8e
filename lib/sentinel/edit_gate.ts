// The edit-time gate: the content an editor's write tool is about to produce (Claude Code
// Write/Edit/MultiEdit, Gemini CLI write_file/replace) and the editor's answer when the sentinel
// finds something. Pure: the command reads the file and stdin and prints the answer.
import type { HookPayload } from "../discovery/hooks.ts";
import type { SentinelReport } from "./run.ts";
import { oneLine } from "./report/human.ts";

/** What the editor is about to write: the file's whole new content and the lines it adds. */
export interface ProposedEdit {
  /** The file as the tool names it (absolute in Claude Code and Gemini CLI). */
  file: string;
  content: string;
  added: number[];
}

/** How a repository wants blocking findings handled at edit time (`.korva/config.yml`). */
export type EditMode = "warn" | "ask" | "deny";

const Str = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * The edit a write-tool payload proposes, given the file's current text (undefined when it does
 * not exist). Undefined when the payload is not a write or the edit cannot apply.
 */
export function proposedEdit(
  payload: HookPayload,
  current: (file: string) => string | undefined,
): ProposedEdit | undefined {
  const input = payload.tool_input ?? {};
  const file = Str(input.file_path) ?? Str(input.absolute_path) ?? Str(input.path);
  if (!file) return undefined;
  const tool = payload.tool_name ?? "";
  const before = current(file);
  let after: string | undefined;
  if (tool === "Write" || tool === "write_file") {
    after = Str(input.content);
  } else if (tool === "Edit" || tool === "replace") {
    after = applyEdit(before ?? "", {
      old: Str(input.old_string) ?? "",
      new: Str(input.new_string) ?? "",
      all: input.replace_all === true ||
        (typeof input.expected_replacements === "number" && input.expected_replacements > 1),
    });
  } else if (tool === "MultiEdit" && Array.isArray(input.edits)) {
    after = before ?? "";
    for (const edit of input.edits as Array<Record<string, unknown>>) {
      after = after === undefined ? undefined : applyEdit(after, {
        old: Str(edit.old_string) ?? "",
        new: Str(edit.new_string) ?? "",
        all: edit.replace_all === true,
      });
    }
  }
  if (after === undefined) return undefined;
  return { file, content: after, added: addedLines(before, after) };
}

function applyEdit(
  text: string,
  edit: { old: string; new: string; all: boolean },
): string | undefined {
  if (edit.old === "") return text === "" ? edit.new : undefined;
  if (!text.includes(edit.old)) return undefined;
  return edit.all
    ? text.replaceAll(edit.old, () => edit.new)
    : text.replace(edit.old, () => edit.new);
}

/** 1-based lines of `after` that are new: every line whose text `before` does not have. */
export function addedLines(before: string | undefined, after: string): number[] {
  const lines = after.split(/\r?\n/);
  if (before === undefined) return lines.map((_, i) => i + 1);
  const old = new Set(before.split(/\r?\n/));
  return lines.flatMap((line, i) => (old.has(line) ? [] : [i + 1]));
}

/** The reason an editor shows: each blocking finding with its rule, memory and fix. */
export function gateReason(report: SentinelReport, severities: Array<"error" | "warning">): string {
  const findings = report.findings.filter((f) =>
    !f.suppressed && severities.includes(f.severity as "error" | "warning")
  );
  const blocks = findings.map((f) => {
    const title = report.rules.find((r) => r.id === f.ruleId)?.title;
    const lines = [`- ${f.path}:${f.line} ${f.ruleId}${title ? ` (${title})` : ""}: ${f.message}`];
    for (const id of f.memory) {
      const m = report.memories[id];
      lines.push(
        m?.title
          ? `  why: memory ${id} "${m.title}"${m.why ? ` — ${oneLine(m.why)}` : ""}`
          : `  why: memory ${id}`,
      );
    }
    if (f.fix) lines.push(`  fix: ${f.fix}`);
    return lines.join("\n");
  });
  const errors = findings.filter((f) => f.severity === "error").length;
  const head = errors > 0
    ? `korva sentinel: this edit breaks ${errors} team rule${errors === 1 ? "" : "s"}`
    : "korva sentinel: this edit has warnings";
  return `${head}:\n${blocks.join("\n")}\n` +
    (errors > 0
      ? "Change the code to follow the rule; if this case is safe, add a `korva-ignore: RULE_ID why` comment on the line."
      : "");
}

/**
 * The editor's answer (JSON for stdout), or undefined for silence. Blocking (error) findings get
 * the mode's decision; warnings, and everything in `warn` mode, only add context.
 */
export function gateAnswer(
  report: SentinelReport,
  mode: EditMode,
  event: string,
): string | undefined {
  const active = report.findings.filter((f) => !f.suppressed);
  const errors = active.filter((f) => f.severity === "error").length;
  const warnings = active.filter((f) => f.severity === "warning").length;
  if (errors === 0 && warnings === 0) return undefined;
  const block = errors > 0 && mode !== "warn";
  const reason = gateReason(report, block ? ["error"] : ["error", "warning"]);
  if (event === "BeforeTool") {
    // Gemini CLI: BeforeTool knows allow and deny (no ask) and cannot add model context.
    return JSON.stringify(block ? { decision: "deny", reason } : { systemMessage: reason });
  }
  return JSON.stringify({
    hookSpecificOutput: block
      ? { hookEventName: "PreToolUse", permissionDecision: mode, permissionDecisionReason: reason }
      : { hookEventName: "PreToolUse", additionalContext: reason },
  });
}
