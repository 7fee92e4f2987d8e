// scan-vault: pass everything already stored through today's redactor, in batches, so memories
// saved before a detector existed are cleaned too; metadata included.
import type { Redactor } from "../privacy/redact.ts";
import type { RewriteResult } from "../vault/mod.ts";
import type { Memories } from "./memories.ts";

/** What a scan found and changed. */
export interface ScanResult extends RewriteResult {
  /** Findings in live memories, by detector. */
  findings: Record<string, number>;
}

/** Redact every stored memory, history snapshot and session goal; `dryRun` only counts. */
export function scanVault(
  m: Memories,
  options: { dryRun?: boolean; redactor?: Redactor } = {},
): ScanResult {
  const redactor = options.redactor ?? m.ctx.redactor();
  const findings: Record<string, number> = {};
  const clean = (text: string): string => {
    const result = redactor.redact(text);
    for (const f of result.findings) findings[f.detector] = (findings[f.detector] ?? 0) + 1;
    return result.text;
  };
  const plain = (text: string) => redactor.redact(text).text;
  const result = m.vault.rewriteTexts(
    { live: clean, history: plain, text: plain },
    options.dryRun ? { dryRun: true } : {},
  );
  return { ...result, findings };
}
