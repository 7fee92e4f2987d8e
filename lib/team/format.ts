// `.korva/memories/<ULID>-<slug>.md`: one shared memory per file, Markdown with YAML front
// matter. Humans can write one by hand; korva reads it, gives it an id, and writes it back
// deterministically so edits are normal diffs.
import YAML from "yaml";
import { z } from "zod";
import { ULID_PATTERN } from "../ulid.ts";
import { LIMITS, type Memory, MEMORY_TYPES } from "../vault/types.ts";

/** The newest team-file schema this korva writes and reads. */
export const TEAM_SCHEMA = 1;

/** Front matter of a team memory file. */
export const TeamFrontMatter = z.object({
  schema: z.number().int().positive().default(TEAM_SCHEMA),
  id: z.string().regex(ULID_PATTERN, "must be a 26-character ULID").optional(),
  type: z.enum(MEMORY_TYPES),
  title: z.string().trim().min(1).max(LIMITS.title),
  tags: z.array(z.string()).default([]),
  files: z.array(z.string()).default([]),
  status: z.enum(["active", "superseded", "archived"]).default("active"),
  supersedes: z.string().regex(ULID_PATTERN, "must be a 26-character ULID")
    .nullable().default(null),
  author: z.string().nullable().default(null),
  shared_by: z.string().nullable().default(null),
  created: z.union([z.string(), z.date()]).optional(),
  updated: z.union([z.string(), z.date()]).optional(),
}).passthrough();

/** A parsed team memory. */
export interface TeamMemory {
  id: string | undefined;
  type: Memory["type"];
  title: string;
  content: string;
  why: string | null;
  tags: string[];
  files: string[];
  status: Memory["status"];
  supersedes: string | null;
  author: string | null;
  shared_by: string | null;
  created: string | undefined;
  updated: string | undefined;
}

/** A file that could not be read, with the reason. */
export class TeamFileError extends Error {}

const WHY_HEADING = /\n#{2}\s+Why\s*\n/i;

/** Parse a team memory file's text. Throws TeamFileError with a one-sentence reason. */
export function parseTeamFile(text: string): TeamMemory {
  const m = text.replace(/^\uFEFF/, "").match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
  if (!m) throw new TeamFileError("it has no YAML front matter between --- lines");
  let raw: unknown;
  try {
    raw = YAML.parse(m[1] ?? "") ?? {};
  } catch (error) {
    throw new TeamFileError(
      `its front matter is not valid YAML (${(error as Error).message.split("\n")[0]})`,
    );
  }
  const schema = (raw as { schema?: unknown }).schema;
  if (typeof schema === "number" && schema > TEAM_SCHEMA) {
    throw new TeamFileError(
      `schema ${schema} is newer than this korva understands (${TEAM_SCHEMA}); upgrade korva`,
    );
  }
  const parsed = TeamFrontMatter.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TeamFileError(
      `"${issue?.path.join(".") || "front matter"}" ${issue?.message ?? "is invalid"}`,
    );
  }
  const body = (m[2] ?? "").replace(/\r\n/g, "\n");
  const split = body.search(WHY_HEADING);
  const content = (split === -1 ? body : body.slice(0, split)).trim();
  const why = split === -1 ? null : body.slice(split).replace(WHY_HEADING, "").trim() || null;
  if (content === "") throw new TeamFileError("its body (the memory's content) is empty");
  const fm = parsed.data;
  const iso = (v: string | Date | undefined) =>
    v === undefined ? undefined : new Date(v).toISOString();
  return {
    id: fm.id?.toUpperCase(),
    type: fm.type,
    title: fm.title,
    content,
    why,
    tags: fm.tags,
    files: fm.files,
    status: fm.status,
    supersedes: fm.supersedes,
    author: fm.author,
    shared_by: fm.shared_by,
    created: iso(fm.created),
    updated: iso(fm.updated),
  };
}

/** Render a memory as a team file (deterministic: same memory, same bytes). */
export function renderTeamFile(
  memory:
    & Pick<
      Memory,
      | "id"
      | "type"
      | "title"
      | "content"
      | "why"
      | "tags"
      | "files"
      | "status"
      | "supersedes"
      | "author"
      | "created_at"
      | "updated_at"
    >
    & { shared_by?: string | null },
): string {
  const front = {
    schema: TEAM_SCHEMA,
    id: memory.id,
    type: memory.type,
    title: memory.title,
    tags: memory.tags,
    files: memory.files,
    status: memory.status,
    supersedes: memory.supersedes,
    author: memory.author,
    ...(memory.shared_by ? { shared_by: memory.shared_by } : {}),
    created: memory.created_at,
    updated: memory.updated_at,
  };
  const yaml = YAML.stringify(front, { lineWidth: 0 }).trimEnd();
  const why = memory.why ? `\n\n## Why\n\n${memory.why.trim()}` : "";
  return `---\n${yaml}\n---\n\n${memory.content.trim()}${why}\n`;
}

/** `<ULID>-<slug>.md` for a memory. */
export function teamFileName(id: string, title: string): string {
  const slug = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "").slice(0, 60) || "memory";
  return `${id}-${slug}.md`;
}
