import { beforeEach, describe, expect, it } from "vitest";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { getReadings, savePaperText } from "@/db/queries/literature/readings";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { extractReadPaperInput, type PaperReading } from "@/lib/ai/prompts/read-paper";
import { paper } from "@/lib/literature/test-papers";
import { type ReadPaperCall, readPaper } from "./read-paper";

beforeEach(() => {
  resetTestDb();
});

function reading(text: string): PaperReading {
  return {
    background: `Background of ${text.slice(0, 40)}`,
    novelty: "New.",
    contribution: "A parser.",
    method: "Attention.",
    limitation: "not stated",
    entities: ["Penn Treebank"],
    experimentSteps: [],
  };
}

/** A model call that records what it was given and answers from the prompt's text. */
function recordingCall() {
  const seen: string[] = [];
  const call: ReadPaperCall = async ({ prompt }) => {
    const input = extractReadPaperInput(prompt);
    seen.push(input?.text ?? "");
    return { reading: reading(input?.text ?? ""), callId: null };
  };
  return { call, seen };
}

function seed() {
  const organizer = makeUser();
  const study = makeStudy({ organizer });
  const other = makeStudy({ organizer, title: "Other" });
  const [id, empty] = upsertCorpus({
    corpus: {
      papers: [
        paper({ importId: "p", title: "Neural parsing", abstract: "We parse with networks.", year: 2010 }),
        paper({ importId: "e", title: "No abstract", abstract: "", year: 2011 }),
      ],
      edges: [],
      unresolved: [],
    },
    studyId: study.id,
  }).ids as [string, string];
  return { organizer, study, other, id, empty };
}

describe("readPaper", () => {
  it("reads the abstract once: a second read for the same model makes no model call", async () => {
    const { study, id } = seed();
    const { call, seen } = recordingCall();
    const first = await readPaper({ paperId: id, studyId: study.id, model: "m1", call });
    expect(first).toMatchObject({ source: "abstract", cached: false });
    const second = await readPaper({ paperId: id, studyId: study.id, model: "m1", call });
    expect(second).toEqual({ ...first, cached: true });
    expect(seen).toEqual(["We parse with networks."]);
    // Another model reads it again: the cache is per paper and model.
    await readPaper({ paperId: id, studyId: study.id, model: "m2", call });
    expect(seen).toHaveLength(2);
  });

  it("reads the uploaded full text instead of the abstract, and prefers that reading", async () => {
    const { organizer, study, id } = seed();
    const { call, seen } = recordingCall();
    await readPaper({ paperId: id, studyId: study.id, model: "m1", call });
    savePaperText({
      paperId: id,
      text: "Full text: we parse with networks and evaluate on the treebank.",
      pages: 1,
      fileName: "p.pdf",
      bytes: 900,
      uploadedBy: organizer.id,
    });
    const r = await readPaper({ paperId: id, studyId: study.id, model: "m1", call });
    expect(r).toMatchObject({ source: "full_text", cached: false });
    expect(seen[1]).toContain("Full text:");
    expect(getReadings({ paperIds: [id], model: "m1" }).get(id)?.source).toBe("full_text");
  });

  it("refuses a paper the study cannot see, and a paper with nothing to read, without calling the model", async () => {
    const { study, other, id, empty } = seed();
    const { call, seen } = recordingCall();
    await expect(readPaper({ paperId: id, studyId: other.id, model: "m1", call })).rejects.toThrow(
      "not in the study's literature",
    );
    await expect(readPaper({ paperId: empty, studyId: study.id, model: "m1", call })).rejects.toThrow(
      '"No abstract" has no abstract and no uploaded PDF',
    );
    expect(seen).toEqual([]);
  });

  it("stores nothing when the call's answer has the wrong shape", async () => {
    const { study, id } = seed();
    const bad: ReadPaperCall = async () => ({
      reading: { ...reading("x"), trend: "swapped" } as unknown as PaperReading,
      callId: null,
    });
    await expect(readPaper({ paperId: id, studyId: study.id, model: "m1", call: bad })).rejects.toThrow();
    expect(getReadings({ paperIds: [id], model: "m1" }).size).toBe(0);
  });
});
