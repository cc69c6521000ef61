import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { assignments } from "../schema";
import { findIdeaByCode, findReviewer, lastParams, pairProblem } from "./assignments-inputs";
import { loadStudy, logEvent } from "./study-shared";

// The organizer's hand edits to proposed pairs, and publishing them. Every added pair is checked
// against the same hard constraints as the engine and refused with the reason.

/** A hand edit: adds a proposed pair, or refuses with the hard constraint it would break. */
export function addAssignmentPair({
  studyId,
  actorId,
  ideaCode,
  reviewerId,
}: {
  studyId: string;
  actorId: string;
  ideaCode: string;
  reviewerId: string;
}): void {
  withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const idea = findIdeaByCode(tx, studyId, ideaCode);
        const reviewer = findReviewer(tx, studyId, reviewerId);
        const problem = pairProblem(tx, studyId, idea, reviewer, lastParams(tx, studyId).reviewsPerIdea.max);
        if (problem) throw new AppError("conflict:assignment_constraint", `Not added: ${problem}`);
        tx.insert(assignments)
          .values({
            studyId,
            ideaId: idea.id,
            reviewerId,
            state: "proposed",
            source: "manual",
            createdAt: Date.now(),
          })
          .onConflictDoUpdate({
            target: [assignments.ideaId, assignments.reviewerId],
            set: { state: "proposed", source: "manual", publishedAt: null },
          })
          .run();
        logEvent(tx, { studyId, actorId, kind: "assignment_added", detail: { ideaId: idea.id, reviewerId } });
      },
      { behavior: "immediate" },
    ),
  );
}

/** Removes a proposed pair; published ones are moved with reassign instead, so no review is lost. */
export function removeAssignmentPair({
  studyId,
  actorId,
  assignmentId,
}: {
  studyId: string;
  actorId: string;
  assignmentId: string;
}): void {
  withDbErrors(() =>
    getDb().transaction((tx) => {
      const row = tx
        .select({ state: assignments.state })
        .from(assignments)
        .where(and(eq(assignments.id, assignmentId), eq(assignments.studyId, studyId)))
        .get();
      if (!row) throw new AppError("not_found:assignment", "This assignment no longer exists.");
      if (row.state !== "proposed") {
        throw new AppError(
          "conflict:assignment_published",
          "Published assignments are not removed here: reassign the reviewer's open assignments on the Reviews page.",
        );
      }
      tx.delete(assignments).where(eq(assignments.id, assignmentId)).run();
      logEvent(tx, { studyId, actorId, kind: "assignment_removed", detail: { assignmentId } });
    }),
  );
}

export function publishAssignments({ studyId, actorId }: { studyId: string; actorId: string }): number {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const result = tx
          .update(assignments)
          .set({ state: "published", publishedAt: Date.now() })
          .where(and(eq(assignments.studyId, studyId), eq(assignments.state, "proposed")))
          .run();
        if (result.changes === 0)
          throw new AppError(
            "conflict:assignment_empty",
            "There is nothing to publish: run the assignment first.",
          );
        logEvent(tx, { studyId, actorId, kind: "assignments_published", detail: { count: result.changes } });
        return result.changes;
      },
      { behavior: "immediate" },
    ),
  );
}
