// One path: the same operations through the CLI, MCP (stdio) and HTTP leave the same stored
// rows, the same team files and the same redactions.
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/client/stdio"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { baseEnv, git, MAIN, runKorva, tempHome, tempRepo } from "../_helpers.ts";

/** A secret in a tag (upper case, so lower-casing before redaction would hide it) and in text. */
const AWS_KEY = "AKIAQ2WE3RT4YU5IO6PA";
const GITHUB_TOKEN = "ghp_" + "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8";

interface Saved {
  id: string;
  redacted: Record<string, number>;
}

/** The operations every front door offers, in the shape a caller uses. */
interface Door extends AsyncDisposable {
  save(input: Record<string, unknown>): Promise<Saved>;
  update(id: string, patch: Record<string, unknown>): Promise<void>;
  supersede(id: string, fields: Record<string, unknown>): Promise<string>;
  forget(id: string): Promise<void>;
}

type Env = Record<string, string>;

function cliDoor(env: Env, cwd: string): Door {
  const run = async (args: string[]) => {
    const result = await runKorva(args, { env, cwd });
    assert.equal(result.code, 0, `korva ${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  };
  const list = (values: unknown) => (values as string[]).join(",");
  return {
    async save(input) {
      const out = JSON.parse(
        await run([
          "save",
          "--json",
          "--type",
          String(input.type),
          "--title",
          String(input.title),
          "--content",
          String(input.content),
          ...(input.why ? ["--why", String(input.why)] : []),
          ...(input.tags ? ["--tags", list(input.tags)] : []),
          ...(input.files ? ["--files", list(input.files)] : []),
          ...(input.scope ? ["--scope", String(input.scope)] : []),
        ]),
      );
      return { id: out.id, redacted: out.redacted };
    },
    async update(id, patch) {
      await run(["update", id, "--content", String(patch.content)]);
    },
    async supersede(id, fields) {
      return JSON.parse(await run(["supersede", id, "--json", "--content", String(fields.content)]))
        .id;
    },
    async forget(id) {
      await run(["forget", id]);
    },
    [Symbol.asyncDispose]: () => Promise.resolve(),
  };
}

async function mcpDoor(env: Env, cwd: string): Promise<Door> {
  const transport = new StdioClientTransport({
    command: Deno.execPath(),
    args: ["run", "-A", "--quiet", MAIN, "mcp", "--profile", "admin"],
    env: { ...baseEnv(), ...env },
    cwd,
    stderr: "pipe",
  });
  const client = new Client({ name: "parity-client", version: "1.0.0" });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await client.callTool({ name, arguments: args });
    const text = (result.content as Array<{ text: string }>)[0]?.text ?? "";
    assert.notEqual(result.isError, true, `${name}: ${text}`);
    return result.structuredContent as Record<string, unknown>;
  };
  return {
    async save(input) {
      const out = await call("vault_save", input);
      return { id: String(out.id), redacted: out.redacted as Record<string, number> };
    },
    async update(id, patch) {
      await call("vault_update", { id, ...patch });
    },
    async supersede(id, fields) {
      return String((await call("vault_supersede", { old_id: id, ...fields })).id);
    },
    async forget(id) {
      await call("vault_forget", { id });
    },
    [Symbol.asyncDispose]: () => client.close(),
  };
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

async function httpDoor(env: Env, cwd: string, korvaHome: string): Promise<Door> {
  const port = freePort();
  const started = await runKorva(["vault", "start", "--port", String(port)], { env, cwd });
  assert.equal(started.code, 0, started.stderr);
  const token = readFileSync(join(korvaHome, "token"), "utf8").trim();
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = await response.json();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json as Record<string, unknown>;
  };
  return {
    async save(input) {
      const out = await request("POST", "/api/memories", input);
      return { id: String(out.id), redacted: out.redacted as Record<string, number> };
    },
    async update(id, patch) {
      await request("PATCH", `/api/memories/${id}`, patch);
    },
    async supersede(id, fields) {
      return String((await request("POST", `/api/memories/${id}/supersede`, fields)).id);
    },
    async forget(id) {
      await request("DELETE", `/api/memories/${id}`);
    },
    [Symbol.asyncDispose]: async () => {
      await runKorva(["vault", "stop"], { env, cwd });
    },
  };
}

/** What must be equal whatever the door: the rows without ids, times and the writer's name. */
function normalizeRows(jsonl: string, ids: Map<string, string>, head: string): unknown[] {
  const name = (id: unknown) => typeof id === "string" ? ids.get(id) ?? "?" : id;
  return jsonl.trim().split("\n").map((line) => JSON.parse(line)).map((m) => ({
    ...m,
    id: name(m.id),
    supersedes: name(m.supersedes),
    superseded_by: name(m.superseded_by),
    created_at: "-",
    updated_at: "-",
    source: "-",
    client: "-",
    confirmed: "-",
    commit: m.commit === head ? "HEAD" : m.commit,
  })).sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

function teamFiles(repo: string, ids: Map<string, string>): Record<string, string> {
  const dir = join(repo, ".korva", "memories");
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    let text = readFileSync(join(dir, file), "utf8")
      .replace(/^(created|updated): .*$/gm, "$1: -");
    let label = file;
    for (const [id, alias] of ids) {
      text = text.replaceAll(id, alias);
      label = label.replace(id, alias);
    }
    files[label] = text;
  }
  return files;
}

interface Outcome {
  rows: unknown[];
  files: Record<string, string>;
  redacted: Record<string, number>;
  confirmed: boolean[];
}

async function scenario(kind: "cli" | "mcp" | "http"): Promise<Outcome> {
  await using home = tempHome();
  await using repo = tempRepo({ "README.md": "demo\n" }, {
    origin: "git@example.test:acme/pay.git",
  });
  const env = home.env;
  const init = await runKorva(["init"], { env, cwd: repo.path });
  assert.equal(init.code, 0, init.stderr);
  await using door = kind === "cli"
    ? cliDoor(env, repo.path)
    : kind === "mcp"
    ? await mcpDoor(env, repo.path)
    : await httpDoor(env, repo.path, home.korvaHome);
  const first = await door.save({
    type: "decision",
    title: "Lock payments by payment_id",
    content: `Redis lock keyed by user_id; deploy key ${GITHUB_TOKEN}`,
    why: "users pay with several cards at once",
    tags: ["payments", AWS_KEY],
    files: ["src/payments/**"],
    scope: "team",
  });
  await door.update(first.id, { content: "Redis lock keyed by payment_id, 30 s TTL" });
  const next = await door.supersede(first.id, { content: "Redis lock keyed by payment_id, 45 s" });
  const temp = await door.save({ type: "note", title: "Scratch", content: "temporary" });
  await door.forget(temp.id);
  const ids = new Map([[first.id, "FIRST"], [next, "NEXT"], [temp.id, "TEMP"]]);
  const exported = await runKorva(["export", "--status", "all"], { env, cwd: repo.path });
  assert.equal(exported.code, 0, exported.stderr);
  const raw = exported.stdout.trim().split("\n").map((line) => JSON.parse(line));
  return {
    rows: normalizeRows(exported.stdout, ids, git(repo.path, "rev-parse", "HEAD").trim()),
    files: teamFiles(repo.path, ids),
    redacted: first.redacted,
    confirmed: raw.map((m) => m.confirmed as boolean),
  };
}

Deno.test("one path: save, update, supersede and forget give the same rows, team files and redactions from the CLI, MCP and HTTP", async () => {
  const cli = await scenario("cli");
  const mcp = await scenario("mcp");
  const http = await scenario("http");
  assert.deepEqual(cli.redacted, { "cloud-key": 1, "vcs-token": 1 });
  for (const [name, other] of [["mcp", mcp], ["http", http]] as const) {
    assert.deepEqual(other.rows, cli.rows, `${name} rows`);
    assert.deepEqual(other.files, cli.files, `${name} team files`);
    assert.deepEqual(other.redacted, cli.redacted, `${name} redactions`);
  }
  // Both memories of the supersede chain are team files: the old one marked superseded.
  assert.deepEqual(Object.keys(cli.files).map((f) => f.slice(0, 5)), ["FIRST", "NEXT-"]);
  assert.match(cli.files[Object.keys(cli.files)[0] ?? ""] ?? "", /^status: superseded$/m);
  const [head] = cli.rows as Array<{ commit: string; author: string }>;
  assert.equal(head?.commit, "HEAD", "the repository's HEAD at save time is recorded");
  assert.equal(head?.author, "Test Author", "the author comes from git config user.name");
  const serialized = JSON.stringify([cli, mcp, http]);
  assert.equal(serialized.includes(AWS_KEY), false, "the tag's key is redacted everywhere");
  assert.equal(serialized.includes(AWS_KEY.toLowerCase()), false);
  assert.equal(serialized.includes(GITHUB_TOKEN), false);
  // A person at the CLI or HTTP writes confirmed memories; an agent over MCP writes drafts.
  assert.deepEqual([...new Set(cli.confirmed)], [true]);
  assert.deepEqual([...new Set(http.confirmed)], [true]);
  assert.deepEqual([...new Set(mcp.confirmed)], [false]);
});
