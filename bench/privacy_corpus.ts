// Measurement corpora for the privacy module: the labelled secret corpus in ../shared (recall)
// and real source files shipped with npm (false positives). Both are optional: callers skip
// with a message when they are absent. Nothing from them is copied into the project.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isPiiCategory } from "../lib/privacy/detector.ts";
import type { RedactMode, Redactor } from "../lib/privacy/redact.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where the labelled corpus lives (relative to the repository root). */
export const SECRET_CORPUS = join(
  ROOT,
  "..",
  "shared",
  "secret-corpus",
  "noseyparker-labelled-examples.jsonl",
);

/** One labelled sample. */
export interface Sample {
  sample_id: string;
  label: "secret" | "not_secret";
  text: string;
  rule_id: string;
  rule_name: string;
  categories: string[];
}

/** The labelled samples, or undefined when the corpus is not present. */
export function loadSecretCorpus(path = SECRET_CORPUS): Sample[] | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) =>
    JSON.parse(l) as Sample
  );
}

/** Caught / total for one slice of the corpus. */
export interface Rate {
  caught: number;
  total: number;
  rate: number;
}

/** Recall broken down the way the corpus README asks for. */
export interface Recall {
  all: Rate;
  secretCategory: Rate;
  nonFuzzy: Rate;
  fuzzy: Rate;
  notSecretFired: Rate;
  missed: Array<{ sample_id: string; rule_name: string; fuzzy: boolean }>;
}

function rate(caught: number, total: number): Rate {
  return { caught, total, rate: total === 0 ? 0 : caught / total };
}

/** Count a `secret` sample as caught when the redactor reports anything in its text. */
export function measureRecall(samples: Sample[], redactor: Redactor, mode: RedactMode): Recall {
  const positives = samples.filter((s) => s.label === "secret");
  const caught = new Set(
    positives.filter((s) => redactor.scan(s.text, { mode }).length > 0).map((s) => s.sample_id),
  );
  const count = (list: Sample[]) =>
    rate(list.filter((s) => caught.has(s.sample_id)).length, list.length);
  const secret = positives.filter((s) => s.categories.includes("secret"));
  const negatives = samples.filter((s) => s.label === "not_secret");
  return {
    all: count(positives),
    secretCategory: count(secret),
    nonFuzzy: count(secret.filter((s) => !s.categories.includes("fuzzy"))),
    fuzzy: count(secret.filter((s) => s.categories.includes("fuzzy"))),
    notSecretFired: rate(
      negatives.filter((s) => redactor.scan(s.text, { mode }).length > 0).length,
      negatives.length,
    ),
    missed: secret.filter((s) => !caught.has(s.sample_id)).map((s) => ({
      sample_id: s.sample_id,
      rule_name: s.rule_name,
      fuzzy: s.categories.includes("fuzzy"),
    })),
  };
}

/** npm's own bundled JavaScript sources (several MB of real code), or undefined when absent. */
export function npmSourceFiles(): string[] | undefined {
  const roots = [Deno.env.get("KORVA_FP_CORPUS"), npmRoot()].filter((r): r is string => !!r);
  for (const root of roots) {
    const dir = root.endsWith("npm") ? root : join(root, "npm");
    if (!existsSync(dir)) continue;
    const files: string[] = [];
    walk(dir, files);
    if (files.length > 0) return files.sort();
  }
  return undefined;
}

/**
 * A second, held-out clean-code set: the JavaScript of the npm packages Deno has cached for
 * this project (MCP SDK, zod, hono, express …), or undefined when the cache is absent.
 */
export function denoNpmCacheFiles(): string[] | undefined {
  const home = Deno.env.get("HOME");
  const denoDir = Deno.env.get("DENO_DIR") ?? (home ? join(home, ".cache", "deno") : undefined);
  if (!denoDir) return undefined;
  const dir = join(denoDir, "npm", "registry.npmjs.org");
  if (!existsSync(dir)) return undefined;
  const files: string[] = [];
  walk(dir, files);
  return files.length > 0 ? files.sort() : undefined;
}

function npmRoot(): string | undefined {
  try {
    const out = new Deno.Command("npm", { args: ["root", "-g"], stdout: "piped", stderr: "null" })
      .outputSync();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : undefined;
  } catch {
    return undefined;
  }
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path, out);
    else if (/\.(?:js|cjs|mjs)$/.test(name) && stat.size < 2_000_000) out.push(path);
  }
}

/** Non-PII findings per MB over a set of files, with the detectors responsible. */
export interface FalsePositives {
  files: number;
  bytes: number;
  nonPii: number;
  pii: number;
  perMb: number;
  byDetector: Record<string, number>;
}

/** Run the redactor over every file and count what it would redact. */
export function measureFalsePositives(
  files: string[],
  redactor: Redactor,
  mode: RedactMode,
): FalsePositives {
  let bytes = 0;
  let nonPii = 0;
  let pii = 0;
  const byDetector: Record<string, number> = {};
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    bytes += new TextEncoder().encode(text).length;
    for (const finding of redactor.scan(text, { mode })) {
      if (isPiiCategory(finding.category)) {
        pii++;
        continue;
      }
      nonPii++;
      byDetector[finding.detector] = (byDetector[finding.detector] ?? 0) + 1;
    }
  }
  return {
    files: files.length,
    bytes,
    nonPii,
    pii,
    perMb: nonPii / (bytes / 1_048_576),
    byDetector,
  };
}
