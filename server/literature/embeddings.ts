import "server-only";
import { getEnv } from "@/lib/env";
import type { QueryEmbedder } from "./search";

// Whether literature search can be hybrid. Computing paper and query embeddings (an AI SDK embedMany
// job on LLM_EMBEDDING_MODEL) is not built yet, so search is BM25 alone and the page says so; the
// store, the fusion and the benchmark already handle stored vectors.

export type EmbeddingStatus = { configured: boolean; model: string | null; embedQuery?: QueryEmbedder };

export function embeddingStatus(): EmbeddingStatus {
  return { configured: false, model: getEnv().LLM_EMBEDDING_MODEL ?? null };
}
