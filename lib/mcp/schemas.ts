// Zod shapes shared by several tools' inputs and outputs.
import { z } from "zod";
import { Memory } from "../vault/schemas.ts";
import { LIMITS, MEMORY_TYPES } from "../vault/types.ts";

export const TypeIn = z.enum(MEMORY_TYPES);
export const ScopeIn = z.enum(["private", "team"]);
export const IdIn = z.string().min(10).max(40).describe("a memory id (26-character ULID)");
export const TagsIn = z.array(z.string().min(1).max(LIMITS.tag)).max(LIMITS.tags);
export const FilesIn = z.array(z.string().min(1).max(LIMITS.file)).max(LIMITS.files);
export const ProjectIn = z.string().min(1).max(LIMITS.project);

/** A full memory as tools return it: the vault's own schema. */
export const MemoryOut = Memory;

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
