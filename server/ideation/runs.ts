import "server-only";
import { countHumanIdeasByTopic, ensureCondition } from "@/db/queries/ideation-ideas";
import { attachRunJob, createIdeationRun, getIdeationRun } from "@/db/queries/ideation-runs";
import { listProgress } from "@/db/queries/ideation-steps";
import { getJob } from "@/db/queries/jobs";
import { getStudyById } from "@/db/queries/studies";
import { getStudySettings } from "@/db/queries/study-settings";
import type { IdeationRun } from "@/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";
import { matchTopicMix, type StartRunInput, validateStartRun } from "@/lib/ideation/run-form";
import type { RunAgentSpec, RunItemInput, RunTopicPlan } from "@/lib/ideation/run-types";
import { studyArchivedError } from "@/lib/studies/lifecycle";
import { IDEATION_RUN_JOB_KIND } from "@/server/jobs/ideation-run";
import { cancelJob, enqueueJob } from "@/server/jobs/runner";
import { getIdeationAgent } from "./agents";
import { WRITE_STAGE } from "./run-item";

// Starting, resuming and cancelling ideation runs (the page's actions and the CLI call these after
// the guard). A start checks everything first and writes nothing on bad input; the target condition
// is created if the study lacks it; the job gets one item per (agent, topic).

/** Items in flight at once per run: the machine's model calls are the bottleneck, not CPU. */
export const RUN_CONCURRENCY = 2;

function invalid(fieldErrors: FieldErrors): AppError {
  const first = Object.values(fieldErrors).flat()[0] ?? "Some of the input is not valid.";
  return new AppError("invalid:ideation_run", first, { fieldErrors });
}

function planTopics(
  studyId: string,
  input: { topicMode: "chosen" | "match"; topicIds: string[]; n: number },
) {
  const { topics } = getStudySettings({ studyId });
  if (input.topicMode === "match") {
    const plan = matchTopicMix(countHumanIdeasByTopic({ studyId }));
    if (plan.length === 0)
      throw invalid({
        topicMode: [
          "Topics: the study has no submitted human ideas yet, so there is no mix to match; choose topics instead.",
        ],
      });
    return plan;
  }
  const known = new Set(topics.map((t) => t.id));
  const unknown = input.topicIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw invalid({ topicIds: ["Topics: choose among this study's topics."] });
  return input.topicIds.map((topicId): RunTopicPlan => ({ topicId, n: input.n }));
}

function itemsOf(agents: readonly RunAgentSpec[], topics: readonly RunTopicPlan[]): RunItemInput[] {
  return agents.flatMap((_, agentIndex) => topics.map((t) => ({ agentIndex, topicId: t.topicId })));
}

/**
 * Runs write ideas into the study, so an archived (read-only) study refuses them here as well as in
 * the guard: the `ideate` CLI reaches this without the guard.
 */
function assertNotArchived(studyId: string): void {
  const study = getStudyById({ studyId });
  if (study?.archivedAt != null) throw studyArchivedError();
}

export async function startIdeationRun({
  studyId,
  actorId,
  input,
}: {
  studyId: string;
  actorId: string | null;
  input: StartRunInput;
}): Promise<IdeationRun> {
  const checked = validateStartRun(input);
  if (!checked.ok) throw invalid(checked.errors);
  const { request } = checked;
  const errors: FieldErrors = {};
  const agents = request.agents.map((a, i) => {
    const agent = getIdeationAgent(a.agent);
    if (!agent) {
      errors[`agents.${i}.agent`] = [`Agent: "${a.agent}" is not available yet.`];
      return null;
    }
    const params = agent.paramsSchema.safeParse({ keep: request.keep, ...a.params });
    if (!params.success)
      errors[`agents.${i}.params`] = params.error.issues.map((x) => `${agent.label}: ${x.message}`);
    return { agent, spec: a };
  });
  if (Object.keys(errors).length > 0) throw invalid(errors);
  assertNotArchived(studyId);
  const { study } = getStudySettings({ studyId });
  if (study.status !== "setup" && study.status !== "writing")
    throw new AppError(
      "conflict:phase",
      `Ideation runs add ideas, so they start only while the study is in setup or writing; it is in the ${study.status} phase.`,
    );
  const topics = planTopics(studyId, request);
  const specs: RunAgentSpec[] = agents.map((a) => {
    if (!a) throw new Error("unreachable: agent errors were thrown above");
    const condition = ensureCondition({ studyId, key: a.spec.conditionKey, label: a.spec.conditionKey });
    return {
      agent: a.agent.id,
      conditionKey: a.spec.conditionKey,
      conditionId: condition.id,
      params: a.spec.params,
    };
  });
  const run = createIdeationRun({
    studyId,
    createdBy: actorId,
    agents: specs,
    topics,
    topicMode: request.topicMode,
    model: request.model,
    budgetUsd: request.budgetUsd,
    seed: request.seed,
    keep: request.keep,
  });
  const job = await enqueueJob({
    kind: IDEATION_RUN_JOB_KIND,
    studyId,
    params: { runId: run.id },
    items: itemsOf(specs, topics),
    createdBy: actorId,
    concurrency: RUN_CONCURRENCY,
  });
  attachRunJob({ runId: run.id, jobId: job.id });
  return getIdeationRun({ studyId, runId: run.id });
}

function isActive(jobId: string | null): boolean {
  const job = jobId ? getJob({ jobId }) : null;
  return job !== null && (job.status === "queued" || job.status === "running");
}

/** Stops the run's job: in-flight model calls are aborted; finished steps and ideas are kept. */
export function cancelIdeationRun({ studyId, runId }: { studyId: string; runId: string }): void {
  const run = getIdeationRun({ studyId, runId });
  if (!run.jobId || !isActive(run.jobId))
    throw new AppError("conflict:ideation_run", "This run is not running.");
  cancelJob({ jobId: run.jobId });
}

/**
 * Continues a cancelled, budget-stopped or failed run with a new job over its unfinished (agent,
 * topic) items; their finished steps come back from checkpoints. A new budget may be given.
 */
export async function resumeIdeationRun({
  studyId,
  runId,
  actorId,
  budgetUsd,
}: {
  studyId: string;
  runId: string;
  actorId: string | null;
  budgetUsd?: number;
}): Promise<IdeationRun> {
  const run = getIdeationRun({ studyId, runId });
  assertNotArchived(studyId);
  if (isActive(run.jobId)) throw new AppError("conflict:ideation_run", "This run is still running.");
  if (budgetUsd !== undefined && !(Number.isFinite(budgetUsd) && budgetUsd > 0))
    throw invalid({ budgetUsd: ["Budget: must be more than $0."] });
  const finished = new Set(
    listProgress({ runId })
      .filter((p) => p.stage === WRITE_STAGE && p.done >= p.total)
      .map((p) => `${p.agentIndex}/${p.topicId}`),
  );
  const items = itemsOf(run.agents, run.topics).filter((i) => !finished.has(`${i.agentIndex}/${i.topicId}`));
  if (items.length === 0) throw new AppError("conflict:ideation_run", "Every topic of this run is finished.");
  const job = await enqueueJob({
    kind: IDEATION_RUN_JOB_KIND,
    studyId,
    params: { runId },
    items,
    createdBy: actorId,
    concurrency: RUN_CONCURRENCY,
  });
  attachRunJob({ runId, jobId: job.id, budgetUsd });
  return getIdeationRun({ studyId, runId });
}
