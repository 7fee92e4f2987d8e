// A separate process that saves N memories into a vault, for the concurrency test.
import { openVault } from "../../lib/vault/mod.ts";

const [path = "", count = "0", label = "w"] = Deno.args;
using vault = openVault(path, { project: "concurrency" });
for (let i = 0; i < Number(count); i++) {
  vault.save({ type: "note", title: `${label} ${i}`, content: `written by ${label}, item ${i}` });
  if (i % 10 === 0) vault.search(`${label} item`);
}
