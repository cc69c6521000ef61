import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeReviewStudy, publishAndStartReviewing } from "@/db/testing/review-fixtures";
import type { ReviewAnswers } from "@/lib/reviews/answers";
import { DEFAULT_REVIEW_FORM } from "@/lib/reviews/form";
import { getDb } from "../client";
import { assignments, ideas } from "../schema";
import { listIdeaWithdrawals } from "./idea-withdrawal";
import { withdrawIdea } from "./ideas";
import { submitReview } from "./review-save";
import { listMyAssignments } from "./reviews-reviewer";
import { advancePhase } from "./study-setup";

beforeEach(() => {
  resetTestDb();
});

const rationale =
  "A rationale long enough to pass the form minimum length for every metric, with a few more words to be safe.";
const answers: ReviewAnswers = {
  scores: Object.fromEntries(DEFAULT_REVIEW_FORM.metrics.map((m) => [m.key, 5])),
  rationales: Object.fromEntries(DEFAULT_REVIEW_FORM.metrics.map((m) => [m.key, rationale])),
  confidence: 3,
  familiarity: 4,
  minutes: 25,
  attested: false,
};

describe("withdrawing an idea after writing", () => {
  it("cancels its open reviews, keeps submitted ones, and leaves a trail for the organizer", () => {
    const s = makeReviewStudy({ ideasPerCell: 1, reviewerCount: 3 });
    publishAndStartReviewing(s, { min: 2, max: 2 });
    const human = s.ideas.find((i) => i.conditionKey === "Human")!;
    const holders = getDb()
      .select({ id: assignments.id, reviewerId: assignments.reviewerId })
      .from(assignments)
      .where(eq(assignments.ideaId, human.id))
      .all();
    expect(holders).toHaveLength(2);
    const first = holders[0]!;
    const mine = listMyAssignments({ studyId: s.study.id, userId: first.reviewerId }).find(
      (a) => a.assignmentId === first.id,
    )!;
    submitReview({
      studyId: s.study.id,
      assignmentId: mine.assignmentId,
      userId: first.reviewerId,
      answers,
      version: 0,
      activeSeconds: 30,
    });

    expect(withdrawIdea({ studyId: s.study.id, ideaId: human.id, authorId: s.writer.id }).status).toBe(
      "withdrawn",
    );
    const states = getDb()
      .select({ id: assignments.id, state: assignments.state })
      .from(assignments)
      .where(eq(assignments.ideaId, human.id))
      .all();
    expect(states.find((a) => a.id === first.id)?.state).toBe("published");
    expect(states.find((a) => a.id !== first.id)?.state).toBe("withdrawn");
    expect(listIdeaWithdrawals({ studyId: s.study.id })).toEqual([
      expect.objectContaining({
        ideaId: human.id,
        code: human.code,
        phase: "reviewing",
        assignmentsReleased: 1,
        reviewsKept: 1,
        arenaPairs: 0,
      }),
    ]);
    const row = getDb()
      .select({ status: ideas.status })
      .from(ideas)
      .where(and(eq(ideas.id, human.id)))
      .get();
    expect(row?.status).toBe("withdrawn");

    // A closed study is final: nothing is withdrawn any more.
    const other = s.ideas.find((i) => i.conditionKey === "Human" && i.id !== human.id)!;
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "arena" });
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "closed", confirmed: true });
    expect(() => withdrawIdea({ studyId: s.study.id, ideaId: other.id, authorId: s.writer.id })).toThrow(
      /closed/,
    );
  });
});
