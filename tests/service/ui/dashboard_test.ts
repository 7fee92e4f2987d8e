// The dashboard handler in process: sign-in, refusals (no cookie, foreign Host and Origin, no
// CSRF token), security headers, and each page over a real vault.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_SECURITY_POLICY } from "../../../lib/service/ui/dashboard.ts";
import type { Vault } from "../../../lib/vault/mod.ts";
import { BASE, dashboard, PAYMENT_LOCK } from "./_fixture.ts";

const HOST = { host: "127.0.0.1:7437" };

function seed(vault: Vault): void {
  vault.save({ ...PAYMENT_LOCK, tags: [...PAYMENT_LOCK.tags], files: [...PAYMENT_LOCK.files] });
  vault.save({ type: "note", title: "Lunch order", content: "Pizza on Fridays." });
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { ...HOST, "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

Deno.test("GET /login trades a one-time code for an HttpOnly SameSite=Strict cookie, once", async () => {
  await using d = await dashboard(seed);
  const code = d.sessions.issueLoginCode();
  const first = await d.handle(new Request(`${BASE}/login?code=${code}`, { headers: HOST }));
  assert.equal(first.status, 303);
  assert.equal(first.headers.get("location"), "/");
  assert.match(
    first.headers.get("set-cookie") ?? "",
    /^korva_ui_7437=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/,
  );
  const again = await d.handle(new Request(`${BASE}/login?code=${code}`, { headers: HOST }));
  assert.equal(again.status, 403);
  assert.equal(again.headers.get("set-cookie"), null);
  assert.match(await again.text(), /This sign-in link was already used or has expired\./);
});

Deno.test("GET / without the cookie shows no memories", async () => {
  await using d = await dashboard(seed);
  const response = await d.handle(new Request(`${BASE}/`, { headers: HOST }));
  assert.equal(response.status, 401);
  const body = await response.text();
  assert.equal(body.includes("Payment lock"), false);
  assert.match(body, /Run <code>korva ui<\/code> in a terminal/);
});

Deno.test("a rebinding Host gets 421 even with a valid cookie", async () => {
  await using d = await dashboard(seed);
  const { cookie } = await d.signIn();
  const response = await d.handle(
    new Request(`${BASE}/`, { headers: { host: "attacker.example:7437", cookie } }),
  );
  assert.equal(response.status, 421);
  assert.equal(await response.text(), "Host header must be localhost (DNS-rebinding protection)\n");
});

Deno.test("a foreign Origin is refused even with cookie and CSRF token", async () => {
  await using d = await dashboard(seed);
  const { cookie, csrf } = await d.signIn();
  const id = d.vault.list({ limit: 10 }).find((m) => m.type === "decision")!.id;
  const request = form({ _csrf: csrf, title: "Hijacked" });
  const response = await d.handle(
    new Request(`${BASE}/m/${id}/edit`, {
      ...request,
      headers: { ...request.headers, cookie, origin: "https://attacker.example" },
    }),
  );
  assert.equal(response.status, 403);
  assert.equal(await response.text(), "Cross-origin requests are refused\n");
  assert.equal(d.vault.get(id)?.title, "Payment lock by payment_id");
});

Deno.test("an Origin of another port on this machine is refused too", async () => {
  await using d = await dashboard(seed);
  const { cookie, csrf } = await d.signIn();
  const id = d.vault.list({ limit: 10 }).find((m) => m.type === "decision")!.id;
  const request = form({ _csrf: csrf });
  const response = await d.handle(
    new Request(`${BASE}/m/${id}/archive`, {
      ...request,
      headers: { ...request.headers, cookie, origin: "http://127.0.0.1:8080" },
    }),
  );
  assert.equal(response.status, 403);
  assert.equal(d.vault.get(id)?.status, "active");
});

Deno.test("POST without the CSRF token is refused and changes nothing", async () => {
  await using d = await dashboard(seed);
  const { cookie } = await d.signIn();
  const id = d.vault.list({ limit: 10 }).find((m) => m.type === "decision")!.id;
  const request = form({ title: "Changed without a token" });
  const response = await d.handle(
    new Request(`${BASE}/m/${id}/edit`, { ...request, headers: { ...request.headers, cookie } }),
  );
  assert.equal(response.status, 403);
  assert.equal(await response.text(), "Missing or wrong CSRF token: reload the page\n");
  assert.equal(d.vault.get(id)?.title, "Payment lock by payment_id");
  assert.deepEqual(d.vault.history(id), []);
});

Deno.test("POST /m/ID/edit with the token updates the vault and keeps the old version", async () => {
  await using d = await dashboard(seed);
  const { cookie, csrf } = await d.signIn();
  const id = d.vault.list({ limit: 10 }).find((m) => m.type === "decision")!.id;
  const request = form({
    _csrf: csrf,
    title: "Payment lock by payment_id and order_id",
    type: "decision",
    content: "Lock on both ids.",
    why: "",
    tags: "payments, locks",
    files: "src/payments/pay.ts\nsrc/orders/",
  });
  const response = await d.handle(
    new Request(`${BASE}/m/${id}/edit`, { ...request, headers: { ...request.headers, cookie } }),
  );
  assert.equal(response.status, 303);
  assert.equal(response.headers.get("location"), `/m/${id}?flash=Saved`);
  const saved = d.vault.get(id)!;
  assert.equal(saved.title, "Payment lock by payment_id and order_id");
  assert.equal(saved.content, "Lock on both ids.");
  assert.equal(saved.why, null);
  assert.deepEqual(saved.tags, ["payments", "locks"]);
  assert.deepEqual(saved.files, ["src/payments/pay.ts", "src/orders/"]);
  assert.equal(d.vault.history(id).length, 1);
  const page = await (await d.handle(
    new Request(`${BASE}/m/${id}`, { headers: { ...HOST, cookie } }),
  )).text();
  assert.match(page, /<del>[^<]*Redis[^<]*<\/del>/);
  assert.match(page, /<ins>Lock on both ids<\/ins>\.<\/dd>/);
});

Deno.test("every page carries the CSP and loads only same-origin scripts, never inline", async () => {
  await using d = await dashboard(seed);
  const { cookie } = await d.signIn();
  const id = d.vault.list({ limit: 10 })[0]!.id;
  for (
    const path of [
      "/",
      "/?q=lock",
      `/m/${id}`,
      "/context?file=src/payments/pay.ts",
      "/review",
      "/overview",
      "/rules",
    ]
  ) {
    const response = await d.handle(
      new Request(`${BASE}${path}`, { headers: { ...HOST, cookie } }),
    );
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY, path);
    const body = await response.text();
    const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(scripts.length > 0, path);
    for (const tag of scripts) {
      assert.match(tag, /^<script src="\/assets\/[A-Za-z.]+\?v=[0-9a-f]{12}" defer>$/, path);
    }
    assert.equal(/(src|href)="(https?:)?\/\//.test(body), false, `${path} links off this machine`);
    assert.equal(/\sstyle="/.test(body), false, `${path} has an inline style`);
  }
});

Deno.test("GET /?q= marks the matched words and serves a fragment to htmx", async () => {
  await using d = await dashboard(seed);
  const { cookie } = await d.signIn();
  const full = await (await d.handle(
    new Request(`${BASE}/?q=redis`, { headers: { ...HOST, cookie } }),
  )).text();
  assert.match(full, /<mark>Redis<\/mark>/);
  assert.match(full, /<!doctype html>/);
  const fragment = await (await d.handle(
    new Request(`${BASE}/?q=redis&type=decision`, {
      headers: { ...HOST, cookie, "hx-request": "true" },
    }),
  )).text();
  assert.ok(fragment.startsWith('<div id="results"'), fragment.slice(0, 40));
  assert.match(fragment, /1 result for “redis”/);
  const none = await (await d.handle(
    new Request(`${BASE}/?q=redis&type=note`, {
      headers: { ...HOST, cookie, "hx-request": "true" },
    }),
  )).text();
  assert.match(none, /No memories match\./);
});

Deno.test("POST /m/ID/delete asks first, then deletes for good", async () => {
  await using d = await dashboard(seed);
  const { cookie, csrf } = await d.signIn();
  const id = d.vault.list({ limit: 10 }).find((m) => m.type === "note")!.id;
  const ask = form({ _csrf: csrf });
  const first = await d.handle(
    new Request(`${BASE}/m/${id}/delete`, { ...ask, headers: { ...ask.headers, cookie } }),
  );
  assert.equal(first.status, 303);
  assert.equal(first.headers.get("location"), `/m/${id}/delete`);
  assert.ok(d.vault.get(id));
  const sure = form({ _csrf: csrf, confirm: "yes" });
  const second = await d.handle(
    new Request(`${BASE}/m/${id}/delete`, { ...sure, headers: { ...sure.headers, cookie } }),
  );
  assert.equal(second.status, 303);
  assert.equal(d.vault.get(id), undefined);
});

Deno.test("GET /context shows what vault_context returns, with reasons, score and tokens", async () => {
  await using d = await dashboard(seed);
  const { cookie } = await d.signIn();
  const body = await (await d.handle(
    new Request(`${BASE}/context?file=src/payments/pay.ts&task=retry+payments`, {
      headers: { ...HOST, cookie },
    }),
  )).text();
  assert.match(body, /1 memory · \d+ of 1500 tokens/);
  assert.match(body, /anchored to src\/payments\/pay\.ts/);
  assert.match(body, /<pre id="context-text">[^<]*Payment lock by payment_id/);
});

Deno.test("POST /rules/test runs one rule on a snippet", async () => {
  await using d = await dashboard(seed);
  const { cookie, csrf } = await d.signIn();
  const secret = "ghp_" + "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8";
  const rulesPage = await (await d.handle(
    new Request(`${BASE}/rules`, { headers: { ...HOST, cookie } }),
  )).text();
  const ruleId = rulesPage.match(/id="rule-([a-z0-9/-]*secret[a-z0-9/-]*)"/)?.[1] ?? "";
  assert.notEqual(ruleId, "");
  const request = form({
    _csrf: csrf,
    rule: ruleId,
    file: "src/config.ts",
    code: `const t = "${secret}";`,
  });
  const caught = await (await d.handle(
    new Request(`${BASE}/rules/test`, { ...request, headers: { ...request.headers, cookie } }),
  )).text();
  assert.match(caught, /<li class="bad">line 1:/);
  // Only the textarea echoes what was typed; the finding itself never repeats the secret.
  assert.equal(caught.split(secret).length - 1, 1);
  const clean = form({ _csrf: csrf, rule: ruleId, file: "src/config.ts", code: "const t = 1;" });
  const passed = await (await d.handle(
    new Request(`${BASE}/rules/test`, { ...clean, headers: { ...clean.headers, cookie } }),
  )).text();
  assert.match(passed, /No finding: the rule lets this snippet through\./);
});

async function post(
  d: Awaited<ReturnType<typeof dashboard>>,
  path: string,
  cookie: string,
  fields: Record<string, string>,
): Promise<Response> {
  const request = form(fields);
  return await d.handle(
    new Request(`${BASE}${path}`, { ...request, headers: { ...request.headers, cookie } }),
  );
}

async function get(d: Awaited<ReturnType<typeof dashboard>>, path: string, cookie: string) {
  return await (await d.handle(new Request(`${BASE}${path}`, { headers: { ...HOST, cookie } })))
    .text();
}

Deno.test("POST /m/ID/supersede saves the replacement; both pages show the chain", async () => {
  await using d = await dashboard(seed);
  const { cookie, csrf } = await d.signIn();
  const old = d.vault.list({ limit: 10 }).find((m) => m.type === "decision")!;
  const response = await post(d, `/m/${old.id}/supersede`, cookie, {
    _csrf: csrf,
    title: "Payment lock by order_id",
    content: "Lock on order_id now that orders own payments.",
    why: "Orders own payments since v2",
  });
  assert.equal(response.status, 303);
  const next = d.vault.get(old.id)!.superseded_by!;
  assert.equal(response.headers.get("location"), `/m/${next}?flash=Superseded+${old.id}`);
  const replacement = d.vault.get(next)!;
  assert.equal(replacement.supersedes, old.id);
  assert.equal(replacement.title, "Payment lock by order_id");
  assert.deepEqual(replacement.files, ["src/payments/pay.ts"]);
  assert.equal(d.vault.get(old.id)!.status, "superseded");
  assert.match(await get(d, `/m/${next}`, cookie), new RegExp(`href="/m/${old.id}"`));
  assert.match(await get(d, `/m/${old.id}`, cookie), new RegExp(`href="/m/${next}"`));
});

Deno.test("POST /m/ID/share writes the team file; unshare removes it; archive hides it", async () => {
  await using d = await dashboard(seed);
  const { cookie, csrf } = await d.signIn();
  const id = d.vault.list({ limit: 10 }).find((m) => m.type === "decision")!.id;
  const shared = await post(d, `/m/${id}/share`, cookie, { _csrf: csrf });
  assert.equal(shared.status, 303);
  const dir = join(d.repo, ".korva", "memories");
  const files = readdirSync(dir);
  assert.equal(files.length, 1);
  assert.ok(files[0]!.startsWith(`${id}-`), files[0]);
  assert.equal(d.vault.get(id)!.scope, "team");
  const unshared = await post(d, `/m/${id}/unshare`, cookie, { _csrf: csrf });
  assert.equal(
    unshared.headers.get("location"),
    `/m/${id}?flash=Unshared%3B+the+memory+is+private+now`,
  );
  assert.deepEqual(readdirSync(dir), []);
  assert.equal(d.vault.get(id)!.scope, "private");
  const archived = await post(d, `/m/${id}/archive`, cookie, { _csrf: csrf, back: "/review" });
  assert.equal(archived.headers.get("location"), "/review?flash=Archived");
  assert.equal(d.vault.get(id)!.status, "archived");
  assert.match(await get(d, "/?q=redis", cookie), /No memories match\./);
});

Deno.test("a bad edit goes back to the memory page with the reason, and changes nothing", async () => {
  await using d = await dashboard(seed);
  const { cookie, csrf } = await d.signIn();
  const id = d.vault.list({ limit: 10 }).find((m) => m.type === "decision")!.id;
  const response = await post(d, `/m/${id}/edit`, cookie, { _csrf: csrf, title: "   " });
  assert.equal(response.status, 303);
  const location = response.headers.get("location") ?? "";
  assert.ok(location.startsWith(`/m/${id}?error=`), location);
  assert.equal(d.vault.get(id)!.title, PAYMENT_LOCK.title);
  assert.match(
    await get(d, location, cookie),
    /<p class="error" role="alert">[^<]*title[^<]*<\/p>/,
  );
});

Deno.test("an unknown memory id or path answers 404 with one sentence and no search", async () => {
  await using d = await dashboard(seed);
  const { cookie } = await d.signIn();
  for (
    const [path, message] of [
      ["/m/01ZZZZZZZZZZZZZZZZZZZZZZZZ", 'No memory with id "01ZZZZZZZZZZZZZZZZZZZZZZZZ"'],
      ["/favicon.ico", "No page at /favicon.ico"],
    ] as const
  ) {
    const response = await d.handle(
      new Request(`${BASE}${path}`, { headers: { ...HOST, cookie } }),
    );
    assert.equal(response.status, 404);
    const body = await response.text();
    assert.match(body, new RegExp(`<p role="alert">${message.replaceAll('"', "&quot;")}</p>`));
    assert.equal(body.includes("Payment lock"), false);
  }
});

Deno.test("the review queue lists mined commits; writing one up saves a memory", async () => {
  const sha = "0123456789abcdef0123456789abcdef01234567";
  await using d = await dashboard((vault) => {
    seed(vault);
    vault.saveCandidates("shop", [{
      sha,
      subject: "fix: double charge on retry",
      message: "Retries reused the lock key of the user, not the payment.",
      author: "Test Author",
      committed_at: "2026-05-01T10:00:00Z",
      files: ["src/payments/pay.ts"],
      stat: { files: 1, insertions: 3, deletions: 1 },
      excerpt: "-lock(user_id)\n+lock(payment_id)",
      score: 7,
      reasons: ["a fix"],
    }]);
  });
  const { cookie, csrf } = await d.signIn();
  const review = await get(d, "/review", cookie);
  assert.match(review, /<strong>fix: double charge on retry<\/strong>/);
  assert.match(review, /commit 0123456789 by Test Author, 2026-05-01: a fix/);
  const response = await post(d, "/review/candidate", cookie, {
    _csrf: csrf,
    sha,
    files: "src/payments/pay.ts",
    type: "incident",
    title: "Double charge on retry",
    content: "Retries reused the user's lock key.",
    why: "Lock by payment_id",
  });
  assert.equal(response.status, 303);
  const id = (response.headers.get("location") ?? "").match(/^\/m\/([0-9A-Z]{26})\?flash=/)?.[1];
  const memory = d.vault.get(id ?? "")!;
  assert.equal(memory.type, "incident");
  assert.equal(memory.why, "Lock by payment_id");
  assert.deepEqual(memory.files, ["src/payments/pay.ts"]);
  assert.equal(memory.source, "git:0123456789ab");
  assert.equal(memory.client, "ui");
});
