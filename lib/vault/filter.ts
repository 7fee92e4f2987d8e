// MemoryFilter → SQL WHERE clauses, and the anchor lookups a file filter needs.
import type { SQLInputValue } from "node:sqlite";
import { globMatches, isGlob } from "../glob.ts";
import type { Sql } from "./sql.ts";
import type { MemoryFilter } from "./types.ts";

/** Above this many anchored rows, a file filter walks the newest rows instead. */
const DENSE_ANCHOR_ROWS = 500;

/**
 * WHERE clauses (over alias `m`) and their parameters for a filter. `perRow` suits a query that
 * tests a few given rows (search tests its matches): a tag is looked up per row instead of
 * listing every memory with that tag first (~5 ms for a tag on 8,000 memories).
 */
export function filterSql(
  sql: Sql,
  filter: MemoryFilter,
  options: { perRow?: boolean } = {},
): { where: string[]; params: SQLInputValue[] } {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  const status = filter.status ?? "active";
  if (status !== "all") {
    where.push("m.status = ?");
    params.push(status);
  }
  if (filter.project) {
    where.push("m.project = ?");
    params.push(filter.project);
  }
  if (filter.type) {
    where.push("m.type = ?");
    params.push(filter.type);
  }
  if (filter.scope) {
    where.push("m.scope = ?");
    params.push(filter.scope);
  }
  if (filter.confirmed !== undefined) {
    where.push("m.confirmed = ?");
    params.push(filter.confirmed ? 1 : 0);
  }
  if (filter.tag) {
    where.push(
      options.perRow
        ? "EXISTS (SELECT 1 FROM memory_tags t WHERE t.memory_id = m.id AND t.tag = ?)"
        : "m.id IN (SELECT memory_id FROM memory_tags WHERE tag = ?)",
    );
    params.push(filter.tag.trim().toLowerCase());
  }
  const anchors = [
    ...(filter.file ? anchorsFor(sql, filter.file) : []),
    ...(filter.anchors ?? []),
  ];
  if (filter.file || filter.anchors) {
    const list = JSON.stringify(anchors);
    const count = Number(
      sql.prepare(
        "SELECT count(*) AS n FROM memory_files WHERE anchor IN (SELECT value FROM json_each(?))",
      ).get(list)?.n ?? 0,
    );
    // Few anchored rows: look them up by anchor. Many: walk the newest rows and test each, so a
    // LIMIT stops early instead of sorting thousands of matches.
    where.push(
      count <= DENSE_ANCHOR_ROWS
        ? "m.id IN (SELECT memory_id FROM memory_files WHERE anchor IN (SELECT value FROM json_each(?)))"
        : "EXISTS (SELECT 1 FROM memory_files f WHERE f.memory_id = m.id AND f.anchor IN (SELECT value FROM json_each(?)))",
    );
    params.push(list);
  }
  if (filter.since) {
    where.push("m.created_at >= ?");
    params.push(new Date(filter.since).toISOString());
  }
  if (filter.until) {
    where.push("m.created_at <= ?");
    params.push(new Date(filter.until).toISOString());
  }
  return { where, params };
}

/** `WHERE a AND b`, or nothing. */
export function whereClause(where: string[]): string {
  return where.length ? "WHERE " + where.join(" AND ") : "";
}

/**
 * Every stored anchor that covers `file`: the path itself, a parent folder (looked up directly),
 * or a glob matching it (globs are few; each is tested with lib/glob.ts).
 */
export function anchorsFor(sql: Sql, file: string): string[] {
  const path = file.replaceAll("\\", "/").replace(/^\.\//, "");
  const parts = path.split("/");
  const literal = [path];
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join("/");
    literal.push(folder, `${folder}/`);
  }
  const found = sql.prepare(
    "SELECT anchor FROM anchors WHERE anchor IN (SELECT value FROM json_each(?))",
  ).all(JSON.stringify(literal)).map((row) => String(row.anchor));
  return [...found, ...globAnchors(sql).filter((anchor) => anchorCovers(anchor, path))];
}

/** The stored anchors that are globs. */
export function globAnchors(sql: Sql): string[] {
  return sql.prepare("SELECT anchor FROM anchors WHERE is_glob = 1").all()
    .map((row) => String(row.anchor));
}

/** Whether a stored anchor (path, folder or glob) covers a repo-relative file path. */
export function anchorCovers(anchor: string, path: string): boolean {
  if (anchor === path) return true;
  const folder = anchor.replace(/\/+$/, "");
  if (path.startsWith(folder + "/")) return true;
  if (!isGlob(anchor)) return false;
  return globMatches(path, anchor);
}
