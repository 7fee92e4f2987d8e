// deno-lint-ignore-file no-console -- a measurement script prints its results
// The redactor's start-up in a fresh process (importing lib/privacy/redact.ts, building the
// catalogue, the first redact): this tree against a baseline git ref, interleaved, same run.
// A second probe is the edit-time gate's path: lib/privacy/redactor.ts (no zod), redactorFor,
// one gate-mode scan of a short edit, then one redact of a finding's line; a third, the same for
// a one-line edit with no keyword in it (most edits), gate scan only.
// Main-thread CPU time from /proc/thread-self/schedstat (Linux, updated at scheduler ticks:
// read medians, not single samples), process CPU (Deno.cpuUsage, all threads, exact) and wall
// time beside it.
// Run: deno run -A bench/privacy_startup.ts [ref=main] [samples=200]
import { cpus } from "node:os";
import { extractLib, REPO_ROOT } from "./_baseline.ts";

const ref = Deno.args[0] ?? "main";
/** A short edit as the gate sees one: code with a few keywords (api, token, url), no secret. */
const EDIT = "export async function fetchUser(id: string) {\n" +
  "  // the api token comes from the environment, see docs/configuration.md\n" +
  "  const url = `https://api.example.com/users/${id}`;\n" +
  "  return await fetch(url, { headers: { authorization: `Bearer ${env.TOKEN}` } });\n}\n";
/** A one-line edit with no detector keyword. */
const PLAIN_EDIT = "  const total = items.reduce((sum, item) => sum + item.price, 0);\n";
const samples = Number(Deno.args[1] ?? 200);
const root = REPO_ROOT;

const PROBE = `
const cpu = () => Number(Deno.readTextFileSync("/proc/thread-self/schedstat").split(" ")[0]) / 1e6;
const processCpu = () => { const u = Deno.cpuUsage(); return (u.user + u.system) / 1000; };
const p0 = processCpu(), c0 = cpu(), t0 = performance.now();
const mod = await import(Deno.args[0]);
const c1 = cpu(), t1 = performance.now();
if (Deno.args[1] === "plain") {
  const redactor = mod.redactorFor({ disabled: [], allow: [], allowPatterns: [], custom: [], pii: true });
  redactor.scan(${JSON.stringify(PLAIN_EDIT)}, { mode: "gate" });
} else if (Deno.args[1] === "gate") {
  const redactor = mod.redactorFor({ disabled: [], allow: [], allowPatterns: [], custom: [], pii: true });
  redactor.scan(${JSON.stringify(EDIT)}, { mode: "gate" });
  redactor.redact("DB_PASSWORD=Larch7#plume");
} else mod.createRedactor().redact("DB_PASSWORD=Larch7#plume");
const c2 = cpu(), t2 = performance.now(), p2 = processCpu();
console.log(JSON.stringify({ importCpu: c1 - c0, buildCpu: c2 - c1, processCpu: p2 - p0, wall: t2 - t0 }));
`;

const dir = Deno.makeTempDirSync({ prefix: "korva-startup-" });
extractLib(ref, dir);
Deno.writeTextFileSync(`${dir}/probe.ts`, PROBE);

const sides = [
  ["baseline " + ref + ", redact.ts", `${dir}/lib/privacy/redact.ts`, "redact"],
  ["this tree, redact.ts", `${root}lib/privacy/redact.ts`, "redact"],
  ["baseline " + ref + ", redactor.ts gate", `${dir}/lib/privacy/redactor.ts`, "gate"],
  ["this tree, redactor.ts gate", `${root}lib/privacy/redactor.ts`, "gate"],
  ["baseline " + ref + ", redactor.ts plain edit", `${dir}/lib/privacy/redactor.ts`, "plain"],
  ["this tree, redactor.ts plain edit", `${root}lib/privacy/redactor.ts`, "plain"],
] as const;
type Sample = { importCpu: number; buildCpu: number; processCpu: number; wall: number };
const results: Record<string, Sample[]> = Object.fromEntries(sides.map(([name]) => [name, []]));
for (let i = 0; i < samples; i++) {
  for (const [name, module, mode] of i % 2 === 0 ? sides : [...sides].reverse()) {
    const out = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--config", `${root}deno.json`, `${dir}/probe.ts`, module, mode],
      stdout: "piped",
      stderr: "null",
    }).outputSync();
    results[name]!.push(JSON.parse(new TextDecoder().decode(out.stdout)) as Sample);
  }
}
Deno.removeSync(dir, { recursive: true });

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
console.log(`CPU: ${cpus()[0]?.model ?? "unknown"}; ${samples} fresh processes per side`);
for (const [name, list] of Object.entries(results)) {
  const imp = list.map((s) => s.importCpu);
  const build = list.map((s) => s.buildCpu);
  const wall = list.map((s) => s.wall);
  console.log(
    `${name}: import CPU median ${median(imp).toFixed(1)} ms, build + first redact CPU median ` +
      `${median(build).toFixed(1)} ms (p95 ${p95(build).toFixed(1)}); process CPU median ` +
      `${median(list.map((s) => s.processCpu)).toFixed(1)} ms; wall median ` +
      `${median(wall).toFixed(1)} ms, p95 ${p95(wall).toFixed(1)} ms`,
  );
}
