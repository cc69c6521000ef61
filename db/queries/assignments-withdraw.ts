import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { assignments, reviewerProfiles } from "../schema";
import {
  findReviewer,
  pairProblem,
  readAssignableIdeas,
  readPairs,
  readSubmittedAssignmentIds,
} from "./assignments-inputs";
import { loadStudy, logEvent } from "./study-shared";

// After publishing: a reviewer's open assignments move to another reviewer (reassign), or are
// released when the reviewer leaves (withdraw) so "Assign remaining" can refill them. Submitted
// reviews never move.

/**
 * Moves a reviewer's open (not submitted) published assignments to another reviewer, pair by pair
 * under the hard constraints; pairs that would break one stay and are reported with the reason.
 */
export function reassignOpenAssignments({
  studyId,
  actorId,
  fromReviewerId,
  toReviewerId,
}: {
  studyId: string;
  actorId: string;
  fromReviewerId: string;
  toReviewerId: string;
}): { moved: number; kept: { ideaCode: string; reason: string }[] } {
  if (fromReviewerId === toReviewerId) {
    throw new AppError("invalid:reassign", "Choose two different reviewers.", {
      fieldErrors: { toReviewerId: ["Choose two different reviewers."] },
    });
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        findReviewer(tx, studyId, fromReviewerId);
        const to = findReviewer(tx, studyId, toReviewerId);
        const submittedIds = readSubmittedAssignmentIds(tx, studyId, fromReviewerId);
        const open = readPairs(tx, studyId).filter(
          (p) => p.reviewerId === fromReviewerId && p.state === "published" && !submittedIds.has(p.id),
        );
        const ideaById = new Map(readAssignableIdeas(tx, studyId).map((i) => [i.id, i]));
        const max = Number.POSITIVE_INFINITY; // moving keeps each idea's count, so R_max is not in play
        let moved = 0;
        const kept: { ideaCode: string; reason: string }[] = [];
        for (const pair of open) {
          const idea = ideaById.get(pair.ideaId);
          if (!idea) continue;
          const problem = pairProblem(tx, studyId, idea, to, max);
          if (problem) {
            kept.push({ ideaCode: idea.code, reason: problem });
            continue;
          }
          const now = Date.now();
          tx.update(assignments).set({ state: "withdrawn" }).where(eq(assignments.id, pair.id)).run();
          tx.insert(assignments)
            .values({
              studyId,
              ideaId: idea.id,
              reviewerId: to.id,
              state: "published",
              source: "reassigned",
              createdAt: now,
              publishedAt: now,
            })
            .onConflictDoUpdate({
              target: [assignments.ideaId, assignments.reviewerId],
              set: { state: "published", source: "reassigned", publishedAt: now },
            })
            .run();
          moved += 1;
        }
        logEvent(tx, {
          studyId,
          actorId,
          kind: "assignments_reassigned",
          detail: { fromReviewerId, toReviewerId, moved, kept: kept.length },
        });
        return { moved, kept };
      },
      { behavior: "immediate" },
    ),
  );
}

/**
 * A reviewer leaves: no new assignments, and their open published assignments (no submitted review)
 * are withdrawn so "Assign remaining" can give those reviews to others. Submitted reviews stay.
 */
export function withdrawReviewer({
  studyId,
  actorId,
  reviewerId,
}: {
  studyId: string;
  actorId: string;
  reviewerId: string;
}): { withdrawn: number } {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const reviewer = findReviewer(tx, studyId, reviewerId);
        const now = Date.now();
        tx.insert(reviewerProfiles)
          .values({
            studyId,
            userId: reviewerId,
            topicIds: [],
            minLoad: 0,
            maxLoad: 0,
            withdrawnAt: now,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [reviewerProfiles.studyId, reviewerProfiles.userId],
            set: { withdrawnAt: now, updatedAt: now },
          })
          .run();
        const submitted = readSubmittedAssignmentIds(tx, studyId, reviewerId);
        const open = readPairs(tx, studyId).filter(
          (p) => p.reviewerId === reviewerId && !submitted.has(p.id),
        );
        for (const p of open) {
          if (p.state === "proposed") tx.delete(assignments).where(eq(assignments.id, p.id)).run();
          else tx.update(assignments).set({ state: "withdrawn" }).where(eq(assignments.id, p.id)).run();
        }
        logEvent(tx, {
          studyId,
          actorId,
          kind: "reviewer_withdrawn",
          detail: { reviewerId, name: reviewer.name, assignments: open.length },
        });
        return { withdrawn: open.length };
      },
      { behavior: "immediate" },
    ),
  );
}
