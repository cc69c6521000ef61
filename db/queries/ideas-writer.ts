import "server-only";
import { and, asc, desc, eq, ne, type SQL } from "drizzle-orm";
import { AppError, type FieldErrors } from "@/lib/errors";
import { getStudyTemplate, validateIdeaFields } from "@/lib/ideas/template";
import type { IdeaFields, IdeaStatus } from "@/lib/ideas/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, ideas, ideaVersions, studies, topics } from "../schema";
import { releaseWithdrawnIdea } from "./idea-withdrawal";
import { freshCode, invalidIdea, lockInTemplate, phaseError, resetNormalization } from "./ideas-shared";
import type { Executor } from "./study-shared";

// The writer's side of ideas: own ideas only, optimistic concurrency on every save. Writers start,
// save, submit and withdraw only while the study is in "writing".

/** Equal when every key has the same text; a missing key counts as empty. */
function sameFields(a: IdeaFields, b: IdeaFields): boolean {
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
        const study = tx
          .select({ id: studies.id, status: studies.status, ideaTemplate: studies.ideaTemplate })
          .from(studies)
          .where(eq(studies.id, studyId))
          .get();
        if (!study) throw new AppError("not_found:study", "This study does not exist.");
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
  ideaId,
  authorId,
}: {
  ideaId: string;
  authorId: string;
}): AuthorIdea | undefined {
  return withDbErrors(() =>
    selectAuthorIdeas(getDb(), and(eq(ideas.id, ideaId), eq(ideas.authorId, authorId))).get(),
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

function conflictOf(row: { version: number; fields: IdeaFields; updatedAt: number; status: IdeaStatus }) {
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

function loadOwnIdea(ex: Executor, ideaId: string, authorId: string) {
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
      studyStatus: studies.status,
      ideaTemplate: studies.ideaTemplate,
      attestationText: studies.attestationText,
    })
    .from(ideas)
    .innerJoin(studies, eq(studies.id, ideas.studyId))
    .where(and(eq(ideas.id, ideaId), eq(ideas.authorId, authorId)))
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
  ideaId,
  authorId,
  expectedVersion,
  fields,
}: {
  ideaId: string;
  authorId: string;
  expectedVersion: number;
  fields: Record<string, unknown>;
}): SaveIdeaResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = loadOwnIdea(tx, ideaId, authorId);
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
        if (row.version !== expectedVersion) return conflictOf(row);
        if (row.status === "submitted") {
          const full = validateIdeaFields({ template, fields, mode: "submit" });
          if (!full.ok) throw invalidIdea(full.errors);
        }
        const now = Date.now();
        const version = row.version + 1;
        tx.update(ideas)
          .set({ fields: draft.fields, version, updatedAt: now, ...resetNormalization })
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

/**
 * Submits (or resubmits a withdrawn idea) while writing is open: every field checked as a
 * submission, and the attestation when the study has one. Submitting an already submitted idea
 * with the same text changes nothing and returns the same result.
 */
export function submitIdea({
  ideaId,
  authorId,
  expectedVersion,
  fields,
  attested,
}: {
  ideaId: string;
  authorId: string;
  expectedVersion: number;
  fields: Record<string, unknown>;
  attested: boolean;
}): SaveIdeaResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = loadOwnIdea(tx, ideaId, authorId);
        if (row.studyStatus !== "writing")
          throw phaseError("Ideas can be submitted", row.studyStatus, "writing is open");
        const template = getStudyTemplate(row);
        const draft = validateIdeaFields({ template, fields, mode: "draft" });
        if (!draft.ok) throw invalidIdea(draft.errors);
        const same = sameFields(draft.fields, row.fields);
        if (!same && row.version !== expectedVersion) return conflictOf(row);
        if (same && row.status === "submitted") {
          return {
            ok: true as const,
            version: row.version,
            savedAt: row.updatedAt,
            status: row.status,
            submittedAt: row.submittedAt,
            changed: false,
          };
        }
        const full = validateIdeaFields({ template, fields, mode: "submit" });
        const errors: FieldErrors = full.ok ? {} : { ...full.errors };
        const attestation = row.attestationText?.trim() ?? "";
        if (attestation !== "" && !attested) errors.attested = [`Tick "${attestation}" to submit.`];
        if (Object.keys(errors).length > 0) throw invalidIdea(errors);

        const now = Date.now();
        const version = row.version + 1;
        const wasSubmitted = row.status === "submitted";
        const submittedAt = wasSubmitted ? row.submittedAt : now;
        tx.update(ideas)
          .set({
            fields: draft.fields,
            status: "submitted",
            version,
            submittedAt,
            attestedAt: attestation === "" ? null : wasSubmitted ? (row.attestedAt ?? now) : now,
            updatedAt: now,
            ...(same ? {} : resetNormalization),
          })
          .where(and(eq(ideas.id, ideaId), eq(ideas.version, row.version)))
          .run();
        tx.insert(ideaVersions)
          .values({
            ideaId,
            version,
            fields: draft.fields,
            kind: wasSubmitted ? "save" : "submit",
            savedBy: authorId,
            savedAt: now,
          })
          .run();
        return {
          ok: true as const,
          version,
          savedAt: now,
          status: "submitted" as const,
          submittedAt,
          changed: true,
        };
      },
      { behavior: "immediate" },
    ),
  );
}

/** Withdraws the idea while writing is open (it can be resubmitted until writing closes). */
export function withdrawIdea({ ideaId, authorId }: { ideaId: string; authorId: string }): {
  version: number;
  status: "withdrawn";
} {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = loadOwnIdea(tx, ideaId, authorId);
        // Withdrawal is promised at any time until the study closes; after writing it releases the
        // idea's open reviews and takes it out of the arena, with a trail for the organizer.
        if (row.studyStatus === "setup" || row.studyStatus === "closed")
          throw phaseError("Ideas can be withdrawn", row.studyStatus, "the study is running");
        if (row.status === "withdrawn") return { version: row.version, status: "withdrawn" as const };
        if (row.studyStatus !== "writing")
          releaseWithdrawnIdea(tx, {
            studyId: row.studyId,
            ideaId,
            actorId: authorId,
            phase: row.studyStatus,
          });
        const now = Date.now();
        const version = row.version + 1;
        tx.update(ideas)
          .set({ status: "withdrawn", version, updatedAt: now })
          .where(eq(ideas.id, ideaId))
          .run();
        tx.insert(ideaVersions)
          .values({ ideaId, version, fields: row.fields, kind: "withdraw", savedBy: authorId, savedAt: now })
          .run();
        return { version, status: "withdrawn" as const };
      },
      { behavior: "immediate" },
    ),
  );
}

export type IdeaVersionView = {
  version: number;
  kind: "save" | "submit" | "withdraw" | "import" | "normalized_edit";
  fields: IdeaFields;
  savedAt: number;
};

/** The author's saved versions, oldest first; empty for anyone else. Organizer edits of the normalized text are not the author's and are left out. */
export function listIdeaVersions({
  ideaId,
  authorId,
}: {
  ideaId: string;
  authorId: string;
}): IdeaVersionView[] {
  return withDbErrors(() =>
    getDb()
      .select({
        version: ideaVersions.version,
        kind: ideaVersions.kind,
        fields: ideaVersions.fields,
        savedAt: ideaVersions.savedAt,
      })
      .from(ideaVersions)
      .innerJoin(ideas, eq(ideas.id, ideaVersions.ideaId))
      .where(
        and(
          eq(ideaVersions.ideaId, ideaId),
          eq(ideas.authorId, authorId),
          ne(ideaVersions.kind, "normalized_edit"),
        ),
      )
      .orderBy(asc(ideaVersions.version))
      .all(),
  );
}
