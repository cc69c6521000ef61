import { runSeeder } from "./run-seeder";
import type { SeededReviewStudy } from "./seed-data";

// A study that is ready for reviewing, so review tests start where the studies tests end (writing and
// normalization are covered by ideas.spec.ts). Built by e2e/seeders/review-study.ts with the app's
// own queries; names are distinctive on purpose: the blindness crawl searches every response for them.

export { SECRET, type SeededReviewStudy, type SeededUser } from "./seed-data";

export function seedReviewStudy(args: {
  title: string;
  reviewerCount?: number;
  ideasPerCell?: number;
  status?: "writing" | "normalization" | "reviewing" | "arena";
}): SeededReviewStudy {
  return runSeeder("reviewStudy", args);
}

/** Signs a reviewer up directly (topics, load range), for reviewers the test does not drive. */
export function seedReviewerProfile(args: {
  studyId: string;
  userId: string;
  minLoad: number;
  maxLoad: number;
}) {
  runSeeder("reviewerProfile", args);
}
