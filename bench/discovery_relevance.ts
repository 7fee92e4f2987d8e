// Prints recall@5 and MRR of the discovery relevance set. Run: deno run -A bench/discovery_relevance.ts
// deno-lint-ignore-file no-console
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relevanceMetrics } from "../lib/discovery/evaluate.ts";
import { FILE_OPENS, TASKS } from "../tests/discovery/relevance_data.ts";
import { relevanceHarness } from "../tests/discovery/relevance_test.ts";

const dir = mkdtempSync(join(tmpdir(), "korva-relevance-"));
try {
  const { vault, rank } = relevanceHarness(join(dir, "vault.db"));
  const files = FILE_OPENS.map(([file, expected]) => ({
    ranked: rank({ files: [file] }),
    expected,
  }));
  const tasks = TASKS.map(([task, expected]) => ({ ranked: rank({ task }), expected }));
  const show = (name: string, judged: typeof files, labels: string[]) => {
    const m = relevanceMetrics(judged);
    console.log(
      `${name}: ${judged.length} queries, recall@5 ${m.recallAtK.toFixed(3)}, MRR ${
        m.mrr.toFixed(3)
      }`,
    );
    judged.forEach((j, i) => {
      const r = j.ranked.indexOf(j.expected);
      if (r === -1 || r >= 5) {
        console.log(
          `  miss: ${labels[i]} → expected ${j.expected}, got ${j.ranked.slice(0, 3).join(", ")}`,
        );
      }
    });
  };
  show("file opens", files, FILE_OPENS.map(([f]) => f));
  show("task questions", tasks, TASKS.map(([t]) => t));
  vault.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
