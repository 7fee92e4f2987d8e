// The redactor over validated privacy settings: compile the detectors once per configuration,
// then find and replace secrets and personal data in any text. Pure: no I/O, no clock, no
// globals mutated. Free of zod: the edit-time gate builds one from settings validated before
// (config.json through its cache); redact.ts validates raw settings first (issue 19).
import { PrivacySettingsError } from "./errors.ts";
import type { PrivacyConfig } from "./config.ts";
import { credibleInGate, isPlaceholderSecret } from "./checks.ts";
import { isPiiCategory } from "./category.ts";
import type { Detector } from "./detector.ts";
import { type CatalogueEntry, type DetectorData, detectorGroups } from "./catalogue.ts";
import catalogueIndex from "./catalogue_index.json" with { type: "json" };

/** The catalogue's generated index: each detector's data, the keyword list and its automaton. */
const index = catalogueIndex as {
  detectors: CatalogueEntry[];
  keywords: string[];
  tables: string;
};
import type { RedactMode } from "./mode.ts";
import {
  checkKeyword,
  compileKeywords,
  decodeKeywordTables,
  type KeywordScanner,
  scannerOver,
} from "./keywords.ts";
import { hasNestedQuantifier } from "./regex_shape.ts";

export type { RedactMode } from "./mode.ts";

/** One detector hit: offsets into the input, never the secret itself. */
export interface Finding {
  detector: string;
  category: string;
  start: number;
  end: number;
}

/** Redacted text plus what was found. */
export interface RedactResult {
  text: string;
  findings: Finding[];
}

/** A compiled redactor for one configuration. */
export interface Redactor {
  redact(text: string, options?: { mode?: RedactMode }): RedactResult;
  scan(text: string, options?: { mode?: RedactMode }): Finding[];
}

/** The marker that replaces a secret; also how redacted text is recognised (idempotence). */
export const MARKER_PREFIX = "[REDACTED:";

/** The marker text for a detector id. */
export function marker(id: string): string {
  return `${MARKER_PREFIX}${id}]`;
}

const PRIVATE_ID = "private";
/** The longest input a custom pattern without keywords runs over at once. */
const CUSTOM_MAX_INPUT = 2048;
/** How far consecutive bounded windows overlap, so a match on a boundary is still seen whole. */
const WINDOW_OVERLAP = 512;
/** How far a window edge may move to avoid cutting a token in half (a long token is redacted whole). */
const EDGE_SLACK = 65536;

/** A detector known by its data; its pattern and refine hook are read when it first runs. */
interface Entry {
  data: DetectorData;
  detector: () => Detector;
  /** Its distinct keywords' indices in the redactor's keyword list, set when first needed. */
  keywordIds?: number[];
}

interface Compiled {
  data: DetectorData;
  detector: () => Detector;
  order: number;
  tier: number;
  /** The pattern with the flags the scan needs, compiled on the detector's first run. */
  re: RegExp | undefined;
  /** The set's compiled patterns by flags and source: detectors with the same one share it. */
  patterns?: Map<string, RegExp>;
  sticky: boolean;
  /** A keyword-less pattern's first character when it is a fixed one (leadingLiteral). */
  lead?: string | null;
  /** Its pattern, sticky, tried at each occurrence of `lead`. */
  leadRe?: RegExp;
  /** Whether placeholders are dropped (not for personal data or custom patterns). */
  checkPlaceholder: boolean;
  /** Whether the gate mode keeps only values with a credential's shape (`gate: "strict"`). */
  strictInGate: boolean;
}

interface Candidate {
  compiled: Compiled;
  start: number;
  end: number;
}

/**
 * The redactor for validated settings, over the built-in catalogue: a detector file is built the
 * first time one of its detectors runs (catalogue.ts).
 */
export function redactorFor(settings: PrivacyConfig): Redactor {
  return redactorOver(catalogueEntries(), settings, index.keywords);
}

/**
 * A redactor over an explicit detector list and validated settings (defaults applied). Throws
 * PrivacySettingsError on a bad allow or custom pattern.
 */
export function compileRedactor(builtIn: readonly Detector[], settings: PrivacyConfig): Redactor {
  return redactorOver(builtIn.map(entryOf), settings);
}

function entryOf(detector: Detector): Entry {
  return { data: detector, detector: () => detector };
}

/**
 * The catalogue's entries from catalogue_index.json; each detector file is built once, when the
 * first of its detectors is read, and checked against the index.
 */
function catalogueEntries(): Entry[] {
  const built: Array<Detector[] | undefined> = [];
  const groupOf = (group: number): Detector[] => {
    const cached = built[group];
    if (cached) return cached;
    const list = detectorGroups[group]!();
    let count = 0;
    for (const entry of index.detectors) {
      if (entry.group !== group) continue;
      const d = list[entry.at];
      if (!d || !sameData(d, entry)) count = -1;
      if (count === -1) break;
      count++;
    }
    if (count !== list.length) {
      throw new Error(
        "lib/privacy/catalogue_index.json does not match the detector files: regenerate it with " +
          "KORVA_UPDATE_CATALOGUE_INDEX=1 deno test -A tests/privacy/catalogue_index_test.ts",
      );
    }
    return (built[group] = list);
  };
  return index.detectors.map((data) => ({
    data,
    detector: () => groupOf(data.group)[data.at]!,
  }));
}

/** Whether a detector's data is the index entry's. */
function sameData(d: Detector, entry: CatalogueEntry): boolean {
  const same = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) =>
    a === b || (a !== undefined && b !== undefined && a.length === b.length &&
      a.every((x, i) => x === b[i]));
  return d.id === entry.id && d.category === entry.category && d.gate === entry.gate &&
    d.tier === entry.tier && d.keep === entry.keep && d.maxInput === entry.maxInput &&
    d.window?.before === entry.window?.before && d.window?.after === entry.window?.after &&
    same(d.keywords, entry.keywords) && same(d.anyOf, entry.anyOf);
}

/**
 * A redactor over detector entries. `catalogueKeywords` is the catalogue's keyword list when the
 * entries are the catalogue's (from the index, built with it), so it need not be worked out again.
 */
function redactorOver(
  builtIn: readonly Entry[],
  settings: PrivacyConfig,
  catalogueKeywords?: readonly string[],
): Redactor {
  const disabled = new Set(settings.disabled);
  const allowed = new Set(settings.allow);
  const allowPatterns = settings.allowPatterns.map((source) =>
    compileUserRegex(source, "", `allow pattern "${source}"`)
  );
  const piiOn = (category: string): boolean => {
    if (settings.pii === false) return false;
    if (settings.pii === true) return true;
    const key = category.slice(4) as keyof typeof settings.pii;
    return settings.pii[key] ?? true;
  };

  const all: Entry[] = [
    ...builtIn,
    ...settings.custom.map((custom): Entry => {
      const pattern = compileUserRegex(
        custom.pattern,
        custom.flags,
        `custom pattern "${custom.id}"`,
      );
      if (hasNestedQuantifier(custom.pattern)) {
        throw new PrivacySettingsError(
          `Cannot use custom pattern "${custom.id}": it can backtrack catastrophically (a repeated group containing a repeat, e.g. (a+)+)`,
          "use a bounded form such as {0,50} in the privacy section of config.json",
        );
      }
      if (pattern.test("")) {
        throw new PrivacySettingsError(
          `Cannot use custom pattern "${custom.id}": it matches the empty string`,
        );
      }
      return entryOf({
        id: custom.id,
        category: custom.category,
        description: `Custom pattern ${custom.id}`,
        // Checked now: the keyword pass is compiled on first use, a bad keyword fails here.
        keywords: custom.keywords.map((k) => {
          checkKeyword(k.toLowerCase());
          return k.toLowerCase();
        }),
        pattern,
        // Bounded input: a custom pattern only ever sees a window of at most a few KB, so even a
        // polynomial backtracking shape costs milliseconds, never minutes.
        window: { before: 256, after: 1024 },
        maxInput: CUSTOM_MAX_INPUT,
        keep: custom.keep,
        tier: 3,
        examples: { match: [], ignore: [] },
      });
    }),
  ];
  const active = all.filter(({ data }) =>
    !disabled.has(data.id) && (!isPiiCategory(data.category) || piiOn(data.category))
  );
  // One keyword pass for every detector, active or not, in both modes: the built-in catalogue's
  // is precomputed (keyword_tables.json), so a redactor over it costs no automaton to build.
  const keywords = catalogueKeywords && settings.custom.length === 0
    ? catalogueKeywords
    : keywordList(all.map((e) => e.data));
  const keywordIds = { list: keywords, ids: keywordIndex(keywords) };
  let scanner: KeywordScanner | undefined;
  const scanKeywords = (): KeywordScanner => (scanner ??= keywordScanner(keywords));
  // Each mode's set is compiled on first use: hooks and the CLI only ever redact, and the
  // edit-time gate scans in gate mode and redacts only the excerpt of a finding.
  let redactSet: CompiledSet | undefined;
  let gateSet: CompiledSet | undefined;
  const setFor = (mode: RedactMode): CompiledSet =>
    mode === "redact"
      ? (redactSet ??= compileSet(active, keywordIds, scanKeywords))
      : (gateSet ??= compileSet(
        active.filter((e) => e.data.gate !== false),
        keywordIds,
        scanKeywords,
      ));

  const isAllowed = (text: string, start: number, end: number): boolean => {
    if (allowed.size === 0 && allowPatterns.length === 0) return false;
    const value = text.slice(start, end);
    if (allowed.has(value)) return true;
    return allowPatterns.some((re) => {
      re.lastIndex = 0;
      return re.test(value);
    });
  };

  const scan = (text: string, options: { mode?: RedactMode } = {}): Finding[] => {
    const mode = options.mode ?? "redact";
    return clusters(findCandidates(text, setFor(mode), mode, isAllowed)).map((c) => ({
      detector: c.best.compiled.data.id,
      category: c.best.compiled.data.category,
      start: c.start,
      end: c.end,
    }));
  };

  return {
    scan,
    redact(text, options = {}) {
      const mode = options.mode ?? "redact";
      const found = clusters(findCandidates(text, setFor(mode), mode, isAllowed));
      if (found.length === 0) return { text, findings: [] };
      let out = "";
      let at = 0;
      for (const c of found) {
        const d = c.best.compiled.data;
        const keep = d.keep && c.best.start === c.start ? Math.min(d.keep, c.end - c.start) : 0;
        out += text.slice(at, c.start);
        out += keep > 0 ? `${text.slice(c.start, c.start + keep)}…${marker(d.id)}` : marker(d.id);
        at = c.end;
      }
      out += text.slice(at);
      return {
        text: out,
        findings: found.map((c) => ({
          detector: c.best.compiled.data.id,
          category: c.best.compiled.data.category,
          start: c.start,
          end: c.end,
        })),
      };
    },
  };
}

function compileUserRegex(source: string, flags: string, what: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new PrivacySettingsError(
      `Cannot use ${what}: ${error instanceof Error ? error.message : String(error)}`,
      "fix the regular expression in the privacy section of config.json",
    );
  }
}

/**
 * The keyword pass's list: every detector's keywords once, in catalogue order, then the marker
 * prefix and `<private`, which ride along in it instead of two more passes.
 */
export function keywordList(detectors: readonly DetectorData[]): string[] {
  const seen = new Set<string>();
  for (const d of detectors) for (const k of d.keywords) seen.add(k);
  return [...seen, MARKER_PREFIX.toLowerCase(), "<private"];
}

/** The scanner for a keyword list: from the precomputed tables when they are for this list. */
function keywordScanner(keywords: readonly string[]): KeywordScanner {
  const same = keywords === index.keywords || (index.keywords.length === keywords.length &&
    index.keywords.every((k, i) => k === keywords[i]));
  return same
    ? scannerOver(keywords, decodeKeywordTables(index.tables))
    : compileKeywords(keywords);
}

/** An entry's distinct keywords' indices in the keyword list (worked out once per entry). */
type KeywordIndex = (entry: Entry) => number[];

function keywordIndex(keywords: readonly string[]): KeywordIndex {
  let indexOf: Map<string, number> | undefined;
  return (entry) => {
    if (entry.keywordIds) return entry.keywordIds;
    indexOf ??= new Map(keywords.map((k, i) => [k, i]));
    const ids: number[] = [];
    for (const k of entry.data.keywords) {
      const i = indexOf.get(k)!;
      if (!ids.includes(i)) ids.push(i);
    }
    return (entry.keywordIds = ids);
  };
}

interface CompiledSet {
  list: Compiled[];
  /** This set's detectors by keyword index (undefined: none of them has that keyword). */
  byKeyword: Array<Compiled[] | undefined>;
  /** Detectors with no keywords: their pattern runs over the whole text. */
  everywhere: Compiled[];
  /** One pass finds every keyword, plus existing markers and `<private` blocks. */
  scanKeywords: () => KeywordScanner;
  /** How many keywords the pass knows (the marker prefix and `<private` ride last). */
  keywordCount: number;
  markerKeyword: number;
  privateKeyword: number;
}

function compileSet(
  entries: Entry[],
  keywords: { list: readonly string[]; ids: KeywordIndex },
  scanKeywords: () => KeywordScanner,
): CompiledSet {
  const patterns = new Map<string, RegExp>();
  const list = entries.map(({ data, detector }, order): Compiled => ({
    data,
    detector,
    order,
    tier: data.tier ?? 3,
    re: undefined,
    patterns,
    sticky: data.window === undefined && data.keywords.length > 0,
    checkPlaceholder: !isPiiCategory(data.category) && data.category !== "custom",
    strictInGate: data.gate === "strict",
  }));
  const byKeyword: Array<Compiled[] | undefined> = [];
  list.forEach((c, i) => {
    for (const id of keywords.ids(entries[i]!)) (byKeyword[id] ??= []).push(c);
  });
  return {
    list,
    byKeyword,
    everywhere: list.filter((c) => c.data.keywords.length === 0),
    scanKeywords,
    keywordCount: keywords.list.length,
    markerKeyword: keywords.list.length - 2,
    privateKeyword: keywords.list.length - 1,
  };
}

/** The detector's pattern as the scan runs it (sticky at a keyword, else global), with indices. */
function regexOf(compiled: Compiled): RegExp {
  if (compiled.re) return compiled.re;
  const pattern = compiled.detector().pattern;
  const flags = [
    ...new Set(pattern.flags.replace(/[gyd]/g, "") + (compiled.sticky ? "yd" : "gd")),
  ].join("");
  // One RegExp per pattern and flags, so detectors reading the same shape (password-assignment,
  // generic-high-entropy) share a run at a keyword hit (see findCandidates).
  const key = `${flags}/${pattern.source}`;
  const re = compiled.patterns?.get(key) ?? new RegExp(pattern.source, flags);
  compiled.patterns?.set(key, re);
  return (compiled.re = re);
}

function findCandidates(
  text: string,
  set: CompiledSet,
  mode: RedactMode,
  isAllowed: (text: string, start: number, end: number) => boolean,
): Candidate[] {
  const out: Candidate[] = [];
  const hits: number[] = [];
  const markerHits: number[] = [];
  let privateSeen = false;
  set.scanKeywords()(text, (start, keyword) => {
    if (keyword === set.markerKeyword) markerHits.push(start);
    else if (keyword === set.privateKeyword) privateSeen = true;
    else if (set.byKeyword[keyword] !== undefined) hits.push(start, keyword);
  });
  const markers = markerSpans(text, markerHits);
  const accept = (compiled: Compiled, match: RegExpExecArray, offset: number) => {
    // A refine hook reads every group's offsets in the whole text, also for a window's match.
    if (offset !== 0) shiftMatch(match, offset);
    const span = match.indices?.groups?.secret ?? match.indices?.[0];
    if (!span) return;
    const refine = compiled.detector().refine;
    if (!refine) {
      keep(compiled, Math.min(match.index, span[0]), span[0], span[1]);
      return;
    }
    const refined = refine({ text, match, start: span[0], end: span[1], mode });
    if (!refined) return;
    if (!Array.isArray(refined)) {
      keep(compiled, Math.min(match.index, refined.start), refined.start, refined.end);
    } else for (const one of refined) keep(compiled, one.start, one.start, one.end);
  };
  /** Keep a span unless a check drops it; `from` is where its match (key name included) starts. */
  const keep = (compiled: Compiled, from: number, start: number, end: number) => {
    if (end <= start) return;
    if (mode === "gate" && compiled.strictInGate && !credibleInGate(text.slice(start, end))) return;
    // Documentation placeholders with a real prefix are not secrets, in either mode.
    if (compiled.checkPlaceholder && isPlaceholderSecret(text.slice(start, end))) return;
    // Never re-redact a marker or read a key name out of one: redacting twice = once.
    if (markers.length > 0 && overlapsMarker(markers, from, end)) {
      return;
    }
    if (isAllowed(text, start, end)) return;
    out.push({ compiled, start, end });
  };

  if (privateSeen) addPrivateBlocks(text, out);

  {
    // The automaton reports hits by end position; detectors want them by start, then keyword:
    // one number per hit (start × keyword count + keyword, exact in a double) sorted natively.
    const keywordCount = set.keywordCount;
    const order = new Float64Array(hits.length / 2);
    for (let i = 0; i < order.length; i++) {
      order[i] = hits[2 * i]! * keywordCount + hits[2 * i + 1]!;
    }
    order.sort();
    // Per-detector state in arrays indexed by the detector's order (no hashing per hit).
    const count = set.list.length;
    const lastRun = new Int32Array(count).fill(-1);
    const matchedUntil = new Int32Array(count).fill(-1);
    const windows: Array<Array<[number, number]> | undefined> = new Array(count);
    const windowed: Compiled[] = [];
    // The last sticky run: detectors sharing a pattern share its run at a hit.
    let lastRe: RegExp | undefined;
    let lastPos = -1;
    let lastMatch: RegExpExecArray | null = null;
    for (const key of order) {
      const pos = Math.floor(key / keywordCount);
      const keyword = key - pos * keywordCount;
      for (const compiled of set.byKeyword[keyword]!) {
        const at = compiled.order;
        if (lastRun[at] === pos) continue;
        lastRun[at] = pos;
        if (compiled.sticky) {
          // Like a global regex, a detector's matches never overlap: skip hits inside the last.
          if (matchedUntil[at]! > pos) continue;
          const re = regexOf(compiled);
          let match: RegExpExecArray | null;
          if (re === lastRe && pos === lastPos) match = lastMatch;
          else {
            re.lastIndex = pos;
            match = re.exec(text);
            lastRe = re;
            lastPos = pos;
            lastMatch = match;
          }
          if (match) {
            matchedUntil[at] = pos + match[0].length;
            accept(compiled, match, 0);
          }
          continue;
        }
        const w = compiled.data.window!;
        const start = Math.max(0, pos - w.before);
        const end = Math.min(text.length, pos + w.after);
        const list = windows[at];
        const last = list?.[list.length - 1];
        const max = compiled.data.maxInput;
        if (last && start <= last[1] && (max === undefined || end - last[0] <= max)) {
          last[1] = Math.max(last[1], end);
        } else if (list) list.push([start, end]);
        else {
          windows[at] = [[start, end]];
          windowed.push(compiled);
        }
      }
    }
    for (const compiled of windowed) {
      const list = windows[compiled.order]!;
      for (const [rawStart, rawEnd] of list) {
        // Custom patterns get no widening beyond their bound (a huge line would undo it).
        const bounded = compiled.data.maxInput !== undefined;
        const start = bounded ? rawStart : widenLeft(text, rawStart);
        const end = bounded ? rawEnd : widenRight(text, rawEnd);
        const slice = text.slice(start, end);
        const re = regexOf(compiled);
        re.lastIndex = 0;
        for (let m = re.exec(slice); m; m = re.exec(slice)) {
          accept(compiled, m, start);
          if (m[0].length === 0) re.lastIndex++;
        }
      }
    }
  }
  for (const compiled of set.everywhere) {
    const anyOf = compiled.data.anyOf;
    if (anyOf && !anyOf.some((literal) => text.includes(literal))) continue;
    const max = compiled.data.maxInput;
    if (max === undefined || text.length <= max) {
      runOver(compiled, text, 0, accept);
      continue;
    }
    for (let at = 0; at < text.length; at += max - WINDOW_OVERLAP) {
      runOver(compiled, text.slice(at, at + max), at, accept);
      if (at + max >= text.length) break;
    }
  }
  return out;
}

/** Move a match found in a slice of the text to the text's offsets (index and every group). */
function shiftMatch(match: RegExpExecArray, offset: number): void {
  match.index += offset;
  const indices = match.indices;
  if (!indices) return;
  for (let i = 0; i < indices.length; i++) {
    const span = indices[i];
    if (span) indices[i] = [span[0] + offset, span[1] + offset];
  }
  const groups = indices.groups;
  if (!groups) return;
  for (const name of Object.keys(groups)) {
    const span = groups[name];
    if (span) groups[name] = [span[0] + offset, span[1] + offset];
  }
}

function runOver(
  compiled: Compiled,
  slice: string,
  offset: number,
  accept: (compiled: Compiled, match: RegExpExecArray, offset: number) => void,
): void {
  const re = regexOf(compiled);
  if (compiled.lead === undefined) compiled.lead = leadingLiteral(re);
  if (compiled.lead !== null) {
    // Every match starts with this character: jump between its occurrences (a native search)
    // and try the pattern there, instead of letting the regex engine step through every
    // position. The matches are the global run's: the leftmost from where the last one ended.
    const sticky = compiled.leadRe ??= new RegExp(re.source, re.flags.replace("g", "y"));
    const lead = compiled.lead;
    for (let at = slice.indexOf(lead); at !== -1;) {
      sticky.lastIndex = at;
      const m = sticky.exec(slice);
      if (m) {
        accept(compiled, m, offset);
        at = slice.indexOf(lead, sticky.lastIndex);
      } else at = slice.indexOf(lead, at + 1);
    }
    return;
  }
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    accept(compiled, m, offset);
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Characters that are not a literal when a pattern starts with them. */
const REGEX_SYNTAX = new Set("\\^$.|?*+()[]{}");

/**
 * The character every match of a pattern starts with, or null: the pattern's first atom when it
 * is a literal (plain or an escaped symbol) that is neither quantified nor case-folded, with no
 * alternation at the top level (`:[0-9a-f]{0,4}:` → ":").
 */
export function leadingLiteral(re: RegExp): string | null {
  const source = re.source;
  let lead: string;
  let next: number;
  if (source[0] === "\\" && source.length > 1 && /[^\w\s]/.test(source[1]!)) {
    lead = source[1]!;
    next = 2;
  } else if (source.length > 0 && !REGEX_SYNTAX.has(source[0]!)) {
    lead = source[0]!;
    next = 1;
  } else return null;
  if (re.flags.includes("i") && lead.toLowerCase() !== lead.toUpperCase()) return null;
  if (lead.charCodeAt(0) >= 0xd800 && lead.charCodeAt(0) <= 0xdfff) return null;
  if (/^(?:[?*+]|\{\d)/.test(source.slice(next))) return null;
  let depth = 0;
  for (let i = next; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") {
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
    } else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return null;
  }
  return lead;
}

/** The spans of `[REDACTED:…]` markers (as written or lower-cased) at the keyword hits. */
function markerSpans(text: string, starts: number[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const lower = MARKER_PREFIX.toLowerCase();
  for (const at of starts) {
    const prefix = text.slice(at, at + MARKER_PREFIX.length);
    if (prefix !== MARKER_PREFIX && prefix !== lower) continue;
    const close = text.indexOf("]", at);
    if (close === -1 || close - at > 80) continue;
    // The kept prefix and ellipsis before a marker belong to it too.
    const lead = text[at - 1] === "…" ? Math.max(0, at - 17) : at;
    spans.push([lead, close + 1]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

function overlapsMarker(spans: Array<[number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (e <= start) lo = mid + 1;
    else if (s >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

const PRIVATE_DETECTOR: Compiled = {
  ...entryOf({
    id: PRIVATE_ID,
    category: "private",
    description: "Text the author wrapped in <private>…</private>",
    keywords: [],
    pattern: /<private>/,
    examples: { match: [], ignore: [] },
  }),
  order: -1,
  tier: 4,
  re: /<private>/g,
  sticky: false,
  checkPlaceholder: false,
  strictInGate: false,
};

function addPrivateBlocks(text: string, out: Candidate[]): void {
  const open = /<private\s*>/gi;
  const close = /<\/private\s*>/gi;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    close.lastIndex = m.index + m[0].length;
    const end = close.exec(text);
    // An unclosed block runs to the end: better to lose text than to leak it.
    const stop = end ? end.index + end[0].length : text.length;
    out.push({ compiled: PRIVATE_DETECTOR, start: m.index, end: stop });
    open.lastIndex = stop;
  }
}

/** Code units that end a token when widening a window: whitespace, quotes, brackets, `,` `;`. */
const TOKEN_STOP = (() => {
  const stop = new Uint8Array(128);
  for (const ch of " \t\n\r\f\v\"'`<>()[]{},;") stop[ch.charCodeAt(0)] = 1;
  return stop;
})();

function isTokenChar(code: number): boolean {
  return code >= 128 ? code !== 0xa0 && code !== 0x2028 && code !== 0x2029 : TOKEN_STOP[code] === 0;
}

function widenLeft(text: string, start: number): number {
  let i = start;
  const floor = Math.max(0, start - EDGE_SLACK);
  while (i > floor && isTokenChar(text.charCodeAt(i - 1))) i--;
  return i;
}

function widenRight(text: string, end: number): number {
  let i = end;
  const ceiling = Math.min(text.length, end + EDGE_SLACK);
  while (i < ceiling && isTokenChar(text.charCodeAt(i))) i++;
  return i;
}

interface Cluster {
  start: number;
  end: number;
  best: Candidate;
}

/** Merge overlapping candidates; the most specific detector names the merged span. */
function clusters(candidates: Candidate[]): Cluster[] {
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Cluster[] = [];
  let current: Cluster | undefined;
  for (const c of candidates) {
    if (current && c.start < current.end) {
      current.end = Math.max(current.end, c.end);
      if (better(c, current.best)) current.best = c;
    } else {
      current = { start: c.start, end: c.end, best: c };
      out.push(current);
    }
  }
  return out;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.compiled.tier !== b.compiled.tier) return a.compiled.tier > b.compiled.tier;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  return a.compiled.order < b.compiled.order;
}
