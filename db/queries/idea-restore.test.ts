import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { at } from "@/lib/assert";
import { AppError } from "@/lib/errors";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { ideas, ideaVersions } from "../schema";
import { getIdeaRecord } from "./idea-record";
import { restoreIdeaVersion } from "./idea-restore";
import { createDraftIdea, listIdeaVersions, reviewNormalization, saveIdeaDraft, submitIdea } from "./ideas";
import { advancePhase, replaceTopics } from "./study-setup";

beforeEach(() => resetTestDb());

const full = (label: string) =>
  Object.fromEntries(DEFAULT_IDEA_TEMPLATE.map((f) => [f.key, `${f.label}: ${label}.`])) as Record<
    string,
    string
  >;

function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

/** A draft with three versions: the empty start, "First", "Second". */
function ideaWithHistory() {
  const organizer = makeUser({ name: "Olga Organizer" });
  const writer = makeUser({ name: "Wanda Writer" });
  const study = makeStudy({ organizer });
  const [graphs] = replaceTopics({ studyId: study.id, actorId: organizer.id, items: [{ name: "Graphs" }] });
  advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
  const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: at([graphs], 0)!.id });
  const args = { studyId: study.id, ideaId: idea.id, authorId: writer.id };
  saveIdeaDraft({ ...args, expectedVersion: idea.version, fields: { title: "First" } });
  saveIdeaDraft({ ...args, expectedVersion: idea.version + 1, fields: { title: "Second" } });
  return { organizer, writer, study, idea, current: idea.version + 2 };
}

const versionsOf = (ideaId: string) =>
  getDb()
    .select({
      version: ideaVersions.version,
      kind: ideaVersions.kind,
      title: ideaVersions.fields,
      restoredFrom: ideaVersions.restoredFrom,
      savedBy: ideaVersions.savedBy,
    })
    .from(ideaVersions)
    .where(eq(ideaVersions.ideaId, ideaId))
    .orderBy(asc(ideaVersions.version))
    .all()
    .map((v) => ({ ...v, title: v.title.title ?? "" }));

describe("restoreIdeaVersion", () => {
  it("writes a new version equal to the chosen one, keeping every earlier version", () => {
    const s = ideaWithHistory();
    const before = versionsOf(s.idea.id);
    const first = at(
      before.filter((v) => v.title === "First"),
      0,
    )!;
    const result = restoreIdeaVersion({
      studyId: s.study.id,
      ideaId: s.idea.id,
      version: first.version,
      expectedVersion: s.current,
      by: { kind: "organizer", userId: s.organizer.id },
    });
    expect(result).toEqual({ version: s.current + 1 });
    const after = versionsOf(s.idea.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toEqual({
      version: s.current + 1,
      kind: "restore",
      title: "First",
      restoredFrom: first.version,
      savedBy: s.organizer.id,
    });
    expect(getDb().select({ fields: ideas.fields, version: ideas.version }).from(ideas).get()).toMatchObject({
      fields: { title: "First" },
      version: s.current + 1,
    });
    expect(
      getDb()
        .$client.prepare("SELECT kind, detail FROM study_events WHERE kind = 'idea_version_restored'")
        .all(),
    ).toEqual([
      {
        kind: "idea_version_restored",
        detail: JSON.stringify({
          idea: s.idea.code,
          restoredFrom: first.version,
          newVersion: s.current + 1,
          by: "organizer",
        }),
      },
    ]);
    // The organizer's record names who restored what; the author's history shows it too.
    const record = getIdeaRecord({ studyId: s.study.id, ideaId: s.idea.id });
    expect(record?.versions.at(-1)).toMatchObject({
      restoredFrom: first.version,
      savedByName: "Olga Organizer",
    });
    expect(
      listIdeaVersions({ studyId: s.study.id, ideaId: s.idea.id, authorId: s.writer.id }).at(-1),
    ).toMatchObject({ kind: "restore", restoredFrom: first.version });
  });

  it("lets the author restore their own idea while writing is open, and no one else's", () => {
    const s = ideaWithHistory();
    const stranger = makeUser();
    const first = s.current - 1;
    const refused = catchError(() =>
      restoreIdeaVersion({
        studyId: s.study.id,
        ideaId: s.idea.id,
        version: first,
        expectedVersion: s.current,
        by: { kind: "author", userId: stranger.id },
      }),
    );
    expect(refused.code).toBe("not_found:idea");
    restoreIdeaVersion({
      studyId: s.study.id,
      ideaId: s.idea.id,
      version: first,
      expectedVersion: s.current,
      by: { kind: "author", userId: s.writer.id },
    });
    expect(versionsOf(s.idea.id).at(-1)).toMatchObject({ kind: "restore", savedBy: s.writer.id });
  });

  it("refuses a stale page, an unchanged text, a missing version and another study's idea, writing nothing", () => {
    const s = ideaWithHistory();
    const other = ideaWithHistory();
    const by = { kind: "organizer" as const, userId: s.organizer.id };
    const base = { studyId: s.study.id, ideaId: s.idea.id, by };
    const before = versionsOf(s.idea.id);
    expect(
      catchError(() =>
        restoreIdeaVersion({ ...base, version: s.current - 1, expectedVersion: s.current - 1 }),
      ).message,
    ).toBe(
      `The idea changed since this page was opened (it is now at version ${s.current}). Reload and choose again.`,
    );
    expect(
      catchError(() => restoreIdeaVersion({ ...base, version: s.current, expectedVersion: s.current }))
        .message,
    ).toBe(`The current text is already the same as version ${s.current}; nothing to restore.`);
    expect(
      catchError(() => restoreIdeaVersion({ ...base, version: 99, expectedVersion: s.current })).code,
    ).toBe("not_found:idea_version");
    expect(
      catchError(() =>
        restoreIdeaVersion({ ...base, ideaId: other.idea.id, version: 1, expectedVersion: other.current }),
      ).code,
    ).toBe("not_found:idea");
    expect(versionsOf(s.idea.id)).toEqual(before);
  });

  it("is refused, saying why, once the phase forbids edits: authors after writing, everyone from reviewing on", () => {
    const s = ideaWithHistory();
    const args = { studyId: s.study.id, ideaId: s.idea.id, authorId: s.writer.id };
    saveIdeaDraft({ ...args, expectedVersion: s.current, fields: full("A") });
    submitIdea({ ...args, expectedVersion: s.current + 1, fields: full("B"), attested: false });
    const current = s.current + 2;
    const fullA = s.current + 1;
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "normalization", confirmed: true });
    const base = { studyId: s.study.id, ideaId: s.idea.id };
    const author = catchError(() =>
      restoreIdeaVersion({
        ...base,
        version: fullA,
        expectedVersion: current,
        by: { kind: "author", userId: s.writer.id },
      }),
    );
    expect(author.code).toBe("conflict:phase");
    expect(author.message).toBe(
      "A version can be restored only during writing; the study is in the normalization phase (writing has closed and the organizers are preparing the text for reviewers).",
    );
    const organizer = { kind: "organizer" as const, userId: s.organizer.id };
    // A submitted idea gets back only a complete text.
    const incomplete = catchError(() =>
      restoreIdeaVersion({ ...base, version: s.current, expectedVersion: current, by: organizer }),
    );
    expect(incomplete.code).toBe("invalid:idea");
    reviewNormalization({ ...base, decision: "reject", actorId: s.organizer.id });
    const decided = getDb().select({ version: ideas.version }).from(ideas).get()!.version;
    restoreIdeaVersion({ ...base, version: fullA, expectedVersion: decided, by: organizer });
    // The restore undid the decision on the text reviewers see; the organizer decides again.
    expect(getDb().select({ source: ideas.reviewTextSource }).from(ideas).get()).toEqual({ source: null });
    reviewNormalization({ ...base, decision: "reject", actorId: s.organizer.id });
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "reviewing", confirmed: true });
    const late = catchError(() =>
      restoreIdeaVersion({ ...base, version: current, expectedVersion: decided + 1, by: organizer }),
    );
    expect(late.message).toBe(
      "A version can be restored only during writing or normalization; the study is in the reviewing phase (reviewers or judges may already have read this text, and their scores must stay tied to it).",
    );
  });
});
