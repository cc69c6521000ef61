import "server-only";
import { embedMany } from "ai";
import { getModelPrice, insertLlmCall } from "@/db/queries/ai";
import { listIdeasForOrganizer } from "@/db/queries/ideas";
import { estimateCostUsd } from "@/lib/ai/prices";
import type { IdeaFields } from "@/lib/ideas/types";
import { type SimilarityMap, similarityMap } from "@/lib/ideation/similarity";
import { Lru } from "@/lib/lru";
import { getEmbeddingModel } from "@/server/ai/providers";

// The idea similarity map for organizers: a study's submitted ideas compared pairwise, with the
// configured embedding model when there is one (each embedding call logged in llm_calls with its
// cost; vectors cached in memory by model and text, so a reload does not pay again), else TF-IDF. Organizer data: the page guards it; nothing here is
// reviewer- or judge-facing.

const CACHE_LIMIT = 5000;
const cache = new Lru<string, number[]>(CACHE_LIMIT);

export type StudySimilarity = SimilarityMap & {
  model: string | null;
  /** Why embeddings were not used when a model is configured (provider error); null otherwise. */
  fallbackReason: string | null;
  ideas: Record<string, { code: string; title: string; conditionLabel: string; topicName: string }>;
};

export const ideaText = (fields: IdeaFields) => Object.values(fields).join("\n\n");

async function embedTexts(
  studyId: string,
  texts: string[],
): Promise<{ model: string; vectors: number[][] } | { error: string } | null> {
  const choice = getEmbeddingModel();
  if (!choice) return null;
  const key = (t: string) => `${choice.modelId}\u0000${t}`;
  const missing = [...new Set(texts.filter((t) => !cache.has(key(t))))];
  try {
    if (missing.length > 0) {
      const started = Date.now();
      const { embeddings, usage } = await embedMany({ model: choice.model, values: missing, maxRetries: 2 });
      const inputTokens = usage?.tokens ?? 0;
      insertLlmCall({
        purpose: "similarity:embedding",
        studyId,
        jobId: null,
        provider: choice.provider,
        model: choice.modelId,
        inputTokens,
        outputTokens: 0,
        latencyMs: Date.now() - started,
        costUsd: estimateCostUsd({
          price: getModelPrice({ model: choice.modelId }),
          inputTokens,
          outputTokens: 0,
        }),
        cached: false,
        attempts: 1,
      });
      for (const [i, t] of missing.entries()) {
        cache.set(key(t), embeddings[i] ?? []);
      }
    }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  return { model: choice.modelId, vectors: texts.map((t) => cache.get(key(t)) ?? []) };
}

export async function studySimilarity({
  studyId,
  topK = 20,
}: {
  studyId: string;
  topK?: number;
}): Promise<StudySimilarity> {
  const rows = listIdeasForOrganizer({ studyId, status: "submitted" });
  const items = rows.map((r) => ({ id: r.id, condition: r.conditionKey, text: ideaText(r.fields) }));
  const embedded =
    items.length > 1
      ? await embedTexts(
          studyId,
          items.map((i) => i.text),
        )
      : null;
  const vectors =
    embedded && "vectors" in embedded && embedded.vectors.every((v) => v.length > 0)
      ? embedded.vectors
      : null;
  const map = similarityMap({ items, embeddings: vectors, topK });
  return {
    ...map,
    model: vectors && embedded && "model" in embedded ? embedded.model : null,
    fallbackReason: embedded && "error" in embedded ? embedded.error : null,
    ideas: Object.fromEntries(
      rows.map((r) => [
        r.id,
        {
          code: r.code,
          title: (Object.values(r.fields)[0] ?? "").slice(0, 140),
          conditionLabel: r.conditionLabel,
          topicName: r.topicName,
        },
      ]),
    ),
  };
}
