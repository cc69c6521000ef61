import "server-only";
import { z } from "zod";
import { getArenaConfig } from "@/db/queries/arena-config";
import {
  getPairForLlmJudging,
  hasLlmJudgment,
  llmJudgeKey,
  planLlmJudging,
  saveLlmJudgment,
} from "@/db/queries/arena-llm";
import { getTextForReview } from "@/db/queries/ideas-normalization";
import { listJobs } from "@/db/queries/jobs";
import { getStudySettings } from "@/db/queries/study-settings";
import type { Job } from "@/db/schema";
import { buildJudgePairPrompt, judgePairOutputSchema, toArenaVerdicts } from "@/lib/ai/prompts/judge-pair";
import type { ArenaVerdict } from "@/lib/arena/types";
import { AppError } from "@/lib/errors";
import { generate } from "@/server/ai/generate";
import { getLlmConfig } from "@/server/ai/providers";
import { registerJobHandler } from "@/server/jobs/registry";
import { enqueueJob } from "@/server/jobs/runner";

// The LLM judge as a job: one item per ordered pair, so every scheduled pair is judged twice with
// the ideas' positions swapped, and progress, cost, cancel, retry of failed items and resume after a
// restart come from the job runner. An item stores one arena_votes row (judge_kind "llm"); storing
// is idempotent per order, and an order already stored is skipped without calling the model.
// Unparseable or invalid answers are retried by generate() and then fail the item: never a tie.

export const ARENA_JUDGE_JOB_KIND = "arena_judge";
/** The llm_calls purpose, for the cost report. */
export const ARENA_JUDGE_PURPOSE = "arena-judge";

const inputSchema = z.object({ pairId: z.string().min(1), leftIdeaId: z.string().min(1) });
const paramsSchema = z.object({ studyId: z.string().min(1), model: z.string().min(1) });
export type ArenaJudgeInput = z.infer<typeof inputSchema>;
export type ArenaJudgeParams = z.infer<typeof paramsSchema>;
export type ArenaJudgeOutput = {
  pairId: string;
  leftIdeaId: string;
  outcome: "judged" | "skipped";
  reason?: string;
  voteId?: string;
  model?: string;
  verdicts?: Record<string, ArenaVerdict>;
};

export const arenaJudgeJobHandler = registerJobHandler<ArenaJudgeInput, ArenaJudgeOutput, ArenaJudgeParams>({
  kind: ARENA_JUDGE_JOB_KIND,
  inputSchema,
  paramsSchema,
  handle: async ({ pairId, leftIdeaId }, { jobId, params, signal }) => {
    const { studyId } = params;
    const skipped = (reason: string): ArenaJudgeOutput => ({
      pairId,
      leftIdeaId,
      outcome: "skipped",
      reason,
    });
    const pair = getPairForLlmJudging({ studyId, pairId });
    if (!pair) return skipped("The pair is no longer scheduled.");
    if (leftIdeaId !== pair.ideaAId && leftIdeaId !== pair.ideaBId) {
      throw new AppError("invalid:arena_judge_item", "The item's left idea is not one of the pair's ideas.");
    }
    const rightIdeaId = leftIdeaId === pair.ideaAId ? pair.ideaBId : pair.ideaAId;
    // The model that will answer: the configured one (it may differ from params.model after a restart
    // with another LLM_MODEL; the vote then records the model that actually judged).
    const model = getLlmConfig().model ?? params.model;
    if (hasLlmJudgment({ pairId, judgeKey: llmJudgeKey({ model, leftIdeaId }) })) {
      return skipped(`${model} has already judged this order.`);
    }
    const left = getTextForReview({ ideaId: leftIdeaId });
    const right = getTextForReview({ ideaId: rightIdeaId });
    if (!left || !right) return skipped("An idea of this pair is no longer submitted.");
    const { criteria } = getArenaConfig({ studyId });
    const { template } = getStudySettings({ studyId });
    const { system, prompt } = buildJudgePairPrompt({
      criteria,
      template,
      topic: left.topic === right.topic ? left.topic : "",
      left: left.fields,
      right: right.fields,
    });
    const result = await generate({
      purpose: ARENA_JUDGE_PURPOSE,
      studyId,
      jobId,
      system,
      prompt,
      schema: judgePairOutputSchema(criteria),
      signal,
    });
    const verdicts = toArenaVerdicts(result.object.verdicts);
    const saved = saveLlmJudgment({
      studyId,
      pairId,
      model: result.model,
      leftIdeaId,
      rightIdeaId,
      verdicts,
      reasoning: result.object.reasoning.trim(),
    });
    return { pairId, leftIdeaId, outcome: "judged", voteId: saved.id, model: result.model, verdicts };
  },
});

/** True while an LLM judging job of this study is queued or running. */
export function isLlmJudgingRunning({ studyId }: { studyId: string }): boolean {
  return listJobs({ studyId, kind: ARENA_JUDGE_JOB_KIND, limit: 20 }).some(
    (p) => p.job.status === "queued" || p.job.status === "running",
  );
}

/**
 * Starts the LLM judge on every scheduled pair, in both orders, except the orders the configured
 * model has already judged. Needs a configured provider, the arena phase and scheduled pairs;
 * refused while another LLM judging job of the study is still running.
 */
export async function startLlmJudging({
  studyId,
  actorId,
}: {
  studyId: string;
  actorId: string;
}): Promise<Job> {
  const config = getLlmConfig();
  if (!config.configured || !config.model) throw new AppError("unavailable:llm", config.problem);
  if (isLlmJudgingRunning({ studyId })) {
    throw new AppError(
      "conflict:arena_llm_running",
      "The LLM judge is already running for this study; wait for it to finish or cancel it.",
    );
  }
  const items = planLlmJudging({ studyId, model: config.model });
  return enqueueJob({
    kind: ARENA_JUDGE_JOB_KIND,
    studyId,
    params: { studyId, model: config.model },
    items,
    createdBy: actorId,
  });
}
