import "server-only";
import { asc, count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { getStudyTemplate, ideaTemplateSchema, TEMPLATE_FIELD_LABELS } from "@/lib/ideas/template";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import type { StudyStatus } from "@/lib/studies/types";
import { studyDescriptionSchema, studyTitleSchema } from "@/lib/validation";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, ideas, type Study, studies, studyEvents, topics, users } from "../schema";
import {
  conditionColumns,
  countIdeas,
  type Executor,
  ideasPer,
  loadStudy,
  logEvent,
  parse,
  settingsColumns,
  topicColumns,
} from "./study-shared";

// Study settings: reading them, what is locked and why (getSettingsLocks), defaults, details, the
// idea template and the audit trail. Settings that would invalidate collected data are refused once
// data exists, with the reason, so the UI can show the same reason next to a disabled control.

export type StudySettings = {
  study: Pick<
    Study,
    | "id"
    | "title"
    | "description"
    | "status"
    | "isDemo"
    | "instructions"
    | "consentText"
    | "attestationText"
    | "ideaTemplate"
    | "phaseDates"
    | "createdAt"
    | "updatedAt"
  >;
  topics: { id: string; name: string; description: string; position: number }[];
  conditions: { id: string; key: string; label: string; isBaseline: boolean; position: number }[];
  /** The template in force: the study's own, or the default until one is stored. */
  template: IdeaTemplateField[];
  /** True while the study stores no template of its own (it gets the default when writing starts). */
  templateIsDefault: boolean;
};

// --- reading --------------------------------------------------------------------------------------

/** The study's settings with its topics and conditions in order; not_found:study when missing. */
export function getStudySettings({ studyId }: { studyId: string }): StudySettings {
  return withDbErrors(() => {
    const db = getDb();
    const study = loadStudy(db, studyId);
    return {
      study,
      topics: db
        .select(topicColumns)
        .from(topics)
        .where(eq(topics.studyId, studyId))
        .orderBy(asc(topics.position), asc(topics.createdAt))
        .all(),
      conditions: db
        .select(conditionColumns)
        .from(conditions)
        .where(eq(conditions.studyId, studyId))
        .orderBy(asc(conditions.position), asc(conditions.createdAt))
        .all(),
      template: getStudyTemplate(study),
      templateIsDefault: study.ideaTemplate === null,
    };
  });
}

export type SettingsLocks = {
  ideaCount: number;
  /** Why the template cannot be edited, or null when it can. */
  templateLocked: string | null;
  /** Why the baseline condition cannot move, or null when it can. */
  baselineLocked: string | null;
  /** Topics used by an idea: they cannot be removed or renamed (descriptions stay editable). */
  usedTopicIds: string[];
  /** Conditions used by an idea: they cannot be removed or get a new key (labels stay editable). */
  usedConditionIds: string[];
};

function computeLocks(ex: Executor, study: { id: string; status: StudyStatus }): SettingsLocks {
  const ideaCount = countIdeas(ex, study.id);
  let templateLocked: string | null = null;
  if (ideaCount > 0) {
    templateLocked = `The template is locked: ${plural(ideaCount, "idea")} already ${ideaCount === 1 ? "uses" : "use"} it.`;
  } else if (study.status !== "setup") {
    templateLocked = `The template is locked: writing has started (the study is in the ${study.status} phase). Move the study back to setup to change it.`;
  }
  return {
    ideaCount,
    templateLocked,
    baselineLocked:
      ideaCount > 0
        ? `The baseline is locked: ${plural(ideaCount, "idea")} already ${ideaCount === 1 ? "exists" : "exist"}.`
        : null,
    usedTopicIds: [...ideasPer(ex, study.id, ideas.topicId).keys()],
    usedConditionIds: [...ideasPer(ex, study.id, ideas.conditionId).keys()],
  };
}

/** What the settings page must show as locked, each with its reason. */
export function getSettingsLocks({ studyId }: { studyId: string }): SettingsLocks {
  return withDbErrors(() => {
    const db = getDb();
    return computeLocks(db, loadStudy(db, studyId));
  });
}

// --- creating -------------------------------------------------------------------------------------

export const DEFAULT_CONDITIONS = [
  { key: "Human", label: "Human-written", isBaseline: true },
  { key: "AI", label: "AI-generated", isBaseline: false },
] as const;

/**
 * Gives a study without conditions the defaults (Human as baseline, AI). Idempotent. createStudy
 * already inserts them; this repairs studies created before it did (or emptied by hand).
 */
export function ensureStudyDefaults({ studyId }: { studyId: string }): { added: number } {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const existing = tx
          .select({ n: count() })
          .from(conditions)
          .where(eq(conditions.studyId, studyId))
          .get();
        if ((existing?.n ?? 0) > 0) return { added: 0 };
        tx.insert(conditions)
          .values(DEFAULT_CONDITIONS.map((c, position) => ({ ...c, studyId, position })))
          .run();
        return { added: DEFAULT_CONDITIONS.length };
      },
      { behavior: "immediate" },
    ),
  );
}

// --- details --------------------------------------------------------------------------------------

export const studyDetailsSchema = z.object({
  title: studyTitleSchema,
  description: studyDescriptionSchema,
  instructions: z.string().trim().max(20_000, "Use at most 20,000 characters.").default(""),
  consentText: z.string().trim().max(20_000, "Use at most 20,000 characters.").default(""),
  /** Empty means no attestation checkbox. */
  attestationText: z
    .string()
    .trim()
    .max(500, "Use at most 500 characters.")
    .nullish()
    .transform((v) => (v ? v : null)),
});
/** Validated here, so callers may pass form values as they come. */
export type StudyDetailsInput = { [K in keyof z.input<typeof studyDetailsSchema>]?: unknown };

export function updateStudyDetails({
  studyId,
  actorId,
  ...input
}: StudyDetailsInput & { studyId: string; actorId: string }): StudySettings["study"] {
  const details = parse("invalid:study", studyDetailsSchema, input);
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const before = loadStudy(tx, studyId);
        const changed = (Object.keys(details) as (keyof typeof details)[]).filter(
          (k) => details[k] !== before[k],
        );
        if (changed.length === 0) return before;
        const updated = tx
          .update(studies)
          .set({ ...details, updatedAt: Date.now() })
          .where(eq(studies.id, studyId))
          .returning(settingsColumns)
          .get();
        logEvent(tx, { studyId, actorId, kind: "settings_changed", detail: { section: "details", changed } });
        return updated;
      },
      { behavior: "immediate" },
    ),
  );
}

// --- template -------------------------------------------------------------------------------------

/** Stores the study's template; refused once any idea exists or writing has started. */
export function updateIdeaTemplate({
  studyId,
  actorId,
  template,
}: {
  studyId: string;
  actorId: string;
  template: unknown;
}): IdeaTemplateField[] {
  const fields = parse("invalid:template", ideaTemplateSchema, template, TEMPLATE_FIELD_LABELS);
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = loadStudy(tx, studyId);
        const { templateLocked } = computeLocks(tx, study);
        if (templateLocked) throw new AppError("conflict:template_locked", templateLocked);
        tx.update(studies)
          .set({ ideaTemplate: fields, updatedAt: Date.now() })
          .where(eq(studies.id, studyId))
          .run();
        logEvent(tx, {
          studyId,
          actorId,
          kind: "settings_changed",
          detail: { section: "template", keys: fields.map((f) => f.key) },
        });
        return fields;
      },
      { behavior: "immediate" },
    ),
  );
}

// --- audit trail ----------------------------------------------------------------------------------

export type StudyEventView = {
  id: string;
  kind: string;
  detail: Record<string, unknown>;
  actorId: string | null;
  actorName: string | null;
  createdAt: number;
};

/** Newest first. */
export function listStudyEvents({
  studyId,
  limit = 50,
}: {
  studyId: string;
  limit?: number;
}): StudyEventView[] {
  return withDbErrors(() =>
    getDb()
      .select({
        id: studyEvents.id,
        kind: studyEvents.kind,
        detail: studyEvents.detail,
        actorId: studyEvents.actorId,
        actorName: users.name,
        createdAt: studyEvents.createdAt,
      })
      .from(studyEvents)
      .leftJoin(users, eq(users.id, studyEvents.actorId))
      .where(eq(studyEvents.studyId, studyId))
      .orderBy(desc(studyEvents.createdAt), desc(sql`${studyEvents}.rowid`))
      .limit(Math.max(1, Math.min(limit, 500)))
      .all(),
  );
}
