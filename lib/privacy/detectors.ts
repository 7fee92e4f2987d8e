// The built-in detector catalogue as one list, in priority order (provider-specific first): for
// tests, documentation and benchmarks. The redactor builds detector files on first use instead
// (catalogue.ts).
import { detectorGroups } from "./catalogue.ts";
import type { Detector } from "./detector.ts";

/** Every built-in detector. */
export const detectors: readonly Detector[] = detectorGroups.flatMap((build) => build());
