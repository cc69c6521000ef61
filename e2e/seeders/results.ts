import { getDb } from "@/db/client";
import { assignments, reviews } from "@/db/schema";
import { RESULT_METRICS, SECRET, type SeededReviewStudy, seededScore } from "../seed-data";
import { seedReviewStudy } from "./review-study";

// Submitted reviews for the results tests, which start where the review tests end. Scores are
// deterministic (seededScore): the second condition (AgentZq) scores about two points higher on
// novelty and one on overall, one lower on feasibility, and the same on excitement. Each review and its
// published assignment are inserted directly, typed by the schema: the review flow has its own tests.

function insertSubmitted({
  studyId,
  ideaId,
  reviewerId,
  scores,
  at,
}: {
  studyId: string;
  ideaId: string;
  reviewerId: string;
  scores: Record<string, number | null>;
  at: number;
}) {
  const db = getDb();
  db.transaction((tx) => {
    const assignment = tx
      .insert(assignments)
      .values({
        studyId,
        ideaId,
        reviewerId,
        state: "published",
        source: "engine",
        createdAt: at,
        publishedAt: at,
      })
      .returning({ id: assignments.id })
      .get();
    tx.insert(reviews)
      .values({
        studyId,
        ideaId,
        assignmentId: assignment.id,
        reviewerId,
        status: "submitted",
        answers: {
          scores,
          rationales: Object.fromEntries(RESULT_METRICS.map((m) => [m, `Seeded rationale for ${m}.`])),
          confidence: 3,
          familiarity: 4,
          minutes: 20,
          attested: false,
        },
        version: 1,
        activeSeconds: 60,
        firstSubmittedAt: at,
        submittedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .run();
  });
}

/**
 * A study in reviewing whose first `reviewing` reviewers have submitted a review of every idea (both
 * conditions, both topics); the remaining reviewers are members with nothing submitted yet.
 */
export function seedResultsStudy({
  title,
  reviewerCount = 5,
  reviewing = 4,
}: {
  title: string;
  reviewerCount?: number;
  reviewing?: number;
}): SeededReviewStudy & { reviewCount: number } {
  const s = seedReviewStudy({ title, reviewerCount, ideasPerCell: 3 });
  const base = Date.now() - 3_600_000;
  let reviewCount = 0;
  s.reviewers.slice(0, reviewing).forEach((reviewer, r) => {
    s.ideas.forEach((idea, k) => {
      const agent = idea.condition !== SECRET.conditions[0]?.key;
      insertSubmitted({
        studyId: s.studyId,
        ideaId: idea.id,
        reviewerId: reviewer.id,
        scores: Object.fromEntries(RESULT_METRICS.map((m) => [m, seededScore(m, agent, r, k)])),
        at: base + reviewCount * 1000,
      });
      reviewCount += 1;
    });
  });
  return { ...s, reviewCount };
}

/** One more submitted review (and its assignment), e.g. to make a published snapshot stale. */
export function seedSubmittedReview({
  studyId,
  ideaId,
  reviewerId,
  score,
}: {
  studyId: string;
  ideaId: string;
  reviewerId: string;
  score: number;
}): null {
  insertSubmitted({
    studyId,
    ideaId,
    reviewerId,
    scores: Object.fromEntries(RESULT_METRICS.map((m) => [m, score])),
    at: Date.now(),
  });
  return null;
}
