import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { AppError } from "@/lib/errors";
import { updateReviewSettings } from "./review-setup";
import {
  getStudySettings,
  replaceConditions,
  replaceTopics,
  updateIdeaTemplate,
  updatePhaseDates,
} from "./study-setup";

// Settings errors name the row and field as the form shows them, list every problem, and write nothing.

beforeEach(() => {
  resetTestDb();
});

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected a refusal");
}

function setup() {
  const organizer = makeUser();
  return { organizer, study: makeStudy({ organizer }) };
}

describe("settings errors use field labels", () => {
  it("topics: every problem, by topic number", () => {
    const { organizer, study } = setup();
    const e = refusal(() =>
      replaceTopics({
        studyId: study.id,
        actorId: organizer.id,
        items: [{ name: "" }, { name: "Graphs" }, { name: "graphs", description: "x".repeat(2001) }],
      }),
    );
    expect(e.message).toBe(
      'Topic 1: enter a topic name. Topic 3 description: use at most 2,000 characters. Topic 3: duplicate topic name "graphs" (also topic 2).',
    );
    expect(e.message).not.toMatch(/\d\.(name|description)/);
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["0.name", "2.description", "2.name"]);
    expect(getStudySettings({ studyId: study.id }).topics).toEqual([]);
  });

  it("conditions and template fields", () => {
    const { organizer, study } = setup();
    const c = refusal(() =>
      replaceConditions({
        studyId: study.id,
        actorId: organizer.id,
        items: [
          { key: "9bad", label: "Human", isBaseline: true },
          { key: "ai", label: "" },
        ],
      }),
    );
    expect(c.message).toBe(
      "Condition 1 key: use letters, digits and _ for the key (start with a letter, at most 40). Condition 2 label: enter a label.",
    );
    const t = refusal(() =>
      updateIdeaTemplate({
        studyId: study.id,
        actorId: organizer.id,
        template: [
          { key: "title", label: "Title", wordLimit: 0 },
          { key: "title", label: "" },
        ],
      }),
    );
    expect(t.message).toBe(
      'Field 1 word limit: at least 1 word. Field 2 label: enter a label. Field 2 key: duplicate key "title" (also field 1).',
    );
  });

  it("phase dates and review settings", () => {
    const { organizer, study } = setup();
    const dates = refusal(() =>
      updatePhaseDates({
        studyId: study.id,
        actorId: organizer.id,
        dates: { writing: { opensAt: 2000, closesAt: 1000 }, reviewing: { opensAt: 3000, closesAt: 2500 } },
      }),
    );
    expect(dates.message).toBe(
      "Writing closes: the close date must be after the open date. Reviewing closes: the close date must be after the open date.",
    );
    const review = refusal(() =>
      updateReviewSettings({
        studyId: study.id,
        actorId: organizer.id,
        settings: {
          maxTopicChoices: 0,
          loadMin: 2,
          loadMax: 0,
          attestationText: "",
          showOtherReviewsAfterClose: false,
          minActiveSeconds: 60,
        },
      }),
    );
    expect(review.message).toMatch(
      /^Topics a reviewer may choose: reviewers must be able to choose at least one topic\. Most ideas: must be at least 1\./,
    );
    expect(review.message).not.toMatch(/maxTopicChoices|loadMax/);
  });
});
