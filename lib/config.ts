// `$KORVA_HOME/config.json`: user settings, validated with zod, never silently replaced.
import { existsSync, readFileSync } from "./fs_sync.ts";
import { z } from "zod";
import { writeFileAtomic } from "./atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "./file_modes.ts";
import { KorvaError, messageOf } from "./errors.ts";
import { homePaths } from "./paths.ts";
import { PrivacyConfig } from "./privacy/config.ts";
import { describeIssue } from "./vault/validate.ts";

/** User configuration. Unknown keys are an error so typos surface. */
export const Config = z.object({
  $schema: z.string().optional(),
  version: z.literal(1).default(1).describe("the file format version"),
  project: z.string().trim().min(1).max(200).optional()
    .describe("project name to use instead of the detected one, in every repository"),
  author: z.string().trim().min(1).max(200).optional()
    .describe("author recorded on new memories (default: git config user.name, then $USER)"),
  defaultScope: z.enum(["private", "team"]).default("private")
    .describe("the scope a save gets when none is given (a repository's own setting wins)"),
  hooks: z.boolean().default(true)
    .describe(
      "install korva's git hooks in repositories with a .korva/ folder (init, setup, sync)",
    ),
  privacy: PrivacyConfig.default(PrivacyConfig.parse({}))
    .describe("what the redactor finds and lets through (docs/privacy.md)"),
  mcp: z.object({
    profile: z.enum(["readonly", "agent", "admin"]).default("agent")
      .describe("the MCP profile when neither --profile nor KORVA_MCP_PROFILE is given"),
  }).strict().default({ profile: "agent" }),
  service: z.object({
    port: z.number().int().min(1).max(65535).default(7437)
      .describe("the port `korva vault start` listens on (127.0.0.1)"),
  }).strict().default({ port: 7437 }),
  /** Optional embeddings from an OpenAI-compatible server on this machine (off by default). */
  recall: z.object({
    embeddings: z.object({
      url: z.string().url()
        .describe("an OpenAI-compatible embeddings endpoint on 127.0.0.1, localhost or [::1]"),
      model: z.string().trim().min(1).max(200).describe("the model name sent with each request"),
    }).strict().optional()
      .describe("off when absent; korva never downloads a model (docs/recall.md)"),
  }).strict().optional(),
}).strict();
export type Config = z.infer<typeof Config>;

/** The config a fresh `korva init` writes. */
export function defaultConfig(): Config {
  return Config.parse({});
}

/** Read and validate config.json; defaults when absent; KorvaError (exit 2) naming the field. */
export function loadConfig(home: string): Config {
  const path = homePaths(home).config;
  if (!existsSync(path)) return defaultConfig();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new KorvaError(`Cannot read config "${path}": ${messageOf(error)}`, {
      exitCode: 2,
      hint: "fix the JSON by hand; korva never replaces an invalid config",
    });
  }
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    throw new KorvaError(
      `Cannot read config "${path}": ${describeIssue(parsed.error)}`,
      { exitCode: 2, hint: "fix the field by hand; korva never replaces an invalid config" },
    );
  }
  return parsed.data;
}

/** Write config.json atomically, keeping a backup of the previous one. */
export function saveConfig(home: string, config: Config, now?: () => Date): void {
  const paths = homePaths(home);
  ensurePrivateDir(home);
  writeFileAtomic(paths.config, JSON.stringify(config, null, 2) + "\n", {
    backupDir: paths.backups,
    mode: PRIVATE_FILE_MODE,
    ...(now ? { now } : {}),
  });
}
