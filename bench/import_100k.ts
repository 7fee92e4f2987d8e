// Whole-process bulk import: `korva import` of 100k JSONL memories into an empty vault.
// Run: deno run -A bench/import_100k.ts [count]
// deno-lint-ignore-file no-console
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fakeMemory } from "./fixtures.ts";

const count = Number(Deno.args[0] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), "korva-import-bench-"));
try {
  const file = join(dir, "memories.jsonl");
  writeFileSync(
    file,
    Array.from({ length: count }, (_, i) => JSON.stringify(fakeMemory(i))).join("\n"),
  );
  const main = fileURLToPath(new URL("../main.ts", import.meta.url));
  const started = performance.now();
  const result = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", main, "import", file, "--json"],
    env: { KORVA_HOME: join(dir, "home") },
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  const seconds = (performance.now() - started) / 1000;
  const text = new TextDecoder();
  if (!result.success) throw new Error(text.decode(result.stderr));
  console.log(
    `korva import of ${count} memories: ${seconds.toFixed(2)} s (${
      text.decode(result.stdout).replace(/\s+/g, " ").trim()
    })`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
