import "server-only";
import { embed } from "ai";
import { countEmbeddings } from "@/db/queries/literature/embeddings";
import { normalizeVector } from "@/lib/literature/rank";
import { Lru } from "@/lib/lru";
import { getEmbeddingModel } from "@/server/ai/providers";
import type { QueryEmbedder } from "./search";

// Whether literature search can be hybrid: an embedding model is configured (lib/ai/providers.ts)
// and papers have vectors of it (computed by the embed-papers job). Only then is the query embedded;
// else search is BM25 alone and the page says so. Query vectors are cached in memory (bounded), so
// paging or re-running a search does not call the provider again.

export type EmbeddingStatus = {
  /** An embedding model is configured. */
  configured: boolean;
  model: string | null;
  /** Papers in scope that have a vector of the configured model. */
  embedded: number;
  /** Set exactly when search is hybrid. */
  embedQuery?: QueryEmbedder;
};

const QUERY_CACHE_LIMIT = 500;
const queryCache = new Lru<string, Float32Array>(QUERY_CACHE_LIMIT);

/** For a study (its papers and the instance's), or with studyId null for the instance alone. */
export function embeddingStatus({ studyId }: { studyId: string | null }): EmbeddingStatus {
  const choice = getEmbeddingModel();
  if (!choice) return { configured: false, model: null, embedded: 0 };
  const embedded = countEmbeddings({ model: choice.modelId, studyId });
  if (embedded === 0) return { configured: true, model: choice.modelId, embedded };
  const embedQuery: QueryEmbedder = async (text) => {
    const key = `${choice.modelId}\u0000${text}`;
    let vector = queryCache.get(key);
    if (!vector) {
      try {
        const result = await embed({ model: choice.model, value: text, maxRetries: 2 });
        vector = normalizeVector(result.embedding);
      } catch (e) {
        // A provider that is down must not take search with it: this query falls back to BM25.
        console.error("[literature] could not embed the query; searching with BM25 alone", e);
        return null;
      }
      queryCache.set(key, vector);
    }
    return { model: choice.modelId, vector };
  };
  return { configured: true, model: choice.modelId, embedded, embedQuery };
}
