// A one-line progress bar on stderr, drawn only when stderr is a terminal (never in pipes or CI).
import type { Deps } from "../lib/deps.ts";

/** A progress callback for `label`, plus `done()` to clear the line; no-ops off a terminal. */
export function progressBar(
  deps: Deps,
  label: string,
): { update: (done: number, total: number) => void; done: () => void } {
  if (!deps.io.stderrIsTerminal) return { update: () => {}, done: () => {} };
  let last = -1;
  let drawn = false;
  return {
    update(done, total) {
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      // Redraw only when the bar moves, so 10,000 files do not mean 10,000 writes.
      if (filled === last && done !== total) return;
      last = filled;
      drawn = true;
      deps.io.err(
        `\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`,
      );
    },
    done() {
      if (drawn) deps.io.err("\r\x1b[2K");
    },
  };
}
