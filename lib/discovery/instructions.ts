// The instruction block setup installs into each tool's instructions file (AGENTS.md, CLAUDE.md,
// GEMINI.md, Cursor/Windsurf rules, Copilot instructions): when to call korva's tools.

/** Korva's block markers in Markdown instruction files (setup writes them, importers skip them). */
export const BEGIN = "<!-- korva:begin (managed by `korva setup`; edits inside are replaced) -->";
export const END = "<!-- korva:end -->";

/** The instruction block body (Markdown, without korva's begin/end markers). */
export function renderInstructions(): string {
  return `## Team memory (korva)

This project keeps its decisions, incidents and conventions in korva, reachable through the
\`korva\` MCP tools. Use them; do not rely on your own memory of earlier sessions.

- **At the start of a task** call \`vault_context\` with the task in one sentence and the files
  you expect to touch. Read what comes back before proposing changes: it explains why the code
  is the way it is.
- **Before editing a file** you have not looked at in this session, call \`vault_context\` with
  \`files: [path]\` and \`delta: true\` (only what you have not seen yet).
- **When a question is about history** ("why do we…", "did we ever…"), call \`vault_search\`
  with a few keywords; \`vault_get\` returns the full text of an id.
- **When you learn something worth keeping**, call \`vault_save\`:
  - a decision, with its \`why\`: the constraint, and the alternatives rejected and why;
  - an incident or bugfix, with the root cause and how it was confirmed;
  - a convention or pattern the team follows, with an example;
  - the \`files\` (paths or globs such as \`src/payments/**\`) it is about.
  Keep titles to one specific line. Never save secrets, tokens or personal data (korva redacts
  them, but do not send them). Do not save what the code or git history already says plainly.
- **When a memory is wrong or outdated**, call \`vault_supersede\` with the corrected version
  instead of saving a contradicting one.
- **Before writing code in a file that team rules cover** (the repository has \`.korva/rules/\`),
  call \`sentinel_check\` with the file's \`path\` and its full new \`content\`, unless your editor
  runs korva's edit hook for you; fix every error it reports before you write the file. Errors
  cite the memory that explains the rule.
- **Before proposing a commit**, call \`sentinel_check\` with \`staged: true\`.
- **Cite memories** you relied on by id, e.g. "(korva 01JC4R7W…)", so people can check them.
`;
}
