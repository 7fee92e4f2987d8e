// Optional embeddings from an OpenAI-compatible server on this machine (Ollama, LM Studio),
// named in config.json: memories are embedded on demand and search results fused with their
// nearest embeddings. Off by default; korva never downloads a model and never calls a remote host.
import { z } from "zod";
import { KorvaError, messageOf } from "../errors.ts";
import { searchTerms } from "../vault/search.ts";
import { snippetOf, type Vault } from "../vault/mod.ts";
import type { MemoryFilter, SearchHit } from "../vault/types.ts";
import { cosine } from "../vault/vectors.ts";

/** Where embeddings come from: `recall.embeddings` in config.json. */
export interface EmbeddingEndpoint {
  url: string;
  model: string;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
/** Texts per request, and the most of a memory that is embedded. */
const BATCH = 32;
const MAX_CHARS = 4000;
/** How long one request may take before the search goes on without it. */
const TIMEOUT_MS = 10_000;
/** Candidates from bm25 and from the embeddings, fused by reciprocal rank (k = 60). */
const POOL = 30;
const RRF_K = 60;

const EmbeddingsResponse = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()).min(1), index: z.number().int() })),
});

/** The configured endpoint, refused unless it is on this machine. */
export function embeddingEndpoint(config: EmbeddingEndpoint): EmbeddingEndpoint {
  const host = new URL(config.url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new KorvaError(
      `Cannot use the embeddings server "${config.url}": korva only calls a server on this machine (127.0.0.1, localhost or [::1])`,
      { exitCode: 2, hint: "point recall.embeddings.url in config.json at a local server" },
    );
  }
  return config;
}

/** Embed texts with the server; a KorvaError in one sentence when it cannot. */
export async function embed(endpoint: EmbeddingEndpoint, texts: string[]): Promise<Float32Array[]> {
  const fail = (detail: string) =>
    new KorvaError(`Cannot get embeddings from "${endpoint.url}": ${detail}`, {
      exitCode: 3,
      hint: "start the server (for example `ollama serve`) or remove recall.embeddings from " +
        "config.json",
    });
  let response: Response;
  try {
    response = await fetch(endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: endpoint.model, input: texts }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw fail(messageOf(error));
  }
  if (!response.ok) {
    const body = (await response.text()).trim().slice(0, 200);
    throw fail(`HTTP ${response.status}${body ? ` (${body})` : ""}`);
  }
  const parsed = EmbeddingsResponse.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success || parsed.data.data.length !== texts.length) {
    throw fail("the answer is not an OpenAI-style list of embeddings, one per input");
  }
  return parsed.data.data.sort((a, b) => a.index - b.index).map((d) =>
    Float32Array.from(d.embedding)
  );
}

/** Embed up to `limit` memories that have no embedding from this model yet; returns how many. */
export async function indexEmbeddings(
  vault: Vault,
  endpoint: EmbeddingEndpoint,
  limit = 512,
): Promise<number> {
  let done = 0;
  while (done < limit) {
    const batch = vault.missingEmbeddings(endpoint.model, Math.min(BATCH, limit - done));
    if (batch.length === 0) break;
    const vectors = await embed(endpoint, batch.map((m) => m.text.slice(0, MAX_CHARS)));
    vault.storeEmbeddings(
      endpoint.model,
      batch.map((m, i) => ({ id: m.id, vector: quantize(vectors[i]!) })),
    );
    done += batch.length;
  }
  return done;
}

/**
 * Search fused with embeddings: korva's own top POOL and the POOL memories whose embeddings are
 * nearest the query's (in vaults small enough to scan), by reciprocal rank.
 */
export async function embeddingSearch(
  vault: Vault,
  query: string,
  filter: MemoryFilter,
  endpoint: EmbeddingEndpoint,
): Promise<SearchHit[]> {
  await indexEmbeddings(vault, endpoint);
  const limit = filter.limit ?? 10;
  const lexical = vault.search(query, { ...filter, limit: POOL });
  const [q] = await embed(endpoint, [query]);
  const stored = vault.embeddings(endpoint.model, filter) ??
    vault.embeddings(endpoint.model, filter, lexical.map((h) => h.memory.id)) ?? new Map();
  const nearest = [...stored]
    .map(([id, vector]) => [id, cosine(q!, vector)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, POOL);
  const fused = new Map<string, number>();
  lexical.forEach((hit, rank) => fused.set(hit.memory.id, 1 / (RRF_K + rank + 1)));
  nearest.forEach(([id], rank) => fused.set(id, (fused.get(id) ?? 0) + 1 / (RRF_K + rank + 1)));
  const order = [...fused].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const known = new Map(lexical.map((hit) => [hit.memory.id, hit]));
  const terms = searchTerms(query);
  return order.flatMap(([id, score]) => {
    const memory = known.get(id)?.memory ?? vault.get(id);
    if (!memory) return [];
    const snippet = known.get(id)?.snippet ?? snippetOf(memory, terms);
    return [{ memory, snippet, score: Math.round(score * 1e6) / 1e6 }];
  });
}

/**
 * The search every front door runs: fused with the local embeddings server when config.json
 * names one (`recall.embeddings`), else the vault's own (lexical plus shipped vectors). First it
 * gives a bounded batch of memories without a word-vector their vector (Vault.backfillVectors);
 * hooks, which search through Vault.search, never wait for that.
 */
export function recallSearch(
  vault: Vault,
  query: string,
  filter: MemoryFilter,
  embeddings: EmbeddingEndpoint | undefined,
): Promise<SearchHit[]> {
  vault.backfillVectors();
  if (!embeddings) return Promise.resolve(vault.search(query, filter));
  return embeddingSearch(vault, query, filter, embeddingEndpoint(embeddings));
}

function quantize(v: Float32Array): Int8Array {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  return Int8Array.from(v, (x) => (max === 0 ? 0 : Math.round((x * 127) / max)));
}
