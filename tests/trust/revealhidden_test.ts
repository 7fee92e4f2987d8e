// findHidden() and revealHidden(): invisible characters made visible, real writing left alone.
import assert from "node:assert/strict";
import { findHidden, revealHidden } from "../../lib/trust/hidden.ts";

Deno.test("revealHidden() marks bidi overrides, zero-width and tag characters", () => {
  assert.equal(
    revealHidden("a\u202eb\u200bc\u{e0041}d\u2060"),
    "a⟨U+202E⟩b⟨U+200B⟩c⟨U+E0041⟩d⟨U+2060⟩",
  );
});

Deno.test("findHidden() leaves emoji joiners, Persian non-joiners and subdivision flags alone", async (t) => {
  for (
    const text of [
      "👨‍👩‍👧 family",
      "می‌خواهم",
      "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland",
      "❤️ one variation selector",
      "\ufeffBOM at the start",
      "tabs\tand\nnewlines\r\n",
      "שלום\u200f mark after Hebrew",
    ]
  ) {
    await t.step(text, () => assert.deepEqual(findHidden(text), []));
  }
});

Deno.test("findHidden() finds a joiner between Latin letters and ANSI escapes", () => {
  assert.deepEqual(findHidden("a\u200db\u001b[31m").map((h) => h.kind), ["zero-width", "control"]);
});
