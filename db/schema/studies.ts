import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./columns";
import { users } from "./users";

export const STUDY_STATUSES = ["setup", "writing", "normalization", "reviewing", "arena", "closed"] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];

export const studies = sqliteTable(
  "studies",
  {
    id: id(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: STUDY_STATUSES }).notNull().default("setup"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    /** Demo studies are labelled everywhere they appear. */
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at")
      .notNull()
      .$defaultFn(() => Date.now()),
  },
  (t) => [index("studies_created_by_idx").on(t.createdBy)],
);
export type Study = typeof studies.$inferSelect;

export const STUDY_ROLES = ["organizer", "writer", "reviewer", "judge"] as const;
export type StudyRole = (typeof STUDY_ROLES)[number];

export const memberships = sqliteTable(
  "memberships",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: STUDY_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_study_user_role_idx").on(t.studyId, t.userId, t.role),
    index("memberships_user_idx").on(t.userId),
  ],
);
export type Membership = typeof memberships.$inferSelect;
