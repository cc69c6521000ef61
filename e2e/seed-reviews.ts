import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DATABASE_PATH } from "./constants";
import { SECRET, type SeededReviewStudy, seedReviewStudy } from "./seed";

// Seeds submitted reviews straight into the e2e database, so the results tests start where the review
// tests end. Scores are deterministic: the second condition (AgentZq) scores about two points higher
// on novelty and one on overall, one lower on feasibility, and the same on excitement.

export const RESULT_METRICS = ["novelty", "excitement", "feasibility", "effectiveness", "overall"] as const;

/** The seeded score of reviewer r for idea k, or null for the one deliberately missing cell. */
export function seededScore(metric: string, agent: boolean, r: number, k: number): number | null {
  switch (metric) {
    case "novelty":
      return agent ? 6 + ((r + 2 * k) % 3) : 4 + ((r + k) % 3);
    case "excitement":
      return 5 + ((r + k) % 3);
    case "feasibility":
      return (agent ? 5 : 6) + ((r + k) % 2);
    case "effectiveness":
      return r === 0 && k === 0 ? null : 4 + ((r * k) % 4);
    default:
      return (agent ? 6 : 5) + ((r + k) % 2);
  }
}

function openDb() {
  const db = new Database(E2E_DATABASE_PATH, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

function insertSubmitted(
  db: Database.Database,
  {
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
  },
) {
  const assignmentId = randomUUID();
  db.prepare(
    `INSERT INTO assignments (id, study_id, idea_id, reviewer_id, state, source, created_at, published_at)
     VALUES (?, ?, ?, ?, 'published', 'engine', ?, ?)`,
  ).run(assignmentId, studyId, ideaId, reviewerId, at, at);
  const answers = {
    scores,
    rationales: Object.fromEntries(RESULT_METRICS.map((m) => [m, `Seeded rationale for ${m}.`])),
    confidence: 3,
    familiarity: 4,
    minutes: 20,
    attested: false,
  };
  db.prepare(
    `INSERT INTO reviews (id, study_id, idea_id, assignment_id, reviewer_id, status, answers, version, active_seconds,
       first_submitted_at, submitted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'submitted', ?, 1, 60, ?, ?, ?, ?)`,
  ).run(randomUUID(), studyId, ideaId, assignmentId, reviewerId, JSON.stringify(answers), at, at, at, at);
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
  const db = openDb();
  const base = Date.now() - 3_600_000;
  let reviewCount = 0;
  try {
    db.transaction(() => {
      s.reviewers.slice(0, reviewing).forEach((reviewer, r) => {
        s.ideas.forEach((idea, k) => {
          const agent = idea.condition !== SECRET.conditions[0]?.key;
          const scores = Object.fromEntries(RESULT_METRICS.map((m) => [m, seededScore(m, agent, r, k)]));
          insertSubmitted(db, {
            studyId: s.studyId,
            ideaId: idea.id,
            reviewerId: reviewer.id,
            scores,
            at: base + reviewCount * 1000,
          });
          reviewCount += 1;
        });
      });
    })();
  } finally {
    db.close();
  }
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
}) {
  const db = openDb();
  try {
    insertSubmitted(db, {
      studyId,
      ideaId,
      reviewerId,
      scores: Object.fromEntries(RESULT_METRICS.map((m) => [m, score])),
      at: Date.now(),
    });
  } finally {
    db.close();
  }
}
