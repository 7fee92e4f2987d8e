// Prompt-time recall's relevance bar, measured: what `korva hook prompt` adds for each evaluation
// question (the record it is about should be among what it adds) and for prompts about other work
// (it should add nothing), over the 102 public ADRs saved as memories with semantic recall, as the
// hook searches. Run: deno run -A bench/prompt_recall_eval.ts [--tuning|--held-out-all|…]
// [--short] [--baseline REF]. The question sets are recall_eval.ts's; the unrelated prompts are
// the even lines of prompts_unrelated.tsv with --tuning, the odd ones otherwise. --short saves
// each record as its title and first 35 words (notes, not documents); --baseline REF measures that
// commit's lib/ in the same run, beside this tree's.
// deno-lint-ignore-file no-console
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractLib, REPO_ROOT } from "./_baseline.ts";
import { type Adr, loadAdrs, questionSet, RECALL_DATA, saveAll } from "./recall_data.ts";

/** What a lib/ offers this bench (this tree's or a baseline's). */
interface Lib {
  openVault: typeof import("../lib/vault/mod.ts").openVault;
  loadSemantics: typeof import("../lib/recall/mod.ts").loadSemantics;
  promptRecall: typeof import("../lib/recall/prompt_recall.ts").promptRecall;
}

async function importLib(root: string): Promise<Lib> {
  const url = (path: string) => new URL(path, `file://${root}`).href;
  const [vault, recall, prompt] = await Promise.all([
    import(url("lib/vault/mod.ts")),
    import(url("lib/recall/mod.ts")),
    import(url("lib/recall/prompt_recall.ts")),
  ]);
  return {
    openVault: vault.openVault,
    loadSemantics: recall.loadSemantics,
    promptRecall: prompt.promptRecall,
  };
}

interface Outcome {
  n: number;
  /** The expected record was added. */
  hit: number;
  /** Something was added, not the expected record. */
  wrong: number;
  /** Nothing was added. */
  silent: number;
  /** Memories added in all. */
  added: number;
}

/** A record as a short note: its title and first 35 words, headings and status lines left out. */
function shortened(adr: Adr): Adr {
  const words = adr.content.replace(/^#+.*$/gm, "")
    .replace(/^(Date|Status|Accepted|Pending|Proposed).*$/gim, "")
    .split(/\s+/).filter(Boolean);
  return { ...adr, content: words.slice(0, 35).join(" ") };
}

const args = Deno.args;
const [which, load] = questionSet(args);
const tuning = which === "tuning";
const short = args.includes("--short");
const baselineAt = args.indexOf("--baseline");
const negatives = readFileSync(join(RECALL_DATA, "prompts_unrelated.tsv"), "utf8").split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => line.split("\t") as [string, string])
  .filter((_, i) => (i % 2 === 0) === tuning);
const questions = load();
const adrs = loadAdrs().map((adr) => (short ? shortened(adr) : adr));

const dir = mkdtempSync(join(tmpdir(), "korva-prompt-eval-"));
try {
  const libs: [string, Lib][] = [["this tree", await importLib(REPO_ROOT)]];
  if (baselineAt >= 0) {
    const ref = args[baselineAt + 1]!;
    const base = join(dir, "baseline");
    Deno.mkdirSync(base);
    extractLib(ref, base);
    libs.unshift([ref, await importLib(`${base}/`)]);
  }
  console.log(
    `${questions.length} questions (${which}), ${negatives.length} unrelated prompts, ` +
      `${adrs.length} records${short ? " as short notes" : ""}`,
  );
  console.log("lib         prompts                n    added  right  wrong  silent  per prompt");
  for (const [name, lib] of libs) {
    using vault = lib.openVault(join(dir, `${name.replace(/\W/g, "_")}.db`), {
      semantics: lib.loadSemantics(),
    });
    const keyOf = saveAll(vault, adrs);
    const tally = (rows: { prompt: string; expected?: string }[]): Outcome => {
      const o = { n: 0, hit: 0, wrong: 0, silent: 0, added: 0 };
      for (const { prompt, expected } of rows) {
        const keys = lib.promptRecall(vault, prompt, { seen: new Set() })
          .map((m) => keyOf.get(m.id)!);
        o.n++;
        o.added += keys.length;
        if (keys.length === 0) o.silent++;
        else if (expected !== undefined && keys.includes(expected)) o.hit++;
        else o.wrong++;
      }
      return o;
    };
    const share = (x: number, n: number) => (x / n).toFixed(2).padStart(6);
    const row = (label: string, o: Outcome, right: boolean) =>
      console.log(
        `${name.slice(0, 10).padEnd(11)} ${label.padEnd(20)} ${String(o.n).padStart(4)}  ${
          share(o.n - o.silent, o.n)
        } ${right ? share(o.hit, o.n) : "     -"} ${share(o.wrong, o.n)} ${share(o.silent, o.n)}  ${
          (o.added / o.n).toFixed(2).padStart(9)
        }`,
      );
    const asked = (style?: string) =>
      questions.filter((q) => style === undefined || q.style === style)
        .map((q) => ({ prompt: q.query, expected: q.expected }));
    for (const style of ["keyword", "question", "paraphrase"]) {
      row(`question: ${style}`, tally(asked(style)), true);
    }
    row("question: all", tally(asked()), true);
    for (const style of ["easy", "hard"]) {
      const rows = negatives.filter(([s]) => s === style).map(([, prompt]) => ({ prompt }));
      row(`unrelated: ${style}`, tally(rows), false);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
