import { describe, expect, it } from "vitest";
import { STUDY_STATUSES } from "@/lib/studies/types";
import { restoreRefusal } from "./restore";

describe("restoreRefusal", () => {
  it("allows authors only while writing and organizers while writing or normalizing", () => {
    const allowed = (by: "author" | "organizer") =>
      STUDY_STATUSES.filter((s) => restoreRefusal({ by, studyStatus: s, ideaStatus: "submitted" }) === null);
    expect(allowed("author")).toEqual(["writing"]);
    expect(allowed("organizer")).toEqual(["writing", "normalization"]);
  });

  it("says why, naming the phase", () => {
    expect(restoreRefusal({ by: "organizer", studyStatus: "arena", ideaStatus: "submitted" })).toBe(
      "A version can be restored only during writing or normalization; the study is in the arena phase (reviewers or judges may already have read this text, and their scores must stay tied to it).",
    );
    expect(restoreRefusal({ by: "organizer", studyStatus: "writing", ideaStatus: "withdrawn" })).toBe(
      "This idea was withdrawn; its text can no longer change.",
    );
  });
});
