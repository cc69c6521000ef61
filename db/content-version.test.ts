import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { readContentVersion } from "@/db/queries/content-version";
import { recordActiveTime, saveReviewDraft, submitReview } from "@/db/queries/review-save";
import { listMyAssignments } from "@/db/queries/reviews-reviewer";
import { studies } from "@/db/schema";
import { getTestDb, resetTestDb } from "@/db/testing/db";
import {
  completeReviewAnswers,
  makeReviewStudy,
  publishAndStartReviewing,
} from "@/db/testing/review-fixtures";

// The content version that the page cache keys on must move with every change of content, in every
// table, including tables added after this test: a table without its triggers fails here.

beforeEach(() => resetTestDb());

const version = () => {
  const v = readContentVersion();
  if (v === null) throw new Error("content_version has no row");
  return v;
};

describe("content version", () => {
  it("every table has an insert, update and delete trigger that raises it", () => {
    const db = getTestDb();
    const tables = db.$client
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
         and name not like '\\_\\_%' escape '\\' and name != 'content_version'
         and sql not like 'CREATE VIRTUAL TABLE%' and name not like 'papers_fts_%'`,
      )
      .pluck()
      .all() as string[];
    expect(tables.length).toBeGreaterThan(40);
    const triggers = new Map(
      (
        db.$client.prepare("select name, tbl_name, sql from sqlite_master where type = 'trigger'").all() as {
          name: string;
          tbl_name: string;
          sql: string;
        }[]
      ).map((t) => [t.name, t]),
    );
    const missing: string[] = [];
    for (const table of tables) {
      for (const op of ["insert", "update", "delete"]) {
        const t = triggers.get(`content_version_${table}_${op}`);
        const ok =
          t?.tbl_name === table &&
          t.sql.includes(`AFTER ${op.toUpperCase()} ON \`${table}\``) &&
          t.sql.includes("SET `version` = `version` + 1");
        if (!ok) missing.push(`${table} ${op}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("moves on a change anywhere and not on a draft saved over a draft", () => {
    const db = getTestDb();
    const s = makeReviewStudy({ ideasPerCell: 1, reviewerCount: 1 });
    publishAndStartReviewing(s, { min: 1, max: 1 });
    const reviewer = s.reviewers[0]!;
    const assignmentId = listMyAssignments({ studyId: s.study.id, userId: reviewer.id })[0]!.assignmentId;
    const save = (n: number, v: number) => ({
      studyId: s.study.id,
      assignmentId,
      userId: reviewer.id,
      answers: { scores: { novelty: n }, rationales: { novelty: `Draft ${n}.` } },
      version: v,
      activeSeconds: 5,
    });

    let before = version();
    db.update(studies).set({ title: "Renamed" }).where(eq(studies.id, s.study.id)).run();
    expect(version()).toBe(before + 1);

    before = version();
    const first = saveReviewDraft(save(1, 0)); // the review row is created
    expect(version()).toBeGreaterThan(before);

    before = version();
    const second = saveReviewDraft(save(2, first.version));
    saveReviewDraft(save(3, second.version));
    expect(version()).toBe(before);

    // Submitting changes what other pages show (progress, results): it moves, and so does active time
    // on a submitted review.
    before = version();
    const submitted = submitReview({ ...save(5, second.version + 1), answers: completeReviewAnswers() });
    expect(version()).toBeGreaterThan(before);
    before = version();
    expect(submitted.status).toBe("submitted");
    recordActiveTime({ studyId: s.study.id, assignmentId, userId: reviewer.id, activeSeconds: 30 });
    expect(version()).toBeGreaterThan(before);
  });
});
