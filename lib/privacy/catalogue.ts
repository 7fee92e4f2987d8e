// The built-in detector catalogue by group (one detector file each), in priority order
// (provider-specific first). Each file's detectors are built when its function is called: the
// redactor calls it the first time one of that file's detectors must run (issue 19), and finds
// which ones can run from lib/privacy/catalogue_index.json, the catalogue's data without the
// patterns, hooks and examples.
import type { Detector } from "./detector.ts";
import { aiDetectors } from "./detectors/ai.ts";
import { cliDetectors } from "./detectors/cli.ts";
import { cloudDetectors } from "./detectors/cloud.ts";
import { genericDetectors } from "./detectors/generic.ts";
import { messagingDetectors } from "./detectors/messaging.ts";
import { nationalIdDetectors } from "./detectors/national_ids.ts";
import { paymentDetectors } from "./detectors/payments.ts";
import { piiDetectors } from "./detectors/pii.ts";
import { positionalDetectors } from "./detectors/positional.ts";
import { proseDetectors } from "./detectors/prose.ts";
import { saasDetectors } from "./detectors/saas.ts";
import { structuralDetectors } from "./detectors/structural.ts";
import { syntaxDetectors } from "./detectors/syntax.ts";
import { vcsDetectors } from "./detectors/vcs.ts";

/** The detector files' builders, in priority order. */
export const detectorGroups: ReadonlyArray<() => Detector[]> = [
  cloudDetectors,
  vcsDetectors,
  aiDetectors,
  messagingDetectors,
  paymentDetectors,
  saasDetectors,
  structuralDetectors,
  syntaxDetectors,
  positionalDetectors,
  cliDetectors,
  genericDetectors,
  proseDetectors,
  piiDetectors,
  nationalIdDetectors,
];

/**
 * What the redactor reads of a detector before it runs: everything but pattern, hook, examples
 * (the category as a plain string, as the index's JSON has it).
 */
export type DetectorData =
  & Pick<Detector, "id" | "keywords" | "window" | "anyOf" | "maxInput" | "keep" | "gate" | "tier">
  & { category: string };

/** One entry of catalogue_index.json: a detector's data and where it is built. */
export interface CatalogueEntry extends DetectorData {
  /** Index into `detectorGroups`. */
  group: number;
  /** Position in that group's list. */
  at: number;
}

/** A detector's data, with exactly the fields it sets (the index's form). */
export function detectorData(d: Detector | DetectorData): DetectorData {
  const data: DetectorData = { id: d.id, category: d.category, keywords: [...d.keywords] };
  if (d.window !== undefined) data.window = { before: d.window.before, after: d.window.after };
  if (d.anyOf !== undefined) data.anyOf = [...d.anyOf];
  if (d.maxInput !== undefined) data.maxInput = d.maxInput;
  if (d.keep !== undefined) data.keep = d.keep;
  if (d.gate !== undefined) data.gate = d.gate;
  if (d.tier !== undefined) data.tier = d.tier;
  return data;
}

/** Each detector's data as built from the detector files, in catalogue order. */
export function catalogueEntries(): CatalogueEntry[] {
  return detectorGroups.flatMap((build, group) =>
    build().map((d, at) => ({ group, at, ...detectorData(d) }))
  );
}
