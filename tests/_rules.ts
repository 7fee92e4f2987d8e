// The sentinel rule the payment-lock scenarios share: a lock keyed by a user id under
// src/payments/ is a finding; it cites `memory` when one is given.

/** The rule file's text (`extra` lines are appended to the rule, e.g. a `fix:`). */
export function paymentLockRule(memory?: string, extra = ""): string {
  return `version: 1
rules:
  - id: payments/lock-key
    message: "Payment locks must be keyed by payment_id, not user_id"
    paths: { include: ["src/payments/**"] }
    match:
      kind: pattern
      pattern: 'lock\\([^)]*user_?[iI]d'
${memory ? `    memory: ${memory}\n` : ""}${extra}`;
}
