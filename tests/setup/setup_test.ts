// korva setup against temp HOME fixtures for every target: preserve, round-trip, idempotence.
import assert from "node:assert/strict";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { parse as parseToml } from "smol-toml";
import type { Deps } from "../../lib/deps.ts";
import { parseJsonc } from "../../lib/setup/edit.ts";
import {
  applySetup,
  changedFiles,
  planSetup,
  setupContext,
  setupStatus,
} from "../../lib/setup/apply.ts";
import { TARGETS } from "../../lib/setup/targets.ts";
import { MAIN, runCommand, runKorva, tempHome, tempRepo, testDeps } from "../_helpers.ts";

function depsFor(home: string, korvaHome: string, command = "/opt/korva/bin/korva"): Deps {
  const deps = testDeps(korvaHome, { env: { HOME: home, PATH: "" } });
  return { ...deps, self: { command, args: [] } };
}

function install(deps: Deps, mode: "install" | "uninstall" = "install") {
  const ctx = setupContext(deps, { profile: "agent", repoRoot: undefined });
  const plans = planSetup(ctx, TARGETS, mode, deps.home);
  const results = applySetup(changedFiles(plans), deps.home, deps.now);
  return { ctx, plans, results };
}

function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.name === ".korva") continue;
      if (entry.isDirectory()) walk(path);
      else out[path.slice(root.length)] = readFileSync(path, "utf8");
    }
  };
  walk(root);
  return out;
}

const FIXTURES: Record<string, string> = {
  ".claude.json": '{"numStartups": 3, "mcpServers": {"other": {"command": "x"}}}',
  ".claude/settings.json":
    '{\n  "hooks": {\n    "PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "lint"}]}]\n  },\n  "model": "opus"\n}\n',
  ".cursor/mcp.json":
    '{\n  // servers I use\n  "mcpServers": {\n    "github": { "command": "gh-mcp" },\n  },\n}\n',
  ".codeium/windsurf/mcp_config.json": "{}\n",
  ".config/Code/User/mcp.json":
    '{\n\t// VS Code, tabs\n\t"servers": {\n\t\t"db": {"type": "stdio", "command": "db"}\n\t},\n\t"inputs": []\n}\n',
  ".copilot/mcp-config.json": '{"mcpServers": {}}\n',
  ".codex/config.toml":
    '# my codex\nmodel = "o3"  # fast\n\n[mcp_servers.docs]\ncommand = "docs"\nargs = ["serve"]\n\n[profiles.work]\nmodel = "o4"\n',
  ".config/opencode/opencode.json":
    '{\n  "$schema": "https://opencode.ai/config.json",\n  "mcp": {}\n}\n',
  ".gemini/settings.json": '{"theme": "Default"}\n',
  ".gemini/GEMINI.md": "# My notes\n\nBe concise.\n",
  ".config/zed/settings.json":
    '// Zed settings\n{\n  "vim_mode": true,\n  "context_servers": {},\n}\n',
  ".kiro/settings/mcp.json": '{"mcpServers": {"x": {"command": "y"}}}\n',
};

function writeFixtures(home: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(home, rel)), { recursive: true });
    writeFileSync(join(home, rel), text);
  }
}

Deno.test("setup keeps other servers, comments and unknown keys, and uninstall restores every byte", async () => {
  await using temp = tempHome();
  writeFixtures(temp.home, FIXTURES);
  const before = snapshot(temp.home);
  const deps = depsFor(temp.home, temp.korvaHome);
  install(deps);
  const cursor = readFileSync(join(temp.home, ".cursor/mcp.json"), "utf8");
  assert.match(cursor, /\/\/ servers I use/);
  assert.match(cursor, /"github": \{ "command": "gh-mcp" \}/);
  const cursorValue = parseJsonc(cursor) as {
    mcpServers: Record<string, { command: string; args: string[] }>;
  };
  assert.equal(cursorValue.mcpServers.korva?.command, "/opt/korva/bin/korva");
  assert.deepEqual(cursorValue.mcpServers.korva?.args, ["mcp", "--profile", "agent"]);
  const vscode = parseJsonc(
    readFileSync(join(temp.home, ".config/Code/User/mcp.json"), "utf8"),
  ) as {
    servers: Record<string, { type: string }>;
    inputs: unknown[];
  };
  assert.equal(vscode.servers.korva?.type, "stdio");
  assert.ok(vscode.servers.db);
  const codex = readFileSync(join(temp.home, ".codex/config.toml"), "utf8");
  assert.ok(
    codex.startsWith('# my codex\nmodel = "o3"  # fast\n'),
    "TOML comments and layout kept",
  );
  const toml = parseToml(codex) as {
    mcp_servers: Record<string, { command: string }>;
    profiles: unknown;
  };
  assert.equal(toml.mcp_servers.korva?.command, "/opt/korva/bin/korva");
  assert.ok(toml.mcp_servers.docs && toml.profiles);
  const claude = JSON.parse(readFileSync(join(temp.home, ".claude/settings.json"), "utf8"));
  assert.equal(claude.model, "opus");
  assert.deepEqual(
    claude.hooks.PreToolUse.map((e: { matcher: string }) => e.matcher),
    ["Bash", "Read|Edit|Write|MultiEdit", "Edit|Write|MultiEdit"],
    "the user's Bash hook is kept; file-context and the edit gate are added",
  );
  assert.match(JSON.stringify(claude.hooks.PreToolUse[2]), / hook edit-gate"/);
  assert.match(JSON.stringify(claude.hooks.SessionStart), /hook session-start/);
  const gemini = JSON.parse(readFileSync(join(temp.home, ".gemini/settings.json"), "utf8"));
  assert.ok(gemini.mcpServers.korva && gemini.hooks.AfterTool && gemini.theme === "Default");
  assert.equal(gemini.hooks.BeforeTool[0].matcher, "write_file|replace");
  assert.match(JSON.stringify(gemini.hooks.BeforeTool[0]), / hook edit-gate"/);
  assert.match(
    readFileSync(join(temp.home, ".gemini/GEMINI.md"), "utf8"),
    /^# My notes\n\nBe concise\.\n\n<!-- korva:begin/,
  );
  const opencode = JSON.parse(
    readFileSync(join(temp.home, ".config/opencode/opencode.json"), "utf8"),
  );
  assert.deepEqual(opencode.mcp.korva.command, [
    "/opt/korva/bin/korva",
    "mcp",
    "--profile",
    "agent",
  ]);
  const zed = parseJsonc(readFileSync(join(temp.home, ".config/zed/settings.json"), "utf8")) as {
    context_servers: Record<string, unknown>;
  };
  assert.ok(zed.context_servers.korva);
  install(deps, "uninstall");
  assert.deepEqual(snapshot(temp.home), before);
});

Deno.test("setup is idempotent and follows a moved binary", async () => {
  await using temp = tempHome();
  writeFixtures(temp.home, FIXTURES);
  const deps = depsFor(temp.home, temp.korvaHome);
  install(deps);
  const again = install(deps);
  assert.equal(changedFiles(again.plans).length, 0, "second run changes nothing");
  const moved = depsFor(temp.home, temp.korvaHome, "/usr/local/bin/korva");
  const status = setupStatus(setupContext(moved, { profile: "agent", repoRoot: undefined }));
  assert.ok(status.find((s) => s.id === "cursor")?.configured);
  assert.equal(status.find((s) => s.id === "cursor")?.current, false, "out of date after the move");
  install(moved);
  assert.match(
    readFileSync(join(temp.home, ".cursor/mcp.json"), "utf8"),
    /\/usr\/local\/bin\/korva/,
  );
  const claude = readFileSync(join(temp.home, ".claude/settings.json"), "utf8");
  assert.equal(
    claude.match(/hook session-start/g)?.length,
    1,
    "the old hook was replaced, not duplicated",
  );
  assert.ok(
    setupStatus(setupContext(moved, { profile: "agent", repoRoot: undefined })).every((s) =>
      s.current
    ),
  );
});

Deno.test("an unparseable file is never overwritten; the others are configured; exit 2", async () => {
  await using temp = tempHome();
  writeFixtures(temp.home, { ".cursor/mcp.json": '{"mcpServers": {', ".claude.json": "{}" });
  const result = await runKorva(["setup", "--cursor", "--claude"], {
    env: { ...temp.env, PATH: "" },
  });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /skipped Cursor: cannot parse ".*\.cursor\/mcp\.json"/);
  assert.equal(readFileSync(join(temp.home, ".cursor/mcp.json"), "utf8"), '{"mcpServers": {');
  assert.match(readFileSync(join(temp.home, ".claude.json"), "utf8"), /korva/);
  assert.ok(
    readdirSync(join(temp.korvaHome, "backups")).some((f) => f.endsWith(".claude.json")),
    "backup kept",
  );
});

Deno.test("korva setup --dry-run prints a diff and changes nothing", async () => {
  await using temp = tempHome();
  writeFixtures(temp.home, { ".cursor/mcp.json": "{}\n" });
  const result = await runKorva(["setup", "--cursor", "--dry-run"], {
    env: { ...temp.env, PATH: "" },
  });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^--- .*\.cursor\/mcp\.json/m);
  assert.match(result.stdout, /^\+.*"korva"/m);
  assert.equal(readFileSync(join(temp.home, ".cursor/mcp.json"), "utf8"), "{}\n");
});

const IS_ROOT = Deno.uid?.() === 0;

Deno.test({
  name: `a read-only config file is reported, not replaced${
    IS_ROOT ? " (ignored: root writes through file modes)" : ""
  }`,
  ignore: IS_ROOT,
  fn: async () => {
    await using temp = tempHome();
    writeFixtures(temp.home, { ".cursor/mcp.json": "{}\n" });
    chmodSync(join(temp.home, ".cursor/mcp.json"), 0o444);
    const result = await runKorva(["setup", "--cursor"], { env: { ...temp.env, PATH: "" } });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /read-only/);
    assert.equal(readFileSync(join(temp.home, ".cursor/mcp.json"), "utf8"), "{}\n");
  },
});

Deno.test("korva setup --project writes repository files and --status reports them", async () => {
  await using temp = tempHome();
  const repo = join(temp.home, "repo");
  mkdirSync(repo);
  new Deno.Command("git", { args: ["init", "-q"], cwd: repo }).outputSync();
  const env = { ...temp.env, PATH: Deno.env.get("PATH") ?? "" };
  const result = await runKorva([
    "setup",
    "--project",
    "--claude",
    "--vscode",
    "--cursor",
    "--codex",
  ], { env, cwd: repo });
  assert.equal(result.code, 0, result.stderr);
  for (
    const file of [
      ".mcp.json",
      ".vscode/mcp.json",
      ".cursor/mcp.json",
      ".cursor/rules/korva.mdc",
      "AGENTS.md",
      "CLAUDE.md",
    ]
  ) {
    assert.ok(existsSync(join(repo, file)), file);
  }
  assert.match(
    readFileSync(join(repo, ".cursor/rules/korva.mdc"), "utf8"),
    /^---\ndescription: Team memory \(korva\)\nalwaysApply: true\n---\n/,
  );
  const status = JSON.parse(
    (await runKorva(["setup", "--project", "--status", "--json"], { env, cwd: repo })).stdout,
  );
  assert.equal(status.find((s: { id: string }) => s.id === "claude").configured, true);
});

Deno.test("setup writes user-level instructions for VS Code, Copilot CLI and Kiro, and prompt hooks for Claude Code, Gemini CLI, Codex, Copilot CLI, VS Code and Kiro", async () => {
  await using temp = tempHome();
  writeFixtures(temp.home, FIXTURES);
  const before = snapshot(temp.home);
  const deps = depsFor(temp.home, temp.korvaHome);
  install(deps);
  const read = (rel: string) => readFileSync(join(temp.home, rel), "utf8");
  assert.match(
    read(".config/Code/User/prompts/korva.instructions.md"),
    /^---\napplyTo: '\*\*'\n---\n<!-- korva:begin/,
  );
  assert.match(read(".copilot/copilot-instructions.md"), /^<!-- korva:begin/);
  assert.match(read(".kiro/steering/korva.md"), /^<!-- korva:begin/);
  const claude = JSON.parse(read(".claude/settings.json"));
  assert.deepEqual(claude.hooks.UserPromptSubmit, [{
    hooks: [{
      type: "command",
      command: `KORVA_HOME=${temp.korvaHome} /opt/korva/bin/korva hook prompt`,
      timeout: 10,
    }],
  }]);
  const gemini = JSON.parse(read(".gemini/settings.json"));
  assert.equal(
    gemini.hooks.BeforeAgent[0].hooks[0].command,
    `KORVA_HOME=${temp.korvaHome} /opt/korva/bin/korva hook prompt`,
  );
  // Codex reads Claude Code's shape from ~/.codex/hooks.json, timeouts in seconds.
  const handler = (name: string) => [{
    hooks: [{
      type: "command",
      command: `KORVA_HOME=${temp.korvaHome} /opt/korva/bin/korva hook ${name}`,
      timeout: 10,
    }],
  }];
  assert.deepEqual(JSON.parse(read(".codex/hooks.json")), {
    hooks: { SessionStart: handler("session-start"), UserPromptSubmit: handler("prompt") },
  });
  // Copilot CLI and VS Code's local agent share ~/.copilot/hooks, in VS Code's flat shape.
  assert.deepEqual(JSON.parse(read(".copilot/hooks/korva.json")), {
    hooks: {
      SessionStart: handler("session-start")[0]!.hooks,
      UserPromptSubmit: handler("prompt")[0]!.hooks,
    },
  });
  // Kiro: its v1 hook schema, and the plain-text answers it passes to the agent.
  const kiro = (name: string, trigger: string, handler: string, description: string) => ({
    name,
    description,
    trigger,
    action: {
      type: "command",
      command: `KORVA_HOME=${temp.korvaHome} /opt/korva/bin/korva hook ${handler} --text`,
    },
    timeout: 10,
    enabled: true,
  });
  assert.deepEqual(JSON.parse(read(".kiro/hooks/korva.json")), {
    version: "v1",
    hooks: [
      kiro(
        "korva-session-start",
        "SessionStart",
        "session-start",
        "korva: the project's team memory",
      ),
      kiro(
        "korva-prompt",
        "UserPromptSubmit",
        "prompt",
        "korva: team memories relevant to the prompt",
      ),
    ],
  });
  install(deps, "uninstall");
  assert.deepEqual(snapshot(temp.home), before);
});

Deno.test("korva setup writes through a symlinked config to its target; uninstall restores the target and keeps the link", async () => {
  await using temp = tempHome();
  const target = join(temp.home, "dotfiles", "cursor-mcp.json");
  const original =
    '{\n  // from my dotfiles\n  "mcpServers": { "github": { "command": "gh-mcp" } }\n}\n';
  writeFixtures(temp.home, { "dotfiles/cursor-mcp.json": original });
  const link = join(temp.home, ".cursor", "mcp.json");
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync("../dotfiles/cursor-mcp.json", link);
  const env = { ...temp.env, PATH: "" };

  const setup = await runKorva(["setup", "--cursor"], { env });
  assert.equal(setup.code, 0, setup.stderr);
  assert.equal(lstatSync(link).isSymbolicLink(), true, "the link stays a link");
  assert.equal(readlinkSync(link), "../dotfiles/cursor-mcp.json");
  const written = parseJsonc(readFileSync(target, "utf8")) as {
    mcpServers: Record<string, unknown>;
  };
  assert.ok(written.mcpServers.korva, "the link target gets korva's entry");
  assert.ok(written.mcpServers.github);
  const backups = readdirSync(join(temp.korvaHome, "backups"));
  assert.equal(backups.length, 1);
  assert.match(backups[0] ?? "", /dotfiles__cursor-mcp\.json$/, "the backup is of the target");
  assert.equal(readFileSync(join(temp.korvaHome, "backups", backups[0] ?? ""), "utf8"), original);

  const uninstall = await runKorva(["setup", "--uninstall", "--cursor"], { env });
  assert.equal(uninstall.code, 0, uninstall.stderr);
  assert.equal(lstatSync(link).isSymbolicLink(), true);
  assert.equal(readlinkSync(link), "../dotfiles/cursor-mcp.json");
  assert.equal(readFileSync(target, "utf8"), original);
});

Deno.test("setup adds korva's hooks beside a user's own Codex hooks and uninstall leaves theirs byte for byte", async () => {
  await using temp = tempHome();
  const mine =
    '{\n  "hooks": {\n    "UserPromptSubmit": [{"hooks": [{"type": "command", "command": "scan-keys"}]}]\n  }\n}\n';
  writeFixtures(temp.home, { ".codex/config.toml": "", ".codex/hooks.json": mine });
  const deps = depsFor(temp.home, temp.korvaHome);
  install(deps);
  const hooks = JSON.parse(readFileSync(join(temp.home, ".codex/hooks.json"), "utf8"));
  assert.deepEqual(
    hooks.hooks.UserPromptSubmit.map((e: { hooks: { command: string }[] }) => e.hooks[0]!.command),
    ["scan-keys", `KORVA_HOME=${temp.korvaHome} /opt/korva/bin/korva hook prompt`],
  );
  const status = setupStatus(setupContext(deps, { profile: "agent", repoRoot: undefined }))
    .find((s) => s.id === "codex");
  assert.equal(status?.configured, true);
  install(deps, "uninstall");
  assert.equal(readFileSync(join(temp.home, ".codex/hooks.json"), "utf8"), mine);
});

Deno.test({
  name:
    "setup writes Cline's global rules into the Documents folder user-dirs.dirs names; uninstall removes them",
  ignore: Deno.build.os !== "linux", // user-dirs.dirs is the Linux (XDG) way; elsewhere ~/Documents
  fn: async () => {
    await using temp = tempHome();
    writeFixtures(temp.home, {
      ".config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json":
        '{"mcpServers": {}}\n',
      ".config/user-dirs.dirs":
        '# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR="$HOME/Dokumente"\n',
    });
    const before = snapshot(temp.home);
    const deps = depsFor(temp.home, temp.korvaHome);
    install(deps);
    assert.match(
      readFileSync(join(temp.home, "Dokumente/Cline/Rules/korva.md"), "utf8"),
      /^<!-- korva:begin/,
    );
    assert.equal(existsSync(join(temp.home, "Documents")), false);
    install(deps, "uninstall");
    assert.deepEqual(snapshot(temp.home), before);
  },
});

Deno.test("setup adds korva's sessionStart beside a user's own Cursor hooks; a new hooks.json gets version 1; uninstall restores both", async () => {
  await using temp = tempHome();
  const mine =
    '{\n  "version": 1,\n  "hooks": {\n    "afterFileEdit": [{ "command": "./format.sh" }]\n  }\n}\n';
  writeFixtures(temp.home, { ".cursor/mcp.json": "{}\n", ".cursor/hooks.json": mine });
  const deps = depsFor(temp.home, temp.korvaHome);
  install(deps);
  const command = `KORVA_HOME=${temp.korvaHome} /opt/korva/bin/korva hook session-start`;
  assert.deepEqual(JSON.parse(readFileSync(join(temp.home, ".cursor/hooks.json"), "utf8")), {
    version: 1,
    hooks: { afterFileEdit: [{ command: "./format.sh" }], sessionStart: [{ command }] },
  });
  install(deps, "uninstall");
  assert.equal(readFileSync(join(temp.home, ".cursor/hooks.json"), "utf8"), mine);

  await using fresh = tempHome();
  writeFixtures(fresh.home, { ".cursor/mcp.json": "{}\n" });
  const freshDeps = depsFor(fresh.home, fresh.korvaHome);
  install(freshDeps);
  assert.deepEqual(JSON.parse(readFileSync(join(fresh.home, ".cursor/hooks.json"), "utf8")), {
    version: 1,
    hooks: {
      sessionStart: [{
        command: `KORVA_HOME=${fresh.korvaHome} /opt/korva/bin/korva hook session-start`,
      }],
    },
  });
  install(freshDeps, "uninstall");
  assert.equal(existsSync(join(fresh.home, ".cursor/hooks.json")), false);
});

Deno.test("setup writes Cline's PreToolUse hook, whose script gives the memories of the files a read opens, and nothing for other tools", async () => {
  await using temp = tempHome();
  await using repo = tempRepo({
    "src/billing/amount.ts": "export const cents = 1;\n",
    ".korva/config.yml": "schema: 1\nproject: acme\n",
  });
  const saved = await runKorva([
    "save",
    "--type",
    "convention",
    "--title",
    "Money amounts in src/billing are integer cents",
    "--content",
    "Never store a float amount.",
    "--files",
    "src/billing/**",
  ], { env: temp.env, cwd: repo.path });
  assert.equal(saved.code, 0, saved.stderr);
  writeFixtures(temp.home, { ".cline/data/settings/cline_mcp_settings.json": "{}\n" });
  // The hook runs this checkout's korva, as the launcher install.sh writes would.
  const deps = {
    ...testDeps(temp.korvaHome, { env: { HOME: temp.home, PATH: "" } }),
    self: { command: Deno.execPath(), args: ["run", "-A", "--quiet", MAIN] },
  };
  install(deps);
  const hook = join(temp.home, "Documents/Cline/Hooks/PreToolUse");
  assert.equal(statSync(hook).mode & 0o777, 0o755, "Cline's extension runs only executable hooks");
  assert.equal(readFileSync(hook, "utf8").split("\n")[0], "#!/bin/sh");
  const cliSettings = JSON.parse(
    readFileSync(join(temp.home, ".cline/data/settings/cline_mcp_settings.json"), "utf8"),
  );
  assert.deepEqual(
    cliSettings.mcpServers.korva,
    {
      disabled: false,
      command: Deno.execPath(),
      args: ["run", "-A", "--quiet", MAIN, "mcp", "--profile", "agent"],
      env: { KORVA_HOME: temp.korvaHome },
    },
  );
  const call = (name: string, input: object) =>
    runCommand(hook, [], {
      env: { HOME: temp.home },
      cwd: repo.path,
      stdin: JSON.stringify({
        clineVersion: "3.0.65",
        taskId: "conv_1_a",
        workspaceRoots: [repo.path],
        hookName: "tool_call",
        tool_call: { id: "call_1", name, input },
        preToolUse: { toolName: name, parameters: {} },
      }),
    });
  const read = await call("read_files", {
    files: [{ path: join(repo.path, "src/billing/amount.ts") }],
  });
  assert.equal(read.code, 0, read.stderr);
  const out = JSON.parse(read.stdout);
  assert.equal(out.cancel, false);
  assert.match(
    out.contextModification,
    /\[convention\] Money amounts in src\/billing are integer cents/,
  );
  const other = await call("run_commands", { commands: ["ls src/billing/amount.ts"] });
  assert.deepEqual([other.code, other.stdout, other.stderr], [0, "", ""]);
  install(deps, "uninstall");
  assert.equal(existsSync(hook), false);
});

Deno.test("setup leaves a Cline PreToolUse hook that is not korva's untouched and says so", async () => {
  await using temp = tempHome();
  const theirs = "#!/bin/sh\necho '{}'\n";
  writeFixtures(temp.home, {
    ".cline/data/settings/cline_mcp_settings.json": "{}\n",
    "Documents/Cline/Hooks/PreToolUse": theirs,
  });
  const { plans } = install(depsFor(temp.home, temp.korvaHome));
  const hook = join(temp.home, "Documents/Cline/Hooks/PreToolUse");
  assert.equal(
    plans.find((plan) => plan.target.id === "cline")?.error,
    `"${hook}" is not korva's file hook; it was left untouched`,
  );
  assert.equal(readFileSync(hook, "utf8"), theirs);
  assert.equal(existsSync(join(temp.home, ".cline/data/settings/cline_mcp_settings.json")), true);
});
