import "server-only";
import { and, asc, desc, eq, ne, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getStudyTemplate, validateIdeaFields } from "@/lib/ideas/template";
import type { IdeaFields, IdeaStatus } from "@/lib/ideas/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, ideas, ideaVersions, studies, topics } from "../schema";
import {
  freshCode,
  invalidIdea,
  loadStudyForNewIdeas,
  lockInTemplate,
  phaseError,
  resetNormalization,
} from "./ideas-shared";
import type { Executor } from "./study-shared";

// The writer's side of ideas: own ideas only, optimistic concurrency on every save. Writers start,
// save, submit and withdraw only while the study is in "writing". Submitting and withdrawing are in
// ideas-submission.ts.

/** Equal when every key has the same text; a missing key counts as empty. */
export function sameFields(a: IdeaFields, b: IdeaFields): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? "") !== (b[k] ?? "")) return false;
  return true;
}

// --- writer ---------------------------------------------------------------------------------------

export type AuthorIdea = {
  id: string;
  studyId: string;
  code: string;
  topicId: string;
  topicName: string;
  status: IdeaStatus;
  fields: IdeaFields;
  version: number;
  attestedAt: number | null;
  submittedAt: number | null;
  createdAt: number;
  updatedAt: number;
};

const authorColumns = {
  id: ideas.id,
  studyId: ideas.studyId,
  code: ideas.code,
  topicId: ideas.topicId,
  topicName: topics.name,
  status: ideas.status,
  fields: ideas.fields,
  version: ideas.version,
  attestedAt: ideas.attestedAt,
  submittedAt: ideas.submittedAt,
  createdAt: ideas.createdAt,
  updatedAt: ideas.updatedAt,
};

function selectAuthorIdeas(ex: Executor, where: SQL | undefined) {
  return ex.select(authorColumns).from(ideas).innerJoin(topics, eq(topics.id, ideas.topicId)).where(where);
}

/** Starts a written idea on a topic, in the study's baseline condition, with a fresh random code. */
export function createDraftIdea({
  studyId,
  authorId,
  topicId,
  fields = {},
}: {
  studyId: string;
  authorId: string;
  topicId: string;
  fields?: Record<string, unknown>;
}): AuthorIdea {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = loadStudyForNewIdeas(tx, studyId);
        if (study.status !== "writing")
          throw phaseError("New ideas can be started", study.status, "writing is open");
        const topic = tx
          .select({ id: topics.id })
          .from(topics)
          .where(and(eq(topics.id, topicId), eq(topics.studyId, studyId)))
          .get();
        if (!topic) {
          throw new AppError("invalid:topic", "Choose one of the study's topics.", {
            fieldErrors: { topicId: ["Choose one of the study's topics."] },
          });
        }
        const baseline = tx
          .select({ id: conditions.id })
          .from(conditions)
          .where(and(eq(conditions.studyId, studyId), eq(conditions.isBaseline, true)))
          .get();
        if (!baseline) {
          throw new AppError(
            "conflict:condition",
            "The study has no baseline condition for written ideas; the organizer must mark one.",
          );
        }
        const template = lockInTemplate(tx, study);
        const checked = validateIdeaFields({ template, fields, mode: "draft" });
        if (!checked.ok) throw invalidIdea(checked.errors);
        const now = Date.now();
        const idea = tx
          .insert(ideas)
          .values({
            studyId,
            code: freshCode(tx, studyId),
            topicId,
            conditionId: baseline.id,
            authorId,
            provenance: "written",
            status: "draft",
            fields: checked.fields,
            version: 1,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: ideas.id })
          .get();
        tx.insert(ideaVersions)
          .values({
            ideaId: idea.id,
            version: 1,
            fields: checked.fields,
            kind: "save",
            savedBy: authorId,
            savedAt: now,
          })
          .run();
        return selectAuthorIdeas(tx, eq(ideas.id, idea.id)).get()!;
      },
      { behavior: "immediate" },
    ),
  );
}

/** The idea if `authorId` wrote it; undefined otherwise (someone else's idea is simply not there). */
export function getIdeaForAuthor({
  studyId,
  ideaId,
  authorId,
}: {
  studyId: string;
  ideaId: string;
  authorId: string;
}): AuthorIdea | undefined {
  return withDbErrors(() =>
    selectAuthorIdeas(
      getDb(),
      and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId), eq(ideas.authorId, authorId)),
    ).get(),
  );
}

/** The author's ideas in a study, most recently saved first. */
export function listIdeasForAuthor({
  studyId,
  authorId,
}: {
  studyId: string;
  authorId: string;
}): AuthorIdea[] {
  return withDbErrors(() =>
    selectAuthorIdeas(getDb(), and(eq(ideas.studyId, studyId), eq(ideas.authorId, authorId)))
      .orderBy(desc(ideas.updatedAt))
      .all(),
  );
}

export type IdeaConflict = {
  /** The version now stored, to resend as expectedVersion once the writer has chosen. */
  version: number;
  fields: IdeaFields;
  savedAt: number;
  status: IdeaStatus;
  message: string;
};

export type SaveIdeaResult =
  | {
      ok: true;
      version: number;
      savedAt: number;
      status: IdeaStatus;
      submittedAt: number | null;
      changed: boolean;
    }
  | { ok: false; conflict: IdeaConflict };

export function conflictOf(row: {
  version: number;
  fields: IdeaFields;
  updatedAt: number;
  status: IdeaStatus;
}) {
  return {
    ok: false as const,
    conflict: {
      version: row.version,
      fields: row.fields,
      savedAt: row.updatedAt,
      status: row.status,
      message: `This idea was changed in another tab or device (version ${row.version}). Reload to see the latest text; your unsaved text is kept below.`,
    },
  };
}

/** The author's idea in the study the guard checked: an idea of theirs in another study is not found. */
export function loadOwnIdea(ex: Executor, studyId: string, ideaId: string, authorId: string) {
  const row = ex
    .select({
      id: ideas.id,
      studyId: ideas.studyId,
      status: ideas.status,
      version: ideas.version,
      fields: ideas.fields,
      submittedAt: ideas.submittedAt,
      attestedAt: ideas.attestedAt,
      updatedAt: ideas.updatedAt,
      normalizationState: ideas.normalizationState,
      lastSaveId: ideas.lastSaveId,
      studyStatus: studies.status,
      ideaTemplate: studies.ideaTemplate,
      attestationText: studies.attestationText,
    })
    .from(ideas)
    .innerJoin(studies, eq(studies.id, ideas.studyId))
    .where(and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId), eq(ideas.authorId, authorId)))
    .get();
  if (!row) throw new AppError("not_found:idea", "This idea does not exist, or it is not yours.");
  return row;
}

/**
 * Autosave. Refused with a conflict result (nothing written) when the idea moved on since
 * `expectedVersion`, unless the text is identical anyway. Identical text writes nothing. A submitted
 * idea stays submitted and is checked as a submission (required fields, word limits).
 */
export function saveIdeaDraft({
  studyId,
  ideaId,
  authorId,
  expectedVersion,
  fields,
  saveId,
}: {
  studyId: string;
  ideaId: string;
  authorId: string;
  expectedVersion: number;
  fields: Record<string, unknown>;
  /**
   * Idempotency key: the editor keeps one per unacknowledged save and resends it on every retry; a
   * stored version written under the same key is the author's own (a save that committed just before
   * a crash), not another tab's, so it is no conflict.
   */
  saveId?: string;
}): SaveIdeaResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = loadOwnIdea(tx, studyId, ideaId, authorId);
        if (row.studyStatus !== "writing")
          throw phaseError("Ideas can be changed", row.studyStatus, "writing is open");
        const template = getStudyTemplate(row);
        const draft = validateIdeaFields({ template, fields, mode: "draft" });
        if (!draft.ok) throw invalidIdea(draft.errors);
        const unchanged = {
          ok: true as const,
          version: row.version,
          savedAt: row.updatedAt,
          status: row.status,
          submittedAt: row.submittedAt,
          changed: false,
        };
        if (sameFields(draft.fields, row.fields)) return unchanged;
        const ownRetry = saveId !== undefined && row.lastSaveId === saveId;
        if (row.version !== expectedVersion && !ownRetry) return conflictOf(row);
        if (row.status === "submitted") {
          const full = validateIdeaFields({ template, fields, mode: "submit" });
          if (!full.ok) throw invalidIdea(full.errors);
        }
        const now = Date.now();
        const version = row.version + 1;
        tx.update(ideas)
          .set({
            fields: draft.fields,
            version,
            updatedAt: now,
            lastSaveId: saveId ?? null,
            ...resetNormalization,
          })
          .where(and(eq(ideas.id, ideaId), eq(ideas.version, row.version)))
          .run();
        tx.insert(ideaVersions)
          .values({ ideaId, version, fields: draft.fields, kind: "save", savedBy: authorId, savedAt: now })
          .run();
        return { ...unchanged, version, savedAt: now, changed: true };
      },
      { behavior: "immediate" },
    ),
  );
}

export type IdeaVersionView = {
  version: number;
  kind: "save" | "submit" | "withdraw" | "import" | "normalized_edit" | "restore";
  /** For a restore: the version it brought back. */
  restoredFrom: number | null;
  fields: IdeaFields;
  savedAt: number;
};

/** The author's saved versions, oldest first; empty for anyone else. Organizer edits of the normalized text are not the author's and are left out. */
export function listIdeaVersions({
  studyId,
  ideaId,
  authorId,
}: {
  studyId: string;
  ideaId: string;
  authorId: string;
}): IdeaVersionView[] {
  return withDbErrors(() =>
    getDb()
      .select({
        version: ideaVersions.version,
        kind: ideaVersions.kind,
        restoredFrom: ideaVersions.restoredFrom,
        fields: ideaVersions.fields,
        savedAt: ideaVersions.savedAt,
      })
      .from(ideaVersions)
      .innerJoin(ideas, eq(ideas.id, ideaVersions.ideaId))
      .where(
        and(
          eq(ideaVersions.ideaId, ideaId),
          eq(ideas.studyId, studyId),
          eq(ideas.authorId, authorId),
          ne(ideaVersions.kind, "normalized_edit"),
        ),
      )
      .orderBy(asc(ideaVersions.version))
      .all(),
  );
}
