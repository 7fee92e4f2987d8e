// PrivacyConfig: `{}` parses to defaults; typos and bad custom detectors are refused.
import assert from "node:assert/strict";
import { PrivacyConfig } from "../../lib/privacy/config.ts";

Deno.test("PrivacyConfig parses {} to defaults with every detector and PII on", () => {
  assert.deepEqual(PrivacyConfig.parse({}), {
    disabled: [],
    allow: [],
    allowPatterns: [],
    custom: [],
    pii: true,
  });
});

Deno.test("PrivacyConfig fills custom detector defaults and accepts per-category PII switches", () => {
  const parsed = PrivacyConfig.parse({
    custom: [{ id: "acme-key", pattern: "ACME-[0-9]+" }],
    pii: { ip: false },
  });
  assert.deepEqual(parsed.custom[0], {
    id: "acme-key",
    pattern: "ACME-[0-9]+",
    flags: "",
    category: "custom",
    keywords: [],
    keep: 0,
  });
  assert.deepEqual(parsed.pii, {
    email: true,
    phone: true,
    card: true,
    ip: false,
    id: true,
    iban: true,
    address: true,
  });
});

Deno.test("PrivacyConfig refuses unknown keys, bad ids, flags and non-ASCII keywords", async (t) => {
  const bad: Record<string, unknown> = {
    "unknown key": { disable: ["email"] },
    "id not kebab-case": { custom: [{ id: "Acme Key", pattern: "x" }] },
    "global flag": { custom: [{ id: "a", pattern: "x", flags: "g" }] },
    "non-ASCII keyword": { custom: [{ id: "a", pattern: "x", keywords: ["clé"] }] },
    "pii typo": { pii: { mail: false } },
  };
  for (const [name, input] of Object.entries(bad)) {
    await t.step(name, () => assert.equal(PrivacyConfig.safeParse(input).success, false));
  }
});
