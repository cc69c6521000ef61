import type { IdeationAgentId, NoveltyStatus } from "./agent-types";

// Ideation runs as the pages, the CLI and the tables see them (specs/ideation.md "Runs, stages and
// what each stores"). One run holds several agents, each writing into its own condition, over the
// same topics; the job has one item per (agent, topic).

/** One agent of a run: which agent, the condition its ideas go to, and its own parameters. */
export type RunAgentSpec = {
  agent: IdeationAgentId;
  /** The target condition's key (created at start if the study lacks it, e.g. "CoI"). */
  conditionKey: string;
  /** Filled in when the run starts and the condition exists. */
  conditionId: string | null;
  params: Record<string, unknown>;
};

/** A topic of the run and how many ideas to keep for it. */
export type RunTopicPlan = { topicId: string; n: number };

export const RUN_KEEP_MODES = ["best", "all"] as const;
export type RunKeepMode = (typeof RUN_KEEP_MODES)[number];

/** Shown status: derived from the run's job and its budget stop (never stored twice). */
export const RUN_STATUSES = [
  "queued",
  "running",
  "paused_at_budget",
  "cancelled",
  "done",
  "done_with_failures",
  "failed",
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  queued: "Queued",
  running: "Running",
  paused_at_budget: "Stopped at the budget",
  cancelled: "Cancelled",
  done: "Done",
  done_with_failures: "Done, with failures",
  failed: "Failed",
};

/** The job item of a run: one agent on one topic. */
export type RunItemInput = { agentIndex: number; topicId: string };

/** A stage's progress for one agent and topic ("novelty", 2 of 3). */
export type RunStageProgress = {
  agentIndex: number;
  topicId: string;
  stage: string;
  done: number;
  total: number;
};

export type GeneratedIdeaProvenance = {
  ideaId: string;
  runId: string;
  agentIndex: number;
  agent: IdeationAgentId;
  topicId: string;
  candidate: string;
  model: string;
  params: Record<string, unknown>;
  noveltyStatus: NoveltyStatus | null;
  provenance: Record<string, unknown>;
};
