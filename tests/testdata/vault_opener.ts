// A separate process that waits for an agreed instant, then opens a vault and saves one memory,
// for the concurrency test of a vault's first open.
import { openVault } from "../../lib/vault/mod.ts";

const [path = "", at = "0", label = "p"] = Deno.args;
// Busy-wait: a timer's wake-up would spread the processes over several milliseconds.
while (Date.now() < Number(at)) { /* wait */ }
using vault = openVault(path, { project: "concurrency" });
vault.save({ type: "note", title: `opened by ${label}`, content: `first open by ${label}` });
