// `korva ui`: open the local dashboard (starting the vault service when needed).
import { Command } from "commander";
import { loadConfig } from "../lib/config.ts";
import type { Deps } from "../lib/deps.ts";
import { dashboardLoginUrl, openInBrowser } from "../lib/service/ui_login.ts";
import { parseCount } from "./options.ts";

/** Build the `ui` command. */
export function uiCommand(deps: Deps): Command {
  return new Command("ui")
    .description("Open the local dashboard: search, review and correct what the AI remembers")
    .option("--port <n>", "port on 127.0.0.1 when the service must be started")
    .option("--print-url", "print the one-time sign-in URL instead of opening a browser")
    .addHelpText("after", "\nExample:\n  korva ui --print-url")
    .action(async (flags: { port?: string; printUrl?: boolean }) => {
      const port = parseCount("--port", flags.port) ?? loadConfig(deps.home).service.port;
      const { url, service, started } = await dashboardLoginUrl(deps, port);
      if (started) {
        deps.io.err(
          `korva ui: started the vault service on port ${service.port} (pid ${service.pid})\n`,
        );
      }
      if (flags.printUrl) {
        deps.io.out(url + "\n");
        return;
      }
      if (await openInBrowser(url)) {
        deps.io.out(`opened the dashboard in your browser (the link works once)\n`);
      } else {
        deps.io.out(`open this one-time link in your browser:\n${url}\n`);
      }
    });
}
