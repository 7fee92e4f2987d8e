// Every detector's own examples: `match` fires it, `ignore` does not, redaction is idempotent.
import assert from "node:assert/strict";
import { DetectorShape } from "../../lib/privacy/detector.ts";
import { detectors } from "../../lib/privacy/detectors.ts";
import { buildRedactor, createRedactor } from "../../lib/privacy/redact.ts";

const full = createRedactor();

/** A rough syntactic context, to check examples are not all written the same way. */
function contextOf(example: string): string {
  if (/^\s*<\w[^>]*>/.test(example)) return "xml";
  if (/^\s*\[[^\]]+\]\s*$/m.test(example)) return "ini";
  if (/^\s*[{[]/.test(example)) return "json";
  if (/^(?:export\s+)?[A-Z][A-Z0-9_]*=/m.test(example)) return "env";
  if (/^\s*\[[^\]]+\]\s*$/m.test(example) || /^\s*\w+\s*=\s/.test(example)) return "ini";
  if (/^\s*[\w-]+:\s/m.test(example)) return "yaml";
  if (
    /^\s*(?:curl|kubectl|kubeadm|vault|psexec|mysql|git|npm|docker|printf|echo|sed)\b/.test(example)
  ) {
    return "shell";
  }
  if (/[(;]|\b(?:const|let|var|def|new|return)\b/.test(example)) return "code";
  if (/"\w+"\s*:/.test(example)) return "json";
  return "prose";
}

Deno.test("detectors catalogue has at least 80 provider-specific detectors with unique ids", () => {
  const ids = detectors.map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length, "duplicate detector id");
  const provider = detectors.filter((d) => (d.tier ?? 3) === 3);
  assert.ok(provider.length >= 80, `only ${provider.length} provider-specific detectors`);
});

Deno.test("detectors fire on their own match examples and not on their ignore examples", async (t) => {
  for (const detector of detectors) {
    await t.step(detector.id, () => {
      const shape = DetectorShape.safeParse(detector);
      assert.ok(shape.success, `${detector.id}: ${shape.error?.issues[0]?.message}`);
      const contexts = new Set(detector.examples.match.map(contextOf));
      assert.ok(contexts.size >= 2, `${detector.id}: examples use only ${[...contexts]}`);
      const alone = buildRedactor([detector]);
      for (const example of detector.examples.match) {
        const found = alone.scan(example);
        assert.ok(found.length > 0, `${detector.id} missed: ${JSON.stringify(example)}`);
        if (detector.gate === undefined || detector.gate === true) {
          assert.ok(
            alone.scan(example, { mode: "gate" }).length > 0,
            `${detector.id} missed in gate mode: ${JSON.stringify(example)}`,
          );
        }
        const once = full.redact(example).text;
        assert.equal(full.redact(once).text, once, `${detector.id}: not idempotent on ${once}`);
        assert.deepEqual(full.scan(once), [], `${detector.id}: redacted text still has findings`);
      }
      for (const example of detector.examples.ignore) {
        assert.deepEqual(
          alone.scan(example),
          [],
          `${detector.id} fired on ignore example: ${JSON.stringify(example)}`,
        );
      }
    });
  }
});
