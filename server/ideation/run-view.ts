import "server-only";
import { listRunCallCosts } from "@/db/queries/ideation-calls";
import { listRunIdeas, type RunIdeaLink } from "@/db/queries/ideation-ideas";
import { getIdeationRun, listIdeationRuns, listRunJobItems } from "@/db/queries/ideation-runs";
import { listMetricPoints, listProgress } from "@/db/queries/ideation-steps";
import { getJob, getJobProgress } from "@/db/queries/jobs";
import { getStudySettings } from "@/db/queries/study-settings";
import type { IdeationRun } from "@/db/schema";
import { type RunCosts, runCosts } from "@/lib/ideation/run-costs";
import { runStatus } from "@/lib/ideation/run-status";
import type { RunStageProgress, RunStatus } from "@/lib/ideation/run-types";
import { getIdeationAgent } from "./agents";
import { WRITE_STAGE } from "./run-item";

// What the ideation pages show (organizers only): each run's status from its job, staged progress per
// agent and topic, costs per stage and per idea, failures with their messages, and the written ideas.

export type RunSummary = {
  run: IdeationRun;
  status: RunStatus;
  agentLabels: string[];
  spentUsd: number;
  ideas: number;
};

function statusOf(run: IdeationRun): RunStatus {
  const progress = run.jobId ? getJobProgress({ jobId: run.jobId }) : null;
  return runStatus({
    jobStatus: progress?.job.status ?? null,
    counts: progress ?? { total: 0, done: 0, error: 0 },
    budgetStopped: run.budgetStoppedAt !== null,
  });
}

const labelOf = (agent: string) => getIdeationAgent(agent)?.label ?? agent;

export function listRunSummaries({ studyId }: { studyId: string }): RunSummary[] {
  return listIdeationRuns({ studyId }).map((run) => {
    const calls = listRunCallCosts({ runId: run.id });
    return {
      run,
      status: statusOf(run),
      agentLabels: run.agents.map((a) => `${labelOf(a.agent)} → ${a.conditionKey}`),
      spentUsd: calls.reduce((s, c) => s + (c.cached ? 0 : (c.costUsd ?? 0)), 0),
      ideas: listRunIdeas({ runId: run.id, titleKey: null }).length,
    };
  });
}

export type RunItemView = {
  agentIndex: number;
  agentLabel: string;
  conditionKey: string;
  topicId: string;
  topicName: string;
  n: number;
  stages: { stage: string; done: number; total: number }[];
  finished: boolean;
  /** The latest job's error for this item, if it failed. */
  error: string | null;
};

export type RunView = {
  run: IdeationRun;
  status: RunStatus;
  active: boolean;
  items: RunItemView[];
  costs: RunCosts;
  ideas: RunIdeaLink[];
  metrics: ReturnType<typeof listMetricPoints>;
  jobError: string | null;
};

export function getRunView({ studyId, runId }: { studyId: string; runId: string }): RunView {
  const run = getIdeationRun({ studyId, runId });
  const { topics, template } = getStudySettings({ studyId });
  const titleKey = template.find((f) => f.key === "title")?.key ?? template[0]?.key ?? null;
  const progress = listProgress({ runId });
  const jobItems = listRunJobItems({ jobIds: run.jobIds });
  const errors = new Map<string, string | null>();
  for (const item of jobItems) {
    const input = item.input as { agentIndex?: number; topicId?: string };
    errors.set(`${input.agentIndex}/${input.topicId}`, item.status === "error" ? item.error : null);
  }
  const byItem = (agentIndex: number, topicId: string) =>
    progress.filter((p: RunStageProgress) => p.agentIndex === agentIndex && p.topicId === topicId);
  const items: RunItemView[] = run.agents.flatMap((spec, agentIndex) => {
    const agent = getIdeationAgent(spec.agent);
    const order = [...(agent?.stages ?? []), WRITE_STAGE];
    return run.topics.map((plan) => {
      const stages = byItem(agentIndex, plan.topicId).sort(
        (a, b) => order.indexOf(a.stage) - order.indexOf(b.stage),
      );
      return {
        agentIndex,
        agentLabel: agent?.label ?? spec.agent,
        conditionKey: spec.conditionKey,
        topicId: plan.topicId,
        topicName: topics.find((t) => t.id === plan.topicId)?.name ?? "(removed topic)",
        n: plan.n,
        stages: stages.map(({ stage, done, total }) => ({ stage, done, total })),
        finished: stages.some((s) => s.stage === WRITE_STAGE && s.done >= s.total),
        error: errors.get(`${agentIndex}/${plan.topicId}`) ?? null,
      };
    });
  });
  const ideas = listRunIdeas({ runId, titleKey });
  const costs = runCosts({
    calls: listRunCallCosts({ runId }),
    kept: ideas,
    finishedItems: items.filter((i) => i.finished).map((i) => `${i.agentIndex}/${i.topicId}`),
    totalItems: items.length,
  });
  const job = run.jobId ? getJob({ jobId: run.jobId }) : null;
  const status = statusOf(run);
  return {
    run,
    status,
    active: status === "queued" || status === "running",
    items,
    costs,
    ideas,
    metrics: listMetricPoints({ runId }),
    jobError: job?.error ?? null,
  };
}
