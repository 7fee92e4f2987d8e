// Retrieval evaluation: R@1/R@5/R@10/MRR per question style for plain FTS5 bm25, korva search and
// korva recall, over 102 public ADRs. Run: deno run -A bench/recall_eval.ts [--FLAG]
// [--vectors table.bin] (a candidate table from bench/build_term_vectors.ts --out, synonyms beside it)
// Flags (see SETS): none, the held-out half of questions.tsv; --tuning: its other half plus
// questions_tuning2/3/4.tsv (the only questions weights are chosen on); --tuning3, --tuning4: one
// tuning file alone; --blind, --blind4, --blind5, --blind6: the blind held-out batches, written by
// engineers who ran no search; --held-out-all: every held-out question pooled; --all: everything.
// deno-lint-ignore-file no-console
import { DatabaseSync } from "node:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openVault } from "../lib/vault/mod.ts";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { loadSemantics } from "../lib/recall/mod.ts";
import { abbreviationTable } from "../lib/recall/abbreviations.ts";
import { createSemantics, parseSynonyms } from "../lib/recall/semantics.ts";
import { decodeTermVectors } from "../lib/recall/term_vectors.ts";
import { type Adr, loadAdrs, questionSet, saveAll } from "./recall_data.ts";
import { printScores, type Ranker, SCORES_HEADING } from "./_recall_score.ts";

/** Plain FTS5: one table (title, body), unicode61 tokenizer, every query word OR-ed, bm25. */
function plainFts(adrs: Adr[]): Ranker {
  const db = new DatabaseSync(":memory:");
  db.exec("CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, title, body)");
  const insert = db.prepare("INSERT INTO docs (key, title, body) VALUES (?, ?, ?)");
  for (const adr of adrs) insert.run(adr.key, adr.title, adr.content);
  const select = db.prepare(
    "SELECT key FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10",
  );
  return (query) => {
    const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    return select.all(words.map((w) => `"${w}"`).join(" OR ")).map((row) => String(row.key));
  };
}

const adrs = loadAdrs();
const [which, load] = questionSet(Deno.args);
const questions = load();
const dir = mkdtempSync(join(tmpdir(), "korva-recall-eval-"));
try {
  using vault = openVault(join(dir, "vault.db"));
  const keyOf = saveAll(vault, adrs);
  const tuning = JSON.parse(Deno.env.get("KORVA_RECALL_TUNING") ?? "{}");
  // --vectors PATH: a candidate table (bench/build_term_vectors.ts --out) and the synonyms.txt
  // written beside it, instead of the shipped ones.
  const candidate = Deno.args.indexOf("--vectors");
  const semantics = candidate < 0 ? loadSemantics({ tuning }) : (() => {
    const path = Deno.args[candidate + 1]!;
    return createSemantics(decodeTermVectors(readFileSync(path)), {
      abbreviations: abbreviationTable(),
      synonyms: parseSynonyms(readFileSync(join(dirname(path), "synonyms.txt"), "utf8")),
      tuning,
    });
  })();
  using recallVault = openVault(join(dir, "recall.db"), { semantics });
  const recallKeyOf = saveAll(recallVault, adrs);
  const viaVault = (search: (q: string) => { memory: { id: string } }[]): Ranker => (query) =>
    search(query).map((hit) => keyOf.get(hit.memory.id) ?? recallKeyOf.get(hit.memory.id) ?? "?");
  const rankers: [string, Ranker][] = [
    ["plain FTS5 bm25", plainFts(adrs)],
    ["korva search (lexical)", viaVault((q) => vault.search(q, { limit: 10 }))],
    ["korva recall (semantic)", viaVault((q) => recallVault.search(q, { limit: 10 }))],
  ];
  console.log(`${adrs.length} records, ${questions.length} questions (${which})`);
  console.log(SCORES_HEADING);
  for (const [name, rank] of rankers) printScores(name, questions, rank);
  if (Deno.args.includes("--diff")) {
    // Questions where korva recall and korva's lexical search disagree on the record's rank.
    const [lexical, recall] = [rankers[1]![1], rankers[2]![1]];
    for (const q of questions) {
      const a = lexical(q.query).indexOf(q.expected), b = recall(q.query).indexOf(q.expected);
      if (a !== b) console.log(`${q.style}\tlexical ${a}\trecall ${b}\t${q.query}`);
    }
  }
  if (Deno.args.includes("--ranks")) {
    // Every question's rank under korva recall (-1: not in the top 10), to compare two runs.
    const rank = rankers.at(-1)![1];
    for (const q of questions) {
      console.log(`${q.style}\t${rank(q.query).indexOf(q.expected)}\t${q.query}`);
    }
  }
  if (Deno.args.includes("--misses")) {
    const rank = rankers.at(-1)![1];
    for (const q of questions) {
      const got = rank(q.query);
      const position = got.indexOf(q.expected);
      if (position < 0 || position >= 5) {
        console.log(`${q.style}\t${position}\t${q.query}\t→ ${got.slice(0, 3).join(", ")}`);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
