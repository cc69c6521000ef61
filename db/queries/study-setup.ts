import "server-only";
import type { RunResult } from "better-sqlite3";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { DEFAULT_IDEA_TEMPLATE, getStudyTemplate, ideaTemplateSchema } from "@/lib/ideas/template";
import { studyDescriptionSchema, studyTitleSchema } from "@/lib/validation";
import { getDb, type schema } from "../client";
import { withDbErrors } from "../errors";
import {
  conditions,
  consents,
  type IdeaTemplateField,
  ideas,
  type PhaseDates,
  STUDY_STATUSES,
  type Study,
  type StudyStatus,
  studies,
  studyEvents,
  topics,
  users,
} from "../schema";

// Study setup: settings, topics, conditions, template, phases, consent and the audit trail.
// Settings that would invalidate collected data are refused once data exists, with the reason, so
// the UI can show the same reason next to a disabled control (getSettingsLocks).

export type Executor = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

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

const settingsColumns = {
  id: studies.id,
  title: studies.title,
  description: studies.description,
  status: studies.status,
  isDemo: studies.isDemo,
  instructions: studies.instructions,
  consentText: studies.consentText,
  attestationText: studies.attestationText,
  ideaTemplate: studies.ideaTemplate,
  phaseDates: studies.phaseDates,
  createdAt: studies.createdAt,
  updatedAt: studies.updatedAt,
};

const topicColumns = {
  id: topics.id,
  name: topics.name,
  description: topics.description,
  position: topics.position,
};

const conditionColumns = {
  id: conditions.id,
  key: conditions.key,
  label: conditions.label,
  isBaseline: conditions.isBaseline,
  position: conditions.position,
};

const notFoundStudy = () => new AppError("not_found:study", "This study does not exist.");

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function invalid(code: `invalid:${string}`, error: z.ZodError): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  return new AppError(code, `${where}${first?.message ?? "The input is not valid."}`, { fieldErrors });
}

function parse<S extends z.ZodType>(code: `invalid:${string}`, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(code, result.error);
  return result.data;
}

function logEvent(
  ex: Executor,
  event: { studyId: string; actorId: string | null; kind: string; detail: Record<string, unknown> },
) {
  ex.insert(studyEvents)
    .values({ ...event, createdAt: Date.now() })
    .run();
}

function loadStudy(ex: Executor, studyId: string) {
  const study = ex.select(settingsColumns).from(studies).where(eq(studies.id, studyId)).get();
  if (!study) throw notFoundStudy();
  return study;
}

function countIdeas(ex: Executor, studyId: string): number {
  return ex.select({ n: count() }).from(ideas).where(eq(ideas.studyId, studyId)).get()?.n ?? 0;
}

function ideasPer(ex: Executor, studyId: string, column: typeof ideas.topicId | typeof ideas.conditionId) {
  const rows = ex
    .select({ id: column, n: count() })
    .from(ideas)
    .where(eq(ideas.studyId, studyId))
    .groupBy(column)
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

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

// --- topics and conditions ------------------------------------------------------------------------

const optionalId = z.string().trim().min(1).max(100).optional();

/** Flags the second and later occurrences of a value (compared case-insensitively). */
function flagDuplicates(
  values: string[],
  ctx: z.RefinementCtx,
  field: string,
  messageFor: (value: string, first: number) => string,
) {
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const norm = value.toLowerCase();
    const first = seen.get(norm);
    if (first !== undefined)
      ctx.addIssue({ code: "custom", path: [i, field], message: messageFor(value, first) });
    else seen.set(norm, i);
  });
}

export const topicsInputSchema = z
  .array(
    z.object({
      /** Present for an existing topic; absent for a new one. */
      id: optionalId,
      name: z.string().trim().min(1, "Enter a topic name.").max(200, "Use at most 200 characters."),
      description: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
    }),
  )
  .max(100, "Use at most 100 topics.")
  .superRefine((items, ctx) => {
    flagDuplicates(
      items.map((t) => t.name),
      ctx,
      "name",
      (v, first) => `Duplicate topic name "${v}" (also topic ${first + 1}).`,
    );
    flagDuplicates(
      items.map((t) => t.id ?? `new-${crypto.randomUUID()}`),
      ctx,
      "id",
      () => "The same topic appears twice.",
    );
  });
export type TopicInput = z.input<typeof topicsInputSchema>[number];

export const CONDITION_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export const conditionsInputSchema = z
  .array(
    z.object({
      id: optionalId,
      key: z
        .string()
        .trim()
        .regex(
          CONDITION_KEY_PATTERN,
          "Use letters, digits and _ for the key (start with a letter, at most 40).",
        ),
      label: z.string().trim().min(1, "Enter a label.").max(100, "Use at most 100 characters."),
      isBaseline: z.boolean().default(false),
    }),
  )
  .min(1, "Add at least one condition.")
  .max(20, "Use at most 20 conditions.")
  .superRefine((items, ctx) => {
    flagDuplicates(
      items.map((c) => c.key),
      ctx,
      "key",
      (v, first) => `Duplicate condition key "${v}" (also condition ${first + 1}).`,
    );
    flagDuplicates(
      items.map((c) => c.id ?? `new-${crypto.randomUUID()}`),
      ctx,
      "id",
      () => "The same condition appears twice.",
    );
    const baselines = items.filter((c) => c.isBaseline);
    if (items.length > 0 && baselines.length === 0) {
      ctx.addIssue({ code: "custom", path: [], message: "Mark one condition as the baseline." });
    } else if (baselines.length > 1) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `Only one condition can be the baseline (now: ${baselines.map((c) => c.key).join(", ")}).`,
      });
    }
  });
export type ConditionInput = z.input<typeof conditionsInputSchema>[number];

function lockedError(problems: { field: string; message: string }[]): AppError {
  const fieldErrors: FieldErrors = {};
  for (const p of problems) fieldErrors[p.field] = [...(fieldErrors[p.field] ?? []), p.message];
  return new AppError("conflict:settings_locked", problems.map((p) => p.message).join(" "), { fieldErrors });
}

function unknownRowError(kind: "topic" | "condition", index: number) {
  return new AppError(
    `invalid:${kind}s`,
    `${kind === "topic" ? "Topic" : "Condition"} ${index + 1} is no longer in this study; reload the page.`,
    { fieldErrors: { [`${index}.id`]: [`This ${kind} is no longer in the study.`] } },
  );
}

// A placeholder no person types, so renames that swap two names never collide with the unique index.
const placeholder = (id: string) => `\u0000${id}`;

/**
 * Replaces the study's topics with `items` (in order): items with an id update that topic, items
 * without one are added, topics left out are removed. Removing or renaming a topic that an idea
 * uses is refused, naming the topic; descriptions and order stay editable.
 */
export function replaceTopics({
  studyId,
  actorId,
  items,
}: {
  studyId: string;
  actorId: string;
  /** TopicInput[], validated here. */
  items: unknown;
}): StudySettings["topics"] {
  const next = parse("invalid:topics", topicsInputSchema, items);
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const existing = new Map(
          tx
            .select(topicColumns)
            .from(topics)
            .where(eq(topics.studyId, studyId))
            .all()
            .map((t) => [t.id, t]),
        );
        const used = ideasPer(tx, studyId, ideas.topicId);
        const problems: { field: string; message: string }[] = [];
        next.forEach((item, i) => {
          if (item.id === undefined) return;
          const old = existing.get(item.id);
          if (!old) throw unknownRowError("topic", i);
          const n = used.get(item.id) ?? 0;
          if (n > 0 && old.name !== item.name) {
            problems.push({
              field: `${i}.name`,
              message: `Topic "${old.name}" is used by ${plural(n, "idea")} and cannot be renamed; edit its description instead.`,
            });
          }
        });
        const keep = new Set(next.flatMap((t) => (t.id ? [t.id] : [])));
        const removed = [...existing.values()].filter((t) => !keep.has(t.id));
        for (const t of removed) {
          const n = used.get(t.id) ?? 0;
          if (n > 0) {
            problems.push({
              field: "_form",
              message: `Topic "${t.name}" is used by ${plural(n, "idea")} and cannot be removed.`,
            });
          }
        }
        if (problems.length > 0) throw lockedError(problems);

        for (const t of removed) tx.delete(topics).where(eq(topics.id, t.id)).run();
        for (const item of next) {
          if (item.id && existing.get(item.id)?.name !== item.name) {
            tx.update(topics)
              .set({ name: placeholder(item.id) })
              .where(eq(topics.id, item.id))
              .run();
          }
        }
        next.forEach((item, position) => {
          const values = { name: item.name, description: item.description, position };
          if (item.id) tx.update(topics).set(values).where(eq(topics.id, item.id)).run();
          else
            tx.insert(topics)
              .values({ ...values, studyId })
              .run();
        });
        logEvent(tx, {
          studyId,
          actorId,
          kind: "settings_changed",
          detail: {
            section: "topics",
            added: next.filter((t) => !t.id).map((t) => t.name),
            removed: removed.map((t) => t.name),
          },
        });
        return tx
          .select(topicColumns)
          .from(topics)
          .where(eq(topics.studyId, studyId))
          .orderBy(asc(topics.position))
          .all();
      },
      { behavior: "immediate" },
    ),
  );
}

/**
 * Replaces the study's conditions like replaceTopics. Once an idea uses a condition it cannot be
 * removed or get a new key; once any idea exists the baseline cannot move. Labels stay editable.
 */
export function replaceConditions({
  studyId,
  actorId,
  items,
}: {
  studyId: string;
  actorId: string;
  /** ConditionInput[], validated here. */
  items: unknown;
}): StudySettings["conditions"] {
  const next = parse("invalid:conditions", conditionsInputSchema, items);
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const existing = new Map(
          tx
            .select(conditionColumns)
            .from(conditions)
            .where(eq(conditions.studyId, studyId))
            .all()
            .map((c) => [c.id, c]),
        );
        const used = ideasPer(tx, studyId, ideas.conditionId);
        const ideaCount = countIdeas(tx, studyId);
        const problems: { field: string; message: string }[] = [];
        next.forEach((item, i) => {
          if (item.id === undefined) return;
          const old = existing.get(item.id);
          if (!old) throw unknownRowError("condition", i);
          const n = used.get(item.id) ?? 0;
          if (n > 0 && old.key !== item.key) {
            problems.push({
              field: `${i}.key`,
              message: `Condition "${old.key}" is used by ${plural(n, "idea")}; its key cannot change (edit its label instead).`,
            });
          }
        });
        const keep = new Set(next.flatMap((c) => (c.id ? [c.id] : [])));
        const removed = [...existing.values()].filter((c) => !keep.has(c.id));
        for (const c of removed) {
          const n = used.get(c.id) ?? 0;
          if (n > 0) {
            problems.push({
              field: "_form",
              message: `Condition "${c.key}" is used by ${plural(n, "idea")} and cannot be removed.`,
            });
          }
        }
        const oldBaseline = [...existing.values()].find((c) => c.isBaseline);
        const newBaseline = next.find((c) => c.isBaseline);
        if (ideaCount > 0 && oldBaseline && newBaseline?.id !== oldBaseline.id) {
          problems.push({
            field: "_form",
            message: `The baseline is locked: ${plural(ideaCount, "idea")} already ${ideaCount === 1 ? "exists" : "exist"}, so "${oldBaseline.key}" stays the baseline.`,
          });
        }
        if (problems.length > 0) throw lockedError(problems);

        for (const c of removed) tx.delete(conditions).where(eq(conditions.id, c.id)).run();
        for (const item of next) {
          if (item.id && existing.get(item.id)?.key !== item.key) {
            tx.update(conditions)
              .set({ key: placeholder(item.id) })
              .where(eq(conditions.id, item.id))
              .run();
          }
        }
        next.forEach((item, position) => {
          const values = { key: item.key, label: item.label, isBaseline: item.isBaseline, position };
          if (item.id) tx.update(conditions).set(values).where(eq(conditions.id, item.id)).run();
          else
            tx.insert(conditions)
              .values({ ...values, studyId })
              .run();
        });
        logEvent(tx, {
          studyId,
          actorId,
          kind: "settings_changed",
          detail: {
            section: "conditions",
            added: next.filter((c) => !c.id).map((c) => c.key),
            removed: removed.map((c) => c.key),
          },
        });
        return tx
          .select(conditionColumns)
          .from(conditions)
          .where(eq(conditions.studyId, studyId))
          .orderBy(asc(conditions.position))
          .all();
      },
      { behavior: "immediate" },
    ),
  );
}

// --- template and dates ---------------------------------------------------------------------------

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
  const fields = parse("invalid:template", ideaTemplateSchema, template);
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

const epochMs = z
  .number({ error: "Enter a date." })
  .int("Enter a date.")
  .min(0, "Enter a date.")
  .nullable()
  .optional();

export const phaseDatesSchema = z.partialRecord(
  z.enum(STUDY_STATUSES, { error: "Unknown phase." }),
  z
    .object({ opensAt: epochMs, closesAt: epochMs })
    .refine((d) => d.opensAt == null || d.closesAt == null || d.closesAt > d.opensAt, {
      message: "The close date must be after the open date.",
      path: ["closesAt"],
    }),
);

/** Planned dates per phase (epoch ms); informative only: phases change when the organizer says so. */
export function updatePhaseDates({
  studyId,
  actorId,
  dates: input,
}: {
  studyId: string;
  actorId: string;
  /** PhaseDates, validated here. */
  dates: unknown;
}): PhaseDates {
  const dates = parse("invalid:phase_dates", phaseDatesSchema, input) as PhaseDates;
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        tx.update(studies)
          .set({ phaseDates: dates, updatedAt: Date.now() })
          .where(eq(studies.id, studyId))
          .run();
        logEvent(tx, { studyId, actorId, kind: "settings_changed", detail: { section: "phase_dates" } });
        return dates;
      },
      { behavior: "immediate" },
    ),
  );
}

// --- phases ---------------------------------------------------------------------------------------

/** Problems that keep a study from entering `to` (moving forward); empty when it may. */
function forwardProblems(ex: Executor, studyId: string, to: StudyStatus): string[] {
  const problems: string[] = [];
  if (to === "writing") {
    const topicCount =
      ex.select({ n: count() }).from(topics).where(eq(topics.studyId, studyId)).get()?.n ?? 0;
    const conds = ex
      .select({ isBaseline: conditions.isBaseline })
      .from(conditions)
      .where(eq(conditions.studyId, studyId))
      .all();
    if (topicCount === 0) problems.push("Add at least one topic before writing starts.");
    if (conds.length < 2) {
      problems.push(
        `Add at least two conditions (e.g. Human and AI) before writing starts; the study has ${conds.length}.`,
      );
    }
    if (conds.filter((c) => c.isBaseline).length !== 1) {
      problems.push("Mark exactly one condition as the baseline before writing starts.");
    }
  } else if (to === "normalization") {
    const submitted = countSubmitted(ex, studyId);
    if (submitted === 0) problems.push("Writing cannot close yet: no idea has been submitted.");
  } else if (to === "reviewing") {
    // The review form (next issue) will add its own check here: reviewing needs the form locked.
    const undecided =
      ex
        .select({ n: count() })
        .from(ideas)
        .where(and(eq(ideas.studyId, studyId), eq(ideas.status, "submitted"), isNull(ideas.reviewTextSource)))
        .get()?.n ?? 0;
    if (undecided > 0) {
      problems.push(
        `${plural(undecided, "submitted idea")} ${undecided === 1 ? "has" : "have"} no review text decided yet: accept, edit or reject the normalized text of each first.`,
      );
    }
  }
  return problems;
}

function countSubmitted(ex: Executor, studyId: string): number {
  return (
    ex
      .select({ n: count() })
      .from(ideas)
      .where(and(eq(ideas.studyId, studyId), eq(ideas.status, "submitted")))
      .get()?.n ?? 0
  );
}

const phaseNames = STUDY_STATUSES.join(", ");

/**
 * Moves the study one phase forward (after that phase's checks) or one phase back (with a reason),
 * logging a phase_changed event in the same transaction. Refusals are conflict:phase with the reason.
 */
export function advancePhase({
  studyId,
  actorId,
  to,
  reason,
}: {
  studyId: string;
  actorId: string;
  to: StudyStatus;
  /** Required when moving back. */
  reason?: string;
}): { from: StudyStatus; to: StudyStatus } {
  if (!STUDY_STATUSES.includes(to)) {
    throw new AppError("invalid:phase", `Unknown phase "${String(to)}"; the phases are ${phaseNames}.`);
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = loadStudy(tx, studyId);
        const from = study.status;
        const fromIndex = STUDY_STATUSES.indexOf(from);
        const toIndex = STUDY_STATUSES.indexOf(to);
        const detail: Record<string, unknown> = { from, to };
        if (toIndex === fromIndex) {
          throw new AppError("conflict:phase", `The study is already in the ${to} phase.`);
        } else if (toIndex === fromIndex + 1) {
          const problems = forwardProblems(tx, studyId, to);
          if (problems.length > 0) {
            throw new AppError("conflict:phase", `The study cannot move to ${to}: ${problems.join(" ")}`);
          }
        } else if (toIndex === fromIndex - 1) {
          const why = reason?.trim() ?? "";
          if (why === "") {
            throw new AppError("invalid:phase_reason", `Give a reason for moving the study back to ${to}.`, {
              fieldErrors: { reason: ["Give a reason for moving back."] },
            });
          }
          detail.reason = why.slice(0, 1000);
        } else {
          const options = [STUDY_STATUSES[fromIndex + 1], STUDY_STATUSES[fromIndex - 1]].filter(Boolean);
          throw new AppError(
            "conflict:phase",
            `A study moves one phase at a time: from ${from} it can go to ${options.join(" or back to ")}, not to ${to}.`,
          );
        }
        const set: Partial<typeof studies.$inferInsert> = { status: to, updatedAt: Date.now() };
        // Writing fixes the template: store the default if the organizer never edited it.
        if (to === "writing" && study.ideaTemplate === null) set.ideaTemplate = DEFAULT_IDEA_TEMPLATE;
        const changed = tx
          .update(studies)
          .set(set)
          .where(and(eq(studies.id, studyId), eq(studies.status, from)))
          .run();
        if (changed.changes === 0)
          throw new AppError("conflict:phase", "The phase was changed meanwhile; reload.");
        logEvent(tx, { studyId, actorId, kind: "phase_changed", detail });
        return { from, to };
      },
      { behavior: "immediate" },
    ),
  );
}

// --- consent --------------------------------------------------------------------------------------

const consentErrors = {
  SQLITE_CONSTRAINT_FOREIGNKEY: () => new AppError("not_found:user", "This user does not exist."),
};

/** Records that the user accepted the study's current consent text; a second call keeps the first. */
export function recordConsent({ studyId, userId }: { studyId: string; userId: string }): {
  consentText: string;
  acceptedAt: number;
} {
  return withDbErrors(
    () =>
      getDb().transaction(
        (tx) => {
          const study = loadStudy(tx, studyId);
          tx.insert(consents)
            .values({ studyId, userId, consentText: study.consentText, acceptedAt: Date.now() })
            .onConflictDoNothing()
            .run();
          return tx
            .select({ consentText: consents.consentText, acceptedAt: consents.acceptedAt })
            .from(consents)
            .where(and(eq(consents.studyId, studyId), eq(consents.userId, userId)))
            .get()!;
        },
        { behavior: "immediate" },
      ),
    { map: consentErrors },
  );
}

export function hasConsented({ studyId, userId }: { studyId: string; userId: string }): boolean {
  return withDbErrors(
    () =>
      getDb()
        .select({ id: consents.id })
        .from(consents)
        .where(and(eq(consents.studyId, studyId), eq(consents.userId, userId)))
        .get() !== undefined,
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
