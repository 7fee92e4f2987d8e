// `korva sync` importing 5,000 team memory files, then a no-op re-sync. Run: deno run -A bench/sync_5000.ts
// deno-lint-ignore-file no-console
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monotonicFactory } from "../lib/ulid.ts";
import { renderTeamFile, teamFileName } from "../lib/team/format.ts";
import { timeKorva } from "./_process.ts";
import { fakeMemory } from "./fixtures.ts";

const repo = mkdtempSync(join(tmpdir(), "korva-sync-bench-"));
const home = mkdtempSync(join(tmpdir(), "korva-sync-home-"));
try {
  new Deno.Command("git", { args: ["init", "-q"], cwd: repo }).outputSync();
  const dir = join(repo, ".korva", "memories");
  mkdirSync(dir, { recursive: true });
  const ulid = monotonicFactory();
  for (let i = 0; i < 5000; i++) {
    const m = fakeMemory(i);
    const id = ulid();
    writeFileSync(
      join(dir, teamFileName(id, m.title)),
      renderTeamFile({
        id,
        type: m.type,
        title: m.title,
        content: m.content,
        why: m.why ?? null,
        tags: m.tags ?? [],
        files: m.files ?? [],
        status: "active",
        supersedes: null,
        author: "bench",
        created_at: "2026-01-01T00:00:00.000Z",
        updated_at: "2026-01-01T00:00:00.000Z",
      }),
    );
  }
  const env = {
    HOME: home,
    KORVA_HOME: home,
    PATH: Deno.env.get("PATH") ?? "",
    DENO_DIR: Deno.env.get("DENO_DIR") ?? join(Deno.env.get("HOME") ?? "", ".cache/deno"),
  };
  const first = timeKorva(["sync", "--quiet"], env, repo);
  const second = timeKorva(["sync", "--quiet"], env, repo);
  console.log(
    `korva sync of 5,000 memory files (first import, whole process): ${
      (first / 1000).toFixed(2)
    } s`,
  );
  console.log(`korva sync again (nothing changed): ${(second / 1000).toFixed(2)} s`);
} finally {
  rmSync(repo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}
