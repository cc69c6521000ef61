import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { JOB_ITEM_STATUSES, JOB_STATUSES } from "@/lib/jobs/types";
import { createdAt, id, timestamp } from "./columns";
import { studies } from "./studies";
import { users } from "./users";

export const jobs = sqliteTable(
  "jobs",
  {
    id: id(),
    /** Which registered handler processes the items, e.g. "test", "normalize". */
    kind: text("kind").notNull(),
    studyId: text("study_id").references(() => studies.id, { onDelete: "cascade" }),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    params: text("params", { mode: "json" }).$type<unknown>().notNull().default({}),
    concurrency: integer("concurrency").notNull().default(2),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
    cancelRequestedAt: timestamp("cancel_requested_at"),
    error: text("error"),
  },
  (t) => [
    index("jobs_study_idx").on(t.studyId),
    index("jobs_created_by_idx").on(t.createdBy),
    index("jobs_status_idx").on(t.status),
  ],
);
export type Job = typeof jobs.$inferSelect;

export const jobItems = sqliteTable(
  "job_items",
  {
    id: id(),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    input: text("input", { mode: "json" }).$type<unknown>().notNull(),
    status: text("status", { enum: JOB_ITEM_STATUSES }).notNull().default("pending"),
    output: text("output", { mode: "json" }).$type<unknown>(),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [
    uniqueIndex("job_items_job_seq_idx").on(t.jobId, t.seq),
    index("job_items_job_status_idx").on(t.jobId, t.status),
  ],
);
export type JobItem = typeof jobItems.$inferSelect;
