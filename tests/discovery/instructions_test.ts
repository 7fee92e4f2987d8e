// renderInstructions(): what the instruction block asks of models.
import assert from "node:assert/strict";
import { renderInstructions } from "../../lib/discovery/instructions.ts";

Deno.test("renderInstructions() asks models without hooks to call sentinel_check before writing code in files with rules", () => {
  assert.ok(
    renderInstructions().includes(
      "- **Before writing code in a file that team rules cover** (the repository has `.korva/rules/`),\n" +
        "  call `sentinel_check` with the file's `path` and its full new `content`, unless your editor\n" +
        "  runs korva's edit hook for you; fix every error it reports before you write the file.",
    ),
  );
});
