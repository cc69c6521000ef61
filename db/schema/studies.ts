import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import type { ReviewForm } from "@/lib/reviews/form";
import { type PhaseDates, type ReviewSettings, STUDY_ROLES, STUDY_STATUSES } from "@/lib/studies/types";
import { createdAt, id, timestamp } from "./columns";
import { users } from "./users";

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
    instructions: text("instructions").notNull().default(""),
    consentText: text("consent_text").notNull().default(""),
    /** Optional checkbox a writer ticks on submit, e.g. "I did not use AI tools". Null = none. */
    attestationText: text("attestation_text"),
    /** The idea template (see lib/ideas/template.ts); null until the study is first configured. */
    ideaTemplate: text("idea_template", { mode: "json" }).$type<IdeaTemplateField[]>(),
    /** Planned dates per phase: { writing: { opensAt, closesAt }, ... } in epoch ms. */
    phaseDates: text("phase_dates", { mode: "json" }).$type<PhaseDates>().notNull().default({}),
    /** The review form (lib/reviews/form.ts); null until stored, which happens at the latest on the first review. */
    reviewForm: text("review_form", { mode: "json" }).$type<ReviewForm>(),
    /** Reviewer sign-up and review options; missing keys take DEFAULT_REVIEW_SETTINGS. */
    reviewSettings: text("review_settings", { mode: "json" })
      .$type<Partial<ReviewSettings>>()
      .notNull()
      .default({}),
    /** The Idea Arena's setup (db/schema/arena.ts ArenaConfig); missing keys take the defaults. */
    arenaConfig: text("arena_config", { mode: "json" })
      .$type<Record<string, unknown>>()
      .notNull()
      .default({}),
    /** Random salt for the stable per-study reviewer pseudonyms in exports; set on first use. */
    pseudonymSalt: text("pseudonym_salt"),
    /** Literature cut-off (YYYY-MM-DD): no paper after it may be returned in this study. Null = none. */
    literatureCutoff: text("literature_cutoff"),
    /** Set while the study is archived: read-only and hidden from the default studies list. */
    archivedAt: timestamp("archived_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at")
      .notNull()
      .$defaultFn(() => Date.now()),
  },
  (t) => [index("studies_created_by_idx").on(t.createdBy)],
);
export type Study = typeof studies.$inferSelect;

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

export const topics = sqliteTable(
  "topics",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("topics_study_name_idx").on(t.studyId, t.name)],
);
export type Topic = typeof topics.$inferSelect;

export const conditions = sqliteTable(
  "conditions",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    /** Short machine key used in exports and statistics, e.g. Human, AI, AI_Rerank. */
    key: text("key").notNull(),
    label: text("label").notNull(),
    isBaseline: integer("is_baseline", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("conditions_study_key_idx").on(t.studyId, t.key)],
);
export type Condition = typeof conditions.$inferSelect;

/** An audit trail of what organizers changed: phase changes, settings, imports. */
export const studyEvents = sqliteTable(
  "study_events",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("study_events_study_idx").on(t.studyId), index("study_events_actor_idx").on(t.actorId)],
);
export type StudyEvent = typeof studyEvents.$inferSelect;

export const consents = sqliteTable(
  "consents",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The exact text accepted, so a later edit of the consent text does not rewrite history. */
    consentText: text("consent_text").notNull(),
    acceptedAt: timestamp("accepted_at").notNull(),
  },
  (t) => [
    uniqueIndex("consents_study_user_idx").on(t.studyId, t.userId),
    index("consents_user_idx").on(t.userId),
  ],
);
export type Consent = typeof consents.$inferSelect;
