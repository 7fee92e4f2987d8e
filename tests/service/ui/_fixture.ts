// A dashboard handler in process over a real vault in a temp repo, and a signed-in client for it.
import { join } from "node:path";
import { openMemories, resolveRepoContext } from "../../../lib/memory/mod.ts";
import { loadAssets } from "../../../lib/service/ui/assets.ts";
import { createDashboardHandler } from "../../../lib/service/ui/dashboard.ts";
import { UiSessions } from "../../../lib/service/ui/session.ts";
import { type NewMemory, openVault, type Vault } from "../../../lib/vault/mod.ts";
import { FIXED_NOW, tempHome, tempRepo, testDeps } from "../../_helpers.ts";

/** The handler, its vault and a way to sign in. */
export interface Dashboard extends AsyncDisposable {
  vault: Vault;
  sessions: UiSessions;
  repo: string;
  handle: (request: Request) => Promise<Response>;
  /** Redeem a login code; returns the Cookie header value and the page's CSRF token. */
  signIn: () => Promise<{ cookie: string; csrf: string }>;
}

/** The memory most dashboard tests look for: a decision anchored to src/payments/pay.ts. */
export const PAYMENT_LOCK = {
  type: "decision",
  title: "Payment lock by payment_id",
  content: "Use a Redis lock keyed by payment_id so retries never double-charge.",
  why: "Two charges in the March incident",
  files: ["src/payments/pay.ts"],
  tags: ["payments"],
} as const satisfies NewMemory;

/** Base URL the requests use. */
export const BASE = "http://127.0.0.1:7437";

/** Build a dashboard over a fresh vault; `seed` fills the vault first. */
export async function dashboard(seed: (vault: Vault) => void = () => {}): Promise<Dashboard> {
  const home = tempHome();
  const repo = tempRepo({ "src/payments/pay.ts": "export const pay = 1;\n" });
  const deps = testDeps(home.korvaHome, { cwd: repo.path, now: FIXED_NOW });
  {
    using seeding = openVault(join(home.korvaHome, "vault.db"), { now: deps.now, project: "shop" });
    seed(seeding);
  }
  const memories = openMemories(resolveRepoContext(deps, { project: "shop" }), {
    client: "ui",
    person: true,
  });
  const vault = memories.vault;
  const sessions = new UiSessions(7437, deps.now);
  const handle = createDashboardHandler({
    memories,
    sessions,
    assets: await loadAssets(),
  });
  return {
    vault,
    sessions,
    repo: repo.path,
    handle,
    signIn: async () => {
      const login = await handle(
        new Request(`${BASE}/login?code=${sessions.issueLoginCode()}`, {
          headers: { host: "127.0.0.1:7437" },
        }),
      );
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const page = await handle(
        new Request(`${BASE}/`, { headers: { host: "127.0.0.1:7437", cookie } }),
      );
      const csrf = (await page.text()).match(/x-csrf-token&quot;:&quot;([0-9a-f]+)/)?.[1] ?? "";
      return { cookie, csrf };
    },
    [Symbol.asyncDispose]: async () => {
      vault.close();
      await repo[Symbol.asyncDispose]();
      await home[Symbol.asyncDispose]();
    },
  };
}
