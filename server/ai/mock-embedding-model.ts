import type { EmbeddingModel } from "ai";
import { mockEmbedding } from "@/lib/literature/mock-embedding";

// The deterministic hashed bag-of-words embedding (lib/literature/mock-embedding.ts) as an AI SDK
// embedding model, selected with LLM_PROVIDER=mock so unit tests and e2e run embedMany offline.

// Derived from `ai` so this file needs no direct dependency on @ai-sdk/provider.
export type EmbeddingModelV3 = Extract<EmbeddingModel, { specificationVersion: "v3" }>;

export const MOCK_EMBEDDING_MODEL_ID = "mock-embedding";

/** Counts words as tokens so usage logging has something real to record. */
const countTokens = (texts: string[]) =>
  texts.reduce((n, t) => n + (t.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);

export function createMockEmbeddingModel({
  modelId = MOCK_EMBEDDING_MODEL_ID,
}: {
  modelId?: string;
} = {}): EmbeddingModelV3 {
  return {
    specificationVersion: "v3",
    provider: "mock",
    modelId,
    maxEmbeddingsPerCall: 2048,
    supportsParallelCalls: true,
    async doEmbed({ values, abortSignal }) {
      abortSignal?.throwIfAborted();
      return {
        embeddings: values.map((v) => Array.from(mockEmbedding(v))),
        usage: { tokens: countTokens(values) },
        warnings: [],
      };
    },
  };
}
