import type { z } from "zod";
import type { PaperStore } from "@/lib/chains/types";
import type { IdeaTemplateField } from "@/lib/ideas/types";

// The contract between an ideation run (server/ideation/run-*.ts: the job, budget, checkpoints,
// cost and provenance) and an agent (server/ideation/<agent>.ts orchestrating pure steps in
// lib/ideation). An agent sees the world only through AgentContext, so every agent gets caching,
// costing, the budget stop, cancel and resume from the run without writing them itself.

export const IDEATION_AGENT_IDS = ["coi", "overgenerate", "rag", "direct"] as const;
export type IdeationAgentId = (typeof IDEATION_AGENT_IDS)[number];

/** Thrown by AgentContext.llm when the next call would pass the run's budget; the run stops cleanly. */
export class BudgetExceededError extends Error {
  constructor(
    readonly spentUsd: number,
    readonly budgetUsd: number,
  ) {
    super(`The run's budget of $${budgetUsd.toFixed(2)} is reached ($${spentUsd.toFixed(4)} spent).`);
    this.name = "BudgetExceededError";
  }
}

/**
 * One structured model call as an agent makes it. The run records it (stage, topic, candidate,
 * prompt, output, tokens, cost) for the cost report and provenance, checks the budget first, and
 * passes the run's cancel signal. The output is parsed with `schema`; generate() repairs once, then
 * the call throws (never "use the whole response").
 */
export type AgentLlmCall = <T>(input: {
  stage: string;
  /** The candidate idea this call is for (costs are charged to it); null when shared by the topic. */
  candidate: string | null;
  system?: string;
  prompt: string;
  schema: z.ZodType<T>;
  temperature?: number;
  /** Distinct seeds give distinct samples of one prompt (the response cache keys on it). */
  seed?: number;
}) => Promise<T>;

export type AgentTopic = { id: string; name: string; description: string };

export type AgentContext = {
  runId: string;
  studyId: string;
  agent: IdeationAgentId;
  topic: AgentTopic;
  /** The study's idea template: every generated idea fills exactly these keys. */
  template: readonly IdeaTemplateField[];
  /** Ideas to keep for this topic. */
  n: number;
  /**
   * The run's model id, for caches keyed by model (paper readings). Always set by a run; optional so
   * agent unit tests' hand-made contexts need not name one (readings are then skipped).
   */
  model?: string;
  seed: number;
  /** The study's literature cut-off (ISO date) or null; the store already applies it. */
  before: string | null;
  /** Agent-specific parameters, already checked with the agent's paramsSchema. */
  params: Record<string, unknown>;
  llm: AgentLlmCall;
  /** The study's literature (local store, and connectors unless offline). */
  store: PaperStore;
  /** Embeddings from the configured embedding model, or null when none is configured. */
  embed: ((texts: string[]) => Promise<number[][]>) | null;
  /**
   * A checkpoint: the first time `key` is seen in this run and topic, runs fn and stores its JSON
   * result; after a restart or resume, returns the stored result without running fn again.
   */
  step: <T>(key: string, fn: () => Promise<T>) => Promise<T>;
  /** Staged progress for the run page ("seeds", 35, 200). */
  progress: (stage: string, done: number, total: number) => void;
  /** A point of a series the run page draws, e.g. ("unique-rate", { batch: 3, rate: 0.4 }). */
  metric: (name: string, point: Record<string, number>) => void;
  signal: AbortSignal;
};

export type NoveltyStatus = "novel" | "unresolved";

export type GeneratedIdea = {
  /** The candidate id used in this idea's llm calls, so its costs are attributed to it. */
  candidate: string;
  /** Template field key → text. */
  fields: Record<string, string>;
  /** Null when the agent runs no novelty check. */
  noveltyStatus: NoveltyStatus | null;
  /** Organizers only (never reviewers or judges): chain ids, novelty evidence, seed, rank… */
  provenance: Record<string, unknown>;
};

export type IdeationAgent<P extends Record<string, unknown> = Record<string, unknown>> = {
  id: IdeationAgentId;
  label: string;
  /** Stage names in order, for the run page's progress and the per-stage cost table. */
  stages: readonly string[];
  paramsSchema: z.ZodType<P>;
  /** Runs one topic; returns the kept ideas (at most ctx.n), best first. */
  run(ctx: AgentContext): Promise<GeneratedIdea[]>;
};
