import "server-only";
import { getEnv } from "@/lib/env";
import type { QueryEmbedder } from "./search";

// Whether literature search can be hybrid. The batched embedding loop (embed-papers.ts) and the mock
// embedding exist, but no provider's embedding model is wired to them yet (that needs the providers
// module and a job handler), so search is BM25 alone and the page says so.

export type EmbeddingStatus = { configured: boolean; model: string | null; embedQuery?: QueryEmbedder };

export function embeddingStatus(): EmbeddingStatus {
  return { configured: false, model: getEnv().LLM_EMBEDDING_MODEL ?? null };
}
