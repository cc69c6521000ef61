import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { IDEATION_AGENT_IDS, type NoveltyStatus } from "@/lib/ideation/agent-types";
import { RUN_KEEP_MODES, type RunAgentSpec, type RunTopicPlan } from "@/lib/ideation/run-types";
import { llmCalls } from "./ai";
import { createdAt, id, timestamp } from "./columns";
import { ideas } from "./ideas";
import { studies } from "./studies";
import { users } from "./users";

// Ideation runs (specs/ideation.md "Runs, stages and what each stores"). A run's status is derived
// from its job (lib/ideation/run-status.ts); its totals are sums over its calls. Organizers only:
// nothing here is ever read for reviewers or judges.

export const ideationRuns = sqliteTable(
  "ideation_runs",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    /** One or more agents, each into its own condition. */
    agents: text("agents", { mode: "json" }).$type<RunAgentSpec[]>().notNull(),
    /** Topics and the ideas to keep for each. */
    topics: text("topics", { mode: "json" }).$type<RunTopicPlan[]>().notNull(),
    topicMode: text("topic_mode", { enum: ["chosen", "match"] }).notNull(),
    model: text("model").notNull(),
    budgetUsd: real("budget_usd").notNull(),
    seed: integer("seed").notNull().default(1),
    keep: text("keep", { enum: RUN_KEEP_MODES }).notNull().default("best"),
    /** The current job (a resume starts a new one); earlier ones are in jobIds. */
    jobId: text("job_id"),
    jobIds: text("job_ids", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Set when a call would have passed the budget; cleared by a resume. */
    budgetStoppedAt: timestamp("budget_stopped_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("ideation_runs_study_idx").on(t.studyId),
    index("ideation_runs_created_by_idx").on(t.createdBy),
  ],
);
export type IdeationRun = typeof ideationRuns.$inferSelect;

/** Staged progress per agent, topic and stage (upserted by AgentContext.progress). */
export const ideationProgress = sqliteTable(
  "ideation_progress",
  {
    runId: text("run_id")
      .notNull()
      .references(() => ideationRuns.id, { onDelete: "cascade" }),
    agentIndex: integer("agent_index").notNull(),
    topicId: text("topic_id").notNull(),
    stage: text("stage").notNull(),
    done: integer("done").notNull(),
    total: integer("total").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.agentIndex, t.topicId, t.stage] })],
);

/** Step checkpoints: the JSON result of a finished step, so resume never redoes it. */
export const ideationCheckpoints = sqliteTable(
  "ideation_checkpoints",
  {
    runId: text("run_id")
      .notNull()
      .references(() => ideationRuns.id, { onDelete: "cascade" }),
    agentIndex: integer("agent_index").notNull(),
    topicId: text("topic_id").notNull(),
    key: text("key").notNull(),
    value: text("value", { mode: "json" }).$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.agentIndex, t.topicId, t.key] })],
);

/**
 * Every model call of a run, for provenance and the cost table. Tokens, cost and cached come from
 * the llm_calls row (one source); the prompt and output are kept here because llm_calls has neither.
 */
export const ideationCalls = sqliteTable(
  "ideation_calls",
  {
    id: id(),
    runId: text("run_id")
      .notNull()
      .references(() => ideationRuns.id, { onDelete: "cascade" }),
    llmCallId: text("llm_call_id").references(() => llmCalls.id, { onDelete: "set null" }),
    agentIndex: integer("agent_index").notNull(),
    topicId: text("topic_id").notNull(),
    stage: text("stage").notNull(),
    candidate: text("candidate"),
    system: text("system"),
    prompt: text("prompt").notNull(),
    output: text("output"),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("ideation_calls_run_idx").on(t.runId, t.agentIndex, t.topicId),
    index("ideation_calls_llm_idx").on(t.llmCallId),
  ],
);
export type IdeationCall = typeof ideationCalls.$inferSelect;

/** Series an agent reports for the run page (e.g. unique rate per batch). */
export const ideationMetrics = sqliteTable(
  "ideation_metrics",
  {
    id: id(),
    runId: text("run_id")
      .notNull()
      .references(() => ideationRuns.id, { onDelete: "cascade" }),
    agentIndex: integer("agent_index").notNull(),
    topicId: text("topic_id").notNull(),
    name: text("name").notNull(),
    point: text("point", { mode: "json" }).$type<Record<string, number>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("ideation_metrics_run_idx").on(t.runId, t.name)],
);

/** Provenance of a generated idea (organizers only). One row per written idea. */
export const generatedIdeas = sqliteTable(
  "generated_ideas",
  {
    ideaId: text("idea_id")
      .primaryKey()
      .references(() => ideas.id, { onDelete: "cascade" }),
    runId: text("run_id")
      .notNull()
      .references(() => ideationRuns.id, { onDelete: "cascade" }),
    agentIndex: integer("agent_index").notNull(),
    agent: text("agent", { enum: IDEATION_AGENT_IDS }).notNull(),
    topicId: text("topic_id").notNull(),
    candidate: text("candidate").notNull(),
    model: text("model").notNull(),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    noveltyStatus: text("novelty_status").$type<NoveltyStatus>(),
    provenance: text("provenance", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("generated_ideas_candidate_idx").on(t.runId, t.agentIndex, t.topicId, t.candidate)],
);
export type GeneratedIdeaRow = typeof generatedIdeas.$inferSelect;
