// `korva redact [FILE|-]`: print text with secrets and PII redacted; exit 1 when something was.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import type { Deps } from "../lib/deps.ts";
import { messageOf, usageError } from "../lib/errors.ts";
import { resolveRepoContext } from "../lib/memory/mod.ts";
import type { RedactMode } from "../lib/privacy/redact.ts";
import { summarizeFindings } from "../lib/privacy/report.ts";
import { printJson } from "./print.ts";

interface RedactFlags {
  json?: boolean;
  report?: boolean;
  mode: RedactMode;
}

/** Build the `redact` command. */
export function redactCommand(deps: Deps): Command {
  return new Command("redact")
    .description("Redact secrets and PII from a file or stdin (exit 1 when something was found)")
    .argument("[file]", "file to read; `-` or nothing reads stdin")
    .option("--json", "print {text, findings} as JSON (findings: detector, category, start, end)")
    .option("--report", "also report which detectors fired, how often and where (no secrets)")
    .addOption(
      new Option("--mode <mode>", "redact favours recall; gate favours precision")
        .choices(["redact", "gate"]).default("redact"),
    )
    .addHelpText(
      "after",
      `\nExamples:\n  korva redact notes.md > notes.clean.md\n` +
        `  git diff | korva redact --report --json\n  korva redact --mode gate .env || echo "secrets found"`,
    )
    .action(async (file: string | undefined, flags: RedactFlags) => {
      const input = file === undefined || file === "-"
        ? await deps.io.readStdin()
        : readInput(resolve(deps.cwd, file), file);
      const redactor = resolveRepoContext(deps).redactor();
      const result = redactor.redact(input, { mode: flags.mode });
      const report = summarizeFindings(result.findings);
      if (flags.json) {
        printJson(deps, flags.report ? { ...result, report } : result);
      } else {
        deps.io.out(result.text);
        if (flags.report) deps.io.err(formatReport(report));
      }
      if (result.findings.length > 0) deps.status.exitCode = 1;
    });
}

function readInput(path: string, shown: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || (error as { code?: string }).code === "ENOENT") {
      throw usageError(`Cannot read "${shown}": no such file`);
    }
    if ((error as { code?: string }).code === "EISDIR") {
      throw usageError(`Cannot read "${shown}": it is a directory`);
    }
    throw usageError(`Cannot read "${shown}": ${messageOf(error)}`);
  }
}

function formatReport(report: ReturnType<typeof summarizeFindings>): string {
  if (report.total === 0) return "Nothing to redact\n";
  const lines = report.detectors.map((d) =>
    `  ${d.detector.padEnd(28)} ${String(d.count).padStart(4)}  ${d.category}  at ${
      d.spans.slice(0, 5).map(([s, e]) => `${s}-${e}`).join(", ")
    }${d.spans.length > 5 ? ", …" : ""}`
  );
  return `Redacted ${report.total} ${report.total === 1 ? "secret" : "secrets"}:\n${
    lines.join("\n")
  }\n`;
}
