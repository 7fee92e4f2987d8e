// The sentinel's public face: load rules, collect the change, evaluate, attach the memories that
// explain the rules.
import { repoRoot } from "../git.ts";
import { loadProjectConfig, type ProjectConfig } from "../project_config.ts";
import { citeMemories } from "./cited_memories.ts";
import { type LoadedRule, loadRules } from "./rules.ts";

export type { Finding, Summary } from "./engine.ts";
export type { Target } from "./diff.ts";
export type { CitedMemory } from "./cited_memories.ts";
export { runSentinel, type SentinelReport } from "./run.ts";

/** Load the rules that apply in `cwd` (built-in, user, repository; config disables). */
export function activeRules(cwd: string, home: string): LoadedRule[] {
  const root = repoRoot(cwd);
  return rulesAt(root, home, root ? loadProjectConfig(root) : undefined);
}

function rulesAt(
  root: string | undefined,
  home: string,
  project: ProjectConfig | undefined,
): LoadedRule[] {
  return loadRules({
    home,
    repoRoot: root,
    disabled: project?.sentinel?.disabled ?? [],
    overrides: project?.sentinel?.overrides ?? {},
  });
}

/** One sentence per memory id a rule cites that is neither in the vault nor in team files. */
export async function unknownMemoryWarnings(
  rules: LoadedRule[],
  home: string,
  cwd: string,
): Promise<string[]> {
  const cited = await citeMemories(home, repoRoot(cwd), rules.flatMap((r) => r.memory ?? []));
  return rules.flatMap((rule) =>
    (rule.memory ?? []).filter((id) => !cited[id]?.found).map((id) =>
      `rule "${rule.id}" cites memory "${id}", which is neither in your vault nor in .korva/memories`
    )
  );
}
