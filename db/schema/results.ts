import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns";
import { studies } from "./studies";
import { users } from "./users";

/**
 * A published analysis: the parameters, a hash of the tidy review table it was computed from and
 * every output file, so a table cited in a paper can always be found again exactly as published.
 */
export const resultSnapshots = sqliteTable(
  "result_snapshots",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    /** { baseline, correction, family, metrics } */
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** sha256 of the tidy review table (CSV) the numbers come from. */
    tableHash: text("table_hash").notNull(),
    reviewCount: integer("review_count").notNull(),
    /** File name → content: significance.csv, descriptives.csv, agreement.csv, topics.csv, reviews.csv, mixed-model.R, analysis.json. */
    files: text("files", { mode: "json" }).$type<Record<string, string>>().notNull(),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("result_snapshots_study_idx").on(t.studyId),
    index("result_snapshots_by_idx").on(t.publishedBy),
  ],
);
export type ResultSnapshot = typeof resultSnapshots.$inferSelect;
