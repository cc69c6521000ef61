import { runSeeder } from "./run-seeder";
import type { SeededReviewStudy } from "./seed-data";

// Submitted reviews, so the results tests start where the review tests end (e2e/seeders/results.ts).

export { RESULT_METRICS, seededScore } from "./seed-data";

/**
 * A study in reviewing whose first `reviewing` reviewers have submitted a review of every idea (both
 * conditions, both topics); the remaining reviewers are members with nothing submitted yet.
 */
export function seedResultsStudy(args: {
  title: string;
  reviewerCount?: number;
  reviewing?: number;
}): SeededReviewStudy & { reviewCount: number } {
  return runSeeder("resultsStudy", args);
}

/** One more submitted review (and its assignment), e.g. to make a published snapshot stale. */
export function seedSubmittedReview(args: {
  studyId: string;
  ideaId: string;
  reviewerId: string;
  score: number;
}) {
  runSeeder("submittedReview", args);
}
