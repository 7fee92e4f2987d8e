// What `korva ui` does: make sure the vault service runs, ask it (with the bearer token) for a
// one-time sign-in path, and open that URL in the user's browser.
import type { Deps } from "../deps.ts";
import { KorvaError, messageOf } from "../errors.ts";
import { runningService, type ServiceInfo, startBackground } from "./daemon.ts";
import { ensureToken } from "./token.ts";

/** The dashboard's one-time sign-in URL, starting the service first when it is not running. */
export async function dashboardLoginUrl(
  deps: Deps,
  port: number,
): Promise<{ url: string; service: ServiceInfo; started: boolean }> {
  let service = runningService(deps.home);
  const started = service === undefined;
  service ??= await startBackground(deps, port);
  const { token } = ensureToken(deps.home);
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${service.port}/api/ui/login`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
  } catch (error) {
    throw new KorvaError(
      `Cannot reach the vault service on port ${service.port}: ${messageOf(error)}`,
      { exitCode: 3, hint: "korva vault stop, then korva ui again" },
    );
  }
  const body = await response.json().catch(() => ({})) as { path?: string; error?: string };
  if (!response.ok || !body.path) {
    throw new KorvaError(
      `The vault service on port ${service.port} refused a sign-in link: ${
        body.error ?? `HTTP ${response.status}`
      }`,
      {
        exitCode: 3,
        hint: "korva vault stop, then korva ui again (an older korva may be running)",
      },
    );
  }
  return { url: `http://127.0.0.1:${service.port}${body.path}`, service, started };
}

/** The command that opens a URL on this system. */
export function browserCommand(os: typeof Deno.build.os, url: string): string[] {
  if (os === "darwin") return ["open", url];
  if (os === "windows") return ["cmd", "/c", "start", "", url];
  return ["xdg-open", url];
}

/** Open a URL in the default browser; false when no opener could run. */
export async function openInBrowser(url: string): Promise<boolean> {
  const [command = "", ...args] = browserCommand(Deno.build.os, url);
  try {
    const status = await new Deno.Command(command, {
      args,
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).output();
    return status.success;
  } catch {
    return false;
  }
}
