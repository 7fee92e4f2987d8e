// Monotonic ULIDs (https://github.com/ulid/spec): 10 Crockford base32 characters of milliseconds
// then 16 random ones; within one millisecond (or when the clock steps back) the previous id's
// random part is incremented, so ids made by one factory always sort in creation order. The
// same algorithm as the `ulid` package's monotonicFactory, on the `crypto.getRandomValues`
// global: the package imports node:crypto, which starts Deno's Node layer in every hook.

const ENCODING = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A whole ULID: 26 Crockford base-32 characters, in either case. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
const TIME_LEN = 10;
const RANDOM_LEN = 16;

/** A function that returns a new ULID for a time in milliseconds (now when 0 or NaN). */
export function monotonicFactory(): (seedTime?: number) => string {
  let lastTime = 0;
  let lastRandom = "";
  return (seedTime) => {
    const seed = !seedTime || Number.isNaN(seedTime) ? Date.now() : seedTime;
    if (seed <= lastTime) {
      lastRandom = incrementBase32(lastRandom);
      return encodeTime(lastTime) + lastRandom;
    }
    lastTime = seed;
    lastRandom = randomPart();
    return encodeTime(seed) + lastRandom;
  };
}

function encodeTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > 2 ** 48 - 1) {
    throw new RangeError(`Cannot encode time ${ms} in a ULID`);
  }
  let out = "";
  for (let left = ms, i = 0; i < TIME_LEN; i++) {
    const mod = left % 32;
    out = ENCODING[mod] + out;
    left = (left - mod) / 32;
  }
  return out;
}

function randomPart(): string {
  // 256 is a multiple of 32: a byte modulo 32 is uniform.
  const bytes = crypto.getRandomValues(new Uint8Array(RANDOM_LEN));
  return Array.from(bytes, (byte) => ENCODING[byte % 32]).join("");
}

function incrementBase32(text: string): string {
  const chars = text.split("");
  for (let i = chars.length - 1; i >= 0; i--) {
    const at = ENCODING.indexOf(chars[i]!);
    if (at < ENCODING.length - 1) {
      chars[i] = ENCODING[at + 1]!;
      return chars.join("");
    }
    chars[i] = ENCODING[0]!;
  }
  throw new RangeError("Cannot increment a ULID past its largest random part");
}
