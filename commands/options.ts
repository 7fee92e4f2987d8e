// Flag parsing shared by the memory commands: lists, filters, numbers, types.
import { type Command, Option } from "commander";
import type { Deps } from "../lib/deps.ts";
import { usageError } from "../lib/errors.ts";
import { MemoryType, Scope, Status } from "../lib/vault/schemas.ts";
import { MEMORY_TYPES, type MemoryFilter } from "../lib/vault/types.ts";

/** Split `a,b, c` into trimmed non-empty items. */
export function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(",").map((item) => item.trim()).filter((item) => item !== "");
}

/** Parse a positive integer flag or throw a usage error naming it. */
export function parseCount(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw usageError(`Invalid ${flag} "${value}": must be a whole number of 1 or more`);
  }
  return n;
}

/** Validate a memory type flag. */
export function parseType(value: string | undefined): MemoryType | undefined {
  if (value === undefined) return undefined;
  const parsed = MemoryType.safeParse(value.trim().toLowerCase());
  if (!parsed.success) {
    throw usageError(`Unknown type "${value}": must be one of ${MEMORY_TYPES.join(", ")}`);
  }
  return parsed.data;
}

/** Validate a scope flag. */
export function parseScope(value: string | undefined): Scope | undefined {
  if (value === undefined) return undefined;
  const parsed = Scope.safeParse(value);
  if (!parsed.success) throw usageError(`Unknown scope "${value}": must be private or team`);
  return parsed.data;
}

/** Validate a status flag (`all` included). */
export function parseStatus(value: string | undefined): Status | "all" | undefined {
  if (value === undefined || value === "all") return value;
  const parsed = Status.safeParse(value);
  if (!parsed.success) {
    throw usageError(`Unknown status "${value}": must be active, superseded, archived or all`);
  }
  return parsed.data;
}

/** The filter flags of search, list and export. */
export interface FilterFlags {
  project?: string;
  type?: string;
  tag?: string;
  file?: string;
  scope?: string;
  status?: string;
  limit?: string;
  here?: boolean;
}

/** Add --project/--type/--tag/--file/--scope/--status/--limit to a command. */
export function addFilterOptions(command: Command, options: { limit?: boolean } = {}): Command {
  command
    .option("--project <name>", "only this project (default: every project)")
    .option("--here", "only the current repository's project")
    .addOption(new Option("--type <type>", "only this type").choices([...MEMORY_TYPES]))
    .option("--tag <tag>", "only memories with this tag")
    .option("--file <path>", "only memories anchored to this file (path, folder or glob match)")
    .option("--scope <scope>", "private or team")
    .option("--status <status>", "active (default), superseded, archived or all");
  if (options.limit !== false) command.option("--limit <n>", "at most this many results");
  return command;
}

/** Turn filter flags into a MemoryFilter; `here` resolves the current project lazily. */
export function toFilter(flags: FilterFlags, here: () => string): MemoryFilter {
  return {
    project: flags.project ?? (flags.here ? here() : undefined),
    type: parseType(flags.type),
    tag: flags.tag,
    file: flags.file,
    scope: parseScope(flags.scope),
    status: parseStatus(flags.status),
    limit: parseCount("--limit", flags.limit),
  };
}

/** Read `--content -` from stdin, or return the flag's text. */
export async function readContent(
  deps: Deps,
  value: string | undefined,
): Promise<string | undefined> {
  if (value !== "-") return value;
  const text = await deps.io.readStdin();
  return text.replace(/\r?\n$/, "");
}
