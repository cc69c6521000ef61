import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { resetTestDb } from "@/db/testing/db";
import {
  completeReviewAnswers,
  makeReviewStudy,
  publishAndStartReviewing,
  REVIEW_RATIONALE,
} from "@/db/testing/review-fixtures";
import { toCsv } from "@/lib/csv/write";
import { AppError } from "@/lib/errors";
import { DEFAULT_REVIEW_FORM } from "@/lib/reviews/form";
import { addAssignmentPair, publishAssignments, removeAssignmentPair } from "./assignments-edits";
import { getAssignmentOverview, runAssignment } from "./assignments-run";
import { reassignOpenAssignments, withdrawReviewer } from "./assignments-withdraw";
import { getTidyReviewExport } from "./review-exchange";
import { importReviews } from "./review-import";
import { saveReviewDraft, submitReview } from "./review-save";
import { getReviewSetup, updateReviewForm, updateReviewSettings } from "./review-setup";
import { addConflict, saveReviewerProfile } from "./reviewers";
import { getReviewDashboard } from "./reviews-organizer";
import { getOtherReviews, getReviewPage, listMyAssignments } from "./reviews-reviewer";
import { advancePhase } from "./study-setup";

beforeEach(() => {
  resetTestDb();
});

function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an error");
}

const rationale = REVIEW_RATIONALE;
const answers = completeReviewAnswers;

/** A study in reviewing with every reviewer signed up for both topics and assignments published. */
function publishedStudy() {
  const s = makeReviewStudy({ ideasPerCell: 2, reviewerCount: 3 });
  publishAndStartReviewing(s, { min: 2, max: 2 });
  return s;
}

describe("review form", () => {
  it("is the default until edited, can be edited until the first review, then is locked with the reason", () => {
    const s = publishedStudy();
    expect(getReviewSetup({ studyId: s.study.id })).toMatchObject({
      lockedReason: null,
      formIsDefault: false,
    });
    const custom = {
      metrics: [
        { ...DEFAULT_REVIEW_FORM.metrics[0]!, label: "Originality" },
        DEFAULT_REVIEW_FORM.metrics[4]!,
      ],
    };
    updateReviewForm({ studyId: s.study.id, actorId: s.organizer.id, form: custom });
    expect(getReviewSetup({ studyId: s.study.id }).form.metrics.map((m) => m.label)).toEqual([
      "Originality",
      "Overall",
    ]);

    const bad = catchError(() =>
      updateReviewForm({ studyId: s.study.id, actorId: s.organizer.id, form: { metrics: [] } }),
    );
    expect(bad.message).toBe("The form needs at least one metric.");

    const [first] = listMyAssignments({ studyId: s.study.id, userId: s.reviewers[0]!.id });
    const two = {
      ...answers(),
      scores: { novelty: 5, overall: 6 },
      rationales: { novelty: rationale, overall: rationale },
    };
    submitReview({
      studyId: s.study.id,
      assignmentId: first!.assignmentId,
      userId: s.reviewers[0]!.id,
      answers: two,
      version: 0,
      activeSeconds: 30,
    });
    const locked = catchError(() =>
      updateReviewForm({ studyId: s.study.id, actorId: s.organizer.id, form: DEFAULT_REVIEW_FORM }),
    );
    expect(locked.code).toBe("conflict:review_form_locked");
    expect(locked.message).toContain("a review has been submitted");
    expect(getReviewSetup({ studyId: s.study.id }).lockedReason).toContain("locked");
  });

  it("refuses review settings whose load range is inverted, naming the field", () => {
    const s = makeReviewStudy();
    const e = catchError(() =>
      updateReviewSettings({
        studyId: s.study.id,
        actorId: s.organizer.id,
        settings: {
          maxTopicChoices: 2,
          loadMin: 5,
          loadMax: 3,
          attestationText: "",
          showOtherReviewsAfterClose: false,
          minActiveSeconds: 60,
        },
      }),
    );
    expect(e.fieldErrors).toHaveProperty("loadMax");
  });
});

describe("reviewer sign-up", () => {
  it.each([
    [{ topicIds: [] }, "topicIds", "Choose at least one topic."],
    [{ minLoad: 1 }, "minLoad", "The smallest load must be within the study's range 2–7."],
    [{ maxLoad: 9 }, "maxLoad", "The largest load must be within the study's range 2–7."],
    [{ minLoad: 5, maxLoad: 3 }, "maxLoad", "The largest load must be at least the smallest."],
  ])("refuses %o with a message on %s and stores nothing", (patch, field, message) => {
    const s = makeReviewStudy();
    const e = catchError(() =>
      saveReviewerProfile({
        studyId: s.study.id,
        userId: s.reviewers[0]!.id,
        input: { topicIds: [s.graphs.id], minLoad: 2, maxLoad: 4, institution: "", ...patch },
      }),
    );
    expect(e.fieldErrors?.[field]).toEqual([message]);
    expect(getAssignmentOverview({ studyId: s.study.id }).reviewers[0]!.topicIds).toEqual([]);
  });

  it("limits the number of topics to the organizer's setting", () => {
    const s = makeReviewStudy();
    updateReviewSettings({
      studyId: s.study.id,
      actorId: s.organizer.id,
      settings: {
        maxTopicChoices: 1,
        loadMin: 2,
        loadMax: 7,
        attestationText: "",
        showOtherReviewsAfterClose: false,
        minActiveSeconds: 60,
      },
    });
    const e = catchError(() =>
      saveReviewerProfile({
        studyId: s.study.id,
        userId: s.reviewers[0]!.id,
        input: { topicIds: [s.graphs.id, s.prompting.id], minLoad: 2, maxLoad: 4, institution: "" },
      }),
    );
    expect(e.message).toBe("Choose at most 1 topic.");
  });
});

describe("assignment in the app", () => {
  it("proposes, refuses hand edits that break a hard constraint with the reason, publishes", () => {
    const s = makeReviewStudy();
    const [r1, r2] = s.reviewers;
    saveReviewerProfile({
      studyId: s.study.id,
      userId: r1!.id,
      input: { topicIds: [s.graphs.id], minLoad: 2, maxLoad: 4, institution: "MIT" },
    });
    saveReviewerProfile({
      studyId: s.study.id,
      userId: r2!.id,
      input: { topicIds: [s.graphs.id, s.prompting.id], minLoad: 2, maxLoad: 7, institution: "" },
    });
    const graphsIdea = s.ideas.find((i) => i.topicId === s.graphs.id)!;
    addConflict({
      studyId: s.study.id,
      actorId: s.organizer.id,
      reviewerId: r1!.id,
      // Codes are looked up as people type them: any case, with or without the dash.
      ideaCode: ` ${graphsIdea.code.toLowerCase()} `,
    });
    const run = runAssignment({
      studyId: s.study.id,
      actorId: s.organizer.id,
      params: { reviewsPerIdea: { min: 1, max: 2 }, seed: 3 },
      mode: "full",
    });
    expect(run.placed).toBeGreaterThan(0);
    const overview = getAssignmentOverview({ studyId: s.study.id });
    expect(overview.pairs.every((p) => p.state === "proposed")).toBe(true);
    // Reviewer 1 prefers only Graphs: a Prompting idea is refused with the reason.
    const promptingIdea = s.ideas.find((i) => i.topicId === s.prompting.id)!;
    const refused = catchError(() =>
      addAssignmentPair({
        studyId: s.study.id,
        actorId: s.organizer.id,
        ideaCode: promptingIdea.code.toLowerCase().replace("-", ""),
        reviewerId: r1!.id,
      }),
    );
    expect(refused.message).toBe("Not added: Reviewer 1 does not prefer topic Prompting.");
    // A marked conflict is refused too.
    // The conflict marked before the run: the engine left the pair out, a hand edit is refused.
    expect(overview.pairs.some((p) => p.ideaId === graphsIdea.id && p.reviewerId === r1!.id)).toBe(false);
    const conflicted = catchError(() =>
      addAssignmentPair({
        studyId: s.study.id,
        actorId: s.organizer.id,
        ideaCode: graphsIdea.code,
        reviewerId: r1!.id,
      }),
    );
    expect(conflicted.message).toBe(
      `Not added: Reviewer 1 is marked as conflicted with idea ${graphsIdea.code}.`,
    );
    // Removing a proposed pair works; after publishing, removal is refused.
    const one = getAssignmentOverview({ studyId: s.study.id }).pairs[0]!;
    removeAssignmentPair({ studyId: s.study.id, actorId: s.organizer.id, assignmentId: one.id });
    expect(publishAssignments({ studyId: s.study.id, actorId: s.organizer.id })).toBe(run.placed - 1);
    const published = getAssignmentOverview({ studyId: s.study.id }).pairs[0]!;
    expect(
      catchError(() =>
        removeAssignmentPair({ studyId: s.study.id, actorId: s.organizer.id, assignmentId: published.id }),
      ).code,
    ).toBe("conflict:assignment_published");
    // A full re-run would move published pairs: refused; "remaining" keeps them.
    expect(
      catchError(() =>
        runAssignment({
          studyId: s.study.id,
          actorId: s.organizer.id,
          params: { reviewsPerIdea: { min: 2, max: 2 }, seed: 1 },
          mode: "full",
        }),
      ).code,
    ).toBe("conflict:assignment_published");
    const before = getAssignmentOverview({ studyId: s.study.id })
      .pairs.filter((p) => p.state === "published")
      .map((p) => p.id);
    const r3 = s.reviewers[2]!;
    saveReviewerProfile({
      studyId: s.study.id,
      userId: r3.id,
      input: { topicIds: [s.graphs.id, s.prompting.id], minLoad: 2, maxLoad: 7, institution: "" },
    });
    runAssignment({
      studyId: s.study.id,
      actorId: s.organizer.id,
      params: { reviewsPerIdea: { min: 2, max: 2 }, seed: 1 },
      mode: "remaining",
    });
    const after = getAssignmentOverview({ studyId: s.study.id }).pairs;
    expect(after.filter((p) => p.state === "published").map((p) => p.id)).toEqual(before);
    expect(after.some((p) => p.state === "proposed" && p.reviewerId === r3.id)).toBe(true);
  });
});

describe("reviewing", () => {
  it("saves drafts, refuses bad submits naming the field, submits idempotently, allows edits until the phase closes", () => {
    const s = publishedStudy();
    const reviewer = s.reviewers[0]!;
    const queue = listMyAssignments({ studyId: s.study.id, userId: reviewer.id });
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((q) => q.state === "not_started")).toBe(true);
    const assignmentId = queue[0]!.assignmentId;
    const base = { studyId: s.study.id, assignmentId, userId: reviewer.id };

    const draft = saveReviewDraft({
      ...base,
      answers: { ...answers(), scores: { novelty: 7 } },
      version: 0,
      activeSeconds: 40,
    });
    expect(draft).toMatchObject({ version: 1, status: "draft" });
    expect(getReviewPage(base).review?.answers.scores.novelty).toBe(7);
    expect(listMyAssignments({ studyId: s.study.id, userId: reviewer.id })[0]!.state).toBe("draft");

    const stale = catchError(() =>
      saveReviewDraft({ ...base, answers: answers(), version: 0, activeSeconds: 0 }),
    );
    expect(stale.code).toBe("conflict:review_version");

    const outOfRange = catchError(() =>
      submitReview({ ...base, answers: answers(11), version: 1, activeSeconds: 0 }),
    );
    expect(outOfRange.fieldErrors).toHaveProperty("score.novelty");
    expect(outOfRange.message).toMatch(/^Novelty/);
    const missing = catchError(() =>
      submitReview({ ...base, answers: { ...answers(), confidence: null }, version: 1, activeSeconds: 0 }),
    );
    expect(missing.fieldErrors).toHaveProperty("confidence");

    const first = submitReview({ ...base, answers: answers(), version: 1, activeSeconds: 20 });
    expect(first).toMatchObject({ version: 2, status: "submitted" });
    // The same submit again (a double click with the old version) returns the same result.
    expect(submitReview({ ...base, answers: answers(), version: 1, activeSeconds: 0 })).toEqual(first);
    expect(
      catchError(() => saveReviewDraft({ ...base, answers: answers(), version: 2, activeSeconds: 0 })).code,
    ).toBe("conflict:review_submitted");
    const edited = submitReview({ ...base, answers: answers(8), version: 2, activeSeconds: 5 });
    expect(edited.version).toBe(3);
    expect(getReviewPage(base).review).toMatchObject({ status: "submitted", version: 3 });

    // Starting the arena leaves reviewing open; closing the study ends it, after confirmation.
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "arena" });
    const inArena = submitReview({ ...base, answers: answers(9), version: 3, activeSeconds: 0 });
    expect(inArena.version).toBe(4);
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "closed", confirmed: true });
    const closed = catchError(() =>
      submitReview({ ...base, answers: answers(8), version: 4, activeSeconds: 0 }),
    );
    expect(closed.message).toBe("The review phase has closed; reviews can no longer change.");
  });

  it("accepts the retry of a save that committed but was never acknowledged (a crash mid-save)", () => {
    const s = publishedStudy();
    const reviewer = s.reviewers[0]!;
    const assignmentId = listMyAssignments({ studyId: s.study.id, userId: reviewer.id })[0]!.assignmentId;
    const base = { studyId: s.study.id, assignmentId, userId: reviewer.id };
    const first = { ...answers(), scores: { novelty: 7 } };
    // Committed as version 1; the answer was lost, so the client still thinks it is at version 0.
    const saveId = crypto.randomUUID();
    saveReviewDraft({ ...base, answers: first, version: 0, activeSeconds: 30, saveId });

    // The same text again, even without a key: nothing to conflict with.
    expect(saveReviewDraft({ ...base, answers: first, version: 0, activeSeconds: 0 })).toMatchObject({
      version: 1,
      status: "draft",
    });
    // The reviewer typed on while the server was down: the retry carries the same key and more text.
    const more = { ...answers(), scores: { novelty: 8 } };
    expect(saveReviewDraft({ ...base, answers: more, version: 0, activeSeconds: 30, saveId })).toMatchObject({
      version: 2,
      status: "draft",
    });
    expect(getReviewPage(base).review?.answers.scores.novelty).toBe(8);
    // Active time of the retried save is not counted twice.
    const row = getDb()
      .$client.prepare("SELECT active_seconds AS s FROM reviews WHERE assignment_id = ?")
      .get(assignmentId);
    expect(row).toEqual({ s: 30 });
    // Another tab (another key) still gets the conflict.
    expect(
      catchError(() =>
        saveReviewDraft({
          ...base,
          answers: first,
          version: 1,
          activeSeconds: 0,
          saveId: crypto.randomUUID(),
        }),
      ).code,
    ).toBe("conflict:review_version");
  });

  it("hides other reviewers' assignments (not found) and returns a blind view", () => {
    const s = publishedStudy();
    const [a, b] = s.reviewers;
    const mine = listMyAssignments({ studyId: s.study.id, userId: a!.id })[0]!;
    expect(
      catchError(() => getReviewPage({ studyId: s.study.id, assignmentId: mine.assignmentId, userId: b!.id }))
        .code,
    ).toBe("not_found:assignment");
    expect(
      catchError(() =>
        saveReviewDraft({
          studyId: s.study.id,
          assignmentId: mine.assignmentId,
          userId: b!.id,
          answers: answers(),
          version: 0,
          activeSeconds: 0,
        }),
      ).code,
    ).toBe("not_found:assignment");
    const page = getReviewPage({ studyId: s.study.id, assignmentId: mine.assignmentId, userId: a!.id });
    const text = JSON.stringify(page);
    for (const idea of s.ideas) expect(text).not.toContain(idea.id);
    // Condition keys as JSON values ("AI" alone also occurs in the form's wording: "a major AI venue").
    for (const secret of [
      '"Human"',
      '"AI"',
      "Wanda Writer",
      s.writer.email,
      "imported",
      "written",
      s.human.id,
      s.ai.id,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(page.idea).sort()).toEqual(["code", "sections", "topic"]);
  });
});

describe("dashboard, reassign, export and import", () => {
  function submitAll(s: ReturnType<typeof publishedStudy>, reviewerIndex: number, score = 6) {
    const reviewer = s.reviewers[reviewerIndex]!;
    for (const item of listMyAssignments({ studyId: s.study.id, userId: reviewer.id })) {
      submitReview({
        studyId: s.study.id,
        assignmentId: item.assignmentId,
        userId: reviewer.id,
        answers: answers(score),
        version: 0,
        activeSeconds: 300,
      });
    }
  }

  it("counts progress, flags identical scores, lists whom to remind and reassigns open work", () => {
    const s = publishedStudy();
    submitAll(s, 0);
    const d = getReviewDashboard({ studyId: s.study.id });
    const r1 = d.perReviewer.find((r) => r.id === s.reviewers[0]!.id)!;
    expect(r1.submitted).toBe(r1.assigned);
    expect(d.totals.submitted).toBe(r1.assigned);
    expect(d.flagged.length).toBe(r1.assigned);
    expect(d.flagged[0]!.flags).toEqual(["identical_scores"]);
    expect(d.toRemind.map((r) => r.id)).not.toContain(s.reviewers[0]!.id);
    expect(d.completion.at(-1)!.submitted).toBe(r1.assigned);

    const r2 = s.reviewers[1]!;
    const r3 = s.reviewers[2]!;
    const before = listMyAssignments({ studyId: s.study.id, userId: r2.id }).length;
    const result = reassignOpenAssignments({
      studyId: s.study.id,
      actorId: s.organizer.id,
      fromReviewerId: r2.id,
      toReviewerId: r3.id,
    });
    expect(result.moved + result.kept.length).toBe(before);
    for (const k of result.kept) expect(k.reason).toMatch(/already has idea|max load/);
    expect(listMyAssignments({ studyId: s.study.id, userId: r2.id }).length).toBe(before - result.moved);
  });

  it("exports pseudonymized reviewers stably; imports all-or-nothing; a round trip changes nothing", () => {
    const s = publishedStudy();
    submitAll(s, 0, 6);
    submitAll(s, 1, 7);
    const first = getTidyReviewExport({ studyId: s.study.id });
    const second = getTidyReviewExport({ studyId: s.study.id });
    expect(second).toEqual(first);
    expect(first.columns.slice(0, 10)).toEqual([
      "review_id",
      "idea_code",
      "idea_id",
      "topic",
      "condition",
      "reviewer_id",
      "novelty",
      "excitement",
      "feasibility",
      "effectiveness",
    ]);
    // The code the app shows first, the UUID beside it.
    for (const row of first.rows) {
      const idea = s.ideas.find((i) => i.id === row[2]);
      expect(row[1]).toBe(idea?.code);
    }
    const reviewerIds = new Set(first.rows.map((r) => r[5]));
    expect(reviewerIds.size).toBe(2);
    for (const id of reviewerIds) expect(String(id)).toMatch(/^R-[0-9a-f]{12}$/);
    const withIds = getTidyReviewExport({ studyId: s.study.id, identities: true });
    expect(new Set(withIds.rows.map((r) => r[5]))).toEqual(
      new Set([s.reviewers[0]!.email, s.reviewers[1]!.email]),
    );

    // Re-importing the export adds nothing and changes nothing.
    const csv = toCsv({ columns: first.columns, rows: first.rows });
    expect(
      importReviews({ studyId: s.study.id, actorId: s.organizer.id, fileName: "x.csv", text: csv }),
    ).toEqual({
      added: 0,
      unchanged: first.rows.length,
      ideasCreated: 0,
      topicsCreated: 0,
    });
    expect(getTidyReviewExport({ studyId: s.study.id })).toEqual(first);

    // External reviews: a bad row refuses the whole file, naming the line.
    const idea = s.ideas[0]!;
    const header =
      "review_id,idea_id,topic,condition,reviewer_id,novelty,excitement,feasibility,effectiveness,overall,confidence,familiarity,minutes,submitted_at";
    const bad = [
      header,
      `ext-1,${idea.id},Graphs,${idea.conditionKey},paper-1,5,5,5,5,5,3,3,20,2026-05-01T10:00:00.000Z`,
      `ext-2,NOPE,Graphs,Human,paper-1,5,5,5,5,5,3,3,20,`,
      `ext-3,${idea.id},Graphs,Robot,paper-1,5,5,5,5,5,3,3,20,`,
      `ext-4,${idea.id},Graphs,${idea.conditionKey},paper-1,11,5,5,5,5,3,3,20,`,
    ].join("\n");
    const e = catchError(() =>
      importReviews({ studyId: s.study.id, actorId: s.organizer.id, fileName: "bad.csv", text: bad }),
    );
    expect(e.message).toContain(
      'line 3: unknown idea "NOPE" (tick "create missing ideas" to add placeholders)',
    );
    expect(e.message).toContain('line 4: unknown condition "Robot"');
    expect(e.message).toContain("line 5: novelty: 11 is not a whole number from 1 to 10");
    expect(getTidyReviewExport({ studyId: s.study.id }).rows.length).toBe(first.rows.length);

    const good = [
      header,
      `ext-1,${idea.id},Graphs,${idea.conditionKey},paper-1,5,,5,5,5,3,3,20,2026-05-01T10:00:00.000Z`,
    ].join("\n");
    // The form asks for rationales of at least 100 characters: external data without them is refused,
    // line by line, unless the organizer explicitly allows short rationales, which the import records.
    const short = catchError(() =>
      importReviews({ studyId: s.study.id, actorId: s.organizer.id, fileName: "paper.csv", text: good }),
    );
    expect(short.message).toContain("line 2: Novelty rationale: write at least 100 characters (you have 0)");
    expect(short.message).toContain("allow short rationales");
    expect(getTidyReviewExport({ studyId: s.study.id }).rows.length).toBe(first.rows.length);
    expect(
      importReviews({
        studyId: s.study.id,
        actorId: s.organizer.id,
        fileName: "paper.csv",
        text: good,
        allowShortRationales: true,
      }),
    ).toEqual({ added: 1, unchanged: 0, ideasCreated: 0, topicsCreated: 0 });
    expect(
      getDb().$client.prepare("SELECT allow_short_rationales AS allowed FROM review_imports").all(),
    ).toEqual([{ allowed: 1 }]);
    const after = getTidyReviewExport({ studyId: s.study.id });
    const row = after.rows.find((r) => r[0] === "ext-1")!;
    expect(row.slice(0, 15)).toEqual([
      "ext-1",
      idea.code,
      idea.id,
      "Graphs",
      idea.conditionKey,
      "paper-1",
      5,
      null,
      5,
      5,
      5,
      3,
      3,
      20,
      "2026-05-01T10:00:00.000Z",
    ]);
  });
});

describe("other reviews after the phase closes", () => {
  it("are shown only when the organizer allows it and only once reviewing is over, without the reader's own", () => {
    const s = publishedStudy();
    const shared = s.ideas.find((idea) =>
      s.reviewers.every((r) =>
        listMyAssignments({ studyId: s.study.id, userId: r.id }).some((q) => q.code === idea.code),
      ),
    );
    // With 2 reviews per idea and 3 reviewers, find an idea and its two reviewers.
    const idea = shared ?? s.ideas[0]!;
    const holders = s.reviewers
      .map((r) => ({
        r,
        item: listMyAssignments({ studyId: s.study.id, userId: r.id }).find((q) => q.code === idea.code),
      }))
      .filter((h) => h.item !== undefined);
    expect(holders.length).toBe(2);
    for (const [i, h] of holders.entries()) {
      submitReview({
        studyId: s.study.id,
        assignmentId: h.item!.assignmentId,
        userId: h.r.id,
        answers: answers(5 + i),
        version: 0,
        activeSeconds: 60,
      });
    }
    const reader = holders[0]!;
    const ask = () =>
      getOtherReviews({ studyId: s.study.id, assignmentId: reader.item!.assignmentId, userId: reader.r.id });
    expect(ask()).toBeNull();
    updateReviewSettings({
      studyId: s.study.id,
      actorId: s.organizer.id,
      settings: {
        maxTopicChoices: 2,
        loadMin: 2,
        loadMax: 7,
        attestationText: "",
        showOtherReviewsAfterClose: true,
        minActiveSeconds: 60,
      },
    });
    expect(ask()).toBeNull(); // still reviewing
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "arena" });
    expect(ask()).toBeNull(); // the arena leaves reviewing open
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "closed", confirmed: true });
    const others = ask()!;
    expect(others).toHaveLength(1);
    expect(others[0]!.label).toBe("Review 1");
    expect(others[0]!.answers.scores.novelty).toBe(6);
    expect(JSON.stringify(others)).not.toContain(holders[1]!.r.id);
  });
});

describe("withdrawal", () => {
  it("withdraws a reviewer's open work, keeps submitted reviews, and 'assign remaining' fills the gap", () => {
    const s = publishedStudy();
    const [r1, r2, r3] = s.reviewers as [
      (typeof s.reviewers)[0],
      (typeof s.reviewers)[0],
      (typeof s.reviewers)[0],
    ];
    const mine = listMyAssignments({ studyId: s.study.id, userId: r1.id });
    submitReview({
      studyId: s.study.id,
      assignmentId: mine[0]!.assignmentId,
      userId: r1.id,
      answers: answers(),
      version: 0,
      activeSeconds: 10,
    });
    expect(withdrawReviewer({ studyId: s.study.id, actorId: s.organizer.id, reviewerId: r1.id })).toEqual({
      withdrawn: mine.length - 1,
    });
    expect(listMyAssignments({ studyId: s.study.id, userId: r1.id }).map((q) => q.assignmentId)).toEqual([
      mine[0]!.assignmentId,
    ]);
    const before = getAssignmentOverview({ studyId: s.study.id });
    const short = before.ideas.filter((i) => i.published < 2).length;
    expect(short).toBe(mine.length - 1);
    runAssignment({
      studyId: s.study.id,
      actorId: s.organizer.id,
      params: { reviewsPerIdea: { min: 2, max: 2 }, seed: 1 },
      mode: "remaining",
    });
    const after = getAssignmentOverview({ studyId: s.study.id });
    // The gaps go to the other two reviewers only; nothing published moved.
    expect(
      after.pairs
        .filter((p) => p.state === "proposed")
        .every((p) => p.reviewerId === r2.id || p.reviewerId === r3.id),
    ).toBe(true);
    expect(after.ideas.every((i) => i.published + i.proposed <= 2)).toBe(true);
    expect(
      after.pairs
        .filter((p) => p.state === "published")
        .map((p) => p.id)
        .sort(),
    ).toEqual(
      before.pairs
        .filter((p) => p.state === "published")
        .map((p) => p.id)
        .sort(),
    );
  });
});
