// Planted secrets through every boundary (CLI fields and flags, MCP with a hostile clientInfo,
// HTTP, import, a hand-written team file + sync, share, export, sentinel output, hooks), then
// the raw bytes of vault.db, its WAL, every file under KORVA_HOME and the repository are
// searched for each planted value: none may be found.
// @ts-types="@modelcontextprotocol/sdk/client/index"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="@modelcontextprotocol/sdk/client/stdio"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Charset, fakeToken } from "../../lib/privacy/fake.ts";
import { baseEnv, git, MAIN, runKorva, tempDir, tempHome, writeFiles } from "../_helpers.ts";

/** A distinct GitHub-token-shaped secret per channel; the 36 characters after ghp_ are searched. */
function plant(channel: string): string {
  return "ghp_" + fakeToken(`planted-${channel}`, Charset.alnum, 36);
}

/** What identifies a planted value in raw bytes: its body, and its head and tail alone. */
function needles(secret: string): string[] {
  const body = secret.startsWith("ghp_") ? secret.slice(4) : secret;
  return [body, body.slice(0, 12), body.slice(-12), body.toLowerCase().slice(0, 12)];
}

/** Every regular file under `root` (following no symlinks), as absolute paths. */
function filesUnder(root: string, skip: (path: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (skip(path)) continue;
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) visit(path);
      else if (stat.isFile()) out.push(path);
    }
  };
  visit(root);
  return out;
}

/** Where each planted value was found, as "channel: file". */
function hits(planted: Record<string, string>, files: string[], base: string): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = new TextDecoder("latin1").decode(readFileSync(file));
    for (const [channel, secret] of Object.entries(planted)) {
      if (needles(secret).some((n) => bytes.includes(n))) {
        found.push(`${channel}: ${relative(base, file)}`);
      }
    }
  }
  return found;
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

Deno.test("planted secrets never reach vault.db, its WAL, KORVA_HOME, the repository or any output", async (t) => {
  await using home = tempHome();
  await using dir = tempDir();
  const repo = join(dir.path, "app");
  const remote = join(dir.path, "remote.git");
  git(dir.path, "init", "-q", "--bare", "-b", "main", remote);
  git(dir.path, "clone", "-q", remote, repo);
  writeFiles(repo, { "src/pay.ts": "export const pay = 1;\n" });
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "init");
  const env = home.env;
  const korva = (args: string[], stdin?: string) =>
    runKorva(args, { env, cwd: repo, ...(stdin === undefined ? {} : { stdin }) });
  assert.equal((await korva(["init"])).code, 0);

  const planted: Record<string, string> = {};
  /** Everything korva printed (stdout and stderr of every command, MCP and HTTP responses). */
  const outputs: string[] = [];
  const record = (name: string, text: string) => outputs.push(`--- ${name}\n${text}`);

  await t.step(
    "CLI save: title, content, why, tags (upper case), files, owner, project",
    async () => {
      for (const field of ["title", "content", "why", "tags", "files", "owner"]) {
        planted[`save --${field}`] = plant(`save-${field}`);
      }
      planted["save --project"] = plant("save-project");
      const aws = "AKIA" + fakeToken("planted-aws-tag", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
      planted["save --tags AKIA"] = aws;
      const result = await korva([
        "save",
        "--type",
        "decision",
        "--title",
        `Rotate ${planted["save --title"]}`,
        "--content",
        `Use ${planted["save --content"]} for the deploy`,
        "--why",
        `because ${planted["save --why"]}`,
        "--tags",
        `deploy,${planted["save --tags"]},${aws}`,
        "--files",
        `src/${planted["save --files"]}.ts`,
        "--owner",
        `ops ${planted["save --owner"]}`,
        "--project",
        `https://x-access-token:${planted["save --project"]}@github.com/acme/app.git`,
        "--json",
      ]);
      record("save", result.stdout + result.stderr);
      assert.equal(result.code, 0, result.stderr);
    },
  );

  let savedId = "";
  await t.step("CLI update of content and tags", async () => {
    const saved = await korva([
      "save",
      "--type",
      "pattern",
      "--title",
      "Updated later",
      "--content",
      "x",
      "--json",
    ]);
    savedId = (JSON.parse(saved.stdout) as { id: string }).id;
    planted["update --content"] = plant("update-content");
    planted["update --tags"] = plant("update-tags");
    const result = await korva([
      "update",
      savedId,
      "--content",
      `now ${planted["update --content"]}`,
      "--tags",
      planted["update --tags"]!,
    ]);
    record("update", result.stdout + result.stderr);
    assert.equal(result.code, 0, result.stderr);
  });

  await t.step("MCP vault_save with a hostile clientInfo.name", async () => {
    planted["mcp content"] = plant("mcp-content");
    planted["mcp clientInfo.name"] = plant("mcp-client");
    const transport = new StdioClientTransport({
      command: Deno.execPath(),
      args: ["run", "-A", "--quiet", MAIN, "mcp"],
      env: { ...baseEnv(), ...env },
      cwd: repo,
      stderr: "pipe",
    });
    const client = new Client({ name: planted["mcp clientInfo.name"]!, version: "1.0.0" });
    await client.connect(transport);
    try {
      const saved = await client.callTool({
        name: "vault_save",
        arguments: {
          type: "incident",
          title: "MCP planted",
          content: `token ${planted["mcp content"]} leaked in CI`,
        },
      });
      record("mcp", JSON.stringify(saved));
      assert.notEqual(saved.isError, true, JSON.stringify(saved));
      // A failing call whose arguments hold a secret: the error and logs/mcp.log must not.
      planted["mcp vault_get id"] = plant("mcp-get-id");
      const failed = await client.callTool({
        name: "vault_get",
        arguments: { id: planted["mcp vault_get id"] },
      });
      record("mcp failed call", JSON.stringify(failed));
    } finally {
      await client.close();
    }
  });

  await t.step("HTTP POST /api/memories and GET /api/export", async () => {
    planted["http content"] = plant("http-content");
    const port = freePort();
    const started = await korva(["vault", "start", "--port", String(port)]);
    assert.equal(started.code, 0, started.stderr);
    try {
      const token = readFileSync(join(home.korvaHome, "token"), "utf8").trim();
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
      const posted = await fetch(`http://127.0.0.1:${port}/api/memories`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          type: "decision",
          title: "HTTP planted",
          content: `key ${planted["http content"]}`,
          project: "app",
        }),
      });
      record("http post", await posted.text());
      assert.equal(posted.status, 201);
      const exported = await fetch(`http://127.0.0.1:${port}/api/export`, { headers });
      record("http export", await exported.text());
    } finally {
      await korva(["vault", "stop"]);
    }
  });

  await t.step("korva import with secrets in content, author and client", async () => {
    planted["import content"] = plant("import-content");
    planted["import author"] = plant("import-author");
    planted["import client"] = plant("import-client");
    const file = join(dir.path, "import.jsonl");
    writeFileSync(
      file,
      JSON.stringify({
        type: "decision",
        title: "Imported",
        content: `imported ${planted["import content"]}`,
        project: "app",
        author: `Jane ${planted["import author"]}`,
        client: planted["import client"],
      }) + "\n",
    );
    const result = await korva(["import", file]);
    record("import", result.stdout + result.stderr);
    assert.equal(result.code, 0, result.stderr);
  });

  await t.step("a hand-written team file, then korva sync", async () => {
    planted["team file body"] = plant("team-body");
    planted["team file title"] = plant("team-title");
    writeFiles(repo, {
      ".korva/memories/handwritten.md": `---\ntype: convention\ntitle: Use ${
        planted["team file title"]
      }\n---\nThe CI token is ${planted["team file body"]}.\n`,
    });
    const result = await korva(["sync"]);
    record("sync", result.stdout + result.stderr);
    assert.equal(result.code, 0, result.stderr);
  });

  await t.step("korva share writes a team file", async () => {
    planted["share content"] = plant("share-content");
    const saved = await korva([
      "save",
      "--type",
      "decision",
      "--title",
      "Shared",
      "--content",
      `shared ${planted["share content"]}`,
      "--json",
    ]);
    const id = (JSON.parse(saved.stdout) as { id: string }).id;
    const result = await korva(["share", id, "--yes"]);
    record("share", result.stdout + result.stderr);
    assert.equal(result.code, 0, result.stderr);
  });

  await t.step("korva export, JSONL and Markdown, to files", async () => {
    for (const format of ["jsonl", "markdown"]) {
      const result = await korva([
        "export",
        "--format",
        format,
        "--status",
        "all",
        "-o",
        join(repo, `export.${format}`),
      ]);
      record(`export ${format}`, result.stdout + result.stderr);
      assert.equal(result.code, 0, result.stderr);
    }
  });

  await t.step("korva sentinel check output (human and JSON) on a staged secret", async () => {
    planted["sentinel line"] = plant("sentinel-line");
    writeFiles(repo, {
      "src/config.ts": `export const token = "${planted["sentinel line"]}"; // korva-ignore: ${
        "x".repeat(3)
      }\n`,
    });
    git(repo, "add", "src/config.ts");
    try {
      for (const format of ["human", "json"]) {
        const result = await korva(["sentinel", "check", "--format", format]);
        const printed = result.stdout + result.stderr;
        record(`sentinel ${format}`, printed);
        // The line was reported (its excerpt printed) with the secret redacted.
        assert.match(printed, /ghp_…\[REDACTED:github-token\]\\?"; \/\/ korva-ignore: xxx/);
      }
    } finally {
      // The planted input itself leaves the working tree (git keeps only a zlib blob).
      git(repo, "rm", "-q", "--cached", "src/config.ts");
      writeFiles(repo, { "src/config.ts": "export const token = process.env.TOKEN;\n" });
    }
  });

  await t.step("editor hooks with a secret in session_id and payload", async () => {
    planted["hook session_id"] = plant("hook-session");
    const result = await korva(
      ["hook", "session-start"],
      JSON.stringify({
        hook_event_name: "SessionStart",
        session_id: planted["hook session_id"],
        cwd: repo,
      }),
    );
    record("hook", result.stdout + result.stderr);
    assert.equal(result.code, 0);
  });

  await t.step("the search finds a planted value where one is (the test inputs)", () => {
    const found = hits(planted, [join(dir.path, "import.jsonl")], dir.path);
    assert.deepEqual(found, [
      "import content: import.jsonl",
      "import author: import.jsonl",
      "import client: import.jsonl",
    ]);
  });

  await t.step("no planted value in any output", () => {
    const all = outputs.join("\n");
    const leaked = Object.entries(planted).filter(([, s]) =>
      needles(s).some((n) => all.includes(n))
    )
      .map(([channel]) => channel);
    assert.deepEqual(leaked, []);
  });

  await t.step("no planted value in vault.db, -wal, or any file under KORVA_HOME", () => {
    assert.deepEqual(hits(planted, filesUnder(home.korvaHome), home.korvaHome), []);
  });

  await t.step("no planted value in the repository (working tree and .git)", () => {
    // Untracked test inputs (import.jsonl) live outside the repository.
    assert.deepEqual(hits(planted, filesUnder(repo), repo), []);
  });
});
