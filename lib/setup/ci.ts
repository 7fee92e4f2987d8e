// `korva setup --ci github|gitlab`: a CI job that runs the sentinel on what a pull (merge) request
// adds, `korva sentinel check --diff origin/<base>...HEAD --format sarif`, and keeps the SARIF.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../atomic_write.ts";
import { KorvaError } from "../errors.ts";

/** The CI systems korva writes a job for. */
export const CI_PROVIDERS = ["github", "gitlab"] as const;
export type CiProvider = typeof CI_PROVIDERS[number];

const MARKER = "# korva-managed: written by `korva setup --ci";
const INSTALL = "curl -fsSL https://raw.githubusercontent.com/korva-dev/korva/main/install.sh" +
  " | bash -s -- --yes --no-modify-path";

/** The file a provider's job lives in (repository-relative) and its text. */
export function ciFile(provider: CiProvider): { path: string; text: string; note: string } {
  switch (provider) {
    case "github":
      return {
        path: ".github/workflows/korva-sentinel.yml",
        note:
          "GitHub runs it on every pull request and shows findings under Security > Code scanning",
        text: `${MARKER} github\`; edit freely (korva will not overwrite an edited file).
name: korva sentinel
on:
  pull_request:
permissions:
  contents: read
  security-events: write
jobs:
  sentinel:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: Install korva
        run: |
          ${INSTALL}
          echo "$HOME/.korva/bin" >> "$GITHUB_PATH"
      - name: Check what the pull request adds against the team's rules
        run: korva sentinel check --diff "origin/\${{ github.base_ref }}...HEAD" --format sarif > korva.sarif
      - name: Upload the findings to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: korva.sarif
          category: korva-sentinel
`,
      };
    case "gitlab":
      return {
        path: ".gitlab/korva-sentinel.yml",
        note: 'add it to .gitlab-ci.yml with:  include: [{ local: ".gitlab/korva-sentinel.yml" }]',
        text: `${MARKER} gitlab\`; include it from .gitlab-ci.yml:
#   include:
#     - local: .gitlab/korva-sentinel.yml
korva-sentinel:
  stage: test
  image: debian:stable-slim
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: "0"
  before_script:
    - apt-get update -qq && apt-get install -y -qq curl git unzip ca-certificates >/dev/null
    - ${INSTALL}
    - export PATH="$HOME/.korva/bin:$PATH"
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
  script:
    - korva sentinel check --diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME...HEAD" --format sarif > korva.sarif
  artifacts:
    when: always
    paths: [korva.sarif]
`,
      };
  }
}

/**
 * Write a provider's job into the repository. An existing file korva did not write is never
 * replaced (KorvaError 2); returns what happened.
 */
export function writeCiFile(
  repoRoot: string,
  provider: CiProvider,
): { path: string; state: "written" | "current"; note: string } {
  const { path, text, note } = ciFile(provider);
  const full = join(repoRoot, path);
  if (existsSync(full)) {
    const existing = readFileSync(full, "utf8");
    if (existing === text) return { path: full, state: "current", note };
    if (!existing.startsWith(MARKER)) {
      throw new KorvaError(`Cannot write "${full}": it exists and korva did not write it`, {
        exitCode: 2,
        hint: "move it aside, or add the sentinel step to it by hand (see docs/sentinel.md)",
      });
    }
  }
  writeFileAtomic(full, text);
  return { path: full, state: "written", note };
}
