import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ReviewAnswers } from "@/lib/reviews/answers";
import { ASSIGNMENT_STATES } from "@/lib/reviews/types";
import { createdAt, id, timestamp } from "./columns";
import { ideas } from "./ideas";
import { studies } from "./studies";
import { users } from "./users";

/** What a reviewer declares before assignment: topics, a load range within the study's bounds, institution. */
export const reviewerProfiles = sqliteTable(
  "reviewer_profiles",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    topicIds: text("topic_ids", { mode: "json" }).$type<string[]>().notNull(),
    minLoad: integer("min_load").notNull(),
    maxLoad: integer("max_load").notNull(),
    institution: text("institution").notNull().default(""),
    /** A withdrawn reviewer gets no new assignments; published ones stay until reassigned. */
    withdrawnAt: timestamp("withdrawn_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("reviewer_profiles_study_user_idx").on(t.studyId, t.userId),
    index("reviewer_profiles_user_idx").on(t.userId),
  ],
);
export type ReviewerProfile = typeof reviewerProfiles.$inferSelect;

/** Extra conflicts an organizer marks: reviewer × idea, or reviewer × author (all of that author's ideas). */
export const reviewConflicts = sqliteTable(
  "review_conflicts",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ideaId: text("idea_id").references(() => ideas.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("review_conflicts_study_idx").on(t.studyId),
    index("review_conflicts_reviewer_idx").on(t.reviewerId),
    index("review_conflicts_idea_idx").on(t.ideaId),
    index("review_conflicts_author_idx").on(t.authorId),
    index("review_conflicts_by_idx").on(t.createdBy),
  ],
);
export type ReviewConflict = typeof reviewConflicts.$inferSelect;

/**
 * One reviewer × idea pair. The engine (or a hand edit) writes `proposed` rows the organizer
 * previews; publishing turns them `published` and reviewers see them. Reassigning withdraws a row.
 */
export const assignments = sqliteTable(
  "assignments",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    ideaId: text("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state", { enum: ASSIGNMENT_STATES }).notNull(),
    source: text("source", { enum: ["engine", "manual", "reassigned"] }).notNull(),
    createdAt: createdAt(),
    publishedAt: timestamp("published_at"),
  },
  (t) => [
    uniqueIndex("assignments_idea_reviewer_idx").on(t.ideaId, t.reviewerId),
    index("assignments_study_state_idx").on(t.studyId, t.state),
    index("assignments_reviewer_idx").on(t.reviewerId),
  ],
);
export type AssignmentRow = typeof assignments.$inferSelect;

/** The last engine run: its parameters and report, shown on the preview until the next run. */
export const assignmentRuns = sqliteTable(
  "assignment_runs",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: ["full", "remaining"] }).notNull(),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    report: text("report", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    runBy: text("run_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("assignment_runs_study_idx").on(t.studyId), index("assignment_runs_by_idx").on(t.runBy)],
);
export type AssignmentRun = typeof assignmentRuns.$inferSelect;

export const reviewImports = sqliteTable(
  "review_imports",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    rowCount: integer("row_count").notNull(),
    importedBy: text("imported_by").references(() => users.id, { onDelete: "set null" }),
    importedAt: timestamp("imported_at").notNull(),
    /** The organizer chose to accept rationales shorter than the form's minimum (external data). */
    allowShortRationales: integer("allow_short_rationales", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("review_imports_study_idx").on(t.studyId), index("review_imports_by_idx").on(t.importedBy)],
);
export type ReviewImport = typeof reviewImports.$inferSelect;

/**
 * A review written in the app (assignment set, reviewer set) or imported from a tidy table
 * (external ids set). Drafts and submitted reviews share the row; `version` guards autosave races.
 */
export const reviews = sqliteTable(
  "reviews",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    ideaId: text("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    assignmentId: text("assignment_id").references(() => assignments.id, { onDelete: "set null" }),
    reviewerId: text("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: ["draft", "submitted"] }).notNull(),
    answers: text("answers", { mode: "json" }).$type<ReviewAnswers>().notNull(),
    version: integer("version").notNull().default(1),
    /** The idempotency key of the save that wrote this version (see writeReview). */
    lastSaveId: text("last_save_id"),
    /** Seconds the page was visible and in use, summed over visits (beside the self-reported minutes). */
    activeSeconds: integer("active_seconds").notNull().default(0),
    firstSubmittedAt: timestamp("first_submitted_at"),
    submittedAt: timestamp("submitted_at"),
    importId: text("import_id").references(() => reviewImports.id, { onDelete: "cascade" }),
    /** For imported reviews: the review and reviewer ids as the file gave them. */
    externalReviewId: text("external_review_id"),
    externalReviewerId: text("external_reviewer_id"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("reviews_assignment_idx").on(t.assignmentId),
    uniqueIndex("reviews_study_external_idx").on(t.studyId, t.externalReviewId),
    index("reviews_study_status_idx").on(t.studyId, t.status),
    index("reviews_idea_idx").on(t.ideaId),
    index("reviews_reviewer_idx").on(t.reviewerId),
    index("reviews_import_idx").on(t.importId),
  ],
);
export type Review = typeof reviews.$inferSelect;
