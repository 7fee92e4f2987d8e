// Human output: one block per finding (file:line, rule, message, the memory's title and why, the
// fix), then a summary line; colours only on a terminal.
import type { SentinelReport } from "../mod.ts";

/** Render findings for a person; `color` adds ANSI colours. */
export function renderHuman(report: SentinelReport, options: { color: boolean }): string {
  const paint = (code: string, text: string) =>
    options.color ? `\x1b[${code}m${text}\x1b[0m` : text;
  const label = {
    error: paint("31;1", "error"),
    warning: paint("33;1", "warn "),
    info: paint("36", "info "),
  };
  const blocks = report.findings.map((f) => {
    const lines = [
      `${paint("1", `${f.path}:${f.line}:${f.column}`)}  ${label[f.severity]}  ${f.ruleId}${
        f.suppressed ? paint("2", ` (suppressed: ${f.suppressed.reason || "no reason"})`) : ""
      }`,
      `  ${f.message}`,
    ];
    if (f.excerpt) lines.push(paint("2", `  > ${f.excerpt}`));
    for (const id of f.memory) {
      const memory = report.memories[id];
      if (memory?.title) {
        lines.push(
          `  why: ${id} "${memory.title}"${memory.why ? ` — ${oneLine(memory.why)}` : ""}`,
        );
      } else lines.push(`  why: memory ${id}`);
    }
    if (f.fix) lines.push(`  fix: ${f.fix}`);
    if (f.docs) lines.push(`  docs: ${f.docs}`);
    return lines.join("\n");
  });
  const s = report.summary;
  const parts = [
    `${s.errors} error${s.errors === 1 ? "" : "s"}`,
    `${s.warnings} warning${s.warnings === 1 ? "" : "s"}`,
  ];
  if (s.suppressed) parts.push(`${s.suppressed} suppressed`);
  const verdict = s.errors === 0
    ? "ok"
    : report.target === "staged"
    ? paint("31;1", "commit blocked") +
      " (bypass once with `git commit --no-verify` or KORVA_SKIP=1)"
    : paint("31;1", "failed");
  const summary = `korva sentinel: ${parts.join(", ")} in ${s.files} file${
    s.files === 1 ? "" : "s"
  } (${s.rules} rules) — ${verdict}`;
  return (blocks.length ? blocks.join("\n\n") + "\n\n" : "") + summary + "\n";
}

/** Text on one line, at most 200 characters. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? flat.slice(0, 199) + "…" : flat;
}
