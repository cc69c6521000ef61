import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { makeReviewStudy, publishAndStartReviewing } from "@/db/testing/review-fixtures";
import { toCsv } from "@/lib/csv/write";
import { AppError } from "@/lib/errors";
import { DEFAULT_REVIEW_FORM } from "@/lib/reviews/form";
import { analyzeReviews, formatSignificanceCsv, parseTidyReviews, tidyColumns } from "@/lib/stats";
import { RESULT_FILES } from "@/lib/stats/study-results";
import { runStatsCli } from "@/scripts/stats";
import { getDb } from "../client";
import { resultSnapshots, studyEvents } from "../schema";
import {
  computeStudyResults,
  getLatestSnapshot,
  getResultSnapshot,
  haveReviewsChangedSince,
  listResultSnapshots,
  loadResultsTable,
  membersMayDownloadReviews,
  publishResults,
  readSnapshotResults,
} from "./results";
import { importReviews } from "./review-import";
import { submitReview } from "./review-save";
import { listMyAssignments } from "./reviews-reviewer";

beforeEach(() => {
  resetTestDb();
});

const METRICS = DEFAULT_REVIEW_FORM.metrics.map((m) => m.key);

function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an error");
}

/**
 * A study in reviewing with assignments published, plus external reviews imported for every idea
 * from four reviewers: AI ideas score about two points higher on novelty, the same elsewhere.
 */
function studyWithReviews() {
  const s = makeReviewStudy({ ideasPerCell: 3, reviewerCount: 2 });
  publishAndStartReviewing(s, { min: 1, max: 1 });
  const topicName = new Map([
    [s.graphs.id, "Graphs"],
    [s.prompting.id, "Prompting"],
  ]);
  const rows = ["X1", "X2", "X3", "X4"].flatMap((reviewer, r) =>
    s.ideas.map((idea, i) => {
      const ai = idea.conditionKey === "AI";
      const scores = METRICS.map((m) =>
        m === "novelty" ? (ai ? 6 : 4) + ((r + i) % 3) : 4 + ((r * 2 + i) % 4),
      );
      return [
        `ext-${reviewer}-${i}`,
        idea.code,
        idea.id,
        topicName.get(idea.topicId),
        idea.conditionKey,
        reviewer,
        ...scores,
        3,
        4,
        20,
        "2026-05-01T12:00:00.000Z",
      ];
    }),
  );
  const text = toCsv({ columns: tidyColumns(METRICS), rows });
  importReviews({
    studyId: s.study.id,
    actorId: s.organizer.id,
    fileName: "external.csv",
    text,
    allowShortRationales: true,
  });
  return s;
}

const answers = {
  scores: Object.fromEntries(METRICS.map((m) => [m, 7])),
  rationales: Object.fromEntries(
    METRICS.map((m) => [
      m,
      "A rationale long enough for the form: it names the closest work and what differs from it, clearly and precisely.",
    ]),
  ),
  confidence: 3,
  familiarity: 4,
  minutes: 25,
  attested: false,
};

describe("live results", () => {
  it("analyze exactly the exported table, with the study's baseline by default", () => {
    const s = studyWithReviews();
    const loaded = loadResultsTable({ studyId: s.study.id });
    expect(loaded.reviewCount).toBe(48);
    expect(loaded.conditions).toEqual(["Human", "AI"]);
    expect(loaded.defaultBaseline).toBe("Human");
    expect(loaded.text.startsWith("review_id,idea_code,idea_id,topic,condition,reviewer_id,novelty,")).toBe(
      true,
    );

    const results = computeStudyResults({ studyId: s.study.id, params: {} });
    expect(results.params).toEqual({
      baseline: "Human",
      metrics: METRICS,
      correction: "bonferroni",
      family: "comparison",
    });
    expect(results.tableHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(results.files).sort()).toEqual([...RESULT_FILES].sort());
    const parsed = parseTidyReviews(results.files["reviews.csv"]);
    if (!parsed.ok) throw new Error("reviews.csv does not parse");
    const expected = analyzeReviews(parsed.table, { baseline: "Human" });
    expect(results.files["significance.csv"]).toBe(formatSignificanceCsv(expected.significance));
    const novelty = results.analysis.significance.find((r) => r.unit === "review" && r.metric === "novelty");
    expect(novelty).toMatchObject({ condition: "AI", baseline: "Human", nCondition: 24, nBaseline: 24 });
    expect(novelty?.meanDiff).toBeCloseTo(2, 10);
    expect(novelty?.stars).toBe("***");
  });

  it("writes the same bytes as `npm run stats` on the downloaded reviews.csv", () => {
    const s = studyWithReviews();
    for (const params of [
      { baseline: "Human", correction: "bonferroni", family: "comparison" },
      { baseline: "AI", correction: "holm", family: "unit" },
      { baseline: "Human", correction: "bh", family: "comparison" },
    ]) {
      const results = computeStudyResults({ studyId: s.study.id, params });
      const written = new Map<string, string>();
      const cli = runStatsCli(
        [
          ...["--in", "reviews.csv", "--baseline", params.baseline],
          ...["--correction", params.correction, "--family", params.family, "--out", "out"],
        ],
        {
          readFile: (path) => {
            expect(path).toBe("reviews.csv");
            return results.files["reviews.csv"];
          },
          writeFile: (path, text) => written.set(path, text),
          mkdir: () => {},
        },
      );
      expect(cli.code, cli.stderr).toBe(0);
      for (const name of RESULT_FILES) {
        if (name === "reviews.csv") continue;
        expect(written.get(`out/${name}`), `${name} with ${JSON.stringify(params)}`).toBe(
          results.files[name],
        );
      }
    }
  });

  it.each([
    {
      name: "an unknown baseline",
      params: { baseline: "Robots" },
      field: "baseline",
      message: 'unknown baseline "Robots" (conditions: Human, AI)',
    },
    {
      name: "an unknown correction",
      params: { correction: "sidak" },
      field: "correction",
      message: 'unknown correction "sidak" (use bonferroni, holm, bh)',
    },
    {
      name: "an unknown family",
      params: { family: "everything" },
      field: "family",
      message: 'unknown family "everything" (use comparison, unit)',
    },
  ])("refuse $name with invalid:results, and publish nothing", ({ params, field, message }) => {
    const s = studyWithReviews();
    const err = catchError(() => computeStudyResults({ studyId: s.study.id, params }));
    expect(err.code).toBe("invalid:results");
    expect(err.message).toBe(`The results cannot be computed: ${message}.`);
    expect(err.fieldErrors?.[field]).toEqual([message]);
    const refused = catchError(() =>
      publishResults({ studyId: s.study.id, actorId: s.organizer.id, allowOpen: true, params }),
    );
    expect(refused.code).toBe("invalid:results");
    expect(listResultSnapshots({ studyId: s.study.id })).toEqual([]);
    const events = getDb()
      .select()
      .from(studyEvents)
      .where(and(eq(studyEvents.studyId, s.study.id), eq(studyEvents.kind, "results_published")))
      .all();
    expect(events).toEqual([]);
  });

  it("say there is nothing to analyze in a study without submitted reviews", () => {
    const s = makeReviewStudy();
    const loaded = loadResultsTable({ studyId: s.study.id });
    expect(loaded).toMatchObject({ reviewCount: 0, conditions: [], defaultBaseline: null });
    const err = catchError(() => computeStudyResults({ studyId: s.study.id, params: {} }));
    expect(err.code).toBe("invalid:results");
    expect(err.message).toContain("the table has no reviews");
  });
});

describe("published snapshots", () => {
  it("are refused while assignments are open unless overridden, and keep the members' download choice", () => {
    const s = studyWithReviews();
    const refused = catchError(() =>
      publishResults({ studyId: s.study.id, actorId: s.organizer.id, params: {}, shareReviewTable: true }),
    );
    expect(refused.code).toBe("conflict:results_open");
    expect(refused.message).toContain("12 assigned reviews are still open");
    expect(listResultSnapshots({ studyId: s.study.id })).toHaveLength(0);
    const summaryOnly = publishResults({
      studyId: s.study.id,
      actorId: s.organizer.id,
      params: {},
      allowOpen: true,
    });
    const shared = publishResults({
      studyId: s.study.id,
      actorId: s.organizer.id,
      params: {},
      allowOpen: true,
      shareReviewTable: true,
    });
    const stored = (id: string) => getResultSnapshot({ studyId: s.study.id, snapshotId: id })!;
    expect(membersMayDownloadReviews(stored(summaryOnly.id))).toBe(false);
    expect(membersMayDownloadReviews(stored(shared.id))).toBe(true);
    expect(stored(shared.id).params).toMatchObject({ openAssignments: 12 });
  });

  it("store every file as computed, list newest first, and log the publication", () => {
    const s = studyWithReviews();
    const first = publishResults({
      studyId: s.study.id,
      actorId: s.organizer.id,
      allowOpen: true,
      params: { baseline: "Human", correction: "holm" },
    });
    expect(first.params).toEqual({
      baseline: "Human",
      metrics: METRICS,
      correction: "holm",
      family: "comparison",
    });
    expect(first.reviewCount).toBe(48);
    expect(first.publishedByName).toBe("Olga Organizer");

    const stored = getResultSnapshot({ studyId: s.study.id, snapshotId: first.id });
    if (!stored) throw new Error("snapshot not stored");
    const parsed = parseTidyReviews(stored.files["reviews.csv"] ?? "");
    if (!parsed.ok) throw new Error("stored reviews.csv does not parse");
    const expected = analyzeReviews(parsed.table, { baseline: "Human", correction: "holm" });
    expect(stored.files["significance.csv"]).toBe(formatSignificanceCsv(expected.significance));
    const live = computeStudyResults({
      studyId: s.study.id,
      params: { baseline: "Human", correction: "holm" },
    });
    for (const name of RESULT_FILES) expect(stored.files[name], name).toBe(live.files[name]);
    expect(stored.tableHash).toBe(live.tableHash);
    expect(readSnapshotResults({ studyId: s.study.id, snapshot: stored }).analysis).toEqual(live.analysis);

    const second = publishResults({
      studyId: s.study.id,
      actorId: s.organizer.id,
      allowOpen: true,
      params: {},
    });
    expect(listResultSnapshots({ studyId: s.study.id }).map((x) => x.id)).toEqual([second.id, first.id]);
    expect(getLatestSnapshot({ studyId: s.study.id })?.id).toBe(second.id);
    const events = getDb()
      .select({ detail: studyEvents.detail, actorId: studyEvents.actorId })
      .from(studyEvents)
      .where(and(eq(studyEvents.studyId, s.study.id), eq(studyEvents.kind, "results_published")))
      .all();
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.detail.snapshotId).sort()).toEqual([first.id, second.id].sort());
    expect(events[0]?.actorId).toBe(s.organizer.id);
  });

  it("become stale when another review is submitted, and fresh again when republished", () => {
    const s = studyWithReviews();
    const snapshot = publishResults({
      studyId: s.study.id,
      actorId: s.organizer.id,
      allowOpen: true,
      params: {},
    });
    expect(haveReviewsChangedSince({ studyId: s.study.id, snapshotId: snapshot.id })).toEqual({
      changed: false,
      reviewCount: 48,
    });

    const reviewer = s.reviewers[0]!;
    const [assignment] = listMyAssignments({ studyId: s.study.id, userId: reviewer.id });
    submitReview({
      studyId: s.study.id,
      assignmentId: assignment!.assignmentId,
      userId: reviewer.id,
      answers,
      version: 0,
      activeSeconds: 30,
    });
    expect(haveReviewsChangedSince({ studyId: s.study.id, snapshotId: snapshot.id })).toEqual({
      changed: true,
      reviewCount: 49,
    });
    // The snapshot itself keeps the table it was computed from.
    const kept = getResultSnapshot({ studyId: s.study.id, snapshotId: snapshot.id });
    expect(kept?.reviewCount).toBe(48);
    expect(readSnapshotResults({ studyId: s.study.id, snapshot: kept! }).table.rows).toHaveLength(48);

    const again = publishResults({
      studyId: s.study.id,
      actorId: s.organizer.id,
      allowOpen: true,
      params: snapshot.params,
    });
    expect(again.reviewCount).toBe(49);
    expect(haveReviewsChangedSince({ studyId: s.study.id, snapshotId: again.id }).changed).toBe(false);
    expect(haveReviewsChangedSince({ studyId: s.study.id, snapshotId: snapshot.id }).changed).toBe(true);
  });

  it("are only found within their own study", () => {
    const s = studyWithReviews();
    const snapshot = publishResults({
      studyId: s.study.id,
      actorId: s.organizer.id,
      allowOpen: true,
      params: {},
    });
    const stranger = makeUser({ name: "Stranger" });
    const other = makeStudy({ organizer: stranger, title: "Another study" });
    expect(getResultSnapshot({ studyId: other.id, snapshotId: snapshot.id })).toBeUndefined();
    expect(getResultSnapshot({ studyId: s.study.id, snapshotId: "not-a-uuid" })).toBeUndefined();
    expect(listResultSnapshots({ studyId: other.id })).toEqual([]);
    expect(getLatestSnapshot({ studyId: other.id })).toBeUndefined();
    expect(
      catchError(() => haveReviewsChangedSince({ studyId: other.id, snapshotId: snapshot.id })).code,
    ).toBe("not_found:result_snapshot");
    expect(getDb().select().from(resultSnapshots).all()).toHaveLength(1);
  });
});
