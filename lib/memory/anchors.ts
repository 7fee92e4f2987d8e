// `anchors fix`: rewrite memory anchors and repository rule paths that point where code used to
// be before git renames moved it (src/payments/** → src/billing/**).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import YAML from "yaml";
import { writeFileAtomic } from "../atomic_write.ts";
import { KorvaError } from "../errors.ts";
import { existsIn, movedAnchor, refreshRenames, renameCacheDir } from "../trust/renames.ts";
import type { Memories } from "./memories.ts";
import { updateMemory } from "./write.ts";

/** One anchor or rule path that moved. */
export interface AnchorChange {
  /** A memory id, or the rule file (repo-relative) and rule id. */
  memory?: string;
  file?: string;
  rule?: string;
  from: string;
  to: string;
}

/** Rewrite moved anchors of the project's active memories and of `.korva/rules/*.yml`. */
export function fixAnchors(
  m: Memories,
  options: { dryRun?: boolean; project?: string | undefined } = {},
): { changes: AnchorChange[] } {
  const root = m.ctx.root();
  if (!root) {
    throw new KorvaError("Cannot fix anchors: this folder is not inside a git repository", {
      exitCode: 2,
      hint: "run it in the repository whose files moved",
    });
  }
  const index = refreshRenames(root, renameCacheDir(m.ctx.deps.home));
  const exists = existsIn(root);
  const move = (anchor: string) => movedAnchor(index, anchor, exists);
  const changes: AnchorChange[] = [];
  const project = options.project ?? m.ctx.project();
  const moved: Array<{ id: string; files: string[] }> = [];
  for (const memory of m.vault.iterate({ project })) {
    if (memory.files.length === 0) continue;
    const files = memory.files.map((anchor) => {
      const to = move(anchor);
      if (to) changes.push({ memory: memory.id, from: anchor, to });
      return to ?? anchor;
    });
    if (files.some((file, i) => file !== memory.files[i])) moved.push({ id: memory.id, files });
  }
  const rulesDir = join(root, ".korva", "rules");
  const ruleFiles = existsSync(rulesDir)
    ? readdirSync(rulesDir).filter((f) => /\.ya?ml$/i.test(f)).sort()
    : [];
  const rewrites: Array<{ path: string; text: string }> = [];
  for (const name of ruleFiles) {
    const path = join(rulesDir, name);
    const source = readFileSync(path, "utf8");
    const doc = YAML.parseDocument(source);
    if (doc.errors.length > 0) continue; // the sentinel reports broken rule files
    const rules = doc.get("rules");
    if (!YAML.isSeq(rules)) continue;
    // Edits are spliced into the original text by each scalar's range, so comments, quoting and
    // layout stay exactly as the team wrote them.
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const rule of rules.items) {
      if (!YAML.isMap(rule)) continue;
      for (const key of ["include", "exclude"]) {
        const list = rule.getIn(["paths", key]);
        if (!YAML.isSeq(list)) continue;
        for (const item of list.items) {
          if (!YAML.isScalar(item) || typeof item.value !== "string" || !item.range) continue;
          const to = move(item.value);
          if (!to) continue;
          const [start, end] = item.range;
          const quote = source[start];
          const text = quote === '"'
            ? JSON.stringify(to)
            : quote === "'"
            ? `'${to.replaceAll("'", "''")}'`
            : to;
          edits.push({ start, end, text });
          changes.push({
            file: relative(root, path),
            rule: String(rule.get("id") ?? ""),
            from: item.value,
            to,
          });
        }
      }
    }
    if (edits.length === 0) continue;
    let text = source;
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    }
    rewrites.push({ path, text });
  }
  if (!options.dryRun) {
    for (const { id, files } of moved) updateMemory(m, id, { files });
    for (const { path, text } of rewrites) writeFileAtomic(path, text);
  }
  return { changes };
}
