import "server-only";
import type { RunResult } from "better-sqlite3";
import { count, eq } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { issuesSentence, type PathLabels } from "@/lib/forms/issue-labels";
import type { schema } from "../client";
import { conditions, ideas, studies, studyEvents, topics } from "../schema";

// Private helpers shared by the study setup modules (study-settings, study-topics-conditions,
// study-phases): the executor type, column sets, input parsing, the audit log and study loading.

export type Executor = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

export const settingsColumns = {
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

export const topicColumns = {
  id: topics.id,
  name: topics.name,
  description: topics.description,
  position: topics.position,
};

export const conditionColumns = {
  id: conditions.id,
  key: conditions.key,
  label: conditions.label,
  isBaseline: conditions.isBaseline,
  position: conditions.position,
};

const notFoundStudy = () => new AppError("not_found:study", "This study does not exist.");

function invalid(code: `invalid:${string}`, error: z.ZodError, labels?: PathLabels): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  const message = issuesSentence(error.issues, labels) || "The input is not valid.";
  return new AppError(code, message, { fieldErrors });
}

/** Parses with a zod schema; failures name every problem with the form's labels (never "0.name"). */
export function parse<S extends z.ZodType>(
  code: `invalid:${string}`,
  schema: S,
  input: unknown,
  labels?: PathLabels,
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(code, result.error, labels);
  return result.data;
}

export function logEvent(
  ex: Executor,
  event: { studyId: string; actorId: string | null; kind: string; detail: Record<string, unknown> },
) {
  ex.insert(studyEvents)
    .values({ ...event, createdAt: Date.now() })
    .run();
}

export function loadStudy(ex: Executor, studyId: string) {
  const study = ex.select(settingsColumns).from(studies).where(eq(studies.id, studyId)).get();
  if (!study) throw notFoundStudy();
  return study;
}

export function countIdeas(ex: Executor, studyId: string): number {
  return ex.select({ n: count() }).from(ideas).where(eq(ideas.studyId, studyId)).get()?.n ?? 0;
}

export function ideasPer(
  ex: Executor,
  studyId: string,
  column: typeof ideas.topicId | typeof ideas.conditionId,
) {
  const rows = ex
    .select({ id: column, n: count() })
    .from(ideas)
    .where(eq(ideas.studyId, studyId))
    .groupBy(column)
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The study's topic ids, to check that chosen topics belong to it. */
export function readTopicIds(ex: Executor, studyId: string): Set<string> {
  return new Set(
    ex
      .select({ id: topics.id })
      .from(topics)
      .where(eq(topics.studyId, studyId))
      .all()
      .map((t) => t.id),
  );
}

/** The study's condition ids, to check that chosen conditions belong to it. */
export function readConditionIds(ex: Executor, studyId: string): Set<string> {
  return new Set(
    ex
      .select({ id: conditions.id })
      .from(conditions)
      .where(eq(conditions.studyId, studyId))
      .all()
      .map((c) => c.id),
  );
}

/** The study's condition keys, to check keys named in a file or a setting. */
export function readConditionKeys(ex: Executor, studyId: string): Set<string> {
  return new Set(
    ex
      .select({ key: conditions.key })
      .from(conditions)
      .where(eq(conditions.studyId, studyId))
      .all()
      .map((c) => c.key),
  );
}
