// The memory schema: one zod definition feeds the CLI, MCP, HTTP API, import and team files.
// Loaded by the vault's validation (validate.ts) and the front doors, not by readers (types.ts).
import { z } from "zod";
import { ULID_PATTERN } from "../ulid.ts";
import { hasControlCharacter, LIMITS, MEMORY_TYPES } from "./types.ts";

export const MemoryType = z.enum(MEMORY_TYPES);
export type MemoryType = z.infer<typeof MemoryType>;

export const Scope = z.enum(["private", "team"]);
export type Scope = z.infer<typeof Scope>;

export const Status = z.enum(["active", "superseded", "archived"]);
export type Status = z.infer<typeof Status>;

/** A ULID: 26 Crockford base-32 characters, sortable by time. */
export const MemoryId = z.string().regex(ULID_PATTERN, "must be a 26-character ULID")
  .transform((id) => id.toUpperCase());

/** Text without control characters (a NUL would cut every later read of the field short). */
export const Text = z.string().refine((text) => !hasControlCharacter(text), {
  message: "must not contain control characters (such as NUL)",
});

const trimmed = (max: number) =>
  Text.pipe(
    z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`),
  );
const optionalText = (max: number) =>
  Text.pipe(z.string().trim().max(max, `must be at most ${max} characters`));

/** A calendar date, YYYY-MM-DD (review_by). */
export const ReviewDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2027-03-01")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "must be a real calendar date");

export const Tag = trimmed(LIMITS.tag).transform((t) => t.toLowerCase());
export const FileAnchor = trimmed(LIMITS.file).transform((f) =>
  f.replaceAll("\\", "/").replace(/^\.\//, "")
);

/** A stored memory, as every reader sees it. */
export const Memory = z.object({
  id: z.string(),
  project: z.string(),
  type: MemoryType,
  title: z.string(),
  content: z.string(),
  why: z.string().nullable(),
  tags: z.array(z.string()),
  files: z.array(z.string()),
  scope: Scope,
  status: Status,
  supersedes: z.string().nullable(),
  superseded_by: z.string().nullable(),
  author: z.string().nullable(),
  source: z.string(),
  session_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  content_hash: z.string(),
  /** The repository's HEAD when the memory was saved. */
  commit: z.string().nullable(),
  /** The client that wrote it (cli, http, an MCP client's name, team, import). */
  client: z.string().nullable(),
  /** Written by a person (or merged as a team file), not a draft saved by an agent. */
  confirmed: z.boolean(),
  review_by: z.string().nullable(),
  owner: z.string().nullable(),
  /** Content flags from the screens at the boundary (e.g. instruction-like). */
  flags: z.array(z.string()),
  /** Who shared it with the team. */
  shared_by: z.string().nullable(),
});
export type Memory = z.infer<typeof Memory>;

/** What a caller gives to save a memory (CLI flags, MCP arguments, HTTP body). */
export const NewMemory = z.object({
  type: MemoryType,
  title: trimmed(LIMITS.title),
  content: trimmed(LIMITS.content),
  why: optionalText(LIMITS.why).optional(),
  tags: z.array(Tag).max(LIMITS.tags).optional(),
  files: z.array(FileAnchor).max(LIMITS.files).optional(),
  scope: Scope.optional(),
  project: trimmed(LIMITS.project).optional(),
  author: optionalText(200).optional(),
  source: optionalText(200).optional(),
  session_id: MemoryId.optional(),
  review_by: ReviewDate.optional(),
  owner: trimmed(200).optional(),
});
export type NewMemory = z.input<typeof NewMemory>;
export type ValidNewMemory = z.output<typeof NewMemory>;

/** Fields that `update` may change. */
export const MemoryPatch = z.object({
  type: MemoryType.optional(),
  title: trimmed(LIMITS.title).optional(),
  content: trimmed(LIMITS.content).optional(),
  why: optionalText(LIMITS.why).nullable().optional(),
  tags: z.array(Tag).max(LIMITS.tags).optional(),
  files: z.array(FileAnchor).max(LIMITS.files).optional(),
  scope: Scope.optional(),
  status: Status.optional(),
  review_by: ReviewDate.nullable().optional(),
  owner: trimmed(200).nullable().optional(),
  confirmed: z.boolean().optional(),
  flags: z.array(z.string().max(64)).max(16).optional(),
  shared_by: optionalText(200).nullable().optional(),
  source: z.string().trim().max(200).optional(),
});
export type MemoryPatch = z.input<typeof MemoryPatch>;

/** One JSONL line of `korva export` / `korva import` (a Memory whose bookkeeping is optional). */
export const ImportLine = NewMemory.extend({
  id: MemoryId.optional(),
  status: Status.optional(),
  supersedes: MemoryId.nullable().optional(),
  why: optionalText(LIMITS.why).nullable().optional(),
  author: optionalText(200).nullable().optional(),
  session_id: MemoryId.nullable().optional(),
  created_at: z.iso.datetime({ offset: true }).optional(),
  updated_at: z.iso.datetime({ offset: true }).optional(),
  commit: z.string().regex(/^[0-9a-f]{7,64}$/i, "must be a git commit id").nullable().optional(),
  client: optionalText(200).nullable().optional(),
  confirmed: z.boolean().optional(),
  review_by: ReviewDate.nullable().optional(),
  owner: optionalText(200).nullable().optional(),
  flags: z.array(z.string().max(64)).max(16).optional(),
  shared_by: optionalText(200).nullable().optional(),
}).passthrough();
export type ImportLine = z.input<typeof ImportLine>;
export type ValidImportLine = z.output<typeof ImportLine>;

/**
 * A commit proposed by `korva mine git`: a draft, never a memory until a person or the agent
 * turns it into a decision or incident.
 */
export const GitCandidate = z.object({
  sha: z.string(),
  subject: z.string(),
  message: z.string(),
  author: z.string(),
  committed_at: z.string(),
  files: z.array(z.string()),
  stat: z.object({ files: z.number(), insertions: z.number(), deletions: z.number() }),
  excerpt: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export type GitCandidate = z.infer<typeof GitCandidate>;

/** A stored candidate: the proposal plus its project, state and when it was mined. */
export const StoredCandidate = GitCandidate.extend({
  project: z.string(),
  state: z.enum(["draft", "dismissed"]),
  mined_at: z.string(),
});
export type StoredCandidate = z.infer<typeof StoredCandidate>;
