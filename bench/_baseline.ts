// Another commit's lib/ for same-run comparisons: `git archive <ref> lib` extracted into a folder.
import { fileURLToPath } from "node:url";

/** The repository this bench folder belongs to (ends with a slash). */
export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Extract `ref`'s lib/ into `dir` (which must exist); throws with git's message on a bad ref. */
export function extractLib(ref: string, dir: string): void {
  const archive = new Deno.Command("sh", {
    args: ["-c", `git -C "$1" archive "$2" lib | tar -x -C "$3"`, "sh", REPO_ROOT, ref, dir],
  }).outputSync();
  if (!archive.success) throw new Error(new TextDecoder().decode(archive.stderr));
}
