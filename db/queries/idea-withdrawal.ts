import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaPairs, assignments, ideas, reviews, studyEvents } from "../schema";
import { type Executor, logEvent } from "./study-shared";

// A writer may withdraw an idea at any time before the study closes (the consent text promises it).
// After writing, that releases the idea's open assignments (proposed ones vanish, published ones
// become withdrawn), keeps submitted reviews, and the arena leaves its pairs out from then on (see
// arena-judging.ts). Each withdrawal is logged with what it touched, the organizer's trail.

export type IdeaWithdrawal = {
  ideaId: string;
  code: string;
  title: string;
  withdrawnAt: number;
  /** The phase the study was in. */
  phase: string;
  assignmentsReleased: number;
  reviewsKept: number;
  arenaPairs: number;
};

/** Releases the idea's open work and logs the withdrawal; runs inside the withdrawing transaction. */
export function releaseWithdrawnIdea(
  tx: Executor,
  { studyId, ideaId, actorId, phase }: { studyId: string; ideaId: string; actorId: string; phase: string },
): void {
  const idea = tx
    .select({ code: ideas.code, fields: ideas.fields })
    .from(ideas)
    .where(eq(ideas.id, ideaId))
    .get();
  const rows = tx
    .select({ id: assignments.id, state: assignments.state, review: reviews.status })
    .from(assignments)
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(assignments.ideaId, ideaId), inArray(assignments.state, ["proposed", "published"])))
    .all();
  const open = rows.filter((r) => r.review !== "submitted");
  for (const a of open) {
    if (a.state === "proposed") tx.delete(assignments).where(eq(assignments.id, a.id)).run();
    else tx.update(assignments).set({ state: "withdrawn" }).where(eq(assignments.id, a.id)).run();
  }
  const pairs = tx
    .select({ id: arenaPairs.id })
    .from(arenaPairs)
    .where(
      and(
        eq(arenaPairs.studyId, studyId),
        or(eq(arenaPairs.ideaAId, ideaId), eq(arenaPairs.ideaBId, ideaId)),
      ),
    )
    .all().length;
  logEvent(tx, {
    studyId,
    actorId,
    kind: "idea_withdrawn",
    detail: {
      ideaId,
      code: idea?.code ?? "",
      title: idea?.fields.title ?? "",
      phase,
      assignmentsReleased: open.length,
      reviewsKept: rows.length - open.length,
      arenaPairs: pairs,
    },
  });
}

/** The study's withdrawals, newest first. */
export function listIdeaWithdrawals({ studyId }: { studyId: string }): IdeaWithdrawal[] {
  return withDbErrors(() =>
    getDb()
      .select({ detail: studyEvents.detail, createdAt: studyEvents.createdAt })
      .from(studyEvents)
      .where(and(eq(studyEvents.studyId, studyId), eq(studyEvents.kind, "idea_withdrawn")))
      .orderBy(desc(studyEvents.createdAt))
      .all()
      .map(({ detail, createdAt }) => ({
        ideaId: String(detail.ideaId ?? ""),
        code: String(detail.code ?? ""),
        title: String(detail.title ?? ""),
        withdrawnAt: createdAt,
        phase: String(detail.phase ?? ""),
        assignmentsReleased: Number(detail.assignmentsReleased ?? 0),
        reviewsKept: Number(detail.reviewsKept ?? 0),
        arenaPairs: Number(detail.arenaPairs ?? 0),
      })),
  );
}
