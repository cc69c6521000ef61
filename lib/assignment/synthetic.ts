// Seeded random instances for the property tests and the benchmark.
import { createRandom } from "./prng";
import type { AssignmentConflict, AssignmentIdea, AssignmentInput, AssignmentReviewer } from "./types";

export type InstanceShape = {
  ideas: number;
  reviewers: number;
  topics: number;
  conditions: number;
  reviewsPerIdea: { min: number; max: number };
  topicsPerReviewer: [number, number];
  load: { min: [number, number]; max: [number, number] };
  institutions: number;
  /** Share of ideas written by one of the reviewers. */
  reviewerAuthored: number;
  conflicts: number;
};

export function generateInstance(shape: InstanceShape, seed: number): AssignmentInput {
  const random = createRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const topics = Array.from({ length: shape.topics }, (_, t) => `T${t + 1}`);
  const conditions = Array.from({ length: shape.conditions }, (_, c) => `C${c + 1}`);
  const institution = () => (random() < 0.15 ? null : `Inst ${int(1, shape.institutions)}`);

  const reviewers: AssignmentReviewer[] = Array.from({ length: shape.reviewers }, (_, r) => {
    const count = Math.min(shape.topics, int(shape.topicsPerReviewer[0], shape.topicsPerReviewer[1]));
    const pool = topics.slice();
    const mine: string[] = [];
    for (let k = 0; k < count; k += 1) mine.push(pool.splice(int(0, pool.length - 1), 1)[0] as string);
    const minLoad = int(shape.load.min[0], shape.load.min[1]);
    const maxLoad = Math.max(minLoad, int(shape.load.max[0], shape.load.max[1]));
    return { id: `r${r + 1}`, topics: mine, minLoad, maxLoad, institution: institution() };
  });
  const ideas: AssignmentIdea[] = Array.from({ length: shape.ideas }, (_, i) => {
    const byReviewer = shape.reviewers > 0 && random() < shape.reviewerAuthored;
    const author = byReviewer ? reviewers[int(0, shape.reviewers - 1)] : undefined;
    return {
      id: `i${i + 1}`,
      topic: topics[int(0, topics.length - 1)] as string,
      condition: conditions[int(0, conditions.length - 1)] as string,
      authorId: author ? author.id : random() < 0.2 ? null : `a${int(1, shape.ideas)}`,
      authorInstitution: author ? author.institution : institution(),
    };
  });
  const conflicts: AssignmentConflict[] = [];
  for (let k = 0; k < shape.conflicts && shape.reviewers > 0 && shape.ideas > 0; k += 1) {
    const reviewerId = `r${int(1, shape.reviewers)}`;
    const idea = ideas[int(0, shape.ideas - 1)] as AssignmentIdea;
    if (random() < 0.7 || idea.authorId === null) conflicts.push({ reviewerId, ideaId: idea.id });
    else conflicts.push({ reviewerId, authorId: idea.authorId });
  }
  return { ideas, reviewers, conflicts, reviewsPerIdea: shape.reviewsPerIdea, seed };
}

/** The spec's benchmark: 1,000 ideas × 300 reviewers × 7 topics × 3 conditions, R = 3. */
export const BENCH_SHAPE: InstanceShape = {
  ideas: 1000,
  reviewers: 300,
  topics: 7,
  conditions: 3,
  reviewsPerIdea: { min: 3, max: 3 },
  topicsPerReviewer: [1, 3],
  load: { min: [4, 8], max: [8, 12] },
  institutions: 40,
  reviewerAuthored: 0.3,
  conflicts: 200,
};
