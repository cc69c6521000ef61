import "server-only";
import { z } from "zod";
import { finishChain, getChainForJob, stopChain, updateChainProgress } from "@/db/queries/chains";
import type { ChainProgressState } from "@/lib/chains/stored";
import { AppError } from "@/lib/errors";
import { buildStudyChains } from "@/server/chains/build-study-chains";
import { chainLlmSteps } from "@/server/chains/chain-llm";
import { readChainPapers } from "@/server/chains/read-chain-papers";
import { registerJobHandler } from "@/server/jobs/registry";
import { configuredReadingModel } from "@/server/literature/read-paper";

// A chain build as a job (one item): staged progress written to the chain row (queries, candidates,
// anchor, backward, forward, reading), cancellable through the job's signal. A rerun after a restart
// builds again from the start; the model's answers and the readings are cached, so it costs nothing.

export const BUILD_CHAIN_JOB_KIND = "build-chain";

const inputSchema = z.object({ chainId: z.string().min(1) });
const paramsSchema = z.object({ studyId: z.string().min(1), chainId: z.string().min(1) });
export type BuildChainOutput = { chains: number; nodes: number; read: number };

export const buildChainJobHandler = registerJobHandler<
  z.infer<typeof inputSchema>,
  BuildChainOutput,
  z.infer<typeof paramsSchema>
>({
  kind: BUILD_CHAIN_JOB_KIND,
  inputSchema,
  paramsSchema,
  handle: async ({ chainId }, { jobId, params, signal }) => {
    const chain = getChainForJob({ chainId });
    if (!chain || chain.studyId !== params.studyId)
      throw new AppError("not_found:chain", "The chain was deleted.");
    let progress: ChainProgressState = { stage: "queries", calls: 0 };
    const report = (next: ChainProgressState) => {
      progress = next;
      updateChainProgress({ chainId, progress });
    };
    report(progress);
    try {
      const { studyId } = chain;
      const result = await buildStudyChains({
        studyId,
        topic: chain.topic,
        options: chain.options,
        llm: chainLlmSteps({ studyId, jobId, signal, seed: chain.options.seed }),
        signal,
        onProgress: (p) => report({ ...progress, stage: p.stage, calls: p.calls }),
        onFetch: (f) =>
          report({
            ...progress,
            fetches: [...(progress.fetches ?? []), { paperId: f.paperId, ok: f.ok, message: f.message }],
          }),
      });
      const model = configuredReadingModel();
      let read = 0;
      if (model) {
        const r = await readChainPapers({
          studyId,
          jobId,
          result,
          model,
          signal,
          onRead: (done, total) => report({ ...progress, stage: "reading", read: done, toRead: total }),
        });
        read = r.read;
        if (r.failed.length > 0) report({ ...progress, readErrors: r.failed });
      }
      finishChain({ chainId, result, readingModel: model });
      return {
        chains: result.chains.length,
        nodes: result.chains.reduce((n, c) => n + c.nodes.length, 0),
        read,
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      stopChain({
        chainId,
        status: signal.aborted ? "cancelled" : "failed",
        error: signal.aborted ? null : message,
      });
      throw e;
    }
  },
});
