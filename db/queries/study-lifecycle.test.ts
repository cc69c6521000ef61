import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createJob, requestJobCancel } from "@/db/queries/jobs";
import { importReviews } from "@/db/queries/review-import";
import { addStudyRoles, getStudyById, listStudiesForUser } from "@/db/queries/studies";
import { advancePhase, recordConsent } from "@/db/queries/study-setup";
import { addArenaPair, addHumanVote } from "@/db/testing/arena-results-fixtures";
import { resetTestDb } from "@/db/testing/db";
import { makeUser } from "@/db/testing/fixtures";
import { makeReviewStudy, publishAndStartReviewing } from "@/db/testing/review-fixtures";
import { toCsv } from "@/lib/csv/write";
import { AppError } from "@/lib/errors";
import { tidyColumns } from "@/lib/stats/tidy";
import {
  chains,
  ideationProgress,
  ideationRuns,
  ideaVersions,
  invitations,
  llmCalls,
  papers,
} from "../schema";
import { deleteStudy, getStudyDeletionSummary, setStudyArchived } from "./study-lifecycle";

function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

/**
 * Rows per table, every table of the database; FTS5's own shadow tables keep merged segments after
 * a delete, so the index is checked with its integrity check and a search instead.
 */
function tableCounts(): Map<string, number> {
  const client = getDb().$client;
  const names = client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const shadow = /_fts_(data|idx|docsize|config|content)$/;
  return new Map(
    names
      .filter(({ name }) => !shadow.test(name))
      .map(({ name }) => [
        name,
        (client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
  );
}

/** A study with rows in every kind of table that hangs off a study. */
function busyStudy() {
  const s = makeReviewStudy({ ideasPerCell: 1, reviewerCount: 2 });
  const studyId = s.study.id;
  const db = getDb();
  for (const idea of s.ideas) {
    db.insert(ideaVersions)
      .values({ ideaId: idea.id, version: 1, fields: { title: "v1" }, kind: "save", savedAt: 1 })
      .run();
  }
  publishAndStartReviewing(s, { min: 1, max: 1 });
  for (const r of s.reviewers) recordConsent({ studyId, userId: r.id });
  const rows = s.ideas.map((idea, i) => [
    `ext-${i}`,
    idea.code,
    idea.id,
    idea.topicId === s.graphs.id ? "Graphs" : "Prompting",
    idea.conditionKey,
    "paper-1",
    5,
    5,
    5,
    5,
    5,
    3,
    3,
    20,
    "2026-05-01T12:00:00.000Z",
  ]);
  const metrics = ["novelty", "excitement", "feasibility", "effectiveness", "overall"];
  importReviews({
    studyId,
    actorId: s.organizer.id,
    fileName: "external.csv",
    text: toCsv({ columns: tidyColumns(metrics), rows }),
    allowShortRationales: true,
  });
  advancePhase({ studyId, actorId: s.organizer.id, to: "arena", confirmed: true });
  const judge = makeUser({ name: "Judge" });
  addStudyRoles({ studyId, userId: judge.id, roles: ["judge"] });
  const [a, b] = s.ideas.filter((i) => i.topicId === s.graphs.id);
  const pair = addArenaPair({ studyId, ideaAId: a!.id, ideaBId: b!.id });
  addHumanVote({
    studyId,
    pairId: pair.id,
    judgeId: judge.id,
    leftIdeaId: a!.id,
    rightIdeaId: b!.id,
    verdicts: { overall: "a" },
  });
  db.insert(invitations)
    .values({
      tokenHash: `hash-${studyId}`,
      studyId,
      roles: ["reviewer"],
      email: null,
      note: null,
      createdBy: s.organizer.id,
      expiresAt: Date.now() + 1e6,
    })
    .run();
  db.insert(llmCalls).values({ purpose: "normalize", studyId, provider: "mock", model: "m" }).run();
  db.insert(papers)
    .values({ studyId, title: "A paper", titleKey: "a paper", source: "import", fetchedAt: 1 })
    .run();
  const job = createJob({ kind: "test", studyId, items: [1, 2] });
  db.insert(chains)
    .values({ studyId, topic: "Graphs", options: {} as typeof chains.$inferInsert.options, status: "done" })
    .run();
  const run = db
    .insert(ideationRuns)
    .values({ studyId, agents: [], topics: [], topicMode: "chosen", model: "mock", budgetUsd: 1 })
    .returning({ id: ideationRuns.id })
    .get();
  db.insert(ideationProgress)
    .values({
      runId: run.id,
      agentIndex: 0,
      topicId: s.graphs.id,
      stage: "idea",
      done: 1,
      total: 2,
      updatedAt: 1,
    })
    .run();
  return { ...s, judge, job };
}

describe("archiving a study", () => {
  beforeEach(() => resetTestDb());

  it("is for admins and the creator; it hides the study from the list until unarchived", () => {
    const s = makeReviewStudy({ ideasPerCell: 1, reviewerCount: 1 });
    const coOrganizer = makeUser();
    addStudyRoles({ studyId: s.study.id, userId: coOrganizer.id, roles: ["organizer"] });
    const admin = makeUser({ isAdmin: true });
    expect(
      catchError(() => setStudyArchived({ studyId: s.study.id, actor: coOrganizer, archived: true })).code,
    ).toBe("forbidden:study_owner");
    setStudyArchived({ studyId: s.study.id, actor: s.organizer, archived: true, now: 1234 });
    expect(getStudyById({ studyId: s.study.id })?.archivedAt).toBe(1234);
    expect(listStudiesForUser({ userId: s.organizer.id })[0]?.archivedAt).toBe(1234);
    setStudyArchived({ studyId: s.study.id, actor: admin, archived: false });
    expect(getStudyById({ studyId: s.study.id })?.archivedAt).toBeNull();
    const kinds = getDb()
      .$client.prepare("SELECT kind FROM study_events WHERE kind LIKE 'study_%archived' ORDER BY rowid")
      .all();
    expect(kinds).toEqual([{ kind: "study_archived" }, { kind: "study_unarchived" }]);
  });

  it("is refused while a background job of the study is queued or running", () => {
    const s = makeReviewStudy({ ideasPerCell: 1, reviewerCount: 0 });
    const job = createJob({ kind: "test", studyId: s.study.id, items: [1] });
    const e = catchError(() => setStudyArchived({ studyId: s.study.id, actor: s.organizer, archived: true }));
    expect(e.code).toBe("conflict:study_jobs_running");
    expect(e.message).toContain("1 background job is still running");
    requestJobCancel({ jobId: job.id });
    setStudyArchived({ studyId: s.study.id, actor: s.organizer, archived: true });
    expect(getStudyById({ studyId: s.study.id })?.archivedAt).not.toBeNull();
  });
});

describe("deleting a study", () => {
  beforeEach(() => resetTestDb());

  it("removes every row of the study in one go and leaves other studies and accounts alone", () => {
    const other = makeReviewStudy({ ideasPerCell: 1, reviewerCount: 1 });
    const before = tableCounts();
    const s = busyStudy();
    const filled = tableCounts();
    // The study really has rows everywhere the deletion must reach.
    const reached = [
      "ideas",
      "idea_versions",
      "topics",
      "conditions",
      "memberships",
      "consents",
      "study_events",
      "assignments",
      "assignment_runs",
      "reviewer_profiles",
      "reviews",
      "review_imports",
      "arena_pairs",
      "arena_votes",
      "invitations",
      "llm_calls",
      "papers",
      "jobs",
      "job_items",
      "chains",
      "ideation_runs",
      "ideation_progress",
    ];
    for (const table of reached) expect([table, filled.get(table)]).not.toEqual([table, before.get(table)]);

    const summary = getStudyDeletionSummary({ studyId: s.study.id });
    expect(summary).toEqual({
      title: "A study",
      ideas: 4,
      reviews: 4,
      assignments: 4,
      arenaVotes: 1,
      members: 4,
      invitations: 1,
      papers: 1,
      jobs: 1,
      llmCalls: 1,
      chains: 1,
      ideationRuns: 1,
    });

    const wrong = catchError(() =>
      deleteStudy({ studyId: s.study.id, actor: s.organizer, confirmTitle: "a study" }),
    );
    expect(wrong.code).toBe("invalid:confirm_title");
    expect(wrong.fieldErrors?.confirmTitle?.[0]).toBe('Type "A study" to confirm.');
    const running = catchError(() =>
      deleteStudy({ studyId: s.study.id, actor: s.organizer, confirmTitle: "A study" }),
    );
    expect(running.code).toBe("conflict:study_jobs_running");
    const notOwner = catchError(() =>
      deleteStudy({ studyId: s.study.id, actor: s.reviewers[0]!, confirmTitle: "A study" }),
    );
    expect(notOwner.code).toBe("forbidden:study_owner");
    expect(tableCounts()).toEqual(filled);

    requestJobCancel({ jobId: s.job.id });
    expect(deleteStudy({ studyId: s.study.id, actor: s.organizer, confirmTitle: " A study " })).toEqual({
      title: "A study",
    });
    const after = tableCounts();
    // Accounts stay; everything else is back to what the other study alone had.
    for (const [table, n] of after) {
      if (table === "users") continue;
      expect([table, n]).toEqual([table, before.get(table)]);
    }
    expect(getDb().$client.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    getDb().$client.prepare("INSERT INTO papers_fts(papers_fts) VALUES ('integrity-check')").run();
    expect(
      getDb().$client.prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'paper'").all(),
    ).toEqual([]);
    expect(getStudyById({ studyId: s.study.id })).toBeUndefined();
    expect(getStudyById({ studyId: other.study.id })).toBeDefined();
    expect(getDb().select().from(papers).where(eq(papers.studyId, s.study.id)).all()).toEqual([]);
  });
});
