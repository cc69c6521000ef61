import "server-only";
import { embedMany } from "ai";
import { z } from "zod";
import { getModelPrice, insertLlmCall } from "@/db/queries/ai";
import { listJobs } from "@/db/queries/jobs";
import { countPapersWithoutEmbedding } from "@/db/queries/literature/embeddings";
import type { Job } from "@/db/schema";
import { estimateCostUsd } from "@/lib/ai/prices";
import { AppError } from "@/lib/errors";
import { getEmbeddingModel } from "@/server/ai/providers";
import { registerJobHandler } from "@/server/jobs/registry";
import { enqueueJob } from "@/server/jobs/runner";
import { embedMissingPapers } from "@/server/literature/embed-papers";

// Literature embeddings as a job: one item per batch, run one at a time, so progress, cancel and
// resume after a restart come from the job runner. Each item embeds the next batch of papers that
// have no vector of the model yet (the store is the cache: papers already embedded are skipped, and
// an item with nothing left to do finishes at once). Each embedMany call gets one llm_calls row.

export const EMBED_PAPERS_JOB_KIND = "embed-papers";
export const EMBED_BATCH_SIZE = 64;

const inputSchema = z.object({ batch: z.number().int().min(0) });
const paramsSchema = z.object({ studyId: z.string().min(1).nullable(), model: z.string().min(1) });
type Params = z.infer<typeof paramsSchema>;
export type EmbedPapersOutput = { embedded: number };

function logUsage(row: Parameters<typeof insertLlmCall>[0]) {
  try {
    insertLlmCall(row);
  } catch (e) {
    console.error("[embeddings] could not log the call", e);
  }
}

export const embedPapersJobHandler = registerJobHandler<
  z.infer<typeof inputSchema>,
  EmbedPapersOutput,
  Params
>({
  kind: EMBED_PAPERS_JOB_KIND,
  inputSchema,
  paramsSchema,
  handle: async (_input, { jobId, params, signal }) => {
    const choice = getEmbeddingModel();
    if (!choice || choice.modelId !== params.model) {
      throw new AppError(
        "unavailable:embedding",
        `The embedding model ${params.model} is no longer configured (LLM_EMBEDDING_MODEL); start a new job.`,
      );
    }
    const { model, modelId, provider } = choice;
    return embedMissingPapers({
      model: modelId,
      studyId: params.studyId,
      batchSize: EMBED_BATCH_SIZE,
      maxPapers: EMBED_BATCH_SIZE,
      embed: async (values) => {
        const started = Date.now();
        const base = {
          purpose: "embedding",
          studyId: params.studyId,
          jobId,
          provider,
          model: modelId,
          cached: false,
          attempts: 1,
        };
        try {
          const { embeddings, usage } = await embedMany({
            model,
            values,
            maxRetries: 2,
            abortSignal: signal,
          });
          const inputTokens = usage?.tokens ?? 0;
          const price = getModelPrice({ model: modelId });
          logUsage({
            ...base,
            inputTokens,
            outputTokens: 0,
            latencyMs: Date.now() - started,
            costUsd: estimateCostUsd({ price, inputTokens, outputTokens: 0 }),
          });
          return embeddings;
        } catch (e) {
          if (signal.aborted) throw e;
          const message = e instanceof Error ? e.message : String(e);
          logUsage({
            ...base,
            inputTokens: 0,
            outputTokens: 0,
            latencyMs: Date.now() - started,
            costUsd: null,
            error: message,
          });
          throw new AppError("unavailable:embedding", `The embedding model ${modelId} failed: ${message}`);
        }
      },
    });
  },
});

/** Starts embedding every paper of the study's scope that has no vector of the configured model. */
export async function startEmbeddingPapers({
  studyId,
  actorId,
}: {
  studyId: string;
  actorId: string;
}): Promise<Job> {
  const choice = getEmbeddingModel();
  if (!choice) {
    throw new AppError(
      "unavailable:embedding",
      "No embedding model is configured: set LLM_EMBEDDING_MODEL for an OpenAI or OpenAI-compatible provider (Anthropic has none), then restart the app.",
    );
  }
  const running = listJobs({ studyId, kind: EMBED_PAPERS_JOB_KIND, limit: 20 }).some(
    (p) => p.job.status === "queued" || p.job.status === "running",
  );
  if (running) {
    throw new AppError("conflict:embedding", "Embeddings are already being computed for this study.");
  }
  const missing = countPapersWithoutEmbedding({ model: choice.modelId, studyId });
  if (missing === 0) {
    throw new AppError("conflict:embedding", `Every paper already has a ${choice.modelId} embedding.`);
  }
  const batches = Math.ceil(missing / EMBED_BATCH_SIZE);
  return enqueueJob({
    kind: EMBED_PAPERS_JOB_KIND,
    studyId,
    params: { studyId, model: choice.modelId },
    items: Array.from({ length: batches }, (_, batch) => ({ batch })),
    createdBy: actorId,
    // Batches pick "the next papers without a vector", so two at once would embed the same papers.
    concurrency: 1,
  });
}
