// The database bench:load runs against: one study in the review phase, N reviewers with one published
// assignment each (consent not needed), all with the password of the unit-test fixtures.
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { assignments } from "@/db/schema";
import { TEST_PASSWORD } from "@/db/testing/fixtures";
import { makeReviewStudy, startReviewing } from "@/db/testing/review-fixtures";
import { resetEnvForTests } from "@/lib/env";

export function loadBenchWorld({ dbPath, reviewers }: { dbPath: string; reviewers: number }) {
  process.env.DATABASE_PATH = dbPath;
  resetEnvForTests();
  const db = getDb();
  migrateDatabase(db);
  const s = makeReviewStudy({ ideasPerCell: Math.ceil(reviewers / 4), reviewerCount: reviewers });
  startReviewing(s.study.id, s.organizer.id);
  const now = Date.now();
  const out = s.reviewers.map((r, i) => {
    const row = db
      .insert(assignments)
      .values({
        studyId: s.study.id,
        ideaId: s.ideas[i % s.ideas.length]!.id,
        reviewerId: r.id,
        state: "published",
        source: "manual",
        publishedAt: now,
      })
      .returning({ id: assignments.id })
      .get();
    return { email: r.email, password: TEST_PASSWORD, assignmentId: row.id };
  });
  db.$client.close();
  return { studyId: s.study.id, reviewers: out };
}
