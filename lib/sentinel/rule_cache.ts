// Validated rule files cached under $KORVA_HOME/cache/rules as JSON, so unchanged files skip
// YAML parsing and zod validation. An entry is named by a cheap hash of the rule format and the
// file's text and holds that text: a hit is an exact match of both, with no cryptographic hash to
// compute on every edit (SHA-256 in JavaScript cost the edit gate ~6 ms for three small files).
// Best effort: an unreadable or corrupt entry is a miss, a failed write is ignored.
import { writeFileAtomic } from "../atomic_write.ts";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "../file_modes.ts";
import type { Rule } from "./rule_schema.ts";

/**
 * The rule format the cached data was validated against. Bump it whenever rule_schema.ts
 * changes what a validated rule looks like (tests/sentinel/rule_cache_test.ts fails until then).
 */
export const RULE_CACHE_FORMAT = "rules-1:9489e5be";

interface CacheEntry {
  format: string;
  text: string;
  rules: Rule[];
}

/** FNV-1a over the UTF-16 code units, with the length: a file name, not a proof of equality. */
function entry(dir: string, text: string): string {
  const keyed = `${RULE_CACHE_FORMAT}\0${text}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < keyed.length; i++) {
    hash = Math.imul(hash ^ keyed.charCodeAt(i), 0x01000193);
  }
  return `${dir}/${(hash >>> 0).toString(16).padStart(8, "0")}-${text.length}.json`;
}

/** The validated rules of a file's text, when cached. */
export function readRuleCache(dir: string, text: string): Rule[] | undefined {
  try {
    const cached = JSON.parse(Deno.readTextFileSync(entry(dir, text))) as Partial<CacheEntry>;
    return cached.format === RULE_CACHE_FORMAT && cached.text === text &&
        Array.isArray(cached.rules)
      ? cached.rules
      : undefined;
  } catch {
    return undefined;
  }
}

/** Remember a file's validated rules (atomically, private to the user; errors ignored). */
export function writeRuleCache(dir: string, text: string, rules: Rule[]): void {
  try {
    ensurePrivateDir(dir);
    const cached: CacheEntry = { format: RULE_CACHE_FORMAT, text, rules };
    writeFileAtomic(entry(dir, text), JSON.stringify(cached), { mode: PRIVATE_FILE_MODE });
  } catch {
    // A cache that cannot be written only costs the next load its parse.
  }
}
