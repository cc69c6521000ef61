import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { normalizeVector } from "@/lib/literature/rank";
import { paper } from "@/lib/literature/test-papers";
import type { ParsedCorpus } from "@/lib/literature/types";
import { setLiteratureCutoff } from "./cutoff";
import { saveEmbeddings } from "./embeddings";
import { getNeighbours, getVisiblePaper } from "./neighbours";
import { upsertCorpus } from "./papers";
import { searchPapers } from "./search";

let db: ReturnType<typeof resetTestDb>;
beforeEach(() => {
  db = resetTestDb();
});

const count = (table: string) =>
  (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

// A small corpus written for these tests: three translation papers of different strength, one parsing paper.
const fixture: ParsedCorpus = {
  papers: [
    paper({
      importId: "mt1",
      title: "Neural machine translation by jointly learning to align",
      abstract: "We translate with attention over source words in machine translation.",
      year: 2014,
      date: "2014-09-01",
    }),
    paper({
      importId: "mt2",
      title: "Phrase-based statistical translation",
      abstract: "Phrase tables for translation.",
      year: 2003,
    }),
    paper({
      importId: "parse",
      title: "Dependency parsing with transition systems",
      abstract: "A fast parser.",
      year: 2008,
    }),
    paper({
      importId: "late",
      title: "Machine translation with large language models",
      abstract: "Machine translation machine translation prompts.",
      year: 2023,
      date: "2023-05-01",
    }),
  ],
  edges: [
    { citing: 0, cited: 1 },
    { citing: 3, cited: 0 },
    { citing: 3, cited: 1 },
  ],
  unresolved: [{ paper: 0, reference: { title: "An unpublished memo on alignment", year: 1999 } }],
};

describe("upsertCorpus", () => {
  it("stores papers, edges and unresolved references, and storing it again changes nothing", () => {
    const first = upsertCorpus({ corpus: fixture, studyId: null, now: 1 });
    expect(first).toMatchObject({ inserted: 4, merged: 0, unchanged: 0, edgesAdded: 3 });
    const snapshot = db.$client.prepare("SELECT * FROM papers ORDER BY seq").all();
    const second = upsertCorpus({ corpus: fixture, studyId: null, now: 2 });
    expect(second).toMatchObject({ inserted: 0, merged: 0, unchanged: 4, edgesAdded: 0 });
    expect(second.ids).toEqual(first.ids);
    expect(db.$client.prepare("SELECT * FROM papers ORDER BY seq").all()).toEqual(snapshot);
    expect(count("paper_edges")).toBe(3);
    expect(count("paper_unresolved_refs")).toBe(1);
  });

  it("merges the same paper from two sources into one row (DOI, then title + year)", () => {
    const s2 = paper({
      s2Id: "b".repeat(40),
      doi: "10.5555/nmt",
      title: "Neural MT",
      abstract: "short",
      citationCount: 10,
      source: "semantic_scholar",
    });
    const oa = paper({
      openalexId: "https://openalex.org/W42",
      doi: "https://doi.org/10.5555/NMT",
      title: "Neural MT",
      abstract: "a longer abstract from OpenAlex",
      citationCount: 12,
      venue: "ICLR",
      source: "openalex",
    });
    const arxiv = paper({ arxivId: "1409.0473v7", title: "neural mt!", year: 2017, source: "arxiv" });
    upsertCorpus({ corpus: { papers: [s2], edges: [], unresolved: [] }, studyId: null });
    const r = upsertCorpus({ corpus: { papers: [oa, arxiv], edges: [], unresolved: [] }, studyId: null });
    expect(r).toMatchObject({ inserted: 0, merged: 2 });
    expect(count("papers")).toBe(1);
    const row = db.$client.prepare("SELECT * FROM papers").get() as Record<string, unknown>;
    expect(row).toMatchObject({
      s2_id: "b".repeat(40),
      doi: "10.5555/nmt",
      openalex_id: "W42",
      arxiv_id: "1409.0473",
      abstract: "a longer abstract from OpenAlex",
      citation_count: 12,
      venue: "ICLR",
      source: "semantic_scholar",
    });
  });

  it("keeps two papers apart when their DOIs differ, even with equal title and year", () => {
    const a = paper({ doi: "10.1000/a", title: "Introduction" });
    const b = paper({ doi: "10.1000/b", title: "Introduction" });
    expect(
      upsertCorpus({ corpus: { papers: [a, b], edges: [], unresolved: [] }, studyId: null }).inserted,
    ).toBe(2);
  });

  it("keeps a study's corpus apart from the instance's", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    upsertCorpus({ corpus: fixture, studyId: null });
    expect(upsertCorpus({ corpus: fixture, studyId: study.id }).inserted).toBe(4);
    expect(searchPapers({ query: "parsing", studyId: null }).map((h) => h.studyId)).toEqual([null]);
  });

  it("rolls back everything when one write fails", () => {
    expect(() => upsertCorpus({ corpus: fixture, studyId: "no-such-study" })).toThrow(/study/);
    expect(count("papers")).toBe(0);
    expect(count("paper_edges")).toBe(0);
  });
});

describe("searchPapers", () => {
  beforeEach(() => {
    upsertCorpus({ corpus: fixture, studyId: null });
  });

  it("ranks by BM25: title matches above abstract-only matches, non-matching papers absent", () => {
    const titles = searchPapers({ query: "machine translation", studyId: null }).map((h) => h.title);
    expect(titles).toEqual([
      "Machine translation with large language models",
      "Neural machine translation by jointly learning to align",
      "Phrase-based statistical translation",
    ]);
  });

  it("filters by year range, venue and source", () => {
    expect(
      searchPapers({ query: "translation", studyId: null, filters: { yearFrom: 2004, yearTo: 2020 } }).map(
        (h) => h.year,
      ),
    ).toEqual([2014]);
    expect(searchPapers({ query: "translation", studyId: null, filters: { source: "openalex" } })).toEqual(
      [],
    );
    expect(searchPapers({ query: "translation", studyId: null, filters: { venue: "acl" } })).toEqual([]);
  });

  it("never returns a paper after the study's cut-off, whatever the query or filters ask", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    const lateId = searchPapers({ query: "large language models", studyId: study.id })[0]?.id;
    expect(lateId).toBeDefined();
    setLiteratureCutoff({ studyId: study.id, cutoff: "2020-01-01" });
    const attempts = [
      searchPapers({ query: "large language models", studyId: study.id }),
      searchPapers({ query: "machine translation", studyId: study.id, filters: { yearFrom: 2020 } }),
      searchPapers({ query: "machine translation", studyId: study.id, filters: { before: "2030-01-01" } }),
      searchPapers({
        query: "translation",
        studyId: study.id,
        embedding: { model: "m", vector: normalizeVector([1, 0]) },
      }),
    ];
    for (const hits of attempts) expect(hits.map((h) => h.id)).not.toContain(lateId);
    expect(getVisiblePaper({ paperId: lateId as string, studyId: study.id })).toBeUndefined();
    const mt1 = searchPapers({ query: "align", studyId: study.id })[0]?.id as string;
    expect(getNeighbours({ paperId: mt1, studyId: study.id }).citing).toEqual([]);
    // The instance (no study) still sees it.
    expect(getVisiblePaper({ paperId: lateId as string, studyId: null })?.year).toBe(2023);
  });

  it("a paper known only by its year counts as published on Dec 31 of that year", () => {
    const organizer = makeUser({ canCreateStudies: true });
    const study = makeStudy({ organizer });
    setLiteratureCutoff({ studyId: study.id, cutoff: "2003-06-30" });
    expect(searchPapers({ query: "phrase", studyId: study.id })).toEqual([]);
    setLiteratureCutoff({ studyId: study.id, cutoff: "2003-12-31" });
    expect(searchPapers({ query: "phrase", studyId: study.id })).toHaveLength(1);
  });

  it("fuses BM25 with cosine over stored embeddings", () => {
    const ids = Object.fromEntries(
      searchPapers({ query: "translation parsing", studyId: null, limit: 10 }).map((h) => [h.title, h.id]),
    );
    const parseId = ids["Dependency parsing with transition systems"] as string;
    const rows = Object.values(ids).map((id) => ({
      paperId: id,
      vector: normalizeVector(id === parseId ? [1, 0] : [0, 1]),
    }));
    saveEmbeddings({ model: "m", rows });
    const bm25Only = searchPapers({ query: "machine translation", studyId: null });
    expect(bm25Only.map((h) => h.id)).not.toContain(parseId);
    const hybrid = searchPapers({
      query: "machine translation",
      studyId: null,
      embedding: { model: "m", vector: normalizeVector([1, 0]) },
    });
    const parseHit = hybrid.find((h) => h.id === parseId);
    expect(parseHit).toMatchObject({ bm25Rank: null, vectorRank: 1 });
  });
});

describe("getNeighbours", () => {
  it("lists citing papers and references, and unresolved reference titles", () => {
    upsertCorpus({ corpus: fixture, studyId: null });
    const mt1 = searchPapers({ query: "align", studyId: null })[0]?.id as string;
    const n = getNeighbours({ paperId: mt1, studyId: null });
    expect(n.citing.map((p) => p.title)).toEqual(["Machine translation with large language models"]);
    expect(n.references.map((p) => p.title)).toEqual(["Phrase-based statistical translation"]);
    expect(n.unresolved).toEqual([{ title: "An unpublished memo on alignment", year: 1999 }]);
  });
});
