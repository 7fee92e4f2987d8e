// `korva import FILE`: JSONL in, validated line by line first, written all-or-nothing.
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Deps } from "../lib/deps.ts";
import { KorvaError, messageOf, usageError } from "../lib/errors.ts";
import { importMemories, openCliMemories } from "../lib/memory/mod.ts";
import { importError, validateImportLines } from "../lib/vault/mod.ts";
import { importRecordsCommand } from "./import_records.ts";
import { printJson } from "./print.ts";

/** Build the `import` command. */
export function importCommand(deps: Deps): Command {
  return new Command("import")
    .description("Import memories from JSONL (all or nothing; bad lines are listed)")
    .argument("<file>", "JSONL file, or - for stdin")
    .option("--project <name>", "project for lines that name none")
    .option("--json", "print {imported, duplicates} as JSON")
    .addHelpText("after", `\nExample:\n  korva export > backup.jsonl && korva import backup.jsonl`)
    .addCommand(importRecordsCommand(deps, "adr"))
    .addCommand(importRecordsCommand(deps, "postmortem"))
    .addCommand(importRecordsCommand(deps, "rules"))
    .action(async (file: string, flags: { project?: string; json?: boolean }) => {
      let text: string;
      if (file === "-") text = await deps.io.readStdin();
      else {
        const path = resolve(deps.cwd, file);
        try {
          text = readFileSync(path, "utf8");
        } catch (error) {
          throw new KorvaError(`Cannot read "${path}": ${messageOf(error)}`, { exitCode: 2 });
        }
      }
      const lines: unknown[] = [];
      const numbers: number[] = [];
      const bad: string[] = [];
      text.split(/\r?\n/).forEach((line, index) => {
        if (line.trim() === "") return;
        try {
          const value = JSON.parse(line) as unknown;
          if (typeof value !== "object" || value === null || Array.isArray(value)) {
            bad.push(`line ${index + 1}: not a JSON object`);
          } else {
            lines.push(value);
            numbers.push(index + 1);
          }
        } catch {
          bad.push(`line ${index + 1}: not valid JSON`);
        }
      });
      if (bad.length > 0) {
        // Report schema problems of the parseable lines in the same message (the vault
        // validates them again before writing, so the success path validates once).
        bad.push(...validateImportLines(lines, numbers).bad);
        bad.sort((a, b) => lineOf(a) - lineOf(b));
        throw importError(bad);
      }
      if (lines.length === 0) throw usageError(`Cannot import "${file}": it has no lines`);
      using memories = openCliMemories(deps, { project: flags.project });
      const result = importMemories(memories, lines, { numberFrom: numbers });
      if (flags.json) {
        return printJson(deps, { imported: result.imported, duplicates: result.duplicates });
      }
      deps.io.out(
        `Imported ${result.imported} memories` +
          (result.duplicates ? ` (${result.duplicates} already present, skipped)` : "") + "\n",
      );
    });
}

function lineOf(problem: string): number {
  return Number(problem.match(/^line (\d+)/)?.[1] ?? 0);
}
