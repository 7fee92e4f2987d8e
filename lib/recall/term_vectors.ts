// The shipped word vectors: a binary table of int8 directions learned at build time
// (bench/build_term_vectors.ts), decoded once per process.
//
// Layout (little endian): "KTV1", u32 words, u32 dims, u32 vocabulary bytes, the vocabulary
// (UTF-8, one word per line, most frequent first), zero padding to 4 bytes, u32 corpus count per
// word, words × dims int8 components (each row a unit vector scaled to ±127), then optionally u32 K
// and each word's K nearest words: u16 indices (0xffff for none) followed by u8 cosines (× 255).

const MAGIC = "KTV1";

/** Word vectors with their corpus counts; rows are looked up by term key (see terms.ts). */
export interface TermVectors {
  dims: number;
  words: string[];
  index: Map<string, number>;
  counts: Uint32Array;
  /** words × dims, row-major. */
  data: Int8Array;
  /** Sum of all counts, for word probabilities. */
  total: number;
  /** Nearest words per word (K per row, 0xffff = none) and their cosines × 255. */
  neighbours: { k: number; index: Uint16Array; cosine: Uint8Array };
}

/** Encode a table; `rows` are float vectors (any length scale), quantized to int8 here. */
export function encodeTermVectors(
  words: string[],
  counts: ArrayLike<number>,
  rows: Float32Array[],
  dims: number,
  neighbours: { k: number; index: Uint16Array; cosine: Uint8Array } = {
    k: 0,
    index: new Uint16Array(),
    cosine: new Uint8Array(),
  },
): Uint8Array {
  const vocab = new TextEncoder().encode(words.join("\n"));
  const head = 16;
  const vocabEnd = head + vocab.length;
  const countsStart = Math.ceil(vocabEnd / 4) * 4;
  const dataStart = countsStart + words.length * 4;
  const neighboursStart = Math.ceil((dataStart + words.length * dims) / 4) * 4;
  const end = neighbours.k === 0
    ? dataStart + words.length * dims
    : neighboursStart + 4 + words.length * neighbours.k * 3;
  const out = new Uint8Array(end);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, words.length, true);
  view.setUint32(8, dims, true);
  view.setUint32(12, vocab.length, true);
  out.set(vocab, head);
  for (let i = 0; i < words.length; i++) view.setUint32(countsStart + i * 4, counts[i]!, true);
  const data = new Int8Array(out.buffer, dataStart, words.length * dims);
  rows.forEach((row, i) => {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(row[d]!));
    const scale = max === 0 ? 0 : 127 / max;
    for (let d = 0; d < dims; d++) data[i * dims + d] = Math.round(row[d]! * scale);
  });
  if (neighbours.k > 0) {
    view.setUint32(neighboursStart, neighbours.k, true);
    const at = neighboursStart + 4;
    for (let i = 0; i < neighbours.index.length; i++) {
      view.setUint16(at + i * 2, neighbours.index[i]!, true);
    }
    out.set(neighbours.cosine, at + neighbours.index.length * 2);
  }
  return out;
}

/** Decode a table written by encodeTermVectors; throws on a file that is not one. */
export function decodeTermVectors(bytes: Uint8Array): TermVectors {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) {
    throw new Error("not a korva term vector table");
  }
  const count = view.getUint32(4, true);
  const dims = view.getUint32(8, true);
  const vocabLength = view.getUint32(12, true);
  const words = new TextDecoder().decode(bytes.subarray(16, 16 + vocabLength)).split("\n");
  const countsStart = Math.ceil((16 + vocabLength) / 4) * 4;
  const counts = new Uint32Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    counts[i] = view.getUint32(countsStart + i * 4, true);
    total += counts[i]!;
  }
  const dataStart = countsStart + count * 4;
  // A view, not a copy: the table is read once per process and never written.
  const data = new Int8Array(bytes.buffer, bytes.byteOffset + dataStart, count * dims);
  const neighboursStart = Math.ceil((dataStart + count * dims) / 4) * 4;
  let neighbours = { k: 0, index: new Uint16Array(), cosine: new Uint8Array() };
  if (bytes.length > neighboursStart) {
    const k = view.getUint32(neighboursStart, true);
    const at = neighboursStart + 4;
    const index = new Uint16Array(count * k);
    for (let i = 0; i < index.length; i++) index[i] = view.getUint16(at + i * 2, true);
    const cosine = bytes.slice(at + index.length * 2, at + index.length * 3);
    neighbours = { k, index, cosine };
  }
  return {
    dims,
    words,
    index: new Map(words.map((w, i) => [w, i])),
    counts,
    data,
    total,
    neighbours,
  };
}

/** The asset shipped with korva (included in the executable by the `compile` task). */
export const TERM_VECTORS_URL = new URL("./assets/term_vectors.bin", import.meta.url);

/** Read and decode the shipped table. */
export async function loadTermVectors(url: URL = TERM_VECTORS_URL): Promise<TermVectors> {
  return decodeTermVectors(await Deno.readFile(url));
}
