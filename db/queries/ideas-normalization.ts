import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getStudyTemplate, validateIdeaFields } from "@/lib/ideas/template";
import type {
  IdeaFields,
  IdeaStatus,
  IdeaTemplateField,
  NormalizationReview,
  NormalizationState,
} from "@/lib/ideas/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideas, ideaVersions, studies, topics } from "../schema";
import { chosenReviewText, type ReviewText, readyForReview, reviewTextColumns } from "./blind-policy";
import { invalidIdea, phaseError, resetNormalization } from "./ideas-shared";

// Normalization state the normalize-ideas job writes, the organizer's decisions on it (allowed in
// writing and normalization) and the blind text reviewers read.

const MAX_ERROR_LENGTH = 2000;
const IN_CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

// --- normalization --------------------------------------------------------------------------------

/**
 * Submitted ideas to normalize: the given ones (if submitted and in the study), or by default every
 * submitted idea not yet normalized, so a second run does not undo the organizer's decisions.
 */
export function listIdeaIdsForNormalization({
  studyId,
  ideaIds,
}: {
  studyId: string;
  ideaIds?: string[];
}): string[] {
  return withDbErrors(() => {
    const base = and(eq(ideas.studyId, studyId), eq(ideas.status, "submitted"));
    const db = getDb();
    if (ideaIds === undefined) {
      return db
        .select({ id: ideas.id })
        .from(ideas)
        .where(and(base, ne(ideas.normalizationState, "done")))
        .orderBy(asc(ideas.createdAt), asc(sql`${ideas}.rowid`))
        .all()
        .map((r) => r.id);
    }
    const found = new Set(
      chunks([...new Set(ideaIds)]).flatMap((chunk) =>
        db
          .select({ id: ideas.id })
          .from(ideas)
          .where(and(base, inArray(ideas.id, chunk)))
          .all()
          .map((r) => r.id),
      ),
    );
    return [...new Set(ideaIds)].filter((id) => found.has(id));
  });
}

/** Marks ideas as queued for normalization; earlier normalized text and decisions are cleared. */
export function setNormalizationPending({
  studyId,
  ideaIds,
}: {
  studyId: string;
  ideaIds: string[];
}): number {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        let changed = 0;
        const now = Date.now();
        for (const chunk of chunks(ideaIds)) {
          changed += tx
            .update(ideas)
            .set({ ...resetNormalization, normalizationState: "pending", updatedAt: now })
            .where(and(eq(ideas.studyId, studyId), eq(ideas.status, "submitted"), inArray(ideas.id, chunk)))
            .run().changes;
        }
        return changed;
      },
      { behavior: "immediate" },
    ),
  );
}

export type IdeaForNormalization = {
  id: string;
  code: string;
  status: IdeaStatus;
  fields: IdeaFields;
  version: number;
  normalizationState: NormalizationState;
  template: IdeaTemplateField[];
};

export function getIdeaForNormalization({
  studyId,
  ideaId,
}: {
  studyId: string;
  ideaId: string;
}): IdeaForNormalization | undefined {
  return withDbErrors(() => {
    const row = getDb()
      .select({
        id: ideas.id,
        code: ideas.code,
        status: ideas.status,
        fields: ideas.fields,
        version: ideas.version,
        normalizationState: ideas.normalizationState,
        ideaTemplate: studies.ideaTemplate,
      })
      .from(ideas)
      .innerJoin(studies, eq(studies.id, ideas.studyId))
      .where(and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId)))
      .get();
    if (!row) return undefined;
    const { ideaTemplate, ...idea } = row;
    return { ...idea, template: getStudyTemplate({ ideaTemplate }) };
  });
}

/**
 * Stores the normalized text (awaiting the organizer's decision). With `sourceVersion`, only if the
 * idea's text is still that version; returns false when nothing was stored.
 */
export function saveNormalizationResult({
  ideaId,
  normalizedFields,
  sourceVersion,
}: {
  ideaId: string;
  normalizedFields: IdeaFields;
  sourceVersion?: number;
}): boolean {
  const where = [eq(ideas.id, ideaId)];
  if (sourceVersion !== undefined) where.push(eq(ideas.version, sourceVersion));
  return withDbErrors(
    () =>
      getDb()
        .update(ideas)
        .set({
          normalizedFields,
          normalizationState: "done",
          normalizationError: null,
          normalizationReview: "unreviewed",
          reviewTextSource: null,
          updatedAt: Date.now(),
        })
        .where(and(...where))
        .run().changes > 0,
  );
}

export function saveNormalizationError({ ideaId, error }: { ideaId: string; error: string }): void {
  const message = error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
  withDbErrors(() =>
    getDb()
      .update(ideas)
      .set({ normalizationState: "error", normalizationError: message, updatedAt: Date.now() })
      .where(eq(ideas.id, ideaId))
      .run(),
  );
}

export type NormalizationDecision = "accept" | "edit" | "reject";

/**
 * The organizer's decision on one idea's normalized text: accept it, replace it with an edited
 * version (checked like a submission), or reject it so reviewers see the original.
 */
export function reviewNormalization({
  studyId,
  ideaId,
  decision,
  editedFields,
  actorId = null,
}: {
  studyId: string;
  ideaId: string;
  decision: NormalizationDecision;
  editedFields?: Record<string, unknown>;
  actorId?: string | null;
}): {
  normalizationReview: NormalizationReview;
  reviewTextSource: "normalized" | "original";
  version: number;
} {
  if (!["accept", "edit", "reject"].includes(decision)) {
    throw new AppError("invalid:decision", "Choose accept, edit or reject.");
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = tx
          .select({
            status: ideas.status,
            version: ideas.version,
            normalizedFields: ideas.normalizedFields,
            normalizationState: ideas.normalizationState,
            studyStatus: studies.status,
            ideaTemplate: studies.ideaTemplate,
          })
          .from(ideas)
          .innerJoin(studies, eq(studies.id, ideas.studyId))
          .where(and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId)))
          .get();
        if (!row) throw new AppError("not_found:idea", "This idea does not exist.");
        if (row.studyStatus !== "writing" && row.studyStatus !== "normalization") {
          throw phaseError(
            "Normalization decisions can be changed",
            row.studyStatus,
            "writing or normalization is open",
          );
        }
        if (row.status !== "submitted") {
          throw new AppError(
            "conflict:idea",
            `Only submitted ideas are reviewed; this one is ${row.status}.`,
          );
        }
        if (row.normalizationState === "pending") {
          throw new AppError(
            "conflict:normalization",
            "This idea is being normalized; wait for the job to finish.",
          );
        }
        const now = Date.now();
        if (decision === "accept") {
          if (row.normalizationState !== "done" || !row.normalizedFields) {
            throw new AppError("conflict:normalization", "This idea has no normalized text to accept yet.");
          }
          tx.update(ideas)
            .set({ normalizationReview: "accepted", reviewTextSource: "normalized", updatedAt: now })
            .where(eq(ideas.id, ideaId))
            .run();
          return {
            normalizationReview: "accepted" as const,
            reviewTextSource: "normalized" as const,
            version: row.version,
          };
        }
        if (decision === "reject") {
          tx.update(ideas)
            .set({ normalizationReview: "rejected", reviewTextSource: "original", updatedAt: now })
            .where(eq(ideas.id, ideaId))
            .run();
          return {
            normalizationReview: "rejected" as const,
            reviewTextSource: "original" as const,
            version: row.version,
          };
        }
        const checked = validateIdeaFields({
          template: getStudyTemplate(row),
          fields: editedFields ?? {},
          mode: "submit",
        });
        if (!checked.ok) throw invalidIdea(checked.errors);
        const version = row.version + 1;
        tx.update(ideas)
          .set({
            normalizedFields: checked.fields,
            normalizationState: "done",
            normalizationError: null,
            normalizationReview: "edited",
            reviewTextSource: "normalized",
            version,
            updatedAt: now,
          })
          .where(eq(ideas.id, ideaId))
          .run();
        tx.insert(ideaVersions)
          .values({
            ideaId,
            version,
            fields: checked.fields,
            kind: "normalized_edit",
            savedBy: actorId,
            savedAt: now,
          })
          .run();
        return { normalizationReview: "edited" as const, reviewTextSource: "normalized" as const, version };
      },
      { behavior: "immediate" },
    ),
  );
}

/** The blind text of a submitted idea whose review text is decided; undefined otherwise. */
export function getTextForReview({ ideaId }: { ideaId: string }): ReviewText | undefined {
  return withDbErrors(() => {
    const row = getDb()
      .select({
        code: ideas.code,
        topic: topics.name,
        ...reviewTextColumns,
      })
      .from(ideas)
      .innerJoin(topics, eq(topics.id, ideas.topicId))
      .where(and(eq(ideas.id, ideaId), readyForReview()))
      .get();
    if (!row) return undefined;
    return { code: row.code, topic: row.topic, fields: chosenReviewText(row) };
  });
}
