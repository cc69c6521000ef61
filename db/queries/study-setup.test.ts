import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { at } from "@/lib/assert";
import { AppError } from "@/lib/errors";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { conditions, ideas, studies, studyEvents, topics } from "../schema";
import {
  commitIdeaImport,
  createDraftIdea,
  reviewNormalization,
  saveNormalizationResult,
  submitIdea,
} from "./ideas";
import {
  advancePhase,
  ensureStudyDefaults,
  getSettingsLocks,
  getStudySettings,
  hasConsented,
  listStudyEvents,
  recordConsent,
  replaceConditions,
  replaceTopics,
  updateIdeaTemplate,
  updatePhaseDates,
  updateStudyDetails,
} from "./study-setup";

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

/** A study with defaults and the given topics, still in setup. */
function setupStudy(topicNames = ["Graphs", "Prompting"]) {
  const organizer = makeUser({ name: "Olga Organizer" });
  const study = makeStudy({ organizer });
  ensureStudyDefaults({ studyId: study.id });
  const topicRows = replaceTopics({
    studyId: study.id,
    actorId: organizer.id,
    items: topicNames.map((name) => ({ name })),
  });
  const conditionRows = getStudySettings({ studyId: study.id }).conditions;
  return {
    organizer,
    study,
    topics: topicRows,
    /** The defaults: Human (the baseline), then AI. */
    conditions: [at(conditionRows, 0), at(conditionRows, 1)] as const,
  };
}

const completeFields = Object.fromEntries(DEFAULT_IDEA_TEMPLATE.map((f) => [f.key, `Some ${f.label}.`]));

describe("settings", () => {
  it("gives a study the default conditions: Human as baseline, then AI", () => {
    const organizer = makeUser();
    const study = makeStudy({ organizer });
    db.delete(conditions).where(eq(conditions.studyId, study.id)).run();
    expect(ensureStudyDefaults({ studyId: study.id })).toEqual({ added: 2 });
    const settings = getStudySettings({ studyId: study.id });
    expect(settings.conditions.map((c) => [c.key, c.isBaseline])).toEqual([
      ["Human", true],
      ["AI", false],
    ]);
    expect(settings.template).toEqual(DEFAULT_IDEA_TEMPLATE);
    expect(settings.templateIsDefault).toBe(true);
    expect(ensureStudyDefaults({ studyId: study.id })).toEqual({ added: 0 });
    expect(db.select().from(conditions).all()).toHaveLength(2);
  });

  it("says not_found for a study that does not exist", () => {
    expect(catchError(() => getStudySettings({ studyId: crypto.randomUUID() })).code).toBe("not_found:study");
  });

  it("updates the details, turns an empty attestation into none, and logs the change", () => {
    const { organizer, study } = setupStudy();
    const updated = updateStudyDetails({
      studyId: study.id,
      actorId: organizer.id,
      title: "  New title ",
      description: "d",
      instructions: "Write one idea per topic.",
      consentText: "I agree.",
      attestationText: "   ",
    });
    expect(updated).toMatchObject({
      title: "New title",
      instructions: "Write one idea per topic.",
      attestationText: null,
    });
    const [event] = listStudyEvents({ studyId: study.id, limit: 1 });
    expect(event).toMatchObject({ kind: "settings_changed", actorName: "Olga Organizer" });
    expect(event?.detail).toMatchObject({ section: "details" });
  });

  it.each([
    ["an empty title", { title: "" }, "title", "Use at least 3 characters."],
    [
      "a long attestation",
      { attestationText: "x".repeat(501) },
      "attestationText",
      "Use at most 500 characters.",
    ],
    [
      "long instructions",
      { instructions: "x".repeat(20_001) },
      "instructions",
      "Use at most 20,000 characters.",
    ],
  ])("refuses details with %s, naming the field, and writes nothing", (_name, patch, field, message) => {
    const { organizer, study } = setupStudy();
    const error = catchError(() =>
      updateStudyDetails({
        studyId: study.id,
        actorId: organizer.id,
        title: "Valid title",
        description: "",
        instructions: "",
        consentText: "",
        attestationText: null,
        ...patch,
      }),
    );
    expect(error.code).toBe("invalid:study");
    expect(error.fieldErrors?.[field]).toEqual([message]);
    expect(getStudySettings({ studyId: study.id }).study.title).toBe("A study");
  });

  it.each([
    [
      "a duplicate name (any case)",
      [{ name: "Graphs" }, { name: "graphs" }],
      "1.name",
      'Duplicate topic name "graphs" (also topic 1).',
    ],
    ["an empty name", [{ name: "  " }], "0.name", "Enter a topic name."],
  ])("refuses topics with %s and writes nothing", (_name, items, field, message) => {
    const { organizer, study } = setupStudy(["Existing"]);
    const error = catchError(() => replaceTopics({ studyId: study.id, actorId: organizer.id, items }));
    expect(error.code).toBe("invalid:topics");
    expect(error.fieldErrors?.[field]).toEqual([message]);
    expect(getStudySettings({ studyId: study.id }).topics.map((t) => t.name)).toEqual(["Existing"]);
  });

  it.each([
    [
      "a key with a space",
      [{ key: "AI model", label: "x", isBaseline: true }],
      "0.key",
      "Use letters, digits and _ for the key (start with a letter, at most 40).",
    ],
    [
      "a key starting with a digit",
      [{ key: "1AI", label: "x", isBaseline: true }],
      "0.key",
      "Use letters, digits and _ for the key (start with a letter, at most 40).",
    ],
    [
      "a duplicate key (any case)",
      [
        { key: "Human", label: "a", isBaseline: true },
        { key: "HUMAN", label: "b" },
      ],
      "1.key",
      'Duplicate condition key "HUMAN" (also condition 1).',
    ],
    [
      "no baseline",
      [
        { key: "A", label: "a" },
        { key: "B", label: "b" },
      ],
      "_form",
      "Mark one condition as the baseline.",
    ],
    [
      "two baselines",
      [
        { key: "A", label: "a", isBaseline: true },
        { key: "B", label: "b", isBaseline: true },
      ],
      "_form",
      "Only one condition can be the baseline (now: A, B).",
    ],
    ["no conditions", [], "_form", "Add at least one condition."],
  ])("refuses conditions with %s and writes nothing", (_name, items, field, message) => {
    const { organizer, study } = setupStudy();
    const error = catchError(() => replaceConditions({ studyId: study.id, actorId: organizer.id, items }));
    expect(error.code).toBe("invalid:conditions");
    expect(error.fieldErrors?.[field]).toEqual([message]);
    expect(getStudySettings({ studyId: study.id }).conditions.map((c) => c.key)).toEqual(["Human", "AI"]);
  });

  it("updates, reorders, adds and removes topics, and can swap two names", () => {
    const { organizer, study, topics: rows } = setupStudy(["Graphs", "Prompting"]);
    const [a, b] = [at(rows, 0), at(rows, 1)];
    const result = replaceTopics({
      studyId: study.id,
      actorId: organizer.id,
      items: [
        { id: b.id, name: "Graphs", description: "now first" },
        { id: a.id, name: "Prompting" },
        { name: "Agents" },
      ],
    });
    expect(result.map((t) => [t.id, t.name, t.position])).toEqual([
      [b.id, "Graphs", 0],
      [a.id, "Prompting", 1],
      [expect.any(String), "Agents", 2],
    ]);
    replaceTopics({ studyId: study.id, actorId: organizer.id, items: [{ id: a.id, name: "Prompting" }] });
    expect(db.select({ id: topics.id }).from(topics).all()).toEqual([{ id: a.id }]);
  });

  it("refuses a topic id from another study", () => {
    const { organizer, study } = setupStudy();
    const other = setupStudy(["Elsewhere"]);
    const error = catchError(() =>
      replaceTopics({
        studyId: study.id,
        actorId: organizer.id,
        items: [{ id: at(other.topics, 0).id, name: "X" }],
      }),
    );
    expect(error.code).toBe("invalid:topics");
    expect(
      db
        .select()
        .from(topics)
        .where(eq(topics.id, at(other.topics, 0).id))
        .get()?.name,
    ).toBe("Elsewhere");
  });

  it("validates phase dates: a phase cannot close before it opens", () => {
    const { organizer, study } = setupStudy();
    const error = catchError(() =>
      updatePhaseDates({
        studyId: study.id,
        actorId: organizer.id,
        dates: { writing: { opensAt: 2000, closesAt: 1000 } },
      }),
    );
    expect(error.fieldErrors?.["writing.closesAt"]).toEqual(["The close date must be after the open date."]);
    updatePhaseDates({
      studyId: study.id,
      actorId: organizer.id,
      dates: { writing: { opensAt: 1000, closesAt: 2000 } },
    });
    expect(getStudySettings({ studyId: study.id }).study.phaseDates).toEqual({
      writing: { opensAt: 1000, closesAt: 2000 },
    });
  });
});

describe("settings locks", () => {
  it("keeps the template editable in setup and validates it", () => {
    const { organizer, study } = setupStudy();
    const template = [{ key: "title", label: "Title", guidance: "", required: true, wordLimit: 20 }];
    expect(updateIdeaTemplate({ studyId: study.id, actorId: organizer.id, template })).toEqual(template);
    expect(getStudySettings({ studyId: study.id }).templateIsDefault).toBe(false);
    const error = catchError(() =>
      updateIdeaTemplate({ studyId: study.id, actorId: organizer.id, template: [template[0], template[0]] }),
    );
    expect(error.code).toBe("invalid:template");
    expect(error.fieldErrors?.["1.key"]).toEqual(['Duplicate key "title" (also field 1).']);
  });

  it("locks the template once writing starts, and once an idea uses it, with the reason", () => {
    const { organizer, study, topics: rows } = setupStudy();
    const topic = at(rows, 0);
    advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
    const inWriting = catchError(() =>
      updateIdeaTemplate({ studyId: study.id, actorId: organizer.id, template: DEFAULT_IDEA_TEMPLATE }),
    );
    expect(inWriting.code).toBe("conflict:template_locked");
    expect(inWriting.message).toMatch(/^The template is locked: writing has started/);

    const writer = makeUser();
    createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: topic.id });
    const locks = getSettingsLocks({ studyId: study.id });
    expect(locks.templateLocked).toBe("The template is locked: 1 idea already uses it.");
    createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: topic.id });
    const error = catchError(() =>
      updateIdeaTemplate({ studyId: study.id, actorId: organizer.id, template: DEFAULT_IDEA_TEMPLATE }),
    );
    expect(error.message).toBe("The template is locked: 2 ideas already use it.");
  });

  it("refuses to remove or rename a topic in use, naming it; descriptions and new topics stay allowed", () => {
    const { organizer, study, topics: rows } = setupStudy(["Graphs", "Prompting"]);
    const [used, unused] = [at(rows, 0), at(rows, 1)];
    advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
    createDraftIdea({ studyId: study.id, authorId: makeUser().id, topicId: used.id });
    expect(getSettingsLocks({ studyId: study.id }).usedTopicIds).toEqual([used.id]);

    const removal = catchError(() =>
      replaceTopics({
        studyId: study.id,
        actorId: organizer.id,
        items: [{ id: unused.id, name: "Prompting" }],
      }),
    );
    expect(removal.code).toBe("conflict:settings_locked");
    expect(removal.message).toBe('Topic "Graphs" is used by 1 idea and cannot be removed.');

    const rename = catchError(() =>
      replaceTopics({
        studyId: study.id,
        actorId: organizer.id,
        items: [
          { id: used.id, name: "Graph learning" },
          { id: unused.id, name: "Prompting" },
        ],
      }),
    );
    expect(rename.fieldErrors?.["0.name"]).toEqual([
      'Topic "Graphs" is used by 1 idea and cannot be renamed; edit its description instead.',
    ]);

    const result = replaceTopics({
      studyId: study.id,
      actorId: organizer.id,
      items: [{ id: used.id, name: "Graphs", description: "Graph ML" }, { name: "Agents" }],
    });
    expect(result.map((t) => [t.name, t.description])).toEqual([
      ["Graphs", "Graph ML"],
      ["Agents", ""],
    ]);
  });

  it("refuses a new key for a condition in use and a new baseline once ideas exist; labels stay editable", () => {
    const {
      organizer,
      study,
      topics: rows,
      conditions: [human, ai],
    } = setupStudy();
    const topic = at(rows, 0);
    advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
    createDraftIdea({ studyId: study.id, authorId: makeUser().id, topicId: topic.id });

    const rekey = catchError(() =>
      replaceConditions({
        studyId: study.id,
        actorId: organizer.id,
        items: [
          { id: human.id, key: "People", label: "Human", isBaseline: true },
          { id: ai.id, key: "AI", label: "AI" },
        ],
      }),
    );
    expect(rekey.message).toBe(
      'Condition "Human" is used by 1 idea; its key cannot change (edit its label instead).',
    );

    const rebase = catchError(() =>
      replaceConditions({
        studyId: study.id,
        actorId: organizer.id,
        items: [
          { id: human.id, key: "Human", label: "Human" },
          { id: ai.id, key: "AI", label: "AI", isBaseline: true },
        ],
      }),
    );
    expect(rebase.message).toBe(
      'The baseline is locked: 1 idea already exists, so "Human" stays the baseline.',
    );

    const removal = catchError(() =>
      replaceConditions({
        studyId: study.id,
        actorId: organizer.id,
        items: [{ key: "Other", label: "o", isBaseline: true }],
      }),
    );
    expect(removal.message).toContain('Condition "Human" is used by 1 idea and cannot be removed.');

    // The unused AI condition may still get a new key; labels change freely; new conditions are added.
    const result = replaceConditions({
      studyId: study.id,
      actorId: organizer.id,
      items: [
        { id: human.id, key: "Human", label: "Human experts", isBaseline: true },
        { id: ai.id, key: "AI_CoI", label: "Chain of Ideas" },
        { key: "AI_Rerank", label: "AI + human rerank" },
      ],
    });
    expect(result.map((c) => [c.key, c.label, c.isBaseline])).toEqual([
      ["Human", "Human experts", true],
      ["AI_CoI", "Chain of Ideas", false],
      ["AI_Rerank", "AI + human rerank", false],
    ]);
  });
});

describe("phases", () => {
  it("refuses writing without topics and enough conditions, listing every reason", () => {
    const organizer = makeUser();
    const study = makeStudy({ organizer });
    db.delete(conditions).where(eq(conditions.studyId, study.id)).run();
    const error = catchError(() => advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" }));
    expect(error.code).toBe("conflict:phase");
    expect(error.message).toBe(
      "The study cannot move to writing: Add at least one topic before writing starts. Add at least two conditions (e.g. Human and AI) before writing starts; the study has 0. Mark exactly one condition as the baseline before writing starts.",
    );
    expect(getStudySettings({ studyId: study.id }).study.status).toBe("setup");
    expect(db.select().from(studyEvents).all()).toEqual([]);

    replaceTopics({ studyId: study.id, actorId: organizer.id, items: [{ name: "Graphs" }] });
    replaceConditions({
      studyId: study.id,
      actorId: organizer.id,
      items: [{ key: "Human", label: "H", isBaseline: true }],
    });
    const oneCondition = catchError(() =>
      advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" }),
    );
    expect(oneCondition.message).toBe(
      "The study cannot move to writing: Add at least two conditions (e.g. Human and AI) before writing starts; the study has 1.",
    );
  });

  it("opens writing, stores the default template (locking it in) and logs the change", () => {
    const { organizer, study } = setupStudy();
    expect(advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" })).toEqual({
      from: "setup",
      to: "writing",
    });
    const row = db.select().from(studies).where(eq(studies.id, study.id)).get()!;
    expect(row).toMatchObject({ status: "writing", ideaTemplate: DEFAULT_IDEA_TEMPLATE });
    const events = listStudyEvents({ studyId: study.id, limit: 10 });
    expect(events[0]).toMatchObject({ kind: "phase_changed", detail: { from: "setup", to: "writing" } });
  });

  it("moves only one step forward, and back one step only with a reason", () => {
    const { organizer, study } = setupStudy();
    const skip = catchError(() =>
      advancePhase({ studyId: study.id, actorId: organizer.id, to: "reviewing" }),
    );
    expect(skip.message).toBe(
      "A study moves one phase at a time: from setup it can go to writing, not to reviewing.",
    );
    const same = catchError(() => advancePhase({ studyId: study.id, actorId: organizer.id, to: "setup" }));
    expect(same.message).toBe("The study is already in the setup phase.");

    advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
    const noReason = catchError(() =>
      advancePhase({ studyId: study.id, actorId: organizer.id, to: "setup", reason: " " }),
    );
    expect(noReason.code).toBe("invalid:phase_reason");
    expect(noReason.message).toBe("Give a reason for moving the study back to setup.");

    advancePhase({ studyId: study.id, actorId: organizer.id, to: "setup", reason: "Forgot a topic" });
    expect(listStudyEvents({ studyId: study.id, limit: 1 })[0]?.detail).toEqual({
      from: "writing",
      to: "setup",
      reason: "Forgot a topic",
    });
    expect(getStudySettings({ studyId: study.id }).study.status).toBe("setup");
  });

  it("closes writing only with a submitted idea, and opens reviewing only when every review text is decided", () => {
    const {
      organizer,
      study,
      topics: rows,
      conditions: [, ai],
    } = setupStudy();
    const topic = at(rows, 0);
    advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
    const writer = makeUser();
    const draft = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: topic.id });
    const noIdea = catchError(() =>
      advancePhase({ studyId: study.id, actorId: organizer.id, to: "normalization" }),
    );
    expect(noIdea.message).toBe(
      "The study cannot move to normalization: Writing cannot close yet: no idea has been submitted.",
    );

    submitIdea({
      studyId: draft.studyId,
      ideaId: draft.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: completeFields,
      attested: false,
    });
    commitIdeaImport({
      studyId: study.id,
      importerId: organizer.id,
      fileName: "ai.jsonl",
      format: "jsonl",
      rows: [{ line: 1, topicId: topic.id, conditionId: ai.id, fields: completeFields }],
    });
    advancePhase({ studyId: study.id, actorId: organizer.id, to: "normalization" });

    const undecided = catchError(() =>
      advancePhase({ studyId: study.id, actorId: organizer.id, to: "reviewing" }),
    );
    expect(undecided.message).toBe(
      "The study cannot move to reviewing: 2 submitted ideas have no review text decided yet: accept, edit or reject the normalized text of each first.",
    );
    const imported = db.select({ id: ideas.id }).from(ideas).where(eq(ideas.provenance, "imported")).get()!;
    saveNormalizationResult({ ideaId: imported.id, normalizedFields: completeFields });
    reviewNormalization({ studyId: study.id, ideaId: imported.id, decision: "accept" });
    const one = catchError(() => advancePhase({ studyId: study.id, actorId: organizer.id, to: "reviewing" }));
    expect(one.message).toContain("1 submitted idea has no review text decided yet");
    reviewNormalization({ studyId: study.id, ideaId: draft.id, decision: "reject" });
    advancePhase({ studyId: study.id, actorId: organizer.id, to: "reviewing" });

    const kinds = listStudyEvents({ studyId: study.id, limit: 10 })
      .filter((e) => e.kind === "phase_changed")
      .map((e) => e.detail.to);
    expect(kinds).toEqual(["reviewing", "normalization", "writing"]);
  });
});

describe("consent", () => {
  it("records consent once, with the text accepted and the time, and keeps it when the text changes", () => {
    const { organizer, study } = setupStudy();
    updateStudyDetails({
      studyId: study.id,
      actorId: organizer.id,
      title: "A study",
      description: "",
      instructions: "",
      consentText: "Version 1 of the consent.",
    });
    const writer = makeUser();
    expect(hasConsented({ studyId: study.id, userId: writer.id })).toBe(false);
    const first = recordConsent({ studyId: study.id, userId: writer.id });
    expect(first.consentText).toBe("Version 1 of the consent.");
    expect(first.acceptedAt).toBeGreaterThan(0);

    updateStudyDetails({
      studyId: study.id,
      actorId: organizer.id,
      title: "A study",
      description: "",
      instructions: "",
      consentText: "Version 2.",
    });
    expect(recordConsent({ studyId: study.id, userId: writer.id })).toEqual(first);
    expect(hasConsented({ studyId: study.id, userId: writer.id })).toBe(true);
    expect(hasConsented({ studyId: study.id, userId: organizer.id })).toBe(false);
  });
});
