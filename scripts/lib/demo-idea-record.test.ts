import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getIdeaRecord } from "@/db/queries/idea-record";
import { getReviewRecord } from "@/db/queries/review-record";
import { addStudyRoles } from "@/db/queries/studies";
import { getStudyOverviewCounts } from "@/db/queries/study-overview";
import { ideas } from "@/db/schema";
import { resetTestDb } from "@/db/testing/db";
import { makeUser } from "@/db/testing/fixtures";
import { createDemoStudies } from "./demo-study";

beforeEach(() => {
  resetTestDb();
});

describe("getIdeaRecord", () => {
  it("gives an organizer an idea's versions, reviews with flags, and arena record, within its study only", () => {
    const organizer = makeUser();
    const people = {
      organizerId: organizer.id,
      writerIds: [makeUser().id],
      reviewerIds: Array.from({ length: 6 }, () => makeUser().id),
      judgeIds: [makeUser().id, makeUser().id],
    };
    const { finished, writing } = createDemoStudies(people, (studyId) => {
      addStudyRoles({ studyId, userId: organizer.id, roles: ["organizer"] });
      for (const id of people.writerIds) addStudyRoles({ studyId, userId: id, roles: ["writer"] });
      for (const id of people.reviewerIds) addStudyRoles({ studyId, userId: id, roles: ["reviewer"] });
      for (const id of people.judgeIds) addStudyRoles({ studyId, userId: id, roles: ["judge"] });
    });
    const written = getDb()
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.studyId, finished), eq(ideas.provenance, "written")))
      .get()!;
    const record = getIdeaRecord({ studyId: finished, ideaId: written.id })!;
    expect(record.versions.map((v) => v.kind)).toEqual(expect.arrayContaining(["submit"]));
    expect(record.reviews.length).toBeGreaterThan(0);
    expect(record.reviews.every((r) => r.status === "submitted" && r.reviewerName !== null)).toBe(true);
    expect(record.arena.votes).toBe(record.arena.human + record.arena.llm);
    expect(record.arena.llm).toBeGreaterThan(0);
    for (const c of record.arena.byCriterion) expect(c.wins + c.losses + c.ties).toBe(record.arena.votes);
    expect(getIdeaRecord({ studyId: writing, ideaId: written.id })).toBeUndefined();

    const review = getReviewRecord({ studyId: finished, reviewId: record.reviews[0]!.id })!;
    expect(review).toMatchObject({ ideaId: written.id, status: "submitted", imported: false });
    expect(
      review.form.metrics.map((m) => review.answers.rationales[m.key]?.length ?? 0).every((n) => n >= 100),
    ).toBe(true);
    expect(review.activeSeconds).toBeGreaterThan(0);
    expect(getReviewRecord({ studyId: writing, reviewId: review.id })).toBeUndefined();

    const counts = getStudyOverviewCounts({ studyId: finished });
    expect(counts.balance.total.submitted).toBe(24);
    expect(counts.balance.rows).toHaveLength(3);
    expect(counts).toMatchObject({ reviewDrafts: 0, reviewsNotStarted: 0, draftIdeas: 0 });
    expect(counts.reviewsSubmitted).toBeGreaterThanOrEqual(24);
    expect(counts.humanVotes).toBeGreaterThan(0);
    expect(counts.llmVotes).toBeGreaterThan(0);
  });
});
