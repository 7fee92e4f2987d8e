// What an import will do, decided before anything is written: create, update, leave alone or skip
// each item, archive what vanished from a re-imported file, and link supersede chains. Pure.
import { posix } from "node:path";
import type { Memory, Status } from "../vault/types.ts";
import { fileKeyOf, type ImportItem, keyOfSource, normalizeText, sourceOf } from "./item.ts";

/** One planned step for one item. */
export type Action =
  | { action: "create"; item: ImportItem; status: Status }
  | { action: "update"; item: ImportItem; id: string; changed: string[]; status: Status }
  | { action: "unchanged"; item: ImportItem; id: string }
  | { action: "duplicate"; item: ImportItem; of: string };

/** A stored memory whose item is gone from its re-imported file: it gets archived. */
export interface Stale {
  id: string;
  key: string;
  title: string;
}

/** `old` is replaced by `next` (both item keys). */
export interface Link {
  old: string;
  next: string;
  /** Stored memory ids of either side, when the vault already has them. */
  oldId?: string | undefined;
  nextId?: string | undefined;
}

/** The whole plan of one run. */
export interface ImportPlan {
  actions: Action[];
  stale: Stale[];
  links: Link[];
  /** References no record in this run or the vault answers to: `path: ref`. */
  unresolved: string[];
}

/**
 * Plan an import. `existing` are the stored memories with a source of this importer's kind (any
 * status); `known` the stored active memories whose text de-duplicates conventions.
 */
export function planImport(
  items: ImportItem[],
  existing: Memory[],
  known: Memory[],
): ImportPlan {
  const byKey = new Map<string, Memory>();
  for (const memory of existing) {
    const key = keyOfSource(memory.source);
    const current = key ? byKey.get(key) : undefined;
    if (key && (!current || current.status === "archived")) byKey.set(key, memory);
  }
  const keys = new Set([...items.map((i) => i.key), ...byKey.keys()]);
  const { links: found, unresolved } = resolveLinks(items, keys);
  const links = found.map((l) => ({
    ...l,
    oldId: byKey.get(l.old)?.id,
    nextId: byKey.get(l.next)?.id,
  }));
  const replaced = new Set(links.map((l) => l.old));

  const texts = new Map<string, string>();
  for (const memory of known) texts.set(normalizeText(memory.content), memory.id);
  const actions: Action[] = [];
  for (const item of items) {
    // A record replaced by one we link to gets its status from the link step.
    const status: Status = replaced.has(item.key) ? "active" : item.status;
    const stored = byKey.get(item.key);
    if (stored) {
      const changed = changes(stored, item, replaced.has(item.key) ? undefined : status);
      actions.push(
        changed.length === 0
          ? { action: "unchanged", item, id: stored.id }
          : { action: "update", item, id: stored.id, changed, status },
      );
      if (item.dedupeByText) texts.set(normalizeText(item.content), stored.id);
      continue;
    }
    const same = item.dedupeByText ? texts.get(normalizeText(item.content)) : undefined;
    if (same !== undefined) {
      actions.push({ action: "duplicate", item, of: same });
      continue;
    }
    if (item.dedupeByText) texts.set(normalizeText(item.content), item.key);
    actions.push({ action: "create", item, status });
  }

  const files = new Set(items.map((i) => fileKeyOf(i.key)));
  const present = new Set(items.map((i) => i.key));
  const stale: Stale[] = [];
  for (const [key, memory] of byKey) {
    if (files.has(fileKeyOf(key)) && !present.has(key) && memory.status === "active") {
      stale.push({ id: memory.id, key, title: memory.title });
    }
  }
  return { actions, stale, links, unresolved };
}

function changes(stored: Memory, item: ImportItem, status: Status | undefined): string[] {
  const changed: string[] = [];
  const sameList = (a: string[], b: string[]) =>
    JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());
  if (stored.title !== item.title.trim()) changed.push("title");
  if (stored.content !== item.content.trim()) changed.push("content");
  if ((stored.why ?? "") !== (item.why ?? "").trim()) changed.push("why");
  if (!sameList(stored.tags, item.tags.map((t) => t.trim().toLowerCase()))) changed.push("tags");
  if (!sameList(stored.files, item.files)) changed.push("files");
  if (stored.type !== item.type) changed.push("type");
  if (stored.source !== sourceOf(item)) changed.push("source");
  if (status !== undefined && stored.status !== status) changed.push("status");
  return changed;
}

/** Supersede links between records, from "superseded by" and "supersedes" references. */
export function resolveLinks(
  items: ImportItem[],
  keys: Set<string>,
): { links: Link[]; unresolved: string[] } {
  const links = new Map<string, Link>();
  const unresolved: string[] = [];
  const numbered = new Map<string, string>();
  for (const key of keys) {
    const [kind, ...rest] = fileKeyOf(key).split(":");
    const path = rest.join(":");
    const number = posix.basename(path).match(/^(?:adr[-_ ]?)?0*(\d+)(?=\D)/i)?.[1];
    if (number !== undefined) numbered.set(`${kind}:${posix.dirname(path)}:${number}`, key);
  }
  const resolve = (item: ImportItem, ref: string): string | undefined => {
    const kind = item.key.split(":")[0] ?? "";
    const dir = posix.dirname(item.path);
    if (/^\d+$/.test(ref)) return numbered.get(`${kind}:${dir}:${String(Number(ref))}`);
    const target = posix.normalize(posix.join(dir, ref.split("#")[0] ?? ""));
    const key = `${kind}:${target}`;
    if (keys.has(key)) return key;
    const number = posix.basename(target).match(/^(?:adr[-_ ]?)?0*(\d+)(?=\D)/i)?.[1];
    return number === undefined ? undefined : numbered.get(`${kind}:${dir}:${number}`);
  };
  const add = (old: string, next: string) => {
    if (old !== next) links.set(`${old}\u0000${next}`, { old, next });
  };
  for (const item of items) {
    for (const ref of item.supersededBy) {
      const next = resolve(item, ref);
      if (next) add(item.key, next);
      else unresolved.push(`${item.path}: ${ref}`);
    }
    for (const ref of item.supersedes) {
      const old = resolve(item, ref);
      if (old) add(old, item.key);
      else unresolved.push(`${item.path}: ${ref}`);
    }
  }
  // One successor per record: the first named wins, so the chain stays a chain.
  const seen = new Set<string>();
  const chain = [...links.values()].filter((l) => !seen.has(l.old) && seen.add(l.old));
  return { links: chain, unresolved: [...new Set(unresolved)] };
}

/** How many items an import creates, updates, leaves, skips, archives and links. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  archived: number;
  superseded: number;
}

/** The counts a plan would write (what a dry run reports). */
export function planCounts(plan: ImportPlan): ImportCounts {
  const count = (action: Action["action"]) =>
    plan.actions.filter((a) => a.action === action).length;
  return {
    created: count("create"),
    updated: count("update"),
    unchanged: count("unchanged"),
    duplicates: count("duplicate"),
    archived: plan.stale.length +
      plan.actions.filter((a) =>
        (a.action === "create" && a.status === "archived") ||
        (a.action === "update" && a.status === "archived" && a.changed.includes("status"))
      ).length,
    superseded: plan.links.length,
  };
}
