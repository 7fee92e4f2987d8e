// Validated rule files cached under $KORVA_HOME/cache/rules as JSON, keyed by a hash of the
// file's text and of the rule format, so unchanged files skip YAML parsing and zod validation.
// Best effort: an unreadable or corrupt entry is a miss, a failed write is ignored.
import { sha256Hex } from "../sha256.ts";
import type { Rule } from "./rule_schema.ts";

/**
 * The rule format the cached data was validated against. Bump it whenever rule_schema.ts
 * changes what a validated rule looks like (tests/sentinel/rule_cache_test.ts fails until then).
 */
export const RULE_CACHE_FORMAT = "rules-1:9489e5be";

function entry(dir: string, text: string): string {
  const key = sha256Hex(`${RULE_CACHE_FORMAT}\0${text}`);
  return `${dir}/${key}.json`;
}

/** The validated rules of a file's text, when cached. */
export function readRuleCache(dir: string, text: string): Rule[] | undefined {
  try {
    const rules = JSON.parse(Deno.readTextFileSync(entry(dir, text))) as unknown;
    return Array.isArray(rules) ? rules as Rule[] : undefined;
  } catch {
    return undefined;
  }
}

/** Remember a file's validated rules (atomically; errors ignored). */
export function writeRuleCache(dir: string, text: string, rules: Rule[]): void {
  try {
    Deno.mkdirSync(dir, { recursive: true });
    const path = entry(dir, text);
    const temp = `${path}.${Deno.pid}.tmp`;
    Deno.writeTextFileSync(temp, JSON.stringify(rules));
    Deno.renameSync(temp, path);
  } catch {
    // A cache that cannot be written only costs the next load its parse.
  }
}
