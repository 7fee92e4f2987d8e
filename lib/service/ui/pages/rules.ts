// The rules page: active sentinel rules by source file, their examples, the memory each cites,
// and a box to test a rule on a snippet.
import type { Finding } from "../../../sentinel/engine.ts";
import type { RuleExample } from "../../../sentinel/rule_schema.ts";
import type { LoadedRule } from "../../../sentinel/rules.ts";
import { type Html, html } from "../html.ts";
import type { Memory, RuleHitCount } from "../../../vault/mod.ts";
import { csrfField, layout, type View } from "./layout.ts";

/** A snippet tested against a rule. */
export interface RuleTest {
  ruleId: string;
  file: string;
  code: string;
  findings: Finding[];
}

function matcherText(rule: LoadedRule): string {
  const m = rule.match;
  switch (m.kind) {
    case "pattern":
      return `pattern /${m.pattern}/${m.flags ?? ""}`;
    case "forbid-import":
      return `forbid imports from ${m.from.join(", ")} to ${m.to.join(", ")}`;
    case "require":
      return `when /${m.when}/ require /${m.must}/`;
    case "secret":
      return `secrets (${m.mode})`;
    case "max-size":
      return `files over ${m.bytes} bytes`;
    case "call":
      return `calls to /${m.callee}/${
        m.argument === undefined ? "" : ` (argument ${m.argument})`
      } built from /${m["built-from"]}/`;
  }
}

function example(e: RuleExample): Html {
  return typeof e === "string"
    ? html`<pre>${e}</pre>`
    : "code" in e
    ? html`<pre><span class="muted">${e.file}:</span>\n${e.code}</pre>`
    : html`<pre><span class="muted">${e.file}:</span> ${e.bytes} bytes</pre>`;
}

function testBox(view: View, rule: LoadedRule, test: RuleTest | undefined): Html {
  const mine = test?.ruleId === rule.id ? test : undefined;
  const id = rule.id.replaceAll("/", "-");
  return html`<form method="post" action="/rules/test#rule-${rule.id}">${csrfField(view)}
<input type="hidden" name="rule" value="${rule.id}">
<div class="form-row"><label for="t-file-${id}">File path</label><input class="wide" id="t-file-${id}" name="file" value="${
    mine?.file ?? ""
  }" placeholder="src/example.ts"></div>
<div class="form-row"><label for="t-code-${id}">Snippet</label><textarea id="t-code-${id}" name="code">${
    mine?.code ?? ""
  }</textarea></div>
<button type="submit">Test this rule</button></form>${
    mine
      ? html`<div role="status" class="test-result">${
        mine.findings.length === 0
          ? html`<p class="ok">No finding: the rule lets this snippet through.</p>`
          : html`<ul>${
            mine.findings.map((f) =>
              html`<li class="bad">line ${f.line}:${f.column} ${f.message}${
                f.suppressed ? ` (suppressed: ${f.suppressed.reason})` : ""
              }</li>`
            )
          }</ul>`
      }</div>`
      : ""
  }`;
}

function hitsText(hits: RuleHitCount | undefined): string {
  if (!hits) return "No finding reported yet";
  return `${hits.count} ${
    hits.count === 1 ? "finding" : "findings"
  } reported, the last at ${hits.last_at}`;
}

/** The rules page. */
export function rulesPage(
  view: View,
  rules: LoadedRule[],
  cited: Map<string, Memory | undefined>,
  options: {
    test?: RuleTest | undefined;
    error?: string | undefined;
    /** Findings reported per rule id (the vault's rule_hits). */
    hits?: Map<string, RuleHitCount> | undefined;
  } = {},
): Html {
  const test = options.test;
  const sources = [...new Set(rules.map((r) => r.source))];
  const body = html`<h1>Rules</h1>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ""}
<p class="muted">${rules.length} active sentinel rules from ${sources.length} files.</p>
${
    sources.map((source) =>
      html`<section><h2><code>${source}</code></h2>${
        rules.filter((r) => r.source === source).map((rule) =>
          html`
            <details class="panel" id="rule-${rule.id}"
              ${test?.ruleId === rule.id
                ? html`
                  open
                `
                : ""}><summary><code>${rule.id}</code> · ${rule.severity}${rule.title
                ? ` · ${rule.title}`
                : ""}</summary>
            <p>${rule.message}</p>
            <p class="muted hits">${hitsText(options.hits?.get(rule.id))}</p>
            <p class="muted">${matcherText(rule)}${rule.paths?.include
              ? ` · in ${rule.paths.include.join(", ")}`
              : ""}${rule.paths?.exclude ? ` · not in ${rule.paths.exclude.join(", ")}` : ""}</p>
            ${(rule.memory ?? []).length
              ? html`<p>Cites: ${
                (rule.memory ?? []).map((id) => {
                  const memory = cited.get(id);
                  return memory
                    ? html`
                      <a href="/m/${id}">${memory.title}</a> <span class="muted">(${memory
                        .status})</span>
                    `
                    : html`
                      <code>${id}</code> <span class="muted">(not in this vault)</span>
                    `;
                })
              }</p>`
              : ""}
            ${rule.examples?.bad.length
              ? html`<h3>Caught</h3>${rule.examples.bad.map(example)}`
              : ""}${rule.examples?.good.length
              ? html`<h3>Allowed</h3>${rule.examples.good.map(example)}`
              : ""}
            ${testBox(view, rule, test)}
            </details>
          `
        )
      }</section>`
    )
  }`;
  return layout(view, { title: "Rules", current: "/rules", body });
}
