import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeReviewStudy } from "@/db/testing/review-fixtures";
import { AppError } from "@/lib/errors";
import { getAccountProfile, updateAccountProfile } from "./account-profile";
import { getAssignmentOverview, runAssignment } from "./assignments-run";
import { saveReviewerProfile } from "./reviewers";

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
  throw new Error("expected an AppError");
}

describe("account profile", () => {
  it.each([
    [{ name: "  " }, "name", "Name: enter your name."],
    [{ name: "x".repeat(101) }, "name", "Name: at most 100 characters."],
    [{ institution: "y".repeat(201) }, "institution", "Institution: at most 200 characters."],
  ])("refuses %j naming the field, and writes nothing", (input, field, message) => {
    const s = makeReviewStudy({ ideasPerCell: 1, reviewerCount: 1 });
    const before = getAccountProfile({ userId: s.writer.id });
    const e = catchError(() => updateAccountProfile({ userId: s.writer.id, ...input }));
    expect(e.fieldErrors?.[field]).toEqual([message]);
    expect(getAccountProfile({ userId: s.writer.id })).toEqual(before);
  });

  it("never assigns a writer's idea to a reviewer of the same institution set on the account page", () => {
    const s = makeReviewStudy({ ideasPerCell: 2, reviewerCount: 4 });
    updateAccountProfile({ userId: s.writer.id, name: "Wanda W.", institution: "Lakeside University" });
    // Two reviewers share it (one with different case and spacing); neither states it at sign-up.
    updateAccountProfile({ userId: s.reviewers[0]!.id, institution: "Lakeside University" });
    updateAccountProfile({ userId: s.reviewers[1]!.id, institution: "  lakeside university " });
    for (const r of s.reviewers) {
      saveReviewerProfile({
        studyId: s.study.id,
        userId: r.id,
        input: { topicIds: [s.graphs.id, s.prompting.id], minLoad: 2, maxLoad: 7, institution: "" },
      });
    }
    const writerIdeas = new Set(s.ideas.filter((i) => i.conditionKey === "Human").map((i) => i.id));
    const sameInstitution = new Set([s.reviewers[0]!.id, s.reviewers[1]!.id]);
    for (const seed of [1, 2, 3, 4, 5]) {
      runAssignment({
        studyId: s.study.id,
        actorId: s.organizer.id,
        params: { reviewsPerIdea: { min: 1, max: 2 }, seed },
        mode: "full",
      });
      const pairs = getAssignmentOverview({ studyId: s.study.id }).pairs;
      expect(pairs.length).toBeGreaterThan(0);
      // The same-institution reviewers still review the AI ideas: the rule is specific, not a ban.
      expect(pairs.some((p) => sameInstitution.has(p.reviewerId))).toBe(true);
      expect(pairs.filter((p) => writerIdeas.has(p.ideaId) && sameInstitution.has(p.reviewerId))).toEqual([]);
    }
  });
});
