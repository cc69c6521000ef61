import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DATABASE_PATH } from "./constants";

// Unfinished work seeded straight into the e2e database: an open assignment (published, no review)
// and planned phase dates, so the safety tests can show what a phase change or publishing would end.

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE_PATH, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A published assignment of this idea to this reviewer with no review yet; returns its id. */
export function seedOpenAssignment({
  studyId,
  ideaId,
  reviewerId,
}: {
  studyId: string;
  ideaId: string;
  reviewerId: string;
}): string {
  const id = randomUUID();
  const now = Date.now();
  withDb((db) =>
    db
      .prepare(
        `INSERT INTO assignments (id, study_id, idea_id, reviewer_id, state, source, created_at, published_at)
         VALUES (?, ?, ?, ?, 'published', 'manual', ?, ?)`,
      )
      .run(id, studyId, ideaId, reviewerId, now, now),
  );
  return id;
}

export function seedPhaseDates(
  studyId: string,
  dates: Record<string, { opensAt?: number; closesAt?: number }>,
) {
  withDb((db) =>
    db.prepare("UPDATE studies SET phase_dates = ? WHERE id = ?").run(JSON.stringify(dates), studyId),
  );
}

/** Puts a rewrite with these fields on an idea and leaves its decision open (as after a job run). */
export function seedUndecidedRewrite(ideaId: string, fields: Record<string, string>) {
  withDb((db) =>
    db
      .prepare(
        "UPDATE ideas SET normalized_fields = ?, normalization_state = 'done', normalization_review = 'unreviewed', review_text_source = NULL WHERE id = ?",
      )
      .run(JSON.stringify(fields), ideaId),
  );
}

export function seedConsentText(studyId: string, text: string) {
  withDb((db) => db.prepare("UPDATE studies SET consent_text = ? WHERE id = ?").run(text, studyId));
}
