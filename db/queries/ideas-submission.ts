import "server-only";
import { and, eq } from "drizzle-orm";
import type { FieldErrors } from "@/lib/errors";
import { getStudyTemplate, validateIdeaFields } from "@/lib/ideas/template";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideas, ideaVersions } from "../schema";
import { releaseWithdrawnIdea } from "./idea-withdrawal";
import { invalidIdea, phaseError, resetNormalization } from "./ideas-shared";
import { conflictOf, loadOwnIdea, type SaveIdeaResult, sameFields } from "./ideas-writer";

// A writer submits an idea (checked as a submission, with the attestation when the study has one)
// or withdraws it, only while writing is open; both bump the version like every save.

/**
 * Submits (or resubmits a withdrawn idea) while writing is open: every field checked as a
 * submission, and the attestation when the study has one. Submitting an already submitted idea
 * with the same text changes nothing and returns the same result.
 */
export function submitIdea({
  studyId,
  ideaId,
  authorId,
  expectedVersion,
  fields,
  attested,
}: {
  studyId: string;
  ideaId: string;
  authorId: string;
  expectedVersion: number;
  fields: Record<string, unknown>;
  attested: boolean;
}): SaveIdeaResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = loadOwnIdea(tx, studyId, ideaId, authorId);
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
export function withdrawIdea({
  studyId,
  ideaId,
  authorId,
}: {
  studyId: string;
  ideaId: string;
  authorId: string;
}): {
  version: number;
  status: "withdrawn";
} {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = loadOwnIdea(tx, studyId, ideaId, authorId);
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
