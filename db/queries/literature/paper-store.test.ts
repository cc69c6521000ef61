import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { buildChains } from "@/lib/chains/build";
import { paper } from "@/lib/literature/test-papers";
import type { ParsedCorpus } from "@/lib/literature/types";
import { setLiteratureCutoff } from "./cutoff";
import { createStudyPaperStore, earlierCutoff } from "./paper-store";
import { upsertCorpus } from "./papers";

beforeEach(() => {
  resetTestDb();
});

// A line of parsing papers (0 ← 1 ← 2 ← 3: each cites the one before) plus one off-topic paper.
const line: ParsedCorpus = {
  papers: [
    paper({ importId: "p0", title: "Parsing with grammars", abstract: "Context-free parsing.", year: 1990 }),
    paper({ importId: "p1", title: "Statistical parsing", abstract: "Parsing with counts.", year: 2000 }),
    paper({ importId: "p2", title: "Neural parsing", abstract: "Parsing with networks.", year: 2010 }),
    paper({
      importId: "p3",
      title: "Parsing with transformers",
      abstract: "Parsing, again.",
      year: 2020,
      date: "2020-06-15",
    }),
    paper({ importId: "x", title: "Speech recognition", abstract: "Acoustic models.", year: 2005 }),
  ],
  edges: [
    { citing: 1, cited: 0 },
    { citing: 2, cited: 1 },
    { citing: 3, cited: 2 },
    { citing: 2, cited: 0 },
  ],
  unresolved: [],
};

function setup() {
  const organizer = makeUser();
  const study = makeStudy({ organizer });
  const other = makeStudy({ organizer, title: "Other" });
  const { ids } = upsertCorpus({ corpus: line, studyId: null });
  const id = (i: number) => ids[i] as string;
  return { study, other, id };
}

describe("createStudyPaperStore", () => {
  it("searches the FTS index, best first, with abstracts, and reads a paper by id", async () => {
    const { study, id } = setup();
    const store = createStudyPaperStore({ studyId: study.id, before: null });
    const hits = await store.search("parsing transformers", { before: null, limit: 10 });
    expect(hits[0]).toEqual({
      id: id(3),
      title: "Parsing with transformers",
      abstract: "Parsing, again.",
      year: 2020,
      date: "2020-06-15",
      citationCount: null,
    });
    expect(hits.map((h) => h.id)).not.toContain(id(4));
    expect(await store.search("parsing", { before: null, limit: 2 })).toHaveLength(2);
    expect(await store.search("   ", { before: null, limit: 5 })).toEqual([]);
    expect((await store.getPaper(id(1)))?.title).toBe("Statistical parsing");
    expect(await store.getPaper("no-such-id")).toBeNull();
  });

  it("citing follows forward edges and references backward edges", async () => {
    const { study, id } = setup();
    const store = createStudyPaperStore({ studyId: study.id, before: null });
    expect((await store.citing(id(0))).map((p) => p.id).sort()).toEqual([id(1), id(2)].sort());
    expect((await store.references(id(2))).map((p) => p.id).sort()).toEqual([id(0), id(1)].sort());
    expect(await store.citing(id(3))).toEqual([]);
    expect(await store.references(id(0))).toEqual([]);
  });

  it("applies the study's cut-off, the store's `before` and the search's `before` everywhere", async () => {
    const { study, id } = setup();
    setLiteratureCutoff({ studyId: study.id, cutoff: "2015-01-01" });
    const store = createStudyPaperStore({ studyId: study.id, before: null });
    expect((await store.search("parsing", { before: null, limit: 10 })).map((p) => p.id)).not.toContain(
      id(3),
    );
    expect(await store.getPaper(id(3))).toBeNull();
    expect(await store.citing(id(2))).toEqual([]);

    const early = createStudyPaperStore({ studyId: study.id, before: "2005-01-01" });
    expect((await early.citing(id(0))).map((p) => p.id)).toEqual([id(1)]);
    expect(await early.getPaper(id(2))).toBeNull();
    const searched = await store.search("parsing", { before: "2001-01-01", limit: 10 });
    expect(searched.map((p) => p.id).sort()).toEqual([id(0), id(1)].sort());
  });

  it("sees the instance corpus and its own study's papers, never another study's", async () => {
    const { study, other, id } = setup();
    const mine = upsertCorpus({
      corpus: {
        papers: [paper({ importId: "m", title: "Parsing my own way", year: 2012 })],
        edges: [],
        unresolved: [],
      },
      studyId: study.id,
    }).ids[0] as string;
    const theirs = createStudyPaperStore({ studyId: other.id, before: null });
    expect(await theirs.getPaper(mine)).toBeNull();
    expect((await theirs.search("parsing own way", { before: null, limit: 10 })).map((p) => p.id)).toEqual(
      expect.not.arrayContaining([mine]),
    );
    const store = createStudyPaperStore({ studyId: study.id, before: null });
    expect((await store.getPaper(mine))?.id).toBe(mine);
    expect((await store.getPaper(id(0)))?.id).toBe(id(0));
  });

  it("lets the chain builder build a chain from the database", async () => {
    const { study, id } = setup();
    const store = createStudyPaperStore({ studyId: study.id, before: null });
    const result = await buildChains({ topic: "neural parsing", store, options: { k: 1 } });
    const chain = result.chains[0];
    expect(chain?.nodes.map((n) => n.paperId)).toContain(id(2));
    const years = chain?.nodes.map((n) => n.year ?? 0) ?? [];
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(chain?.nodes.some((n) => n.direction === "backward")).toBe(true);
  });
});

describe("earlierCutoff", () => {
  it("keeps the earlier date, ignoring a missing one", () => {
    expect(earlierCutoff(null, null)).toBeNull();
    expect(earlierCutoff("2020-01-01", null)).toBe("2020-01-01");
    expect(earlierCutoff(null, "2019-01-01")).toBe("2019-01-01");
    expect(earlierCutoff("2020-01-01", "2019-01-01")).toBe("2019-01-01");
  });
});
