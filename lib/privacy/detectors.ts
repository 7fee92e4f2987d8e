// The built-in detector catalogue, in priority order (provider-specific first).
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

/** Every built-in detector. */
export const detectors: readonly Detector[] = [
  ...cloudDetectors,
  ...vcsDetectors,
  ...aiDetectors,
  ...messagingDetectors,
  ...paymentDetectors,
  ...saasDetectors,
  ...structuralDetectors,
  ...syntaxDetectors,
  ...positionalDetectors,
  ...cliDetectors,
  ...genericDetectors,
  ...proseDetectors,
  ...piiDetectors,
  ...nationalIdDetectors,
];
