// A fast, non-cryptographic 64-bit hash of a string, for cache keys only (never for ids, team
// file digests or anything an attacker may choose to collide). sha256.ts costs a hook several ms
// on a few KB of text, since it runs once, in V8's interpreter; this is two FNV-1a lanes.

/** 16 hex characters: two 32-bit FNV-1a hashes of the UTF-16 code units, different seeds. */
export function fastHashHex(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
