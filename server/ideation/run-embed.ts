import "server-only";
import { embedMany } from "ai";
import { getModelPrice, insertLlmCall } from "@/db/queries/ai";
import { estimateCostUsd } from "@/lib/ai/prices";
import type { AgentContext } from "@/lib/ideation/agent-types";
import { getEmbeddingModel } from "@/server/ai/providers";

// AgentContext.embed for a run: the configured embedding model (null when there is none, and the
// agent falls back, e.g. to TF-IDF), each batch logged in llm_calls with its cost.

const MAX_EMBED_BATCH = 256;

export function createRunEmbed({
  studyId,
  jobId,
  signal,
}: {
  studyId: string;
  jobId: string | null;
  signal: AbortSignal;
}): AgentContext["embed"] {
  const choice = getEmbeddingModel();
  if (!choice) return null;
  const { model, modelId, provider } = choice;
  return async (texts) => {
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += MAX_EMBED_BATCH) {
      const started = Date.now();
      const values = texts.slice(start, start + MAX_EMBED_BATCH);
      const { embeddings, usage } = await embedMany({ model, values, maxRetries: 2, abortSignal: signal });
      const inputTokens = usage?.tokens ?? 0;
      try {
        insertLlmCall({
          purpose: "ideation:embedding",
          studyId,
          jobId,
          provider,
          model: modelId,
          inputTokens,
          outputTokens: 0,
          latencyMs: Date.now() - started,
          costUsd: estimateCostUsd({
            price: getModelPrice({ model: modelId }),
            inputTokens,
            outputTokens: 0,
          }),
          cached: false,
          attempts: 1,
        });
      } catch (e) {
        console.error("[ideation] could not log an embedding call", e);
      }
      out.push(...embeddings);
    }
    return out;
  };
}
