// Counting sentinel findings per rule for the dashboard (vault migration 7). Runs only when a
// check reported something, so a clean pre-commit or edit never opens the vault for it; a missing,
// busy or read-only vault skips the count, and nothing here ever fails the check.
import { homePaths } from "../paths.ts";
import type { Finding } from "./engine.ts";
import { importLazily } from "../lazy_import.ts";

/** Add one hit per reported (not suppressed) finding to its rule's count in the user's vault. */
export async function recordRuleHits(home: string, findings: Finding[], at: Date): Promise<void> {
  const hits = new Map<string, number>();
  for (const finding of findings) {
    if (!finding.suppressed) hits.set(finding.ruleId, (hits.get(finding.ruleId) ?? 0) + 1);
  }
  if (hits.size === 0) return;
  const path = homePaths(home).vault;
  try {
    if (!Deno.statSync(path).isFile) return;
    const { openVault } = await importLazily<typeof import("../vault/mod.ts")>(
      import.meta.url,
      "../vault/mod.ts",
    );
    // No lock wait anywhere: a vault another process is writing skips this count.
    using vault = openVault(path, { lockTimeoutMs: 0 });
    vault.recordRuleHits(hits, at);
  } catch {
    // Not initialised, busy, read-only or damaged: the check's answer matters, the count does not.
  }
}
