// `.korva/config.yml`: project-level settings committed with the repository.
import { existsSync, readFileSync } from "./fs_sync.ts";
import { join } from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { KorvaError, messageOf } from "./errors.ts";
import { Scope } from "./vault/schemas.ts";

/** The newest `.korva/` file schema this korva understands. */
export const PROJECT_SCHEMA_VERSION = 1;

/** Project settings: name, default scope, detectors and rules to disable. */
export const ProjectConfig = z.object({
  schema: z.number().int().positive().default(PROJECT_SCHEMA_VERSION)
    .describe("the `.korva/` file format version; a newer one is refused"),
  project: z.string().trim().min(1).max(200).optional()
    .describe("this repository's project name (config.json `project` wins)"),
  defaultScope: Scope.optional()
    .describe("the scope a save in this repository gets when none is given"),
  privacy: z.object({
    disabled: z.array(z.string()).default([])
      .describe("detector ids switched off, added to config.json's"),
    allow: z.array(z.string()).default([])
      .describe("literal values never redacted, added to config.json's"),
  }).strict().optional(),
  sentinel: z.object({
    disabled: z.array(z.string()).default([]).describe("rule ids switched off"),
    overrides: z.record(z.string(), z.enum(["error", "warning", "info", "off"])).default({})
      .describe("rule id → severity"),
    edit: z.enum(["warn", "ask", "deny"]).default("deny")
      .describe("what an editor's write hook does with a blocking finding: deny, ask or warn"),
  }).strict().optional(),
  /** Semantic recall: the team's abbreviations (`k8s: kubernetes`), added to korva's table. */
  recall: z.object({
    abbreviations: z.record(
      z.string().trim().min(1).max(40),
      z.string().trim().min(1).max(200),
    ).default({})
      .describe("short form → the words it stands for, added to korva's table (docs/recall.md)"),
  }).strict().optional(),
}).strict();
export type ProjectConfig = z.infer<typeof ProjectConfig>;

/** Read `<repoRoot>/.korva/config.yml`; undefined when absent; KorvaError (exit 2) when invalid. */
export function loadProjectConfig(repoRoot: string): ProjectConfig | undefined {
  const path = join(repoRoot, ".korva", "config.yml");
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(path, "utf8")) ?? {};
  } catch (error) {
    throw new KorvaError(`Cannot read "${path}": ${messageOf(error)}`, { exitCode: 2 });
  }
  const schema = (raw as { schema?: unknown })?.schema;
  if (typeof schema === "number" && schema > PROJECT_SCHEMA_VERSION) {
    throw new KorvaError(
      `Cannot read "${path}": schema ${schema} is newer than this korva understands (${PROJECT_SCHEMA_VERSION})`,
      { exitCode: 2, hint: "upgrade korva" },
    );
  }
  const parsed = ProjectConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "(root)";
    throw new KorvaError(`Cannot read "${path}": "${field}" ${issue?.message ?? "is invalid"}`, {
      exitCode: 2,
    });
  }
  return parsed.data;
}
