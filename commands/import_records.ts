// `korva import adr|postmortem|rules PATH…`: existing team knowledge in, all or nothing per run,
// with provenance, keyed by source so a re-run updates instead of duplicating.
import { Command } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { provenanceOf, sourceOf } from "../lib/importers/item.ts";
import type { ImportKind } from "../lib/importers/item.ts";
import { planCounts } from "../lib/importers/plan.ts";
import { type PreparedImport, prepareImport } from "../lib/importers/run.ts";
import {
  openMemories,
  resolveRepoContext,
  writeImportPlan,
  type WriteResult,
} from "../lib/memory/mod.ts";
import { formatRedactions, printJson } from "./print.ts";
import { progressBar } from "./progress.ts";

/** A person runs the import of files the team wrote: confirmed memories, client "import". */
const IMPORT_ORIGIN = { client: "import", person: true };

const ABOUT: Record<ImportKind, { description: string; argument: string; example: string }> = {
  adr: {
    description: "Import architecture decision records (Nygard, MADR, log4brains, Y-statements)",
    argument: "folders or files of decision records (Markdown, or HTML from Confluence/Notion)",
    example: "korva import adr docs/adr",
  },
  postmortem: {
    description: "Import incident write-ups; other Markdown becomes one note per top-level section",
    argument: "folders or files (Markdown, or HTML from Confluence/Notion)",
    example: "korva import postmortem docs/postmortems",
  },
  rules: {
    description:
      "Import editor rule files (CLAUDE.md, AGENTS.md, GEMINI.md, .cursorrules, .cursor/rules, …)",
    argument: "rule files, or folders to search for them",
    example: "korva import rules .",
  },
};

/** Build `korva import <kind>`. */
export function importRecordsCommand(deps: Deps, kind: ImportKind): Command {
  const about = ABOUT[kind];
  return new Command(kind)
    .description(about.description)
    .argument("<paths...>", about.argument)
    .option("--dry-run", "show what would be imported; write nothing")
    .option("--json", "print the result as JSON")
    .option("--project <name>", "project to import into (default: the current repository)")
    .addHelpText("after", `\nExample:\n  ${about.example} --dry-run`)
    .action((paths: string[], _options: unknown, command: Command) => {
      // The parent `import` has --json and --project too; commander gives a flag after the
      // arguments to the parent, so read both levels.
      const flags = command.optsWithGlobals<
        { dryRun?: boolean; json?: boolean; project?: string }
      >();
      const ctx = resolveRepoContext(deps, { project: flags.project });
      const project = ctx.project();
      using m = openMemories(ctx, IMPORT_ORIGIN);
      const vault = m.vault;
      const bar = progressBar(deps, `Reading ${kind} files`);
      let prepared: PreparedImport;
      try {
        prepared = prepareImport({
          kind,
          paths,
          cwd: deps.cwd,
          root: ctx.root() ?? deps.cwd,
          redactor: ctx.redactor(),
          onProgress: bar.update,
        }, {
          bySource: (prefix) => vault.bySourcePrefix(prefix, project),
          conventions: () => [...vault.iterate({ project, type: "convention", status: "active" })],
        });
      } finally {
        bar.done();
      }
      const { problems } = prepared;
      if (problems.length > 0) {
        const listed = problems.slice(0, 5).map((p) => `"${p.path}": ${p.reason}`).join("; ");
        throw usageError(
          `Cannot import ${problems.length} of ${prepared.files.length || paths.length} ${
            problems.length === 1 ? "path" : "paths"
          }: ${listed}${problems.length > 5 ? "; …" : ""}`,
          "nothing was imported; fix or leave out those files and run it again",
        );
      }
      const written = flags.dryRun ? undefined : writeImportPlan(m, prepared.plan, project);
      if (flags.json) return printJson(deps, summary(prepared, written, project));
      deps.io.out(human(prepared, written));
      for (const ref of prepared.plan.unresolved) {
        deps.io.err(`korva: warning: no record answers the reference ${ref}\n`);
      }
    });
}

function summary(prepared: PreparedImport, written: WriteResult | undefined, project: string) {
  const counts = written ?? planCounts(prepared.plan);
  return {
    kind: prepared.kind,
    project,
    dryRun: written === undefined,
    files: prepared.files.length,
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
    duplicates: counts.duplicates,
    archived: counts.archived,
    superseded: counts.superseded,
    redacted: prepared.redacted,
    unresolved: prepared.plan.unresolved,
    items: prepared.plan.actions.map((step) => ({
      action: step.action,
      id: written?.ids.get(step.item.key) ??
        ("id" in step ? step.id : step.action === "duplicate" ? step.of : null),
      type: step.item.type,
      title: step.item.title,
      status: prepared.plan.links.some((l) => l.old === step.item.key)
        ? "superseded"
        : "status" in step
        ? step.status
        : step.item.status,
      source: sourceOf(step.item),
      provenance: `${step.item.path}:${step.item.line}`,
      ...(step.action === "update" ? { changed: step.changed } : {}),
    })),
  };
}

function human(prepared: PreparedImport, written: WriteResult | undefined): string {
  const s = summary(prepared, written, "");
  const lines: string[] = [];
  if (!written) {
    for (const step of prepared.plan.actions) {
      if (step.action === "unchanged") continue;
      const source = provenanceOf(sourceOf(step.item)) ?? step.item.path;
      lines.push(
        `${step.action.padEnd(9)}  ${step.item.type.padEnd(10)}  ${step.item.title}  (${source})`,
      );
    }
    for (const stale of prepared.plan.stale) {
      lines.push(`archive    ${stale.title}  (no longer in its file)`);
    }
  }
  const parts = [
    `${s.created} created`,
    `${s.updated} updated`,
    `${s.unchanged} unchanged`,
    ...(s.duplicates ? [`${s.duplicates} already present`] : []),
    ...(s.superseded ? [`${s.superseded} superseded`] : []),
    ...(s.archived ? [`${s.archived} archived`] : []),
  ];
  const verb = written ? "Imported" : "Dry run, nothing written: would import";
  lines.push(
    `${verb} ${prepared.plan.actions.length} memories from ${s.files} ${prepared.kind} files: ${
      parts.join(", ")
    }`,
  );
  const redactions = formatRedactions(prepared.redacted);
  if (redactions) lines.push(`Redacted before storing: ${redactions}`);
  return lines.join("\n") + "\n";
}
