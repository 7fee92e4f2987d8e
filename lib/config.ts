// `$KORVA_HOME/config.json`: user settings, validated with zod, never silently replaced.
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { writeFileAtomic } from "./atomic_write.ts";
import { KorvaError, messageOf } from "./errors.ts";
import { homePaths } from "./paths.ts";
import { PrivacyConfig } from "./privacy/config.ts";
import { describeIssue } from "./vault/validate.ts";

/** User configuration. Unknown keys are an error so typos surface. */
export const Config = z.object({
  $schema: z.string().optional(),
  version: z.literal(1).default(1),
  /** Project name to use instead of the detected one. */
  project: z.string().trim().min(1).max(200).optional(),
  /** Author recorded on new memories (default: git user.name, then $USER). */
  author: z.string().trim().min(1).max(200).optional(),
  defaultScope: z.enum(["private", "team"]).default("private"),
  privacy: PrivacyConfig.default(PrivacyConfig.parse({})),
  mcp: z.object({
    profile: z.enum(["readonly", "agent", "admin"]).default("agent"),
  }).strict().default({ profile: "agent" }),
  service: z.object({
    port: z.number().int().min(1).max(65535).default(7437),
  }).strict().default({ port: 7437 }),
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
  writeFileAtomic(paths.config, JSON.stringify(config, null, 2) + "\n", {
    backupDir: paths.backups,
    ...(now ? { now } : {}),
  });
}
