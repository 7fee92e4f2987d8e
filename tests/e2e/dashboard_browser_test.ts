// korva ui in a real browser: Debian's chromium driven by puppeteer-core signs in through the
// one-time URL, searches, opens and edits a memory, previews the context for a file, and saves a
// screenshot of each page under tests/artifacts/dashboard/. Without chromium the tests are
// reported as ignored, never passed.
/// <reference lib="dom" />
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { openVault } from "../../lib/vault/mod.ts";
import {
  freePort,
  rawHttpStatus,
  ROOT,
  runKorva,
  tempDir,
  tempHome,
  tempRepo,
  writeFiles,
} from "../_helpers.ts";
import { PAYMENT_LOCK } from "../service/ui/_fixture.ts";

const CHROMIUM = Deno.env.get("KORVA_TEST_CHROMIUM") ?? "/usr/bin/chromium";
const NO_BROWSER = !existsSync(CHROMIUM);
const ARTIFACTS = join(ROOT, "tests", "artifacts", "dashboard");

function name(text: string, ignoredBecause?: string | false): string {
  return ignoredBecause ? `${text} (ignored: ${ignoredBecause})` : text;
}

const noBrowser = NO_BROWSER && `chromium is not installed at ${CHROMIUM}`;

async function launch(profile: string): Promise<Browser> {
  return await puppeteer.launch({
    executablePath: CHROMIUM,
    protocolTimeout: 120_000,
    userDataDir: profile,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Form controls of the page that no label names (hidden fields and buttons aside). */
async function unlabelled(page: Page): Promise<string[]> {
  return await page.$$eval(
    "input:not([type=hidden]), select, textarea",
    (controls) =>
      controls.filter((c) => ((c as HTMLInputElement).labels?.length ?? 0) === 0)
        .map((c) => c.outerHTML.slice(0, 80)),
  );
}

async function shot(page: Page, file: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, file) as `${string}.png`, fullPage: true });
}

/** A temp home and repo with a seeded vault, the service started by `korva ui --print-url`. */
async function startDashboard() {
  const home = tempHome();
  const repo = tempRepo({
    "src/payments/pay.ts": "export const pay = 1;\n",
    ".korva/config.yml": "project: shop\n",
  });
  const ids: Record<string, string> = {};
  {
    using vault = openVault(join(home.korvaHome, "vault.db"), { project: "shop" });
    ids.lock = vault.save({
      ...PAYMENT_LOCK,
      tags: [...PAYMENT_LOCK.tags],
      files: [...PAYMENT_LOCK.files],
    }).memory.id;
    ids.retry = vault.save({
      type: "incident",
      title: "Retries hammered the payment provider",
      content: "Exponential backoff with jitter, at most 5 attempts.",
      files: ["src/payments/"],
    }).memory.id;
    vault.save({ type: "convention", title: "Money in cents", content: "Amounts are integers." });
    const old = vault.save({
      type: "note",
      title: "Old deploy note",
      content: "Deploy on Mondays.",
    });
    vault.supersede(old.memory.id, {
      type: "note",
      title: "Deploy note",
      content: "Deploy daily.",
    });
    {
      vault.importLines([{
        type: "pattern",
        title: "Draft: idempotency keys",
        content: "Every payment request carries an idempotency key.",
        source: "mcp",
        confirmed: false,
      }]);
      ids.draft = vault.list({ limit: 20 }).find((m) => m.title.startsWith("Draft:"))!.id;
      vault.saveCandidates("shop", [{
        sha: "0123456789abcdef0123456789abcdef01234567",
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
    }
  }
  const port = freePort();
  const env = home.env;
  const ui = await runKorva(["ui", "--port", String(port), "--print-url"], { env, cwd: repo.path });
  assert.equal(ui.code, 0, ui.stderr);
  const url = ui.stdout.trim();
  assert.match(url, new RegExp(`^http://127\\.0\\.0\\.1:${port}/login\\?code=[0-9a-f]{64}$`));
  return {
    home,
    repo,
    ids,
    port,
    url,
    base: `http://127.0.0.1:${port}`,
    [Symbol.asyncDispose]: async () => {
      await runKorva(["vault", "stop"], { env, cwd: repo.path });
      await repo[Symbol.asyncDispose]();
      await home[Symbol.asyncDispose]();
    },
  };
}

Deno.test({
  name: name(
    "korva ui --print-url: sign in, search, open, edit, preview context, every page",
    noBrowser,
  ),
  ignore: NO_BROWSER,
  sanitizeOps: false,
  sanitizeResources: false,
}, async (t) => {
  await using d = await startDashboard();
  await using profile = tempDir("korva-chromium-");
  const browser = await launch(profile.path);
  try {
    const page = await browser.newPage();
    // CI runs the suite in parallel on 2 cores: give a slow page time rather than fail.
    page.setDefaultTimeout(60_000);
    await page.setViewport({ width: 1280, height: 900 });
    const blocked: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(d.base) && !request.url().startsWith("data:")) {
        blocked.push(request.url());
      }
    });
    const typingRequests: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["x-korva-typing"] === "1") typingRequests.push(request.url());
    });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) {
        violations.push(message.text());
      }
    });

    await t.step("the one-time URL signs in and lands on the search page", async () => {
      const response = await page.goto(d.url, { waitUntil: "networkidle0" });
      assert.equal(response?.status(), 200);
      assert.equal(page.url(), `${d.base}/`);
      assert.equal(await page.$eval("h1", (e) => e.textContent), "Search memories");
      const cookies = await browser.cookies();
      const session = cookies.find((c) => c.name === `korva_ui_${d.port}`);
      assert.equal(session?.httpOnly, true);
      assert.equal(session?.sameSite, "Strict");
      await shot(page, "search-start.png");
      assert.deepEqual(await unlabelled(page), [], "search: every control has a label");
    });

    await t.step(
      "/ focuses search; typing shows marked results; arrows and Enter open one",
      async () => {
        await page.click("h1");
        await page.keyboard.press("/");
        assert.equal(await page.evaluate(() => document.activeElement?.id), "q");
        await page.keyboard.type("redis lock");
        await page.waitForFunction(
          () => document.querySelector("#results mark")?.textContent?.toLowerCase() === "redis",
        );
        assert.equal(
          await page.$eval("#results a.result-link", (e) => e.textContent),
          "Payment lock by payment_id",
        );
        await shot(page, "search.png");
        assert.ok(
          typingRequests.some((url) => url.startsWith(`${d.base}/?q=redis`)),
          "requests sent while typing say so (full-text ranking only)",
        );
        await page.keyboard.press("ArrowDown");
        assert.equal(
          await page.evaluate(() => document.activeElement?.textContent),
          "Payment lock by payment_id",
        );
        await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
        assert.equal(page.url(), `${d.base}/m/${d.ids.lock}`);
      },
    );

    await t.step(
      "a memory page shows fields, anchors and actions; editing writes the vault",
      async () => {
        assert.equal(await page.$eval("h1", (e) => e.textContent), "Payment lock by payment_id");
        assert.match(
          await page.$eval("#main", (e) => e.textContent ?? ""),
          /src\/payments\/pay\.ts/,
        );
        await shot(page, "memory.png");
        assert.deepEqual(await unlabelled(page), [], "memory: every control has a label");
        await page.click("#edit summary");
        await page.$eval("#e-title", (e) => ((e as HTMLInputElement).value = ""));
        await page.type("#e-title", "Payment lock by payment_id and order_id");
        await Promise.all([page.waitForNavigation(), page.click("#edit button[type=submit]")]);
        assert.equal(await page.$eval(".flash", (e) => e.textContent), "Saved");
        {
          using vault = openVault(join(d.home.korvaHome, "vault.db"), { readonly: true });
          assert.equal(vault.get(d.ids.lock!)?.title, "Payment lock by payment_id and order_id");
          assert.equal(vault.history(d.ids.lock!).length, 1);
        }
        assert.match(
          await page.$eval("#main", (e) => e.innerHTML),
          /<ins>\s?and order_id<\/ins>/,
        );
        await shot(page, "memory-edited.png");
      },
    );

    await t.step("the review queue lists the draft; Confirm clears it in the vault", async () => {
      await page.goto(`${d.base}/review`);
      assert.equal(
        await page.$eval("#h-draft + ul a.result-link", (e) => e.textContent),
        "Draft: idempotency keys",
      );
      assert.match(
        await page.$eval("#h-candidate", (e) => e.textContent ?? ""),
        /^Commits worth a memory \(from korva mine git\) \(1\)$/,
      );
      await shot(page, "review-drafts.png");
      await Promise.all([
        page.waitForNavigation(),
        page.click(`form[action="/m/${d.ids.draft}/confirm"] button`),
      ]);
      assert.equal(page.url(), `${d.base}/review?flash=Confirmed`);
      assert.equal(await page.$eval(".flash", (e) => e.textContent), "Confirmed");
      assert.equal(await page.$("#h-draft"), null);
      using vault = openVault(join(d.home.korvaHome, "vault.db"), { readonly: true });
      assert.equal(vault.get(d.ids.draft!)?.confirmed, true);
    });

    await t.step(
      "What the AI sees lists the context for a file with reasons and budget",
      async () => {
        await page.goto(`${d.base}/context`);
        await page.type("#c-file", "src/payments/pay.ts");
        await Promise.all([page.waitForNavigation(), page.click("#c-go")]);
        const rows = await page.$$eval("tbody tr", (trs) => trs.map((tr) => tr.textContent ?? ""));
        assert.ok(rows[0]?.includes("Payment lock by payment_id and order_id"), rows[0]);
        assert.match(rows[0] ?? "", /anchored to src\/payments\/pay\.ts/);
        assert.match(await page.$eval("#h-chosen", (e) => e.textContent ?? ""), /of 1500 tokens$/);
        await shot(page, "context.png");
        assert.deepEqual(await unlabelled(page), [], "context: every control has a label");
      },
    );

    await t.step("review, overview and rules render", async () => {
      const pages = [["/review", "Review"], ["/overview", "Overview"], [
        "/rules",
        "Rules",
      ]] as const;
      for (const [path, heading] of pages) {
        const response = await page.goto(`${d.base}${path}`);
        assert.equal(response?.status(), 200, path);
        assert.equal(await page.$eval("h1", (e) => e.textContent), heading);
        await shot(page, `${path.slice(1)}.png`);
        assert.deepEqual(await unlabelled(page), [], `${path}: every control has a label`);
      }
      assert.ok((await page.$$("details.panel")).length > 0, "the rules page lists rules");
    });

    await t.step("the rules page tests a rule on a snippet", async () => {
      await page.goto(`${d.base}/rules`);
      const rule = "hygiene/debugger-statement";
      await page.click(`[id="rule-${rule}"] summary`);
      await page.type("#t-file-hygiene-debugger-statement", "src/app.ts");
      await page.type("#t-code-hygiene-debugger-statement", "function f() {\n  debugger;\n}\n");
      await Promise.all([
        page.waitForNavigation(),
        page.click(`[id="rule-${rule}"] form button`),
      ]);
      const result = await page.$eval(`[id="rule-${rule}"] .test-result`, (e) => e.textContent);
      assert.match(result ?? "", /^line 2:3 /);
      await shot(page, "rules-test.png");
    });

    await t.step(
      "the overview draws its charts with uPlot from the vault's counts and shows recalls and rule hits",
      async () => {
        // A real finding through the CLI (what the pre-commit hook runs) and a memory opened here.
        writeFiles(d.repo.path, { "src/app.ts": "function f() {\n  debugger;\n}\n" });
        const check = await runKorva(["sentinel", "check", "--files", "src/app.ts"], {
          env: d.home.env,
          cwd: d.repo.path,
        });
        assert.ok(check.code === 0 || check.code === 1, check.stderr);
        await page.goto(`${d.base}/m/${d.ids.lock}`);
        await page.goto(`${d.base}/overview`, { waitUntil: "networkidle0" });
        await page.waitForFunction(() => document.documentElement.dataset.chartsDrawn === "5");
        using vault = openVault(join(d.home.korvaHome, "vault.db"), { readonly: true });
        const stats = vault.stats();
        const drawn = (id: string) =>
          page.$eval(`#${id} .chart-plot`, (element) => {
            const plot = (element as HTMLElement & {
              korvaChart?: { data: number[][]; root: HTMLElement };
            }).korvaChart;
            const canvas = element.querySelector(".uplot canvas") as HTMLCanvasElement | null;
            const pixels = canvas?.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height)
              .data;
            let painted = 0;
            for (let i = 3; i < (pixels?.length ?? 0); i += 4) if (pixels![i]! > 0) painted++;
            return {
              library: plot?.root.classList.contains("uplot") ?? false,
              labels: JSON.parse((element as HTMLElement).dataset.chart ?? "{}").labels,
              values: plot?.data[1] ?? [],
              painted,
            };
          });
        for (
          const [id, counts] of [
            ["chart-type", stats.byType],
            ["chart-project", stats.byProject],
            ["chart-scope", stats.byScope],
            ["chart-status", stats.byStatus],
          ] as const
        ) {
          const chart = await drawn(id);
          assert.equal(chart.library, true, `${id} is a uPlot chart`);
          assert.deepEqual(chart.labels, Object.keys(counts), id);
          assert.deepEqual(chart.values, Object.values(counts), id);
          assert.ok(chart.painted > 500, `${id}: ${chart.painted} painted pixels`);
        }
        const weeks = await drawn("chart-weeks");
        assert.deepEqual(weeks.values, vault.addedPerWeek(12, new Date()).map((w) => w.count));
        assert.equal(weeks.library, true);

        const recalled = await page.$$eval(
          "#most-recalled tbody tr",
          (rows) =>
            rows.map((row) => [
              row.querySelector("a")?.getAttribute("href") ?? "",
              Number(row.querySelector("td.num")?.textContent),
            ]),
        );
        assert.deepEqual(
          recalled,
          vault.mostRecalled(10).map((r) => [`/m/${r.memory_id}`, r.count]),
        );
        assert.ok(recalled.some(([href]) => href === `/m/${d.ids.lock}`));
        const hits = vault.ruleHits().find((hit) => hit.rule_id === "hygiene/debugger-statement");
        assert.equal(hits?.count, 1);
        const row = await page.$eval(
          'a[href="/rules#rule-hygiene/debugger-statement"]',
          (a) => Array.from(a.closest("tr")!.querySelectorAll("td")).map((td) => td.textContent),
        );
        assert.deepEqual(row.slice(4), ["1", hits!.last_at]);
        await shot(page, "overview-charts.png");
        await page.goto(`${d.base}/rules`);
        assert.equal(
          await page.$eval('[id="rule-hygiene/debugger-statement"] .hits', (p) => p.textContent),
          `1 finding reported, the last at ${hits!.last_at}`,
        );
      },
    );

    await t.step("dark mode and a narrow window", async () => {
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
      await page.goto(`${d.base}/overview`);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, "rgb(15, 19, 24)");
      await shot(page, "overview-dark.png");
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(`${d.base}/m/${d.ids.retry}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
      assert.equal(overflow, false, "the memory page fits a 390 px window");
      await shot(page, "memory-narrow-dark.png");
    });

    assert.deepEqual(blocked, [], "nothing loaded from the network");
    assert.deepEqual(violations, [], "no CSP violations");
  } finally {
    await browser.close();
  }
});

Deno.test({
  name: name(
    "the running dashboard refuses no cookie, a foreign Origin, a rebinding Host, no CSRF token",
    noBrowser,
  ),
  ignore: NO_BROWSER,
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await using d = await startDashboard();
  await using profile = tempDir("korva-chromium-");
  const browser = await launch(profile.path);
  try {
    const page = await browser.newPage();
    await page.goto(d.url);
    const cookie = (await browser.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

    const fresh = await browser.createBrowserContext();
    const stranger = await fresh.newPage();
    const anonymous = await stranger.goto(`${d.base}/`);
    assert.equal(anonymous?.status(), 401);
    assert.equal((await stranger.content()).includes("Payment lock"), false);
    await shot(stranger, "signed-out.png");
    await fresh.close();

    const foreign = await fetch(`${d.base}/m/${d.ids.lock}/archive`, {
      method: "POST",
      headers: {
        cookie,
        origin: "http://attacker.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "",
    });
    assert.equal(foreign.status, 403);
    assert.equal(await foreign.text(), "Cross-origin requests are refused\n");

    const request =
      `GET / HTTP/1.1\r\nHost: attacker.example:${d.port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`;
    assert.equal(await rawHttpStatus(d.port, request), 421);

    const noToken = await fetch(`${d.base}/m/${d.ids.lock}/archive`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    assert.equal(noToken.status, 403);
    assert.equal(await noToken.text(), "Missing or wrong CSRF token: reload the page\n");
    using vault = openVault(join(d.home.korvaHome, "vault.db"), { readonly: true });
    assert.equal(vault.get(d.ids.lock!)?.status, "active");
  } finally {
    await browser.close();
  }
});
