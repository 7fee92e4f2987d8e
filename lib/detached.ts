// Start a korva command that outlives the caller: its own process group, no stdio, not waited
// for. For work an editor must not wait on (a session's summary as the editor exits).
import type { SelfCommand } from "./deps.ts";

/** Spawn `korva …args` detached; false when it could not start (the caller logs it). */
export function spawnDetached(self: SelfCommand, args: string[]): boolean {
  try {
    const child = new Deno.Command(self.command, {
      args: [...self.args, ...args],
      detached: true,
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn();
    child.unref();
    return true;
  } catch {
    return false;
  }
}
