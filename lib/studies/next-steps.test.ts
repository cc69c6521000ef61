import { describe, expect, it } from "vitest";
import { getNextSteps } from "./next-steps";

describe("getNextSteps", () => {
  it("tells a writer to write only while writing is open", () => {
    expect(getNextSteps({ studyId: "s", status: "writing", roles: ["writer"] })[0]?.text).toBe(
      "Write and submit your ideas.",
    );
    expect(getNextSteps({ studyId: "s", status: "setup", roles: ["writer"] })[0]?.text).toMatch(
      /writing phase/,
    );
    expect(getNextSteps({ studyId: "s", status: "reviewing", roles: ["writer"] })[0]?.text).toMatch(
      /is over/,
    );
  });

  it("links each role to the page where its next step happens", () => {
    expect(getNextSteps({ studyId: "abc", status: "setup", roles: ["organizer"] })[0]?.href).toBe(
      "/studies/abc/settings",
    );
    expect(getNextSteps({ studyId: "abc", status: "writing", roles: ["writer"] })[0]?.href).toBe(
      "/studies/abc/ideas",
    );
    expect(getNextSteps({ studyId: "abc", status: "normalization", roles: ["organizer"] })[0]?.href).toBe(
      "/studies/abc/manage/normalization",
    );
  });

  it("gives one step per role, organizers linking to the review dashboard while reviewing", () => {
    const steps = getNextSteps({ studyId: "abc", status: "reviewing", roles: ["organizer", "reviewer"] });
    expect(steps.map((s) => s.role)).toEqual(["organizer", "reviewer"]);
    expect(steps[0]?.href).toBe("/studies/abc/manage/reviews");
    expect(steps[1]?.text).toBe("Review the ideas assigned to you.");
    expect(steps[1]?.href).toBe("/studies/abc/review");
  });

  it("sends judges to the board and organizers to the arena setup while the arena is open", () => {
    const [organizer, judge] = getNextSteps({
      studyId: "abc",
      status: "arena",
      roles: ["organizer", "judge"],
    });
    expect(organizer?.href).toBe("/studies/abc/manage/arena");
    expect(judge?.href).toBe("/studies/abc/arena");
    expect(getNextSteps({ studyId: "abc", status: "closed", roles: ["organizer"] })[0]?.href).toBe(
      "/studies/abc/results",
    );
  });

  it("keeps reviewers reviewing while the arena runs, and tells writers and reviewers their deadline", () => {
    expect(getNextSteps({ studyId: "abc", status: "arena", roles: ["reviewer"] })[0]?.text).toBe(
      "Review the ideas assigned to you.",
    );
    const closesAt = Date.UTC(2026, 11, 24, 12);
    const [writer] = getNextSteps({
      studyId: "abc",
      status: "writing",
      roles: ["writer"],
      dates: { writing: { closesAt } },
    });
    expect(writer?.text).toBe("Write and submit your ideas. Due 2026-12-24 (UTC).");
    expect(getNextSteps({ studyId: "abc", status: "closed", roles: ["reviewer"] })[0]?.text).toMatch(
      /closed/,
    );
  });

  it("asks reviewers to sign up before reviewing starts", () => {
    const [step] = getNextSteps({ studyId: "abc", status: "normalization", roles: ["reviewer"] });
    expect(step?.text).toMatch(/Choose your topics/);
    expect(step?.href).toBe("/studies/abc/review");
  });
});
