// Soak: N minutes of mixed CLI, MCP (stdio) and HTTP traffic against one vault in a temp
// KORVA_HOME, then PRAGMA integrity_check, the FTS5 integrity check, and every acknowledged
// save read back. Exits 1 on any client error or problem. Not part of `deno task test`.
// Run: deno run -A bench/soak.ts [--minutes 30]
// deno-lint-ignore-file no-console
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/client/stdio"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openVault } from "../lib/vault/mod.ts";
import { benchEnv, MAIN, summary } from "./_process.ts";

const minutesFlag = Deno.args.indexOf("--minutes");
const MINUTES = minutesFlag === -1 ? 30 : Number(Deno.args[minutesFlag + 1]);
if (!Number.isFinite(MINUTES) || MINUTES <= 0) {
  console.error("usage: deno run -A bench/soak.ts [--minutes N]");
  Deno.exit(2);
}
const MCP_CLIENTS = 2;

const home = mkdtempSync(join(tmpdir(), "korva-soak-"));
const env = benchEnv(home);
const deadline = Date.now() + MINUTES * 60_000;
const saved = new Set<string>();
const errors: string[] = [];
const latency: Record<string, number[]> = {};
const WORDS = ["payment", "lock", "retry", "cache", "schema", "deploy", "token", "queue", "index"];
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
const sentence = () => Array.from({ length: 8 }, () => pick(WORDS)).join(" ");

async function timed<T>(kind: string, fn: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  try {
    const result = await fn();
    (latency[kind] ??= []).push(performance.now() - started);
    return result;
  } catch (error) {
    errors.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function korva(args: string[]): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", MAIN, ...args],
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  if (out.code !== 0) {
    throw new Error(`korva ${args[0]} exit ${out.code}: ${text.decode(out.stderr).trim()}`);
  }
  return text.decode(out.stdout);
}

async function cliLoop(): Promise<void> {
  for (let i = 0; Date.now() < deadline; i++) {
    const saveOut = await timed("cli save", () =>
      korva([
        "save",
        "--type",
        pick(["decision", "incident", "convention", "note"]),
        "--title",
        `cli ${i} ${sentence()}`,
        "--content",
        sentence(),
        "--files",
        `src/${pick(WORDS)}/**`,
        "--json",
      ]));
    if (saveOut) saved.add(JSON.parse(saveOut).id);
    await timed("cli search", () => korva(["search", pick(WORDS), "--json"]));
    if (i % 5 === 0) await timed("cli list", () => korva(["list", "--json", "--limit", "20"]));
    if (i % 10 === 0) await timed("cli export", () => korva(["export"]));
  }
}

async function mcpLoop(n: number): Promise<void> {
  const client = new Client({ name: `soak-${n}`, version: "1" });
  await client.connect(
    new StdioClientTransport({
      command: Deno.execPath(),
      args: ["run", "-A", "--quiet", MAIN, "mcp", "--profile", "agent"],
      env,
      stderr: "ignore",
    }),
  );
  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await client.callTool({ name, arguments: args });
    if (result.isError) {
      throw new Error(`${name}: ${JSON.stringify(result.content).slice(0, 300)}`);
    }
    return result.structuredContent as Record<string, unknown>;
  };
  try {
    for (let i = 0; Date.now() < deadline; i++) {
      const out = await timed("mcp vault_save", () =>
        call("vault_save", {
          type: pick(["decision", "incident", "note"]),
          title: `mcp ${n}.${i} ${sentence()}`,
          content: sentence(),
          files: [`src/${pick(WORDS)}/x.ts`],
        }));
      const id = out?.id as string | undefined;
      if (id) saved.add(id);
      await timed("mcp vault_search", () => call("vault_search", { query: pick(WORDS) }));
      await timed(
        "mcp vault_context",
        () => call("vault_context", { files: [`src/${pick(WORDS)}/x.ts`], task: sentence() }),
      );
      if (id && i % 3 === 0) {
        await timed("mcp vault_update", () => call("vault_update", { id, why: sentence() }));
        await timed("mcp vault_get", () => call("vault_get", { ids: [id] }));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.close();
  }
}

async function httpLoop(port: number, token: string): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(base + path, {
      method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text);
  };
  for (let i = 0; Date.now() < deadline; i++) {
    const created = await timed("http POST memories", () =>
      request("POST", "/api/memories", {
        type: "note",
        title: `http ${i} ${sentence()}`,
        content: sentence(),
      }));
    if (created?.id) saved.add(created.id);
    await timed("http search", () => request("GET", `/api/search?q=${pick(WORDS)}`));
    if (created?.id && i % 3 === 0) {
      await timed(
        "http PATCH",
        () => request("PATCH", `/api/memories/${created.id}`, { tags: [pick(WORDS)] }),
      );
      await timed("http GET memory", () => request("GET", `/api/memories/${created.id}`));
    }
    if (i % 10 === 0) {
      await timed(
        "http context",
        () => request("GET", `/api/context?file=src/${pick(WORDS)}/x.ts`),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let exitCode = 0;
try {
  const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.+)/)?.[1];
  console.log(`soak: ${MINUTES} min, cpu ${cpu ?? "unknown"}, KORVA_HOME ${home}`);
  await korva(["init"]);
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  await korva(["vault", "start", "--port", String(port)]);
  const token = readFileSync(join(home, "token"), "utf8").trim();
  const started = performance.now();
  try {
    await Promise.all([
      cliLoop(),
      httpLoop(port, token),
      ...Array.from({ length: MCP_CLIENTS }, (_, n) => mcpLoop(n)),
    ]);
  } finally {
    await korva(["vault", "stop"]).catch((error) => errors.push(`vault stop: ${error}`));
  }
  const seconds = (performance.now() - started) / 1000;

  using vault = openVault(join(home, "vault.db"));
  const problems = vault.integrityCheck();
  const missing = [...saved].filter((id) => !vault.get(id));
  const total = vault.stats().total;
  const operations = Object.values(latency).reduce((n, xs) => n + xs.length, 0);
  console.log(
    `${operations} operations in ${seconds.toFixed(0)} s; ${saved.size} acknowledged saves, ` +
      `${total} memories in the vault, ${missing.length} missing`,
  );
  for (const [kind, samples] of Object.entries(latency).sort()) {
    const s = summary(samples);
    console.log(
      `  ${kind.padEnd(20)} n=${
        String(samples.length).padStart(6)
      }  p50 ${s.p50} ms  p95 ${s.p95} ms`,
    );
  }
  console.log(
    `integrity_check + FTS integrity-check: ${problems.length === 0 ? "ok" : problems.join("; ")}`,
  );
  console.log(`client errors: ${errors.length}`);
  for (const error of errors.slice(0, 20)) console.log(`  ${error}`);
  if (problems.length > 0 || errors.length > 0 || missing.length > 0) exitCode = 1;
} finally {
  rmSync(home, { recursive: true, force: true });
}
Deno.exit(exitCode);
