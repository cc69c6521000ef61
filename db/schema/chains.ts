import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
// Relative (not @/) so drizzle-kit resolves it without the tsconfig alias.
import type { PaperReading } from "../../lib/ai/prompts/read-paper";
import {
  CHAIN_STATUSES,
  type ChainProgressState,
  type ChainResult,
  type ChainStatus,
  PAPER_READING_SOURCES,
  type PaperReadingSource,
  type StoredChainOptions,
} from "../../lib/chains/stored";
import { createdAt, id, timestamp } from "./columns";
import { jobs } from "./jobs";
import { papers } from "./literature";
import { studies, topics } from "./studies";
import { users } from "./users";

/** A paper's full text, extracted from an uploaded PDF; the reader prefers it to the abstract. */
export const paperTexts = sqliteTable("paper_texts", {
  paperId: text("paper_id")
    .primaryKey()
    .references(() => papers.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
  pages: integer("pages").notNull(),
  fileName: text("file_name").notNull(),
  bytes: integer("bytes").notNull(),
  uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

/** One LLM reading of a paper per model and source, so a paper is read once across chains and runs. */
export const paperReadings = sqliteTable(
  "paper_readings",
  {
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    model: text("model").notNull(),
    source: text("source", { enum: PAPER_READING_SOURCES }).$type<PaperReadingSource>().notNull(),
    reading: text("reading", { mode: "json" }).$type<PaperReading>().notNull(),
    /** The llm_calls row of the call that produced it (null when the caller's call logs elsewhere). */
    llmCallId: text("llm_call_id"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.model, t.source] })],
);

/** A chain build of a study (K chains for one topic) and its result; built by the build-chain job. */
export const chains = sqliteTable(
  "chains",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    topicId: text("topic_id").references(() => topics.id, { onDelete: "set null" }),
    topic: text("topic").notNull(),
    options: text("options", { mode: "json" }).$type<StoredChainOptions>().notNull(),
    status: text("status", { enum: CHAIN_STATUSES }).$type<ChainStatus>().notNull().default("queued"),
    progress: text("progress", { mode: "json" }).$type<ChainProgressState>(),
    result: text("result", { mode: "json" }).$type<ChainResult>(),
    /** The model the nodes were read with (null: no model configured, nodes unread). */
    readingModel: text("reading_model"),
    error: text("error"),
    jobId: text("job_id").references(() => jobs.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [index("chains_study_idx").on(t.studyId, t.createdAt), index("chains_job_idx").on(t.jobId)],
);
export type ChainRow = typeof chains.$inferSelect;
