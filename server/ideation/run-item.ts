import "server-only";
import { runSpentUsd } from "@/db/queries/ideation-calls";
import { ensureAgentUser, ensureCondition, writeGeneratedIdeas } from "@/db/queries/ideation-ideas";
import { getIdeationRunById, markRunBudgetStopped } from "@/db/queries/ideation-runs";
import { saveProgress } from "@/db/queries/ideation-steps";
import { getStudySettings } from "@/db/queries/study-settings";
import type { PaperStore } from "@/lib/chains/types";
import { AppError } from "@/lib/errors";
import { BudgetExceededError } from "@/lib/ideation/agent-types";
import type { RunItemInput } from "@/lib/ideation/run-types";
import type { LanguageModelV3 } from "@/server/ai/mock-model";
import { createStudyChainStore, studyChainBefore } from "@/server/chains/build-study-chains";
import { getIdeationAgent } from "./agents";
import { createRunContext } from "./run-context";
import { createRunEmbed } from "./run-embed";

// One job item of a run: one agent on one topic. Loads the run, builds the agent's context, runs the
// agent and writes its kept ideas into the study (idempotently, so a re-run after a restart is safe).
// The last stage, "write", marks the item finished for resume.

export const WRITE_STAGE = "write";

export type RunItemOutput = { ideas: number; ideaIds: string[] };

export type RunItemDeps = {
  /** Tests: an in-memory store instead of the study's literature. */
  store?: PaperStore;
  model?: LanguageModelV3;
};

export async function runIdeationItem(
  {
    runId,
    agentIndex,
    topicId,
    jobId,
    signal,
  }: RunItemInput & { runId: string; jobId: string; signal: AbortSignal },
  deps: RunItemDeps = {},
): Promise<RunItemOutput> {
  const run = getIdeationRunById(runId);
  if (!run) throw new AppError("not_found:ideation_run", "This ideation run no longer exists.");
  if (run.budgetStoppedAt !== null) throw new BudgetExceededError(runSpentUsd({ runId }), run.budgetUsd);
  const spec = run.agents[agentIndex];
  const agent = spec ? getIdeationAgent(spec.agent) : undefined;
  if (!spec || !agent)
    throw new AppError("invalid:ideation_run", `The run has no agent number ${agentIndex + 1}.`);
  const parsed = agent.paramsSchema.safeParse({ keep: run.keep, ...spec.params });
  if (!parsed.success)
    throw new AppError(
      "invalid:ideation_run",
      `${agent.label} parameters: ${parsed.error.issues[0]?.message}`,
    );
  const settings = getStudySettings({ studyId: run.studyId });
  const topic = settings.topics.find((t) => t.id === topicId);
  const plan = run.topics.find((t) => t.topicId === topicId);
  if (!topic || !plan) throw new AppError("invalid:ideation_run", "This topic is no longer in the study.");

  const before = studyChainBefore(run.studyId, null);
  const ctx = createRunContext({
    run,
    jobId,
    agentIndex,
    agent: agent.id,
    topic: { id: topic.id, name: topic.name, description: topic.description },
    template: settings.template,
    n: plan.n,
    before,
    params: parsed.data,
    store: deps.store ?? createStudyChainStore({ studyId: run.studyId, before }),
    embed: createRunEmbed({ studyId: run.studyId, jobId, signal }),
    signal,
    model: deps.model,
  });
  let generated: Awaited<ReturnType<typeof agent.run>>;
  try {
    generated = await agent.run(ctx);
  } catch (e) {
    if (e instanceof BudgetExceededError) markRunBudgetStopped({ runId });
    throw e;
  }
  signal.throwIfAborted();
  const conditionId =
    spec.conditionId ??
    ensureCondition({ studyId: run.studyId, key: spec.conditionKey, label: spec.conditionKey }).id;
  const written = writeGeneratedIdeas({
    studyId: run.studyId,
    runId,
    jobId,
    agentIndex,
    agent: agent.id,
    agentUserId: ensureAgentUser({ agent: agent.id, label: agent.label }),
    conditionId,
    topicId,
    model: run.model,
    params: parsed.data,
    ideas: generated,
  });
  saveProgress({ runId, agentIndex, topicId, stage: WRITE_STAGE, done: 1, total: 1 });
  return { ideas: written.ideaIds.length, ideaIds: written.ideaIds };
}
