import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { at } from "@/lib/assert";
import { AppError } from "@/lib/errors";
import { IDEA_CODE_PATTERN } from "@/lib/ideas/codes";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { ideaImports, ideas, ideaVersions, studyEvents } from "../schema";
import {
  commitIdeaImport,
  createDraftIdea,
  existingExternalIds,
  getBalanceTable,
  getIdeaForAuthor,
  getIdeaForOrganizer,
  getTextForReview,
  type ImportRow,
  listIdeasForAuthor,
  listIdeasForExport,
  listIdeasForOrganizer,
  listIdeaVersions,
  reviewNormalization,
  saveIdeaDraft,
  saveNormalizationResult,
  submitIdea,
  withdrawIdea,
} from "./ideas";
import { advancePhase, getStudySettings, replaceTopics, updateStudyDetails } from "./study-setup";

let db: ReturnType<typeof resetTestDb>;
beforeEach(() => {
  db = resetTestDb();
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

const full = (label = "text") =>
  Object.fromEntries(DEFAULT_IDEA_TEMPLATE.map((f) => [f.key, `${f.label}: ${label}.`])) as Record<
    string,
    string
  >;

/** A study in writing with topics Graphs and Prompting and conditions Human (baseline) and AI. */
function writingStudy({
  attestationText = null,
  writerEmail = `writer-${crypto.randomUUID().slice(0, 8)}@example.org`,
}: {
  attestationText?: string | null;
  writerEmail?: string;
} = {}) {
  const organizer = makeUser({ name: "Olga" });
  const study = makeStudy({ organizer });
  const topicRows = replaceTopics({
    studyId: study.id,
    actorId: organizer.id,
    items: [{ name: "Graphs" }, { name: "Prompting" }],
  });
  if (attestationText) {
    updateStudyDetails({ studyId: study.id, actorId: organizer.id, title: "A study", attestationText });
  }
  advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
  const { conditions } = getStudySettings({ studyId: study.id });
  const writer = makeUser({ name: "Wanda Writer", email: writerEmail });
  return {
    organizer,
    writer,
    study,
    graphs: at(topicRows, 0),
    prompting: at(topicRows, 1),
    human: at(conditions, 0),
    ai: at(conditions, 1),
  };
}

function versionCount(ideaId: string) {
  return db.select({ n: count() }).from(ideaVersions).where(eq(ideaVersions.ideaId, ideaId)).get()!.n;
}

describe("writing an idea", () => {
  it("starts a draft in the baseline condition with a random code and a first version", () => {
    const { study, writer, graphs, human } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    expect(idea).toMatchObject({ studyId: study.id, topicName: "Graphs", status: "draft", version: 1 });
    expect(idea.code).toMatch(IDEA_CODE_PATTERN);
    expect(Object.keys(idea.fields)).toEqual(DEFAULT_IDEA_TEMPLATE.map((f) => f.key));
    expect(db.select({ conditionId: ideas.conditionId }).from(ideas).get()).toEqual({
      conditionId: human.id,
    });
    expect(
      listIdeaVersions({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id }).map((v) => v.version),
    ).toEqual([1]);
  });

  it("refuses a topic from another study and any new idea outside the writing phase", () => {
    const { study, writer } = writingStudy();
    const other = writingStudy();
    const error = catchError(() =>
      createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: other.graphs.id }),
    );
    expect(error.code).toBe("invalid:topic");
    expect(error.fieldErrors?.topicId).toEqual(["Choose one of the study's topics."]);

    const organizer = makeUser();
    const inSetup = makeStudy({ organizer });
    const topic = at(
      replaceTopics({ studyId: inSetup.id, actorId: organizer.id, items: [{ name: "T" }] }),
      0,
    );
    const phase = catchError(() =>
      createDraftIdea({ studyId: inSetup.id, authorId: writer.id, topicId: topic.id }),
    );
    expect(phase.code).toBe("conflict:phase");
    expect(phase.message).toBe(
      "New ideas can be started only while writing is open; the study is in the setup phase.",
    );
    expect(db.select({ n: count() }).from(ideas).get()!.n).toBe(0);
  });

  it("accepts the retry of a save that committed but was never acknowledged (a crash mid-save)", () => {
    const { study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    const args = { studyId: idea.studyId, ideaId: idea.id, authorId: writer.id };
    const saveId = crypto.randomUUID();
    // Committed as version 2; the answer was lost, so the editor still sends expectedVersion 1.
    saveIdeaDraft({ ...args, expectedVersion: 1, fields: { title: "Before the crash" }, saveId });
    expect(
      saveIdeaDraft({ ...args, expectedVersion: 1, fields: { title: "Before the crash" } }),
    ).toMatchObject({
      ok: true,
      version: 2,
      changed: false,
    });
    expect(
      saveIdeaDraft({ ...args, expectedVersion: 1, fields: { title: "Typed on while it was down" }, saveId }),
    ).toMatchObject({ ok: true, version: 3, changed: true });
    // A different tab (another key) from version 1 is still a conflict.
    expect(
      saveIdeaDraft({
        ...args,
        expectedVersion: 1,
        fields: { title: "Other tab" },
        saveId: crypto.randomUUID(),
      }),
    ).toMatchObject({ ok: false });
  });

  it("saves versions in order; an identical save writes nothing", () => {
    const { study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    const first = saveIdeaDraft({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: { title: "Graph prompts" },
    });
    expect(first).toMatchObject({ ok: true, version: 2, changed: true });
    const second = saveIdeaDraft({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 2,
      fields: { title: "Graph prompts", problem: "LLMs miss structure." },
    });
    expect(second).toMatchObject({ ok: true, version: 3 });

    const same = saveIdeaDraft({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 3,
      fields: { title: "Graph prompts", problem: "LLMs miss structure." },
    });
    expect(same).toMatchObject({ ok: true, version: 3, changed: false });
    expect(versionCount(idea.id)).toBe(3);
    const history = listIdeaVersions({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id });
    expect(history.map((v) => [v.version, v.kind, v.fields.title])).toEqual([
      [1, "save", ""],
      [2, "save", "Graph prompts"],
      [3, "save", "Graph prompts"],
    ]);
    expect(history[2]?.fields.problem).toBe("LLMs miss structure.");
  });

  it("gives the second of two saves from the same version a conflict with the first one's text, and writes nothing", () => {
    const { study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    const tabA = saveIdeaDraft({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: { title: "From tab A" },
    });
    expect(tabA.ok).toBe(true);
    const tabB = saveIdeaDraft({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: { title: "From tab B" },
    });
    expect(tabB.ok).toBe(false);
    if (tabB.ok) return;
    expect(tabB.conflict).toMatchObject({ version: 2, status: "draft", fields: { title: "From tab A" } });
    expect(tabB.conflict.message).toBe(
      "This idea was changed in another tab or device (version 2). Reload to see the latest text; your unsaved text is kept below.",
    );
    expect(
      getIdeaForAuthor({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id })!.fields.title,
    ).toBe("From tab A");
    expect(versionCount(idea.id)).toBe(2);

    // Tab B keeps its text and resends it against the version it was shown.
    const retry = saveIdeaDraft({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: tabB.conflict.version,
      fields: { title: "From tab B" },
    });
    expect(retry).toMatchObject({ ok: true, version: 3 });
  });

  it("accepts a stale save whose text is already stored: nothing would be overwritten", () => {
    const { study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    saveIdeaDraft({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: { title: "Same" },
    });
    const stale = saveIdeaDraft({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: { title: "Same" },
    });
    expect(stale).toMatchObject({ ok: true, version: 2, changed: false });
  });

  it("refuses oversized fields and unknown keys in a draft, naming the field", () => {
    const { study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    const big = catchError(() =>
      saveIdeaDraft({
        studyId: idea.studyId,
        ideaId: idea.id,
        authorId: writer.id,
        expectedVersion: 1,
        fields: { method: "x".repeat(20_001) },
      }),
    );
    expect(big.code).toBe("invalid:idea");
    expect(big.fieldErrors?.method).toEqual([
      "Proposed method is too long: 20,001 characters (at most 20,000).",
    ]);
    const unknown = catchError(() =>
      saveIdeaDraft({
        studyId: idea.studyId,
        ideaId: idea.id,
        authorId: writer.id,
        expectedVersion: 1,
        fields: { author: "me" },
      }),
    );
    expect(Object.keys(unknown.fieldErrors ?? {})).toEqual(["author"]);
    expect(versionCount(idea.id)).toBe(1);
  });
});

describe("submitting", () => {
  it("checks every field as a submission and writes nothing when one fails", () => {
    const { study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    const fields = { ...full(), problem: "", title: Array.from({ length: 31 }, () => "word").join(" ") };
    const error = catchError(() =>
      submitIdea({
        studyId: idea.studyId,
        ideaId: idea.id,
        authorId: writer.id,
        expectedVersion: 1,
        fields,
        attested: false,
      }),
    );
    expect(error.code).toBe("invalid:idea");
    expect(error.fieldErrors).toEqual({
      title: ["Title has 31 words; the limit is 30."],
      problem: ["Problem statement is required."],
    });
    expect(error.message).toBe("Title has 31 words; the limit is 30. Problem statement is required.");
    expect(getIdeaForAuthor({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id })).toMatchObject({
      status: "draft",
      version: 1,
    });
  });

  it("submits once; submitting the same text again returns the same result and writes nothing", () => {
    const { study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    const args = {
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: full(),
      attested: false,
    };
    const first = submitIdea(args);
    expect(first).toMatchObject({ ok: true, version: 2, status: "submitted", changed: true });
    const again = submitIdea({ ...args, expectedVersion: 2 });
    expect(again).toEqual({ ...first, changed: false });
    // A double click sends the same request twice: same answer, no new version.
    expect(submitIdea(args)).toEqual({ ...first, changed: false });
    expect(
      listIdeaVersions({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id }).map((v) => v.kind),
    ).toEqual(["save", "submit"]);
  });

  it("requires the attestation when the study has one", () => {
    const { study, writer, graphs } = writingStudy({ attestationText: "I did not use AI tools." });
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    const args = {
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: full(),
    };
    const error = catchError(() => submitIdea({ ...args, attested: false }));
    expect(error.fieldErrors).toEqual({ attested: ['Tick "I did not use AI tools." to submit.'] });
    expect(getIdeaForAuthor({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id })!.status).toBe(
      "draft",
    );
    submitIdea({ ...args, attested: true });
    expect(
      getIdeaForAuthor({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id })!.attestedAt,
    ).toEqual(expect.any(Number));
  });

  it("keeps a submitted idea submitted when edited, checks edits as a submission, and clears a stale normalization", () => {
    const { study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    submitIdea({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: full(),
      attested: false,
    });
    saveNormalizationResult({ ideaId: idea.id, normalizedFields: full("normalized") });

    const emptied = catchError(() =>
      saveIdeaDraft({
        studyId: idea.studyId,
        ideaId: idea.id,
        authorId: writer.id,
        expectedVersion: 2,
        fields: { ...full(), fallback: " " },
      }),
    );
    expect(emptied.fieldErrors).toEqual({ fallback: ["Fallback plan is required."] });

    const edited = saveIdeaDraft({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 2,
      fields: { ...full(), fallback: "A better fallback." },
    });
    expect(edited).toMatchObject({ ok: true, version: 3, status: "submitted" });
    const row = db.select().from(ideas).where(eq(ideas.id, idea.id)).get()!;
    expect(row).toMatchObject({ status: "submitted", normalizationState: "none", normalizedFields: null });
  });

  it("withdraws and resubmits while writing is open; after that it can only be withdrawn", () => {
    const { organizer, study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    submitIdea({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: full(),
      attested: false,
    });
    expect(withdrawIdea({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id })).toEqual({
      version: 3,
      status: "withdrawn",
    });
    expect(withdrawIdea({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id })).toEqual({
      version: 3,
      status: "withdrawn",
    });
    const back = submitIdea({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 3,
      fields: full(),
      attested: false,
    });
    expect(back).toMatchObject({ ok: true, status: "submitted", version: 4 });

    advancePhase({ studyId: study.id, actorId: organizer.id, to: "normalization" });
    const error = catchError(() =>
      saveIdeaDraft({
        studyId: idea.studyId,
        ideaId: idea.id,
        authorId: writer.id,
        expectedVersion: 4,
        fields: full("late"),
      }),
    );
    expect(error.code).toBe("conflict:phase");
    expect(error.message).toBe(
      "Ideas can be changed only while writing is open; the study is in the normalization phase.",
    );
    expect(withdrawIdea({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id })).toEqual({
      version: 5,
      status: "withdrawn",
    });
    const resubmit = catchError(() =>
      submitIdea({
        studyId: idea.studyId,
        ideaId: idea.id,
        authorId: writer.id,
        expectedVersion: 5,
        fields: full(),
        attested: false,
      }),
    );
    expect(resubmit.code).toBe("conflict:phase");
  });

  it("shows a writer only their own ideas: someone else's idea is not found and cannot be saved", () => {
    const { study, writer, graphs } = writingStudy();
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: graphs.id });
    const other = makeUser();
    createDraftIdea({ studyId: study.id, authorId: other.id, topicId: graphs.id });

    expect(getIdeaForAuthor({ studyId: idea.studyId, ideaId: idea.id, authorId: other.id })).toBeUndefined();
    expect(listIdeasForAuthor({ studyId: study.id, authorId: writer.id }).map((i) => i.id)).toEqual([
      idea.id,
    ]);
    expect(listIdeaVersions({ studyId: idea.studyId, ideaId: idea.id, authorId: other.id })).toEqual([]);
    for (const attempt of [
      () =>
        saveIdeaDraft({
          studyId: idea.studyId,
          ideaId: idea.id,
          authorId: other.id,
          expectedVersion: 1,
          fields: { title: "Mine now" },
        }),
      () =>
        submitIdea({
          studyId: idea.studyId,
          ideaId: idea.id,
          authorId: other.id,
          expectedVersion: 1,
          fields: full(),
          attested: false,
        }),
      () => withdrawIdea({ studyId: idea.studyId, ideaId: idea.id, authorId: other.id }),
    ]) {
      expect(catchError(attempt).code).toBe("not_found:idea");
    }
    expect(getIdeaForAuthor({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id })).toMatchObject({
      version: 1,
      status: "draft",
    });
  });
});

describe("import", () => {
  function rows(s: ReturnType<typeof writingStudy>, n: number, prefix = "ai"): ImportRow[] {
    return Array.from({ length: n }, (_, i) => ({
      line: i + 1,
      topicId: i % 2 === 0 ? s.graphs.id : s.prompting.id,
      conditionId: s.ai.id,
      externalId: `${prefix}-${i + 1}`,
      fields: full(`${prefix} ${i + 1}`),
    }));
  }

  it("commits every row in one go, as submitted imported ideas with their provenance", () => {
    const s = writingStudy();
    const result = commitIdeaImport({
      studyId: s.study.id,
      importerId: s.organizer.id,
      fileName: "ai-ideas.jsonl",
      format: "jsonl",
      rows: rows(s, 4),
    });
    expect(result).toMatchObject({ imported: 4, skipped: [] });
    expect(db.select().from(ideaImports).get()).toMatchObject({
      fileName: "ai-ideas.jsonl",
      rowCount: 4,
      importedBy: s.organizer.id,
    });
    const listed = listIdeasForOrganizer({ studyId: s.study.id, provenance: "imported" });
    expect(listed).toHaveLength(4);
    expect(listed[0]).toMatchObject({
      status: "submitted",
      provenance: "imported",
      provenanceSource: "ai-ideas.jsonl",
      conditionKey: "AI",
      authorName: null,
      submittedAt: expect.any(Number),
    });
    expect(db.select({ kind: ideaVersions.kind }).from(ideaVersions).all()).toEqual(
      Array(4).fill({ kind: "import" }),
    );
    expect(existingExternalIds({ studyId: s.study.id }).sort()).toEqual(["ai-1", "ai-2", "ai-3", "ai-4"]);
    expect(db.select().from(studyEvents).where(eq(studyEvents.kind, "ideas_imported")).all()).toHaveLength(1);
  });

  it("imports nothing when a row midway is bad, and reports every bad line", () => {
    const s = writingStudy();
    const input = rows(s, 5);
    input[2] = { ...at(input, 2), topicId: crypto.randomUUID() };
    input[4] = { ...at(input, 4), fields: { ...at(input, 4).fields, title: "" } };
    const error = catchError(() =>
      commitIdeaImport({
        studyId: s.study.id,
        importerId: s.organizer.id,
        fileName: "bad.csv",
        format: "csv",
        rows: input,
      }),
    );
    expect(error.code).toBe("invalid:import");
    expect(error.fieldErrors).toEqual({
      "line 3": ["the topic is not one of this study's topics"],
      "line 5": ["Title is required."],
    });
    expect(error.message).toBe(
      "2 rows have problems, so nothing was imported. line 3: the topic is not one of this study's topics. line 5: Title is required.",
    );
    expect(db.select({ n: count() }).from(ideas).get()!.n).toBe(0);
    expect(db.select({ n: count() }).from(ideaImports).get()!.n).toBe(0);
    expect(db.select({ n: count() }).from(ideaVersions).get()!.n).toBe(0);
  });

  it("skips external ids already in the study or earlier in the file, and reports them", () => {
    const s = writingStudy();
    const args = {
      studyId: s.study.id,
      importerId: s.organizer.id,
      fileName: "a.jsonl",
      format: "jsonl" as const,
    };
    commitIdeaImport({ ...args, rows: rows(s, 2) });
    const again = [...rows(s, 3), { ...at(rows(s, 3), 2), line: 4 }];
    const result = commitIdeaImport({ ...args, rows: again });
    expect(result.imported).toBe(1);
    expect(result.skipped).toEqual([
      { line: 1, externalId: "ai-1", reason: "already imported into this study" },
      { line: 2, externalId: "ai-2", reason: "already imported into this study" },
      { line: 4, externalId: "ai-3", reason: "same external_id as line 3" },
    ]);
    expect(db.select({ n: count() }).from(ideas).get()!.n).toBe(3);
  });
});

describe("organizer views", () => {
  it("counts submitted ideas per topic × condition, with accepted and decided review text", () => {
    const s = writingStudy();
    const written = createDraftIdea({ studyId: s.study.id, authorId: s.writer.id, topicId: s.graphs.id });
    submitIdea({
      studyId: written.studyId,
      ideaId: written.id,
      authorId: s.writer.id,
      expectedVersion: 1,
      fields: full(),
      attested: false,
    });
    createDraftIdea({ studyId: s.study.id, authorId: s.writer.id, topicId: s.graphs.id }); // a draft: not counted
    commitIdeaImport({
      studyId: s.study.id,
      importerId: s.organizer.id,
      fileName: "ai.jsonl",
      format: "jsonl",
      rows: [s.graphs, s.prompting, s.prompting].map((t, i) => ({
        line: i + 1,
        topicId: t.id,
        conditionId: s.ai.id,
        fields: full(`ai ${i}`),
      })),
    });
    const prompting = listIdeasForOrganizer({ studyId: s.study.id, topicId: s.prompting.id });
    const [ai1, ai2] = [at(prompting, 0), at(prompting, 1)];
    saveNormalizationResult({ ideaId: ai1.id, normalizedFields: full("n") });
    reviewNormalization({ studyId: s.study.id, ideaId: ai1.id, decision: "accept" });
    reviewNormalization({ studyId: s.study.id, ideaId: ai2.id, decision: "reject" });

    const table = getBalanceTable({ studyId: s.study.id });
    const cell = (topicName: string, conditionId: string) =>
      table.rows.find((r) => r.topicName === topicName)!.counts[conditionId];
    expect(cell("Graphs", s.human.id)).toEqual({ submitted: 1, accepted: 0, decided: 0 });
    expect(cell("Graphs", s.ai.id)).toEqual({ submitted: 1, accepted: 0, decided: 0 });
    expect(cell("Prompting", s.human.id)).toEqual({ submitted: 0, accepted: 0, decided: 0 });
    expect(cell("Prompting", s.ai.id)).toEqual({ submitted: 2, accepted: 1, decided: 2 });
    expect(table.rows.map((r) => r.total)).toEqual([2, 2]);
    expect(table.byCondition[s.ai.id]).toEqual({ submitted: 3, accepted: 1, decided: 2 });
    expect(table.total).toEqual({ submitted: 4, accepted: 1, decided: 2 });
    expect(getBalanceTable({ studyId: s.study.id, statuses: ["draft"] }).total.submitted).toBe(1);
  });

  it("filters the idea table and exports the plain shape with author and provenance", () => {
    const s = writingStudy({ writerEmail: "wanda@example.org" });
    const written = createDraftIdea({ studyId: s.study.id, authorId: s.writer.id, topicId: s.prompting.id });
    submitIdea({
      studyId: written.studyId,
      ideaId: written.id,
      authorId: s.writer.id,
      expectedVersion: 1,
      fields: full(),
      attested: false,
    });
    commitIdeaImport({
      studyId: s.study.id,
      importerId: s.organizer.id,
      fileName: "ai.csv",
      format: "csv",
      rows: [{ line: 2, topicId: s.graphs.id, conditionId: s.ai.id, externalId: "x1", fields: full("ai") }],
    });
    expect(listIdeasForOrganizer({ studyId: s.study.id, conditionId: s.human.id }).map((i) => i.id)).toEqual([
      written.id,
    ]);
    expect(listIdeasForOrganizer({ studyId: s.study.id, status: "draft" })).toEqual([]);
    expect(listIdeasForOrganizer({ studyId: s.study.id, topicId: s.graphs.id })[0]?.externalId).toBe("x1");
    // Another study's ideas never appear.
    expect(listIdeasForOrganizer({ studyId: writingStudy().study.id })).toEqual([]);

    const exported = listIdeasForExport({ studyId: s.study.id });
    expect(exported.map((e) => e.topic)).toEqual(["Graphs", "Prompting"]);
    expect(exported[1]).toEqual({
      id: written.id,
      code: written.code,
      topic: "Prompting",
      conditionKey: "Human",
      conditionLabel: "Human-written",
      status: "submitted",
      provenance: "written",
      provenanceSource: null,
      externalId: null,
      authorName: "Wanda Writer",
      authorEmail: "wanda@example.org",
      createdAt: expect.any(Number),
      submittedAt: expect.any(Number),
      fields: full(),
      normalizedFields: null,
      normalizationReview: "unreviewed",
      reviewTextSource: null,
    });
    expect(exported[0]).toMatchObject({ provenanceSource: "ai.csv", authorName: null, authorEmail: null });
  });
});

describe("normalization decisions", () => {
  function submittedIdea() {
    const s = writingStudy();
    const idea = createDraftIdea({ studyId: s.study.id, authorId: s.writer.id, topicId: s.graphs.id });
    submitIdea({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: s.writer.id,
      expectedVersion: 1,
      fields: full("original"),
      attested: false,
    });
    return { ...s, idea };
  }

  it("accept uses the normalized text, reject the original; the reviewer's view is blind", () => {
    const { study, idea } = submittedIdea();
    const noText = catchError(() =>
      reviewNormalization({ studyId: study.id, ideaId: idea.id, decision: "accept" }),
    );
    expect(noText.message).toBe("This idea has no normalized text to accept yet.");
    expect(getTextForReview({ ideaId: idea.id })).toBeUndefined();

    saveNormalizationResult({ ideaId: idea.id, normalizedFields: full("normalized") });
    expect(reviewNormalization({ studyId: study.id, ideaId: idea.id, decision: "accept" })).toMatchObject({
      normalizationReview: "accepted",
      reviewTextSource: "normalized",
    });
    const blind = getTextForReview({ ideaId: idea.id })!;
    expect(Object.keys(blind).sort()).toEqual(["code", "fields", "topic"]);
    expect(blind).toEqual({ code: idea.code, topic: "Graphs", fields: full("normalized") });

    reviewNormalization({ studyId: study.id, ideaId: idea.id, decision: "reject" });
    expect(getIdeaForOrganizer({ studyId: study.id, ideaId: idea.id })).toMatchObject({
      normalizationReview: "rejected",
      reviewTextSource: "original",
    });
    expect(getTextForReview({ ideaId: idea.id })!.fields).toEqual(full("original"));
  });

  it("edit replaces the normalized text (checked as a submission) and records a normalized_edit version", () => {
    const { organizer, writer, study, idea } = submittedIdea();
    saveNormalizationResult({ ideaId: idea.id, normalizedFields: full("normalized") });
    const bad = catchError(() =>
      reviewNormalization({
        studyId: study.id,
        ideaId: idea.id,
        decision: "edit",
        editedFields: { ...full("edited"), method: "" },
      }),
    );
    expect(bad.fieldErrors).toEqual({ method: ["Proposed method is required."] });

    const result = reviewNormalization({
      studyId: study.id,
      ideaId: idea.id,
      decision: "edit",
      editedFields: full("edited"),
      actorId: organizer.id,
    });
    expect(result).toEqual({ normalizationReview: "edited", reviewTextSource: "normalized", version: 3 });
    expect(getIdeaForOrganizer({ studyId: study.id, ideaId: idea.id })).toMatchObject({
      normalizedFields: full("edited"),
      fields: full("original"),
    });
    const kinds = db
      .select({ kind: ideaVersions.kind })
      .from(ideaVersions)
      .where(eq(ideaVersions.ideaId, idea.id))
      .all();
    expect(kinds.map((k) => k.kind)).toEqual(["save", "submit", "normalized_edit"]);
    // The writer's history is their own text only.
    expect(
      listIdeaVersions({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id }).map((v) => v.kind),
    ).toEqual(["save", "submit"]);
    expect(getTextForReview({ ideaId: idea.id })!.fields).toEqual(full("edited"));
  });

  it("refuses decisions on another study's idea", () => {
    const { idea } = submittedIdea();
    const other = writingStudy();
    const error = catchError(() =>
      reviewNormalization({ studyId: other.study.id, ideaId: idea.id, decision: "reject" }),
    );
    expect(error.code).toBe("not_found:idea");
  });
});
