import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./columns";
import { studies } from "./studies";

/** One row per call of server/ai/generate (cache hits included, marked cached). */
export const llmCalls = sqliteTable(
  "llm_calls",
  {
    id: id(),
    purpose: text("purpose").notNull(),
    studyId: text("study_id").references(() => studies.id, { onDelete: "set null" }),
    jobId: text("job_id"),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    latencyMs: integer("latency_ms").notNull().default(0),
    /** Null when the model has no price in the table. */
    costUsd: real("cost_usd"),
    cached: integer("cached", { mode: "boolean" }).notNull().default(false),
    attempts: integer("attempts").notNull().default(1),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("llm_calls_study_idx").on(t.studyId),
    index("llm_calls_job_idx").on(t.jobId),
    index("llm_calls_created_idx").on(t.createdAt),
  ],
);
export type LlmCall = typeof llmCalls.$inferSelect;

/** Responses keyed by sha256 of (model, messages, parameters, output schema). */
export const llmCache = sqliteTable("llm_cache", {
  key: text("key").primaryKey(),
  model: text("model").notNull(),
  response: text("response", { mode: "json" }).$type<unknown>().notNull(),
  inputTokens: integer("input_tokens").notNull().default(0),
  outputTokens: integer("output_tokens").notNull().default(0),
  createdAt: createdAt(),
});
export type LlmCacheRow = typeof llmCache.$inferSelect;

/** USD per million tokens; admins edit it on the LLM status page. */
export const modelPrices = sqliteTable("model_prices", {
  model: text("model").primaryKey(),
  inputPerMTokUsd: real("input_per_mtok_usd").notNull(),
  outputPerMTokUsd: real("output_per_mtok_usd").notNull(),
  updatedAt: timestamp("updated_at")
    .notNull()
    .$defaultFn(() => Date.now()),
});
export type ModelPrice = typeof modelPrices.$inferSelect;
