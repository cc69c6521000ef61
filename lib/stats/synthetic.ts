// Seeded tidy review tables for the property tests and the benchmark: ideas nested in topics and
// conditions, each reviewed by random reviewers, integer 1–10 scores built from a condition effect,
// an idea effect, a reviewer bias and noise, with a few missing cells.
import { createRandom } from "@/lib/assignment/prng";
import type { TidyReview, TidyTable } from "./tidy";

export type ReviewShape = {
  reviews: number;
  metrics: readonly string[];
  conditions: readonly string[];
  topics: number;
  reviewers: number;
  reviewsPerIdea: number;
  /** Shift of each condition's mean score, by position (0 for the first). */
  effects: readonly number[];
  /** Share of score cells left empty. */
  missing: number;
};

export const DEFAULT_METRICS = ["novelty", "excitement", "feasibility", "effectiveness", "overall"];

/** The spec's benchmark: 100,000 reviews × 5 metrics × 3 conditions. */
export const BENCH_REVIEW_SHAPE: ReviewShape = {
  reviews: 100_000,
  metrics: DEFAULT_METRICS,
  conditions: ["Human", "AI", "AI+Rerank"],
  topics: 7,
  reviewers: 2_000,
  reviewsPerIdea: 3,
  effects: [0, 0.6, 0.8],
  missing: 0.02,
};

export function generateReviews(shape: ReviewShape, seed: number): TidyTable {
  const random = createRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  // Irwin–Hall with 4 uniforms: close enough to normal for synthetic scores, and cheap.
  const noise = () => (random() + random() + random() + random() - 2) * 1.7;
  const bias = Array.from({ length: shape.reviewers }, () => noise() * 0.5);
  const ideaCount = Math.max(1, Math.ceil(shape.reviews / shape.reviewsPerIdea));
  const ideas = Array.from({ length: ideaCount }, (_, i) => ({
    id: `i${i + 1}`,
    condition: int(shape.conditions.length),
    topic: `T${int(shape.topics) + 1}`,
    quality: noise() * 0.6,
  }));
  const rows: TidyReview[] = [];
  for (let k = 0; k < shape.reviews; k += 1) {
    const idea = ideas[k % ideaCount] as (typeof ideas)[number];
    const reviewer = int(shape.reviewers);
    const scores: Record<string, number | null> = {};
    for (const metric of shape.metrics) {
      const raw =
        5 + (shape.effects[idea.condition] ?? 0) + idea.quality + (bias[reviewer] as number) + noise();
      scores[metric] = random() < shape.missing ? null : Math.min(10, Math.max(1, Math.round(raw)));
    }
    rows.push({
      line: k + 2,
      reviewId: `v${k + 1}`,
      ideaId: idea.id,
      topic: idea.topic,
      condition: shape.conditions[idea.condition] as string,
      reviewerId: `r${reviewer + 1}`,
      scores,
      confidence: 1 + int(5),
      familiarity: 1 + int(5),
      minutes: 5 + int(60),
      submittedAt: "",
      extra: {},
    });
  }
  return { metrics: [...shape.metrics], extraColumns: [], rows };
}
