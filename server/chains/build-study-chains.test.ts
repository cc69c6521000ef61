import { beforeEach, describe, expect, it } from "vitest";
import { setLiteratureCutoff } from "@/db/queries/literature/cutoff";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { createScriptedModel } from "@/lib/chains/fake-store";
import type { ChainBuildStage } from "@/lib/chains/progress";
import { paper } from "@/lib/literature/test-papers";
import { buildStudyChains, studyChainBefore } from "./build-study-chains";

beforeEach(() => {
  resetTestDb();
});

function seed() {
  const organizer = makeUser();
  const study = makeStudy({ organizer });
  const { ids } = upsertCorpus({
    corpus: {
      papers: [
        paper({ importId: "a", title: "Parsing basics", year: 1990 }),
        paper({ importId: "b", title: "Parsing with counts", year: 2000 }),
        paper({ importId: "c", title: "Neural parsing", year: 2010 }),
        paper({ importId: "d", title: "Parsing with transformers", year: 2020 }),
      ],
      edges: [
        { citing: 1, cited: 0 },
        { citing: 2, cited: 1 },
        { citing: 3, cited: 2 },
      ],
      unresolved: [],
    },
    studyId: null,
  });
  return { study, ids };
}

describe("buildStudyChains", () => {
  it("builds a chain from the study's store, oldest first, reporting its stages", async () => {
    const { study, ids } = seed();
    const stages: ChainBuildStage[] = [];
    const result = await buildStudyChains({
      studyId: study.id,
      topic: "neural parsing",
      options: { k: 1 },
      llm: createScriptedModel({}),
      offline: true,
      onProgress: (p) => stages.push(p.stage),
    });
    expect(result.chains[0]?.nodes.map((n) => n.paperId)).toEqual(ids);
    expect(result.chains[0]?.nodes.map((n) => n.direction)).toContain("anchor");
    expect(stages.slice(0, 3)).toEqual(["queries", "candidates", "anchor"]);
  });

  it("keeps every paper on or before the study's cut-off, and the caller's `before` if earlier", async () => {
    const { study, ids } = seed();
    setLiteratureCutoff({ studyId: study.id, cutoff: "2010-12-31" });
    expect(studyChainBefore(study.id, null)).toBe("2011-01-01");
    expect(studyChainBefore(study.id, "2005-01-01")).toBe("2005-01-01");
    const result = await buildStudyChains({
      studyId: study.id,
      topic: "neural parsing",
      options: { k: 1 },
      llm: createScriptedModel({}),
      offline: true,
    });
    expect(result.chains[0]?.nodes.map((n) => n.paperId)).toEqual(ids.slice(0, 3));
  });

  it("stops when the signal is aborted", async () => {
    const { study } = seed();
    const controller = new AbortController();
    controller.abort(new Error("cancelled by the organizer"));
    await expect(
      buildStudyChains({
        studyId: study.id,
        topic: "neural parsing",
        llm: null,
        offline: true,
        signal: controller.signal,
      }),
    ).rejects.toThrow("cancelled by the organizer");
  });
});
