// A generated git history for staleness benchmarks: `commits` commits over 1,000 files in 25
// areas (src/<area>/…), each commit editing one to three files, with periodic renames and
// deletions. Built once with `git fast-import` and cached under bench/.data (copy before writing).
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { AREAS, DATA_DIR } from "./fixtures.ts";

const FILES_PER_AREA = 40;
const LINES = 24;

/** The path of a cached repository with `commits` commits (generated on first use). */
export async function benchRepo(commits: number): Promise<string> {
  const dir = join(DATA_DIR, `repo-${commits}`);
  if (existsSync(join(dir, ".git", "HEAD"))) return dir;
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  run(tmp, ["init", "-q", "-b", "main"]);
  const child = new Deno.Command("git", {
    args: ["fast-import", "--quiet"],
    cwd: tmp,
    stdin: "piped",
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const writer = child.stdin.getWriter();
  const encoder = new TextEncoder();
  let buffer = "";
  const flush = async (force = false) => {
    if (!force && buffer.length < 1 << 20) return;
    await writer.write(encoder.encode(buffer));
    buffer = "";
  };
  const files = new Map<string, number[]>();
  for (const area of AREAS) {
    for (let i = 0; i < FILES_PER_AREA; i++) {
      const name = i === 0 ? `${area}.ts` : `${area}_${i}.ts`;
      files.set(`src/${area}/${name}`, Array.from({ length: LINES }, () => 0));
    }
  }
  // Ends in 2026, so the bench vault's memories (late 2025) see a few thousand later commits.
  const start = Date.UTC(2025, 0, 1) / 1000;
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let c = 0; c < commits; c++) {
    const time = start + c * 3600;
    buffer += `commit refs/heads/main\nmark :${c + 1}\n` +
      `author Bench <bench@example.test> ${time} +0000\n` +
      `committer Bench <bench@example.test> ${time} +0000\n` +
      data(`change ${c}`) + (c > 0 ? `from :${c}\n` : "");
    const paths = [...files.keys()];
    const touched = c === 0 ? paths : Array.from(
      { length: 1 + Math.floor(random() * 3) },
      () => paths[Math.floor(random() * paths.length)]!,
    );
    if (c > 0 && c % 997 === 0) {
      // A rename: a file of one area moves, keeping its content (git detects it).
      const from = paths[Math.floor(random() * paths.length)]!;
      if (!from.endsWith(`/${from.split("/")[1]}.ts`)) {
        const to = from.replace(/\.ts$/, "_moved.ts");
        buffer += `R ${from} ${to}\n`;
        files.set(to, files.get(from)!);
        files.delete(from);
      }
    } else if (c > 0 && c % 1499 === 0) {
      const gone = paths[Math.floor(random() * paths.length)]!;
      if (!gone.endsWith(`/${gone.split("/")[1]}.ts`)) {
        buffer += `D ${gone}\n`;
        files.delete(gone);
      }
    }
    for (const path of new Set(touched)) {
      const lines = files.get(path);
      if (!lines) continue;
      if (c > 0) lines[Math.floor(random() * LINES)]! += 1;
      buffer += `M 100644 inline ${path}\n` +
        data(lines.map((v, i) => `export const line${i} = ${v};`).join("\n") + "\n");
    }
    await flush();
  }
  await flush(true);
  await writer.close();
  const status = await child.status;
  if (!status.success) throw new Error("git fast-import failed");
  run(tmp, ["checkout", "-q", "-f", "main"]);
  renameSync(tmp, dir);
  return dir;
}

function data(text: string): string {
  return `data ${new TextEncoder().encode(text).length}\n${text}\n`;
}

function run(cwd: string, args: string[]): void {
  const out = new Deno.Command("git", { args, cwd, stdout: "null", stderr: "piped" }).outputSync();
  if (!out.success) {
    throw new Error(`git ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  }
}
