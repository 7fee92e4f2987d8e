// The retrieval evaluation's data: ADR files as memories and the questions written about them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the ADR collections and questions live (see its NOTICE.md for sources and licences). */
export const RECALL_DATA = fileURLToPath(
  new URL("../tests/testdata/recall/", import.meta.url),
);

/** One architecture decision record, ready to save as a memory. */
export interface Adr {
  /** `collection/file-name` without `.md`: the key questions point at. */
  key: string;
  title: string;
  content: string;
}

/** One evaluation question and the record it is about. */
export interface Question {
  style: "keyword" | "question" | "paraphrase";
  expected: string;
  query: string;
  /** Odd positions within a style (1st, 3rd …) are held out; even ones may be used for tuning. */
  heldOut: boolean;
}

/** What saveAll needs of a vault (this tree's, or a baseline checkout's). */
interface Saving {
  save(input: { type: "decision"; title: string; content: string }): { memory: { id: string } };
}

/** Save every ADR as a decision; returns each memory id's ADR key. */
export function saveAll(vault: Saving, adrs: Adr[]): Map<string, string> {
  const keyOf = new Map<string, string>();
  for (const adr of adrs) {
    const saved = vault.save({ type: "decision", title: adr.title, content: adr.content });
    keyOf.set(saved.memory.id, adr.key);
  }
  return keyOf;
}

/** Every ADR under `adr/<collection>/NNNN-*.md`, title from the first heading (number dropped). */
export function loadAdrs(dir = join(RECALL_DATA, "adr")): Adr[] {
  const adrs: Adr[] = [];
  for (const collection of readdirSync(dir).sort()) {
    for (const file of readdirSync(join(dir, collection)).sort()) {
      if (!file.endsWith(".md")) continue;
      const text = readFileSync(join(dir, collection, file), "utf8")
        .replace(/^---\n[\s\S]*?\n---\n/, "");
      const heading = text.match(/^#\s+(.+)$/m);
      const title = (heading?.[1] ?? file).replace(/^\d+\.\s*/, "").trim().slice(0, 200);
      const content = (heading ? text.replace(heading[0], "") : text).trim().slice(0, 60_000);
      adrs.push({ key: `${collection}/${file.replace(/\.md$/, "")}`, title, content });
    }
  }
  return adrs;
}

/**
 * The questions in `questions.tsv` (style, expected key, query), in file order; `split: false`
 * marks none of a file's questions held out (a file wholly for tuning, or wholly held out).
 */
export function loadQuestions(
  path = join(RECALL_DATA, "questions.tsv"),
  { split = true }: { split?: boolean } = {},
): Question[] {
  const seen: Record<string, number> = {};
  const questions: Question[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [style, expected, query] = line.split("\t");
    if (style !== "keyword" && style !== "question" && style !== "paraphrase") {
      throw new Error(`questions.tsv: unknown style "${style}"`);
    }
    const index = seen[style] = (seen[style] ?? 0) + 1;
    questions.push({
      style,
      expected: expected!,
      query: query!,
      heldOut: split && index % 2 === 1,
    });
  }
  return questions;
}

/** One question file, wholly tuning or wholly held out. */
const file = (name: string) => loadQuestions(join(RECALL_DATA, name), { split: false });
/** Tuning: the even half of questions.tsv plus questions_tuning2.tsv, 3 and 4. */
const extraTuning = () =>
  ["questions_tuning2.tsv", "questions_tuning3.tsv", "questions_tuning4.tsv"].flatMap(file);

/** The question sets by flag (`--tuning` …); none given: the held-out half of questions.tsv. */
const SETS: [string, () => Question[]][] = [
  ["held-out-all", () => [
    ...loadQuestions().filter((q) => q.heldOut),
    ...[
      "questions_blind.tsv",
      "questions_blind4.tsv",
      "questions_blind5.tsv",
      "questions_blind6.tsv",
    ]
      .flatMap(file),
  ]],
  ["blind6", () => file("questions_blind6.tsv")],
  ["blind5", () => file("questions_blind5.tsv")],
  ["blind4", () => file("questions_blind4.tsv")],
  ["blind", () => file("questions_blind.tsv")],
  ["tuning3", () => file("questions_tuning3.tsv")],
  ["tuning4", () => file("questions_tuning4.tsv")],
  ["all", () => [...loadQuestions(), ...extraTuning()]],
  ["tuning", () => [...loadQuestions().filter((q) => !q.heldOut), ...extraTuning()]],
  ["held-out", () => loadQuestions().filter((q) => q.heldOut)],
];

/** The question set the first matching flag in `args` names, and its name. */
export function questionSet(args: string[]): [string, () => Question[]] {
  return SETS.find(([name]) => args.includes(`--${name}`)) ?? SETS.at(-1)!;
}
