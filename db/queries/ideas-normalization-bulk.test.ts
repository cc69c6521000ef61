import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { at } from "@/lib/assert";
import { AppError } from "@/lib/errors";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import {
  acceptCleanRewrites,
  createDraftIdea,
  getIdeaForOrganizer,
  reviewNormalization,
  saveNormalizationResult,
  submitIdea,
} from "./ideas";
import { advancePhase, replaceTopics } from "./study-setup";

beforeEach(() => {
  resetTestDb();
});

const full = (label: string) =>
  Object.fromEntries(DEFAULT_IDEA_TEMPLATE.map((f) => [f.key, `${f.label}: ${label}.`])) as Record<
    string,
    string
  >;

function studyWithIdeas(n: number) {
  const organizer = makeUser({ name: "Olga" });
  const study = makeStudy({ organizer });
  const topic = at(
    replaceTopics({ studyId: study.id, actorId: organizer.id, items: [{ name: "Graphs" }] }),
    0,
  );
  advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
  const writer = makeUser({ name: "Wanda Writer" });
  const ids = Array.from({ length: n }, () => {
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: topic.id });
    submitIdea({
      studyId: study.id,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: full("original"),
      attested: false,
    });
    return idea.id;
  });
  return { organizer, study, ids };
}

const decision = (studyId: string, ideaId: string) => {
  const i = getIdeaForOrganizer({ studyId, ideaId })!;
  return `${i.normalizationReview}/${i.reviewTextSource}`;
};

describe("acceptCleanRewrites", () => {
  it("accepts only finished, undecided rewrites without leak hits and counts the rest", () => {
    const { study, organizer, ids } = studyWithIdeas(4);
    const [clean, leaky, none, decided] = [at(ids, 0), at(ids, 1), at(ids, 2), at(ids, 3)];
    saveNormalizationResult({ ideaId: clean, normalizedFields: full("neutral rewrite") });
    saveNormalizationResult({
      ideaId: leaky,
      normalizedFields: { ...full("rewrite"), problem: "As an AI language model, I propose this." },
    });
    saveNormalizationResult({ ideaId: decided, normalizedFields: full("another rewrite") });
    reviewNormalization({ studyId: study.id, ideaId: decided, decision: "reject" });

    expect(acceptCleanRewrites({ studyId: study.id, ideaIds: ids, actorId: organizer.id })).toEqual({
      accepted: 1,
      skipped: 3,
    });
    expect(decision(study.id, clean)).toBe("accepted/normalized");
    expect(decision(study.id, leaky)).toBe("unreviewed/null");
    expect(decision(study.id, none)).toBe("unreviewed/null");
    expect(decision(study.id, decided)).toBe("rejected/original");
    // Running it again changes nothing: the accepted idea is decided now.
    expect(acceptCleanRewrites({ studyId: study.id, ideaIds: ids })).toEqual({ accepted: 0, skipped: 4 });
  });

  it("refuses ideas of another study and any request outside writing and normalization", () => {
    const a = studyWithIdeas(1);
    const b = studyWithIdeas(1);
    saveNormalizationResult({ ideaId: at(b.ids, 0), normalizedFields: full("rewrite") });
    expect(() => acceptCleanRewrites({ studyId: a.study.id, ideaIds: [...a.ids, ...b.ids] })).toThrow(
      /One chosen idea is not a submitted idea of this study/,
    );
    expect(decision(b.study.id, at(b.ids, 0))).toBe("unreviewed/null");

    advancePhase({
      studyId: b.study.id,
      actorId: b.organizer.id,
      to: "setup",
      reason: "fix the template",
      confirmed: true,
    });
    let error: unknown;
    try {
      acceptCleanRewrites({ studyId: b.study.id, ideaIds: b.ids });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/setup phase/);
    expect(decision(b.study.id, at(b.ids, 0))).toBe("unreviewed/null");
  });

  it("asks for at least one idea", () => {
    const { study } = studyWithIdeas(0);
    expect(() => acceptCleanRewrites({ studyId: study.id, ideaIds: [] })).toThrow(/at least one idea/);
  });
});
