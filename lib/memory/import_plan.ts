// The write step of `korva import adr|postmortem|rules`: carry out an importer's plan in one vault
// transaction (all or nothing), through save and update (the privacy boundary, provenance and
// team files). The plan itself is made by lib/importers, which never writes.
import { sourceOf } from "../importers/item.ts";
import type { ImportCounts, ImportPlan } from "../importers/plan.ts";
import type { Memories } from "./memories.ts";
import { saveMemory } from "./save.ts";
import { updateMemory } from "./write.ts";

/** What was written: the counts, and the memory id of each item key. */
export interface WriteResult extends ImportCounts {
  ids: Map<string, string>;
}

/** Apply `plan` in one transaction, for `project`. */
export function writeImportPlan(m: Memories, plan: ImportPlan, project: string): WriteResult {
  return m.vault.transaction(() => {
    const result: WriteResult = {
      ids: new Map(),
      created: 0,
      updated: 0,
      unchanged: 0,
      duplicates: 0,
      archived: 0,
      superseded: 0,
    };
    for (const step of plan.actions) {
      const { item } = step;
      const fields = {
        type: item.type,
        title: item.title,
        content: item.content,
        tags: item.tags,
        files: item.files,
        source: sourceOf(item),
      };
      if (step.action === "create") {
        const saved = saveMemory(m, { ...fields, ...(item.why ? { why: item.why } : {}), project });
        result.ids.set(item.key, saved.memory.id);
        if (saved.duplicate) result.duplicates++;
        else result.created++;
        if (!saved.duplicate && step.status !== "active") {
          updateMemory(m, saved.memory.id, { status: step.status });
          if (step.status === "archived") result.archived++;
        }
      } else if (step.action === "update") {
        updateMemory(m, step.id, { ...fields, why: item.why ?? null, status: step.status });
        result.ids.set(item.key, step.id);
        result.updated++;
        if (step.status === "archived" && step.changed.includes("status")) result.archived++;
      } else if (step.action === "unchanged") {
        result.ids.set(item.key, step.id);
        result.unchanged++;
      } else {
        result.duplicates++;
      }
    }
    for (const stale of plan.stale) {
      updateMemory(m, stale.id, { status: "archived" });
      result.archived++;
    }
    for (const link of plan.links) {
      const old = result.ids.get(link.old) ?? link.oldId;
      const next = result.ids.get(link.next) ?? link.nextId;
      if (old === undefined || next === undefined || old === next) continue;
      const before = m.vault.require(old);
      if (before.status === "superseded" && before.superseded_by === next) continue;
      // Both records exist already: the memory layer's supersede creates a new memory, so the
      // link between two stored ones is the vault's.
      m.vault.linkSupersede(old, next);
      result.superseded++;
    }
    return result;
  });
}
