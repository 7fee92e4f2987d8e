// `korva init`: create KORVA_HOME, the vault and the config; safe to run again.
import { Command } from "commander";
import { existsSync } from "node:fs";
import { defaultConfig, loadConfig, saveConfig } from "../lib/config.ts";
import type { Deps } from "../lib/deps.ts";
import { KorvaError, messageOf } from "../lib/errors.ts";
import { ensurePrivateDir } from "../lib/file_modes.ts";
import { homePaths } from "../lib/paths.ts";
import { ensureToken } from "../lib/service/token.ts";
import { openVault } from "../lib/vault/mod.ts";
import { autoInstallHooks, describeRepoHooks } from "../lib/sentinel/repo_hooks.ts";
import { printJson } from "./print.ts";

/** Build the `init` command. */
export function initCommand(deps: Deps): Command {
  return new Command("init")
    .description("Create KORVA_HOME, the vault and the config (safe to run again)")
    .option("--json", "print what was done as JSON")
    .option("--no-hooks", "do not install korva's git hooks in this clone")
    .action((flags: { json?: boolean; hooks?: boolean }) => {
      const paths = homePaths(deps.home);
      const done: string[] = [];
      if (!existsSync(deps.home)) {
        try {
          ensurePrivateDir(deps.home);
        } catch (error) {
          throw new KorvaError(`Cannot create "${deps.home}": ${messageOf(error)}`, {
            exitCode: 3,
            hint: "set KORVA_HOME to a writable folder",
          });
        }
        done.push(`created ${deps.home}`);
      }
      if (existsSync(paths.config)) {
        loadConfig(deps.home); // validates; an invalid config is reported, never replaced
      } else {
        saveConfig(deps.home, defaultConfig(), deps.now);
        done.push(`wrote ${paths.config}`);
      }
      const token = ensureToken(deps.home);
      if (token.created) done.push(`wrote ${paths.token} (mode 0600)`);
      if (token.fixedMode !== undefined) {
        done.push(
          `set ${paths.token} to mode 0600 (it was 0${
            token.fixedMode.toString(8)
          }, readable by others)`,
        );
      }
      const existed = existsSync(paths.vault);
      const vault = openVault(paths.vault, { now: deps.now });
      const { schemaVersion, total } = vault.stats();
      vault.close();
      if (!existed) done.push(`created ${paths.vault} (schema ${schemaVersion})`);
      const hooks = autoInstallHooks(deps, { optOut: flags.hooks === false });
      if (hooks?.state === "installed") done.push(describeRepoHooks(hooks) ?? "");
      else if (hooks?.state === "failed") deps.io.err(`${describeRepoHooks(hooks)}\n`);
      if (flags.json) {
        printJson(deps, { home: deps.home, vault: paths.vault, config: paths.config, done, total });
        return;
      }
      if (done.length === 0) {
        deps.io.out(`korva is already set up in ${deps.home} (${total} memories)\n`);
      } else {
        for (const line of done) deps.io.out(`${line}\n`);
        deps.io.out(
          "next: `korva setup` connects your editors (and installs the git hooks in a repository with .korva/); `korva hooks install` in any other clone; `korva save --help` to add memories\n",
        );
      }
    });
}
