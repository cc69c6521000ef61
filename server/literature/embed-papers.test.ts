import { beforeEach, describe, expect, it } from "vitest";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { searchPapers } from "@/db/queries/literature/search";
import { resetTestDb } from "@/db/testing/db";
import { mockEmbedding } from "@/lib/literature/mock-embedding";
import { dot } from "@/lib/literature/rank";
import { paper } from "@/lib/literature/test-papers";
import { embedMissingPapers } from "./embed-papers";

let db: ReturnType<typeof resetTestDb>;
beforeEach(() => {
  db = resetTestDb();
});

const papers = [
  "graph neural networks",
  "protein folding",
  "graph partitioning",
  "speech synthesis",
  "image captioning",
].map((t, i) => paper({ importId: `p${i}`, title: t, abstract: `${t} study`, year: 2000 + i }));

describe("mockEmbedding", () => {
  it("is deterministic, unit length, and closer for texts that share words", () => {
    expect(mockEmbedding("graph neural networks")).toEqual(mockEmbedding("graph neural networks"));
    expect(dot(mockEmbedding("a b c"), mockEmbedding("a b c"))).toBeCloseTo(1, 5);
    expect(dot(mockEmbedding("graph networks"), mockEmbedding("graph partitioning"))).toBeGreaterThan(
      dot(mockEmbedding("graph networks"), mockEmbedding("speech synthesis")),
    );
  });
});

describe("embedMissingPapers", () => {
  it("embeds in batches with progress, skips papers already embedded, and enables hybrid search", async () => {
    upsertCorpus({ corpus: { papers, edges: [], unresolved: [] }, studyId: null });
    const calls: number[] = [];
    const progress: number[] = [];
    const embed = async (texts: string[]) => {
      calls.push(texts.length);
      return texts.map((t) => mockEmbedding(t));
    };
    expect(
      await embedMissingPapers({
        model: "mock",
        studyId: null,
        embed,
        batchSize: 2,
        onProgress: (n) => progress.push(n),
      }),
    ).toEqual({ embedded: 5 });
    expect(calls).toEqual([2, 2, 1]);
    expect(progress).toEqual([2, 4, 5]);
    expect(await embedMissingPapers({ model: "mock", studyId: null, embed })).toEqual({ embedded: 0 });
    expect(calls).toHaveLength(3);
    expect(db.$client.prepare("SELECT count(*) AS n FROM paper_embeddings").get()).toEqual({ n: 5 });
    // "graph" matches two papers lexically; the vector side ranks the graph papers first too.
    const hits = searchPapers({
      query: "graph",
      studyId: null,
      embedding: { model: "mock", vector: mockEmbedding("graph") },
    });
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.title)
        .sort(),
    ).toEqual(["graph neural networks", "graph partitioning"]);
    expect(hits[0]?.vectorRank).not.toBeNull();
  });

  it("refuses a model answer with the wrong number of vectors and stores nothing of that batch", async () => {
    upsertCorpus({ corpus: { papers, edges: [], unresolved: [] }, studyId: null });
    await expect(
      embedMissingPapers({ model: "mock", studyId: null, embed: async () => [], batchSize: 2 }),
    ).rejects.toThrow("returned 0 vectors for 2 texts");
    expect(db.$client.prepare("SELECT count(*) AS n FROM paper_embeddings").get()).toEqual({ n: 0 });
  });
});
