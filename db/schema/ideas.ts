import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  IDEA_PROVENANCES,
  IDEA_STATUSES,
  type IdeaFields,
  NORMALIZATION_REVIEWS,
  NORMALIZATION_STATES,
} from "@/lib/ideas/types";
import { createdAt, id, timestamp } from "./columns";
import { conditions, studies, topics } from "./studies";
import { users } from "./users";

export const ideaImports = sqliteTable(
  "idea_imports",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    format: text("format", { enum: ["jsonl", "csv"] }).notNull(),
    rowCount: integer("row_count").notNull(),
    importedBy: text("imported_by").references(() => users.id, { onDelete: "set null" }),
    importedAt: timestamp("imported_at").notNull(),
  },
  (t) => [index("idea_imports_study_idx").on(t.studyId), index("idea_imports_by_idx").on(t.importedBy)],
);
export type IdeaImport = typeof ideaImports.$inferSelect;

export const ideas = sqliteTable(
  "ideas",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    /** Random per-study code shown to reviewers; never a sequence. */
    code: text("code").notNull(),
    topicId: text("topic_id")
      .notNull()
      .references(() => topics.id),
    conditionId: text("condition_id")
      .notNull()
      .references(() => conditions.id),
    /** Null for imported or generated ideas. */
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    provenance: text("provenance", { enum: IDEA_PROVENANCES }).notNull(),
    importId: text("import_id").references(() => ideaImports.id, { onDelete: "set null" }),
    /** The generating job, for generated ideas. */
    jobId: text("job_id"),
    externalId: text("external_id"),
    status: text("status", { enum: IDEA_STATUSES }).notNull().default("draft"),
    fields: text("fields", { mode: "json" }).$type<IdeaFields>().notNull(),
    /** Optimistic concurrency: every save must name the version it started from. */
    version: integer("version").notNull().default(1),
    /** The idempotency key of the author's save that wrote this version (see saveIdeaDraft). */
    lastSaveId: text("last_save_id"),
    attestedAt: timestamp("attested_at"),
    submittedAt: timestamp("submitted_at"),
    normalizedFields: text("normalized_fields", { mode: "json" }).$type<IdeaFields>(),
    normalizationState: text("normalization_state", { enum: NORMALIZATION_STATES }).notNull().default("none"),
    normalizationError: text("normalization_error"),
    normalizationReview: text("normalization_review", { enum: NORMALIZATION_REVIEWS })
      .notNull()
      .default("unreviewed"),
    /** Which text reviewers will see: the accepted normalized text, or the original. Null = not decided. */
    reviewTextSource: text("review_text_source", { enum: ["normalized", "original"] }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at")
      .notNull()
      .$defaultFn(() => Date.now()),
  },
  (t) => [
    uniqueIndex("ideas_study_code_idx").on(t.studyId, t.code),
    uniqueIndex("ideas_study_external_idx").on(t.studyId, t.externalId),
    index("ideas_study_status_idx").on(t.studyId, t.status),
    index("ideas_topic_idx").on(t.topicId),
    index("ideas_condition_idx").on(t.conditionId),
    index("ideas_author_idx").on(t.authorId),
    index("ideas_import_idx").on(t.importId),
  ],
);
export type Idea = typeof ideas.$inferSelect;

export const ideaVersions = sqliteTable(
  "idea_versions",
  {
    id: id(),
    ideaId: text("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    fields: text("fields", { mode: "json" }).$type<IdeaFields>().notNull(),
    kind: text("kind", {
      enum: ["save", "submit", "withdraw", "import", "normalized_edit", "restore"],
    }).notNull(),
    savedBy: text("saved_by").references(() => users.id, { onDelete: "set null" }),
    /** For kind "restore": the earlier version whose text this one copies. */
    restoredFrom: integer("restored_from"),
    savedAt: timestamp("saved_at").notNull(),
  },
  (t) => [
    uniqueIndex("idea_versions_idea_version_idx").on(t.ideaId, t.version),
    index("idea_versions_by_idx").on(t.savedBy),
  ],
);
export type IdeaVersion = typeof ideaVersions.$inferSelect;
