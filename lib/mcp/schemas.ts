// Zod shapes shared by several tools' inputs and outputs.
import { z } from "zod";
import { LIMITS, MEMORY_TYPES } from "../vault/types.ts";

export const TypeIn = z.enum(MEMORY_TYPES);
export const ScopeIn = z.enum(["private", "team"]);
export const IdIn = z.string().min(10).max(40).describe("a memory id (26-character ULID)");
export const TagsIn = z.array(z.string().min(1).max(LIMITS.tag)).max(LIMITS.tags);
export const FilesIn = z.array(z.string().min(1).max(LIMITS.file)).max(LIMITS.files);
export const ProjectIn = z.string().min(1).max(LIMITS.project);

/** A full memory as tools return it. */
export const MemoryOut = z.object({
  id: z.string(),
  project: z.string(),
  type: z.string(),
  title: z.string(),
  content: z.string(),
  why: z.string().nullable(),
  tags: z.array(z.string()),
  files: z.array(z.string()),
  scope: z.string(),
  status: z.string(),
  supersedes: z.string().nullable(),
  superseded_by: z.string().nullable(),
  author: z.string().nullable(),
  source: z.string(),
  session_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  content_hash: z.string(),
});

/** A short memory reference for lists. */
export const MemoryRef = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  project: z.string(),
  created_at: z.string(),
  age: z.string(),
});

/** Redactions applied on the way in: category → count. */
export const RedactedOut = z.record(z.string(), z.number());
